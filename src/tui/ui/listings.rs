//! The Listings screen: search box, filter sidebar, results, detail.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::detail;
use super::widgets::{block, highlighted, salary};
use super::wrap;
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
    let fit = st.profile.as_deref().filter(|_| inner_w >= 56);
    let cols = result_columns(inner_w, st.period, fit.is_some());
    let mut header = vec![""];
    let mut widths = vec![Constraint::Length(1)];
    if cols.fit {
        header.push("Fit");
        widths.push(Constraint::Length(3));
    }
    header.push("Title");
    widths.push(Constraint::Fill(3));
    if cols.company {
        header.push("Company");
        widths.push(Constraint::Fill(2));
    }
    if let Some(w) = cols.city {
        header.push("City");
        widths.push(Constraint::Length(w));
    }
    header.push("Salary");
    widths.push(Constraint::Length(cols.salary));
    if let Some(w) = cols.mode {
        header.push("Mode");
        widths.push(Constraint::Length(w));
    }
    if let Some(w) = cols.posted {
        header.push(if w >= 6 { "Posted" } else { "Age" });
        widths.push(Constraint::Length(w));
    }
    let fit = fit.filter(|_| cols.fit);
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
            if cols.company {
                let company = ix.company(row);
                cells.push(Cell::from(highlighted(
                    company,
                    &marks.marks(company),
                    base,
                    hl,
                )));
            }
            if cols.city.is_some() {
                let city = ix.city(row);
                cells.push(Cell::from(highlighted(city, &marks.marks(city), base, hl)));
            }
            let (lo, hi) = ix.salary(row);
            // pay in another currency as given (the cell cuts it to fit)
            cells.push(Cell::from(if let Some(pay) = ix.foreign_pay(row) {
                pay.to_string()
            } else if cols.compact {
                compact_salary(lo, hi, st.period)
            } else {
                salary(lo, hi, st.period)
            }));
            if let Some(w) = cols.mode {
                let mode = ix.work_mode(row);
                cells.push(Cell::from(if w >= 6 {
                    mode.label()
                } else {
                    mode_short(mode)
                }));
            }
            if cols.posted.is_some() {
                let days = ix.age_days(row);
                let posted = if cols.compact && days <= 0 {
                    "0d".to_string() // "today" in four columns
                } else {
                    age(days)
                };
                cells.push(Cell::from(Span::styled(posted, th.muted)));
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

/// Which result columns show, and how wide, in `inner_w` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultColumns {
    pub fit: bool,
    pub company: bool,
    pub city: Option<u16>,
    /// Salaries as "18–23k" rather than "₹18,000–23,000".
    pub compact: bool,
    pub salary: u16,
    pub mode: Option<u16>,
    pub posted: Option<u16>,
}

/// The narrowest the title column gets once other columns join it.
const TITLE_MIN: u16 = 14;
/// The narrowest company column worth showing.
const COMPANY_MIN: u16 = 9;
/// Title and company share at least this much before the long forms
/// (full salaries, "Office", "Posted") are used.
const FULL_FLEX: u16 = 34;

/// Title and salary always; then, as room allows, fit (with a profile),
/// company, city, posted and mode. Long forms when all of them fit with
/// room to spare; short ones ("18–23k", "Hyb", "0d") otherwise.
pub fn result_columns(inner_w: u16, period: crate::money::Period, fit: bool) -> ResultColumns {
    let full_salary = match period {
        crate::money::Period::Monthly => 16,
        crate::money::Period::Annual => 11,
    };
    // mark, fit, company, city, salary, mode, posted: each plus a space
    // mark, city, salary, mode, posted, the six spaces between seven
    // columns, and fit with its space
    let full = 1 + 11 + full_salary + 6 + 6 + 6 + if fit { 4 } else { 0 };
    if inner_w >= full + FULL_FLEX {
        return ResultColumns {
            fit,
            company: true,
            city: Some(11),
            compact: false,
            salary: full_salary,
            mode: Some(6),
            posted: Some(6),
        };
    }
    let salary = match period {
        crate::money::Period::Monthly => 11,
        crate::money::Period::Annual => 10,
    };
    let mut cols = ResultColumns {
        fit: false,
        company: false,
        city: None,
        compact: true,
        salary,
        mode: None,
        posted: None,
    };
    // mark, title, salary
    let mut used = 1 + 1 + TITLE_MIN + 1 + salary;
    let mut take = |w: u16| {
        let ok = used + 1 + w <= inner_w;
        if ok {
            used += 1 + w;
        }
        ok
    };
    cols.fit = fit && take(3);
    cols.company = take(COMPANY_MIN);
    cols.city = take(9).then_some(9);
    // "3w", "11mo", "0d" under "Age"; "Off", "Hyb", "WFH" under "Mode"
    cols.posted = take(4).then_some(4);
    cols.mode = take(4).then_some(4);
    cols
}

/// "Off", "Hyb", "WFH": a work mode in three columns.
pub fn mode_short(mode: crate::catalog::WorkMode) -> &'static str {
    use crate::catalog::WorkMode;
    match mode {
        WorkMode::Office => "Off",
        WorkMode::Hybrid => "Hyb",
        WorkMode::Remote => "WFH",
    }
}

/// A salary range in a few columns: "18–23k" a month, "2.2–3L" a year.
pub fn compact_salary(
    min: Option<crate::money::Rupees>,
    max: Option<crate::money::Rupees>,
    period: crate::money::Period,
) -> String {
    use crate::money::Period;
    let one = |r: crate::money::Rupees| match period {
        Period::Monthly => super::widgets::thousands(r.0),
        Period::Annual => crate::money::format_lpa(r.annual())
            .trim_end_matches(" LPA")
            .to_string(),
    };
    let unit = match period {
        Period::Monthly => "k",
        Period::Annual => "L",
    };
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("{}{unit}", one(a)),
        (Some(a), Some(b)) => format!("{}–{}{unit}", one(a), one(b)),
        (Some(a), None) => format!("{}{unit}+", one(a)),
        (None, Some(b)) => format!("≤{}{unit}", one(b)),
        (None, None) => "—".to_string(),
    }
}
