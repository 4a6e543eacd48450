//! Facet values: their count, keys, labels, resolving typed values, and
//! each row's value(s).

use super::{Index, MAX_LANGUAGES, MAX_SKILLS, NONE16};
use crate::catalog::{CompanyKind, EmploymentType, Industry, Shift, UnknownValue, WorkMode};
use crate::search::Facet;
use crate::search::facet::{ExperienceBucket, PostedBucket, SalaryBucket};

impl Index {
    /// How many distinct values a facet has.
    pub fn value_count(&self, f: Facet) -> usize {
        match f {
            Facet::Category => self.vocab.categories.len(),
            Facet::Role => self.vocab.roles.len(),
            Facet::City => self.cities.names.len(),
            Facet::State => self.states.len(),
            Facet::Region => self.vocab.regions.len(),
            Facet::Tier => 3,
            Facet::WorkMode => WorkMode::ALL.len(),
            Facet::EmploymentType => EmploymentType::ALL.len(),
            Facet::Shift => Shift::ALL.len(),
            Facet::Experience => ExperienceBucket::ALL.len(),
            Facet::Salary => SalaryBucket::ALL.len(),
            Facet::Posted => PostedBucket::ALL.len(),
            Facet::CompanyType => CompanyKind::ALL.len(),
            Facet::Industry => Industry::ALL.len(),
            Facet::Company => self.companies.names.len(),
            Facet::Skill => self.vocab.skills.len().min(MAX_SKILLS),
            Facet::Language => self.languages.names.len().min(MAX_LANGUAGES),
            Facet::Source => self.sources.names.len(),
        }
    }

    /// The stable key of a facet value (what a [`super::Query`] stores).
    pub fn value_key(&self, f: Facet, v: usize) -> String {
        match f {
            Facet::Category => self.vocab.categories[v].id.clone(),
            Facet::Role => self.vocab.roles[v].id.clone(),
            Facet::Tier => (v + 1).to_string(),
            Facet::Region => self.vocab.regions[v].id.clone(),
            Facet::WorkMode => WorkMode::ALL[v].id().to_string(),
            Facet::EmploymentType => EmploymentType::ALL[v].id().to_string(),
            Facet::Shift => Shift::ALL[v].id().to_string(),
            Facet::Experience => ["0", "1-2", "3-5", "6+"][v].to_string(),
            Facet::Salary => {
                ["under-15k", "15k-25k", "25k-40k", "40k-70k", "70k+", "none"][v].to_string()
            }
            Facet::Posted => PostedBucket::ALL[v].days().to_string(),
            Facet::CompanyType => CompanyKind::ALL[v].id().to_string(),
            Facet::Industry => Industry::ALL[v].id().to_string(),
            _ => self.value_label(f, v).to_string(),
        }
    }

    /// How a facet value is shown.
    pub fn value_label(&self, f: Facet, v: usize) -> &str {
        match f {
            Facet::Category => &self.vocab.categories[v].name,
            Facet::Role => &self.vocab.roles[v].title,
            Facet::City => &self.cities.names[v],
            Facet::State => &self.states[v],
            Facet::Region => &self.vocab.regions[v].name,
            Facet::Tier => ["Tier 1", "Tier 2", "Tier 3"][v],
            Facet::WorkMode => WorkMode::ALL[v].label(),
            Facet::EmploymentType => EmploymentType::ALL[v].label(),
            Facet::Shift => Shift::ALL[v].label(),
            Facet::Experience => ExperienceBucket::ALL[v].label(),
            Facet::Salary => SalaryBucket::ALL[v].label(),
            Facet::Posted => PostedBucket::ALL[v].label(),
            Facet::CompanyType => CompanyKind::ALL[v].label(),
            Facet::Industry => Industry::ALL[v].label(),
            Facet::Company => &self.companies.names[v],
            Facet::Skill => &self.vocab.skills[v].name,
            Facet::Language => &self.languages.names[v],
            Facet::Source => &self.sources.names[v],
        }
    }

    /// The value a key names, if any (exact key, case-insensitive).
    pub fn value_of_key(&self, f: Facet, key: &str) -> Option<usize> {
        (0..self.value_count(f)).find(|&v| self.value_key(f, v).eq_ignore_ascii_case(key))
    }

    /// Resolves what a user typed (key, label or alias, any case) to a key.
    pub fn resolve(&self, f: Facet, input: &str) -> Result<String, UnknownValue> {
        let t = input.trim();
        let n = self.value_count(f);
        let found = (0..n)
            .find(|&v| {
                self.value_key(f, v).eq_ignore_ascii_case(t)
                    || self.value_label(f, v).eq_ignore_ascii_case(t)
            })
            .or_else(|| self.value_by_alias(f, t));
        match found {
            Some(v) => Ok(self.value_key(f, v)),
            None => Err(UnknownValue::new(facet_noun(f), t, self.listed_values(f))),
        }
    }

