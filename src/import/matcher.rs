//! Matching postings to the catalogue: the city (names, aliases, spelling
//! variants, state codes), the closest role (by title and skills), the
//! company and the skills' catalogue names. Then the dedupe key and the
//! plan of what a file brings in.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;

use super::{OPEN_ENDED_MAX_YEARS, ParsedFile, Place, Posting};
use crate::catalog::{EmploymentType, Shift, WorkMode};
use crate::search::Vocab;

/// A posting for more places than this becomes this many listings.
pub const MAX_PLACES: usize = 10;

/// One place a posting is for: a catalogue city, or the place as given.
#[derive(Debug, Clone)]
struct Spot {
    city: Option<usize>,
    location: String,
    state: Option<String>,
}

/// A posting ready to be written: matched to the catalogue, with its key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportedListing {
    /// The posting's number in its file, and its line where known.
    pub number: usize,
    pub line: Option<u64>,
    /// The dedupe key within the source: `id:…`, `url:…` or `text:…`.
    pub key: String,
    pub title: String,
    pub role_id: Option<String>,
    /// The role's title, for the report.
    pub role: Option<String>,
    /// True when the role was guessed (not given by the file).
    pub role_guessed: bool,
    pub company_id: Option<u32>,
    pub company: String,
    pub city_id: Option<u32>,
    /// The catalogue city's name, or the place as the file gives it.
    pub location: String,
    pub state: Option<String>,
    pub work_mode: WorkMode,
    pub employment_type: EmploymentType,
    pub shift: Shift,
    pub experience_min: u8,
    pub experience_max: u8,
    /// Whole units of `currency` a month.
    pub salary_min: Option<u32>,
    pub salary_max: Option<u32>,
    pub currency: String,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub benefits: Vec<String>,
    pub openings: u32,
    pub posted: Date,
    pub valid_through: Option<Date>,
    pub description: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub apply_url: String,
    /// What could not be read or was guessed, for the report.
    pub notes: Vec<String>,
}

/// A posting that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub number: usize,
    pub line: Option<u64>,
    pub title: Option<String>,
    pub reason: String,
}

/// What one file would bring in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilePlan {
    /// The file as given on the command line.
    pub path: String,
    /// The source name its listings are tagged with (the file's name).
    pub source: String,
    pub listings: Vec<ImportedListing>,
    pub skipped: Vec<Skipped>,
    /// Items that are not job postings, by `@type`.
    pub other_types: BTreeMap<String, usize>,
    pub ignored_columns: Vec<String>,
}

/// Indian states and union territories by ISO 3166-2:IN code (and the
/// older or vehicle-registration codes people still write).
const STATE_CODES: &[(&str, &str)] = &[
    ("AN", "Andaman and Nicobar Islands"),
    ("AP", "Andhra Pradesh"),
    ("AR", "Arunachal Pradesh"),
    ("AS", "Assam"),
    ("BR", "Bihar"),
    ("CH", "Chandigarh"),
    ("CT", "Chhattisgarh"),
    ("CG", "Chhattisgarh"),
    ("DH", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DN", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DD", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DL", "Delhi"),
    ("GA", "Goa"),
    ("GJ", "Gujarat"),
    ("HR", "Haryana"),
    ("HP", "Himachal Pradesh"),
    ("JK", "Jammu and Kashmir"),
    ("JH", "Jharkhand"),
    ("KA", "Karnataka"),
    ("KL", "Kerala"),
    ("LA", "Ladakh"),
    ("LD", "Lakshadweep"),
    ("MP", "Madhya Pradesh"),
    ("MH", "Maharashtra"),
    ("MN", "Manipur"),
    ("ML", "Meghalaya"),
    ("MZ", "Mizoram"),
    ("NL", "Nagaland"),
    ("OD", "Odisha"),
    ("OR", "Odisha"),
    ("PY", "Puducherry"),
    ("PB", "Punjab"),
    ("RJ", "Rajasthan"),
    ("SK", "Sikkim"),
    ("TN", "Tamil Nadu"),
    ("TG", "Telangana"),
    ("TS", "Telangana"),
    ("TR", "Tripura"),
    ("UP", "Uttar Pradesh"),
    ("UK", "Uttarakhand"),
    ("UT", "Uttarakhand"),
    ("WB", "West Bengal"),
];

/// Words of job titles that say nothing about the role.
const TITLE_NOISE: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "urgent",
    "hiring",
    "immediate",
    "joiner",
    "joiners",
    "opening",
    "openings",
    "vacancy",
    "wanted",
    "required",
    "for",
    "the",
    "and",
    "of",
    "in",
    "cum",
    "with",
    "i",
    "ii",
    "iii",
    "iv",
    "l1",
    "l2",
    "l3",
    "wfh",
    "work",
    "from",
    "home",
    "remote",
    "hybrid",
    "night",
    "day",
    "shift",
    "fresher",
    "freshers",
    "male",
    "female",
    "only",
];

