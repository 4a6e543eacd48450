//! How a search was read, in one line: `payroll · Pune · Remote · ≥ ₹20,000`.
//! Every word of it is written here (one place, for the translations to come).

use super::{ExpFilter, Filter, Interpretation, Note, PayFilter};

/// One piece of the reading, in the order it was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// A filter (shown as one), rather than free text or a remark.
    pub filter: bool,
    /// Where it was typed (`None` for remarks).
    pub at: Option<usize>,
}

fn pay(p: PayFilter) -> String {
    match p {
        PayFilter::About(x) => format!("≈ {}", x.display()),
        PayFilter::AtLeast(x) => format!("≥ {}", x.display()),
        PayFilter::AtMost(x) => format!("≤ {}", x.display()),
        PayFilter::Range(a, b) => format!(
            "{}–{}",
            a.display(),
            crate::money::group_indian(u64::from(b.0))
        ),
    }
}

fn years(n: u8) -> String {
    if n == 1 {
        "1 yr".to_string()
    } else {
        format!("{n} yrs")
    }
}

fn experience(e: ExpFilter) -> String {
    match e {
        ExpFilter::Years(0) => "Fresher".to_string(),
        ExpFilter::Years(n) => years(n),
        ExpFilter::AtLeast(n) => format!("{n}+ yrs"),
        ExpFilter::AtMost(n) => format!("up to {}", years(n)),
        ExpFilter::Range(a, b) => format!("{a}–{b} yrs"),
        ExpFilter::Experienced => "experienced".to_string(),
    }
}

/// A filter as the reading and the sidebar name it.
pub fn filter_label(f: &Filter) -> String {
    match f {
        Filter::Facet { label, .. } => label.clone(),
        Filter::Pay(p) => pay(*p),
        Filter::Experience(e) => experience(*e),
    }
}

fn not(negated: bool, s: String) -> String {
    if negated { format!("not {s}") } else { s }
}

impl Interpretation {
    /// The reading, piece by piece.
    pub fn segments(&self) -> Vec<Segment> {
        let mut out: Vec<Segment> = Vec::new();
        // words typed side by side read as one phrase
        let mut last_end = None;
        for t in &self.terms {
            let mut text = not(t.negated, t.words.join(" "));
            if let Some(c) = &t.corrected {
                text.push_str(&format!(" (or {c})"));
            }
            let follows = last_end.is_some_and(|end: usize| {
                self.text
                    .get(end..t.span.start)
                    .is_some_and(|gap| gap.trim().is_empty())
            });
            match out.last_mut() {
                Some(prev) if follows && !t.negated && !prev.text.starts_with("not ") => {
                    prev.text.push(' ');
                    prev.text.push_str(&text);
                }
                _ => out.push(Segment {
                    text,
                    filter: false,
                    at: Some(t.span.start),
                }),
            }
            last_end = Some(t.span.end);
        }

        for p in &self.parts {
            out.push(Segment {
                text: not(p.negated, filter_label(&p.filter)),
                filter: true,
                at: Some(p.span.start),
            });
        }
        for l in &self.literals {
            out.push(Segment {
                text: not(l.negated, format!("“{}” exactly", l.text)),
                filter: false,
                at: Some(l.span.start),
            });
        }
        if let Some((span, sort)) = &self.sort {
            out.push(Segment {
                text: match sort {
                    crate::search::Sort::Salary => "best paid first",
                    _ => "newest first",
                }
                .to_string(),
                filter: false,
                at: Some(span.start),
            });
        }
        if self.field && self.terms.iter().all(|t| t.negated) && self.literals.is_empty() {
            let at = self.boosts.first().map(|b| b.span.start);
            out.push(Segment {
                text: "all back-office jobs".to_string(),
                filter: false,
                at,
            });
        }
        out.sort_by_key(|s| s.at.unwrap_or(usize::MAX));
        // "vashi navi mumbai" names one place twice
        out.dedup_by(|a, b| a.text == b.text && a.filter == b.filter);
        for n in &self.notes {
            match n {
                Note::NotBackOffice(w) => out.push(Segment {
                    text: format!("“{w}” is voice, sales or field work, not back office"),
                    filter: false,
                    at: None,
                }),
                Note::Qualification(w) => out.push(Segment {
                    text: format!("“{w}”: listings do not filter by qualification"),
                    filter: false,
                    at: None,
                }),
            }
        }
        out
    }

    /// The reading as one line (empty when there is nothing to read).
    pub fn reading(&self) -> String {
        self.segments()
            .into_iter()
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// `“a”, “b” and “c”`.
pub fn quoted_list(words: &[String]) -> String {
    let q: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
    match q.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
