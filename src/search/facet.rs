//! The fields a search can filter on and count by.

use serde::{Deserialize, Serialize};

/// A filterable field. Every facet can include values (any of them) and
/// exclude values (none of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Facet {
    Category,
    Role,
    City,
    State,
    /// A region of several cities (Delhi NCR).
    Region,
    Tier,
    WorkMode,
    EmploymentType,
    Shift,
    Experience,
    Salary,
    Posted,
    CompanyType,
    Industry,
    Company,
    Skill,
    Language,
    Source,
}

impl Facet {
    pub const ALL: [Facet; 18] = [
        Facet::Category,
        Facet::Role,
        Facet::City,
        Facet::State,
        Facet::Region,
        Facet::Tier,
        Facet::WorkMode,
        Facet::EmploymentType,
        Facet::Shift,
        Facet::Experience,
        Facet::Salary,
        Facet::Posted,
        Facet::CompanyType,
        Facet::Industry,
        Facet::Company,
        Facet::Skill,
        Facet::Language,
        Facet::Source,
    ];

    pub const COUNT: usize = Facet::ALL.len();

    pub fn index(self) -> usize {
        self as usize
    }

    /// The id used on the command line (`--not city=Pune`) and in config.
    pub fn id(self) -> &'static str {
        match self {
            Facet::Category => "category",
            Facet::Role => "role",
            Facet::City => "city",
            Facet::State => "state",
            Facet::Region => "region",
            Facet::Tier => "tier",
            Facet::WorkMode => "mode",
            Facet::EmploymentType => "employment",
            Facet::Shift => "shift",
            Facet::Experience => "experience",
            Facet::Salary => "salary",
            Facet::Posted => "posted",
            Facet::CompanyType => "company-type",
            Facet::Industry => "industry",
            Facet::Company => "company",
            Facet::Skill => "skill",
            Facet::Language => "language",
            Facet::Source => "source",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Category => "Category",
            Facet::Role => "Role",
            Facet::City => "City",
            Facet::State => "State",
            Facet::Region => "Region",
            Facet::Tier => "City tier",
            Facet::WorkMode => "Work mode",
            Facet::EmploymentType => "Employment",
            Facet::Shift => "Shift",
            Facet::Experience => "Experience",
            Facet::Salary => "Salary (monthly)",
            Facet::Posted => "Posted within",
            Facet::CompanyType => "Company type",
            Facet::Industry => "Industry",
            Facet::Company => "Company",
            Facet::Skill => "Skills",
            Facet::Language => "Languages",
            Facet::Source => "Source",
        }
    }

    pub fn parse(s: &str) -> Result<Facet, crate::catalog::UnknownValue> {
        let t = s.trim().to_ascii_lowercase().replace('_', "-");
        let alias = match t.as_str() {
            "work-mode" | "workmode" => "mode",
            "employment-type" | "type" => "employment",
            "company-kind" | "kind" => "company-type",
            "skills" => "skill",
            "languages" => "language",
            "posted-within" => "posted",
            "salary-range" => "salary",
            other => other,
        };
        Facet::ALL
            .iter()
            .copied()
            .find(|f| f.id() == alias)
            .ok_or_else(|| {
                crate::catalog::UnknownValue::new(
                    "filter",
                    s,
                    Facet::ALL.iter().map(|f| f.id().to_string()).collect(),
                )
            })
    }

    /// Whether a listing can have several values of this facet at once.
    pub fn is_multi(self) -> bool {
        matches!(
            self,
            Facet::Skill | Facet::Language | Facet::Experience | Facet::Salary | Facet::Posted
        )
    }
}

/// Experience buckets: a listing is in every bucket its range touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExperienceBucket {
    Fresher,
    OneToTwo,
    ThreeToFive,
    SixPlus,
}

impl ExperienceBucket {
    pub const ALL: [ExperienceBucket; 4] = [
        ExperienceBucket::Fresher,
        ExperienceBucket::OneToTwo,
        ExperienceBucket::ThreeToFive,
        ExperienceBucket::SixPlus,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExperienceBucket::Fresher => "Fresher (0 yrs)",
            ExperienceBucket::OneToTwo => "1-2 yrs",
            ExperienceBucket::ThreeToFive => "3-5 yrs",
            ExperienceBucket::SixPlus => "6+ yrs",
        }
    }

    fn range(self) -> (u8, u8) {
        match self {
            ExperienceBucket::Fresher => (0, 0),
            ExperienceBucket::OneToTwo => (1, 2),
            ExperienceBucket::ThreeToFive => (3, 5),
            ExperienceBucket::SixPlus => (6, u8::MAX),
        }
    }

    /// Bit mask of the buckets a listing asking `min..=max` years is in.
    pub fn mask(min: u8, max: u8) -> u128 {
        let mut m = 0;
        for (i, b) in Self::ALL.iter().enumerate() {
            let (lo, hi) = b.range();
            if min <= hi && max >= lo {
                m |= 1 << i;
            }
        }
        m
    }
}

