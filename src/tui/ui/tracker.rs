//! The Tracker screen: board, list with detail, stats, and the form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, Paragraph, Row, Table};

use super::widgets::{block, salary};
use super::wrap;
use crate::display::columns::{Column, cell, layout};
use crate::display::truncate;
use crate::money::Period;
use crate::money::format_range_short;
use crate::tracker::dates::format_datetime;
use crate::tracker::{Application, DOCUMENTS, stats};
use crate::tui::state::{State, TrackerView};
use crate::tui::theme::Theme;
use crate::tui::update::tracker::{list_rect, listed, selected};

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    if st.tracker.apps.is_empty() {
        let b = block(" Tracker ", true, th);
        let inner = b.inner(body);
        frame.render_widget(b, body);
        frame.render_widget(
            wrap::paragraph(
                "Nothing saved yet. On the Listings tab press s to save a listing or a to mark it \
                 applied; here, n adds a job you saw elsewhere.",
                inner.width,
                true,
            )
            .style(th.muted),
            inner,
        );
    } else {
        match st.tracker.view {
            TrackerView::Board => super::board::render(frame, body, st),
            TrackerView::List => list(frame, body, st),
            TrackerView::Stats => stats_view(frame, body, st),
        }
    }
}

fn list(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    let t = &st.tracker;
    let r = list_rect(st);
    let apps = listed(st);
    let height = crate::tui::layout::table_rows(r);
    let today = st.index().today();
    let shown: Vec<(usize, &&Application)> = apps
        .iter()
        .enumerate()
        .skip(t.cursor.offset)
        .take(height)
        .collect();
    let headers = ["Title", "Company", "City", "Pay", "Status", "Next date"];
    let texts: Vec<[String; 6]> = shown
        .iter()
        .map(|(_, a)| {
            [
                a.title.clone(),
                a.company.clone(),
                a.city.clone(),
                if a.salary_min.is_some() || a.salary_max.is_some() {
                    format_range_short(a.salary_min, a.salary_max, Period::Monthly)
                } else {
                    String::new()
                },
                a.status.label().to_string(),
                super::board::next(a, today)
                    .map(|(what, d, late)| super::board::next_text(what, d, late))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    // (priority, minimum, want): title, next date and status first
    let specs = [
        (0, 12, 24),
        (3, 10, 14),
        (5, 8, 8),
        (4, 7, 7),
        (2, 7, 7),
        (1, 10, 18),
    ];
    let cols: Vec<Column> = specs
        .iter()
        .enumerate()
        .map(|(k, &(p, min, want))| {
            Column::new(p, min, want).fit(headers[k], texts.iter().map(|x| x[k].as_str()))
        })
        .collect();
    let w = layout(&cols, usize::from(r.width.saturating_sub(2)), 1);
    let on: Vec<(usize, usize)> = (0..6).filter_map(|k| w[k].map(|w| (k, w))).collect();
    let rows: Vec<Row<'_>> = shown
        .iter()
        .zip(&texts)
        .map(|((i, a), x)| {
            let late = super::board::next(a, today).is_some_and(|n| n.2);
            let row = Row::new(
                on.iter()
                    .map(|&(k, w)| {
                        let text = cell(&x[k], w);
                        if k == 5 && late {
                            Cell::from(Span::styled(text, th.warn.add_modifier(Modifier::BOLD)))
                        } else {
                            Cell::from(text)
                        }
                    })
                    .collect::<Vec<_>>(),
            );
            if *i == t.cursor.selected {
                row.style(th.selection)
            } else {
                row
            }
        })
        .collect();
    let title = format!(
        " {} of {} · {} · sorted by {} ",
        apps.len(),
        t.apps.len(),
        t.filter.label(),
        t.sort.label()
    );
    let table = Table::new(
        rows,
        on.iter()
            .map(|&(_, w)| Constraint::Length(w as u16))
            .collect::<Vec<_>>(),
    )
    .header(
        Row::new(
            on.iter()
                .map(|&(k, w)| cell(headers[k], w))
                .collect::<Vec<_>>(),
        )
        .style(th.title),
    )
    .column_spacing(1)
    .block(block(title, true, th));
    frame.render_widget(table, r);
    if r.width < body.width {
        let d = Rect::new(r.x + r.width, body.y, body.width - r.width, body.height);
        detail(frame, d, st);
    }
}

/// Everything about the selected application.
fn detail(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let b = block(" Application · e edit · m move ", false, th);
    let Some(a) = selected(st) else {
        frame.render_widget(b, r);
        return;
    };
    let lines = super::detail::unbroken(
        &app_lines(a, th),
        r.width.saturating_sub(2),
        &[a.contact_phone.as_str()],
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(b)
            .scroll((st.tracker.detail_scroll, 0)),
        r,
    );
}

fn app_lines<'a>(a: &'a Application, th: &Theme) -> Vec<Line<'a>> {
    let mut out = vec![
        Line::from(Span::styled(a.title.as_str(), th.title)),
        Line::from(format!(
            "{}{}",
            a.company,
            if a.city.is_empty() {
                String::new()
            } else {
                format!(" · {}", a.city)
            }
        )),
        Line::from(Span::styled(
            format!("Status: {}", a.status.label()),
            th.accent,
        )),
    ];
    if a.salary_min.is_some() {
        out.push(Line::from(salary(
            a.salary_min,
            a.salary_max,
            Period::Monthly,
        )));
    }
    if let Some(e) = a.expected_salary {
        out.push(Line::from(format!("Expected: {}", e.display())));
    }
    // the number on a line of its own, never broken (see `detail`)
    if !a.contact_name.is_empty() {
        out.push(Line::from(format!("Contact: {}", a.contact_name)));
    }
    if !a.contact_phone.is_empty() {
        out.push(Line::from(a.contact_phone.as_str()));
    }
    if let Some(f) = a.follow_up {
        out.push(Line::from(format!("Follow up: {f}")));
    }
    if let Some(i) = a.interview_at {
        out.push(Line::from(format!(
            "Interview: {}{}{}",
            format_datetime(i).replace('T', " "),
            a.interview_mode
                .map(|m| format!(" · {}", m.label()))
                .unwrap_or_default(),
            if a.interview_place.is_empty() {
                String::new()
            } else {
                format!(" · {}", a.interview_place)
            }
        )));
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled("Documents", th.accent)));
    for (id, label) in DOCUMENTS {
        let done = a.documents.iter().any(|d| d == id);
        out.push(Line::from(format!(
            "[{}] {label}",
            if done { "x" } else { " " }
        )));
    }
    if !a.prep.is_empty() {
        out.push(Line::from(format!("Prepared: {}", a.prep.join(", "))));
    }
    if !a.notes.is_empty() {
        out.push(Line::default());
        out.push(Line::from(Span::styled("Notes", th.accent)));
        for l in a.notes.lines() {
            out.push(Line::from(l));
        }
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled("History", th.accent)));
    for h in &a.history {
        out.push(Line::from(format!(
            "{}  {}",
            h.at.get(..16).unwrap_or(&h.at).replace('T', " "),
            h.status.label()
        )));
    }
    out
}

