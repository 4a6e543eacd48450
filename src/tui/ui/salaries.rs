//! The Salaries screen: the articles' market figures beside the per-role
//! bands, as a table and as range bars; monthly or annual.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::widgets::{block, range_bar, salary, thousands};
use super::wrap;
use crate::catalog::{FigurePeriod, Level, MarketFigure, Role};
use crate::display::columns::{Column, cell, layout};
use crate::display::wrap;
use crate::money::format_range_short;
use crate::money::{Period, Rupees};
use crate::tui::state::State;

/// Where the parts of the Salaries screen go.
pub struct Split {
    pub figures: Rect,
    pub chart: Rect,
    pub roles: Rect,
}

/// Wide: figures and chart on the left, role bands on the right.
/// Narrow: stacked, figures over the bands, with a one-line-per-level
/// chart under them when there is height for it.
pub fn split(body: Rect) -> Split {
    if body.width >= 100 {
        let left_w = body.width / 2;
        let fig_h = (body.height / 2).max(6).min(body.height);
        Split {
            figures: Rect::new(body.x, body.y, left_w, fig_h),
            chart: Rect::new(body.x, body.y + fig_h, left_w, body.height - fig_h),
            roles: Rect::new(body.x + left_w, body.y, body.width - left_w, body.height),
        }
    } else {
        let chart_h = if body.height >= NARROW_CHART_MIN_BODY {
            COMPACT_CHART_H
        } else {
            0
        };
        let rest = body.height - chart_h;
        let fig_h = (rest * 2 / 5).max(4).min(rest);
        Split {
            figures: Rect::new(body.x, body.y, body.width, fig_h),
            roles: Rect::new(body.x, body.y + fig_h, body.width, rest - fig_h),
            chart: Rect::new(body.x, body.y + rest, body.width, chart_h),
        }
    }
}

/// The compact chart: a line per level inside a border.
const COMPACT_CHART_H: u16 = 2 + Level::ALL.len() as u16;
/// Stacked screens shorter than this leave the chart out: the two tables
/// need the rows more.
const NARROW_CHART_MIN_BODY: u16 = 18;

/// The role column of the bands table never gets narrower than this:
/// band columns are shortened, then dropped from the right, first.
pub const ROLE_MIN: usize = 16;
/// The role column gets this much (or its longest name) before the bands
/// take their long form.
const ROLE_WANT: usize = 26;

const LEVEL_HEADERS: [&str; 4] = ["0-1 yr", "1-2 yrs", "2-5 yrs", "5+ yrs"];

/// How a band reads in the table, longest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandStyle {
    /// "₹10,000–15,000" a month, "1.2–1.8 LPA" a year
    Full,
    /// "₹10–15k", "1.2–1.8L"
    Short,
    /// "10–15", thousands a month said once in the header
    Bare,
}

/// The bands table's shape in `inner_w` columns: how the bands read, the
/// role column's width and the width of each level column shown (levels
/// from the left). The longest style whose four levels leave the role
/// column what it wants; else the shortest, levels dropped from the right
/// while the role column would go under [`ROLE_MIN`].
pub fn band_columns(roles: &[Role], period: Period, inner_w: u16) -> (BandStyle, usize, Vec<u16>) {
    let styles: &[BandStyle] = match period {
        Period::Monthly => &[BandStyle::Full, BandStyle::Short, BandStyle::Bare],
        Period::Annual => &[BandStyle::Full, BandStyle::Short],
    };
    let role = Column::new(0, ROLE_MIN, ROLE_WANT).fit(
        role_header(BandStyle::Bare),
        roles.iter().map(|r| r.title.as_str()),
    );
    let fits = |style: BandStyle, role: Column| -> Vec<Option<usize>> {
        let mut cols = vec![role.clone()];
        for (k, (&level, header)) in Level::ALL.iter().zip(LEVEL_HEADERS).enumerate() {
            let w = roles
                .iter()
                .map(|r| band_text(r, level, style, period).width())
                .chain([header.width()])
                .max()
                .unwrap_or(0);
            cols.push(Column::new(k as u8 + 1, w, w).natural(w));
        }
        layout(&cols, usize::from(inner_w), 1)
    };
    for &style in styles {
        let w = fits(style, role.clone());
        let role_w = w[0].unwrap_or(0);
        if w.iter().all(Option::is_some) && role_w >= role.natural.min(ROLE_WANT) {
            return (
                style,
                role_w,
                w[1..].iter().flatten().map(|&w| w as u16).collect(),
            );
        }
    }
    // the shortest style, the role column wanting no more than its minimum
    let style = styles.last().copied().unwrap_or(BandStyle::Full);
    let w = fits(
        style,
        Column {
            want: ROLE_MIN,
            ..role.clone()
        },
    );
    let role_w = w.first().copied().flatten().unwrap_or(0);
    (
        style,
        role_w,
        w[1..].iter().flatten().map(|&w| w as u16).collect(),
    )
}

