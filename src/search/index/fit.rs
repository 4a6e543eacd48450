//! Skills, fit to a profile and distance, per row.

use super::{Index, MAX_SKILLS};
use crate::catalog::City;
use crate::fit::{Fit, FitProfile, Offer};

impl Index {
    /// Names of the vocabulary skills in a mask.
    pub fn skill_names(&self, mask: u128) -> Vec<String> {
        self.vocab
            .skills
            .iter()
            .take(MAX_SKILLS)
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, s)| s.name.clone())
            .collect()
    }

    /// For each vocabulary skill, the listings that learning it would take
    /// from under half to at least half of the skills they ask for, given
    /// the skills in `have` (one pass over the rows).
    pub fn skill_unlocks(&self, have: u128) -> Vec<u32> {
        let mut out = vec![0u32; self.vocab.skills.len().min(MAX_SKILLS)];
        for &asked in &self.skills {
            let want = asked.count_ones();
            let got = (asked & have).count_ones();
            if want == 0 || got * 2 >= want || (got + 1) * 2 < want {
                continue;
            }
            let mut missing = asked & !have;
            while missing != 0 {
                let b = missing.trailing_zeros() as usize;
                if let Some(x) = out.get_mut(b) {
                    *x += 1;
                }
                missing &= missing - 1;
            }
        }
        out
    }

    /// km from the profile's home to a row's city, when both are known.
    pub(crate) fn km_from(&self, row: usize, p: &FitProfile) -> Option<f64> {
        let home = p.home.as_ref()?;
        self.distance_km(row, home)
    }

    /// How well a row fits a profile, with the reasons.
    pub fn fit(&self, row: usize, p: &FitProfile) -> Fit {
        let names = |m: u128| self.skill_names(m);
        crate::fit::listing_fit(p, &self.offer(row, p, &names))
    }

    /// The fit score alone.
    pub fn fit_score(&self, row: usize, p: &FitProfile) -> u8 {
        let names = |_: u128| Vec::new();
        crate::fit::listing_score(p, &self.offer(row, p, &names))
    }

    fn offer<'a>(
        &'a self,
        row: usize,
        p: &FitProfile,
        names: &'a dyn Fn(u128) -> Vec<String>,
    ) -> Offer<'a> {
        Offer {
            skills: self.skills[row],
            skill_names: names,
            exp_min: self.exp_min[row],
            exp_max: self.exp_max[row],
            salary_max: self.salary(row).1,
            mode: self.work_mode(row),
            km: self.km_from(row, p),
            city: self.city(row),
        }
    }

    /// Straight-line km from the catalogue city `from` to the listing's city.
    pub fn distance_km(&self, row: usize, from: &City) -> Option<f64> {
        self.city_coords(self.city[row])
            .map(|(lat, lon)| crate::catalog::haversine_km(from.lat, from.lon, lat, lon))
    }

    pub(crate) fn city_coords(&self, city: u32) -> Option<(f64, f64)> {
        self.city_info
            .get(city as usize)
            .copied()
            .flatten()
            .map(|c| (c.lat, c.lon))
    }

    pub(crate) fn city_count(&self) -> usize {
        self.cities.names.len()
    }

    /// A catalogue city by name or alias.
    pub fn catalog_city(&self, name: &str) -> Option<&City> {
        self.vocab.cities.iter().find(|c| c.is_named(name))
    }

    // ---- facet values ------------------------------------------------------
}
