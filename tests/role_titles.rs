//! The role matcher against a labelled set of real-world job titles
//! (`tests/fixtures/roles/titles.tsv`): back-office titles as Indian boards
//! write them, and titles of other work, each with its right role or none.
//!
//! Targets (README, "Role matching"): of the roles assigned, at least 95%
//! right; of back-office titles, at least 85% get their role; of the
//! others, at least 95% get none.

use backdesk::catalog::Catalog;
use backdesk::import::Matcher;
use backdesk::search::Vocab;

struct Labelled {
    title: String,
    role: Option<String>,
    kind: String,
}

fn labelled() -> Vec<Labelled> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/roles/titles.tsv"
    );
    let text = std::fs::read_to_string(path).expect("the labelled titles");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 3, "three columns: {l:?}");
            Labelled {
                title: cols[0].to_string(),
                role: (cols[1] != "-").then(|| cols[1].to_string()),
                kind: cols[2].to_string(),
            }
        })
        .collect()
}

#[test]
fn the_labelled_set_is_large_and_uses_real_role_ids() {
    let cat = Catalog::embedded_without_listings().expect("catalogue");
    let set = labelled();
    assert!(set.len() >= 200, "{} titles", set.len());
    for l in &set {
        assert!(
            ["bo", "new", "other"].contains(&l.kind.as_str()),
            "{}: kind {}",
            l.title,
            l.kind
        );
        if let Some(r) = &l.role {
            assert!(
                cat.roles.iter().any(|x| &x.id == r),
                "{}: no role {r}",
                l.title
            );
        }
        match l.kind.as_str() {
            "bo" => assert!(
                l.role.is_some(),
                "{}: a back-office title has a role",
                l.title
            ),
            "other" => assert!(l.role.is_none(), "{}: other work has no role", l.title),
            _ => {}
        }
    }
    assert!(set.iter().filter(|l| l.kind == "other").count() >= 80);
}

#[test]
fn role_matching_meets_its_targets_on_real_titles() {
    let cat = Catalog::embedded_without_listings().expect("catalogue");
    let m = Matcher::new(Vocab::of(&cat));
    let set = labelled();
    let (mut assigned, mut right) = (0usize, 0usize);
    let (mut bo, mut bo_found) = (0usize, 0usize);
    let (mut other, mut other_none) = (0usize, 0usize);
    let mut wrong = Vec::new();
    for l in &set {
        let got = m
            .guess_role(&l.title, &[])
            .map(|r| cat.roles[r.role].id.clone());
        if got.is_some() {
            assigned += 1;
            if got == l.role {
                right += 1;
            }
        }
        match l.kind.as_str() {
            "bo" => {
                bo += 1;
                bo_found += usize::from(got.is_some() && got == l.role);
            }
            "other" => {
                other += 1;
                other_none += usize::from(got.is_none());
            }
            _ => {}
        }
        if got != l.role && (l.kind != "new" || got.is_some()) {
            wrong.push(format!(
                "  {:<60} want {:<32} got {}",
                l.title,
                l.role.as_deref().unwrap_or("-"),
                got.as_deref().unwrap_or("-")
            ));
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let precision = pct(right, assigned);
    let recall = pct(bo_found, bo);
    let none = pct(other_none, other);
    eprintln!(
        "{} titles: precision {precision:.1}% ({right}/{assigned}), back-office recall {recall:.1}% ({bo_found}/{bo}), others with no role {none:.1}% ({other_none}/{other})\n{}",
        set.len(),
        wrong.join("\n")
    );
    assert!(precision >= 95.0, "precision {precision:.1}%");
    assert!(recall >= 85.0, "recall {recall:.1}%");
    assert!(none >= 95.0, "none {none:.1}%");
}

#[test]
fn exact_titles_are_not_guesses_and_guesses_are() {
    let cat = Catalog::embedded_without_listings().expect("catalogue");
    let m = Matcher::new(Vocab::of(&cat));
    let id = |r: Option<backdesk::import::RoleMatch>| {
        r.map(|r| (cat.roles[r.role].id.as_str(), r.guessed))
    };
    assert_eq!(
        id(m.guess_role("MIS Executive", &[])),
        Some(("mis-executive", false))
    );
    assert_eq!(
        id(m.guess_role("Urgent Hiring: Data Entry Operator (WFH) - Pune", &[])),
        Some(("data-entry-specialist", false))
    );
    assert_eq!(
        id(m.guess_role("Accounts Receivable Specialist", &[])),
        Some(("accounts-receivable-clerk", true))
    );
    // the word "entry" alone is no evidence
    assert_eq!(
        id(m.guess_role("Software Developer - Entry Level", &[])),
        None
    );
    assert_eq!(id(m.guess_role("Senior Controls Engineer", &[])), None);
}
