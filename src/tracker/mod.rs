//! The saved-applications tracker: the pipeline an application moves
//! through and the rules for moving it.

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
    pub follow_up: Option<jiff::civil::Date>,
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
    fn next_and_prev() {
        assert_eq!(Status::Saved.next(), Some(Status::Applied));
        assert_eq!(Status::Offer.next(), Some(Status::Accepted));
        assert_eq!(Status::Accepted.next(), None);
        assert_eq!(Status::Saved.prev(), None);
        assert_eq!(Status::Rejected.prev(), Some(Status::Applied));
        assert_eq!("HR screening".parse::<Status>(), Ok(Status::Screening));
    }
}
