//! Validating a form: every field parsed, the bad ones marked, into what
//! to save (a patch, a new application or a profile).

use jiff::civil::Date;

use super::{FieldKey, Form, Output};
use crate::catalog::WorkMode;
use crate::config;
use crate::money::{Rupees, parse_salary};
use crate::tracker::dates::{parse_date, parse_datetime};
use crate::tracker::{DOCUMENTS, InterviewMode, NewApp, Patch, Ticks};

impl Form {
    /// Checks every field. On success returns what to save; otherwise
    /// marks the bad fields, moves to the first and returns `None`.
    pub fn validate(&mut self, today: Date) -> Option<Output> {
        for f in &mut self.fields {
            f.error = None;
        }
        let out = match (self.app_id, self.profile_cities.is_some()) {
            (_, true) => self
                .validate_profile()
                .map(|p| Output::Profile(Box::new(p))),
            (Some(_), _) => {
                let base = self.base.clone();
                match (self.validate_patch(today), base) {
                    (Some(p), Some(b)) => Some(Output::Patch(b, Box::new(p))),
                    _ => None,
                }
            }
            (None, _) => self.validate_new().map(Output::New),
        };
        if out.is_none()
            && let Some(i) = self.fields.iter().position(|f| f.error.is_some())
        {
            self.at = i;
        }
        out
    }

    /// The fields the user changed, parsed; `None` (with the bad fields
    /// marked) when one does not parse.
    fn validate_patch(&mut self, today: Date) -> Option<Patch> {
        let mut p = Patch::default();
        let mut ok = true;
        if self.is_edited(&FieldKey::Notes) {
            p.notes = Some(
                self.fields
                    .iter()
                    .find(|f| f.key == FieldKey::Notes)
                    .map_or(String::new(), |f| f.input.text().trim_end().to_string()),
            );
        }
        if self.is_edited(&FieldKey::Contact) {
            p.contact_name = Some(self.text_of(&FieldKey::Contact).to_string());
        }
        if self.is_edited(&FieldKey::Phone) {
            p.contact_phone = Some(self.text_of(&FieldKey::Phone).to_string());
        }
        if self.is_edited(&FieldKey::Place) {
            p.interview_place = Some(self.text_of(&FieldKey::Place).to_string());
        }
        p.follow_up = self.edited_value(&FieldKey::FollowUp, &mut ok, |t| parse_date(t, today));
        p.interview_at =
            self.edited_value(&FieldKey::Interview, &mut ok, |t| parse_datetime(t, today));
        p.interview_mode =
            self.edited_value(&FieldKey::Mode, &mut ok, |t| t.parse::<InterviewMode>());
        p.expected_salary = self.edited_value(&FieldKey::Expected, &mut ok, parse_salary);
        p.documents = self.ticks(|k| match k {
            FieldKey::Doc(i) => DOCUMENTS.get(*i).map(|d| d.0.to_string()),
            _ => None,
        });
        p.prep = self.ticks(|k| match k {
            FieldKey::Prep(s) => Some(s.clone()),
            _ => None,
        });
        ok.then_some(p)
    }

    fn is_edited(&self, key: &FieldKey) -> bool {
        self.fields.iter().any(|f| &f.key == key && f.edited())
    }

