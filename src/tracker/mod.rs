//! The saved-applications tracker: the pipeline an application moves
//! through and the rules for moving it, what an application records, its
//! checklists, stats and exports.

pub mod dates;
pub mod edit;
pub mod export;
pub mod limits;
pub mod stats;

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use crate::catalog::kinds::vocabulary;
use crate::money::Rupees;

vocabulary!(
    /// Where an application stands.
    Status, "status" {
        Saved = ("saved", "Saved"),
        Applied = ("applied", "Applied"),
        Screening = ("screening", "HR screening"),
        Interview = ("interview", "Interview"),
        Offer = ("offer", "Offer"),
        Accepted = ("accepted", "Accepted"),
        Rejected = ("rejected", "Rejected"),
        Withdrawn = ("withdrawn", "Withdrawn"),
    }
);

impl Status {
    /// The stages in pipeline order (the board's columns).
    pub const PIPELINE: [Status; 6] = [
        Status::Saved,
        Status::Applied,
        Status::Screening,
        Status::Interview,
        Status::Offer,
        Status::Accepted,
    ];

    /// Still in progress: something can still happen.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Saved | Status::Applied | Status::Screening | Status::Interview | Status::Offer
        )
    }

    /// Whether an application may move from `self` to `to`.
    pub fn can_move_to(self, to: Status) -> bool {
        if self == to {
            return false;
        }
        match to {
            Status::Accepted => self == Status::Offer,
            Status::Rejected => self.is_open(),
            Status::Withdrawn => self.is_open() || self == Status::Accepted,
            // back to an open stage: corrections and reopening are allowed
            _ => true,
        }
    }

    /// The next stage along the pipeline (`>`).
    pub fn next(self) -> Option<Status> {
        let i = Status::PIPELINE.iter().position(|&s| s == self)?;
        Status::PIPELINE.get(i + 1).copied()
    }

    /// The stage before along the pipeline (`<`); from rejected or
    /// withdrawn, back to applied.
    pub fn prev(self) -> Option<Status> {
        match self {
            Status::Rejected | Status::Withdrawn => Some(Status::Applied),
            _ => {
                let i = Status::PIPELINE.iter().position(|&s| s == self)?;
                i.checked_sub(1).map(|j| Status::PIPELINE[j])
            }
        }
    }
}

vocabulary!(
    /// How an interview happens.
    InterviewMode, "interview mode" {
        InPerson = ("in-person", "In person"),
        Phone = ("phone", "Phone"),
        Video = ("video", "Video"),
    }
);

/// The documents the articles tell candidates to carry: (id, label).
pub const DOCUMENTS: [(&str, &str); 4] = [
    ("resume", "Resume"),
    ("id-proof", "ID proof (Aadhaar, PAN)"),
    ("education", "Education certificates"),
    ("experience", "Experience letters"),
];

/// One change of status, with when it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub status: Status,
    /// RFC 3339 with offset.
    pub at: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Everything about one application. This is also the JSON export
/// format, which `apps import` reads back without loss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub id: i64,
    pub listing_id: Option<i64>,
    #[serde(default)]
    pub role_id: Option<String>,
    pub status: Status,
    pub title: String,
    pub company: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub salary_min: Option<Rupees>,
    #[serde(default)]
    pub salary_max: Option<Rupees>,
    #[serde(default = "inr")]
    pub currency: String,
    /// "listing", or where a hand-added job was seen.
    pub source: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub follow_up: Option<Date>,
    #[serde(default)]
    pub interview_at: Option<DateTime>,
    #[serde(default)]
    pub interview_mode: Option<InterviewMode>,
    #[serde(default)]
    pub interview_place: String,
    #[serde(default)]
    pub expected_salary: Option<Rupees>,
    /// Checked document ids (see [`DOCUMENTS`]).
    #[serde(default)]
    pub documents: Vec<String>,
    /// Checked interview-prep items (skills of the role).
    #[serde(default)]
    pub prep: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

fn inr() -> String {
    "INR".to_string()
}

#[cfg(test)]
impl Application {
    /// A saved, hand-added application with nothing filled in but its title
    /// and company (unit tests change the fields they need).
    pub(crate) fn sample() -> Application {
        Application {
            id: 1,
            listing_id: None,
            role_id: None,
            status: Status::Saved,
            title: "Clerk".into(),
            company: "Shop".into(),
            city: String::new(),
            salary_min: None,
            salary_max: None,
            currency: "INR".into(),
            source: "hand".into(),
            notes: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            follow_up: None,
            interview_at: None,
            interview_mode: None,
            interview_place: String::new(),
            expected_salary: None,
            documents: vec![],
            prep: vec![],
            created_at: "2026-11-20T10:00:00+05:30".into(),
            updated_at: "2026-11-20T10:00:00+05:30".into(),
            history: vec![],
        }
    }
}

impl Application {
    /// Follow-up or interview due on or before `today`, for open applications.
    pub fn due(&self, today: Date) -> Vec<Due> {
        let mut out = Vec::new();
        if !self.status.is_open() {
            return out;
        }
        if let Some(f) = self.follow_up
            && f <= today
        {
            out.push(Due::FollowUp(f));
        }
        if let Some(i) = self.interview_at
            && i.date() <= today
            && self.status != Status::Offer
        {
            out.push(Due::Interview(i));
        }
        out
    }

    /// The next date that matters, one rule for the app and `apps list`:
    /// the sooner of the interview and the follow-up, for an open
    /// application (a closed one has none).
    pub fn next_event(&self) -> Option<Due> {
        if !self.status.is_open() {
            return None;
        }
        let interview = self.interview_at.map(Due::Interview);
        let follow_up = self.follow_up.map(Due::FollowUp);
        match (interview, follow_up) {
            (Some(i), Some(f)) => Some(if f.date() < i.date() { f } else { i }),
            (i, f) => i.or(f),
        }
    }
}

