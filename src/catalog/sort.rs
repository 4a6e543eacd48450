//! The orders results can be listed in. A plain vocabulary below the
//! config (which names a default order) and the search (which sorts by it).

use serde::{Deserialize, Serialize};

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best text match first, then newest. Without text: newest first.
    #[default]
    Relevance,
    /// Highest pay first.
    Salary,
    /// Newest first.
    Date,
    /// Nearest to the home city first.
    Distance,
    /// Best fit to the profile first.
    Fit,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::Fit,
        Sort::Salary,
        Sort::Date,
        Sort::Distance,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Salary => "salary",
            Sort::Date => "date",
            Sort::Distance => "distance",
            Sort::Fit => "fit",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Salary => "salary ↓",
            Sort::Date => "newest",
            Sort::Distance => "nearest",
            Sort::Fit => "best fit",
        }
    }

    pub fn parse(s: &str) -> Result<Sort, crate::catalog::UnknownValue> {
        let t = s.trim().to_ascii_lowercase();
        let t = match t.as_str() {
            "newest" | "posted" | "recent" => "date",
            "pay" => "salary",
            "nearest" | "near" => "distance",
            "match" => "relevance",
            "best" | "best-fit" | "bestfit" => "fit",
            other => other,
        }
        .to_string();
        Sort::ALL
            .iter()
            .copied()
            .find(|v| v.id() == t)
            .ok_or_else(|| {
                crate::catalog::UnknownValue::new(
                    "sort",
                    s,
                    Sort::ALL.iter().map(|v| v.id().to_string()).collect(),
                )
            })
    }

    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }
}
