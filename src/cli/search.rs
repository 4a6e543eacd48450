//! `backdesk search`.

use super::format::age;
use super::table::{Column, Table, output_width};
use super::{Context, ListFormat, SearchArgs, emit, usage};
use crate::config::Config;
use crate::fit::FitProfile;
use crate::money::{Period, parse_salary};
use crate::search::{Facet, Index, Query, Sort};

/// Turns the command line into a query, checking every value against the
/// index ("no city 'Pnue'; did you mean Pune?").
pub fn build_query(ix: &Index, a: &SearchArgs, cfg: &Config) -> anyhow::Result<Query> {
    let mut q = Query::text(&a.text.join(" "));
    q.literal = a.literal;
    let includes: [(Facet, &Vec<String>); 15] = [
        (Facet::Category, &a.category),
        (Facet::Role, &a.role),
        (Facet::City, &a.city),
        (Facet::State, &a.state),
        (Facet::Region, &a.region),
        (Facet::Tier, &a.tier),
        (Facet::WorkMode, &a.mode),
        (Facet::EmploymentType, &a.employment),
        (Facet::Shift, &a.shift),
        (Facet::CompanyType, &a.company_type),
        (Facet::Industry, &a.industry),
        (Facet::Company, &a.company),
        (Facet::Skill, &a.skill),
        (Facet::Language, &a.language),
        (Facet::Source, &a.source),
    ];
    for (facet, values) in includes {
        for v in values {
            let key = ix.resolve(facet, v).map_err(|e| usage(e.to_string()))?;
            q.include(facet, &key);
        }
    }
    for spec in &a.exclude {
        let (f, v) = spec.split_once('=').ok_or_else(|| {
            usage(format!(
                "--not '{spec}': write FILTER=VALUE, e.g. --not industry=bpo"
            ))
        })?;
        let facet = Facet::parse(f).map_err(|e| usage(format!("--not: {e}")))?;
        let key = ix.resolve(facet, v).map_err(|e| usage(e.to_string()))?;
        q.exclude(facet, &key);
    }
    let salary = |flag: &str, s: &Option<String>| -> anyhow::Result<_> {
        s.as_deref()
            .map(|s| parse_salary(s).map_err(|e| usage(format!("{flag}: {e}"))))
            .transpose()
    };
    q.salary_at_least = salary("--min-salary", &a.min_salary)?;
    q.salary_at_most = salary("--max-salary", &a.max_salary)?;
    if let (Some(lo), Some(hi)) = (q.salary_at_least, q.salary_at_most)
        && lo > hi
    {
        return Err(usage(format!(
            "--min-salary {} is above --max-salary {}",
            lo.display(),
            hi.display()
        )));
    }
    q.experience_years = a.experience;
    q.posted_within_days = a.posted_within;
    q.sort = match &a.sort {
        Some(s) => Sort::parse(s).map_err(|e| usage(e.to_string()))?,
        None => cfg.display.sort,
    };
    // --home-city must name a city; the config's was checked (and
    // warned about) when the profile was resolved
    if let Some(h) = &a.home_city {
        let city = ix.catalog_city(h).ok_or_else(|| {
            let valid = ix.vocab().cities.iter().map(|c| c.name.clone()).collect();
            usage(format!(
                "--home-city: {}",
                crate::catalog::UnknownValue::new("city", h, valid)
            ))
        })?;
        q.home_city = Some(city.name.clone());
    } else if let Some(c) = cfg
        .profile
        .home_city
        .as_deref()
        .and_then(|h| ix.catalog_city(h))
    {
        q.home_city = Some(c.name.clone());
    }
    q.within_km = a.within_km;
    if (q.sort == Sort::Distance || q.within_km.is_some()) && q.home_city.is_none() {
        return Err(usage(
            "distances need a home city: pass --home-city CITY or set profile.home_city in the config",
        ));
    }
    Ok(q)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|ce| {
                matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
            })
    })
}

/// A listing in JSON, with its fit when there is a profile.
#[derive(serde::Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    listing: &'a crate::catalog::Listing,
    #[serde(skip_serializing_if = "Option::is_none")]
    fit: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fit_reasons: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    distance_km: Option<f64>,
}

