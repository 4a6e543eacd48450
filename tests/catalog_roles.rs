//! The roles, career paths, places and companies are right: the facts the
//! domain review found wrong stay corrected, the missing jobs stay present.

use std::collections::{HashMap, HashSet};

use backdesk::catalog::{Catalog, CompanyKind, Level, Role, path_bands};

fn catalog() -> Catalog {
    Catalog::embedded().expect("the embedded catalogue loads")
}

fn role<'a>(c: &'a Catalog, id: &str) -> &'a Role {
    c.role(id).unwrap_or_else(|| panic!("role {id} is missing"))
}

fn text(r: &Role) -> String {
    let mut t = vec![r.summary.clone()];
    t.extend(r.responsibilities.iter().cloned());
    t.extend(r.qualifications.iter().cloned());
    t.join(" ")
}

#[test]
fn bands_start_where_the_qualifications_say_the_role_hires() {
    let c = catalog();
    for r in &c.roles {
        let h = c.hiring(&r.id).expect("hiring");
        let first = r.bands.first().expect("bands").level;
        if h.min_years == 0 {
            assert_eq!(first, Level::Fresher, "{}", r.id);
        } else {
            let n = h.min_years;
            let said = r.qualifications.iter().any(|q| {
                q.contains(&format!("{n}+ years")) || q.contains(&format!("{n} or more years"))
            });
            assert!(said, "{}: qualifications should say {n}+ years", r.id);
            assert!(
                r.qualifications.iter().all(|q| !q.starts_with("Freshers")),
                "{}",
                r.id
            );
            assert!(first != Level::Fresher, "{}: a fresher band", r.id);
        }
    }
    // the cases
    for (id, years) in [
        ("compliance-officer", 4),
        ("payroll-manager", 6),
        ("back-office-operations-manager", 5),
        ("accountant", 3),
        ("office-administrator", 3),
        ("team-leader", 3),
    ] {
        assert_eq!(c.hiring(id).expect(id).min_years, years, "{id}");
        assert!(role(&c, id).band(Level::Junior).is_none(), "{id}");
    }
}

#[test]
fn career_paths_are_promotions_without_cycles() {
    let c = catalog();
    let pos: HashMap<&str, usize> = c
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    // no cycles at all (so no 2-cycles)
    fn visit(c: &Catalog, pos: &HashMap<&str, usize>, i: usize, stack: &mut Vec<usize>) {
        for next in &c.roles[i].leads_to {
            let j = pos[next.as_str()];
            assert!(
                !stack.contains(&j),
                "cycle through {} and {next}",
                c.roles[i].id
            );
            stack.push(j);
            visit(c, pos, j, stack);
            stack.pop();
        }
    }
    for i in 0..c.roles.len() {
        visit(&c, &pos, i, &mut vec![i]);
    }
    // every step pays more, from every level of the role before
    for (i, r) in c.roles.iter().enumerate() {
        for next in &r.leads_to {
            let j = pos[next.as_str()];
            for b in &r.bands {
                let steps = path_bands(&c.roles, &[i, j], b.level);
                let (from, to) = (steps[0].expect("band"), steps[1].expect("band"));
                assert!(
                    to.min >= from.min && to.max > from.max,
                    "{} ({}) -> {next} pays {}-{} after {}-{}",
                    r.id,
                    b.level.id(),
                    to.min,
                    to.max,
                    from.min,
                    from.max
                );
            }
        }
    }
    let leads = |a: &str, b: &str| role(&c, a).leads_to.iter().any(|x| x == b);
    // the odd jumps and pay-downs the review found are gone
    for (a, b) in [
        ("kyc-analyst", "compliance-assistant"),
        ("payroll-specialist", "hr-operations-specialist"),
        ("records-executive", "data-manager"),
        ("recruitment-coordinator", "team-leader"),
        ("operations-coordinator", "supply-chain-executive"),
        ("reconciliation-analyst", "financial-operations-executive"),
        ("risk-analyst", "data-analyst"),
        ("accountant", "back-office-operations-manager"),
    ] {
        assert!(!leads(a, b), "{a} -> {b}");
    }
    // and the missing middle steps are there
    assert!(leads("accountant", "accounts-manager"));
    assert!(leads("accounts-executive", "accountant"));
    assert!(leads("system-administrator", "it-lead"));
    assert!(leads("tally-operator", "bookkeeper"));
}

