//! The columns of the Listings and Roles tables, sized from what the
//! visible rows hold (`display::columns`): one function per table builds
//! the column specs and the cells, so the screens that draw them call it
//! in a line.

use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};
use unicode_width::UnicodeWidthStr;

use super::widgets::highlighted;
use crate::display::columns::{Column, cell, layout, layout_choosing};
use crate::money::{format_range, format_range_short};
use crate::tui::layout::{Focus, WIDE, panes};
use crate::tui::state::{Pane, State};
use crate::tui::update::SIDEBAR;

/// Spaces between neighbouring columns (the tables' `column_spacing`).
pub const GAP: usize = 1;

/// A table's header, column widths and visible rows.
pub struct TableParts {
    pub header: Row<'static>,
    pub widths: Vec<Constraint>,
    pub rows: Vec<Row<'static>>,
}

/// `text` cut to `width` with "…", the characters at `marks` in `hl`.
pub fn marked(text: &str, marks: &[usize], width: usize, base: Style, hl: Style) -> Line<'static> {
    let shown = cell(text, width);
    let kept = shown.trim_end_matches('…').chars().count();
    let marks: Vec<usize> = marks.iter().copied().filter(|&m| m < kept).collect();
    let line = highlighted(&shown, &marks, base, hl);
    Line::from(
        line.spans
            .into_iter()
            .map(|s| Span::styled(s.content.into_owned(), s.style))
            .collect::<Vec<_>>(),
    )
}

/// The listing table's columns in screen order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum L {
    Mark,
    Fit,
    Title,
    Company,
    City,
    Salary,
    Mode,
    Age,
}

impl L {
    const ALL: [L; 8] = [
        L::Mark,
        L::Fit,
        L::Title,
        L::Company,
        L::City,
        L::Salary,
        L::Mode,
        L::Age,
    ];
    fn header(self) -> &'static str {
        match self {
            L::Mark => "",
            L::Fit => "Fit",
            L::Title => "Title",
            L::Company => "Company",
            L::City => "City",
            L::Salary => "Salary",
            L::Mode => "Mode",
            L::Age => "Age",
        }
    }
    /// Priority, minimum and want: the title first and at least 14 wide
    /// (24 before city and company show), then pay, city (where the job
    /// is matters more than who posts it), company, fit;
    /// age and mode only when the names show whole.
    fn spec(self) -> Column {
        match self {
            L::Mark => Column::new(0, 1, 1),
            L::Title => Column::new(0, 14, 24),
            L::Salary => Column::new(1, 6, 6),
            L::City => Column::new(2, 8, 8),
            L::Company => Column::new(3, 10, 10),
            L::Fit => Column::new(4, 3, 3),
            L::Age => Column::new(5, 5, 5).extra(),
            L::Mode => Column::new(6, 6, 6).extra(),
        }
    }
}

