//! Other forms of an English word, so `accountants` finds "Accountant",
//! `payrolls` "Payroll" and `processing` "Processor".
//!
//! Matching already forgives what a word leaves out ("account" is found in
//! "Accountant"), so a form only needs to be a shorter word the listing's
//! word starts with: the singular of a plural, and the root under `-ing`,
//! `-er`, `-or`, `-ion`. A root must keep six letters, so "officer" is not
//! taken for "office" nor "billing" for "bill". (A Snowball stemmer was
//! tried on paper and rejected: it rewrites endings, "salary" to "salari",
//! and the rewritten root is in no listing.)

/// Shorter forms of `word` (lowercase), longest first; empty when it has
/// none.
pub(crate) fn forms(word: &str) -> Vec<String> {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let singular = singular(word);
    if let Some(s) = &singular {
        out.push(s.clone());
    }
    let base = singular.as_deref().unwrap_or(word);
    for suffix in ["ing", "ion", "ers", "ors", "er", "or"] {
        if let Some(root) = base.strip_suffix(suffix)
            && root.len() >= 6
        {
            out.push(root.to_string());
            break;
        }
    }
    out.retain(|f| f != word);
    out.dedup();
    out
}

fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() >= 3
    {
        return Some(format!("{stem}y"));
    }
    for tail in ["sses", "xes", "zes", "ches", "shes"] {
        if word.ends_with(tail) {
            return Some(word[..word.len() - 2].to_string());
        }
    }
    if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return Some(word[..word.len() - 1].to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_roots() {
        assert_eq!(forms("accountants"), ["accountant"]);
        assert_eq!(forms("executives"), ["executive"]);
        assert_eq!(forms("payrolls"), ["payroll"]);
        assert_eq!(forms("vacancies"), ["vacancy"]);
        assert_eq!(forms("processes"), ["process"]);
        assert_eq!(forms("processing"), ["process"]);
        assert_eq!(forms("processor"), ["process"]);
        assert_eq!(forms("processors"), ["processor", "process"]);
        assert_eq!(forms("recruiter"), ["recruit"]);
        assert_eq!(forms("operations"), ["operation", "operat"]);
    }

    #[test]
    fn short_roots_and_non_words_are_left_alone() {
        assert!(forms("officer").is_empty(), "not 'office'");
        assert!(forms("billing").is_empty(), "not 'bill'");
        assert!(forms("analysis").is_empty());
        assert!(forms("status").is_empty());
        assert!(forms("hrs").is_empty());
        assert!(forms("class").is_empty());
        assert!(forms("डेटा").is_empty());
        assert!(forms("l1s").is_empty());
    }
}
