//! The tracker's form: edit an application's notes, dates, contact and
//! checklists, or add a job seen elsewhere. Saving validates every field
//! first; a field that does not parse says so and nothing is saved.

use jiff::civil::Date;

use super::input::TextInput;
use crate::catalog::{City, WorkMode};
use crate::config;
use crate::money::{Rupees, parse_salary};
use crate::tracker::dates::{format_datetime, parse_date, parse_datetime};
use crate::tracker::{Application, DOCUMENTS, InterviewMode, NewApp, Patch};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKey {
    Title,
    Company,
    City,
    Salary,
    Source,
    Notes,
    Contact,
    Phone,
    FollowUp,
    Interview,
    Mode,
    Place,
    Expected,
    /// A document checkbox (index into [`DOCUMENTS`]).
    Doc(usize),
    /// An interview-prep checkbox.
    Prep(String),
    HomeCity,
    Years,
    Skills,
    Modes,
    Languages,
    Relocate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: FieldKey,
    pub label: String,
    pub input: TextInput,
    pub checked: bool,
    pub hint: &'static str,
    pub error: Option<String>,
}

impl Field {
    fn text(key: FieldKey, label: &str, value: &str, hint: &'static str) -> Field {
        Field {
            key,
            label: label.to_string(),
            input: TextInput::with(value),
            checked: false,
            hint,
            error: None,
        }
    }

    fn check(key: FieldKey, label: &str, checked: bool) -> Field {
        Field {
            key,
            label: label.to_string(),
            input: TextInput::default(),
            checked,
            hint: "",
            error: None,
        }
    }

    pub fn is_check(&self) -> bool {
        matches!(self.key, FieldKey::Doc(_) | FieldKey::Prep(_))
    }
}

/// What a key did to a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Still editing.
    Editing,
    /// Esc: close without saving.
    Cancelled,
    /// Saved: every field valid.
    Done(Output),
    /// Save refused: the bad fields are marked.
    Invalid,
}

/// What a valid form saves.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    Patch(i64, Patch),
    New(NewApp),
    Profile(Box<config::Profile>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// The application edited; `None` adds a new one.
    pub app_id: Option<i64>,
    pub heading: String,
    pub fields: Vec<Field>,
    pub at: usize,
    /// A profile form: the catalogue cities a home city must be one of.
    profile_cities: Option<Vec<City>>,
}

impl Form {
    /// A form for an existing application; `prep` are its role's skills.
    pub fn edit(a: &Application, prep: &[String]) -> Form {
        let mut notes = Field::text(FieldKey::Notes, "Notes", "", "Enter starts a new line");
        notes.input = TextInput::multiline();
        notes.input.insert_str(&a.notes);
        let mut fields = vec![
            notes,
            Field::text(FieldKey::Contact, "Contact person", &a.contact_name, ""),
            Field::text(FieldKey::Phone, "Phone", &a.contact_phone, ""),
            Field::text(
                FieldKey::FollowUp,
                "Follow-up date",
                &a.follow_up.map(|d| d.to_string()).unwrap_or_default(),
                "YYYY-MM-DD, DD-MM-YYYY, today, tomorrow, +3",
            ),
            Field::text(
                FieldKey::Interview,
                "Interview",
                &a.interview_at
                    .map(format_datetime)
                    .unwrap_or_default()
                    .replace('T', " "),
                "YYYY-MM-DD HH:MM",
            ),
            Field::text(
                FieldKey::Mode,
                "Interview mode",
                a.interview_mode.map(|m| m.id()).unwrap_or(""),
                "in-person, phone or video",
            ),
            Field::text(FieldKey::Place, "Interview place", &a.interview_place, ""),
            Field::text(
                FieldKey::Expected,
                "Expected salary",
                &a.expected_salary
                    .map(|r| r.0.to_string())
                    .unwrap_or_default(),
                "a month: 18000, 25k, or 3 LPA",
            ),
        ];
        for (i, (id, label)) in DOCUMENTS.iter().enumerate() {
            fields.push(Field::check(
                FieldKey::Doc(i),
                label,
                a.documents.iter().any(|d| d == id),
            ));
        }
        for p in prep {
            fields.push(Field::check(
                FieldKey::Prep(p.clone()),
                &format!("Prepare: {p}"),
                a.prep.iter().any(|x| x.eq_ignore_ascii_case(p)),
            ));
        }
        Form {
            app_id: Some(a.id),
            heading: format!("{} · {}", a.title, a.company),
            fields,
            at: 0,
            profile_cities: None,
        }
    }

    /// A form for a job seen elsewhere.
    pub fn new_app() -> Form {
        Form {
            app_id: None,
            heading: "Add a job seen elsewhere".into(),
            fields: vec![
                Field::text(FieldKey::Title, "Title", "", "required"),
                Field::text(FieldKey::Company, "Company", "", "required"),
                Field::text(FieldKey::City, "City", "", ""),
                Field::text(
                    FieldKey::Salary,
                    "Salary a month",
                    "",
                    "18000 or 15000-20000 or 2.5 LPA",
                ),
                Field::text(
                    FieldKey::Source,
                    "Seen where",
                    "",
                    "newspaper, notice board, a friend…",
                ),
            ],
            at: 0,
            profile_cities: None,
        }
    }

