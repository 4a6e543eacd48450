//! Saving an edit made while others may write too: only the fields the
//! user changed are written, and a field the user changed that was also
//! changed elsewhere since the form opened is a [`Conflict`] for the user
//! to settle (keep mine, keep theirs, or see both), never silently lost.
//! Checklists never conflict: ticks and unticks apply to what is stored.

use super::dates::format_datetime;
use super::{Application, Patch};

/// A field an edit can change and another writer can have changed too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Notes,
    Contact,
    Phone,
    FollowUp,
    Interview,
    Mode,
    Place,
    Expected,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Notes,
        Field::Contact,
        Field::Phone,
        Field::FollowUp,
        Field::Interview,
        Field::Mode,
        Field::Place,
        Field::Expected,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Notes => "Notes",
            Field::Contact => "Contact person",
            Field::Phone => "Phone",
            Field::FollowUp => "Follow-up date",
            Field::Interview => "Interview",
            Field::Mode => "Interview mode",
            Field::Place => "Interview place",
            Field::Expected => "Expected salary",
        }
    }

    /// The field's value in `a`, as text to compare and show.
    pub fn of(self, a: &Application) -> String {
        match self {
            Field::Notes => a.notes.trim_end().to_string(),
            Field::Contact => a.contact_name.clone(),
            Field::Phone => a.contact_phone.clone(),
            Field::FollowUp => a.follow_up.map(|d| d.to_string()).unwrap_or_default(),
            Field::Interview => a.interview_at.map(format_datetime).unwrap_or_default(),
            Field::Mode => a
                .interview_mode
                .map(|m| m.id().to_string())
                .unwrap_or_default(),
            Field::Place => a.interview_place.clone(),
            Field::Expected => a
                .expected_salary
                .map(|r| r.0.to_string())
                .unwrap_or_default(),
        }
    }

    /// The value `p` sets this field to, if it sets it.
    pub fn in_patch(self, p: &Patch) -> Option<String> {
        match self {
            Field::Notes => p.notes.as_ref().map(|s| s.trim_end().to_string()),
            Field::Contact => p.contact_name.clone(),
            Field::Phone => p.contact_phone.clone(),
            Field::FollowUp => p
                .follow_up
                .map(|d| d.map(|d| d.to_string()).unwrap_or_default()),
            Field::Interview => p
                .interview_at
                .map(|d| d.map(format_datetime).unwrap_or_default()),
            Field::Mode => p
                .interview_mode
                .map(|m| m.map(|m| m.id().to_string()).unwrap_or_default()),
            Field::Place => p.interview_place.clone(),
            Field::Expected => p
                .expected_salary
                .map(|r| r.map(|r| r.0.to_string()).unwrap_or_default()),
        }
    }

    /// `p` without this field.
    fn clear(self, p: &mut Patch) {
        match self {
            Field::Notes => p.notes = None,
            Field::Contact => p.contact_name = None,
            Field::Phone => p.contact_phone = None,
            Field::FollowUp => p.follow_up = None,
            Field::Interview => p.interview_at = None,
            Field::Mode => p.interview_mode = None,
            Field::Place => p.interview_place = None,
            Field::Expected => p.expected_salary = None,
        }
    }
}

/// Copies field `f` of `from` into `to`.
pub fn copy(f: Field, to: &mut Application, from: &Application) {
    match f {
        Field::Notes => to.notes = from.notes.clone(),
        Field::Contact => to.contact_name = from.contact_name.clone(),
        Field::Phone => to.contact_phone = from.contact_phone.clone(),
        Field::FollowUp => to.follow_up = from.follow_up,
        Field::Interview => to.interview_at = from.interview_at,
        Field::Mode => to.interview_mode = from.interview_mode,
        Field::Place => to.interview_place = from.interview_place.clone(),
        Field::Expected => to.expected_salary = from.expected_salary,
    }
}

/// A field both this edit and another writer changed, differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub field: Field,
    /// What the form would save.
    pub mine: String,
    /// What is stored now (saved elsewhere since the form opened).
    pub theirs: String,
}

/// What saving an edit did.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written (the fields changed, in one transaction).
    Saved,
    /// Nothing written: these fields were changed elsewhere since `base`;
    /// `current` is the application as stored now.
    Conflicts {
        conflicts: Vec<Conflict>,
        current: Box<Application>,
    },
}

/// The fields `p` changes that `current` no longer has as in `base` and
/// that `p` would set to something else than `current` has.
pub fn conflicts(base: &Application, current: &Application, p: &Patch) -> Vec<Conflict> {
    Field::ALL
        .iter()
        .filter_map(|&f| {
            let mine = f.in_patch(p)?;
            let theirs = f.of(current);
            (f.of(base) != theirs && mine != theirs).then_some(Conflict {
                field: f,
                mine,
                theirs,
            })
        })
        .collect()
}

/// `p` without the given fields: "keep theirs" for them.
pub fn without(p: &Patch, fields: &[Field]) -> Patch {
    let mut out = p.clone();
    for f in fields {
        f.clear(&mut out);
    }
    out
}

/// Both versions of notes in one text: what is stored now, then the
/// lines of mine that were neither there when the form opened nor are
/// there now. Nothing of either is dropped that the other lacks, except
/// lines I deleted from the original that theirs still has.
pub fn merge_notes(base: &str, mine: &str, theirs: &str) -> String {
    let old: Vec<&str> = base.lines().collect();
    let now: Vec<&str> = theirs.lines().collect();
    let mut out = theirs.trim_end().to_string();
    for line in mine.lines() {
        if old.contains(&line) || now.contains(&line) {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(notes: &str, phone: &str) -> Application {
        Application {
            notes: notes.into(),
            contact_phone: phone.into(),
            ..Application::sample()
        }
    }

    #[test]
    fn only_fields_changed_on_both_sides_differently_conflict() {
        let base = app("a", "1");
        let current = app("a\nfrom cli", "1");
        let mine = Patch {
            contact_phone: Some("2".into()),
            ..Patch::default()
        };
        assert!(conflicts(&base, &current, &mine).is_empty(), "phone only");
        let mine = Patch {
            notes: Some("a\nfrom form".into()),
            ..Patch::default()
        };
        let c = conflicts(&base, &current, &mine);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, Field::Notes);
        assert_eq!(c[0].theirs, "a\nfrom cli");
        // the same change on both sides is no conflict
        let same = Patch {
            notes: Some("a\nfrom cli".into()),
            ..Patch::default()
        };
        assert!(conflicts(&base, &current, &same).is_empty());
        assert_eq!(without(&mine, &[Field::Notes]), Patch::default());
    }

    #[test]
    fn merged_notes_keep_both_sides_lines() {
        assert_eq!(merge_notes("a", "a\nmine", "a\ntheirs"), "a\ntheirs\nmine");
        assert_eq!(merge_notes("", "mine", ""), "mine");
    }
}
