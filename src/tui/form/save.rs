//! Saving a form: the base brought up to date, conflicts with what was
//! saved elsewhere settled, a failed save kept open.

use jiff::civil::Date;

use super::{ConflictPrompt, FieldKey, Form, Step};
use crate::tracker::edit::{self, Conflict};
use crate::tracker::{Application, DOCUMENTS};
use crate::tui::input::TextInput;

impl Form {
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
    pub(super) fn settle(&mut self, choice: char, today: Date) -> Step {
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

    pub(super) fn save(&mut self, today: Date) -> Step {
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
}

/// The text a form field shows for an application's value.
fn shown(f: edit::Field, a: &Application) -> String {
    match f {
        edit::Field::Interview => edit::Field::Interview.of(a).replace('T', " "),
        other => other.of(a),
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
