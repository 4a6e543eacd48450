//! What the fuzz targets run (`fuzz/fuzz_targets/*.rs`),
//! shared with `tests/fuzz_regressions.rs` so that an input kept from a
//! fuzzing run is checked by `cargo test` through the very same code.
//! Both functions take any bytes; they panic only when an invariant fails.

// Fuzz targets report a broken invariant by panicking: that is their job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use ratatui::crossterm::event::KeyEvent;

use crate::catalog::{
    Catalog, CompanyKind, EmploymentType, Industry, ListingFacts, Shift, WorkMode,
};
use crate::config::{self, Config, KeySpec, SalarySpec};
use crate::fit::FitProfile;
use crate::keys::{Code, Command, Key, Keymap, Kind, Mode};
use crate::money::parse_salary;
use crate::search::text::TextQuery;
use crate::search::{Facet, FacetSet, Highlighter, Index, Query, Results, Searcher, Sort, never};
use crate::tui::keymap::key_action;
use crate::tui::theme::Theme;

/// The file name the config target parses under.
pub const CONFIG_FILE: &str = "fuzz.toml";

fn catalogue() -> &'static Catalog {
    static CATALOGUE: OnceLock<Catalog> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalog::embedded_without_listings().expect("the embedded catalogue loads"))
}

/// An import file of `format`: parsed, and whatever postings come out
/// matched to the catalogue. Any input gives postings or an error, and
/// what comes out holds together (see [`check_plan`]).
pub fn import(format: crate::import::InputFormat, bytes: &[u8]) {
    use crate::import::{Matcher, parse};
    thread_local! {
        // the matcher caches lookups in a RefCell: one per thread
        static MATCHER: Matcher = Matcher::new(crate::search::Vocab::of(catalogue()));
    }
    let file = match parse("fuzz", format, bytes) {
        Ok(f) => f,
        Err(e) => {
            // an error says where, in lines and characters of the input
            if let (Some((line, col)), Ok(text)) = (e.at, std::str::from_utf8(bytes)) {
                let lines = line_count(text);
                assert!(
                    line >= 1 && line <= lines.max(1),
                    "error line {line} of {lines}: {e}"
                );
                assert!(col >= 1, "error column {col}: {e}");
            }
            return;
        }
    };
    let again = parse("fuzz", format, bytes).expect("the same input parses again");
    assert_eq!(file, again, "parsing is not deterministic");
    let lines = std::str::from_utf8(bytes).map_or(0, line_count);
    for p in &file.postings {
        if let Some(l) = p.line {
            assert!(l >= 1 && l <= lines.max(1), "posting line {l} of {lines}");
        }
    }
    MATCHER.with(|m| {
        let plan = m.plan("fuzz", "fuzz", file, jiff::civil::date(2025, 1, 1));
        check_plan(&plan);
    });
}

/// Lines as the importers count them: CR LF, LF and a lone CR each end
/// one (a saved page's lone CRs are line ends to the HTML parser).
fn line_count(text: &str) -> u64 {
    let b = text.as_bytes();
    let ends = (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count();
    ends as u64 + 1
}

/// What an import plan promises whatever the input: every listing has a
/// title and a company; its currency is an ISO code; its ranges are in
/// order; a catalogue city has its state, and any state is an Indian one
/// (places abroad have none).
pub fn check_plan(plan: &crate::import::FilePlan) {
    for l in &plan.listings {
        assert!(
            !l.title.trim().is_empty(),
            "a listing without a title: {l:?}"
        );
        assert!(
            !l.company.trim().is_empty(),
            "a listing without a company: {l:?}"
        );
        assert!(
            l.currency.len() == 3 && l.currency.chars().all(|c| c.is_ascii_uppercase()),
            "currency {:?}",
            l.currency
        );
        if let (Some(a), Some(b)) = (l.salary_min, l.salary_max) {
            assert!(a <= b, "salary {a} > {b}");
        }
        assert!(l.experience_min <= l.experience_max, "experience {l:?}");
        if l.city_id.is_some() {
            assert!(
                l.state.is_some(),
                "a catalogue city without its state: {l:?}"
            );
        }
        if let Some(s) = &l.state {
            assert!(
                crate::import::places::indian_state(s).is_some()
                    || catalogue().cities.iter().any(|c| &c.state == s),
                "state {s:?} is no Indian state: {l:?}"
            );
        }
        assert!(!l.location.trim().is_empty(), "no location: {l:?}");
        assert!(l.number >= 1);
    }
}

/// Config text: parsed, then used the way start-up uses it (keymap, theme,
/// profile), then the profile written back onto the same text.
pub fn config(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let prefix = format!("{CONFIG_FILE}: ");
    let (cfg, warnings) = match Config::parse(text, CONFIG_FILE) {
        Ok(parsed) => parsed,
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(&prefix), "error without the file: {msg}");
            return;
        }
    };
    for w in &warnings {
        assert!(w.starts_with(&prefix), "warning without the file: {w}");
    }
    check_keys(&cfg.keys);
    let _ = Theme::from_config(&cfg.theme);
    let cat = catalogue();
    let (fit, _warnings) = FitProfile::resolve(&cfg.profile, &cat.skills, &cat.cities);
    assert_eq!(
        fit.skill_names.len(),
        fit.skills.count_ones() as usize,
        "{fit:?}"
    );
    // What `write_profile` writes must load back as the same config: the
    // profile as it was set, everything else untouched.
    let written = config::with_profile(text, CONFIG_FILE, &cfg.profile)
        .unwrap_or_else(|e| panic!("the profile cannot be written into a valid config: {e}"));
    match Config::parse(&written, CONFIG_FILE) {
        Ok((again, _)) => assert_eq!(again, cfg, "written:\n{written}"),
        Err(e) => panic!("the written config does not load: {e}\nwritten:\n{written}"),
    }
}

