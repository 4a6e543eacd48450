//! The tracker's form: edit an application's notes, dates, contact and
//! checklists, or add a job seen elsewhere. Saving validates every field
//! first; a field that does not parse says so and nothing is saved.
//!
//! An edit form remembers the application as it read it (its base) and
//! saves only the fields the user changed. When the store finds one of
//! them changed elsewhere meanwhile, the form asks: keep mine, keep
//! theirs, or see both (back to the form with both versions shown). A
//! save that fails keeps the form open with everything typed.

use jiff::civil::Date;

use super::input::{MAX_INPUT, TextInput};
use crate::catalog::{City, WorkMode};
use crate::config;
use crate::money::{Rupees, parse_salary};
use crate::tracker::dates::{format_datetime, parse_date, parse_datetime};
use crate::tracker::edit::{self, Conflict};
use crate::tracker::limits::{LINE, NOTES, TITLE};
use crate::tracker::{Application, DOCUMENTS, InterviewMode, NewApp, Patch, Ticks};

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

impl FieldKey {
    /// The application field this form field edits.
    pub fn app_field(&self) -> Option<edit::Field> {
        Some(match self {
            FieldKey::Notes => edit::Field::Notes,
            FieldKey::Contact => edit::Field::Contact,
            FieldKey::Phone => edit::Field::Phone,
            FieldKey::FollowUp => edit::Field::FollowUp,
            FieldKey::Interview => edit::Field::Interview,
            FieldKey::Mode => edit::Field::Mode,
            FieldKey::Place => edit::Field::Place,
            FieldKey::Expected => edit::Field::Expected,
            _ => return None,
        })
    }

    /// The most characters the field takes: the same limit as every
    /// other way in (see [`crate::tracker::limits`]).
    fn limit(&self) -> usize {
        match self {
            FieldKey::Notes => NOTES,
            FieldKey::Title | FieldKey::Company => TITLE,
            FieldKey::City
            | FieldKey::Source
            | FieldKey::Contact
            | FieldKey::Phone
            | FieldKey::Place => LINE,
            _ => MAX_INPUT,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: FieldKey,
    pub label: String,
    pub input: TextInput,
    pub checked: bool,
    pub hint: &'static str,
    pub error: Option<String>,
    /// Something to know that is not an error: the value saved elsewhere
    /// meanwhile, a paste cut at the limit.
    pub notice: Option<String>,
    /// The text (or tick) as the form opened or was last brought up to
    /// date: a field is saved only when it differs from this.
    initial: String,
    initial_checked: bool,
}

impl Field {
    fn text(key: FieldKey, label: &str, value: &str, hint: &'static str) -> Field {
        let input = TextInput::holding(value, key.limit(), key == FieldKey::Notes);
        Field {
            label: label.to_string(),
            initial: input.text().to_string(),
            input,
            key,
            checked: false,
            hint,
            error: None,
            notice: None,
            initial_checked: false,
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
            notice: None,
            initial: String::new(),
            initial_checked: checked,
        }
    }

    pub fn is_check(&self) -> bool {
        matches!(self.key, FieldKey::Doc(_) | FieldKey::Prep(_))
    }

    /// Whether the user changed this field since the form opened (or
    /// since it was last brought up to date).
    pub fn edited(&self) -> bool {
        if self.is_check() {
            self.checked != self.initial_checked
        } else {
            self.input.text() != self.initial
        }
    }

    /// Sets the field to `value` as its new starting point (not an edit).
    fn reset_to(&mut self, value: &str) {
        self.input = TextInput::holding(value, self.key.limit(), self.key == FieldKey::Notes);
        self.initial = self.input.text().to_string();
    }
}

/// The text a form field shows for an application's value.
fn shown(f: edit::Field, a: &Application) -> String {
    match f {
        edit::Field::Interview => edit::Field::Interview.of(a).replace('T', " "),
        other => other.of(a),
    }
}

/// Fields changed elsewhere too, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictPrompt {
    pub conflicts: Vec<Conflict>,
    /// The application as stored now.
    pub current: Box<Application>,
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
    /// The fields changed, against the application as the form read it.
    Patch(Box<Application>, Box<Patch>),
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
    /// The application as the form read it, with fields brought up to
    /// date where the user had not edited them.
    pub base: Option<Box<Application>>,
    /// Sent to be saved; waiting for the answer.
    pub saving: bool,
    /// Why the last save failed (the form stays open with its text).
    pub problem: Option<String>,
    /// Changed elsewhere too: keep mine, keep theirs or see both.
    pub conflict: Option<ConflictPrompt>,
}

impl Form {
    /// A form for an existing application (as just read from the store);
    /// `prep` are its role's skills.
    pub fn edit(a: &Application, prep: &[String]) -> Form {
        let notes = Field::text(
            FieldKey::Notes,
            "Notes",
            &a.notes,
            "Enter starts a new line",
        );
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
            base: Some(Box::new(a.clone())),
            saving: false,
            problem: None,
            conflict: None,
        }
    }

