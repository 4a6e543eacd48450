//! The command palette: a filter box over this screen's commands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::widgets::{block, centered};
use crate::display::truncate;
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
    // the selected row in view
    let h = usize::from(list.height).max(1);
    let offset = p.cursor.selected.saturating_sub(h - 1);
    let lines: Vec<Line<'_>> = if found.is_empty() {
        vec![Line::from(Span::styled("no command matches", th.muted))]
    } else {
        found
            .iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(list.height))
            .map(|(i, &c)| {
                let keys = keys_label(st, c);
                let keys = truncate(&keys, 16);
                let pad = 16usize.saturating_sub(keys.width());
                let text = truncate(c.help(), w.saturating_sub(19));
                let line = Line::from(vec![
                    Span::styled(format!(" {}{keys}  ", " ".repeat(pad)), th.title),
                    Span::raw(text),
                ]);
                if i == p.cursor.selected {
                    line.patch_style(th.selection)
                } else {
                    line
                }
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), list);
}