/// The visible rows of the Listings results in a table `inner_w` wide
/// showing `rows_h` rows: columns sized from their content, every cut
/// cell ending in "…", pay as "₹18,000–23,000" when the column has room
/// for every row's, else "₹18–23k".
pub fn listings(st: &State, inner_w: u16, rows_h: usize) -> TableParts {
    let l = &st.listings;
    let ix = st.index();
    let th = &st.theme;
    let fit = st.profile.as_deref();
    let visible: Vec<(usize, usize)> = l
        .results
        .hits
        .iter()
        .enumerate()
        .skip(l.screen.cursor.offset)
        .take(rows_h)
        .map(|(i, h)| (i, h.row as usize))
        .collect();
    // each row's text per column: (long, short)
    let texts: Vec<Vec<(String, String)>> = visible
        .iter()
        .map(|&(_, row)| {
            let (lo, hi) = ix.salary(row);
            let pay = match ix.foreign_pay(row) {
                // in another currency, as given; "a month" goes when narrow
                Some(p) => (p.to_string(), p.trim_end_matches(" a month").to_string()),
                None => (
                    format_range(lo, hi, st.period),
                    format_range_short(lo, hi, st.period),
                ),
            };
            L::ALL
                .iter()
                .map(|c| match c {
                    L::Mark => {
                        let m = if st.saved.contains(&ix.id(row)) {
                            "✓"
                        } else {
                            " "
                        };
                        (m.to_string(), m.to_string())
                    }
                    L::Fit => {
                        let f = fit.map(|p| format!("{:>3}", ix.fit_score(row, p)));
                        let f = f.unwrap_or_default();
                        (f.clone(), f)
                    }
                    L::Title => both(ix.title(row)),
                    L::Company => both(ix.company(row)),
                    L::City => both(ix.city(row)),
                    L::Salary => pay.clone(),
                    L::Mode => both(ix.work_mode(row).label()),
                    L::Age => both(&crate::display::age(ix.age_days(row))),
                })
                .collect()
        })
        .collect();
    let specs: Vec<Column> = L::ALL
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let mut spec = c
                .spec()
                .fit(c.header(), texts.iter().map(|t| t[k].0.as_str()));
            if *c == L::Salary {
                // the short form is what pay needs; the long one only
                // takes what the other columns leave
                let short = texts.iter().map(|t| t[k].1.width());
                spec.min = short.chain([c.header().width()]).max().unwrap_or(0);
                spec.want = spec.min;
                let min = spec.min;
                spec = spec.natural(min);
            }
            if *c == L::Fit && fit.is_none() {
                // no profile, no fit: last, and too wide to show
                spec.priority = u8::MAX;
                spec.min = usize::MAX / 4;
                let min = spec.min;
                spec = spec.natural(min);
            }
            spec
        })
        .collect();
    let choose = usize::from(narrowest_results(st.width, l.screen.results_want)).saturating_sub(2);
    let mut w = layout_choosing(&specs, choose, usize::from(inner_w), GAP);
    // "₹18,000–23,000" when what is left has room for every row's
    let k_pay = L::ALL.iter().position(|&c| c == L::Salary).unwrap_or(0);
    let long_w = texts.iter().map(|t| t[k_pay].0.width()).max().unwrap_or(0);
    let used = w.iter().flatten().sum::<usize>() + GAP * w.iter().flatten().count();
    let left = usize::from(inner_w).saturating_sub(used.saturating_sub(GAP));
    let mut long_pay = false;
    if let Some(pay) = w[k_pay].as_mut()
        && long_w > *pay
        && long_w - *pay <= left
    {
        *pay = long_w;
        long_pay = true;
    }
    let shown: Vec<(usize, L, usize)> = L::ALL
        .iter()
        .enumerate()
        .filter_map(|(k, &c)| w[k].map(|w| (k, c, w)))
        .collect();
    let header = Row::new(
        shown
            .iter()
            .map(|&(_, c, w)| Cell::from(cell(c.header(), w)))
            .collect::<Vec<_>>(),
    );
    let widths = shown
        .iter()
        .map(|&(_, _, w)| Constraint::Length(w as u16))
        .collect();
    let marks = crate::search::Highlighter::new(&l.query.text);
    let rows = visible
        .iter()
        .zip(&texts)
        .map(|(&(i, _), t)| {
            let base = Style::new();
            let selected = i == l.screen.cursor.selected;
            let cells: Vec<Cell<'static>> = shown
                .iter()
                .map(|&(k, c, w)| {
                    let (long, short) = &t[k];
                    let line = match c {
                        L::Mark => Line::styled(long.clone(), th.good),
                        L::Fit => Line::styled(cell(long, w), th.accent),
                        L::Title | L::Company | L::City => {
                            marked(long, &marks.marks(long), w, base, th.highlight)
                        }
                        L::Salary => Line::raw(cell(if long_pay { long } else { short }, w)),
                        L::Mode => Line::raw(cell(long, w)),
                        L::Age => Line::styled(cell(long, w), th.muted),
                    };
                    // on the selection every cell reads in its colours
                    Cell::from(if selected { th.select(line) } else { line })
                })
                .collect();
            let row = Row::new(cells);
            if selected {
                row.style(
                    if l.screen.pane == Pane::Results || l.screen.pane == Pane::Search {
                        th.selection
                    } else {
                        Style::new().add_modifier(Modifier::REVERSED)
                    },
                )
            } else {
                row
            }
        })
        .collect();
    TableParts {
        header,
        widths,
        rows,
    }
}