impl Due {
    /// The day it falls on.
    pub fn date(&self) -> Date {
        match self {
            Due::FollowUp(d) => *d,
            Due::Interview(t) => t.date(),
        }
    }

    /// "interview 05 Dec 11:00", "follow up 04 Dec".
    pub fn describe(&self) -> String {
        match self {
            Due::Interview(t) => format!("interview {}", t.strftime("%d %b %H:%M")),
            Due::FollowUp(d) => format!("follow up {}", d.strftime("%d %b")),
        }
    }
}

/// Something due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    FollowUp(Date),
    Interview(DateTime),
}

/// A job added by hand (seen on a notice board or in a newspaper).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewApp {
    pub title: String,
    pub company: String,
    pub city: String,
    pub salary_min: Option<Rupees>,
    pub salary_max: Option<Rupees>,
    pub source: String,
}

/// Changes to an application's fields; `None` leaves a field as it is.
/// `Some(None)` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patch {
    pub notes: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub follow_up: Option<Option<Date>>,
    pub interview_at: Option<Option<DateTime>>,
    pub interview_mode: Option<Option<InterviewMode>>,
    pub interview_place: Option<String>,
    pub expected_salary: Option<Option<Rupees>>,
    /// Documents ticked and unticked.
    pub documents: Ticks,
    /// Interview-prep items ticked and unticked.
    pub prep: Ticks,
}

impl Patch {
    pub fn is_empty(&self) -> bool {
        *self == Patch::default()
    }
}

/// Boxes ticked and unticked in a checklist. They apply to what is
/// stored when the change is written, so two people ticking different
/// boxes at once both keep theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ticks {
    pub tick: Vec<String>,
    pub untick: Vec<String>,
}

impl Ticks {
    /// The ticks that turn `before` into `after`.
    pub fn between(before: &[String], after: &[String]) -> Ticks {
        let has = |v: &[String], x: &str| v.iter().any(|y| y.eq_ignore_ascii_case(x));
        Ticks {
            tick: after.iter().filter(|x| !has(before, x)).cloned().collect(),
            untick: before.iter().filter(|x| !has(after, x)).cloned().collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tick.is_empty() && self.untick.is_empty()
    }

    /// `current` with these ticks applied (names compared in any case).
    pub fn apply(&self, current: &[String]) -> Vec<String> {
        let mut out: Vec<String> = current
            .iter()
            .filter(|d| !self.untick.iter().any(|x| x.eq_ignore_ascii_case(d)))
            .cloned()
            .collect();
        for t in &self.tick {
            if !out.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                out.push(t.clone());
            }
        }
        out
    }
}

/// An application as the tracker list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppSummary {
    pub id: i64,
    pub listing_id: Option<i64>,
    pub title: String,
    pub company: String,
    pub city: String,
    pub salary_min: Option<Rupees>,
    pub salary_max: Option<Rupees>,
    pub status: Status,
    pub follow_up: Option<Date>,
    pub interview_at: Option<DateTime>,
    pub created_at: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_rules() {
        assert!(Status::Saved.can_move_to(Status::Applied));
        assert!(Status::Saved.can_move_to(Status::Interview));
        assert!(!Status::Applied.can_move_to(Status::Accepted));
        assert!(Status::Offer.can_move_to(Status::Accepted));
        assert!(Status::Interview.can_move_to(Status::Rejected));
        assert!(!Status::Accepted.can_move_to(Status::Rejected));
        assert!(Status::Accepted.can_move_to(Status::Withdrawn));
        assert!(!Status::Rejected.can_move_to(Status::Withdrawn));
        assert!(Status::Rejected.can_move_to(Status::Applied));
        assert!(!Status::Saved.can_move_to(Status::Saved));
    }

    #[test]
    fn the_next_event_is_the_sooner_one_of_an_open_application() {
        // found in the app: the list said follow-up 04 Dec while `apps
        // list` said interview 05 Dec 11:00 for the same application
        let mut a = Application {
            id: 1,
            listing_id: None,
            role_id: None,
            status: Status::Interview,
            title: "Payroll Executive".into(),
            company: "Example Payroll Services".into(),
            city: "Pune".into(),
            salary_min: None,
            salary_max: None,
            currency: "INR".into(),
            source: String::new(),
            notes: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            follow_up: Some(jiff::civil::date(2026, 12, 4)),
            interview_at: Some(jiff::civil::date(2026, 12, 5).at(11, 0, 0, 0)),
            interview_mode: None,
            interview_place: String::new(),
            expected_salary: None,
            documents: Vec::new(),
            prep: Vec::new(),
            created_at: String::new(),
            updated_at: String::new(),
            history: Vec::new(),
        };
        assert_eq!(
            a.next_event().map(|e| e.describe()).as_deref(),
            Some("follow up 04 Dec")
        );
        a.follow_up = Some(jiff::civil::date(2026, 12, 9));
        assert_eq!(
            a.next_event().map(|e| e.describe()).as_deref(),
            Some("interview 05 Dec 11:00")
        );
        a.status = Status::Rejected;
        assert_eq!(
            a.next_event(),
            None,
            "a closed application has no next date"
        );
    }

    #[test]
    fn next_and_prev() {
        assert_eq!(Status::Saved.next(), Some(Status::Applied));
        assert_eq!(Status::Offer.next(), Some(Status::Accepted));
        assert_eq!(Status::Accepted.next(), None);
        assert_eq!(Status::Saved.prev(), None);
        assert_eq!(Status::Rejected.prev(), Some(Status::Applied));
        assert_eq!("HR screening".parse::<Status>(), Ok(Status::Screening));
    }
}
