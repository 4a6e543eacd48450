//! Detail panes: everything about one listing, or one role.

mod compare;
mod listing;
mod role;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;
use crate::tui::ui::wrap;

pub use compare::compare_open;
pub use listing::{listing, listing_max_scroll};
pub use role::{role, role_max_scroll};

fn heading<'a>(text: &'a str, th: &Theme) -> Line<'a> {
    Line::from(Span::styled(text, th.accent))
}

/// "Your fit 72/100" and its reasons, after a blank line.
fn fit_lines(fit: crate::fit::Fit, th: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::default(),
        Line::from(vec![
            Span::styled("Your fit ", th.accent),
            Span::styled(format!("{}/100", fit.score), th.title),
        ]),
    ];
    out.extend(
        fit.reasons
            .into_iter()
            .map(|r| Line::from(format!("• {r}"))),
    );
    out
}

fn field<'a>(name: &'a str, value: String, th: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{name}: "), th.title),
        Span::raw(value),
    ])
}

/// `lines` wrapped to `width`, except those whose whole text is one of
/// `keep` (a link, an e-mail address, a phone number): those stay one
/// line, cut with "…" only when the pane is narrower than they are.
pub fn unbroken(lines: &[Line<'_>], width: u16, keep: &[&str]) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in lines {
        let text = line.to_string();
        if !text.is_empty() && keep.contains(&text.as_str()) {
            let cut = crate::display::truncate(&text, usize::from(width));
            out.push(Line::from(Span::styled(cut, line.style)));
        } else {
            out.extend(wrap::lines(std::slice::from_ref(line), width, false));
        }
    }
    out
}

/// How far `lines` (wrapped) in a bordered pane `r` scroll before the last
/// sits at the bottom: the lines less those that show.
pub fn max_scroll(lines: &[Line<'_>], r: Rect) -> u16 {
    let lines = lines.len();
    let shown = usize::from(r.height.saturating_sub(2));
    u16::try_from(lines.saturating_sub(shown)).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_stay_whole_or_end_in_an_ellipsis() {
        let url = "https://shivalaya-multispeciality-hospital.example.com/jobs/13";
        let lines = vec![
            Line::from("Apply"),
            Line::from(url),
            Line::from("a few words that wrap at a narrow width"),
        ];
        let wide = unbroken(&lines, 80, &[url]);
        assert_eq!(wide[1].to_string(), url);
        let narrow: Vec<String> = unbroken(&lines, 30, &[url])
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(narrow[1], "https://shivalaya-multispecia…");
        // the link is one line; the prose around it wraps
        assert_eq!(narrow.len(), 4, "{narrow:?}");
    }
}
