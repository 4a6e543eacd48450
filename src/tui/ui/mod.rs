//! Drawing: a pure function of the state. One file per screen.

mod board;
pub(crate) mod columns;
pub(crate) mod detail;
mod form;
pub(crate) mod help;
mod import;
mod listings;
mod me;
mod palette;
mod roles;
pub mod salaries;
pub mod status;
mod tracker;
pub mod widgets;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::action::Tab;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::state::{Overlay, State};
use crate::money::group_indian;

/// Draws the whole screen.
pub fn render(frame: &mut Frame<'_>, st: &State) {
    let area = frame.area();
    if layout::too_small(area) {
        too_small(frame, area);
        return;
    }
    let root = layout::root(area);
    tabs(frame, root.tabs, st);
    match st.tab {
        Tab::Listings => listings::render(frame, root.body, st),
        Tab::Roles => roles::render(frame, root.body, st),
        Tab::Salaries => salaries::render(frame, root.body, st),
        Tab::Tracker => tracker::render(frame, root.body, st),
    }
    status::render(frame, root.status, st);
    match &st.overlay {
        None => {}
        Some(Overlay::Help { .. }) => help::render(frame, root.body, st),
        Some(Overlay::Palette(_)) => palette::render(frame, root.body, st),
        Some(Overlay::Import(_)) => import::render(frame, root.body, st),
        Some(Overlay::SavedSearches(_)) => me::saved(frame, root.body, st),
        Some(Overlay::Profile(f) | Overlay::TrackerForm(f)) => {
            form::render(frame, root.body, f, &st.theme)
        }
    }
    terminal_cells(frame.buffer_mut());
}

/// Gives each spacing character of a cluster its own cell, the way
/// terminals (tmux, xterm, VTE) lay them out.
///
/// ratatui keeps a grapheme cluster in one cell as wide as the cluster:
/// Devanagari "टा" (consonant + vowel sign AA) is one 2-wide cell, "ट्री" one
/// 3-wide cell, like a CJK ideograph. The terminal puts ट and ा in two
/// cells. When the next frame draws narrow text there, ratatui's diff
/// writes the first cell only, trusting the terminal to blank the rest of
/// a wide character, and the terminal keeps the ा: a stray letter left on
/// the next screen. Split into one cell per spacing character, the buffer
/// matches the terminal cell for cell and the diff rewrites each of them.
/// The bytes sent for a full line are unchanged. Clusters with a wide
/// character or a ligature width (emoji sequences) are left whole.
pub fn terminal_cells(buf: &mut ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            if cell.symbol().len() == 1 {
                // ASCII: one byte, one cell (most of every frame)
                x += 1;
                continue;
            }
            let width = cell.symbol().width().max(1) as u16;
            if width > 1
                && let Some(pieces) = spacing_pieces(cell.symbol())
                && x + pieces.len() as u16 <= area.right()
            {
                let cell = cell.clone();
                for (i, piece) in pieces.iter().enumerate() {
                    let mut c = cell.clone();
                    c.set_symbol(piece);
                    buf[(x + i as u16, y)] = c;
                }
            }
            x += width;
        }
    }
}

/// A cluster cut before each spacing character ("ट्री" → "ट्", "र", "ी"),
/// when every piece is one column and they add up to the cluster's width.
fn spacing_pieces(symbol: &str) -> Option<Vec<String>> {
    use unicode_width::UnicodeWidthChar;
    let mut pieces: Vec<String> = Vec::new();
    for c in symbol.chars() {
        match c.width() {
            Some(0) | None => match pieces.last_mut() {
                Some(p) => p.push(c),
                None => pieces.push(c.to_string()),
            },
            Some(1) => pieces.push(c.to_string()),
            Some(_) => return None,
        }
    }
    (pieces.len() > 1 && pieces.len() == symbol.width()).then_some(pieces)
}

/// The screen while a large catalogue is read into memory.
pub fn loading(frame: &mut Frame<'_>, listings: u64) {
    let area = frame.area();
    let msg = format!("Loading {} listings…", group_indian(listings));
    let p = wrap::paragraph(msg, area.width, true).alignment(Alignment::Center);
    let top = area.y + area.height / 2;
    frame.render_widget(p, Rect::new(area.x, top, area.width, 1.min(area.height)));
}

fn too_small(frame: &mut Frame<'_>, area: Rect) {
    let msg = format!(
        "terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{})",
        area.width, area.height
    );
    frame.render_widget(Clear, area);
    let msg_width = msg.width();
    let p = Paragraph::new(msg)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let w = usize::from(area.width.max(1));
    let lines = (msg_width.div_ceil(w) as u16 + 1).min(area.height);
    let top = area.y + (area.height - lines) / 2;
    frame.render_widget(p, Rect::new(area.x, top, area.width, lines));
}

fn tabs(frame: &mut Frame<'_>, area: Rect, st: &State) {
    let th = &st.theme;
    let mut spans = Vec::new();
    let keys = super::update::tab_keys(st);
    for (i, t) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("│", th.muted));
        }
        let label = layout::tab_label(*t, area.width, &keys[i]);
        if *t == st.tab {
            spans.push(Span::styled(
                label,
                th.accent.add_modifier(Modifier::REVERSED),
            ));
        } else {
            spans.push(Span::raw(label));
        }
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let fixed = if st.demo {
        Some("DEMO · nothing is saved · F5 starts again".to_string())
    } else {
        st.read_only
            .as_ref()
            .map(|_| "READ-ONLY · nothing is saved".to_string())
    };
    if let Some(banner) = fixed.as_ref().or(st.banner.as_ref()) {
        let room = (area.width as usize).saturating_sub(used + 2);
        if room > 10 {
            let text = crate::display::truncate(banner, room);
            let pad = room - text.width();
            spans.push(Span::raw(" ".repeat(pad + 1)));
            spans.push(Span::styled(text, th.warn.add_modifier(Modifier::BOLD)));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let hint = match st.keymap.key(st.mode(), crate::keys::Command::Palette) {
        Some(k) => format!(" {k} commands "),
        None => String::new(),
    };
    if (area.width as usize) >= used + hint.len() {
        // the name only where there is room for it too
        let name = if (area.width as usize) > used + hint.len() + 10 {
            " backdesk"
        } else {
            ""
        };
        let pad = area.width as usize - used - hint.len() - name.len();
        spans.push(Span::styled(name, th.title));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(hint, th.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// "city: Pune, not industry: BPO" for the status bar.
pub fn active_filters(st: &State) -> String {
    let ix = st.index();
    let q = &st.listings.query;
    let mut parts = Vec::new();
    for (f, sel) in &q.facets {
        let label = |k: &String| {
            ix.value_of_key(*f, k)
                .map(|v| ix.value_label(*f, v).to_string())
                .unwrap_or_else(|| k.clone())
        };
        for k in &sel.include {
            parts.push(format!("{}: {}", f.id(), label(k)));
        }
        for k in &sel.exclude {
            parts.push(format!("not {}: {}", f.id(), label(k)));
        }
    }
    parts.join(", ")
}
