//! Contact people whose names fit the place: a given name and a surname
//! from the same pool (`data/names.toml`), mostly a pool local to the
//! city's state, sometimes one from elsewhere (more so in the metros).

use crate::catalog::{City, NamePool};

/// Share of contacts with a local name, outside and in the metros.
const LOCAL: f64 = 0.85;
const LOCAL_METRO: f64 = 0.7;

/// Name pools arranged for quick draws per city.
pub struct People<'a> {
    pools: &'a [NamePool],
    /// Cumulative weights of the local pools, per city index.
    local: Vec<Vec<(u32, usize)>>,
    /// Cumulative weights of all pools (for people from elsewhere).
    all: Vec<(u32, usize)>,
}

fn cumulative(items: impl Iterator<Item = (u32, usize)>) -> Vec<(u32, usize)> {
    let mut total = 0;
    items
        .filter(|(w, _)| *w > 0)
        .map(|(w, i)| {
            total += w;
            (total, i)
        })
        .collect()
}

fn draw(rng: &mut fastrand::Rng, cdf: &[(u32, usize)]) -> Option<usize> {
    let total = cdf.last()?.0;
    let x = rng.u32(0..total);
    cdf.iter().find(|(c, _)| *c > x).map(|(_, i)| *i)
}

impl<'a> People<'a> {
    pub fn new(pools: &'a [NamePool], cities: &[City]) -> People<'a> {
        let weight = |p: &NamePool, state: &str| p.states.get(state).copied().unwrap_or(0);
        let local = cities
            .iter()
            .map(|c| {
                cumulative(
                    pools
                        .iter()
                        .enumerate()
                        .map(|(i, p)| (weight(p, &c.state_code), i)),
                )
            })
            .collect();
        let all = cumulative(
            pools
                .iter()
                .enumerate()
                .map(|(i, p)| (p.states.values().sum::<u32>().max(1), i)),
        );
        People { pools, local, all }
    }

    /// "Given Surname" for a contact at the city with this index.
    pub fn name(&self, rng: &mut fastrand::Rng, city_ix: usize, metro: bool) -> (String, String) {
        let local = self.local.get(city_ix).map_or(&[][..], Vec::as_slice);
        let p_local = if metro { LOCAL_METRO } else { LOCAL };
        let pick = if rng.f64() < p_local && !local.is_empty() {
            draw(rng, local)
        } else {
            draw(rng, &self.all)
        };
        match pick.and_then(|i| self.pools.get(i)) {
            Some(p) if !p.given.is_empty() && !p.surnames.is_empty() => (
                p.given[rng.usize(0..p.given.len())].clone(),
                p.surnames[rng.usize(0..p.surnames.len())].clone(),
            ),
            _ => ("Asha".to_string(), "Kumar".to_string()),
        }
    }
}
