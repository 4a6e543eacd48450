//! Small drawing helpers shared by the screens.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use crate::money::{Period, Rupees, format_range};
use crate::tui::theme::Theme;

/// A bordered box, its border brighter when focused.
pub fn block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(title)
}

/// `text` with the characters at `marks` (char positions) in `hl`.
///
/// Works on grapheme clusters: a cluster is highlighted when any of its
/// characters is marked, so a span never starts with a combining mark or a
/// vowel sign (a match on "ड" in "डेटा" takes "डे"). Such a span would put
/// the mark in a cell of its own, which the terminal joins to the previous
/// cell, shifting the rest of the row one column left.
pub fn highlighted<'a>(text: &'a str, marks: &[usize], base: Style, hl: Style) -> Line<'a> {
    use unicode_segmentation::UnicodeSegmentation;
    if marks.is_empty() {
        return Line::from(Span::styled(text, base));
    }
    let style = |on: bool| if on { base.patch(hl) } else { base };
    let mut spans = Vec::new();
    let (mut start, mut run_hl) = (0usize, false);
    let mut chars = 0usize;
    for (at, g) in text.grapheme_indices(true) {
        let n = g.chars().count();
        let is_hl = marks
            .get(marks.partition_point(|&m| m < chars)..)
            .and_then(|rest| rest.first())
            .is_some_and(|&m| m < chars + n);
        chars += n;
        if is_hl != run_hl && at > start {
            spans.push(Span::styled(&text[start..at], style(run_hl)));
            start = at;
        }
        run_hl = is_hl;
    }
    if start < text.len() {
        spans.push(Span::styled(&text[start..], style(run_hl)));
    }
    Line::from(spans)
}

/// A salary range in the display period.
pub fn salary(min: Option<Rupees>, max: Option<Rupees>, period: Period) -> String {
    format_range(min, max, period)
}

/// Rupees in thousands for tight columns: "18", "10.5".
pub fn thousands(n: u32) -> String {
    if n.is_multiple_of(1000) {
        (n / 1000).to_string()
    } else {
        format!("{:.1}", f64::from(n) / 1000.0)
    }
}

/// A rectangle of `w`×`h` centred in `area` (clamped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A horizontal range bar `width` cells wide: blank up to `lo`, filled to
/// `hi`, on a scale where `width` cells are `scale`.
pub fn range_bar(lo: u32, hi: u32, scale: u32, width: usize) -> String {
    if width == 0 || scale == 0 {
        return String::new();
    }
    let cell =
        |v: u32| ((u64::from(v) * width as u64) / u64::from(scale)).min(width as u64) as usize;
    let (a, b) = (cell(lo), cell(hi).max(cell(lo) + 1).min(width));
    let a = a.min(b.saturating_sub(1));
    format!(
        "{}{}{}",
        " ".repeat(a),
        "█".repeat(b - a),
        " ".repeat(width - b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_runs_of_marked_characters() {
        let l = highlighted("Payroll", &[0, 1, 2], Style::new(), Style::new().bold());
        assert_eq!(l.spans.len(), 2);
        assert_eq!(l.spans[0].content, "Pay");
        assert_eq!(l.spans[1].content, "roll");
    }

    #[test]
    fn highlights_whole_clusters() {
        let (base, hl) = (Style::new(), Style::new().bold());
        // "ड" marked, its vowel sign "े" (char 1) comes along
        let l = highlighted("डेटा", &[0], base, hl);
        let parts: Vec<_> = l
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        assert_eq!(parts, [("डे", base.patch(hl)), ("टा", base)]);
        // a mark on the combining accent alone lights its whole cluster
        let l = highlighted("cafe\u{301} x", &[4], base, hl);
        let parts: Vec<_> = l.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["caf", "e\u{301}", " x"]);
    }

    #[test]
    fn range_bars_fill_between_the_ends() {
        assert_eq!(range_bar(10, 20, 40, 8), "  ██    ");
        assert_eq!(range_bar(0, 40, 40, 4), "████");
        assert_eq!(range_bar(39, 40, 40, 4), "   █");
        assert_eq!(range_bar(5, 6, 40, 0), "");
    }
}
