//! The tracker board: a column per stage of cards (title; company and
//! city; pay and the next date, overdue ones in the warning colour),
//! fewer columns around the focused one when eight would be unreadable,
//! and the move prompt with every stage.

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::widgets::{block, centered};
use crate::display::truncate;
use crate::money::{Period, format_range_short};
use crate::tracker::{Application, Status};
use crate::tui::layout;
use crate::tui::state::State;
use crate::tui::update::tracker::{column, column_title, columns_for, stage_for_key};

/// The date that comes next for an application and what it is, with
/// whether it has passed while the application is still open.
pub fn next(a: &Application, today: Option<Date>) -> Option<(&'static str, Date, bool)> {
    let follow = a.follow_up.map(|d| ("follow up", d));
    let interview = a.interview_at.map(|t| ("interview", t.date()));
    let (what, date) = match (follow, interview) {
        (Some(f), Some(i)) => {
            if i.1 <= f.1 {
                i
            } else {
                f
            }
        }
        (f, i) => f.or(i)?,
    };
    let open = !matches!(
        a.status,
        Status::Accepted | Status::Rejected | Status::Withdrawn
    );
    Some((what, date, open && today.is_some_and(|t| date < t)))
}

/// "follow up 12 Dec" / "overdue: interview 28 Nov".
pub fn next_text(what: &str, date: Date, overdue: bool) -> String {
    next_texts(what, date, overdue).swap_remove(0)
}

/// The ways to say the next date, longest first: "overdue: follow up
/// 28 Nov", "overdue 28 Nov", "! 28 Nov"; "interview 14 Dec", "14 Dec".
fn next_texts(what: &str, date: Date, overdue: bool) -> Vec<String> {
    let d = date.strftime("%d %b").to_string();
    if overdue {
        vec![
            format!("overdue: {what} {d}"),
            format!("overdue {d}"),
            format!("! {d}"),
        ]
    } else {
        vec![format!("{what} {d}"), d]
    }
}

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    let n = columns_for(body.width);
    let b = layout::board(body, n, st.tracker.column);
    let today = st.index().today();
    for (c, r) in &b.columns {
        let c = *c;
        let apps = column(st, c);
        let focused = c == st.tracker.column;
        let bl = block(
            column_title(st, c, n, usize::from(r.width.saturating_sub(2))),
            focused,
            th,
        );
        let inner = bl.inner(*r);
        frame.render_widget(bl, *r);
        let cw = usize::from(inner.width);
        let card_h = layout::card_height(inner.height);
        let fit = usize::from((inner.height + 1) / card_h).max(1);
        let sel = apps
            .iter()
            .position(|a| Some(a.id) == st.tracker.selected && focused);
        let skip = sel.map_or(0, |s| s.saturating_sub(fit.saturating_sub(1)));
        let mut lines = Vec::new();
        for (k, a) in apps.iter().skip(skip).take(fit).enumerate() {
            if k > 0 {
                lines.push(Line::from(Span::styled("╌".repeat(cw), th.border)));
            }
            let is_sel = Some(a.id) == st.tracker.selected && focused;
            lines.extend(card(a, cw, card_h - 1, today, is_sel, st));
        }
        let more = apps.len().saturating_sub(skip + fit);
        if more > 0 && usize::from(inner.height) > lines.len() {
            lines.push(Line::from(Span::styled(
                format!("+{more} more ↓"),
                th.muted,
            )));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
    for (side, arrow) in [(&b.left, "◂"), (&b.right, "▸")] {
        if let Some((r, range)) = side {
            strip(frame, *r, range.clone(), n, arrow, st);
        }
    }
    if st.tracker.moving {
        move_prompt(frame, body, st);
    }
}

/// A card's lines: title; company · city; pay · next date (three lines),
/// or title; company · pay · date (two).
fn card<'a>(
    a: &'a Application,
    w: usize,
    lines: u16,
    today: Option<Date>,
    selected: bool,
    st: &State,
) -> Vec<Line<'a>> {
    let th = &st.theme;
    let base = if selected { th.selection } else { Style::new() };
    let sub = if selected { th.selection } else { th.muted };
    // the city whole when the company can give way for it
    let city_w = a.city.width();
    let place = if a.city.is_empty() {
        a.company.clone()
    } else if a.company.width() + 3 + city_w > w && w >= city_w + 3 + 8 {
        format!("{} · {}", truncate(&a.company, w - 3 - city_w), a.city)
    } else {
        format!("{} · {}", a.company, a.city)
    };
    let pay = match (a.salary_min, a.salary_max, a.expected_salary) {
        (None, None, Some(e)) => format!(
            "want {}",
            format_range_short(Some(e), None, Period::Monthly)
        ),
        (None, None, None) => String::new(),
        (lo, hi, _) => format_range_short(lo, hi, Period::Monthly),
    };
    let date = next(a, today);
    let date_style = match date {
        Some((_, _, true)) if selected => th.selection.add_modifier(Modifier::UNDERLINED),
        Some((_, _, true)) => th.warn.add_modifier(Modifier::BOLD),
        _ => sub,
    };
    let dates = date.map(|(what, d, late)| next_texts(what, d, late));
    // the date before the pay: the longest form that fits beside the
    // whole pay, else the shortest with the pay cut to make room
    let last = |lead: String| -> Line<'a> {
        let lead_w = lead.width();
        let (lead, date) = match &dates {
            None => (truncate(&lead, w), None),
            Some(forms) if lead.is_empty() => (lead, forms.iter().find(|f| f.width() <= w)),
            Some(forms) => match forms.iter().find(|f| lead_w + 3 + f.width() <= w) {
                Some(f) => (lead, Some(f)),
                None => {
                    let f = forms.last();
                    let room = w.saturating_sub(3 + f.map_or(0, |f| f.width()));
                    (
                        if room >= 4 {
                            truncate(&lead, room)
                        } else {
                            String::new()
                        },
                        f,
                    )
                }
            },
        };
        let mut spans = Vec::new();
        if !lead.is_empty() {
            spans.push(Span::styled(lead.clone(), sub));
        }
        if let Some(d) = date {
            if !lead.is_empty() {
                spans.push(Span::styled(" · ", sub));
            }
            spans.push(Span::styled(truncate(d, w), date_style));
        }
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        spans.push(Span::styled(" ".repeat(w.saturating_sub(used)), base));
        Line::from(spans)
    };
    let title = Line::from(Span::styled(
        format!("{:<w$}", truncate(&a.title, w), w = w),
        base.add_modifier(Modifier::BOLD),
    ));
    if lines >= 3 {
        vec![
            title,
            Line::from(Span::styled(format!("{:<w$}", truncate(&place, w)), sub)),
            last(pay),
        ]
    } else {
        let lead = if pay.is_empty() {
            place
        } else {
            format!("{place} · {pay}")
        };
        vec![title, last(lead)]
    }
}