/// Every key the config binds: pressing it (as the terminal reports it)
/// runs the command it was given to, and the way help writes it reads
/// back as the same key.
fn check_keys(keys: &BTreeMap<Command, KeySpec>) {
    let keymap = Keymap::from_config(keys);
    // a key listed under several commands stays with the last one (on
    // the screens they share)
    let mut owner: HashMap<Key, Command> = HashMap::new();
    for (&c, spec) in keys {
        for key in spec.keys() {
            owner.insert(key, c);
        }
    }
    for (key, c) in owner {
        let shown = key.name();
        assert_eq!(
            shown.parse::<Key>(),
            Ok(key),
            "keys.{} = {shown:?} is shown as another key",
            c.name()
        );
        let mode = if c.kind() == Kind::Edit {
            Mode::Type
        } else {
            Mode::Browse
        };
        assert_eq!(
            keymap.command(mode, key, c.screens()),
            Some(c),
            "keys.{} = {shown:?}",
            c.name()
        );
        let ev = terminal_event(key);
        let pressed = key_action(&keymap, &ev, mode, c.screens());
        assert_eq!(
            pressed,
            Some(c.into()),
            "keys.{} = {shown:?}: pressing it does something else",
            c.name()
        );
    }
}

/// The event a terminal sends for `key`.
fn terminal_event(key: Key) -> KeyEvent {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let code = match key.code {
        Code::Char(c) => KeyCode::Char(c),
        Code::Enter => KeyCode::Enter,
        Code::Esc => KeyCode::Esc,
        Code::Tab => KeyCode::Tab,
        Code::BackTab => KeyCode::BackTab,
        Code::Backspace => KeyCode::Backspace,
        Code::Delete => KeyCode::Delete,
        Code::Insert => KeyCode::Insert,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
        Code::Home => KeyCode::Home,
        Code::End => KeyCode::End,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::F(n) => KeyCode::F(n),
    };
    let mut mods = KeyModifiers::NONE;
    if key.mods.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if key.mods.alt {
        mods |= KeyModifiers::ALT;
    }
    if key.mods.shift || key.code == Code::BackTab {
        mods |= KeyModifiers::SHIFT;
    }
    KeyEvent::new(code, mods)
}

const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 23);

