//! Drawing a search screen: the box, the sidebar, and the panes around
//! what the screen draws itself (its list and its detail).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Pane;
use super::update::Listed;
use crate::money::group_indian;
use crate::tui::input::TextInput;
use crate::tui::layout::Panes;
use crate::tui::sidebar::{self, Mark, SideId, SideLine};
use crate::tui::state::{SideState, State};
use crate::tui::theme::Theme;
use crate::tui::ui::widgets::block;

/// Draws screen `S` in `area`: the box (its title and what it shows
/// while empty) and the sidebar here, the list and the detail by `list`
/// and `detail`. Returns where the panes went.
pub(crate) fn render<S: Listed>(
    frame: &mut Frame<'_>,
    area: Rect,
    st: &State,
    [title, placeholder]: [&str; 2],
    list: impl FnOnce(&mut Frame<'_>, Rect),
    detail: impl FnOnce(&mut Frame<'_>, Rect),
) -> Panes {
    let p = S::panes_in(st, area);
    let s = S::screen(st);
    search_box(
        frame,
        p.search,
        &s.input,
        s.pane == Pane::Search,
        title,
        placeholder,
        &st.theme,
    );
    if let Some(r) = p.side {
        side(
            frame,
            r,
            &S::side_lines(st),
            &s.side,
            s.pane == Pane::Filters,
            " Filters ",
            &st.theme,
        );
    }
    if let Some(r) = p.main {
        list(frame, r);
    }
    if let Some(r) = p.detail {
        detail(frame, r);
    }
    p
}

/// A search box: bordered when there is room, one line otherwise.
pub fn search_box(
    frame: &mut Frame<'_>,
    r: Rect,
    input: &TextInput,
    focused: bool,
    title: &str,
    placeholder: &str,
    th: &Theme,
) {
    let inner = if r.height >= 3 {
        let b = block(title.to_string(), focused, th);
        let inner = b.inner(r);
        frame.render_widget(b, r);
        inner
    } else {
        let prompt = Span::styled("/ ", if focused { th.accent } else { th.muted });
        frame.render_widget(Paragraph::new(prompt), r);
        let indent = r.width.min(2);
        Rect::new(r.x + indent, r.y, r.width - indent, r.height)
    };
    // keep the cursor in view when the text is wider than the box
    let (shown, col) = input.window(usize::from(inner.width));
    let text = if input.text().is_empty() {
        Line::from(Span::styled(placeholder, th.muted))
    } else {
        Line::from(shown)
    };
    frame.render_widget(Paragraph::new(text), inner);
    if focused && inner.width > 0 && inner.height > 0 {
        let x = inner.x + (col as u16).min(inner.width - 1);
        frame.set_cursor_position((x, inner.y));
    }
}

/// A filter sidebar.
pub fn side(
    frame: &mut Frame<'_>,
    r: Rect,
    lines: &[SideLine],
    side: &SideState,
    focused: bool,
    title: &str,
    th: &Theme,
) {
    let b = block(title.to_string(), focused, th);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let at = sidebar::position(lines, &side.at);
    let w = inner.width as usize;
    let shown: Vec<Line<'_>> = lines
        .iter()
        .enumerate()
        .skip(side.offset)
        .take(inner.height as usize)
        .map(|(i, line)| {
            let mut l = side_line(line, w, th);
            if i == at {
                l = if focused {
                    th.select(l)
                } else {
                    l.patch_style(Style::new().add_modifier(Modifier::UNDERLINED))
                };
            }
            l
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn side_line<'a>(line: &'a SideLine, width: usize, th: &Theme) -> Line<'a> {
    use unicode_width::UnicodeWidthStr;
    match &line.id {
        // cut with "…" like the values, not bare at the border, keeping
        // the count of what is selected in it
        SideId::Header(_) => {
            let count = line.count.map(|n| format!(" ({n})")).unwrap_or_default();
            let title = crate::display::truncate(&line.label, width.saturating_sub(count.width()));
            Line::from(Span::styled(format!("{title}{count}"), th.accent))
        }
        SideId::More(_) => Line::from(Span::styled(
            crate::display::truncate(&format!("   {}", line.label), width),
            th.muted,
        )),
        SideId::Value(..) => {
            let (mark, style) = match line.mark {
                Mark::Included => ("[+]", th.good.add_modifier(Modifier::BOLD)),
                Mark::Excluded => ("[-]", th.bad.add_modifier(Modifier::CROSSED_OUT)),
                Mark::None => ("[ ]", Style::new()),
            };
            let count = line
                .count
                .map(|c| group_indian(u64::from(c)))
                .unwrap_or_default();
            let room = width.saturating_sub(4 + count.width() + 1);
            let label = crate::display::truncate(&line.label, room);
            let pad = room.saturating_sub(label.width());
            Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(label, style),
                Span::raw(" ".repeat(pad + 1)),
                Span::styled(count, th.muted),
            ])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Facet;
    use crate::tui::sidebar::GroupId;
    use unicode_width::UnicodeWidthStr;

    fn text(l: &Line<'_>) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn long_headers_are_cut_with_an_ellipsis() {
        let line = |id, label: &str| SideLine {
            id,
            label: label.into(),
            count: None,
            mark: Mark::None,
        };
        let g = GroupId::Facet(Facet::EmploymentType);
        let th = Theme::default();
        let header = SideLine {
            count: Some(2),
            ..line(SideId::Header(g), "From the search box")
        };
        // the inner width of the sidebar at 80 columns (a quarter, less
        // borders): the title is cut, the count of selected values stays
        let shown = text(&side_line(&header, 18, &th));
        assert_eq!(shown, "From the sear… (2)");
        assert_eq!(shown.width(), 18);
        let shown = text(&side_line(&header, 40, &th));
        assert_eq!(shown, "From the search box (2)", "whole when it fits");
        let bare = line(SideId::Header(g), "From the search box");
        assert_eq!(text(&side_line(&bare, 12, &th)), "From the se…");
        let more = line(SideId::More(g), "12 more…");
        assert_eq!(text(&side_line(&more, 8, &th)), "   12 m…");
    }
}
