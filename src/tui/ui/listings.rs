//! The Listings screen: search box, filter sidebar, results, detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Table};

use super::detail;
use super::widgets::block;
use super::wrap;
use crate::money::group_indian;
use crate::tui::screen::view;
use crate::tui::state::{Pane, State};
use crate::tui::update::listings::ListingsScreen;

pub fn render(frame: &mut Frame<'_>, area: Rect, st: &State) {
    let l = &st.listings;
    let title = if l.query.literal {
        " Search · words as typed (ctrl-l reads them) "
    } else {
        " Search "
    };
    let placeholder = "type what you look for: payroll pune, data entry wfh, accounts 20k…";
    let p = view::render::<ListingsScreen>(
        frame,
        area,
        st,
        [title, placeholder],
        |f, r| results(f, r, st),
        |f, r| detail::listing(f, r, st),
    );
    // what the text was read as, at the foot of the box
    let reading = if l.query.literal {
        String::new()
    } else {
        crate::tui::update::listings::understood(st).reading()
    };
    if !reading.is_empty() && p.search.height >= 3 && p.search.width > 12 {
        let room = usize::from(p.search.width) - 6;
        let text = crate::display::truncate(&format!("read as: {reading}"), room);
        let area = Rect::new(
            p.search.x + 2,
            p.search.y + p.search.height - 1,
            p.search.width - 4,
            1,
        );
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" {text} "),
                st.theme.accent,
            ))),
            area,
        );
    }
}

fn results(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let l = &st.listings;
    let th = &st.theme;
    let title = format!(" Results {} ", group_indian(l.results.total() as u64));
    let b = block(title, l.screen.pane == Pane::Results, th);
    let rows_h = crate::tui::layout::table_rows(r);
    let parts = super::columns::listings(st, r.width.saturating_sub(2), rows_h);
    let empty = l.results.total() == 0 && !l.pending();
    let table = Table::new(parts.rows, parts.widths)
        .header(parts.header.style(th.title))
        .column_spacing(1)
        .block(b);
    frame.render_widget(table, r);
    if empty && r.height > 4 {
        let voice = crate::tui::update::listings::understood(st)
            .notes
            .iter()
            .find_map(|n| match n {
                crate::search::understand::Note::NotBackOffice(w) => Some(w.clone()),
                _ => None,
            });
        let msg = match (&l.results.suggestion, l.query.filter_count() > 0) {
            _ if let Some(w) = &voice => format!(
                "No listings: “{w}” is voice, sales or field work, and these are back-office jobs. \
                 Try non voice, email support or data entry."
            ),
            (Some(s), _) => format!(
                "No listings match. Did you mean '{s}'? {} searches for it.",
                st.keymap
                    .key(st.mode(), crate::keys::Command::AcceptSuggestion)
                    .unwrap_or_else(|| "ctrl-y".into())
            ),
            (None, true) => match st.keymap.key(st.mode(), crate::keys::Command::ClearFilters) {
                Some(k) => format!("No listings match. Press {k} to clear the filters."),
                None => "No listings match. Esc, then c clears the filters.".into(),
            },
            (None, false) => "No listings match. Try fewer or shorter words.".into(),
        };
        let area = Rect::new(r.x + 2, r.y + 2, r.width.saturating_sub(4), 2);
        frame.render_widget(wrap::paragraph(msg, area.width, true).style(th.muted), area);
    }
}