/// A small index: synthetic listings plus a few odd imported-looking ones
/// (non-ASCII text, companies and sources spelt two ways, no salary, a
/// date in the future, a town the catalogue does not know).
pub fn index() -> &'static Arc<Index> {
    static INDEX: OnceLock<Arc<Index>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut b =
            crate::session::synthetic_builder(300, 7, TODAY).expect("the embedded catalogue loads");
        let odd: [(&str, &str, &str, &str, &str); 6] = [
            (
                "Data Entry Operator / डेटा एंट्री ऑपरेटर",
                "Acme Services",
                "Pune",
                "Data Entry;MS Excel;Hindi typing",
                "jobs.csv",
            ),
            (
                "DATA ENTRY OPERATOR",
                "ACME SERVICES",
                "Pune",
                "data entry;EXCEL",
                "Jobs.csv",
            ),
            (
                "İstanbul desk: Straße KELVIN K, ﬁnance",
                "Café Noir Pvt Ltd",
                "Khopoli",
                "Tally;SAP FICO",
                "saved-page.html",
            ),
            (
                "📊 MIS Analyst (ＦＵＬＬＷＩＤＴＨ) e\u{301}\u{200d}",
                "ஸ்ரீ Textiles",
                "Chennai",
                "",
                "jobs.csv",
            ),
            (
                "Back Office Executive - Work from Home",
                "acme services",
                "",
                "Communication;;  ;MS Word",
                "catalog",
            ),
            (
                "Payroll\tExecutive\u{7}",
                "Trikon BPO Services",
                "Navi Mumbai",
                "Payroll;Excel",
                "Jobs.csv",
            ),
        ];
        let roles = [
            "data-entry-specialist",
            "mis-executive",
            "payroll-specialist",
        ];
        for (i, (title, company, city, skills, source)) in odd.into_iter().enumerate() {
            let n = i as u32;
            b.push(&ListingFacts {
                id: 1_000_000 + i64::from(n),
                title,
                role_id: roles.get(i % 4).copied(),
                company,
                company_id: None,
                company_type: (i % 2 == 0).then_some(CompanyKind::ALL[i % CompanyKind::ALL.len()]),
                industry: (i % 3 == 0).then_some(Industry::ALL[i % Industry::ALL.len()]),
                city,
                city_id: None,
                work_mode: WorkMode::ALL[i % WorkMode::ALL.len()],
                employment_type: EmploymentType::ALL[i % EmploymentType::ALL.len()],
                shift: Shift::ALL[i % Shift::ALL.len()],
                experience_min: [0, 0, 3, 50, 1, 2][i],
                experience_max: [0, 2, 5, 50, 1, 8][i],
                salary_min: [
                    Some(12_000),
                    None,
                    Some(0),
                    None,
                    Some(40_000),
                    Some(u32::MAX - 1),
                ][i],
                salary_max: [
                    Some(18_000),
                    None,
                    Some(0),
                    Some(9_000),
                    None,
                    Some(u32::MAX - 1),
                ][i],
                skills,
                languages: [
                    "Hindi;English",
                    "",
                    "Marathi;Tamil;Bengali",
                    "Tamil",
                    "English",
                    "English;English",
                ][i],
                posted: [
                    TODAY,
                    jiff::civil::date(2000, 1, 1),
                    jiff::civil::date(2027, 3, 1),
                    jiff::civil::date(2026, 11, 1),
                    TODAY,
                    jiff::civil::date(2025, 6, 30),
                ][i],
                source,
                description: title,
            });
        }
        Arc::new(b.finish())
    })
}

