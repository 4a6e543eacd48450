//! Small closed vocabularies: work mode, shift, experience level, ...
//! Each has a stable snake/kebab id (used in data files, JSON and the CLI)
//! and a label for people.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary with ids, labels, `ALL`, `FromStr` (id or
/// label, any case) and serde as the id.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = ($id:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What this vocabulary is called in messages.
            pub const WHAT: &'static str = $what;

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The position of this value in `ALL`.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The value with exactly this id (the fast path for stored data).
            pub fn from_id(s: &str) -> Option<Self> {
                match s {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::catalog::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.id().eq_ignore_ascii_case(t) || v.label().eq_ignore_ascii_case(t))
                    .ok_or_else(|| crate::catalog::UnknownValue::new(
                        $what,
                        t,
                        $name::ALL.iter().map(|v| v.id().to_string()).collect(),
                    ))
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary!(
    /// Experience levels used by salary bands.
    Level, "experience level" {
        Fresher = ("fresher", "Fresher (0-1 yr)"),
        Junior = ("junior", "1-2 yrs"),
        Mid = ("mid", "2-5 yrs"),
        Senior = ("senior", "5+ yrs"),
    }
);

impl Level {
    /// The level a person with `years` of experience is at.
    pub fn for_years(years: u8) -> Level {
        match years {
            0 => Level::Fresher,
            1 => Level::Junior,
            2..=4 => Level::Mid,
            _ => Level::Senior,
        }
    }

    /// Short column heading.
    pub fn short(self) -> &'static str {
        match self {
            Level::Fresher => "0-1 yr",
            Level::Junior => "1-2 yrs",
            Level::Mid => "2-5 yrs",
            Level::Senior => "5+ yrs",
        }
    }
}

vocabulary!(
    /// Where the work is done.
    WorkMode, "work mode" {
        Office = ("office", "Office"),
        Hybrid = ("hybrid", "Hybrid"),
        Remote = ("remote", "Remote"),
    }
);

vocabulary!(
    EmploymentType, "employment type" {
        FullTime = ("full-time", "Full-time"),
        PartTime = ("part-time", "Part-time"),
        Contract = ("contract", "Contract"),
        Temporary = ("temporary", "Temporary"),
        Internship = ("internship", "Internship"),
    }
);

vocabulary!(
    Shift, "shift" {
        Day = ("day", "Day shift"),
        Night = ("night", "Night shift"),
        Rotational = ("rotational", "Rotational shift"),
        Flexible = ("flexible", "Flexible hours"),
    }
);

vocabulary!(
    /// The kind of employer. Cooperatives (cooperative banks and societies)
    /// are owned by their members: neither government nor an ordinary
    /// private company.
    CompanyKind, "company type" {
        Mnc = ("mnc", "MNC"),
        IndianPrivate = ("indian-private", "Indian private"),
        Startup = ("startup", "Startup"),
        PsuGovernment = ("psu-government", "PSU / Government"),
        Sme = ("sme", "SME"),
        Cooperative = ("cooperative", "Cooperative"),
    }
);

vocabulary!(
    Industry, "industry" {
        Banking = ("banking", "Banking & finance"),
        Bpo = ("bpo", "BPO"),
        It = ("it", "IT"),
        Retail = ("retail", "Retail"),
        Hospital = ("hospital", "Hospital & healthcare"),
        Education = ("education", "Education"),
        ECommerce = ("e-commerce", "E-commerce"),
        Telecom = ("telecom", "Telecom"),
        Logistics = ("logistics", "Logistics"),
        Manufacturing = ("manufacturing", "Manufacturing"),
        Insurance = ("insurance", "Insurance & TPA"),
        ProfessionalServices = ("professional-services", "CA & professional services"),
    }
);