#[test]
fn team_leaders_earn_like_team_leaders() {
    let c = catalog();
    let tl = role(&c, "team-leader");
    // non-voice team leaders: about ₹28-50k (indicative)
    assert!(
        tl.bands
            .iter()
            .all(|b| b.min.0 >= 28_000 && b.max.0 <= 50_000)
    );
    let ops = role(&c, "back-office-operations-manager");
    let top = tl.bands.last().expect("band");
    assert!(
        ops.bands.iter().all(|b| b.min.0 > top.max.0 * 11 / 10),
        "a real step up"
    );
    let acc = role(&c, "accountant");
    assert!(
        acc.bands.iter().all(|b| b.max.0 <= 80_000),
        "accountants are not finance heads"
    );
}

#[test]
fn role_facts_the_review_corrected() {
    let c = catalog();
    // JAIIB is for people already working in a bank
    for r in &c.roles {
        for q in &r.qualifications {
            if q.contains("JAIIB") {
                assert!(
                    q.contains("working in") || q.contains("employees"),
                    "{}: {q}",
                    r.id
                );
            }
        }
    }
    // documentation executive means export or loan papers, not scanning
    let variants = |id: &str| role(&c, id).title_variants.clone();
    assert!(
        !variants("document-processor")
            .iter()
            .any(|t| t.contains("Documentation"))
    );
    assert!(
        variants("export-documentation-executive").contains(&"Documentation Executive".to_string())
    );
    // collections and loan officers are field or sales jobs
    for r in &c.roles {
        for t in std::iter::once(&r.title).chain(&r.title_variants) {
            assert!(
                t != "Collections Executive" && t != "Loan Officer",
                "{}: {t}",
                r.id
            );
        }
    }
    // bookkeepers here use Tally, Busy, Marg and Zoho Books
    let bk = role(&c, "bookkeeper");
    for s in ["Tally", "Busy", "Marg", "Zoho Books"] {
        assert!(bk.skills.iter().any(|x| x == s), "bookkeeper lacks {s}");
    }
    assert!(!bk.skills.iter().any(|x| x == "QuickBooks"));
    for id in [
        "payroll-specialist",
        "hr-operations-specialist",
        "payroll-manager",
    ] {
        assert!(role(&c, id).skills.iter().any(|s| s == "greytHR"), "{id}");
    }
    assert!(
        role(&c, "data-entry-specialist")
            .skills
            .iter()
            .any(|s| s == "Hindi Typing")
    );
    // payroll and HR operations under the labour codes
    for id in [
        "payroll-specialist",
        "hr-operations-specialist",
        "payroll-manager",
    ] {
        let t = text(role(&c, id));
        assert!(t.contains("labour codes"), "{id}");
        assert!(t.contains("two working days"), "{id}");
    }
    // medical billing split: the AR job is a voice job; coders are certified,
    // on days, and better paid
    let billing = role(&c, "medical-billing-executive");
    let coder = role(&c, "medical-coder");
    assert!(text(billing).contains("voice job"));
    assert!(!billing.title_variants.iter().any(|t| t.contains("Coder")));
    assert!(text(coder).contains("CPC"));
    assert_eq!(coder.night_shift_share, 0.0);
    for b in &billing.bands {
        let cb = coder.band(b.level).expect("coder band");
        assert!(cb.min > b.min && cb.max > b.max, "{:?}", b.level);
    }
    // financial operations and reconciliation are told apart
    let finops = text(role(&c, "financial-operations-executive"));
    let recon = text(role(&c, "reconciliation-analyst"));
    assert!(
        finops.contains("Reconciliation Analyst")
            && recon.contains("Financial Operations Executive")
    );
}

