//! "How well does this job fit me?": a 0-100 score with its reasons, from
//! the profile in the config, for listings and for roles. Parts:
//!
//! | part | points | full marks when |
//! |---|---|---|
//! | skills | 40 | you have every skill the listing asks for |
//! | experience | 20 | your years are inside the listing's range |
//! | salary | 15 | the listing can pay what you expect |
//! | distance | 15 | the job is remote or within 25 km of home |
//! | work mode | 10 | the mode is one you want (or you want any) |
//!
//! A part the profile says nothing about (no skills, no home city...)
//! gets half marks and no reason, so an empty profile ranks nothing up or
//! down. Roles are scored on skills (50), experience (20) and pay (30).

use serde::Serialize;

use crate::catalog::{City, Role, Skill, WorkMode};
use crate::config;
use crate::money::{Rupees, parse_salary};

/// Skills beyond this many in the vocabulary are not in the bit masks
/// (the index uses the same limit).
const MASK_SKILLS: usize = 128;

/// A profile resolved against the catalogue: skills as a bit mask over the
/// skill vocabulary, the home city as a catalogue city.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FitProfile {
    pub home: Option<City>,
    pub years: Option<u8>,
    /// Bit per vocabulary skill the person has.
    pub skills: u128,
    /// Vocabulary names of those skills.
    pub skill_names: Vec<String>,
    /// Skills given that are not in the vocabulary (kept, not scored).
    pub other_skills: Vec<String>,
    pub expected: Option<Rupees>,
    pub modes: Vec<WorkMode>,
    pub languages: Vec<String>,
    /// How far the person would go, km (default 50 when unset).
    pub relocate_km: Option<u32>,
}

/// The vocabulary position of a skill name or alias, any case.
pub fn skill_position(skills: &[Skill], name: &str) -> Option<usize> {
    let n = name.trim();
    skills.iter().take(MASK_SKILLS).position(|s| {
        s.name.eq_ignore_ascii_case(n) || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(n))
    })
}

impl FitProfile {
    /// Resolves the config's profile. Problems (an unknown home city, a
    /// salary that does not parse) come back as warnings; the rest of the
    /// profile still counts.
    pub fn resolve(
        p: &config::Profile,
        skills: &[Skill],
        cities: &[City],
    ) -> (FitProfile, Vec<String>) {
        let mut warnings = Vec::new();
        let home = p.home_city.as_deref().and_then(|h| {
            let found = cities.iter().find(|c| c.is_named(h)).cloned();
            if found.is_none() {
                let valid = cities.iter().map(|c| c.name.clone()).collect();
                // quoted back cut short: a value of megabytes is not echoed
                // (nor compared letter by letter with every city)
                let shown = crate::display::truncate(&crate::display::scrub(h, false), 60);
                warnings.push(format!(
                    "profile.home_city: {}; distances are left out",
                    crate::catalog::UnknownValue::new("city", &shown, valid)
                ));
            }
            found
        });
        let mut mask = 0u128;
        let mut names = Vec::new();
        let mut other = Vec::new();
        for s in &p.skills {
            match skill_position(skills, s) {
                Some(i) => {
                    if mask & (1 << i) == 0 {
                        names.push(skills[i].name.clone());
                    }
                    mask |= 1 << i;
                }
                None if !s.trim().is_empty() => other.push(s.trim().to_string()),
                None => {}
            }
        }
        let expected = p.expected_salary.as_ref().and_then(|s| match s.rupees() {
            Ok(r) => Some(r),
            Err(e) => {
                warnings.push(format!("profile.expected_salary: {e}"));
                None
            }
        });
        (
            FitProfile {
                home,
                years: p.experience_years,
                skills: mask,
                skill_names: names,
                other_skills: other,
                expected,
                modes: p.work_modes.clone(),
                languages: p.languages.clone(),
                relocate_km: p.relocate_km,
            },
            warnings,
        )
    }

    /// Whether the profile says anything at all.
    pub fn is_empty(&self) -> bool {
        self.home.is_none()
            && self.years.is_none()
            && self.skills == 0
            && self.expected.is_none()
            && self.modes.is_empty()
    }

    fn relocate(&self) -> f64 {
        f64::from(self.relocate_km.unwrap_or(50))
    }
}

/// A score and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    /// 0-100.
    pub score: u8,
    pub reasons: Vec<String>,
    /// Straight-line km from the home city, when both are known.
    pub distance_km: Option<f64>,
}