    fn blank(heading: String, fields: Vec<Field>, cities: Option<Vec<City>>) -> Form {
        Form {
            app_id: None,
            heading,
            fields,
            at: 0,
            profile_cities: cities,
            base: None,
            saving: false,
            problem: None,
            conflict: None,
        }
    }

    /// Brings the form up to date with the application as stored now:
    /// fields the user has not touched take the new values; a field the
    /// user edited keeps the edit and says what was saved elsewhere.
    pub fn refresh(&mut self, now: &Application) {
        let Some(base) = self.base.as_mut() else {
            return;
        };
        let mut next = now.clone();
        for f in &mut self.fields {
            if f.is_check() {
                continue;
            }
            let Some(af) = f.key.app_field() else {
                continue;
            };
            let theirs = shown(af, now);
            if f.edited() {
                // keep comparing against what the user started from
                edit::copy(af, &mut next, base);
                if shown(af, base) != theirs {
                    f.notice = Some(format!("Saved elsewhere meanwhile: {}", one_line(&theirs)));
                }
            } else if f.initial != theirs {
                f.reset_to(&theirs);
            }
        }
        for f in &mut self.fields {
            let (list, stored) = match &f.key {
                FieldKey::Doc(i) => (
                    &now.documents,
                    DOCUMENTS
                        .get(*i)
                        .map(|d| d.0.to_string())
                        .unwrap_or_default(),
                ),
                FieldKey::Prep(p) => (&now.prep, p.clone()),
                _ => continue,
            };
            let ticked = list.iter().any(|x| x.eq_ignore_ascii_case(&stored));
            if !f.edited() {
                f.checked = ticked;
                f.initial_checked = ticked;
            }
        }
        next.history = now.history.clone();
        **base = next;
    }

    /// The store found `conflicts`: ask the user.
    pub fn conflicted(&mut self, conflicts: Vec<Conflict>, current: Box<Application>) {
        self.saving = false;
        self.conflict = Some(ConflictPrompt { conflicts, current });
    }

    /// Settles a conflict. `mine`: save my values over theirs; `theirs`:
    /// take theirs for those fields (and save the rest); neither (see
    /// both): back to the form with theirs beside mine (notes merged).
    fn settle(&mut self, choice: char, today: Date) -> Step {
        let Some(prompt) = self.conflict.take() else {
            return Step::Editing;
        };
        let old_base = self.base.clone();
        let current = *prompt.current;
        // everything the user did not touch follows the store first; the
        // choice below then decides the fields in conflict
        self.refresh(&current);
        for c in &prompt.conflicts {
            let Some(f) = self
                .fields
                .iter_mut()
                .find(|f| f.key.app_field() == Some(c.field))
            else {
                continue;
            };
            let theirs = shown(c.field, &current);
            match choice {
                'm' => {
                    f.initial = theirs;
                    f.notice = None;
                }
                't' => {
                    f.reset_to(&theirs);
                    f.notice = None;
                }
                _ => {
                    if c.field == edit::Field::Notes {
                        let base_notes = old_base.as_ref().map_or("", |b| b.notes.as_str());
                        let merged = edit::merge_notes(base_notes, f.input.text(), &theirs);
                        f.input = TextInput::holding(&merged, f.key.limit(), true);
                        f.initial = theirs;
                        f.notice = Some(
                            "Both kept: the notes saved elsewhere, then your new lines. Check them and save again".into(),
                        );
                    } else {
                        f.initial = theirs.clone();
                        f.notice = Some(format!(
                            "Saved elsewhere meanwhile: {}. Yours is below: save it, or change it",
                            one_line(&theirs)
                        ));
                    }
                }
            }
        }
        if let Some(b) = self.base.as_mut() {
            **b = current;
        }
        match choice {
            'm' | 't' => self.save(today),
            _ => Step::Editing,
        }
    }

    fn save(&mut self, today: Date) -> Step {
        match self.validate(today) {
            Some(out) => {
                self.saving = true;
                self.problem = None;
                Step::Done(out)
            }
            None => Step::Invalid,
        }
    }

    /// The save failed: the form stays open with its text and says why;
    /// saving again works once the cause is gone.
    pub fn failed(&mut self, why: String) {
        self.saving = false;
        self.problem = Some(why);
    }

