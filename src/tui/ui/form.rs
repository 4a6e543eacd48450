//! Forms over a screen: the tracker's and the profile's.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::widgets::{block, centered};
use crate::tui::form::Form;
use crate::tui::input::window;
use crate::tui::theme::Theme;

/// Draws a form over `body`.
pub fn render(frame: &mut Frame<'_>, body: Rect, f: &Form, th: &Theme) {
    let area = centered(body, 78, body.height);
    frame.render_widget(Clear, area);
    // the heading and the keys on the top border when they fit; else the
    // keys go to the bottom one and the heading ends in "…" if it must
    let keys = " Ctrl-S save · Esc cancel ";
    let room = usize::from(area.width.saturating_sub(2));
    let full = format!(" {} ·{keys}", f.heading);
    let b = if full.width() <= room {
        block(full, true, th)
    } else {
        let heading = crate::display::truncate(&f.heading, room.saturating_sub(2));
        block(format!(" {heading} "), true, th)
            .title_bottom(Line::from(Span::styled(keys, th.accent)).right_aligned())
    };
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let label_w = f
        .fields
        .iter()
        .filter(|x| !x.is_check())
        .map(|x| x.label.width())
        .max()
        .unwrap_or(10)
        + 2;
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut cursor: Option<(u16, u16)> = None;
    let mut focus_line = 0;
    let room = (inner.width as usize).max(10);
    let wrapped = |text: &str, style: Style, lines: &mut Vec<Line<'_>>| {
        for part in crate::display::wrap(text, room) {
            lines.push(Line::from(Span::styled(part, style)));
        }
    };
    if let Some(c) = &f.conflict {
        wrapped(
            "Changed elsewhere since this form opened (another window, `backdesk apps`, an import):",
            th.bad,
            &mut lines,
        );
        for x in &c.conflicts {
            let one = |v: &str| {
                let flat = v.replace('\n', " / ");
                if flat.is_empty() {
                    "(empty)".to_string()
                } else {
                    crate::display::truncate(&flat, room.saturating_sub(24).max(10))
                }
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {}: ", x.field.label()), th.title),
                Span::raw(format!("yours {}", one(&x.mine))),
            ]));
            lines.push(Line::from(Span::styled(
                format!(
                    "  {:w$}  saved elsewhere {}",
                    "",
                    one(&x.theirs),
                    w = x.field.label().width()
                ),
                th.muted,
            )));
        }
        wrapped(
            "m keep mine · t keep theirs (your other changes are saved) · b see both in the form",
            th.accent,
            &mut lines,
        );
        lines.push(Line::default());
    } else if let Some(p) = &f.problem {
        wrapped(
            &format!("{p} (everything typed is kept: Ctrl-S to try again)"),
            th.bad,
            &mut lines,
        );
        lines.push(Line::default());
    } else if f.saving {
        lines.push(Line::from(Span::styled("Saving…", th.muted)));
    }

    for (i, field) in f.fields.iter().enumerate() {
        let focused = i == f.at;
        if focused {
            focus_line = lines.len();
        }
        let lstyle = if focused { th.accent } else { th.title };
        if field.is_check() {
            let mark = if field.checked { "[x]" } else { "[ ]" };
            let style = if focused { th.selection } else { Style::new() };
            lines.push(Line::from(Span::styled(
                format!("{mark} {}", field.label),
                style,
            )));
        } else {
            let text = field.input.text();
            // (once: it walks the text, and notes may have thousands of lines)
            let (cl, cc) = field.input.cursor_line_col();
            let mut first = true;
            for (n, part) in text.split('\n').enumerate() {
                let label = if first {
                    format!("{:<w$}", field.label, w = label_w)
                } else {
                    " ".repeat(label_w)
                };
                first = false;
                let mut part = part.to_string();
                if focused && cl == n {
                    // scroll to the cursor's line in long notes
                    focus_line = lines.len();
                    // a long line scrolls to keep the cursor in view
                    let room = (inner.width as usize).saturating_sub(label_w);
                    let (shown, col) = window(&part, cc, room);
                    part = shown;
                    cursor = Some(((label_w + col) as u16, lines.len() as u16));
                }
                lines.push(Line::from(vec![
                    Span::styled(label, lstyle),
                    Span::raw(part),
                ]));
            }
            if focused
                && text.is_empty()
                && !field.hint.is_empty()
                && let Some(last) = lines.last_mut()
            {
                last.spans.push(Span::styled(field.hint, th.muted));
            }
        }
        if let Some(n) = &field.notice {
            for part in
                crate::display::wrap(n, (inner.width as usize).saturating_sub(label_w).max(10))
            {
                lines.push(Line::from(Span::styled(
                    format!("{:w$}{part}", "", w = label_w),
                    th.warn,
                )));
            }
        }
        if let Some(e) = &field.error {
            for part in
                crate::display::wrap(e, (inner.width as usize).saturating_sub(label_w).max(10))
            {
                lines.push(Line::from(Span::styled(
                    format!("{:w$}{part}", "", w = label_w),
                    th.bad,
                )));
            }
        }
    }
    let h = inner.height as usize;
    // the conflict or the problem stays in view above the fields
    let scroll = if f.conflict.is_some() {
        0
    } else {
        focus_line.saturating_sub(h.saturating_sub(3)) as u16
    };
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    if let Some((x, y)) = cursor
        && y >= scroll
        && y - scroll < inner.height
        && x < inner.width
    {
        frame.set_cursor_position((inner.x + x, inner.y + y - scroll));
    }
}
