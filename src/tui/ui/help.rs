//! The `?` overlay: every key, as bound now (config overrides included).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::widgets::{block, centered};
use crate::tui::keymap::ACTIONS;
use crate::tui::state::State;

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    let mut lines = vec![Line::from(Span::styled("Keys", th.accent))];
    for (name, _, what) in ACTIONS {
        let keys = st.keymap.keys_for(name);
        if keys.is_empty() {
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{keys:>16}  "), th.title),
            Span::raw(*what),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("In a search box", th.accent)));
    for (k, what) in [
        ("type", "search as you type (every word must match)"),
        ("↑ ↓ PgUp PgDn", "move in the results"),
        ("ctrl-w / ctrl-u", "delete a word / the whole text"),
        ("enter / esc", "go to the results"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("{k:>16}  "), th.title),
            Span::raw(what),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Mouse", th.accent)));
    lines.push(Line::from(
        "  click a tab, a row or a filter value (toggles it); wheel scrolls",
    ));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Filters: [+] included, [-] excluded. Counts show what each value would give.",
        th.muted,
    )));
    let area = centered(body, 76, (lines.len() + 2) as u16);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(" Help · Esc closes ", true, th))
            .wrap(Wrap { trim: false }),
        area,
    );
}