/// A query, written like the command line, one item a line:
///
/// ```text
/// payroll pune             the first line is the search box text
/// city=Pune                FILTER=VALUE: --FILTER VALUE (any filter name)
/// not=industry=bpo         --not FILTER=VALUE
/// sort=salary              --sort
/// min-salary=25k           --min-salary, --max-salary
/// experience=2             --experience, --posted-within, --within-km
/// home-city=Bangalore      --home-city
/// profile-skill=Excel      the profile, for the best-fit sort (also
///                          profile-city, profile-years, profile-salary)
/// json={"text":"mis"}      a saved search's query, as stored
/// ```
///
/// Values are checked the way the CLI checks them; one it rejects is left
/// out (after its message is made). The queries are then run through a
/// [`Searcher`] one after another (a few prefixes of the text first, as if
/// typed, then the saved search, then the full query) and each result is
/// compared with a fresh search and checked.
pub fn query(bytes: &[u8]) {
    let input = String::from_utf8_lossy(bytes);
    let ix = index();
    let mut lines = input.split('\n');
    let mut q = Query::text(lines.next().unwrap_or_default());
    let mut saved = None;
    let mut me = config::Profile::default();
    for line in lines {
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        let number = |v: &str| v.trim().parse::<u32>().ok();
        match name.trim() {
            "sort" => match Sort::parse(value) {
                Ok(s) => q.sort = s,
                Err(e) => drop(e.to_string()),
            },
            "not" => {
                if let Some((f, v)) = value.split_once('=') {
                    match Facet::parse(f) {
                        Ok(f) => {
                            if let Some(key) = resolve(ix, f, v) {
                                q.exclude(f, &key);
                            }
                        }
                        Err(e) => drop(e.to_string()),
                    }
                }
            }
            "min-salary" => q.salary_at_least = parse_salary(value).ok(),
            "max-salary" => q.salary_at_most = parse_salary(value).ok(),
            "experience" => q.experience_years = number(value).and_then(|n| u8::try_from(n).ok()),
            "posted-within" => q.posted_within_days = number(value),
            "within-km" => q.within_km = number(value),
            "home-city" => q.home_city = ix.catalog_city(value).map(|c| c.name.clone()),
            "json" => saved = serde_json::from_str::<Query>(value).ok(),
            "profile-skill" => me.skills.push(value.to_string()),
            "profile-city" => me.home_city = Some(value.to_string()),
            "profile-years" => {
                me.experience_years = number(value).and_then(|n| u8::try_from(n).ok())
            }
            "profile-salary" => me.expected_salary = Some(SalarySpec::Text(value.to_string())),
            "profile-mode" => me.work_modes.extend(value.parse::<WorkMode>().ok()),
            other => match Facet::parse(other) {
                Ok(f) => {
                    if let Some(key) = resolve(ix, f, value) {
                        q.include(f, &key);
                    }
                }
                Err(e) => drop(e.to_string()),
            },
        }
    }
    let vocab = ix.vocab();
    let (fit, _) = FitProfile::resolve(&me, &vocab.skills, &vocab.cities);
    let profile = (!fit.is_empty()).then(|| Arc::new(fit));

    // typing the text: a few prefixes of it, then the saved search, then all
    let starts: Vec<usize> = q.text.char_indices().map(|(i, _)| i).collect();
    let mut queries: Vec<Query> = (1..4)
        .filter_map(|k| starts.get(k * starts.len() / 4).copied())
        .map(|end| Query {
            text: q.text[..end].to_string(),
            ..q.clone()
        })
        .collect();
    queries.extend(saved);
    queries.push(q);
    let mut searcher = Searcher::new(ix.clone(), FacetSet::ALL);
    searcher.set_profile(profile.clone());
    for q in &queries {
        let json = serde_json::to_string(q).expect("a query serialises");
        match serde_json::from_str::<Query>(&json) {
            Ok(back) => assert_eq!(&back, q, "a saved search loads back different: {json}"),
            Err(e) => panic!("a saved search does not load back: {e}: {json}"),
        }
        keys_select_their_values(ix, q);
        let fresh = ix.search_for(q, FacetSet::ALL, profile.as_deref());
        let Some(kept) = searcher.search(q, &never) else {
            panic!("a search that is never cancelled was cancelled");
        };
        assert_eq!(
            kept.hits, fresh.hits,
            "reusing the last text pass changed the hits of {q:?}"
        );
        assert_eq!(
            kept.facets, fresh.facets,
            "reusing the last text pass changed the counts of {q:?}"
        );
        let bare = ix.search_for(q, FacetSet::NONE, profile.as_deref());
        assert_eq!(bare.hits, fresh.hits, "counting facets changed the hits");
        check_results(ix, q, profile.as_deref(), &fresh);
    }
}

/// `--FILTER VALUE` as the CLI reads it: the key, or `None` (with its
/// message made) when the index has no such value.
fn resolve(ix: &Index, f: Facet, value: &str) -> Option<String> {
    match ix.resolve(f, value) {
        Ok(key) => {
            let at = ix.value_of_key(f, &key);
            assert!(
                at.is_some(),
                "{}={value:?} resolves to {key:?}, which selects nothing",
                f.id()
            );
            // a value typed exactly as it is shown or stored is that value
            let t = value.trim();
            let exact = |v: usize| ix.value_label(f, v) == t || ix.value_key(f, v) == t;
            if (0..ix.value_count(f)).any(exact) {
                assert!(
                    at.is_some_and(exact),
                    "{}={value:?} resolves to {key:?}, another value",
                    f.id()
                );
            }
            Some(key)
        }
        Err(e) => {
            drop(e.to_string());
            None
        }
    }
}

/// A key stored in a query (by the sidebar, the CLI or a saved search)
/// selects the value it was taken from.
fn keys_select_their_values(ix: &Index, q: &Query) {
    for (&f, sel) in &q.facets {
        for key in sel.include.iter().chain(&sel.exclude) {
            let exact = |v: usize| ix.value_key(f, v) == *key;
            if (0..ix.value_count(f)).any(exact) {
                assert!(
                    ix.value_of_key(f, key).is_some_and(exact),
                    "the {} key {key:?} selects another value",
                    f.id()
                );
            }
        }
    }
}

