//! The command palette: a filter box over this screen's commands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::widgets::{block, centered};
use crate::display::{truncate, wrap};
use crate::tui::state::State;
use crate::tui::update::palette::{items, keys_label};

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let Some(p) = st.palette() else { return };
    let th = &st.theme;
    let found = items(st, p.input.text());
    let rows = body.height.saturating_sub(5).clamp(1, 12);
    let area = centered(body, 76, rows + 4);
    frame.render_widget(Clear, area);
    let b = block(
        " Commands · type to filter · ↑ ↓ choose · Enter runs · Esc closes ",
        true,
        th,
    );
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if inner.height < 2 || inner.width < 8 {
        return;
    }
    let (shown, col) = p.input.window(usize::from(inner.width.saturating_sub(2)));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("> ", th.accent),
            Span::raw(shown),
        ])),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    frame.set_cursor_position((inner.x + 2 + col as u16, inner.y));
    let list = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    let w = usize::from(list.width);
    let h = usize::from(list.height).max(1);
    if found.is_empty() {
        let none = Line::from(Span::styled("no command matches", th.muted));
        frame.render_widget(Paragraph::new(none), list);
        return;
    }
    // each command's lines: its keys, its description wrapped beside them
    let items: Vec<Vec<Line<'_>>> = found
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let keys = truncate(&keys_label(st, c), KEYS);
            let pad = KEYS.saturating_sub(keys.width());
            let text = wrap(c.help(), w.saturating_sub(KEYS + 3).max(8));
            text.into_iter()
                .enumerate()
                .map(|(n, t)| {
                    let k = if n == 0 {
                        format!(" {}{keys}  ", " ".repeat(pad))
                    } else {
                        " ".repeat(KEYS + 3)
                    };
                    let line = Line::from(vec![Span::styled(k, th.title), Span::raw(t)]);
                    if i == p.cursor.selected {
                        line.patch_style(th.selection)
                    } else {
                        line
                    }
                })
                .collect()
        })
        .collect();
    // the first item shown: the selected one ends in view
    let sel = p.cursor.selected.min(items.len() - 1);
    let mut first = sel;
    let mut used = items[sel].len();
    while first > 0 && used + items[first - 1].len() <= h {
        first -= 1;
        used += items[first].len();
    }
    let lines: Vec<Line<'_>> = items[first..].iter().flatten().take(h).cloned().collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The width of the palette's keys column.
const KEYS: usize = 16;