fn role_header(style: BandStyle) -> &'static str {
    if style == BandStyle::Bare {
        "Role (₹k/month)"
    } else {
        "Role"
    }
}

/// A role's band at `level` as the table shows it.
pub fn band_text(role: &Role, level: Level, style: BandStyle, period: Period) -> String {
    match role.band(level) {
        Some(b) => match style {
            BandStyle::Full => salary(Some(b.min), Some(b.max), period),
            BandStyle::Short => format_range_short(Some(b.min), Some(b.max), period),
            BandStyle::Bare => format!("{}–{}", thousands(b.min.0), thousands(b.max.0)),
        },
        None => "—".into(),
    }
}

/// A market figure's pay in `period`: "≈" when converted from the other
/// period, "+" when open-ended; `short` as "₹1.25–1.67L".
fn figure_range(f: &MarketFigure, period: Period, short: bool) -> String {
    let (lo, hi) = f.monthly();
    let range = if short {
        format_range_short(Some(lo), Some(hi), period)
    } else {
        salary(Some(lo), Some(hi), period)
    };
    let text = match (f.period, period) {
        // as published when the period matches
        (FigurePeriod::Month, Period::Monthly) | (FigurePeriod::Year, Period::Annual) => range,
        _ if short => format!("≈{range}"),
        _ => format!("≈ {range}"),
    };
    if f.open_ended {
        format!("{text}+")
    } else {
        text
    }
}

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let s = split(body);
    let th = &st.theme;
    // market figures
    let t = figures_table(
        st,
        s.figures.width.saturating_sub(2),
        crate::tui::layout::table_rows(s.figures),
    )
    .block(block(
        " Market figures, as the articles publish them ",
        false,
        th,
    ));
    frame.render_widget(t, s.figures);

    // per-role bands
    let v = st.index().vocab();
    let c = &st.salaries.cursor;
    let height = crate::tui::layout::table_rows(s.roles);
    let (style, role_w, level_w) =
        band_columns(&v.roles, st.period, s.roles.width.saturating_sub(2));
    let shown = level_w.len();
    let rows: Vec<Row<'_>> = v
        .roles
        .iter()
        .enumerate()
        .skip(c.offset)
        .take(height)
        .map(|(i, r)| {
            let mut cells = vec![cell(&r.title, role_w)];
            for (level, &w) in Level::ALL.iter().zip(&level_w) {
                cells.push(cell(
                    &band_text(r, *level, style, st.period),
                    usize::from(w),
                ));
            }
            let row = Row::new(cells);
            if i == c.selected {
                row.style(th.selection)
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![Constraint::Length(role_w as u16)];
    widths.extend(level_w.iter().map(|&w| Constraint::Length(w)));
    let mut header = vec![cell(role_header(style), role_w)];
    header.extend(LEVEL_HEADERS.iter().take(shown).map(|h| h.to_string()));
    let t = Table::new(rows, widths)
        .header(Row::new(header).style(th.title))
        .column_spacing(1)
        .block(block(
            " Role bands (indicative) · Enter: listings ",
            true,
            th,
        ));
    frame.render_widget(t, s.roles);

    if s.chart.height == COMPACT_CHART_H && body.width < 100 {
        compact_chart(frame, s.chart, st);
    } else if s.chart.height > 2 {
        chart(frame, s.chart, st);
    }
}

/// The market figures as a table `inner_w` wide: pay whole first, then
/// who it is for, the experience and the source, each sized from the
/// figures and cut with "…" when it must be.
fn figures_table(st: &State, inner_w: u16, rows_h: usize) -> Table<'static> {
    let headers = ["Source", "Who", "Experience", "Pay"];
    let texts = |short: bool| -> Vec<[String; 4]> {
        st.data
            .figures
            .iter()
            .map(|f| {
                [
                    f.source.clone(),
                    f.label.clone(),
                    f.experience.clone(),
                    figure_range(f, st.period, short),
                ]
            })
            .collect()
    };
    // pay as published; in the short form when that lets more rows show
    // whole in the lines there are
    let long = figures_shape(&texts(false), &headers, inner_w);
    let (shown, wrapped, needs) = if long.2.iter().sum::<usize>() > rows_h {
        let short = figures_shape(&texts(true), &headers, inner_w);
        if short.2.iter().sum::<usize>() < long.2.iter().sum::<usize>() {
            short
        } else {
            long
        }
    } else {
        long
    };
    // the names first: a row's "who" whole before any row's "(inferred)"
    let who = shown.iter().position(|&(k, _)| k == 1);
    let who_needs: Vec<usize> = wrapped
        .iter()
        .map(|cells| who.and_then(|i| cells.get(i)).map_or(1, Vec::len).max(1))
        .collect();
    let heights = grow_rows(row_heights(&who_needs, rows_h), &needs, rows_h);
    let rows: Vec<Row<'static>> = wrapped
        .iter()
        .zip(&heights)
        .map(|(cells, &h)| {
            let cells: Vec<String> = cells
                .iter()
                .zip(&shown)
                .map(|(lines, &(_, w))| fit_lines(lines, h, w))
                .collect();
            Row::new(cells).height(h as u16)
        })
        .collect();
    let header = Row::new(
        shown
            .iter()
            .map(|&(k, w)| cell(headers[k], w))
            .collect::<Vec<_>>(),
    )
    .style(st.theme.title);
    Table::new(
        rows,
        shown
            .iter()
            .map(|&(_, w)| Constraint::Length(w as u16))
            .collect::<Vec<_>>(),
    )
    .header(header)
    .column_spacing(1)
}

/// The columns shown (index, width), each cell wrapped in its width, and
/// the lines each row needs to show whole.
type Shape = (Vec<(usize, usize)>, Vec<Vec<Vec<String>>>, Vec<usize>);

fn figures_shape(texts: &[[String; 4]], headers: &[&str; 4], inner_w: u16) -> Shape {
    // (priority, minimum, want) per column
    // a source id is short and means nothing cut: whole or not at all
    let specs = [(3, 11, 11), (1, 12, 20), (2, 9, 16), (0, 12, 22)];
    let cols: Vec<Column> = specs
        .iter()
        .enumerate()
        .map(|(k, &(p, min, want))| {
            let c = Column::new(p, min, want).fit(headers[k], texts.iter().map(|t| t[k].as_str()));
            // who and experience wrap: width left over goes to them in
            // priority order, not to the one with a few more cells whole
            if k == 1 || k == 2 {
                let n = c.natural;
                c.natural(n)
            } else {
                c
            }
        })
        .collect();
    let w = layout(&cols, usize::from(inner_w), 1);
    let shown: Vec<(usize, usize)> = (0..4).filter_map(|k| w[k].map(|w| (k, w))).collect();
    let wrapped: Vec<Vec<Vec<String>>> = texts
        .iter()
        .map(|t| {
            shown
                .iter()
                .map(|&(k, w)| match k {
                    1 | 2 => wrap(&t[k], w),
                    _ => vec![cell(&t[k], w)],
                })
                .collect()
        })
        .collect();
    let needs: Vec<usize> = wrapped
        .iter()
        .map(|cells| cells.iter().map(Vec::len).max().unwrap_or(1).max(1))
        .collect();
    (shown, wrapped, needs)
}

/// How many lines each row gets when row `i` needs `needs[i]` to show
/// whole and `room` lines are there: one each, then one more to every row
/// still short, top down, again and again while there is room.
fn row_heights(needs: &[usize], room: usize) -> Vec<usize> {
    grow_rows(vec![1; needs.len()], needs, room)
}

/// `h` grown toward `needs`, a line at a time per row, top down, while
/// the rows fit in `room` lines.
fn grow_rows(mut h: Vec<usize>, needs: &[usize], room: usize) -> Vec<usize> {
    let mut left = room.saturating_sub(h.iter().sum());
    while left > 0 {
        let mut grew = false;
        for (hi, &need) in h.iter_mut().zip(needs) {
            if left > 0 && *hi < need {
                *hi += 1;
                left -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    h
}

/// A wrapped cell in `h` lines of `w`: whole when it fits, else its last
/// line carries the rest and is cut with "…".
fn fit_lines(lines: &[String], h: usize, w: usize) -> String {
    if lines.len() <= h {
        return lines.join("\n");
    }
    let mut out: Vec<String> = lines[..h.saturating_sub(1)].to_vec();
    out.push(cell(&lines[h.saturating_sub(1)..].join(" "), w));
    out.join("\n")
}

/// "₹18–25k" or "2.2–3": short enough for a chart's label (the annual
/// unit is said once after it).
fn compact(lo: Rupees, hi: Rupees, period: Period) -> String {
    match period {
        Period::Monthly => format_range_short(Some(lo), Some(hi), period),
        Period::Annual => format_range_short(Some(lo), Some(hi), period)
            .trim_end_matches('L')
            .to_string(),
    }
}

/// The articles' market range for a level (monthly), and its source.
fn market(st: &State, level: Level) -> Option<(Rupees, Rupees, &str)> {
    let (src, label) = match level {
        Level::Fresher => ("jobhai-2025", "Fresher"),
        Level::Junior => ("jobhai-2025", "1-2 years"),
        Level::Mid => ("nediaz", "Mid jobs"),
        Level::Senior => ("nediaz", "Top jobs"),
    };
    st.data
        .figures
        .iter()
        .find(|f| f.source == src && f.label.starts_with(label))
        .map(|f| {
            let (lo, hi) = f.monthly();
            (lo, hi, f.source.as_str())
        })
}

/// The top of a chart's scale: the highest band or market figure.
fn scale(st: &State, role: &Role) -> u32 {
    Level::ALL
        .iter()
        .filter_map(|&l| {
            let a = role.band(l).map(|b| b.max.0);
            let m = market(st, l).map(|m| m.1.0);
            a.max(m)
        })
        .max()
        .unwrap_or(1)
}

/// The chart for short, narrow screens: one line per level, the role's
/// band drawn over the market's range on the same bar.
fn compact_chart(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let v = st.index().vocab();
    let Some(role) = v.roles.get(st.salaries.cursor.selected) else {
        return;
    };
    let b = block(
        format!(" {} vs the market · █ role ░ market ", role.title),
        false,
        th,
    );
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let scale = scale(st, role);
    let unit = match st.period {
        Period::Monthly => "",
        Period::Annual => " LPA",
    };
    let texts: Vec<String> = Level::ALL
        .iter()
        .map(|&level| {
            let band = role
                .band(level)
                .map_or_else(|| "—".to_string(), |b| compact(b.min, b.max, st.period));
            match market(st, level) {
                Some((lo, hi, _)) => {
                    format!(" {band} · market {}{unit}", compact(lo, hi, st.period))
                }
                None => format!(" {band}{unit}"),
            }
        })
        .collect();
    let text_w = texts.iter().map(|t| t.width()).max().unwrap_or(0);
    let bar_w = (inner.width as usize)
        .saturating_sub(8 + text_w)
        .clamp(4, 50);
    let lines: Vec<Line<'_>> = Level::ALL
        .iter()
        .zip(texts)
        .map(|(&level, text)| {
            let mine = role
                .band(level)
                .map(|b| range_bar(b.min.0, b.max.0, scale, bar_w));
            let theirs = market(st, level).map(|(lo, hi, _)| range_bar(lo.0, hi.0, scale, bar_w));
            let mut spans = vec![Span::raw(format!("{:<8}", level.short()))];
            spans.extend(overlay(mine.as_deref(), theirs.as_deref(), bar_w, th));
            spans.push(Span::raw(text));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One bar from two: the role's cells solid and bright, the market's
/// shaded and dim where the role's do not cover them.
fn overlay<'a>(
    mine: Option<&str>,
    theirs: Option<&str>,
    width: usize,
    th: &crate::tui::theme::Theme,
) -> Vec<Span<'a>> {
    let filled = |bar: Option<&str>| -> Vec<bool> {
        match bar {
            Some(b) => b.chars().map(|c| c != ' ').collect(),
            None => vec![false; width],
        }
    };
    let (m, t) = (filled(mine), filled(theirs));
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut run = String::new();
    let mut kind = 0u8;
    for i in 0..width {
        let (c, k) = if m.get(i).copied().unwrap_or(false) {
            ('█', 1)
        } else if t.get(i).copied().unwrap_or(false) {
            ('░', 2)
        } else {
            (' ', 0)
        };
        if k != kind && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), kind, th));
        }
        kind = k;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled_run(run, kind, th));
    }
    spans
}

