//! The numbers a job seeker (or counsellor) wants at a glance.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::{Application, Status};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Applications in each status (every status, pipeline order first).
    pub per_stage: Vec<(Status, usize)>,
    /// Applications sent (moved to "applied") per week, oldest first;
    /// weeks start on Monday.
    pub per_week: Vec<(Date, usize)>,
    /// Applications that were ever sent.
    pub applied: usize,
    /// Of those, the ones that got past "applied" (a screening call or more).
    pub responded: usize,
}

impl Stats {
    /// Share of sent applications that got a response, 0-1.
    pub fn response_rate(&self) -> Option<f64> {
        (self.applied > 0).then(|| self.responded as f64 / self.applied as f64)
    }
}

fn monday(d: Date) -> Date {
    let back = d.weekday().to_monday_zero_offset();
    d.checked_sub(i64::from(back).days()).unwrap_or(d)
}

fn reached(a: &Application, s: Status) -> bool {
    a.status == s || a.history.iter().any(|h| h.status == s)
}

/// Stats over `apps`, with `weeks` weeks ending with the one containing `today`.
pub fn compute(apps: &[Application], today: Date, weeks: usize) -> Stats {
    let per_stage = Status::ALL
        .iter()
        .map(|&s| (s, apps.iter().filter(|a| a.status == s).count()))
        .collect();
    let this_week = monday(today);
    let mut per_week: Vec<(Date, usize)> = (0..weeks)
        .rev()
        .filter_map(|i| this_week.checked_sub((7 * i as i64).days()).ok())
        .map(|d| (d, 0))
        .collect();
    for a in apps {
        for h in a.history.iter().filter(|h| h.status == Status::Applied) {
            let Some(day) = h.at.get(..10).and_then(|d| d.parse::<Date>().ok()) else {
                continue;
            };
            let w = monday(day);
            if let Some(slot) = per_week.iter_mut().find(|(d, _)| *d == w) {
                slot.1 += 1;
            }
        }
    }
    let past_applied = [
        Status::Screening,
        Status::Interview,
        Status::Offer,
        Status::Accepted,
    ];
    let sent: Vec<&Application> = apps
        .iter()
        .filter(|a| {
            a.status != Status::Saved
                && (reached(a, Status::Applied) || past_applied.iter().any(|&s| reached(a, s)))
        })
        .collect();
    let responded = sent
        .iter()
        .filter(|a| past_applied.iter().any(|&s| reached(a, s)))
        .count();
    Stats {
        per_stage,
        per_week,
        applied: sent.len(),
        responded,
    }
}