/// The values a row has for a facet.
fn values_of(ix: &Index, f: Facet, row: usize) -> Vec<usize> {
    if f.is_multi() {
        let m = ix.many(f, row);
        (0..128).filter(|b| m & (1 << b) != 0).collect()
    } else {
        ix.one(f, row).into_iter().collect()
    }
}

fn check_results(ix: &Index, q: &Query, profile: Option<&FitProfile>, r: &Results) {
    assert!(r.total() <= ix.len(), "more hits than listings");
    let mut seen = vec![false; ix.len()];
    for h in &r.hits {
        let row = h.row as usize;
        assert!(row < ix.len(), "hit {row} is not a row");
        assert!(!std::mem::replace(&mut seen[row], true), "row {row} twice");
        assert_eq!(ix.row_of(ix.id(row)), Some(row), "the id of row {row}");
    }
    let interp = if q.literal {
        crate::search::understand::Interpretation::default()
    } else {
        ix.interpret(&q.text)
    };
    // counts: what each value would give with the rest of the query; for a
    // facet the query does not filter on, exactly the hits with that value
    for f in Facet::ALL {
        let counts = r.facets.of(f);
        assert_eq!(counts.len(), ix.value_count(f), "{f:?} counts");
        let mut in_hits = vec![0u32; counts.len()];
        for h in &r.hits {
            for v in values_of(ix, f, h.row as usize) {
                if let Some(c) = in_hits.get_mut(v) {
                    *c += 1;
                }
            }
        }
        // filtered by hand, or by a word of the text read as this facet
        let filtered = q.selection(f).is_some_and(|s| !s.is_empty())
            || interp.parts.iter().any(|p| {
                matches!(&p.filter, crate::search::understand::Filter::Facet { facet, .. } if *facet == f)
            });
        for (v, (&n, &hits)) in counts.iter().zip(&in_hits).enumerate() {
            assert!(n as usize <= ix.len(), "{f:?} value {v}: {n} > listings");
            if filtered {
                assert!(n >= hits, "{f:?} value {v}: {n} < {hits} hits with it");
            } else {
                assert_eq!(n, hits, "{f:?} value {v}: count vs hits with it");
            }
        }
    }
    // order
    let rows: Vec<usize> = r.hits.iter().map(|h| h.row as usize).collect();
    let home = q.home_city.as_deref().and_then(|h| ix.catalog_city(h));
    let no_text = if q.literal {
        TextQuery::parse(&q.text).is_empty()
    } else {
        !TextQuery::understood(&interp).ranks()
    };
    let descending = |key: &dyn Fn(usize) -> i64, what: &str| {
        for w in rows.windows(2) {
            assert!(
                key(w[0]) >= key(w[1]),
                "{what} order broken at rows {} and {}",
                w[0],
                w[1]
            );
        }
    };
    let newest = |r: usize| i64::from(ix.posted[r]);
    match (r.sort, profile, home) {
        (Sort::Date, _, _) => descending(&newest, "newest-first"),
        (Sort::Salary, _, _) => descending(
            &|r| match ix.salary(r).1 {
                Some(p) => i64::from(p.0),
                None => 0,
            },
            "salary",
        ),
        (Sort::Fit, Some(p), _) => descending(&|r| i64::from(ix.fit_score(r, p)), "best-fit"),
        (Sort::Distance, _, Some(h)) => {
            let km = |r: usize| ix.distance_km(r, h).unwrap_or(f64::INFINITY);
            for w in rows.windows(2) {
                assert!(km(w[0]) <= km(w[1]), "nearest-first order broken");
            }
        }
        (Sort::Distance, _, None) | (Sort::Relevance | Sort::Fit, _, _) if no_text => {
            descending(&newest, "newest-first")
        }
        _ => {}
    }
    // highlighting: character positions inside the field, ascending
    let marks = Highlighter::for_query(ix, q);
    for &row in rows.iter().take(10) {
        for field in [
            ix.title(row),
            ix.company(row),
            ix.city(row),
            ix.searchable_text(row),
        ] {
            let m = marks.marks(field);
            let chars = field.chars().count();
            assert!(m.windows(2).all(|w| w[0] < w[1]), "marks not ascending");
            assert!(
                m.last().is_none_or(|&p| p < chars),
                "mark past the end of {field:?}: {m:?}"
            );
        }
    }
}