    /// A form for the profile in the config.
    pub fn profile(p: &config::Profile, cities: &[City]) -> Form {
        let list = |v: &[String]| v.join(", ");
        let modes: Vec<String> = p.work_modes.iter().map(|m| m.id().to_string()).collect();
        let expected = match &p.expected_salary {
            Some(config::SalarySpec::Monthly(n)) => n.to_string(),
            Some(config::SalarySpec::Text(s)) => s.clone(),
            None => String::new(),
        };
        Form {
            app_id: None,
            heading: "Your profile: fit scores, distances and skill gaps come from it".into(),
            fields: vec![
                Field::text(
                    FieldKey::HomeCity,
                    "Home city",
                    p.home_city.as_deref().unwrap_or(""),
                    "e.g. Pune, Bangalore",
                ),
                Field::text(
                    FieldKey::Years,
                    "Experience (years)",
                    &p.experience_years
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                    "0 for a fresher",
                ),
                Field::text(
                    FieldKey::Skills,
                    "Skills",
                    &list(&p.skills),
                    "comma-separated: Excel, Tally, Typing",
                ),
                Field::text(
                    FieldKey::Expected,
                    "Expected salary",
                    &expected,
                    "a month: 18000, 25k, or 3 LPA",
                ),
                Field::text(
                    FieldKey::Modes,
                    "Work modes",
                    &modes.join(", "),
                    "office, hybrid, remote (empty: any)",
                ),
                Field::text(
                    FieldKey::Languages,
                    "Languages",
                    &list(&p.languages),
                    "English, Hindi, Marathi…",
                ),
                Field::text(
                    FieldKey::Relocate,
                    "Will travel (km)",
                    &p.relocate_km.map(|k| k.to_string()).unwrap_or_default(),
                    "how far you would commute or move",
                ),
            ],
            at: 0,
            profile_cities: Some(cities.to_vec()),
        }
    }

    /// Handles a key: editing the focused field, moving between fields,
    /// ticking a box, saving (Ctrl-S / F2) or cancelling (Esc).
    pub fn handle(&mut self, action: &super::action::Action, today: Date) -> Step {
        use super::action::Action;
        if let Some(f) = self.current_mut()
            && !f.is_check()
            && f.input.apply(action).is_some()
        {
            f.error = None;
            return Step::Editing;
        }
        match action {
            Action::Escape => return Step::Cancelled,
            Action::Open if self.is_notes() => {
                if let Some(f) = self.current_mut() {
                    f.input.insert('\n');
                }
            }
            Action::Down | Action::NextPane | Action::Open => self.next(),
            Action::Up | Action::PrevPane => self.prev(),
            Action::Toggle => self.toggle(),
            Action::FormSave => {
                return match self.validate(today) {
                    Some(out) => Step::Done(out),
                    None => Step::Invalid,
                };
            }
            _ => {}
        }
        Step::Editing
    }

    pub fn current(&self) -> Option<&Field> {
        self.fields.get(self.at)
    }