vocabulary!(
    /// A desk or department an employer runs: the work it can hire for.
    /// Companies list the functions they have; roles list the functions
    /// they work in; a listing pairs a role with a company that shares one.
    Function, "function" {
        Accounts = ("accounts", "Accounts and books"),
        Tax = ("tax", "Tax filing practice"),
        Audit = ("audit", "Audit and assurance"),
        Payroll = ("payroll", "Payroll"),
        Hr = ("hr", "HR"),
        TimeOffice = ("time-office", "Time office for shift or shop-floor staff"),
        Admin = ("admin", "Office administration"),
        Records = ("records", "Record room"),
        Digitisation = ("digitisation", "Scanning and digitisation"),
        It = ("it", "In-house IT"),
        Data = ("data", "MIS and analytics"),
        Operations = ("operations", "Operations desk"),
        Purchase = ("purchase", "Purchase and stores"),
        Logistics = ("logistics", "Dispatch and logistics"),
        Orders = ("orders", "Order processing"),
        Export = ("export", "Export and import paperwork"),
        Catalogue = ("catalogue", "Online catalogue"),
        CustomerSupport = ("customer-support", "Written customer support"),
        BpoProcess = ("bpo-process", "Outsourced non-voice process floor"),
        Annotation = ("annotation", "Data annotation"),
        Moderation = ("moderation", "Content moderation"),
        BankOps = ("bank-ops", "Bank branch and central operations"),
        Clearing = ("clearing", "Cheque and payment clearing"),
        Payments = ("payments", "Payments and settlement"),
        Lending = ("lending", "Loan operations and credit"),
        Kyc = ("kyc", "Customer onboarding checks"),
        Compliance = ("compliance", "Regulatory compliance and risk"),
        Securities = ("securities", "Broking, depository and registry operations"),
        Claims = ("claims", "Insurance claims"),
        PolicyAdmin = ("policy-admin", "Insurance policy issuance"),
        TpaDesk = ("tpa-desk", "Hospital insurance and cashless desk"),
        UsHealthcare = ("us-healthcare", "US healthcare billing and AR"),
        MedicalCoding = ("medical-coding", "Medical coding"),
    }
);

vocabulary!(
    /// Company headcount bands, as `data/companies.csv` spells them.
    SizeBand, "company size" {
        Micro = ("1-50", "1-50 staff"),
        Small = ("51-200", "51-200 staff"),
        Medium = ("201-1000", "201-1,000 staff"),
        Large = ("1001-5000", "1,001-5,000 staff"),
        Huge = ("5000+", "5,000+ staff"),
    }
);

impl SizeBand {
    /// The most cities a company of this size has offices in.
    pub fn max_offices(self) -> usize {
        match self {
            SizeBand::Micro => 1,
            SizeBand::Small => 2,
            SizeBand::Medium => 4,
            SizeBand::Large => 8,
            SizeBand::Huge => 12,
        }
    }

    /// The most openings one listing of a company this size offers.
    pub fn max_openings(self) -> u32 {
        match self {
            SizeBand::Micro => 2,
            SizeBand::Small => 4,
            SizeBand::Medium => 8,
            SizeBand::Large => 15,
            SizeBand::Huge => 25,
        }
    }

    /// The most listings a company this size has in a catalogue of
    /// `total` listings (scaled from a 2,000-listing catalogue).
    pub fn max_listings(self, total: usize) -> usize {
        let per_2000 = match self {
            SizeBand::Micro => 6,
            SizeBand::Small => 12,
            SizeBand::Medium => 24,
            SizeBand::Large => 40,
            SizeBand::Huge => 60,
        };
        (per_2000 * total).div_ceil(2000).max(1)
    }

    /// How often the generator picks a company this size, relative to
    /// the others.
    pub fn weight(self) -> u32 {
        match self {
            SizeBand::Micro => 1,
            SizeBand::Small => 2,
            SizeBand::Medium => 4,
            SizeBand::Large => 6,
            SizeBand::Huge => 9,
        }
    }
}

vocabulary!(
    /// The lowest schooling a role takes, which decides the clerical
    /// minimum wage class that applies.
    Education, "education" {
        Twelfth = ("12th", "12th pass"),
        Graduate = ("graduate", "Graduate"),
    }
);

vocabulary!(
    /// Benefits listings advertise (the ones the Job Hai article names, and PF).
    Benefit, "benefit" {
        Pf = ("pf", "PF"),
        HealthInsurance = ("health-insurance", "Health insurance"),
        Bonus = ("bonus", "Bonus"),
        PaidLeave = ("paid-leave", "Paid leave"),
        Overtime = ("overtime", "Overtime pay"),
        Transport = ("transport", "Cab / transport"),
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_and_labels_case_insensitively() {
        assert_eq!("remote".parse::<WorkMode>(), Ok(WorkMode::Remote));
        assert_eq!("Night Shift".parse::<Shift>(), Ok(Shift::Night));
        assert_eq!(
            "PSU / Government".parse::<CompanyKind>(),
            Ok(CompanyKind::PsuGovernment)
        );
        let err = "wfh".parse::<WorkMode>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "no work mode 'wfh'; valid: office, hybrid, remote"
        );
    }

    #[test]
    fn index_matches_position_in_all() {
        for (i, v) in Industry::ALL.iter().enumerate() {
            assert_eq!(v.index(), i);
        }
    }

    #[test]
    fn level_for_years() {
        assert_eq!(Level::for_years(0), Level::Fresher);
        assert_eq!(Level::for_years(1), Level::Junior);
        assert_eq!(Level::for_years(4), Level::Mid);
        assert_eq!(Level::for_years(5), Level::Senior);
    }
}
