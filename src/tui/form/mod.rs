//! The tracker's form: edit an application's notes, dates, contact and
//! checklists, or add a job seen elsewhere. Saving validates every field
//! first; a field that does not parse says so and nothing is saved.
//!
//! An edit form remembers the application as it read it (its base) and
//! saves only the fields the user changed. When the store finds one of
//! them changed elsewhere meanwhile, the form asks: keep mine, keep
//! theirs, or see both (back to the form with both versions shown). A
//! save that fails keeps the form open with everything typed.

mod build;
mod save;
mod validate;

use jiff::civil::Date;

use super::input::{MAX_INPUT, TextInput};
use crate::catalog::City;
use crate::config;
use crate::tracker::edit::{self, Conflict};
use crate::tracker::limits::{LINE, NOTES, TITLE};
use crate::tracker::{Application, NewApp, Patch};

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Rupees;
    use crate::tracker::Status;

    const TODAY: Date = jiff::civil::date(2026, 11, 23);

    fn app() -> Application {
        Application {
            id: 7,
            listing_id: Some(1),
            status: Status::Applied,
            title: "Payroll Executive".into(),
            company: "Sahyadri Finserv".into(),
            city: "Pune".into(),
            salary_min: Some(Rupees(18_000)),
            salary_max: Some(Rupees(25_000)),
            source: "listing".into(),
            ..Application::sample()
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