/// Writes listings as JSON or CSV as they are read, a batch at a time, so
/// exporting a million listings needs neither a million queries nor the
/// whole export in memory.
fn stream(
    store: &crate::store::Store,
    ix: &Index,
    rows: &[usize],
    format: ListFormat,
    fit: Option<&FitProfile>,
    home: Option<&crate::catalog::City>,
) -> anyhow::Result<()> {
    use std::io::Write;
    let ids: Vec<i64> = rows.iter().map(|&r| ix.id(r)).collect();
    // escape-safe like every CLI output (an old database's raw text)
    let mode = match format {
        ListFormat::Csv => super::out::Mode::Text,
        _ => super::out::Mode::Json,
    };
    let out = std::io::BufWriter::new(super::out::stdout(mode));
    if format == ListFormat::Csv {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(super::format::LISTING_CSV_COLUMNS)?;
        for batch in store.listings_batched(&ids, 500) {
            for l in batch? {
                super::format::write_listing_csv(&mut w, &l)?;
            }
        }
        w.flush()?;
        return Ok(());
    }
    let mut out = out;
    out.write_all(b"[")?;
    let mut first = true;
    for batch in store.listings_batched(&ids, 500) {
        for l in batch? {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            let row = ix.row_of(l.id);
            let f = fit.zip(row).map(|(p, r)| ix.fit(r, p));
            let row = JsonRow {
                listing: &l,
                fit: f.as_ref().map(|f| f.score),
                distance_km: home
                    .zip(row)
                    .and_then(|(h, r)| ix.distance_km(r, h))
                    .map(|d| (d * 10.0).round() / 10.0),
                fit_reasons: f.map(|f| f.reasons),
            };
            // indented as one array would be (strings never hold a raw
            // line break, so every line of the object gets two spaces)
            let obj = serde_json::to_string_pretty(&row)?;
            for (i, line) in obj.lines().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"  ")?;
                out.write_all(line.as_bytes())?;
            }
        }
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    out.flush()?;
    Ok(())
}

/// Adds a saved search's query under what the command line asked.
fn merge_saved(saved: &Query, q: &mut Query, a: &SearchArgs) {
    if !saved.text.is_empty() {
        q.text = format!("{} {}", saved.text, q.text).trim().to_string();
    }
    for (f, sel) in &saved.facets {
        for k in &sel.include {
            q.include(*f, k);
        }
        for k in &sel.exclude {
            q.exclude(*f, k);
        }
    }
    q.experience_years = q.experience_years.or(saved.experience_years);
    q.salary_at_least = q.salary_at_least.or(saved.salary_at_least);
    q.salary_at_most = q.salary_at_most.or(saved.salary_at_most);
    q.posted_within_days = q.posted_within_days.or(saved.posted_within_days);
    q.within_km = q.within_km.or(saved.within_km);
    if a.sort.is_none() {
        q.sort = saved.sort;
    }
}

/// "read as: payroll · Pune · Remote · ≥ ₹20,000", when the text was
/// read as more than plain words.
fn reading_line(ix: &Index, q: &Query, missing: &[String]) -> Option<String> {
    if q.literal {
        return (!q.text.trim().is_empty()).then(|| "words matched exactly as typed\n".to_string());
    }
    let i = ix.interpret(&q.text);
    if !i.understood_anything() && missing.is_empty() {
        return None;
    }
    let reading = i.reading();
    let reading = if reading.is_empty() {
        "any listing".to_string()
    } else {
        reading
    };
    let mut line = format!("read as: {reading} (--literal: the words as typed)\n");
    if !missing.is_empty() {
        line.push_str(&format!(
            "no listing has {}: searched without\n",
            crate::search::understand::quoted_list(missing)
        ));
    }
    Some(line)
}

pub fn run(ctx: &Context, a: &SearchArgs) -> anyhow::Result<()> {
    let mut session = ctx.open_session()?;
    let ix = session.index.clone();
    let mut q = build_query(&ix, a, ctx.config())?;
    // --home-city moves "home" for this search: distances, the fit's
    // distance part and its reasons all measure from it
    let home = q.home_city.as_deref().and_then(|h| ix.catalog_city(h));
    let profile = resolve_profile(ctx, &ix, a, home);
    let new_since = match &a.saved {
        Some(name) => Some(apply_saved(&session.store, name, &mut q, a)?),
        None => None,
    };
    if q.sort == Sort::Fit && profile.is_none() {
        return Err(usage(
            "sorting by fit needs a profile: set [profile] in the config (see config.example.toml)",
        ));
    }
    if let Some(name) = &a.save_as {
        session.store.save_search(name, &q)?;
        eprintln!("backdesk: saved this search as '{}'", name.trim());
    }
    // the command line shows no facet counts: skip counting them
    let results = ix.search_for(&q, crate::search::FacetSet::NONE, profile.as_ref());
    let new_count = new_since.as_ref().map(|(_, seen)| {
        results
            .hits
            .iter()
            .filter(|h| ix.id(h.row as usize) > *seen)
            .count()
    });
    if let Some((name, _)) = &new_since {
        session.store.mark_saved_opened(name)?;
    }
    let suggestion = if results.total() == 0 {
        ix.suggest(&q)
    } else {
        None
    };
    let shown: Vec<_> = if a.limit == 0 {
        results.hits.iter().collect()
    } else {
        results.hits.iter().take(a.limit).collect()
    };
    match a.format {
        ListFormat::Json | ListFormat::Csv => {
            if let Some(s) = &suggestion {
                eprintln!("backdesk: no listings match; did you mean '{s}'?");
            }
            let rows: Vec<usize> = shown.iter().map(|h| h.row as usize).collect();
            match stream(&session.store, &ix, &rows, a.format, profile.as_ref(), home) {
                Err(e) if is_broken_pipe(&e) => Ok(()),
                r => r,
            }
        }
        ListFormat::Table => {
            let period = if a.annual {
                Period::Annual
            } else {
                ctx.config().display.salary
            };
            // distances, when the search is about them
            let km_from = home.filter(|_| q.sort == Sort::Distance || q.within_km.is_some());
            let rows: Vec<usize> = shown.iter().map(|h| h.row as usize).collect();
            let t = listing_table(&ix, &rows, period, profile.as_ref(), km_from);
            let mut out = String::new();
            if t.is_empty() {
                out.push_str("No listings match.");
                if let Some(s) = &suggestion {
                    out.push_str(&format!(" Did you mean '{s}'?"));
                } else if q.filter_count() > 0 {
                    out.push_str(" Try fewer filters.");
                }
                out.push('\n');
            } else {
                out.push_str(&t.render(output_width()));
            }
            out.push_str(&summary(&results, shown.len()));
            if let Some(line) = reading_line(&ix, &q, &results.missing) {
                out.push_str(&line);
            }
            if let (Some((name, _)), Some(n)) = (&new_since, new_count) {
                out.push_str(&format!(
                    "saved search '{name}': {n} new since it was last opened\n"
                ));
            }
            emit(&out)
        }
    }
}