    pub fn current_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.at)
    }

    /// Whether the focused field takes typed text.
    pub fn is_text(&self) -> bool {
        self.current().is_some_and(|f| !f.is_check())
    }

    pub fn is_notes(&self) -> bool {
        self.current().is_some_and(|f| f.key == FieldKey::Notes)
    }

    pub fn next(&mut self) {
        if !self.fields.is_empty() {
            self.at = (self.at + 1) % self.fields.len();
        }
    }

    pub fn prev(&mut self) {
        if !self.fields.is_empty() {
            self.at = (self.at + self.fields.len() - 1) % self.fields.len();
        }
    }

    pub fn toggle(&mut self) {
        if let Some(f) = self.current_mut()
            && f.is_check()
        {
            f.checked = !f.checked;
        }
    }

    fn text_of(&self, key: &FieldKey) -> &str {
        self.fields
            .iter()
            .find(|f| &f.key == key)
            .map_or("", |f| f.input.text().trim())
    }

    fn fail(&mut self, key: &FieldKey, msg: String) {
        if let Some(f) = self.fields.iter_mut().find(|f| &f.key == key) {
            f.error = Some(msg);
        }
    }

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
            (Some(id), _) => self.validate_patch(id, today).map(|p| Output::Patch(id, p)),
            (None, _) => self.validate_new().map(Output::New),
        };
        if out.is_none()
            && let Some(i) = self.fields.iter().position(|f| f.error.is_some())
        {
            self.at = i;
        }
        out
    }

    fn validate_patch(&mut self, _id: i64, today: Date) -> Option<Patch> {
        let mut p = Patch::default();
        let mut ok = true;
        p.notes = Some(
            self.fields
                .iter()
                .find(|f| f.key == FieldKey::Notes)
                .map_or(String::new(), |f| f.input.text().trim_end().to_string()),
        );
        p.contact_name = Some(self.text_of(&FieldKey::Contact).to_string());
        p.contact_phone = Some(self.text_of(&FieldKey::Phone).to_string());
        p.interview_place = Some(self.text_of(&FieldKey::Place).to_string());
        let follow = self.text_of(&FieldKey::FollowUp).to_string();
        p.follow_up = Some(if follow.is_empty() {
            None
        } else {
            match parse_date(&follow, today) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.fail(&FieldKey::FollowUp, e.to_string());
                    ok = false;
                    None
                }
            }
        });
        let interview = self.text_of(&FieldKey::Interview).to_string();
        p.interview_at = Some(if interview.is_empty() {
            None
        } else {
            match parse_datetime(&interview, today) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.fail(&FieldKey::Interview, e.to_string());
                    ok = false;
                    None
                }
            }
        });
        let mode = self.text_of(&FieldKey::Mode).to_string();
        p.interview_mode = Some(if mode.is_empty() {
            None
        } else {
            match mode.parse::<InterviewMode>() {
                Ok(m) => Some(m),
                Err(e) => {
                    self.fail(&FieldKey::Mode, e.to_string());
                    ok = false;
                    None
                }
            }
        });
        let expected = self.text_of(&FieldKey::Expected).to_string();
        p.expected_salary = Some(if expected.is_empty() {
            None
        } else {
            match parse_salary(&expected) {
                Ok(r) => Some(r),
                Err(e) => {
                    self.fail(&FieldKey::Expected, e.to_string());
                    ok = false;
                    None
                }
            }
        });
        p.documents = Some(
            self.fields
                .iter()
                .filter_map(|f| match f.key {
                    FieldKey::Doc(i) if f.checked => DOCUMENTS.get(i).map(|d| d.0.to_string()),
                    _ => None,
                })
                .collect(),
        );
        p.prep = Some(
            self.fields
                .iter()
                .filter_map(|f| match &f.key {
                    FieldKey::Prep(s) if f.checked => Some(s.clone()),
                    _ => None,
                })
                .collect(),
        );
        ok.then_some(p)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracker::Status;

    const TODAY: Date = jiff::civil::date(2026, 11, 23);

    fn app() -> Application {
        Application {
            id: 7,
            listing_id: Some(1),
            role_id: None,
            status: Status::Applied,
            title: "Payroll Executive".into(),
            company: "Sahyadri Finserv".into(),
            city: "Pune".into(),
            salary_min: Some(Rupees(18_000)),
            salary_max: Some(Rupees(25_000)),
            currency: "INR".into(),
            source: "listing".into(),
            notes: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            follow_up: None,
            interview_at: None,
            interview_mode: None,
            interview_place: String::new(),
            expected_salary: None,
            documents: vec![],
            prep: vec![],
            created_at: "2026-11-20T10:00:00+05:30".into(),
            updated_at: "2026-11-20T10:00:00+05:30".into(),
            history: vec![],
        }
    }

    fn set(form: &mut Form, key: FieldKey, text: &str) {
        let f = form
            .fields
            .iter_mut()
            .find(|f| f.key == key)
            .expect("field");
        f.input.set(text);
    }

    #[test]
    fn a_bad_date_is_reported_and_nothing_is_saved() {
        let mut f = Form::edit(&app(), &["Tally".into()]);
        set(&mut f, FieldKey::FollowUp, "31-02-2026");
        set(&mut f, FieldKey::Contact, "Ms Rao");
        assert_eq!(f.validate(TODAY), None);
        let bad = f.current().expect("focused");
        assert_eq!(
            bad.key,
            FieldKey::FollowUp,
            "the cursor goes to the bad field"
        );
        assert!(
            bad.error
                .as_deref()
                .is_some_and(|e| e.contains("not a date"))
        );
        set(&mut f, FieldKey::FollowUp, "tomorrow");
        f.at = f
            .fields
            .iter()
            .position(|x| x.key == FieldKey::Prep("Tally".into()))
            .expect("prep");
        f.toggle();
        match f.validate(TODAY) {
            Some(Output::Patch(7, p)) => {
                assert_eq!(p.follow_up, Some(Some(jiff::civil::date(2026, 11, 24))));
                assert_eq!(p.contact_name.as_deref(), Some("Ms Rao"));
                assert_eq!(p.prep, Some(vec!["Tally".to_string()]));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn new_jobs_need_a_title_and_company() {
        let mut f = Form::new_app();
        assert_eq!(f.validate(TODAY), None);
        set(&mut f, FieldKey::Title, "Clerk");
        set(&mut f, FieldKey::Company, "Corner Shop");
        set(&mut f, FieldKey::Salary, "12000-15000");
        match f.validate(TODAY) {
            Some(Output::New(n)) => {
                assert_eq!(n.salary_min, Some(Rupees(12_000)));
                assert_eq!(n.salary_max, Some(Rupees(15_000)));
            }
            other => panic!("{other:?}"),
        }
    }
}