/// What a listing offers, as the fit needs it.
#[derive(Clone, Copy)]
pub struct Offer<'a> {
    /// Bit per vocabulary skill asked for.
    pub skills: u128,
    pub skill_names: &'a dyn Fn(u128) -> Vec<String>,
    pub exp_min: u8,
    pub exp_max: u8,
    pub salary_max: Option<Rupees>,
    pub mode: WorkMode,
    /// km from home, when the listing's city is known (and a home is set).
    pub km: Option<f64>,
    pub city: &'a str,
}

/// Points out of `max` for the skills part: coverage of what is asked.
fn skills_points(p: &FitProfile, asked: u128, max: f64) -> (f64, u32, u32) {
    let want = asked.count_ones();
    let have = (asked & p.skills).count_ones();
    let points = if p.skills == 0 || want == 0 {
        max / 2.0
    } else {
        max * f64::from(have) / f64::from(want)
    };
    (points, have, want)
}

fn experience_points(years: Option<u8>, lo: u8, hi: u8) -> (f64, Option<String>) {
    let Some(y) = years else {
        return (10.0, None);
    };
    // "freshers", "2-5 yrs", "3+ yrs": never "0-0 yrs"
    let range = crate::display::experience(lo, hi);
    if (lo..=hi).contains(&y) {
        (20.0, Some(format!("your {y} yrs fit the {range} asked")))
    } else if y < lo {
        (
            (20.0 - 8.0 * f64::from(lo - y)).max(0.0),
            Some(format!("asks {range}; you have {y}")),
        )
    } else {
        (
            (20.0 - 3.0 * f64::from(y - hi)).max(10.0),
            Some(if hi == 0 {
                format!("for freshers; you have {y} yrs")
            } else {
                format!("asks {range}; you have more ({y})")
            }),
        )
    }
}

fn salary_points(
    expected: Option<Rupees>,
    offered: Option<Rupees>,
    max: f64,
) -> (f64, Option<String>) {
    match (expected, offered) {
        (Some(e), Some(o)) if o >= e => (
            max,
            Some(format!(
                "pays up to {} (you expect {})",
                o.display(),
                e.display()
            )),
        ),
        (Some(e), Some(o)) => (
            max * f64::from(o.0) / f64::from(e.0.max(1)),
            Some(format!(
                "pays at most {}, below the {} you expect",
                o.display(),
                e.display()
            )),
        ),
        _ => (max / 2.0, None),
    }
}

/// How well a listing fits a profile, with the reasons.
pub fn listing_fit(p: &FitProfile, o: &Offer<'_>) -> Fit {
    let mut reasons = Vec::new();
    let score = score_listing(p, o, Some(&mut reasons));
    Fit {
        score,
        reasons,
        distance_km: o.km,
    }
}

/// The score alone, without building reasons (for sorting a million rows).
pub fn listing_score(p: &FitProfile, o: &Offer<'_>) -> u8 {
    score_listing(p, o, None)
}

/// Adds a reason when reasons are wanted; the text is only built then.
fn say(reasons: &mut Option<&mut Vec<String>>, text: impl FnOnce() -> String) {
    if let Some(r) = reasons.as_deref_mut() {
        r.push(text());
    }
}

fn score_listing(p: &FitProfile, o: &Offer<'_>, mut reasons: Option<&mut Vec<String>>) -> u8 {
    let (skill_pts, have, want) = skills_points(p, o.skills, 40.0);
    if p.skills != 0 && want > 0 {
        say(&mut reasons, || {
            let missing = (o.skill_names)(o.skills & !p.skills);
            if missing.is_empty() {
                format!("has all {want} skills asked")
            } else {
                format!("has {have}/{want} skills; missing: {}", missing.join(", "))
            }
        });
    }
    let (exp_pts, why) = experience_points(p.years, o.exp_min, o.exp_max);
    if let Some(w) = why {
        say(&mut reasons, || w);
    }
    let (pay_pts, why) = salary_points(p.expected, o.salary_max, 15.0);
    if let Some(w) = why {
        say(&mut reasons, || w);
    }
    let dist_pts = match (o.mode, &p.home, o.km) {
        (WorkMode::Remote, Some(_), _) => {
            say(&mut reasons, || "remote: distance does not matter".into());
            15.0
        }
        (_, None, _) => 7.5,
        (_, Some(h), None) => {
            say(&mut reasons, || {
                format!("distance from {} unknown ({})", h.name, o.city)
            });
            5.0
        }
        (_, Some(h), Some(d)) if d <= 25.0 => {
            say(&mut reasons, || {
                if d < 1.0 {
                    format!("in {}, your home city", h.name)
                } else {
                    format!("{d:.0} km from home")
                }
            });
            15.0
        }
        (_, Some(_), Some(d)) => {
            let r = p.relocate();
            say(&mut reasons, || {
                if d <= r {
                    format!("{d:.0} km from home (within your {r:.0} km)")
                } else {
                    format!("{d:.0} km from home (beyond your {r:.0} km)")
                }
            });
            if d <= r {
                12.0
            } else {
                (12.0 - (d - r) / 10.0).max(0.0)
            }
        }
    };
    let mode_pts = if p.modes.is_empty() || p.modes.contains(&o.mode) {
        10.0
    } else {
        say(&mut reasons, || {
            let want: Vec<&str> = p.modes.iter().map(|m| m.id()).collect();
            format!("{}; you want {}", o.mode.id(), want.join(" or "))
        });
        0.0
    };
    let total = skill_pts + exp_pts + pay_pts + dist_pts + mode_pts;
    total.round().clamp(0.0, 100.0) as u8
}

