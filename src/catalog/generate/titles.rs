//! Listing titles that agree with the level and the experience asked:
//! a title's seniority words (Trainee, Junior, Senior, Lead, Manager,
//! Head) decide which listings it can go on.

use crate::catalog::{EmploymentType, Level};

/// What a title's words say about seniority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Seniority {
    /// Trainee, intern, junior, L1: the first years.
    Entry,
    /// No seniority words.
    Neutral,
    /// Senior or Sr.
    Senior,
    /// Lead, team leader, supervisor, in-charge, assistant manager.
    Lead,
    /// Manager (not assistant manager).
    Manager,
    /// Head, chief, principal officer: never on a generated listing.
    Head,
}

fn words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The seniority a title's words claim (the highest word wins).
pub fn seniority(title: &str) -> Seniority {
    let w = words(title);
    let has = |x: &str| w.iter().any(|y| y == x);
    let assistant_manager = w
        .windows(2)
        .any(|p| (p[0] == "assistant" || p[0] == "asst") && p[1] == "manager");
    if has("head") || has("chief") || (has("principal") && has("officer")) {
        Seniority::Head
    } else if has("manager") && !assistant_manager {
        Seniority::Manager
    } else if assistant_manager
        || has("lead")
        || has("leader")
        || has("supervisor")
        || has("incharge")
        || (has("in") && has("charge"))
    {
        Seniority::Lead
    } else if has("senior") || has("sr") {
        Seniority::Senior
    } else if has("trainee") || has("intern") || has("junior") || has("jr") || has("l1") {
        Seniority::Entry
    } else {
        Seniority::Neutral
    }
}

/// Whether a title of this seniority fits a listing at `level` asking
/// `exp_min`-`exp_max` years.
pub fn fits(s: Seniority, level: Level, exp_min: u8, exp_max: u8) -> bool {
    match s {
        Seniority::Entry => matches!(level, Level::Fresher | Level::Junior) && exp_max <= 3,
        Seniority::Neutral => true,
        Seniority::Senior => level == Level::Senior && exp_min >= 5,
        Seniority::Lead => exp_min >= 3,
        Seniority::Manager => exp_min >= 4,
        Seniority::Head => false,
    }
}

/// The title for a listing from a base title of seniority `rank`:
/// "Senior" before a plain title at the senior level (`senior` says
/// whether to), "Intern" or "Trainee" after a plain one for an internship
/// (`trainee` picks which).
pub fn compose(
    base: &str,
    rank: Seniority,
    level: Level,
    emp: EmploymentType,
    senior: bool,
    trainee: bool,
) -> String {
    let plain = rank == Seniority::Neutral;
    if emp == EmploymentType::Internship && plain {
        if trainee {
            format!("{base} Trainee")
        } else {
            format!("{base} Intern")
        }
    } else if level == Level::Senior && plain && senior {
        format!("Senior {base}")
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seniority_words() {
        assert_eq!(seniority("Accounts Trainee"), Seniority::Entry);
        assert_eq!(seniority("Junior Data Analyst"), Seniority::Entry);
        assert_eq!(seniority("Network Engineer L1"), Seniority::Entry);
        assert_eq!(seniority("Accountant"), Seniority::Neutral);
        assert_eq!(seniority("Senior Accountant"), Seniority::Senior);
        assert_eq!(seniority("Team Lead (Non-Voice)"), Seniority::Lead);
        assert_eq!(seniority("Assistant Manager Payroll"), Seniority::Lead);
        assert_eq!(seniority("Accounts Incharge"), Seniority::Lead);
        assert_eq!(seniority("Office Manager"), Seniority::Manager);
        assert_eq!(seniority("Payroll Head"), Seniority::Head);
        assert_eq!(seniority("Principal Officer (AML)"), Seniority::Head);
        // a word inside another word does not count
        assert_eq!(seniority("Leadership Desk Executive"), Seniority::Neutral);
    }

    #[test]
    fn titles_fit_levels() {
        assert!(!fits(Seniority::Entry, Level::Senior, 5, 9));
        assert!(fits(Seniority::Entry, Level::Fresher, 0, 1));
        assert!(!fits(Seniority::Senior, Level::Junior, 1, 2));
        assert!(!fits(Seniority::Manager, Level::Mid, 2, 5));
        assert!(fits(Seniority::Manager, Level::Mid, 4, 7));
        assert!(!fits(Seniority::Head, Level::Senior, 8, 12));
    }

    #[test]
    fn composes_without_doubling_seniority() {
        let t = |b, l, e| compose(b, seniority(b), l, e, true, false);
        assert_eq!(
            t(
                "Junior Data Analyst",
                Level::Senior,
                EmploymentType::FullTime
            ),
            "Junior Data Analyst"
        );
        assert_eq!(
            t(
                "Accounts Trainee",
                Level::Fresher,
                EmploymentType::Internship
            ),
            "Accounts Trainee"
        );
        assert_eq!(
            t("Accountant", Level::Senior, EmploymentType::FullTime),
            "Senior Accountant"
        );
        assert_eq!(
            t("HR Assistant", Level::Fresher, EmploymentType::Internship),
            "HR Assistant Intern"
        );
    }
}
