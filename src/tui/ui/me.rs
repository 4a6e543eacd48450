//! Overlays of the "match me" features: saved searches and the profile.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::widgets::{block, centered};
use crate::display::truncate;
use crate::tui::state::State;

pub fn saved(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let Some(o) = st.saved_searches() else { return };
    let th = &st.theme;
    if let Some(name) = &o.naming {
        let area = centered(body, 70, 7);
        frame.render_widget(Clear, area);
        let title = if o.renaming.is_some() {
            " Rename · Enter renames · Esc back to the list "
        } else {
            " Save this search · Enter saves · Esc cancels "
        };
        let b = block(title, true, th);
        let inner = b.inner(area);
        frame.render_widget(b, area);
        let (shown, col) = name.window(usize::from(inner.width.saturating_sub(6)));
        let what = match o.renaming.as_deref() {
            Some(old) => format!("Saved search: {old}"),
            None => format!(
                "Search: {}",
                crate::session::saved::describe(&st.listings.query)
            ),
        };
        let lines = vec![
            Line::from(what),
            Line::default(),
            Line::from(vec![Span::styled("Name: ", th.accent), Span::raw(shown)]),
        ];
        frame.render_widget(Paragraph::new(lines), inner);
        if inner.width > 6 && inner.height > 2 {
            frame.set_cursor_position((inner.x + 6 + col as u16, inner.y + 2));
        }
        return;
    }
    let area = centered(body, 90, (o.list.len() as u16 + 4).max(6));
    frame.render_widget(Clear, area);
    let b = block(
        " Saved searches · Enter opens · r renames · d deletes · Esc closes ",
        true,
        th,
    );
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if o.list.is_empty() {
        frame.render_widget(
            Paragraph::new("No saved searches yet: on the Listings tab, b saves the current one.")
                .style(th.muted),
            inner,
        );
        return;
    }
    let w = inner.width as usize;
    let lines: Vec<Line<'_>> = o
        .list
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (name, total, new) = (&s.name, s.results, &s.new);
            let what = crate::session::saved::describe(&s.query);
            let right = if *new > 0 {
                format!(
                    "{} · {new} new",
                    crate::display::count(total as u64, "result")
                )
            } else {
                crate::display::count(total as u64, "result")
            };
            let left = truncate(
                &format!("{name}: {what}"),
                w.saturating_sub(right.len() + 1),
            );
            let pad = w
                .saturating_sub(unicode_width::UnicodeWidthStr::width(left.as_str()) + right.len());
            let line = Line::from(vec![
                Span::raw(left),
                Span::raw(" ".repeat(pad)),
                Span::styled(right, if *new > 0 { th.good } else { th.muted }),
            ]);
            if i == o.cursor.selected {
                th.select(line)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