/// A role's skills as a mask over the vocabulary.
pub fn role_skills(role: &Role, skills: &[Skill]) -> u128 {
    role.skills
        .iter()
        .filter_map(|s| skill_position(skills, s))
        .fold(0, |m, i| m | 1 << i)
}

/// How well a role fits a profile: its skills, a band at the person's
/// level, and pay against the expectation.
pub fn role_fit(p: &FitProfile, role: &Role, skills: &[Skill]) -> Fit {
    let mut reasons = Vec::new();
    let asked = role_skills(role, skills);
    let (skill_pts, have, want) = skills_points(p, asked, 50.0);
    if p.skills != 0 && want > 0 {
        let missing: Vec<String> = role
            .skills
            .iter()
            .filter(|s| skill_position(skills, s).is_some_and(|i| p.skills & (1 << i) == 0))
            .cloned()
            .collect();
        if missing.is_empty() {
            reasons.push(format!("has all {want} skills"));
        } else {
            reasons.push(format!(
                "has {have}/{want} skills; missing: {}",
                missing.join(", ")
            ));
        }
    }
    let band = p.years.and_then(|y| role.band_for_years(y));
    let exp_pts = match (p.years, band) {
        (Some(y), Some(b)) if b.level == crate::catalog::Level::for_years(y) => {
            reasons.push(format!("hires at your level ({})", b.level.label()));
            20.0
        }
        (Some(_), Some(b)) => {
            reasons.push(format!("starts at {}", b.level.label()));
            8.0
        }
        _ => 10.0,
    };
    let (pay_pts, why) = salary_points(p.expected, band.map(|b| b.max), 30.0);
    reasons.extend(why);
    let total = skill_pts + exp_pts + pay_pts;
    Fit {
        score: total.round().clamp(0.0, 100.0) as u8,
        reasons,
        distance_km: None,
    }
}

