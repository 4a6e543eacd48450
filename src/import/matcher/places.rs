//! Where a posting is: each place matched to a catalogue city (names,
//! aliases, spelling variants, state codes), a cell naming several towns
//! split into a place each, and places abroad kept as they are written
//! ("Nashville, TN, US"), with no catalogue city and no Indian state.

use super::{MAX_PLACES, Matcher, Spot, squash};
use crate::import::Place;
use crate::import::places::{
    Where, country_code, indian_state, is_us_state_code, where_is, without_glosses,
};

/// What one comma-separated part of a location names.
enum Part {
    City,
    State,
    Country,
    Other,
}

impl Matcher {
    /// A state's name from its code (`MH`, `IN-MH`) or name (any case).
    pub fn state_name(&self, s: &str) -> Option<&str> {
        let t = s.trim();
        let t = t
            .strip_prefix("IN-")
            .or_else(|| t.strip_prefix("in-"))
            .unwrap_or(t);
        self.states
            .get(&t.to_ascii_lowercase())
            .or_else(|| self.states.get(&squash(t)))
            .map(String::as_str)
    }

    /// A catalogue city named exactly by `text`: the whole, a part of it
    /// (`Andheri East, Mumbai`, `Bangalore/Bengaluru`, `Delhi(Rohini)`), or
    /// a run of its words (`Bangalore Rural`).
    fn exact_city(&self, text: &str) -> Option<usize> {
        let mut candidates = vec![text];
        candidates.extend(
            text.split([',', '/', '(', ')', '|', ';'])
                .flat_map(|p| p.split(" - "))
                .map(str::trim)
                .filter(|p| !p.is_empty()),
        );
        for c in &candidates {
            if let Some(&i) = self.city_keys.get(&squash(c)) {
                return Some(i);
            }
        }
        for c in &candidates {
            let ws: Vec<&str> = c.split_whitespace().collect();
            for n in (1..ws.len().min(3) + 1).rev() {
                for win in ws.windows(n) {
                    if let Some(&i) = self.city_keys.get(&squash(&win.join(" "))) {
                        return Some(i);
                    }
                }
            }
        }
        None
    }

    /// The catalogue city a place names, and whether it took a spelling
    /// correction to find it. A place abroad (another country, or a US
    /// state code) has none.
    pub fn match_city(&self, place: &Place) -> Option<(usize, bool)> {
        if where_is(place) == Where::Abroad {
            return None;
        }
        let want_state = place.region.as_deref().and_then(|r| self.state_name(r));
        let locality = place.locality.as_deref()?;
        if let Some(i) = self.exact_city(locality) {
            return Some((i, false));
        }
        // spelling variants: a small edit distance, in the given state if any
        let candidates = std::iter::once(locality).chain(
            locality
                .split([',', '/', '(', ')', '|', ';'])
                .flat_map(|p| p.split(" - "))
                .map(str::trim)
                .filter(|p| !p.is_empty()),
        );
        let mut best: Option<(usize, usize)> = None;
        for c in candidates {
            let s = squash(c);
            let allowed = match s.chars().count() {
                0..=4 => continue,
                5..=7 => 1,
                _ => 2,
            };
            for (key, &i) in &self.city_keys {
                let d = strsim::damerau_levenshtein(&s, key);
                if d > allowed {
                    continue;
                }
                if let Some(st) = want_state
                    && self.vocab.cities[i].state != st
                {
                    continue;
                }
                if best.is_none_or(|(bd, bi)| d < bd || (d == bd && i < bi)) {
                    best = Some((d, i));
                }
            }
        }
        best.map(|(_, i)| (i, true))
    }

    fn part(&self, text: &str) -> Part {
        if self.exact_city(text).is_some() {
            Part::City
        } else if indian_state(text).is_some() || is_us_state_code(text) {
            Part::State
        } else if text.len() > 2 && country_code(text).is_some_and(|c| c.len() == 2) {
            Part::Country
        } else {
            Part::Other
        }
    }

