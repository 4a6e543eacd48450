//! The `?` overlay: every key, as bound now (config overrides included),
//! in two columns when there is room; ↑ ↓ scroll it when it does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::widgets::{block, centered};
use crate::display::truncate;
use crate::tui::keymap::ACTIONS;
use crate::tui::state::State;
use crate::tui::theme::Theme;

fn entry<'a>(keys: &str, what: &'a str, width: usize, th: &Theme) -> Line<'a> {
    let keys = truncate(keys, 14);
    let what = truncate(what, width.saturating_sub(17));
    Line::from(vec![
        Span::styled(format!("{keys:>14}  "), th.title),
        Span::raw(what),
    ])
}

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    let two = body.width >= 110;
    let col = if two {
        (body.width.min(160) - 4) / 2
    } else {
        body.width.min(80) - 2
    } as usize;
    let keys: Vec<Line<'_>> = ACTIONS
        .iter()
        .filter_map(|(name, _, what)| {
            let k = st.keymap.keys_for(name);
            (!k.is_empty()).then(|| entry(&k, what, col, th))
        })
        .collect();
    let mut extra = vec![
        Line::from(Span::styled("In a search box or form", th.accent)),
        entry(
            "type",
            "search as you type (every word must match)",
            col,
            th,
        ),
        entry("↑ ↓ PgUp PgDn", "move in the results", col, th),
        entry("ctrl-w ctrl-u", "delete a word / the whole text", col, th),
        entry("enter / esc", "go to the results", col, th),
        Line::default(),
        Line::from(Span::styled("Mouse", th.accent)),
        Line::from("  click a tab, a row or a filter value (toggles it)"),
        Line::from("  the wheel scrolls"),
        Line::default(),
        Line::from(Span::styled(
            "Filters: [+] included, [-] excluded;",
            th.muted,
        )),
        Line::from(Span::styled(
            "counts show what each value would give.",
            th.muted,
        )),
    ];
    let (left, right): (Vec<Line<'_>>, Vec<Line<'_>>) = if two {
        let half = keys.len().div_ceil(2);
        let mut l = vec![Line::from(Span::styled("Keys", th.accent))];
        l.extend(keys[..half].iter().cloned());
        let mut r = vec![Line::default()];
        r.extend(keys[half..].iter().cloned());
        r.push(Line::default());
        r.append(&mut extra);
        (l, r)
    } else {
        let mut l = vec![Line::from(Span::styled("Keys", th.accent))];
        l.extend(keys);
        l.push(Line::default());
        l.append(&mut extra);
        (l, Vec::new())
    };
    let tall = left.len().max(right.len()) as u16 + 2;
    let width = if two {
        col as u16 * 2 + 4
    } else {
        col as u16 + 2
    };
    let area = centered(body, width, tall);
    frame.render_widget(Clear, area);
    let title = if tall > body.height {
        " Help · ↑ ↓ scroll · Esc closes "
    } else {
        " Help · Esc closes "
    };
    let b = block(title, true, th);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let scroll = st.help_scroll.min(tall.saturating_sub(area.height));
    let lw = if two { col as u16 + 1 } else { inner.width };
    frame.render_widget(
        Paragraph::new(left).scroll((scroll, 0)),
        Rect::new(inner.x, inner.y, lw.min(inner.width), inner.height),
    );
    if two && inner.width > lw {
        frame.render_widget(
            Paragraph::new(right).scroll((scroll, 0)),
            Rect::new(inner.x + lw, inner.y, inner.width - lw, inner.height),
        );
    }
}
