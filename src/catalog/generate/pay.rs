//! What a listing pays: a part of the role's band for the level, moved
//! for city tier and employer kind, never below the state's clerical
//! minimum wage; part-time pays about half; internships pay a stipend.

use crate::catalog::{Band, CompanyKind, EmploymentType};

/// The stipend band for internships, rupees a month (indicative: the PM
/// Internship Scheme pays ₹5,000; Internshala's 2023 report puts the
/// average stipend near ₹8,000).
pub const STIPEND_MIN: u32 = 5_000;
pub const STIPEND_MAX: u32 = 15_000;

/// Part-time work pays about this share of a full-time salary.
pub const PART_TIME_SHARE: f64 = 0.55;

fn round500(x: f64) -> u32 {
    ((x / 500.0).round() * 500.0).max(0.0) as u32
}

fn ceil500(x: u32) -> u32 {
    x.div_ceil(500) * 500
}

/// How pay moves with the city's HRA class (tier 1 = X, 2 = Y, 3 = Z).
pub fn tier_factor(tier: u8) -> f64 {
    match tier {
        1 => 1.1,
        2 => 1.0,
        _ => 0.88,
    }
}

pub fn kind_factor(kind: CompanyKind) -> f64 {
    match kind {
        CompanyKind::Mnc => 1.1,
        CompanyKind::Startup => 1.05,
        CompanyKind::Sme => 0.9,
        CompanyKind::Cooperative => 0.95,
        CompanyKind::IndianPrivate | CompanyKind::PsuGovernment => 1.0,
    }
}

/// The inputs of one listing's pay.
pub struct PayInput<'a> {
    pub band: &'a Band,
    pub tier: u8,
    pub kind: CompanyKind,
    pub employment: EmploymentType,
    /// The clerical minimum wage that applies, rupees a month.
    pub floor: Option<u32>,
}

/// (min, max) rupees a month, from three random numbers in [0, 1).
pub fn salary(p: &PayInput<'_>, r: [f64; 3]) -> (u32, u32) {
    if p.employment == EmploymentType::Internship {
        let lo = STIPEND_MIN + round500(r[0] * 5_000.0);
        let hi = (lo + 1_500 + round500(r[1] * 3_000.0)).min(STIPEND_MAX);
        return (lo, hi);
    }
    let share = if p.employment == EmploymentType::PartTime {
        PART_TIME_SHARE
    } else {
        1.0
    };
    let jitter = 0.92 + r[0] * 0.16;
    let f = tier_factor(p.tier) * kind_factor(p.kind) * jitter * share;
    let (bmin, bmax) = (f64::from(p.band.min.0) * f, f64::from(p.band.max.0) * f);
    // a listing advertises a part of the band, rarely all of it
    let lo = bmin + (bmax - bmin) * r[1] * 0.35;
    let hi = bmax - (bmax - bmin) * r[2] * 0.35;
    let floor = p.floor.map_or(0, |w| {
        if p.employment == EmploymentType::PartTime {
            // the floor is pro rata for about half the hours
            ceil500(w / 2)
        } else {
            ceil500(w)
        }
    });
    let min = round500(lo).max(floor).max(5_000);
    // keep some spread above a raised floor
    let spread = (min / 10).max(1_000);
    let max = round500(hi).max(ceil500(min + spread));
    (min, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Level;
    use crate::money::Rupees;

    fn band() -> Band {
        Band {
            level: Level::Fresher,
            min: Rupees(10_000),
            max: Rupees(15_000),
        }
    }

    #[test]
    fn never_below_the_floor() {
        let b = band();
        let p = PayInput {
            band: &b,
            tier: 1,
            kind: CompanyKind::Sme,
            employment: EmploymentType::FullTime,
            floor: Some(22_411),
        };
        let (lo, hi) = salary(&p, [0.0, 0.0, 0.9]);
        assert_eq!(lo, 22_500);
        assert!(hi > lo);
    }

    #[test]
    fn internships_pay_a_stipend() {
        let b = band();
        let p = PayInput {
            band: &b,
            tier: 1,
            kind: CompanyKind::Mnc,
            employment: EmploymentType::Internship,
            floor: Some(24_356),
        };
        for r in [[0.0, 0.0, 0.0], [0.99, 0.99, 0.99]] {
            let (lo, hi) = salary(&p, r);
            assert!(
                (STIPEND_MIN..hi).contains(&lo) && hi <= STIPEND_MAX,
                "{lo}-{hi}"
            );
        }
    }

    #[test]
    fn part_time_pays_about_half() {
        let b = band();
        let full = PayInput {
            band: &b,
            tier: 2,
            kind: CompanyKind::IndianPrivate,
            employment: EmploymentType::FullTime,
            floor: None,
        };
        let part = PayInput {
            employment: EmploymentType::PartTime,
            ..full
        };
        let r = [0.5, 0.5, 0.5];
        assert!(salary(&part, r).1 * 3 < salary(&full, r).1 * 2);
    }
}