/// The narrowest the Listings results pane is on a terminal `width` wide
/// or any wider one: the detail pane appears at [`WIDE`] columns and takes
/// two fifths, so the results at 109 columns are wider than at 110. The
/// columns are chosen at this width, so widening the terminal never hides
/// one.
pub fn narrowest_results(width: u16, want: u16) -> u16 {
    let main = |w: u16| {
        let body = Rect::new(0, 0, w, 30);
        panes(body, Focus::Main, SIDEBAR, want)
            .main
            .map_or(w, |r| r.width)
    };
    (width..=width.max(WIDE)).map(main).min().unwrap_or(width)
}

/// How wide the Listings results pane must be for every title, company,
/// city and pay of the current results to show whole (pay in its short
/// form, in either period): the wide layout gives the results up to this
/// much of the detail pane's share (see [`crate::tui::layout::wide_split`]).
pub fn listings_want(st: &State) -> u16 {
    use crate::money::Period;
    let ix = st.index();
    let (mut title, mut company, mut city, mut pay) = (0, 0, 0, 6);
    for h in &st.listings.results.hits {
        let row = h.row as usize;
        title = title.max(ix.title(row).width());
        company = company.max(ix.company(row).width());
        city = city.max(ix.city(row).width());
        let (lo, hi) = ix.salary(row);
        let p = match ix.foreign_pay(row) {
            Some(p) => p.trim_end_matches(" a month").width(),
            None => [Period::Monthly, Period::Annual]
                .map(|per| format_range_short(lo, hi, per).width())
                .into_iter()
                .max()
                .unwrap_or(0),
        };
        pay = pay.max(p);
    }
    if title == 0 {
        return 0; // nothing listed: nothing to make room for
    }
    let fit = if st.profile.is_some() { 3 + GAP } else { 0 };
    // borders, the mark column, and a gap before each column after it
    let cells = 2 + 1 + fit + 4 * GAP + title + company + city + pay;
    u16::try_from(cells).unwrap_or(u16::MAX)
}

fn both(s: &str) -> (String, String) {
    (s.to_string(), s.to_string())
}

/// How wide the Roles list's title column is in a list `inner_w` wide,
/// `rows` high, whose counts are `count_w` wide: the longest visible
/// title when it fits, so the counts sit right after the names (not
/// across a gap at the far edge), else what is left.
pub fn role_title_width(st: &State, inner_w: usize, rows: usize, count_w: usize) -> usize {
    let r = &st.roles;
    let v = st.index().vocab();
    let titles = r
        .found
        .iter()
        .skip(r.screen.cursor.offset)
        .take(rows)
        .filter_map(|&i| v.roles.get(i))
        .map(|role| role.title.as_str());
    let specs = [
        Column::new(0, 12, 12).fit("", titles),
        Column::new(1, count_w, count_w).natural(count_w),
    ];
    layout(&specs, inner_w, GAP)[0].unwrap_or(inner_w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_columns_are_chosen_at_never_shrinks_as_the_terminal_grows() {
        let main = |w: u16| {
            panes(Rect::new(0, 0, w, 30), Focus::Main, SIDEBAR, 0)
                .main
                .map_or(w, |r| r.width)
        };
        // the results themselves narrow where the detail pane appears
        assert!(main(WIDE) < main(WIDE - 1));
        let mut last = 0;
        for w in 40..=300 {
            let n = narrowest_results(w, 0);
            assert!(n >= last, "{w}: {n} < {last}");
            assert!(n <= main(w), "{w}: chosen wider than the results");
            last = n;
        }
        assert_eq!(narrowest_results(WIDE - 1, 0), main(WIDE));
        assert_eq!(narrowest_results(200, 0), main(200));
    }
}