/// A strip summing up the columns out of view: each stage and its count.
fn strip(
    frame: &mut Frame<'_>,
    r: Rect,
    range: std::ops::Range<usize>,
    n: usize,
    arrow: &str,
    st: &State,
) {
    let th = &st.theme;
    let b = block(format!(" {arrow} "), false, th);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let w = usize::from(inner.width);
    let lines: Vec<Line<'_>> = range
        .map(|c| {
            Line::from(Span::styled(
                truncate(&column_title(st, c, n, w), w),
                th.muted,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The keys of every stage, one per line, while a move waits for one.
fn move_prompt(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let th = &st.theme;
    let stages: Vec<(char, Status)> = Status::ALL
        .iter()
        .filter_map(|&s| {
            ('a'..='z')
                .find(|&c| stage_for_key(c) == Some(s))
                .map(|c| (c, s))
        })
        .collect();
    let h = stages.len() as u16 + 3;
    let r = centered(body, 30, h);
    frame.render_widget(Clear, r);
    let b = block(" Move to ", true, th);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let current = crate::tui::update::tracker::selected(st).map(|a| a.status);
    let mut lines: Vec<Line<'_>> = stages
        .iter()
        .map(|(k, s)| {
            let now = if Some(*s) == current { "  (now)" } else { "" };
            Line::from(vec![
                Span::styled(format!(" {k} "), th.accent),
                Span::raw(format!("{}{now}", s.label())),
            ])
        })
        .collect();
    lines.push(Line::from(Span::styled(" any other key cancels", th.muted)));
    frame.render_widget(Paragraph::new(lines), inner);
}