    /// An edited field that may be emptied: `None` when not edited,
    /// `Some(None)` when emptied, else what `parse` reads. A field that
    /// does not parse is marked and clears `ok`.
    fn edited_value<T, E: std::fmt::Display>(
        &mut self,
        key: &FieldKey,
        ok: &mut bool,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<Option<T>> {
        if !self.is_edited(key) {
            return None;
        }
        let text = self.text_of(key).to_string();
        if text.is_empty() {
            return Some(None);
        }
        match parse(&text) {
            Ok(v) => Some(Some(v)),
            Err(e) => {
                self.fail(key, e.to_string());
                *ok = false;
                Some(None)
            }
        }
    }

    /// The boxes ticked and unticked among the edited fields `keep` names.
    fn ticks(&self, keep: impl Fn(&FieldKey) -> Option<String>) -> Ticks {
        let mut t = Ticks::default();
        for f in self.fields.iter().filter(|f| f.edited()) {
            if let Some(name) = keep(&f.key) {
                if f.checked {
                    t.tick.push(name);
                } else {
                    t.untick.push(name);
                }
            }
        }
        t
    }

    fn validate_profile(&mut self) -> Option<config::Profile> {
        let mut ok = true;
        let list = |s: &str| -> Vec<String> {
            s.split(',')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        };
        let mut p = config::Profile::default();
        let city = self.text_of(&FieldKey::HomeCity).to_string();
        if !city.is_empty() {
            let cities = self.profile_cities.clone().unwrap_or_default();
            match cities.iter().find(|c| c.is_named(&city)) {
                Some(c) => p.home_city = Some(c.name.clone()),
                None => {
                    let valid = cities.iter().map(|c| c.name.clone()).collect();
                    let e = crate::catalog::UnknownValue::new("city", &city, valid);
                    self.fail(&FieldKey::HomeCity, e.to_string());
                    ok = false;
                }
            }
        }
        let years = self.text_of(&FieldKey::Years).to_string();
        if !years.is_empty() {
            match years.parse::<u8>() {
                Ok(y) if y <= 50 => p.experience_years = Some(y),
                _ => {
                    self.fail(
                        &FieldKey::Years,
                        format!("'{years}' is not a number of years (0-50)"),
                    );
                    ok = false;
                }
            }
        }
        p.skills = list(self.text_of(&FieldKey::Skills));
        let expected = self.text_of(&FieldKey::Expected).to_string();
        if !expected.is_empty() {
            match parse_salary(&expected) {
                Ok(r) => p.expected_salary = Some(config::SalarySpec::Monthly(r.0)),
                Err(e) => {
                    self.fail(&FieldKey::Expected, e.to_string());
                    ok = false;
                }
            }
        }
        for m in list(self.text_of(&FieldKey::Modes)) {
            match m.parse::<WorkMode>() {
                Ok(w) => p.work_modes.push(w),
                Err(e) => {
                    self.fail(&FieldKey::Modes, e.to_string());
                    ok = false;
                }
            }
        }
        p.languages = list(self.text_of(&FieldKey::Languages));
        let km = self.text_of(&FieldKey::Relocate).to_string();
        if !km.is_empty() {
            match km.trim_end_matches("km").trim().parse::<u32>() {
                Ok(k) if k <= 5000 => p.relocate_km = Some(k),
                _ => {
                    self.fail(
                        &FieldKey::Relocate,
                        format!("'{km}' is not a distance in km (0-5000)"),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(p)
    }

    fn validate_new(&mut self) -> Option<NewApp> {
        let mut ok = true;
        for key in [FieldKey::Title, FieldKey::Company] {
            if self.text_of(&key).is_empty() {
                self.fail(&key, "required".into());
                ok = false;
            }
        }
        let salary = self.text_of(&FieldKey::Salary).to_string();
        let (mut lo, mut hi) = (None, None);
        if !salary.is_empty() {
            let parts: Vec<&str> = salary.split(['-', '–']).map(str::trim).collect();
            let parsed: Result<Vec<Rupees>, _> = parts.iter().map(|p| parse_salary(p)).collect();
            match parsed.as_deref() {
                Ok([a]) => (lo, hi) = (Some(*a), Some(*a)),
                Ok([a, b]) if a <= b => (lo, hi) = (Some(*a), Some(*b)),
                Ok(_) => {
                    self.fail(
                        &FieldKey::Salary,
                        "write one amount or a range low-high".into(),
                    );
                    ok = false;
                }
                Err(e) => {
                    self.fail(&FieldKey::Salary, e.to_string());
                    ok = false;
                }
            }
        }
        ok.then(|| NewApp {
            title: self.text_of(&FieldKey::Title).to_string(),
            company: self.text_of(&FieldKey::Company).to_string(),
            city: self.text_of(&FieldKey::City).to_string(),
            salary_min: lo,
            salary_max: hi,
            source: self.text_of(&FieldKey::Source).to_string(),
        })
    }
}