/// The profile from the config (its warnings said), home moved by
/// --home-city; `None` when it says nothing.
fn resolve_profile(
    ctx: &Context,
    ix: &Index,
    a: &SearchArgs,
    home: Option<&crate::catalog::City>,
) -> Option<FitProfile> {
    let vocab = ix.vocab();
    let (mut profile, warnings) =
        FitProfile::resolve(&ctx.config().profile, &vocab.skills, &vocab.cities);
    for w in warnings {
        eprintln!("backdesk: warning: {w}");
    }
    if a.home_city.is_some() && !profile.is_empty() {
        profile.home = home.cloned();
    }
    (!profile.is_empty()).then_some(profile)
}

/// --saved NAME: its query merged under the command line's; its name and
/// the newest listing id seen when it was last opened.
fn apply_saved(
    store: &crate::store::Store,
    name: &str,
    q: &mut Query,
    a: &SearchArgs,
) -> anyhow::Result<(String, i64)> {
    let Some(saved) = store.saved_search(name)? else {
        let names: Vec<String> = store
            .saved_searches()?
            .into_iter()
            .map(|s| s.name)
            .collect();
        return Err(usage(
            crate::catalog::UnknownValue::new("saved search", name, names).to_string(),
        ));
    };
    merge_saved(&saved.query, q, a);
    Ok((saved.name.clone(), saved.seen_max_id))
}

/// The listings as a table: pay in the short form ("₹18–23k",
/// "₹1.02–1.3L") when the terminal is too narrow for the long one.
fn listing_table(
    ix: &Index,
    rows: &[usize],
    period: Period,
    profile: Option<&FitProfile>,
    km_from: Option<&crate::catalog::City>,
) -> Table {
    let mut cols = vec![
        Column::right("ID"),
        Column::flex("Title").weight(5),
        Column::flex("Company").weight(3),
        Column::flex("City").weight(2),
        Column::left("Salary"),
        // shown in the detail of `backdesk search --format json`
        // too; on a narrow terminal the title comes first
        Column::left("Mode").optional(1),
        Column::left("Posted").optional(0),
    ];
    if profile.is_some() {
        cols.insert(1, Column::right("Fit"));
    }
    if km_from.is_some() {
        cols.push(Column::right("Km"));
    }
    let mut t = Table::new(cols);
    for &row in rows {
        let (lo, hi) = ix.salary(row);
        let short_pay = match ix.foreign_pay(row) {
            // in another currency, as given; "a month" goes when narrow
            Some(p) => p.trim_end_matches(" a month").to_string(),
            None => crate::money::format_range_short(lo, hi, period),
        };
        let mut cells = vec![
            ix.id(row).to_string(),
            ix.title(row).to_string(),
            ix.company(row).to_string(),
            ix.city(row).to_string(),
            ix.salary_text(row, period),
            ix.work_mode(row).label().to_string(),
            age(ix.age_days(row)),
        ];
        let mut shorts = vec![None, None, None, None, Some(short_pay)];
        if let Some(p) = profile {
            cells.insert(1, ix.fit_score(row, p).to_string());
            shorts.insert(1, None);
        }
        if let Some(h) = km_from {
            cells.push(match ix.distance_km(row, h) {
                Some(d) => format!("{d:.0}"),
                None => "?".into(),
            });
        }
        t.row_short(cells, shorts);
    }
    t
}

/// "10 of 2,000 results · 1.2 ms · sorted by relevance · --limit 0 shows
/// all", never "0 of 0".
fn summary(results: &crate::search::Results, shown: usize) -> String {
    let counted = if shown < results.total() {
        format!(
            "{} of {}",
            crate::money::group_indian(shown as u64),
            crate::display::count(results.total() as u64, "result")
        )
    } else {
        crate::display::count(results.total() as u64, "result")
    };
    format!(
        "\n{counted} · {:.1} ms · sorted by {}{}\n",
        results.elapsed.as_secs_f64() * 1000.0,
        results.sort.label(),
        if shown < results.total() {
            " · --limit 0 shows all"
        } else {
            ""
        }
    )
}