/// Parses a salary for the profile form ("18000", "2.5 LPA").
pub fn parse_expected(s: &str) -> Result<Rupees, crate::money::ParseSalaryError> {
    parse_salary(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn experience_reasons_read_as_people_say_them() {
        // found in the app: a Fresher posting read "asks 0-0 yrs; you have more (2)"
        let (_, why) = super::experience_points(Some(2), 0, 0);
        assert_eq!(why.as_deref(), Some("for freshers; you have 2 yrs"));
        let (_, why) = super::experience_points(Some(7), 3, 50);
        assert_eq!(why.as_deref(), Some("your 7 yrs fit the 3+ yrs asked"));
        let (_, why) = super::experience_points(Some(1), 2, 5);
        assert_eq!(why.as_deref(), Some("asks 2-5 yrs; you have 1"));
    }

    use super::*;
    use crate::catalog::Catalog;

    fn cat() -> Catalog {
        Catalog::embedded_without_listings().expect("catalog")
    }

    fn profile(c: &Catalog, cfg: config::Profile) -> FitProfile {
        FitProfile::resolve(&cfg, &c.skills, &c.cities).0
    }

    fn names(c: &Catalog) -> impl Fn(u128) -> Vec<String> + '_ {
        move |m: u128| {
            c.skills
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < 128 && m & (1 << i) != 0)
                .map(|(_, s)| s.name.clone())
                .collect()
        }
    }

    fn mask(c: &Catalog, skills: &[&str]) -> u128 {
        skills
            .iter()
            .map(|s| skill_position(&c.skills, s).expect(s))
            .fold(0, |m, i| m | 1 << i)
    }

    #[test]
    fn a_matching_profile_scores_high_with_reasons() {
        let c = cat();
        let p = profile(
            &c,
            config::Profile {
                home_city: Some("Pune".into()),
                experience_years: Some(2),
                skills: vec![
                    "ms excel".into(),
                    "Tally".into(),
                    "GST".into(),
                    "basket weaving".into(),
                ],
                expected_salary: Some(config::SalarySpec::Monthly(20_000)),
                ..Default::default()
            },
        );
        assert_eq!(p.skill_names, ["Excel", "Tally", "GST"]);
        assert_eq!(p.other_skills, ["basket weaving"]);
        let n = names(&c);
        let offer = Offer {
            skills: mask(&c, &["Excel", "Tally", "GST", "TDS"]),
            skill_names: &n,
            exp_min: 1,
            exp_max: 3,
            salary_max: Some(Rupees(25_000)),
            mode: WorkMode::Office,
            km: Some(0.0),
            city: "Pune",
        };
        let f = listing_fit(&p, &offer);
        // 30 skills + 20 experience + 15 pay + 15 distance + 10 mode
        assert_eq!(f.score, 90);
        assert!(
            f.reasons
                .contains(&"has 3/4 skills; missing: TDS".to_string()),
            "{:?}",
            f.reasons
        );
        assert!(f.reasons.iter().any(|r| r == "in Pune, your home city"));
        assert!(
            f.reasons
                .iter()
                .any(|r| r.starts_with("pays up to ₹25,000"))
        );
    }

    #[test]
    fn an_empty_profile_is_neutral() {
        let c = cat();
        let p = FitProfile::default();
        assert!(p.is_empty());
        let n = names(&c);
        let offer = Offer {
            skills: mask(&c, &["Excel"]),
            skill_names: &n,
            exp_min: 0,
            exp_max: 1,
            salary_max: Some(Rupees(15_000)),
            mode: WorkMode::Office,
            km: None,
            city: "Patna",
        };
        let f = listing_fit(&p, &offer);
        // 20 skills + 10 experience + 7.5 pay + 7.5 distance + 10 mode (any)
        assert_eq!(f.score, 55, "half marks for what the profile does not say");
        assert!(f.reasons.is_empty(), "{:?}", f.reasons);
    }

    #[test]
    fn unknown_home_city_is_a_warning_not_an_error() {
        let c = cat();
        let (p, w) = FitProfile::resolve(
            &config::Profile {
                home_city: Some("Puen".into()),
                ..Default::default()
            },
            &c.skills,
            &c.cities,
        );
        assert!(p.home.is_none());
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("did you mean Pune?"), "{w:?}");
    }

    #[test]
    fn distance_mode_and_experience_lower_the_score() {
        let c = cat();
        let p = profile(
            &c,
            config::Profile {
                home_city: Some("Mumbai".into()),
                experience_years: Some(0),
                work_modes: vec![WorkMode::Remote, WorkMode::Hybrid],
                relocate_km: Some(50),
                ..Default::default()
            },
        );
        let pune = c.cities.iter().find(|x| x.name == "Pune").expect("Pune");
        let km = p.home.as_ref().map(|h| h.distance_km(pune));
        assert!(km.is_some_and(|d| (110.0..130.0).contains(&d)), "{km:?}");
        let n = names(&c);
        let offer = Offer {
            skills: 0,
            skill_names: &n,
            exp_min: 2,
            exp_max: 5,
            salary_max: None,
            mode: WorkMode::Office,
            km,
            city: "Pune",
        };
        let f = listing_fit(&p, &offer);
        assert!(
            f.reasons
                .iter()
                .any(|r| r.contains("km from home (beyond your 50 km)")),
            "{:?}",
            f.reasons
        );
        assert!(
            f.reasons
                .iter()
                .any(|r| r == "office; you want remote or hybrid")
        );
        assert!(f.reasons.iter().any(|r| r == "asks 2-5 yrs; you have 0"));
        assert!(f.score < 40, "{}", f.score);
        let remote = Offer {
            mode: WorkMode::Remote,
            ..offer
        };
        assert!(listing_fit(&p, &remote).score > f.score);
    }

    #[test]
    fn roles_fit_on_skills_level_and_pay() {
        let c = cat();
        let p = profile(
            &c,
            config::Profile {
                experience_years: Some(0),
                skills: vec!["Typing".into(), "Data Entry".into(), "Excel".into()],
                expected_salary: Some(config::SalarySpec::Monthly(12_000)),
                ..Default::default()
            },
        );
        let entry = c.role("data-entry-specialist").expect("role");
        let manager = c.role("payroll-manager").expect("role");
        let a = role_fit(&p, entry, &c.skills);
        let b = role_fit(&p, manager, &c.skills);
        assert!(a.score > b.score, "{a:?} {b:?}");
        assert!(
            a.reasons
                .iter()
                .any(|r| r.starts_with("hires at your level"))
        );
        assert!(b.reasons.iter().any(|r| r.starts_with("starts at")));
    }
}