/// Monthly salary buckets: a listing is in every bucket its range touches;
/// listings without a rupee salary are "Not disclosed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalaryBucket {
    Under15k,
    From15To25k,
    From25To40k,
    From40To70k,
    Over70k,
    NotDisclosed,
}

impl SalaryBucket {
    pub const ALL: [SalaryBucket; 6] = [
        SalaryBucket::Under15k,
        SalaryBucket::From15To25k,
        SalaryBucket::From25To40k,
        SalaryBucket::From40To70k,
        SalaryBucket::Over70k,
        SalaryBucket::NotDisclosed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SalaryBucket::Under15k => "under ₹15k",
            SalaryBucket::From15To25k => "₹15k-25k",
            SalaryBucket::From25To40k => "₹25k-40k",
            SalaryBucket::From40To70k => "₹40k-70k",
            SalaryBucket::Over70k => "₹70k+",
            SalaryBucket::NotDisclosed => "not disclosed",
        }
    }

    fn range(self) -> (u32, u32) {
        match self {
            SalaryBucket::Under15k => (0, 14_999),
            SalaryBucket::From15To25k => (15_000, 24_999),
            SalaryBucket::From25To40k => (25_000, 39_999),
            SalaryBucket::From40To70k => (40_000, 69_999),
            SalaryBucket::Over70k => (70_000, u32::MAX),
            SalaryBucket::NotDisclosed => (1, 0),
        }
    }

    pub fn mask(min: Option<u32>, max: Option<u32>) -> u128 {
        let (lo, hi) = match (min, max) {
            (None, None) => return 1 << 5,
            (Some(a), None) => (a, a),
            (None, Some(b)) => (b, b),
            (Some(a), Some(b)) => (a, b),
        };
        let mut m = 0;
        for (i, b) in Self::ALL.iter().enumerate() {
            let (blo, bhi) = b.range();
            if lo <= bhi && hi >= blo {
                m |= 1 << i;
            }
        }
        m
    }
}

/// Posted-within buckets; nested, so a listing posted today is in all four.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostedBucket {
    Today,
    ThreeDays,
    Week,
    Month,
}

impl PostedBucket {
    pub const ALL: [PostedBucket; 4] = [
        PostedBucket::Today,
        PostedBucket::ThreeDays,
        PostedBucket::Week,
        PostedBucket::Month,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PostedBucket::Today => "today",
            PostedBucket::ThreeDays => "3 days",
            PostedBucket::Week => "7 days",
            PostedBucket::Month => "30 days",
        }
    }

    pub fn days(self) -> i32 {
        match self {
            PostedBucket::Today => 0,
            PostedBucket::ThreeDays => 3,
            PostedBucket::Week => 7,
            PostedBucket::Month => 30,
        }
    }

    /// Buckets for a listing `age` days old.
    pub fn mask(age: i32) -> u128 {
        let mut m = 0;
        for (i, b) in Self::ALL.iter().enumerate() {
            if age <= b.days() {
                m |= 1 << i;
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_ids_round_trip() {
        for f in Facet::ALL {
            assert_eq!(Facet::parse(f.id()), Ok(f));
            assert_eq!(Facet::ALL[f.index()], f);
        }
        assert_eq!(Facet::parse("work_mode"), Ok(Facet::WorkMode));
        assert!(Facet::parse("colour").is_err());
    }

    #[test]
    fn buckets() {
        assert_eq!(ExperienceBucket::mask(0, 1), 0b0011);
        assert_eq!(ExperienceBucket::mask(2, 5), 0b0110);
        assert_eq!(ExperienceBucket::mask(5, 10), 0b1100);
        assert_eq!(SalaryBucket::mask(Some(18_000), Some(25_000)), 0b00110);
        assert_eq!(SalaryBucket::mask(None, None), 1 << 5);
        assert_eq!(PostedBucket::mask(0), 0b1111);
        assert_eq!(PostedBucket::mask(5), 0b1100);
        assert_eq!(PostedBucket::mask(45), 0);
    }
}