    /// A value named another way than its key or label: a city's alias,
    /// a role's title variant, a state's code, a tier's number, a skill's
    /// alias, a closed facet's other spellings.
    fn value_by_alias(&self, f: Facet, t: &str) -> Option<usize> {
        match f {
            Facet::City => self
                .catalog_city(t)
                .and_then(|c| self.cities.get(&c.name).map(|i| i as usize)),
            Facet::Role => self
                .vocab
                .roles
                .iter()
                .position(|r| r.title_variants.iter().any(|v| v.eq_ignore_ascii_case(t))),
            // a code, or another code people write (TS for Telangana)
            Facet::State => self
                .vocab
                .states
                .iter()
                .find(|s| s.is_named(t))
                .map(|s| s.name.clone())
                .or_else(|| {
                    self.vocab
                        .cities
                        .iter()
                        .find(|c| c.state_code.eq_ignore_ascii_case(t))
                        .map(|c| c.state.clone())
                })
                .and_then(|name| self.states.iter().position(|s| *s == name)),
            Facet::Region => self.vocab.regions.iter().position(|r| r.is_named(t)),
            Facet::Tier => t
                .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ')
                .parse::<usize>()
                .ok()
                .filter(|v| (1..=3).contains(v))
                .map(|v| v - 1),
            Facet::Skill => self
                .vocab
                .skills
                .iter()
                .position(|s| s.aliases.iter().any(|a| a.eq_ignore_ascii_case(t))),
            Facet::WorkMode => t.parse::<WorkMode>().ok().map(|m| m.index()),
            Facet::EmploymentType => t.parse::<EmploymentType>().ok().map(|m| m.index()),
            Facet::Shift => t.parse::<Shift>().ok().map(|m| m.index()),
            Facet::CompanyType => t.parse::<CompanyKind>().ok().map(|m| m.index()),
            Facet::Industry => t.parse::<Industry>().ok().map(|m| m.index()),
            _ => None,
        }
    }

    /// The values an unknown value's error lists: labels for the facets
    /// whose labels are names, keys for the others.
    fn listed_values(&self, f: Facet) -> Vec<String> {
        (0..self.value_count(f))
            .map(|v| match f {
                Facet::City
                | Facet::Role
                | Facet::Company
                | Facet::Skill
                | Facet::Language
                | Facet::State
                | Facet::Region
                | Facet::Source => self.value_label(f, v).to_string(),
                _ => self.value_key(f, v),
            })
            .collect()
    }

    // ---- per-row facet values (for filtering and counting) ----------------

    /// The single value of a single-valued facet for a row, if it has one.
    #[inline]
    pub(crate) fn one(&self, f: Facet, row: usize) -> Option<usize> {
        let v = match f {
            Facet::Category => {
                let r = self.role[row];
                if r == NONE16 {
                    return None;
                }
                let c = self.role_category[r as usize];
                if c == NONE16 {
                    return None;
                }
                c as usize
            }
            Facet::Role => {
                let r = self.role[row];
                if r == NONE16 {
                    return None;
                }
                r as usize
            }
            Facet::City => self.city[row] as usize,
            Facet::State => {
                let s = self.city_info[self.city[row] as usize]?.state;
                if s == NONE16 {
                    return None;
                }
                s as usize
            }
            Facet::Region => {
                let r = self.city_info[self.city[row] as usize]?.region;
                if r == NONE16 {
                    return None;
                }
                r as usize
            }
            Facet::Tier => {
                let t = self.city_info[self.city[row] as usize]?.tier;
                if !(1..=3).contains(&t) {
                    return None;
                }
                t as usize - 1
            }
            Facet::WorkMode => self.mode[row] as usize,
            Facet::EmploymentType => self.emp[row] as usize,
            Facet::Shift => self.shift[row] as usize,
            Facet::CompanyType => self.company_info[self.company[row] as usize].0?.index(),
            Facet::Industry => self.company_info[self.company[row] as usize].1?.index(),
            Facet::Company => self.company[row] as usize,
            Facet::Source => self.source[row] as usize,
            Facet::Experience | Facet::Salary | Facet::Posted | Facet::Skill | Facet::Language => {
                return None;
            }
        };
        Some(v)
    }

    /// The value set of a multi-valued facet for a row, as a bit mask.
    #[inline]
    pub(crate) fn many(&self, f: Facet, row: usize) -> u128 {
        match f {
            Facet::Skill => self.skills[row],
            Facet::Language => u128::from(self.langs[row]),
            Facet::Experience => u128::from(self.exp_mask[row]),
            Facet::Salary => u128::from(self.sal_mask[row]),
            Facet::Posted => u128::from(self.posted_mask[row]),
            _ => 0,
        }
    }
}

/// What a facet's values are called in an error ("work mode", "city").
fn facet_noun(f: Facet) -> &'static str {
    match f {
        Facet::WorkMode => "work mode",
        Facet::EmploymentType => "employment type",
        Facet::CompanyType => "company type",
        Facet::Category => "category",
        Facet::Role => "role",
        Facet::City => "city",
        Facet::State => "state",
        Facet::Region => "region",
        Facet::Tier => "city tier",
        Facet::Shift => "shift",
        Facet::Experience => "experience bucket",
        Facet::Salary => "salary bucket",
        Facet::Posted => "posted-within bucket",
        Facet::Industry => "industry",
        Facet::Company => "company",
        Facet::Skill => "skill",
        Facet::Language => "language",
        Facet::Source => "source",
    }
}
