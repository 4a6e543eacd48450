//! `backdesk search`.

use super::format::age;
use super::table::{Column, Table, output_width};
use super::{Context, ListFormat, SearchArgs, emit, usage};
use crate::config::Config;
use crate::money::{Period, format_range, parse_salary};
use crate::search::{Facet, Index, Query, Sort};

/// Turns the command line into a query, checking every value against the
/// index ("no city 'Pnue'; did you mean Pune?").
pub fn build_query(ix: &Index, a: &SearchArgs, cfg: &Config) -> anyhow::Result<Query> {
    let mut q = Query::text(&a.text.join(" "));
    let includes: [(Facet, &Vec<String>); 14] = [
        (Facet::Category, &a.category),
        (Facet::Role, &a.role),
        (Facet::City, &a.city),
        (Facet::State, &a.state),
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
    let home = a
        .home_city
        .clone()
        .or_else(|| cfg.profile.home_city.clone());
    if let Some(h) = &home {
        let city = ix.catalog_city(h).ok_or_else(|| {
            let valid = ix.vocab().cities.iter().map(|c| c.name.clone()).collect();
            usage(format!(
                "home city: {}",
                crate::catalog::UnknownValue::new("city", h, valid)
            ))
        })?;
        q.home_city = Some(city.name.clone());
    }
    if q.sort == Sort::Distance && q.home_city.is_none() {
        return Err(usage(
            "sorting by distance needs a home city: pass --home-city CITY or set profile.home_city in the config",
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

/// Writes listings as JSON or CSV as they are read, a batch at a time, so
/// exporting a million listings needs neither a million queries nor the
/// whole export in memory.
fn stream(store: &crate::store::Store, ids: &[i64], format: ListFormat) -> anyhow::Result<()> {
    use std::io::Write;
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    if format == ListFormat::Csv {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(super::format::LISTING_CSV_COLUMNS)?;
        for batch in store.listings_batched(ids, 500) {
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
    for batch in store.listings_batched(ids, 500) {
        for l in batch? {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            serde_json::to_writer_pretty(&mut out, &l)?;
        }
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    out.flush()?;
    Ok(())
}

pub fn run(ctx: &Context, a: &SearchArgs) -> anyhow::Result<()> {
    let session = ctx.open_session()?;
    let ix = &session.index;
    let q = build_query(ix, a, ctx.config())?;
    // the command line shows no facet counts: skip counting them
    let results = ix.search_with(&q, crate::search::FacetSet::NONE);
    let shown: Vec<_> = if a.limit == 0 {
        results.hits.iter().collect()
    } else {
        results.hits.iter().take(a.limit).collect()
    };
    match a.format {
        ListFormat::Json | ListFormat::Csv => {
            let ids: Vec<i64> = shown.iter().map(|h| ix.id(h.row as usize)).collect();
            match stream(&session.store, &ids, a.format) {
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
            let mut t = Table::new(vec![
                Column::right("ID"),
                Column::flex("Title").weight(5),
                Column::flex("Company").weight(3),
                Column::flex("City").weight(2),
                Column::left("Salary"),
                Column::left("Mode"),
                Column::left("Posted"),
            ]);
            for h in &shown {
                let row = h.row as usize;
                let (lo, hi) = ix.salary(row);
                t.row(vec![
                    ix.id(row).to_string(),
                    ix.title(row).to_string(),
                    ix.company(row).to_string(),
                    ix.city(row).to_string(),
                    format_range(lo, hi, period),
                    ix.work_mode(row).label().to_string(),
                    age(ix.age_days(row)),
                ]);
            }
            let mut out = String::new();
            if t.is_empty() {
                out.push_str("No listings match.");
                if q.filter_count() > 0 {
                    out.push_str(" Try fewer filters.");
                }
                out.push('\n');
            } else {
                out.push_str(&t.render(output_width()));
            }
            out.push_str(&format!(
                "\n{} of {} results · {:.1} ms · sorted by {}{}\n",
                crate::money::group_indian(shown.len() as u64),
                crate::money::group_indian(results.total() as u64),
                results.elapsed.as_secs_f64() * 1000.0,
                q.sort.label(),
                if shown.len() < results.total() {
                    " · --limit 0 shows all"
                } else {
                    ""
                }
            ));
            emit(&out)
        }
    }
}