#[test]
fn the_missing_roles_are_there_in_full() {
    let c = catalog();
    let listed: HashSet<&str> = c.listings.iter().map(|l| l.role.as_str()).collect();
    let reached: HashSet<&str> = c
        .roles
        .iter()
        .flat_map(|r| r.leads_to.iter().map(String::as_str))
        .collect();
    for id in [
        "export-documentation-executive",
        "purchase-executive",
        "ecommerce-catalogue-executive",
        "policy-issuance-executive",
        "medical-coder",
        "tpa-desk-executive",
        "data-annotation-executive",
        "content-moderator",
        "broking-operations-executive",
        "credit-underwriter",
        "accounts-executive",
        "tally-operator",
        "accounts-manager",
        "it-lead",
    ] {
        let r = role(&c, id);
        assert!(r.responsibilities.len() >= 6, "{id}");
        assert!(r.summary.len() >= 120, "{id}");
        assert!(r.skills.len() >= 6 && r.title_variants.len() >= 3, "{id}");
        assert!(!r.bands.is_empty(), "{id}");
        assert!(c.hiring(id).is_some(), "{id}");
        assert!(listed.contains(id), "{id} has no listings");
        assert!(
            !r.leads_to.is_empty() || reached.contains(id),
            "{id} is on no career path"
        );
    }
    // a title belongs to one role only, so an imported title finds its role
    let mut seen: HashMap<String, &str> = HashMap::new();
    for r in &c.roles {
        for t in std::iter::once(&r.title).chain(&r.title_variants) {
            if let Some(other) = seen.insert(t.to_lowercase(), r.id.as_str()) {
                panic!("{t} is a title of both {other} and {}", r.id);
            }
        }
    }
}

#[test]
fn places_are_right() {
    let c = catalog();
    let city = |n: &str| c.city_named(n).unwrap_or_else(|| panic!("{n}"));
    assert_eq!(city("Pondicherry").name, "Puducherry");
    assert_eq!(city("Calicut").name, "Kozhikode");
    assert_eq!(city("Thane").state_code, "MH");
    // Jeypore is a town in Odisha, not Jaipur
    assert!(c.city_named("Jeypore").is_none());
    // Telangana: TG since 2024, TS still written
    assert_eq!(c.state("TG").expect("TG").name, "Telangana");
    assert_eq!(c.state("TS").expect("TS").name, "Telangana");
    assert_eq!(city("Hyderabad").state_code, "TG");
    // tiers are the HRA classes: X = 1, Y = 2
    for n in [
        "Mumbai",
        "Delhi",
        "Bengaluru",
        "Hyderabad",
        "Chennai",
        "Kolkata",
        "Pune",
        "Ahmedabad",
    ] {
        assert_eq!(city(n).tier, 1, "{n}");
    }
    for n in [
        "Mohali",
        "Mysuru",
        "Mangaluru",
        "Dehradun",
        "Noida",
        "Gurugram",
        "Kozhikode",
    ] {
        assert_eq!(city(n).tier, 2, "{n}");
    }
    // Delhi NCR is a region of five cities, not another name for Delhi
    let ncr = c.region("NCR").expect("NCR");
    assert_eq!(c.region("Delhi NCR").map(|r| &r.id), Some(&ncr.id));
    let mut members: Vec<&str> = ncr.cities.iter().map(String::as_str).collect();
    members.sort_unstable();
    assert_eq!(
        members,
        ["Delhi", "Faridabad", "Ghaziabad", "Gurugram", "Noida"]
    );
    assert!(c.city_named("Delhi NCR").is_none());
    assert!(
        c.listings
            .iter()
            .filter(|l| c.city(l.city_id).is_some_and(|x| ncr.contains(x)))
            .count()
            > 100
    );
}

#[test]
fn companies_are_fictional_and_of_the_right_kind() {
    let c = catalog();
    for co in &c.companies {
        assert!(
            !["Deccan State Cooperative Bank", "Mangala Clinics"].contains(&co.name.as_str()),
            "{} is too close to a real institution",
            co.name
        );
        let coop = co.name.contains("Cooperative") || co.name.contains("Sahakara");
        if coop {
            assert_eq!(co.kind, CompanyKind::Cooperative, "{}", co.name);
        }
        if co.kind == CompanyKind::PsuGovernment {
            assert!(!coop, "{}", co.name);
        }
    }
    // the employer kinds the roles need exist
    let p = |f| c.profiles.iter().filter(|p| p.has(f)).count();
    use backdesk::catalog::Function as F;
    for f in [
        F::Audit,
        F::Claims,
        F::TpaDesk,
        F::Export,
        F::Catalogue,
        F::Securities,
        F::MedicalCoding,
    ] {
        assert!(p(f) >= 2, "{f:?}");
    }
}
