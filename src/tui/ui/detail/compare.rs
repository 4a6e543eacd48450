//! Two or three roles side by side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::catalog::Role;
use crate::money::Period;
use crate::tui::state::{RolePane, State};
use crate::tui::theme::Theme;
use crate::tui::ui::widgets::{block, salary};

/// Whether the Roles screen shows the comparison: two or three roles
/// marked and the detail pane focused. It then takes the whole width below
/// the search box.
pub fn compare_open(st: &State) -> bool {
    st.roles.compare.len() >= 2 && st.roles.screen.pane() == RolePane::Detail
}

/// A salary range short enough for a narrow cell: "10k–15k", "1.2–1.8 LPA".
fn compact_range(lo: crate::money::Rupees, hi: crate::money::Rupees, period: Period) -> String {
    fn k(n: u32) -> String {
        if n.is_multiple_of(1000) {
            format!("{}k", n / 1000)
        } else {
            format!("{:.1}k", f64::from(n) / 1000.0)
        }
    }
    match period {
        Period::Monthly if lo == hi => k(lo.0),
        Period::Monthly => format!("{}–{}", k(lo.0), k(hi.0)),
        Period::Annual => salary(Some(lo), Some(hi), Period::Annual),
    }
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The comparison laid out for an inner width: the header (the roles'
/// titles, never cut) and the rows under it, every cell wrapped to the
/// exact width of its column.
pub struct CompareView {
    pub header: Vec<Line<'static>>,
    pub body: Vec<Line<'static>>,
}

/// A row of the comparison: its label and, for each role, a cell made of
/// paragraphs (each wrapped on its own).
type Row = (String, Vec<Vec<String>>);

/// The comparison's column widths for an inner width and a number of roles.
struct Columns {
    width: usize,
    label_w: usize,
    gap: usize,
    col_w: usize,
}

impl Columns {
    fn new(width: u16, roles: usize) -> Columns {
        let n = roles.max(1);
        let width = usize::from(width);
        let label_w = if width >= 70 { 13 } else { 11 };
        let gap = if width >= label_w + n * 16 { 2 } else { 1 };
        let col_w = (width.saturating_sub(label_w) / n)
            .saturating_sub(gap)
            .max(1);
        Columns {
            width,
            label_w,
            gap,
            col_w,
        }
    }
}

/// Lays out the comparison of the marked roles for `width` columns.
pub fn compare_view(st: &State, width: u16) -> CompareView {
    let v = st.index().vocab();
    let picked: Vec<usize> = st.roles.compare.clone();
    let roles: Vec<&Role> = picked.iter().filter_map(|&i| v.roles.get(i)).collect();
    let cols = Columns::new(width, roles.len());
    let mut rows = pay_rows(st, &roles, &picked, cols.col_w);
    rows.extend(work_rows(st, &roles));
    CompareView {
        header: header_lines(&roles, &cols, &st.theme),
        body: body_lines(rows, &cols, &st.theme),
    }
}

/// The rows about the job and its pay: department, pay per level, open
/// listings and (with a profile) the fit.
fn pay_rows(st: &State, roles: &[&Role], picked: &[usize], col_w: usize) -> Vec<Row> {
    let v = st.index().vocab();
    // full rupees when every band fits its column, else "10k–15k"
    let full = |b: &crate::catalog::Band| salary(Some(b.min), Some(b.max), st.period);
    let compact = roles
        .iter()
        .flat_map(|r| &r.bands)
        .any(|b| unicode_width::UnicodeWidthStr::width(full(b).as_str()) > col_w);
    let mut rows: Vec<Row> = Vec::new();
    rows.push((
        "Department".into(),
        roles
            .iter()
            .map(|r| {
                vec![
                    v.categories
                        .iter()
                        .find(|c| c.id == r.category)
                        .map_or(r.category.clone(), |c| c.name.clone()),
                ]
            })
            .collect(),
    ));
    for level in crate::catalog::Level::ALL {
        rows.push((
            level.short().to_string(),
            roles
                .iter()
                .map(|r| {
                    vec![match r.band(*level) {
                        Some(b) if compact => compact_range(b.min, b.max, st.period),
                        Some(b) => full(b),
                        None => "—".into(),
                    }]
                })
                .collect(),
        ));
    }
    rows.push((
        "Open listings".into(),
        picked
            .iter()
            .map(|&i| vec![st.data.role_counts.get(i).copied().unwrap_or(0).to_string()])
            .collect(),
    ));
    if let Some(p) = st.profile.as_deref() {
        rows.push((
            "Your fit".into(),
            roles
                .iter()
                .map(|r| {
                    vec![format!(
                        "{}/100",
                        crate::fit::role_fit(p, r, &v.skills).score
                    )]
                })
                .collect(),
        ));
    }
    rows
}

/// The rows about the work: skills (✓ the ones the profile has), the roles
/// it leads to and what the work is.
fn work_rows(st: &State, roles: &[&Role]) -> Vec<Row> {
    let v = st.index().vocab();
    let title_of = |id: &str| {
        v.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let owned = |s: &str| {
        st.profile.as_deref().is_some_and(|p| {
            crate::fit::skill_position(&v.skills, s).is_some_and(|i| p.skills & (1 << i) != 0)
        })
    };
    vec![
        (
            "Skills".into(),
            roles
                .iter()
                .map(|r| {
                    vec![
                        r.skills
                            .iter()
                            .map(|s| {
                                if owned(s) {
                                    format!("✓{s}")
                                } else {
                                    s.clone()
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]
                })
                .collect(),
        ),
        (
            "Next roles".into(),
            roles
                .iter()
                .map(|r| r.leads_to.iter().map(|id| title_of(id)).collect())
                .collect(),
        ),
        (
            "What you do".into(),
            roles
                .iter()
                .map(|r| {
                    r.responsibilities
                        .iter()
                        .map(|x| format!("• {x}"))
                        .collect()
                })
                .collect(),
        ),
    ]
}

/// A cell's paragraphs wrapped to `col_w`; bullets hang: their
/// continuation lines are indented under the text.
fn cell_lines(paragraphs: &[String], col_w: usize) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| match p.strip_prefix("• ") {
            Some(rest) if col_w >= 16 => crate::display::wrap(rest, col_w - 2)
                .into_iter()
                .enumerate()
                .map(|(i, l)| format!("{}{l}", if i == 0 { "• " } else { "  " }))
                .collect(),
            _ => crate::display::wrap(p, col_w),
        })
        .collect()
}

/// The roles' titles, wrapped (never cut) in their columns, and a rule.
fn header_lines(roles: &[&Role], cols: &Columns, th: &Theme) -> Vec<Line<'static>> {
    let spacer = " ".repeat(cols.gap);
    let mut header = Vec::new();
    let titles: Vec<Vec<String>> = roles
        .iter()
        .map(|r| crate::display::wrap(&r.title, cols.col_w))
        .collect();
    let h = titles.iter().map(Vec::len).max().unwrap_or(1);
    for k in 0..h {
        let mut spans = vec![Span::raw(" ".repeat(cols.label_w))];
        for t in &titles {
            spans.push(Span::raw(spacer.clone()));
            let text = t.get(k).map_or("", String::as_str);
            spans.push(Span::styled(pad(text, cols.col_w), th.accent));
        }
        header.push(Line::from(spans));
    }
    header.push(Line::from(Span::styled("─".repeat(cols.width), th.muted)));
    header
}

/// The rows under the header, each as tall as its tallest cell, with a
/// blank line around rows of more than one line.
fn body_lines(rows: Vec<Row>, cols: &Columns, th: &Theme) -> Vec<Line<'static>> {
    let spacer = " ".repeat(cols.gap);
    let mut body = Vec::new();
    let mut last_tall = false;
    for (label, cells) in rows {
        let labels = crate::display::wrap(&label, cols.label_w);
        let cells: Vec<Vec<String>> = cells.iter().map(|c| cell_lines(c, cols.col_w)).collect();
        let height = cells
            .iter()
            .map(Vec::len)
            .chain([labels.len()])
            .max()
            .unwrap_or(1)
            .max(1);
        if !body.is_empty() && (height > 1 || last_tall) {
            body.push(Line::default());
        }
        last_tall = height > 1;
        for k in 0..height {
            let label = labels.get(k).map_or("", String::as_str);
            let mut spans = vec![Span::styled(pad(label, cols.label_w), th.title)];
            for c in &cells {
                spans.push(Span::raw(spacer.clone()));
                spans.push(Span::raw(pad(
                    c.get(k).map_or("", String::as_str),
                    cols.col_w,
                )));
            }
            body.push(Line::from(spans));
        }
    }
    body
}

/// How far the comparison in the pane `r` scrolls: its rows less those
/// that show under the header.
pub fn compare_max_scroll(st: &State, r: Rect) -> u16 {
    let view = compare_view(st, r.width.saturating_sub(2));
    let shown = usize::from(r.height.saturating_sub(2)).saturating_sub(view.header.len());
    u16::try_from(view.body.len().saturating_sub(shown)).unwrap_or(u16::MAX)
}

/// Two or three roles side by side: pay per level, open listings, fit,
/// skills (✓ the ones you have), where they lead and what the work is.
/// The titles stay on top; the rows scroll under them.
pub(super) fn compare_roles(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let view = compare_view(st, r.width.saturating_sub(2));
    let inner_h = usize::from(r.height.saturating_sub(2));
    let shown = inner_h.saturating_sub(view.header.len());
    let max = view.body.len().saturating_sub(shown);
    let scroll = usize::from(st.roles.screen.detail_scroll).min(max);
    let place = if max == 0 {
        String::new()
    } else {
        format!(
            "rows {}-{} of {} · j k scroll · ",
            scroll + 1,
            (scroll + shown).min(view.body.len()),
            view.body.len()
        )
    };
    let b = block(format!(" Compare · {place}Esc clears "), true, th);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let mut lines = view.header;
    lines.extend(view.body.into_iter().skip(scroll).take(shown));
    frame.render_widget(Paragraph::new(lines), inner);
}
