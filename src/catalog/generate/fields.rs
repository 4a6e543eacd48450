//! Drawing each field of a listing: band, terms, mode, shift, openings,
//! title, skills, languages, benefits and description.

use super::titles::{self, Seniority};
use super::{FULLY_REMOTE_SHARE, Generator, MAX_OPENINGS_NOT_BULK, remote_allowed, shifts_allowed};
use crate::catalog::{
    Benefit, City, Company, CompanyKind, CompanyProfile, EmploymentType, Hiring, Level, Role,
    Shift, SizeBand, WorkMode,
};

impl Generator<'_> {
    /// The band advertised: earlier levels more often, senior ones less
    /// at small employers.
    pub(super) fn band<'r>(
        &mut self,
        role: &'r Role,
        size: Option<SizeBand>,
    ) -> &'r crate::catalog::Band {
        let small = size.is_some_and(|s| s <= SizeBand::Small);
        let weights: Vec<u32> = role
            .bands
            .iter()
            .map(|b| match b.level {
                Level::Fresher => 10,
                Level::Junior => 8,
                Level::Mid => 6,
                Level::Senior if small => 1,
                Level::Senior => 2,
            })
            .collect();
        let total: u32 = weights.iter().sum();
        let mut x = self.rng.u32(0..total.max(1));
        for (b, w) in role.bands.iter().zip(&weights) {
            if x < *w {
                return b;
            }
            x -= w;
        }
        &role.bands[0]
    }

    pub(super) fn employment(
        &mut self,
        level: Level,
        hiring: Option<&Hiring>,
        size: Option<SizeBand>,
    ) -> EmploymentType {
        let offers = |t: EmploymentType| hiring.is_some_and(|h| h.terms.contains(&t));
        // part-time desks are for small and mid-sized firms, not senior staff
        let part_time = offers(EmploymentType::PartTime)
            && level != Level::Senior
            && size.is_none_or(|s| s <= SizeBand::Medium);
        let r = self.rng.f64();
        if level == Level::Fresher && offers(EmploymentType::Internship) && r < 0.15 {
            EmploymentType::Internship
        } else if level != Level::Senior && offers(EmploymentType::Contract) && r < 0.15 {
            EmploymentType::Contract
        } else if part_time && (0.15..0.21).contains(&r) {
            EmploymentType::PartTime
        } else if matches!(level, Level::Fresher | Level::Junior)
            && offers(EmploymentType::Temporary)
            && (0.21..0.26).contains(&r)
        {
            EmploymentType::Temporary
        } else {
            EmploymentType::FullTime
        }
    }

    pub(super) fn work_mode(
        &mut self,
        role: &Role,
        kind: CompanyKind,
        emp: EmploymentType,
    ) -> WorkMode {
        let r = self.rng.f64();
        if !remote_allowed(role, kind) {
            WorkMode::Office
        } else if r < role.remote_share * 0.45
            && role.remote_share >= FULLY_REMOTE_SHARE
            && kind != CompanyKind::Sme
            && emp != EmploymentType::Internship
        {
            WorkMode::Remote
        } else if r < role.remote_share {
            WorkMode::Hybrid
        } else {
            WorkMode::Office
        }
    }

    pub(super) fn shift(
        &mut self,
        role: &Role,
        h: Option<&Hiring>,
        p: Option<&CompanyProfile>,
        mode: WorkMode,
        emp: EmploymentType,
        kind: CompanyKind,
    ) -> Shift {
        let r = self.rng.f64();
        let nights = shifts_allowed(role, h, p) && emp != EmploymentType::Internship;
        let share = if nights { role.night_shift_share } else { 0.0 };
        // shift-bound processes (mostly nights) keep fixed hours
        let flexible = mode != WorkMode::Office
            && role.night_shift_share < 0.5
            && !matches!(kind, CompanyKind::PsuGovernment | CompanyKind::Cooperative);
        if r < share * 0.5 {
            Shift::Night
        } else if r < share {
            Shift::Rotational
        } else if flexible && r < share + 0.15 {
            Shift::Flexible
        } else {
            Shift::Day
        }
    }

    pub(super) fn openings(
        &mut self,
        size: Option<SizeBand>,
        level: Level,
        min_years: u8,
        emp: EmploymentType,
        batch: bool,
    ) -> u32 {
        let r = self.rng.u32(0..100);
        let wanted = if batch {
            match r {
                0..=49 => 1,
                50..=84 => self.rng.u32(2..=5),
                _ => self.rng.u32(6..=20),
            }
        } else {
            // a desk hires one person at a time, now and then a few
            match r {
                0..=69 => 1,
                70..=91 => 2,
                _ => 3,
            }
        };
        let mut cap = size.map_or(20, SizeBand::max_openings);
        if !batch {
            cap = cap.min(MAX_OPENINGS_NOT_BULK);
            if size.is_some_and(|s| s <= SizeBand::Small) {
                cap = cap.min(2);
            }
        }
        if level == Level::Senior {
            cap = cap.min(2);
        }
        if min_years >= 5 || emp == EmploymentType::Internship {
            cap = cap.min(if min_years >= 5 { 1 } else { 3 });
        }
        wanted.clamp(1, cap.max(1))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn title(
        &mut self,
        role_ix: usize,
        company: &Company,
        city: &City,
        level: Level,
        (exp_min, exp_max): (u8, u8),
        mode: WorkMode,
        shift: Shift,
        emp: EmploymentType,
    ) -> String {
        let cat = self.cat;
        let role = &cat.roles[role_ix];
        let usable = |s: Seniority| {
            titles::fits(s, level, exp_min, exp_max)
                && (emp != EmploymentType::Internship
                    || s == Seniority::Neutral
                    || s == Seniority::Entry)
        };
        let variants: Vec<(&str, Seniority)> = self.titles[role_ix]
            .iter()
            .filter(|(_, s)| usable(*s))
            .map(|&(i, s)| (role.title_variants[i].as_str(), s))
            .collect();
        let (base, rank) = if variants.is_empty() || self.chance(0.4) {
            (role.title.as_str(), self.title_rank[role_ix])
        } else {
            variants[self.rng.usize(0..variants.len())]
        };
        let senior = self.chance(0.6);
        let trainee = self.chance(0.5);
        let mut t = titles::compose(base, rank, level, emp, senior, trainee);
        if mode == WorkMode::Remote && self.chance(0.5) {
            t.push_str(" - Work from Home");
        } else if shift == Shift::Night && self.chance(0.5) {
            t.push_str(" (Night Shift)");
        }
        // government offices in the Hindi-speaking states title posts in
        // Hindi too; elsewhere they use the state's own language
        if company.kind == CompanyKind::PsuGovernment
            && city.language == "Hindi"
            && let Some(hi) = &role.title_hi
            && self.chance(0.6)
        {
            t = format!("{t} / {hi}");
        }
        t
    }

    pub(super) fn skills(
        &mut self,
        role: &Role,
        hiring: Option<&Hiring>,
        city: &City,
    ) -> Vec<String> {
        let here = |s: &String| {
            hiring
                .and_then(|h| h.skill_languages.get(s))
                .is_none_or(|lang| *lang == city.language)
        };
        let mut out: Vec<String> = role
            .skills
            .iter()
            .filter(|s| here(s))
            .take(2)
            .cloned()
            .collect();
        let rest: Vec<&String> = role.skills.iter().filter(|s| here(s)).skip(2).collect();
        let want = self.rng.usize(3..=6);
        for s in rest {
            if out.len() >= want {
                break;
            }
            if self.chance(0.6) {
                out.push(s.clone());
            }
        }
        if self.chance(0.2) {
            let extra =
                ["Excel", "Typing", "English Communication", "MS Office"][self.rng.usize(0..4)];
            if !out.iter().any(|s| s == extra) {
                out.push(extra.to_string());
            }
        }
        out
    }

    pub(super) fn languages(&mut self, city: &City, skills: &[String]) -> Vec<String> {
        let mut out = vec!["English".to_string()];
        let hindi_p = if city.language == "Hindi" { 0.7 } else { 0.3 };
        if self.chance(hindi_p) || skills.iter().any(|s| s == "Hindi Typing") {
            out.push("Hindi".to_string());
        }
        if city.language != "Hindi" && self.chance(0.45) {
            out.push(city.language.clone());
        }
        out
    }

    pub(super) fn benefits(
        &mut self,
        kind: CompanyKind,
        shift: Shift,
        emp: EmploymentType,
        mode: WorkMode,
    ) -> Vec<Benefit> {
        if emp == EmploymentType::Internship {
            return Vec::new();
        }
        let (pf, health) = match kind {
            CompanyKind::Mnc => (0.95, 0.9),
            CompanyKind::PsuGovernment => (1.0, 0.8),
            CompanyKind::Cooperative => (0.95, 0.5),
            CompanyKind::IndianPrivate => (0.85, 0.55),
            CompanyKind::Startup => (0.6, 0.7),
            CompanyKind::Sme => (0.5, 0.3),
        };
        let night = matches!(shift, Shift::Night | Shift::Rotational);
        let mut out = Vec::new();
        for (b, p) in [
            (Benefit::Pf, pf),
            (Benefit::HealthInsurance, health),
            (Benefit::Bonus, 0.35),
            (Benefit::PaidLeave, 0.7),
            (Benefit::Overtime, if night { 0.4 } else { 0.15 }),
            (Benefit::Transport, if night { 0.75 } else { 0.05 }),
        ] {
            // no cab for someone working from home
            let p = if b == Benefit::Transport && mode == WorkMode::Remote {
                0.0
            } else {
                p
            };
            if self.chance(p) {
                out.push(b);
            }
        }
        out
    }

    pub(super) fn description(
        &mut self,
        role: &Role,
        company: &Company,
        city: &City,
        mode: WorkMode,
        shift: Shift,
        emp: EmploymentType,
    ) -> String {
        let place = match mode {
            WorkMode::Office => format!("at our {} office", city.name),
            WorkMode::Hybrid => {
                format!("from our {} office, part of the week from home", city.name)
            }
            WorkMode::Remote => format!("from home (candidates near {} preferred)", city.name),
        };
        let n = role.responsibilities.len();
        let a = self.rng.usize(0..n.max(1));
        let b = (a + 1 + self.rng.usize(0..n.saturating_sub(1).max(1))) % n.max(1);
        let duties = if n == 0 {
            String::new()
        } else if a == b {
            role.responsibilities[a].clone()
        } else {
            format!("{} {}", role.responsibilities[a], role.responsibilities[b])
        };
        let article = if role.title.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        let terms = match emp {
            EmploymentType::Internship => {
                " It is an internship with a monthly stipend, for final-year students and new graduates."
            }
            EmploymentType::PartTime => " The hours are about half a working day.",
            _ => "",
        };
        let hours = match shift {
            Shift::Night => " The office works round the clock and this is a night shift.",
            Shift::Rotational => " Shifts rotate and include some nights.",
            _ => "",
        };
        format!(
            "{} We need {article} {} ({}) to work {place}.{terms}{hours} {duties}",
            company.blurb,
            role.title,
            emp.label().to_lowercase(),
        )
    }
}