fn stats_view(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    let today = st.index().today().unwrap_or(jiff::civil::date(2026, 1, 1));
    let s = stats::compute(&st.tracker.apps, today, 8);
    let half = body.height / 2;
    let top = Rect::new(body.x, body.y, body.width, half);
    let bottom = Rect::new(body.x, body.y + half, body.width, body.height - half);
    let bar_w = ((top.width.saturating_sub(2)) / s.per_stage.len().max(1) as u16)
        .saturating_sub(1)
        .clamp(3, 12);
    let bars: Vec<Bar<'_>> = s
        .per_stage
        .iter()
        .map(|(status, n)| {
            Bar::default()
                .label(Line::from(truncate(status.label(), bar_w as usize)))
                .value(*n as u64)
                .style(th.accent)
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .block(block(" Applications per stage ", false, th))
            .data(BarGroup::default().bars(&bars))
            .bar_width(bar_w)
            .bar_gap(1),
        top,
    );
    let rate = match s.response_rate() {
        Some(r) => format!(
            "response rate {:.0}% ({} of {} sent got past applied)",
            r * 100.0,
            s.responded,
            s.applied
        ),
        None => "response rate: nothing sent yet".to_string(),
    };
    let weeks: Vec<Bar<'_>> = s
        .per_week
        .iter()
        .map(|(d, n)| {
            Bar::default()
                .label(Line::from(d.strftime("%d %b").to_string()))
                .value(*n as u64)
                .style(th.good)
        })
        .collect();
    let week_w = ((bottom.width.saturating_sub(2)) / weeks.len().max(1) as u16)
        .saturating_sub(1)
        .clamp(3, 8);
    frame.render_widget(
        BarChart::default()
            .block(block(format!(" Sent per week · {rate} "), false, th))
            .data(BarGroup::default().bars(&weeks))
            .bar_width(week_w)
            .bar_gap(1),
        bottom,
    );
}