fn styled_run<'a>(run: String, kind: u8, th: &crate::tui::theme::Theme) -> Span<'a> {
    match kind {
        1 => Span::styled(run, th.accent),
        2 => Span::styled(run, th.muted),
        _ => Span::raw(run),
    }
}

/// The selected role's bands against the articles' figures per level.
fn chart(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let v = st.index().vocab();
    let Some(role) = v.roles.get(st.salaries.cursor.selected) else {
        return;
    };
    let b = block(format!(" {} vs the market ", role.title), false, th);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let market = |level: Level| market(st, level);
    let scale = scale(st, role);
    let bar_w = (inner.width as usize).saturating_sub(10 + 24).clamp(4, 50);
    let mut lines = Vec::new();
    for &level in Level::ALL {
        let band = role.band(level);
        let m = market(level);
        if band.is_none() && m.is_none() {
            continue;
        }
        if let Some(b) = band {
            lines.push(Line::from(vec![
                Span::raw(format!("{:<9} ", level.short())),
                Span::styled(range_bar(b.min.0, b.max.0, scale, bar_w), th.accent),
                Span::raw(format!(" {}", salary(Some(b.min), Some(b.max), st.period))),
            ]));
        }
        if let Some((lo, hi, src)) = m {
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{:<9} ",
                    if band.is_some() { "" } else { level.short() }
                )),
                Span::styled(range_bar(lo.0, hi.0, scale, bar_w), th.muted),
                Span::styled(
                    format!(" {} ({src})", salary(Some(lo), Some(hi), st.period)),
                    th.muted,
                ),
            ]));
        }
    }
    lines.push(Line::from(Span::styled(
        "bright: this role (indicative) · dim: market figure from the article",
        th.muted,
    )));
    frame.render_widget(wrap::paragraph(lines, inner.width, false), inner);
}