    /// A form for a job seen elsewhere.
    pub fn new_app() -> Form {
        Form::blank(
            "Add a job seen elsewhere".into(),
            vec![
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
            None,
        )
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
        Form::blank(
            "Your profile: fit scores, distances and skill gaps come from it".into(),
            vec![
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
            Some(cities.to_vec()),
        )
    }

    /// Handles a key: editing the focused field, moving between fields,
    /// ticking a box, saving (Ctrl-S / F2) or cancelling (Esc).
    pub fn handle(&mut self, action: &super::action::Action, today: Date) -> Step {
        use super::action::Action;
        if self.saving {
            return Step::Editing; // the answer is on its way
        }
        if self.conflict.is_some() {
            return match action {
                Action::Insert(c) if matches!(c.to_ascii_lowercase(), 'm' | 't' | 'b') => {
                    self.settle(c.to_ascii_lowercase(), today)
                }
                Action::Escape => self.settle('b', today),
                _ => Step::Editing,
            };
        }
        if let Some(f) = self.current_mut()
            && !f.is_check()
            && let Some(kept) = f.input.apply(action)
        {
            f.error = None;
            if !kept {
                f.notice = Some(format!(
                    "Cut at {} characters, the most this field holds",
                    crate::money::group_indian(f.input.limit() as u64)
                ));
            }
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
            Action::FormSave => return self.save(today),
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
        let edited =
            |form: &Form, key: &FieldKey| form.fields.iter().any(|f| &f.key == key && f.edited());
        if edited(self, &FieldKey::Notes) {
            p.notes = Some(
                self.fields
                    .iter()
                    .find(|f| f.key == FieldKey::Notes)
                    .map_or(String::new(), |f| f.input.text().trim_end().to_string()),
            );
        }
        if edited(self, &FieldKey::Contact) {
            p.contact_name = Some(self.text_of(&FieldKey::Contact).to_string());
        }
        if edited(self, &FieldKey::Phone) {
            p.contact_phone = Some(self.text_of(&FieldKey::Phone).to_string());
        }
        if edited(self, &FieldKey::Place) {
            p.interview_place = Some(self.text_of(&FieldKey::Place).to_string());
        }
        if edited(self, &FieldKey::FollowUp) {
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
        }
        if edited(self, &FieldKey::Interview) {
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
        }
        if edited(self, &FieldKey::Mode) {
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
        }
        if edited(self, &FieldKey::Expected) {
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
        }
        let ticks = |keep: &dyn Fn(&FieldKey) -> Option<String>| {
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
        };
        p.documents = ticks(&|k| match k {
            FieldKey::Doc(i) => DOCUMENTS.get(*i).map(|d| d.0.to_string()),
            _ => None,
        });
        p.prep = ticks(&|k| match k {
            FieldKey::Prep(s) => Some(s.clone()),
            _ => None,
        });
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

/// A value on one line, cut to something a status line can hold.
fn one_line(s: &str) -> String {
    let flat = s.replace('\n', " / ");
    if flat.is_empty() {
        "(empty)".to_string()
    } else {
        crate::display::truncate(&flat, 120)
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
            Some(Output::Patch(base, p)) => {
                assert_eq!(base.id, 7);
                assert_eq!(p.follow_up, Some(Some(jiff::civil::date(2026, 11, 24))));
                assert_eq!(p.contact_name.as_deref(), Some("Ms Rao"));
                assert_eq!(p.prep.tick, vec!["Tally".to_string()]);
                assert_eq!(p.notes, None, "untouched fields are not saved");
                assert_eq!(p.contact_phone, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_long_stored_note_is_kept_whole_and_not_saved_unless_edited() {
        let mut a = app();
        a.notes = "n".repeat(30_000);
        a.contact_phone = "9".repeat(250);
        let mut f = Form::edit(&a, &[]);
        assert_eq!(f.fields[0].input.text().chars().count(), 30_000);
        set(&mut f, FieldKey::Contact, "Ms Rao");
        match f.validate(TODAY) {
            Some(Output::Patch(_, p)) => {
                assert_eq!(p.notes, None);
                assert_eq!(p.contact_phone, None);
                assert_eq!(p.contact_name.as_deref(), Some("Ms Rao"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_refresh_takes_new_values_where_the_user_did_not_type() {
        let mut f = Form::edit(&app(), &[]);
        set(&mut f, FieldKey::Contact, "Ms Rao");
        let mut now = app();
        now.contact_phone = "+91 00000 33333".into();
        now.contact_name = "Mr Iyer".into();
        f.refresh(&now);
        let field = |f: &Form, k: FieldKey| {
            f.fields
                .iter()
                .find(|x| x.key == k)
                .map(|x| x.input.text().to_string())
        };
        assert_eq!(
            field(&f, FieldKey::Phone).as_deref(),
            Some("+91 00000 33333")
        );
        assert_eq!(field(&f, FieldKey::Contact).as_deref(), Some("Ms Rao"));
        let notice = f
            .fields
            .iter()
            .find(|x| x.key == FieldKey::Contact)
            .and_then(|x| x.notice.clone());
        assert!(notice.is_some_and(|n| n.contains("Mr Iyer")));
        // the base still has the old contact, so saving finds the conflict
        let base = f.base.as_ref().expect("base");
        assert_eq!(base.contact_name, "");
        assert_eq!(base.contact_phone, "+91 00000 33333");
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
