//! How long each text of an application may be: one limit per field,
//! the same at every entrance (the command line, `apps import`, the
//! app's forms and pastes). The command line and imports refuse a longer
//! value, naming the field; a form stops taking text at the limit and
//! says so. Nothing already stored is ever cut: a form saves only the
//! fields that were edited.

/// All of an application's notes together.
pub const NOTES: usize = 20_000;
/// The note kept with a change of stage (`apps move --note`).
pub const HISTORY_NOTE: usize = 1_000;
/// Title and company.
pub const TITLE: usize = 300;
/// City, where the job was seen, contact person, phone, interview place.
pub const LINE: usize = 200;

/// A text over its field's limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    pub field: &'static str,
    pub len: usize,
    pub max: usize,
}

/// Checks `text` (counted in characters) against `max`.
pub fn check(field: &'static str, text: &str, max: usize) -> Result<(), TooLong> {
    let len = text.chars().count();
    if len > max {
        return Err(TooLong { field, len, max });
    }
    Ok(())
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is {} characters long; the most it can hold is {}",
            self.field,
            crate::money::group_indian(self.len as u64),
            crate::money::group_indian(self.max as u64)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert!(check("notes", &"डे".repeat(100), 200).is_ok());
        let e = check("phone", &"9".repeat(201), LINE).expect_err("too long");
        assert_eq!(e.len, 201);
        assert!(e.to_string().contains("phone is 201 characters"), "{e}");
    }
}
