//! The Listings screen: search box, filter sidebar, results, detail.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::detail;
use super::widgets::{block, highlighted, salary};
use crate::display::age;
use crate::money::group_indian;
use crate::tui::input::TextInput;
use crate::tui::sidebar::{self, Mark, SideKind, SideLine};
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
        "type to search listings: title, company, city, skills…",
        &st.theme,
    );
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
    placeholder: &str,
    th: &Theme,
) {
    let inner = if r.height >= 3 {
        let b = block(" Search ", focused, th);
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
                l = l.patch_style(if focused {
                    th.selection
                } else {
                    Style::new().add_modifier(Modifier::UNDERLINED)
                });
            }
            l
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn side_line<'a>(line: &'a SideLine, width: usize, th: &Theme) -> Line<'a> {
    use unicode_width::UnicodeWidthStr;
    match &line.kind {
        SideKind::Header => Line::from(Span::styled(line.label.as_str(), th.accent)),
        SideKind::More { .. } => Line::from(Span::styled(format!("   {}", line.label), th.muted)),
        SideKind::Value { .. } => {
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
    let ix = st.index();
    let th = &st.theme;
    let title = format!(" Results {} ", group_indian(l.results.total() as u64));
    let b = block(title, l.pane == Pane::Results, th);
    let inner_w = r.width.saturating_sub(2);
    // columns that fit: title and salary always, then city and posted,
    // then company, then mode
    let wide = inner_w >= 96;
    let with_company = inner_w >= 76;
    let with_city = inner_w >= 60;
    let mid = inner_w >= 46;
    let fit = st.profile.as_deref().filter(|_| inner_w >= 56);
    let mut header = vec![""];
    let mut widths = vec![Constraint::Length(1)];
    if fit.is_some() {
        header.push("Fit");
        widths.push(Constraint::Length(3));
    }
    header.push("Title");
    widths.push(Constraint::Fill(3));
    if with_company {
        header.push("Company");
        widths.push(Constraint::Fill(2));
    }
    if with_city {
        header.push("City");
        widths.push(Constraint::Length(11));
    }
    header.push("Salary");
    widths.push(Constraint::Length(match st.period {
        crate::money::Period::Monthly => 16,
        crate::money::Period::Annual => 11,
    }));
    if wide {
        header.push("Mode");
        widths.push(Constraint::Length(6));
    }
    if mid {
        header.push("Posted");
        widths.push(Constraint::Length(6));
    }
    let rows_h = crate::tui::layout::table_rows(r);
    let marks = crate::search::Highlighter::new(&l.query.text);
    let rows: Vec<Row<'_>> = l
        .results
        .hits
        .iter()
        .enumerate()
        .skip(l.cursor.offset)
        .take(rows_h)
        .map(|(i, h)| {
            let row = h.row as usize;
            let id = ix.id(row);
            let selected = i == l.cursor.selected;
            let base = Style::new();
            let hl = th.highlight;
            let mark = if st.saved.contains(&id) { "✓" } else { " " };
            let title = ix.title(row);
            let mut cells = vec![Cell::from(Span::styled(mark, th.good))];
            if let Some(p) = fit {
                cells.push(Cell::from(Span::styled(
                    format!("{:>3}", ix.fit_score(row, p)),
                    th.accent,
                )));
            }
            cells.push(Cell::from(highlighted(
                title,
                &marks.marks(title),
                base,
                hl,
            )));
            if with_company {
                let company = ix.company(row);
                cells.push(Cell::from(highlighted(
                    company,
                    &marks.marks(company),
                    base,
                    hl,
                )));
            }
            if with_city {
                let city = ix.city(row);
                cells.push(Cell::from(highlighted(city, &marks.marks(city), base, hl)));
            }
            let (lo, hi) = ix.salary(row);
            cells.push(Cell::from(salary(lo, hi, st.period)));
            if wide {
                cells.push(Cell::from(ix.work_mode(row).label()));
            }
            if mid {
                cells.push(Cell::from(Span::styled(age(ix.age_days(row)), th.muted)));
            }
            let row = Row::new(cells);
            if selected {
                row.style(if l.pane == Pane::Results || l.pane == Pane::Search {
                    th.selection
                } else {
                    Style::new().add_modifier(Modifier::REVERSED)
                })
            } else {
                row
            }
        })
        .collect();
    let empty = l.results.total() == 0 && !l.pending();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(th.title))
        .column_spacing(1)
        .block(b);
    frame.render_widget(table, r);
    if empty && r.height > 4 {
        let msg = match (&l.results.suggestion, l.query.filter_count() > 0) {
            (Some(s), _) => format!("No listings match. Did you mean '{s}'?"),
            (None, true) => "No listings match. Press c to clear the filters.".into(),
            (None, false) => "No listings match. Try fewer or shorter words.".into(),
        };
        let area = Rect::new(r.x + 2, r.y + 2, r.width.saturating_sub(4), 2);
        frame.render_widget(
            Paragraph::new(msg)
                .style(th.muted)
                .wrap(Wrap { trim: true }),
            area,
        );
    }
}
