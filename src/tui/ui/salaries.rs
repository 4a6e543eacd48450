//! The Salaries screen: the articles' market figures beside the per-role
//! bands, as a table and as range bars; monthly or annual.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};

use super::widgets::{block, range_bar, salary};
use crate::catalog::{FigurePeriod, Level, MarketFigure};
use crate::money::{Period, Rupees};
use crate::tui::state::State;

/// Where the parts of the Salaries screen go.
pub struct Split {
    pub figures: Rect,
    pub chart: Rect,
    pub roles: Rect,
}

/// Wide: figures and chart on the left, role bands on the right.
/// Narrow: stacked.
pub fn split(body: Rect) -> Split {
    if body.width >= 100 {
        let left_w = body.width * 11 / 20;
        let fig_h = (body.height / 2).max(6).min(body.height);
        Split {
            figures: Rect::new(body.x, body.y, left_w, fig_h),
            chart: Rect::new(body.x, body.y + fig_h, left_w, body.height - fig_h),
            roles: Rect::new(body.x + left_w, body.y, body.width - left_w, body.height),
        }
    } else {
        let fig_h = (body.height * 2 / 5).max(4).min(body.height);
        Split {
            figures: Rect::new(body.x, body.y, body.width, fig_h),
            chart: Rect::new(body.x, body.y + fig_h, body.width, 0),
            roles: Rect::new(body.x, body.y + fig_h, body.width, body.height - fig_h),
        }
    }
}

fn figure_range(f: &MarketFigure, period: Period) -> String {
    let (lo, hi) = f.monthly();
    let text = match (f.period, period) {
        // as published when the period matches
        (FigurePeriod::Month, Period::Monthly) | (FigurePeriod::Year, Period::Annual) => {
            salary(Some(lo), Some(hi), period)
        }
        _ => format!("≈ {}", salary(Some(lo), Some(hi), period)),
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
    let rows: Vec<Row<'_>> = st
        .data
        .figures
        .iter()
        .map(|f| {
            Row::new(vec![
                f.source.clone(),
                f.label.clone(),
                f.experience.clone(),
                figure_range(f, st.period),
            ])
        })
        .collect();
    let t = Table::new(
        rows,
        [
            Constraint::Length(11),
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Length(22),
        ],
    )
    .header(Row::new(["Source", "Who", "Experience", "Pay"]).style(th.title))
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
    let rows: Vec<Row<'_>> = v
        .roles
        .iter()
        .enumerate()
        .skip(c.offset)
        .take(height)
        .map(|(i, r)| {
            let mut cells = vec![r.title.clone()];
            for level in Level::ALL {
                cells.push(match r.band(*level) {
                    Some(b) => compact(b.min, b.max, st.period),
                    None => "—".into(),
                });
            }
            let row = Row::new(cells);
            if i == c.selected {
                row.style(th.selection)
            } else {
                row
            }
        })
        .collect();
    let w = if st.period == Period::Monthly { 13 } else { 9 };
    let t = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(w),
            Constraint::Length(w),
            Constraint::Length(w),
            Constraint::Length(w),
        ],
    )
    .header(Row::new(["Role", "0-1 yr", "1-2 yrs", "2-5 yrs", "5+ yrs"]).style(th.title))
    .block(block(
        " Role bands (indicative) · Enter: listings ",
        true,
        th,
    ));
    frame.render_widget(t, s.roles);

    if s.chart.height > 2 {
        chart(frame, s.chart, st);
    }
}

/// "18k–25k" or "2.2–3 L": short enough for a table cell.
fn compact(lo: Rupees, hi: Rupees, period: Period) -> String {
    match period {
        Period::Monthly => format!("{}k–{}k", thousands(lo.0), thousands(hi.0)),
        Period::Annual => {
            let l = crate::money::format_lpa(lo.annual());
            let h = crate::money::format_lpa(hi.annual());
            format!(
                "{}–{}",
                l.trim_end_matches(" LPA"),
                h.trim_end_matches(" LPA")
            )
        }
    }
}

fn thousands(n: u32) -> String {
    if n.is_multiple_of(1000) {
        (n / 1000).to_string()
    } else {
        format!("{:.1}", f64::from(n) / 1000.0)
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
    // market ranges per level, from the articles (monthly)
    let market = |level: Level| -> Option<(Rupees, Rupees, &str)> {
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
    };
    let scale = Level::ALL
        .iter()
        .filter_map(|&l| {
            let a = role.band(l).map(|b| b.max.0);
            let m = market(l).map(|m| m.1.0);
            a.max(m)
        })
        .max()
        .unwrap_or(1);
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
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