    /// A place whose locality names several towns ("Kolkata, Hyderabad,
    /// Bengaluru", "Pimpri-Chinchwad, Maharashtra, Pune", "Bangalore
    /// Rural, Karnataka, Chennai, Tamil Nadu") as a place each. A locality
    /// with one town and its areas ("Andheri East, Mumbai") stays whole.
    fn expand(&self, place: &Place) -> Vec<Place> {
        let Some(loc) = place.locality.as_deref().filter(|l| l.contains(',')) else {
            return vec![place.clone()];
        };
        let texts: Vec<String> = loc
            .split(',')
            .map(without_glosses)
            .filter(|t| !t.is_empty())
            .collect();
        let parts: Vec<Part> = texts.iter().map(|t| self.part(t)).collect();
        let followed_by_state = |k: usize| {
            matches!(parts.get(k + 1), Some(Part::State))
                || (k + 1 == parts.len() && place.region.is_some())
        };
        let anchors = (0..parts.len())
            .filter(|&k| match parts[k] {
                Part::City => true,
                Part::Other => followed_by_state(k),
                _ => false,
            })
            .count();
        if anchors < 2 {
            return vec![place.clone()];
        }
        let mut out: Vec<Place> = Vec::new();
        for (k, (part, text)) in parts.iter().zip(&texts).enumerate() {
            match part {
                Part::City | Part::Other => {
                    // an area named before its town ("Andheri East, Mumbai")
                    if matches!(part, Part::Other)
                        && !followed_by_state(k)
                        && matches!(parts.get(k + 1), Some(Part::City))
                    {
                        continue;
                    }
                    out.push(Place {
                        locality: Some(text.clone()),
                        ..Place::default()
                    });
                }
                Part::State => match out.last_mut() {
                    Some(last) if last.region.is_none() => last.region = Some(text.clone()),
                    _ => out.push(Place {
                        region: Some(text.clone()),
                        ..Place::default()
                    }),
                },
                Part::Country => {
                    for p in out.iter_mut().filter(|p| p.country.is_none()) {
                        p.country = Some(text.clone());
                    }
                }
            }
        }
        if let Some(last) = out.last_mut()
            && last.region.is_none()
        {
            last.region.clone_from(&place.region);
        }
        for p in out.iter_mut().filter(|p| p.country.is_none()) {
            p.country.clone_from(&place.country);
        }
        out
    }

    /// Where a posting is, one spot per distinct place: catalogue cities
    /// first (in the posting's order), then places kept as given, at most
    /// [`MAX_PLACES`]; with no place, "Remote" or "Not stated".
    pub(super) fn spots(
        &self,
        places: &[Place],
        remote: bool,
        notes: &mut Vec<String>,
    ) -> Vec<Spot> {
        let places: Vec<Place> = places.iter().flat_map(|p| self.expand(p)).collect();
        let matched: Vec<Option<(usize, bool)>> =
            places.iter().map(|p| self.match_city(p)).collect();
        // a place that says nothing of its country is taken as Indian when
        // another place of the posting is
        let in_india = places
            .iter()
            .zip(&matched)
            .any(|(p, m)| m.is_some() || where_is(p) == Where::India);
        let mut known: Vec<Spot> = Vec::new();
        let mut other: Vec<Spot> = Vec::new();
        for (place, m) in places.iter().zip(matched) {
            let spot = match m {
                Some((i, corrected)) => {
                    let c = &self.vocab.cities[i];
                    if corrected && let Some(l) = &place.locality {
                        notes.push(format!("place '{l}' taken as {}", c.name));
                    }
                    Spot {
                        city: Some(i),
                        location: c.name.clone(),
                        state: Some(c.state.clone()),
                    }
                }
                None => {
                    let indian = match where_is(place) {
                        Where::India => true,
                        Where::Abroad => false,
                        Where::Unsure => in_india,
                    };
                    let (location, state) = self.place_text(Some(place), remote, indian);
                    Spot {
                        city: None,
                        location,
                        state,
                    }
                }
            };
            let dup = known
                .iter()
                .chain(&other)
                .any(|s| s.location.eq_ignore_ascii_case(&spot.location));
            if !dup {
                if spot.city.is_some() {
                    known.push(spot);
                } else {
                    other.push(spot);
                }
            }
        }
        known.append(&mut other);
        if known.len() > MAX_PLACES {
            notes.push(format!(
                "listed for {} places; imported the first {MAX_PLACES}",
                known.len()
            ));
            known.truncate(MAX_PLACES);
        }
        if known.is_empty() {
            let (location, state) = self.place_text(None, remote, true);
            known.push(Spot {
                city: None,
                location,
                state,
            });
        }
        known
    }

    /// A place the catalogue does not have, as text. In India the state
    /// code is spelt out ("Bhiwandi, MH" → "Bhiwandi, Maharashtra"); abroad, or
    /// where nothing says India, the place is kept as written ("Nashville,
    /// TN, US", "Tiruppur, TN") and has no Indian state.
    fn place_text(
        &self,
        place: Option<&Place>,
        remote: bool,
        indian: bool,
    ) -> (String, Option<String>) {
        let fallback = if remote { "Remote" } else { "Not stated" };
        let Some(place) = place else {
            return (fallback.to_string(), None);
        };
        let known_state = place
            .region
            .as_deref()
            .filter(|_| indian)
            .and_then(|r| self.state_name(r))
            .map(String::from);
        let region = match &known_state {
            Some(s) => Some(s.clone()),
            None => place.region.clone(),
        };
        let country = (!indian || (place.locality.is_none() && region.is_none()))
            .then(|| place.country.clone())
            .flatten();
        // of names given as alternatives ("Sonipat/ Sonepat"), the first
        let locality = place
            .locality
            .as_deref()
            .map(|l| l.split('/').next().unwrap_or(l).trim().to_string());
        let mut parts: Vec<String> = Vec::new();
        for p in [locality, region, country].into_iter().flatten() {
            let p = p.trim().to_string();
            if !p.is_empty() && !parts.iter().any(|x| x.eq_ignore_ascii_case(&p)) {
                parts.push(p);
            }
        }
        if parts.is_empty() {
            return (fallback.to_string(), None);
        }
        (parts.join(", "), known_state)
    }
}
