//! Matching postings to the catalogue: the places (see `places`), the
//! role (see `roles`: exact, or a guess with evidence, or none), the
//! company and the skills' catalogue names. Then the dedupe key and the
//! plan of what a file brings in.

mod places;
mod roles;
mod words;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use serde::Serialize;

use super::{OPEN_ENDED_MAX_YEARS, ParsedFile, Posting};
use crate::catalog::{EmploymentType, Shift, WorkMode};
use crate::search::Vocab;

pub use roles::RoleMatch;
use roles::Roles;

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

/// Lowercase letters and digits only: "Navi-Mumbai" → "navimumbai".
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Matches postings against the catalogue. Build once per import.
pub struct Matcher {
    vocab: Vocab,
    city_keys: HashMap<String, usize>,
    states: HashMap<String, String>,
    roles: Roles,
    companies: HashMap<String, usize>,
    skills: HashMap<String, String>,
    role_cache: RefCell<HashMap<String, Option<RoleMatch>>>,
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
        for (code, name) in super::places::INDIAN_STATE_CODES {
            states.insert(code.to_ascii_lowercase(), name.to_string());
            states.insert(squash(name), name.to_string());
        }
        for c in &vocab.cities {
            states.insert(c.state_code.to_ascii_lowercase(), c.state.clone());
            states.insert(squash(&c.state), c.state.clone());
        }
        let mut place_words: Vec<String> = Vec::new();
        for c in &vocab.cities {
            place_words.push(c.name.clone());
            place_words.push(c.state.clone());
            place_words.extend(c.aliases.iter().cloned());
        }
        place_words.extend(
            super::places::INDIAN_STATE_CODES
                .iter()
                .map(|(_, n)| n.to_string()),
        );
        let roles = Roles::new(&vocab.roles, &place_words);
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
            companies,
            skills,
            role_cache: RefCell::new(HashMap::new()),
        }
    }

    /// The role a title names: exactly (a role's title or variant, or a
    /// part of the title that is one), or a guess with evidence, or none
    /// (the listing is not a back-office job, or nothing says which).
    pub fn guess_role(&self, title: &str, skills: &[String]) -> Option<RoleMatch> {
        let cache_key = format!("{title}\u{1f}{}", skills.join("\u{1f}"));
        if let Some(hit) = self.role_cache.borrow().get(&cache_key) {
            return *hit;
        }
        let found = self.roles.find(title, skills);
        self.role_cache.borrow_mut().insert(cache_key, found);
        found
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
        let mut p = p.scrubbed();
        let (title, company) = title_and_company(&p)?;
        let mut notes = std::mem::take(&mut p.notes);

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

        let skills = self.catalogue_skills(&p.skills);

        let (role, role_guessed) = self.role_of(&p, &title, &skills);
        let role = role.map(|i| &self.vocab.roles[i]);

        let company_id = self
            .companies
            .get(&company.to_lowercase())
            .map(|&i| self.vocab.companies[i].id);
        let (experience_min, experience_max) = p.experience.unwrap_or((0, OPEN_ENDED_MAX_YEARS));
        let posted = posted_on(&p, today, &mut notes);
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

    /// Skills by their catalogue names, each once.
    fn catalogue_skills(&self, given: &[String]) -> Vec<String> {
        let mut skills: Vec<String> = Vec::new();
        for s in given {
            super::values::push_unique(&mut skills, self.skill_name(s));
        }
        skills
    }

    /// The posting's role: given (a valid id, or a role title), else
    /// guessed from its title and skills; and whether it was guessed.
    fn role_of(&self, p: &Posting, title: &str, skills: &[String]) -> (Option<usize>, bool) {
        let given = p
            .role_id
            .as_deref()
            .and_then(|id| self.vocab.roles.iter().position(|r| r.id == id))
            .or_else(|| {
                let t = squash(p.role.as_deref()?);
                self.vocab.roles.iter().position(|r| squash(&r.title) == t)
            });
        match given {
            Some(i) => (Some(i), false),
            None => match self.guess_role(title, skills) {
                Some(m) => (Some(m.role), m.guessed),
                None => (None, false),
            },
        }
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

/// A posting's title and company, which every listing needs; without
/// either it is skipped, saying which column or property to fill.
fn title_and_company(p: &Posting) -> Result<(String, String), Skipped> {
    let skip = |reason: &str| Skipped {
        number: p.number,
        line: p.line,
        title: p.title.clone(),
        reason: reason.to_string(),
    };
    let Some(title) = p.title.clone() else {
        return Err(skip("no title (JobPosting title, or the CSV title column)"));
    };
    let Some(company) = p.company.clone() else {
        return Err(skip(
            "no company (JobPosting hiringOrganization.name, or the CSV company column)",
        ));
    };
    Ok((title, company))
}

/// The day a posting was posted: as given, or so many days before
/// `today`; when neither is known, today, with a note saying so.
fn posted_on(p: &Posting, today: Date, notes: &mut Vec<String>) -> Date {
    match (p.posted, p.posted_days_ago) {
        (Some(d), _) => d,
        (None, Some(n)) => today
            .checked_sub(jiff::Span::new().days(i64::from(n)))
            .unwrap_or(today),
        (None, None) => {
            notes.push("no posting date; dated today".into());
            today
        }
    }
}
