//! The Listings screen: search box, filter sidebar, results, detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Table};

use super::detail;
use super::widgets::block;
use super::wrap;
use crate::money::group_indian;
use crate::tui::input::TextInput;
use crate::tui::sidebar::{self, Mark, SideId, SideLine};
use crate::tui::state::SideState;
use crate::tui::state::{Pane, State};
use crate::tui::theme::Theme;
use crate::tui::update::listings::{panes_in, side_lines};

pub fn render(frame: &mut Frame<'_>, area: Rect, st: &State) {
    let p = panes_in(st, area);
    let l = &st.listings;
    search_box(
        frame,
        p.search,
        &l.input,
        l.pane == Pane::Search,
        if l.query.literal {
            " Search · words as typed (ctrl-l reads them) "
        } else {
            " Search "
        },
        "type what you look for: payroll pune, data entry wfh, accounts 20k…",
        &st.theme,
    );
    // what the text was read as, right under it
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
    if let Some(r) = p.side {
        side(
            frame,
            r,
            &side_lines(st),
            &l.side,
            l.pane == Pane::Filters,
            " Filters ",
            &st.theme,
        );
    }
    if let Some(r) = p.main {
        results(frame, r, st);
    }
    if let Some(r) = p.detail {
        detail::listing(frame, r, st);
    }
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
        SideId::Header(_) => Line::from(Span::styled(line.label.as_str(), th.accent)),
        SideId::More(_) => Line::from(Span::styled(format!("   {}", line.label), th.muted)),
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

fn results(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let l = &st.listings;
    let th = &st.theme;
    let title = format!(" Results {} ", group_indian(l.results.total() as u64));
    let b = block(title, l.pane == Pane::Results, th);
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