/// Lowercase letters and digits only: "Navi-Mumbai" → "navimumbai".
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Title words, lowercased, with a plural `s` dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .filter(|w| !TITLE_NOISE.contains(&w.as_str()))
        .collect()
}

struct RoleNames {
    /// The title's and each variant's words.
    names: Vec<Vec<String>>,
    /// Squashed title and variants, for exact matches.
    exact: Vec<String>,
    skills: HashSet<String>,
}

/// Matches postings against the catalogue. Build once per import.
pub struct Matcher {
    vocab: Vocab,
    city_keys: HashMap<String, usize>,
    states: HashMap<String, String>,
    roles: Vec<RoleNames>,
    /// How telling each title word is (rare words count more).
    weight: HashMap<String, f64>,
    companies: HashMap<String, usize>,
    skills: HashMap<String, String>,
    role_cache: RefCell<HashMap<String, Option<usize>>>,
}

impl Matcher {
    pub fn new(vocab: Vocab) -> Matcher {
        let mut city_keys = HashMap::new();
        for (i, c) in vocab.cities.iter().enumerate() {
            city_keys.entry(squash(&c.name)).or_insert(i);
        }
        for (i, c) in vocab.cities.iter().enumerate() {
            for a in &c.aliases {
                city_keys.entry(squash(a)).or_insert(i);
            }
        }
        let mut states = HashMap::new();
        for (code, name) in STATE_CODES {
            states.insert(code.to_ascii_lowercase(), name.to_string());
            states.insert(squash(name), name.to_string());
        }
        for c in &vocab.cities {
            states.insert(c.state_code.to_ascii_lowercase(), c.state.clone());
            states.insert(squash(&c.state), c.state.clone());
        }
        let roles: Vec<RoleNames> = vocab
            .roles
            .iter()
            .map(|r| {
                let all: Vec<&String> =
                    std::iter::once(&r.title).chain(&r.title_variants).collect();
                RoleNames {
                    names: all
                        .iter()
                        .map(|n| words(n))
                        .filter(|w| !w.is_empty())
                        .collect(),
                    exact: all.iter().map(|n| squash(n)).collect(),
                    skills: r.skills.iter().map(|s| s.to_lowercase()).collect(),
                }
            })
            .collect();
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut total = 0usize;
        for r in &roles {
            for n in &r.names {
                total += 1;
                let uniq: HashSet<&String> = n.iter().collect();
                for w in uniq {
                    *df.entry(w.clone()).or_default() += 1;
                }
            }
        }
        let weight = df
            .into_iter()
            .map(|(w, n)| (w, ((total as f64 + 1.0) / n as f64).ln().max(0.1)))
            .collect();
        let companies = vocab
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.to_lowercase(), i))
            .collect();
        let mut skills = HashMap::new();
        for s in &vocab.skills {
            skills.insert(s.name.to_lowercase(), s.name.clone());
        }
        for s in &vocab.skills {
            for a in &s.aliases {
                skills
                    .entry(a.to_lowercase())
                    .or_insert_with(|| s.name.clone());
            }
        }
        Matcher {
            vocab,
            city_keys,
            states,
            roles,
            weight,
            companies,
            skills,
            role_cache: RefCell::new(HashMap::new()),
        }
    }

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

    /// The catalogue city a place names, and whether it took a spelling
    /// correction to find it.
    pub fn match_city(&self, place: &Place) -> Option<(usize, bool)> {
        if let Some(country) = &place.country {
            let c = squash(country);
            if !matches!(c.as_str(), "in" | "ind" | "india" | "bharat") {
                return None;
            }
        }
        let want_state = place.region.as_deref().and_then(|r| self.state_name(r));
        let locality = place.locality.as_deref()?;
        let mut candidates = vec![locality];
        candidates.extend(
            locality
                .split([',', '/', '(', ')', '|', ';'])
                .flat_map(|p| p.split(" - "))
                .map(str::trim)
                .filter(|p| !p.is_empty()),
        );
        // exact: the whole, each part, then runs of words in a part
        for c in &candidates {
            if let Some(&i) = self.city_keys.get(&squash(c)) {
                return Some((i, false));
            }
        }
        for c in &candidates {
            let ws: Vec<&str> = c.split_whitespace().collect();
            for n in (1..ws.len().min(3) + 1).rev() {
                for win in ws.windows(n) {
                    if let Some(&i) = self.city_keys.get(&squash(&win.join(" "))) {
                        return Some((i, false));
                    }
                }
            }
        }
        // spelling variants: a small edit distance, in the given state if any
        let mut best: Option<(usize, usize)> = None;
        for c in &candidates {
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

    /// The closest catalogue role to a title and skills, if any is close.
    pub fn guess_role(&self, title: &str, skills: &[String]) -> Option<usize> {
        let cache_key = format!("{title}\u{1f}{}", skills.join("\u{1f}"));
        if let Some(hit) = self.role_cache.borrow().get(&cache_key) {
            return *hit;
        }
        let found = self.guess_role_uncached(title, skills);
        self.role_cache.borrow_mut().insert(cache_key, found);
        found
    }

    fn guess_role_uncached(&self, title: &str, skills: &[String]) -> Option<usize> {
        // the whole title, or a part of it ("Data Entry Operator – Night
        // Shift", "MIS Executive (Remote)"), naming a role exactly
        let parts = std::iter::once(title).chain(
            title
                .split([',', '(', ')', '|', '/', '–', '—', ':'])
                .flat_map(|p| p.split(" - ")),
        );
        for part in parts {
            let exact = squash(part);
            if exact.is_empty() {
                continue;
            }
            if let Some(i) = self.roles.iter().position(|r| r.exact.contains(&exact)) {
                return Some(i);
            }
        }
        // only words some role name uses take part
        let mut t: Vec<String> = Vec::new();
        for w in words(title) {
            if self.weight.contains_key(&w) && !t.contains(&w) {
                t.push(w);
            }
        }
        let w = |x: &String| self.weight.get(x).copied().unwrap_or(0.1);
        let t_weight: f64 = t.iter().map(w).sum();
        let posting_skills: HashSet<String> = skills.iter().map(|s| s.to_lowercase()).collect();
        let mut best: Option<(f64, usize)> = None;
        for (i, r) in self.roles.iter().enumerate() {
            let mut title_score: f64 = 0.0;
            if t_weight > 0.0 {
                for n in &r.names {
                    let n_weight: f64 = n.iter().map(w).sum();
                    let matched: f64 = t.iter().filter(|x| n.contains(x)).map(w).sum();
                    title_score = title_score.max(2.0 * matched / (t_weight + n_weight));
                }
            }
            let overlap = r.skills.intersection(&posting_skills).count();
            let skill_score = if posting_skills.is_empty() || r.skills.is_empty() {
                0.0
            } else {
                overlap as f64 / posting_skills.len().min(r.skills.len()) as f64
            };
            let score = title_score + 0.3 * skill_score;
            if best.is_none_or(|(b, _)| score > b + 1e-9) {
                best = Some((score, i));
            }
        }
        best.filter(|(s, _)| *s >= 0.5).map(|(_, i)| i)
    }

    /// A skill's catalogue name (by name or alias, any case), else as given.
    pub fn skill_name(&self, s: &str) -> String {
        self.skills
            .get(&s.to_lowercase())
            .cloned()
            .unwrap_or_else(|| s.to_string())
    }

    /// Matches every posting of a file and decides what to skip.
    pub fn plan(&self, path: &str, source: &str, parsed: ParsedFile, today: Date) -> FilePlan {
        let plan = self.plan_with(path, source, parsed, today, &mut |_, _| true);
        plan.unwrap_or_else(|| FilePlan {
            path: path.to_string(),
            source: source.to_string(),
            listings: Vec::new(),
            skipped: Vec::new(),
            other_types: BTreeMap::new(),
            ignored_columns: Vec::new(),
        })
    }

    /// [`Matcher::plan`], telling `progress` (postings done, of how many)
    /// every 256 postings; `None` when it returns false (cancelled).
    pub fn plan_with(
        &self,
        path: &str,
        source: &str,
        parsed: ParsedFile,
        today: Date,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Option<FilePlan> {
        let total = parsed.postings.len();
        let mut plan = FilePlan {
            path: path.to_string(),
            source: source.to_string(),
            listings: Vec::new(),
            skipped: Vec::new(),
            other_types: parsed.other_types,
            ignored_columns: parsed.ignored_columns,
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, p) in parsed.postings.into_iter().enumerate() {
            if i.is_multiple_of(256) && !progress(i, total) {
                return None;
            }
            let listings = match self.resolve(p, today) {
                Err(s) => {
                    plan.skipped.push(s);
                    continue;
                }
                Ok(ls) => ls,
            };
            for l in listings {
                if let Some(&first) = seen.get(&l.key) {
                    plan.skipped.push(Skipped {
                        number: l.number,
                        line: l.line,
                        title: Some(l.title),
                        reason: format!(
                            "the same posting as #{first} in this file (same {})",
                            key_kind(&l.key)
                        ),
                    });
                } else {
                    seen.insert(l.key.clone(), l.number);
                    plan.listings.push(l);
                }
            }
        }
        Some(plan)
    }

    /// One posting to its listings (one per place, see [`Matcher::spots`]),
    /// or why it is skipped.
    pub fn resolve(&self, p: Posting, today: Date) -> Result<Vec<ImportedListing>, Skipped> {
        let p = p.scrubbed();
        let skip = |p: &Posting, reason: &str| Skipped {
            number: p.number,
            line: p.line,
            title: p.title.clone(),
            reason: reason.to_string(),
        };
        let Some(title) = p.title.clone() else {
            return Err(skip(
                &p,
                "no title (JobPosting title, or the CSV title column)",
            ));
        };
        let Some(company) = p.company.clone() else {
            return Err(skip(
                &p,
                "no company (JobPosting hiringOrganization.name, or the CSV company column)",
            ));
        };
        let mut notes = p.notes;

        // where: the first place here, the others as copies at the end
        let spots = self.spots(&p.places, p.remote, &mut notes);
        let Spot {
            city,
            location,
            state,
        } = spots[0].clone();
        let city = city.map(|i| &self.vocab.cities[i]);
        let work_mode = p.work_mode.unwrap_or(if p.remote {
            WorkMode::Remote
        } else {
            WorkMode::Office
        });

        // skills by their catalogue names
        let mut skills: Vec<String> = Vec::new();
        for s in &p.skills {
            super::values::push_unique(&mut skills, self.skill_name(s));
        }

        // role: given (a valid id, or a role title), else guessed
        let given = p
            .role_id
            .as_deref()
            .and_then(|id| self.vocab.roles.iter().position(|r| r.id == id))
            .or_else(|| {
                let t = squash(p.role.as_deref()?);
                self.vocab.roles.iter().position(|r| squash(&r.title) == t)
            });
        let (role, role_guessed) = match given {
            Some(i) => (Some(i), false),
            None => (self.guess_role(&title, &skills), true),
        };
        let role = role.map(|i| &self.vocab.roles[i]);

        let company_id = self
            .companies
            .get(&company.to_lowercase())
            .map(|&i| self.vocab.companies[i].id);
        let (experience_min, experience_max) = p.experience.unwrap_or((0, OPEN_ENDED_MAX_YEARS));
        let posted = p.posted.unwrap_or_else(|| {
            notes.push("no posting date; dated today".into());
            today
        });
        let (salary_min, salary_max, currency) = match p.salary {
            Some(s) => (s.min, s.max, s.currency),
            None => (None, None, "INR".to_string()),
        };
        let key = dedupe_key(
            p.identifier.as_deref(),
            p.url.as_deref(),
            &title,
            &company,
            &location,
        );
        let first = ImportedListing {
            number: p.number,
            line: p.line,
            key,
            role_id: role.map(|r| r.id.clone()),
            role: role.map(|r| r.title.clone()),
            role_guessed,
            company_id,
            company,
            city_id: city.map(|c| c.id),
            location,
            state,
            work_mode,
            employment_type: p.employment_type.unwrap_or(EmploymentType::FullTime),
            shift: p.shift.unwrap_or(Shift::Day),
            experience_min,
            experience_max,
            salary_min,
            salary_max,
            currency,
            skills,
            languages: p.languages,
            benefits: p.benefits,
            openings: p.openings.unwrap_or(1),
            posted,
            valid_through: p.valid_through,
            description: p.description,
            contact_name: p.contact_name,
            contact_phone: p.contact_phone,
            contact_email: p.contact_email,
            apply_url: p.url.unwrap_or_default(),
            notes,
            title,
        };
        Ok(self.one_per_spot(first, &spots))
    }

    /// Where a posting is, one spot per distinct place: catalogue cities
    /// first (in the posting's order), then places kept as given, at most
    /// [`MAX_PLACES`]; with no place, "Remote" or "Not stated".
    fn spots(&self, places: &[Place], remote: bool, notes: &mut Vec<String>) -> Vec<Spot> {
        let mut known: Vec<Spot> = Vec::new();
        let mut other: Vec<Spot> = Vec::new();
        for place in places {
            let spot = match self.match_city(place) {
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
                    let (location, state) = self.place_text(Some(place), remote);
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
            let (location, state) = self.place_text(None, remote);
            known.push(Spot {
                city: None,
                location,
                state,
            });
        }
        known
    }

    /// The listing at each spot: the first as built (its key as before
    /// places were split, so re-importing an older import updates it), the
    /// others with their own place and a key of their own.
    fn one_per_spot(&self, first: ImportedListing, spots: &[Spot]) -> Vec<ImportedListing> {
        if spots.len() < 2 {
            return vec![first];
        }
        let names: Vec<&str> = spots.iter().map(|s| s.location.as_str()).collect();
        // the same note on each, so a report can print it once a posting
        let note = format!(
            "listed for {} places, a listing in each: {}",
            spots.len(),
            names.join("; ")
        );
        let mut out = Vec::with_capacity(spots.len());
        for (i, spot) in spots.iter().enumerate() {
            let mut l = first.clone();
            if i > 0 {
                l.city_id = spot.city.map(|c| self.vocab.cities[c].id);
                l.location = spot.location.clone();
                l.state = spot.state.clone();
                l.key = if first.key.starts_with("text:") {
                    dedupe_key(None, None, &l.title, &l.company, &l.location)
                } else {
                    format!("{}@{}", first.key, l.location.to_lowercase())
                };
            }
            l.notes.push(note.clone());
            out.push(l);
        }
        out
    }

    /// A place the catalogue does not have, as text: "Thane, Maharashtra".
    fn place_text(&self, place: Option<&Place>, remote: bool) -> (String, Option<String>) {
        let fallback = if remote { "Remote" } else { "Not stated" };
        let Some(place) = place else {
            return (fallback.to_string(), None);
        };
        let state = place.region.as_deref().map(|r| {
            self.state_name(r)
                .map_or_else(|| r.to_string(), String::from)
        });
        let mut parts: Vec<String> = Vec::new();
        for p in [place.locality.clone(), state.clone()]
            .into_iter()
            .flatten()
        {
            if !parts.iter().any(|x| x.eq_ignore_ascii_case(&p)) {
                parts.push(p);
            }
        }
        if parts.is_empty()
            && let Some(c) = &place.country
        {
            parts.push(c.clone());
        }
        if parts.is_empty() {
            return (fallback.to_string(), None);
        }
        let known_state = place
            .region
            .as_deref()
            .and_then(|r| self.state_name(r))
            .map(String::from);
        (parts.join(", "), known_state)
    }
}

/// The key a listing is known by within its source: the posting's
/// identifier, else its URL, else its title, company and place (each
/// lowercased, spaces collapsed).
pub fn dedupe_key(
    identifier: Option<&str>,
    url: Option<&str>,
    title: &str,
    company: &str,
    location: &str,
) -> String {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if let Some(id) = identifier.map(str::trim).filter(|s| !s.is_empty()) {
        return format!("id:{id}");
    }
    if let Some(u) = url.map(str::trim).filter(|s| !s.is_empty()) {
        return format!("url:{u}");
    }
    format!("text:{}|{}|{}", norm(title), norm(company), norm(location))
}

fn key_kind(key: &str) -> &'static str {
    if key.starts_with("id:") {
        "identifier"
    } else if key.starts_with("url:") {
        "url"
    } else {
        "title, company and place"
    }
}
