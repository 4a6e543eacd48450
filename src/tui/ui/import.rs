//! The import overlay: a path prompt, then the import's report.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::widgets::{block, centered};
use super::wrap;
use crate::tui::state::State;

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let Some(p) = st.import() else { return };
    let th = &st.theme;
    let area = centered(body, 100, if p.report.is_some() { body.height } else { 8 });
    frame.render_widget(Clear, area);
    let title = match (&p.report, p.failed) {
        (Some(_), true) => " Import failed · nothing was written · Esc closes ",
        (Some(_), false) => " Import done · Esc closes ",
        (None, _) => " Import listings · Enter imports · Esc cancels ",
    };
    let b = block(title, true, th);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if let Some(report) = &p.report {
        let style = if p.failed {
            th.bad
        } else {
            ratatui::style::Style::new()
        };
        frame.render_widget(
            wrap::paragraph(report.as_str(), inner.width, false)
                .style(style)
                .scroll((p.scroll, 0)),
            inner,
        );
        return;
    }
    // a long path scrolls to keep the cursor in view
    let (path, col) = p.input.window(usize::from(inner.width.saturating_sub(2)));
    let lines = vec![
        Line::from("A saved job page (.html), JSON-LD (.json, .jsonld) or a spreadsheet (.csv):"),
        Line::default(),
        Line::from(vec![Span::styled("> ", th.accent), Span::raw(path)]),
        Line::default(),
        Line::from(Span::styled(
            if p.busy {
                format!(
                    "{} · Esc cancels (nothing is written)",
                    p.progress.as_deref().unwrap_or("Importing…")
                )
            } else {
                "~/ is your home folder. Importing the same file again updates its listings."
                    .to_string()
            },
            th.muted,
        )),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    if !p.busy && inner.height > 2 && inner.width > 2 {
        frame.set_cursor_position((inner.x + 2 + col as u16, inner.y + 2));
    }
}
