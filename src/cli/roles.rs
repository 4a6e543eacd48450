//! `backdesk roles`, `backdesk role` and `backdesk salary`.

use serde::Serialize;

use super::format::json;
use super::table::{Column, Table, output_width};
use super::{
    Context, RoleArgs, RoleSort, RolesArgs, SalaryArgs, SheetFormat, TableJson, emit, usage,
};
use crate::catalog::{Band, Category, FigurePeriod, MarketFigure, Role, UnknownValue};
use crate::fit::{Fit, FitProfile, role_fit, skill_position};
use crate::money::{Period, Rupees, format_lpa, format_range, group_indian};
use crate::search::roles::{RoleQuery, search_roles};
use crate::search::{Facet, Index, Query};

/// Finds a role by id, title, alternative title or, failing those, a search
/// that gives exactly one role.
pub fn resolve_role<'a>(
    roles: &'a [Role],
    categories: &[Category],
    input: &str,
) -> anyhow::Result<&'a Role> {
    let t = input.trim();
    if t.is_empty() {
        return Err(usage("which role? give an id or a title"));
    }
    if let Some(r) = roles.iter().find(|r| {
        r.id.eq_ignore_ascii_case(t)
            || r.title.eq_ignore_ascii_case(t)
            || r.title_variants.iter().any(|v| v.eq_ignore_ascii_case(t))
    }) {
        return Ok(r);
    }
    let found = search_roles(
        roles,
        categories,
        &RoleQuery {
            text: t.to_string(),
            ..RoleQuery::default()
        },
        None,
    );
    // a word that appears in exactly one title wins ("payroll manager")
    let in_title: Vec<usize> = found
        .iter()
        .copied()
        .filter(|&i| crate::search::text::TextQuery::parse(t).matches(&roles[i].title))
        .collect();
    match (in_title.as_slice(), found.as_slice()) {
        ([one], _) | ([], [one]) => Ok(&roles[*one]),
        (many, _) if many.len() > 1 => Err(usage(format!(
            "'{t}' could be {}; give the id",
            many.iter()
                .take(6)
                .map(|&i| format!("{} ({})", roles[i].title, roles[i].id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        _ => Err(usage(
            UnknownValue::new("role", t, roles.iter().map(|r| r.title.clone()).collect())
                .to_string()
                + "; `backdesk roles` lists them all",
        )),
    }
}

fn category_name<'a>(categories: &'a [Category], id: &'a str) -> &'a str {
    categories
        .iter()
        .find(|c| c.id == id)
        .map_or(id, |c| c.name.as_str())
}

fn band_text(b: Option<&Band>) -> String {
    b.map(|b| format_range(Some(b.min), Some(b.max), Period::Monthly))
        .unwrap_or_else(|| "—".to_string())
}

/// A band for a narrow column: "₹10–15k", "₹1–1.5L".
fn band_short(b: Option<&Band>) -> String {
    b.map(|b| crate::money::format_range_short(Some(b.min), Some(b.max), Period::Monthly))
        .unwrap_or_else(|| "—".to_string())
}

/// Number of listings per role id.
fn listing_counts(ix: &Index) -> Vec<u32> {
    let r = ix.search_with(
        &Query::default(),
        crate::search::FacetSet::of(&[Facet::Role]),
    );
    r.facets.of(Facet::Role).to_vec()
}

pub fn list(ctx: &Context, a: &RolesArgs) -> anyhow::Result<()> {
    let session = ctx.open_session()?;
    let vocab = session.index.vocab();
    let mut rq = RoleQuery {
        text: a.text.join(" "),
        skills: Vec::new(),
        ..RoleQuery::default()
    };
    for c in &a.category {
        let key = session
            .index
            .resolve(Facet::Category, c)
            .map_err(|e| usage(e.to_string()))?;
        rq.categories.push(key);
    }
    for s in &a.skill {
        let key = session
            .index
            .resolve(Facet::Skill, s)
            .map_err(|e| usage(e.to_string()))?;
        rq.skills.push(key);
    }
    let mut found = search_roles(
        &vocab.roles,
        &vocab.categories,
        &rq,
        Some(session.index.lexicon()),
    );
    let counts = listing_counts(&session.index);
    let count = |i: usize| counts.get(i).copied().unwrap_or(0);
    // the same fit the app's Roles tab shows
    let (profile, warnings) =
        FitProfile::resolve(&ctx.config().profile, &vocab.skills, &vocab.cities);
    for w in warnings {
        eprintln!("backdesk: warning: {w}");
    }
    let profile = (!profile.is_empty()).then_some(profile);
    let fits: Vec<Option<Fit>> = vocab
        .roles
        .iter()
        .map(|r| profile.as_ref().map(|p| role_fit(p, r, &vocab.skills)))
        .collect();
    let score = |i: usize| fits.get(i).and_then(|f| f.as_ref()).map_or(0, |f| f.score);
    match a.sort {
        RoleSort::Relevance => {}
        RoleSort::Fit if profile.is_none() => {
            return Err(usage(
                "sorting by fit needs a profile: set [profile] in the config (see config.example.toml)",
            ));
        }
        // stable: ties keep the order of relevance
        RoleSort::Fit => found.sort_by_key(|&i| std::cmp::Reverse(score(i))),
        RoleSort::Listings => found.sort_by_key(|&i| std::cmp::Reverse(count(i))),
        RoleSort::Name => found.sort_by_key(|&i| vocab.roles[i].title.to_lowercase()),
    }
    match a.format {
        TableJson::Json => {
            #[derive(Serialize)]
            struct Row<'a> {
                #[serde(flatten)]
                role: &'a Role,
                category_name: &'a str,
                listings: u32,
                /// 0-100, with a profile.
                #[serde(skip_serializing_if = "Option::is_none")]
                fit: Option<u8>,
                #[serde(skip_serializing_if = "Option::is_none")]
                fit_reasons: Option<&'a [String]>,
                /// The role's skills the profile does not list, with a profile.
                #[serde(skip_serializing_if = "Option::is_none")]
                missing_skills: Option<Vec<&'a str>>,
            }
            let rows: Vec<Row<'_>> = found
                .iter()
                .map(|&i| {
                    let role = &vocab.roles[i];
                    let fit = fits.get(i).and_then(|f| f.as_ref());
                    Row {
                        role,
                        category_name: category_name(&vocab.categories, &role.category),
                        listings: count(i),
                        fit: fit.map(|f| f.score),
                        fit_reasons: fit.map(|f| f.reasons.as_slice()),
                        missing_skills: profile
                            .as_ref()
                            .map(|p| missing_skills(p, role, &vocab.skills)),
                    }
                })
                .collect();
            emit(&json(&rows)?)
        }
        TableJson::Table => {
            let mut cols = vec![Column::left("Id"), Column::flex("Role")];
            if profile.is_some() {
                cols.push(Column::right("Fit"));
            }
            cols.push(Column::left("Starts at"));
            cols.push(Column::right("Jobs"));
            let mut t = Table::new(cols);
            for &i in &found {
                let r = &vocab.roles[i];
                let mut row = vec![r.id.clone(), r.title.clone()];
                if profile.is_some() {
                    row.push(score(i).to_string());
                }
                let mut shorts = vec![None; row.len()];
                row.push(band_text(r.bands.first()));
                shorts.push(Some(band_short(r.bands.first())));
                row.push(count(i).to_string());
                t.row_short(row, shorts);
            }
            let mut out = if t.is_empty() {
                "No roles match.\n".to_string()
            } else {
                t.render(output_width())
            };
            out.push_str(&format!(
                "\n{} roles · monthly pay for the first level each role hires at (indicative){}\n",
                found.len(),
                if profile.is_some() {
                    " · Fit: 0-100 to your profile"
                } else {
                    ""
                }
            ));
            emit(&out)
        }
    }
}

/// The role's skills that the profile does not list.
fn missing_skills<'a>(
    p: &FitProfile,
    role: &'a Role,
    skills: &[crate::catalog::Skill],
) -> Vec<&'a str> {
    role.skills
        .iter()
        .filter(|s| skill_position(skills, s).is_none_or(|i| p.skills & (1 << i) == 0))
        .map(String::as_str)
        .collect()
}

/// Everything about one role, for JSON output.
#[derive(Debug, Serialize)]
pub struct RoleSheet<'a> {
    #[serde(flatten)]
    pub role: &'a Role,
    pub category_name: &'a str,
    /// Roles that lead here.
    pub comes_from: Vec<&'a str>,
    pub listings: u32,
}

pub fn show(ctx: &Context, a: &RoleArgs) -> anyhow::Result<()> {
    let session = ctx.open_session()?;
    let vocab = session.index.vocab();
    let role = resolve_role(&vocab.roles, &vocab.categories, &a.role.join(" "))?;
    let pos = vocab
        .roles
        .iter()
        .position(|r| r.id == role.id)
        .unwrap_or(0);
    let listings = listing_counts(&session.index)
        .get(pos)
        .copied()
        .unwrap_or(0);
    let comes_from: Vec<&str> = vocab
        .roles
        .iter()
        .filter(|r| r.leads_to.contains(&role.id))
        .map(|r| r.id.as_str())
        .collect();
    let title_of = |id: &str| {
        vocab
            .roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let sheet = RoleSheet {
        role,
        category_name: category_name(&vocab.categories, &role.category),
        comes_from: comes_from.clone(),
        listings,
    };
    let text = match a.format {
        SheetFormat::Json => json(&sheet)?,
        SheetFormat::Md => {
            let sources = session.store.sources()?;
            let figures = session.store.market_figures()?;
            role_sheet_md(&sheet, vocab, pos, &sources, &figures)
        }
        SheetFormat::Text => {
            let mut o = String::new();
            o.push_str(&format!("{}  ·  {}\n", role.title, sheet.category_name));
            if let Some(hi) = &role.title_hi {
                o.push_str(&format!("{hi}\n"));
            }
            let w = output_width();
            o.push_str(&format!("id: {}\n\n", role.id));
            o.push_str(&wrapped(&role.summary, w, 0, 0));
            o.push_str("\nWhat you do\n");
            for r in &role.responsibilities {
                o.push_str(&wrapped(&format!("• {r}"), w, 2, 4));
            }
            let field =
                |name: &str, value: String| wrapped(&format!("{name:<18}{value}"), w, 0, 18);
            o.push('\n');
            o.push_str(&field("Skills and tools:", role.skills.join(", ")));
            o.push_str(&field("Qualifications:", role.qualifications.join("; ")));
            let industries: Vec<&str> = role.industries.iter().map(|i| i.label()).collect();
            o.push_str(&field("Hired by:", industries.join(", ")));
            if !role.title_variants.is_empty() {
                o.push_str(&field("Also known as:", role.title_variants.join(", ")));
            }
            o.push_str("\nSalary (indicative, per month → per year)\n");
            for b in &role.bands {
                o.push_str(&format!(
                    "  {:<17} {:<17} {}\n",
                    b.level.label(),
                    format_range(Some(b.min), Some(b.max), Period::Monthly),
                    format_range(Some(b.min), Some(b.max), Period::Annual)
                ));
            }
            let leads: Vec<String> = role.leads_to.iter().map(|r| title_of(r)).collect();
            let from: Vec<String> = comes_from.iter().map(|r| title_of(r)).collect();
            let or_dash = |v: Vec<String>| {
                if v.is_empty() {
                    "—".to_string()
                } else {
                    v.join(", ")
                }
            };
            o.push('\n');
            o.push_str(&field("Leads to:", or_dash(leads)));
            o.push_str(&field("Comes from:", or_dash(from)));
            if !role.named_in.is_empty() {
                o.push_str(&field(
                    "Named in:",
                    format!(
                        "{} (see `backdesk salary` for the sources)",
                        role.named_in.join(", ")
                    ),
                ));
            }
            o.push_str(&format!(
                "\n{listings} open listings · backdesk search --role {}\n",
                role.id
            ));
            o
        }
    };
    match &a.out {
        Some(path) => {
            ctx.write_out(path, &text)?;
            eprintln!("backdesk: wrote {}", path.display());
            Ok(())
        }
        None => emit(&text),
    }
}

fn figure_text(f: &MarketFigure) -> String {
    let plus = if f.open_ended { "+" } else { "" };
    match f.period {
        FigurePeriod::Month if f.min == f.max => format!("₹{}{plus} /month", group_indian(f.min)),
        FigurePeriod::Month => format!(
            "₹{}–{}{plus} /month",
            group_indian(f.min),
            group_indian(f.max)
        ),
        FigurePeriod::Year if f.min == f.max => format!("{}{plus}", format_lpa(f.min)),
        FigurePeriod::Year => {
            let lo = format_lpa(f.min);
            format!(
                "{}–{}{plus}",
                lo.trim_end_matches(" LPA"),
                format_lpa(f.max)
            )
        }
    }
}

pub fn salary(ctx: &Context, a: &SalaryArgs) -> anyhow::Result<()> {
    let store = ctx.open_store()?;
    if a.role.is_empty() {
        let figures = store.market_figures()?;
        let sources = store.sources()?;
        if a.format == TableJson::Json {
            #[derive(Serialize)]
            struct Row<'a> {
                #[serde(flatten)]
                figure: &'a MarketFigure,
                monthly_min: Rupees,
                monthly_max: Rupees,
                source_title: &'a str,
                source_publisher: &'a str,
            }
            let rows: Vec<Row<'_>> = figures
                .iter()
                .map(|f| {
                    let (lo, hi) = f.monthly();
                    let s = sources.iter().find(|s| s.id == f.source);
                    Row {
                        figure: f,
                        monthly_min: lo,
                        monthly_max: hi,
                        source_title: s.map_or("", |s| s.title.as_str()),
                        source_publisher: s.map_or("", |s| s.publisher.as_str()),
                    }
                })
                .collect();
            return emit(&json(&rows)?);
        }
        let mut t = Table::new(vec![
            Column::left("Source"),
            Column::flex("Who").weight(2),
            Column::flex("Experience"),
            Column::left("As published"),
        ]);
        for f in &figures {
            t.row(vec![
                f.source.clone(),
                f.label.clone(),
                f.experience.clone(),
                figure_text(f),
            ]);
        }
        let width = output_width();
        let mut out = if t.fits(width) {
            t.render(width)
        } else {
            figure_records(&figures, width)
        };
        out.push_str("\nMarket-wide figures exactly as the articles publish them:\n");
        for s in &sources {
            if figures.iter().any(|f| f.source == s.id) {
                let date = if s.published.is_empty() {
                    "undated".to_string()
                } else {
                    s.published.clone()
                };
                let line = format!("{:<12} {} ({}, {date})", s.id, s.title, s.publisher);
                out.push_str(&wrapped(&line, width, 2, 15));
            }
        }
        for f in figures
            .iter()
            .filter_map(|f| f.note.as_ref().map(|n| (f, n)))
        {
            let line = format!("note on {} '{}': {}", f.0.source, f.0.label, f.1);
            out.push_str(&wrapped(&line, width, 2, 4));
        }
        out.push_str("Per-role bands: backdesk salary ROLE\n");
        return emit(&out);
    }
    let roles = store.roles()?;
    let categories = store.categories()?;
    let role = resolve_role(&roles, &categories, &a.role.join(" "))?;
    if a.format == TableJson::Json {
        #[derive(Serialize)]
        struct Row<'a> {
            role_id: &'a str,
            level: &'a str,
            label: &'a str,
            salary_min: Rupees,
            salary_max: Rupees,
        }
        let rows: Vec<Row<'_>> = role
            .bands
            .iter()
            .map(|b| Row {
                role_id: &role.id,
                level: b.level.id(),
                label: b.level.label(),
                salary_min: b.min,
                salary_max: b.max,
            })
            .collect();
        return emit(&json(&rows)?);
    }
    let mut t = Table::new(vec![
        Column::left("Experience"),
        Column::left("Per month"),
        Column::left("Per year"),
    ]);
    for b in &role.bands {
        t.row(vec![
            b.level.label().to_string(),
            format_range(Some(b.min), Some(b.max), Period::Monthly),
            format_range(Some(b.min), Some(b.max), Period::Annual),
        ]);
    }
    let mut out = format!(
        "{} ({})\n\n",
        role.title,
        category_name(&categories, &role.category)
    );
    let width = output_width();
    out.push_str(&t.render(width));
    out.push('\n');
    out.push_str(&wrapped(
        "Indicative bands, consistent with the articles' market figures (backdesk salary).",
        width,
        0,
        0,
    ));
    emit(&out)
}

/// A one-page role sheet in Markdown, for a counsellor to print or share.
pub fn role_sheet_md(
    sheet: &RoleSheet<'_>,
    vocab: &crate::search::Vocab,
    pos: usize,
    sources: &[crate::catalog::Source],
    figures: &[MarketFigure],
) -> String {
    use crate::catalog::{Level, also_reached, career_paths, diverse_paths, path_bands};
    let role = sheet.role;
    let title_of = |id: &str| {
        vocab
            .roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let mut o = format!("# {}\n\n", role.title);
    if let Some(hi) = &role.title_hi {
        o.push_str(&format!("{hi}  \n"));
    }
    o.push_str(&format!("*{}*", sheet.category_name));
    if !role.title_variants.is_empty() {
        o.push_str(&format!(
            " · also advertised as {}",
            role.title_variants.join(", ")
        ));
    }
    o.push_str(&format!("\n\n{}\n\n## What the job is\n\n", role.summary));
    for r in &role.responsibilities {
        o.push_str(&format!("- {r}\n"));
    }
    o.push_str(&format!(
        "\n## Skills and tools\n\n{}\n",
        role.skills.join(" · ")
    ));
    o.push_str("\n## Qualifications\n\n");
    for q in &role.qualifications {
        o.push_str(&format!("- {q}\n"));
    }
    let industries: Vec<&str> = role.industries.iter().map(|i| i.label()).collect();
    o.push_str(&format!("\n## Who hires\n\n{}\n", industries.join(", ")));
    o.push_str("\n## Pay (indicative)\n\n| Experience | Per month | Per year |\n|---|---|---|\n");
    for b in &role.bands {
        o.push_str(&format!(
            "| {} | {} | {} |\n",
            b.level.label(),
            format_range(Some(b.min), Some(b.max), Period::Monthly),
            format_range(Some(b.min), Some(b.max), Period::Annual)
        ));
    }
    let market: Vec<String> = figures
        .iter()
        .filter(|f| f.source == "jobhai-2025" || f.source == "nediaz")
        .map(|f| format!("{} ({}): {}", f.label, f.experience, figure_text(f)))
        .collect();
    if !market.is_empty() {
        o.push_str(&format!(
            "\nFor comparison, the market-wide figures the articles publish: {}.\n",
            market.join("; ")
        ));
    }
    o.push_str("\n## Where it leads\n\n");
    let start = role.bands.first().map_or(Level::Fresher, |b| b.level);
    let all = career_paths(&vocab.roles, pos, 3);
    if all.is_empty() {
        o.push_str("A senior role: people grow within it.\n");
    } else {
        let next: Vec<String> = role.leads_to.iter().map(|r| title_of(r)).collect();
        o.push_str(&format!(
            "Next steps: {}.\n\nOne path per next step, with the pay at each step:\n\n",
            next.join(", ")
        ));
    }
    let path_line = |p: &[usize]| {
        let bands = path_bands(&vocab.roles, p, start);
        let steps: Vec<String> = p
            .iter()
            .zip(bands)
            .map(|(&r, band)| {
                let role = &vocab.roles[r];
                match band {
                    Some(b) => format!(
                        "{} ({}, {})",
                        role.title,
                        format_range(Some(b.min), Some(b.max), Period::Monthly),
                        b.level.short()
                    ),
                    None => role.title.clone(),
                }
            })
            .collect();
        format!("- {}\n", steps.join(" → "))
    };
    let best = diverse_paths(&vocab.roles, pos, &all, start);
    for p in &best {
        o.push_str(&path_line(p));
    }
    let more = all.len().saturating_sub(best.len());
    if more > 0 {
        let also: Vec<&str> = also_reached(&all, &best)
            .into_iter()
            .map(|r| vocab.roles[r].title.as_str())
            .collect();
        o.push_str(&format!(
            "\n+{more} more path{} through the same next steps",
            if more == 1 { "" } else { "s" }
        ));
        if also.is_empty() {
            o.push_str(".\n");
        } else {
            o.push_str(&format!(", also reaching {}.\n", also.join(", ")));
        }
    }
    if !sheet.comes_from.is_empty() {
        let from: Vec<String> = sheet.comes_from.iter().map(|r| title_of(r)).collect();
        o.push_str(&format!(
            "\nPeople often come to it from: {}.\n",
            from.join(", ")
        ));
    }
    o.push_str(&format!(
        "\n## In the listings\n\n{} open listings in backdesk (`backdesk search --role {}`).\n",
        sheet.listings, role.id
    ));
    o.push_str("\n---\n\n");
    let named: Vec<String> = role
        .named_in
        .iter()
        .filter_map(|id| sources.iter().find(|s| &s.id == id))
        .map(|s| format!("*{}* ({})", s.title, s.publisher))
        .collect();
    if !named.is_empty() {
        o.push_str(&format!("Named in {}. ", named.join("; ")));
    }
    o.push_str(&format!(
        "Descriptions are backdesk's own words; pay bands are indicative estimates consistent with the articles' figures. Printed {}.\n",
        jiff::Zoned::now().date()
    ));
    o
}

/// `text` wrapped to `width` columns, its first line indented by `first`
/// spaces and the rest by `rest`, with a line break at the end.
/// The market figures one to a record, for a terminal too narrow for the
/// table to show who each is for whole: the source and who on one line,
/// experience and pay below, wrapped.
fn figure_records(figures: &[MarketFigure], width: usize) -> String {
    let mut out = String::new();
    for f in figures {
        let head = format!("{:<12} {}", f.source, f.label);
        out.push_str(&wrapped(&head, width, 0, 13));
        let body = format!("{} · {}", f.experience, figure_text(f));
        out.push_str(&wrapped(&body, width, 13, 13));
    }
    out
}

fn wrapped(text: &str, width: usize, first: usize, rest: usize) -> String {
    let (first, rest) = (" ".repeat(first), " ".repeat(rest));
    let opts = textwrap::Options::new(width.max(20))
        .initial_indent(&first)
        .subsequent_indent(&rest);
    let mut out = textwrap::fill(text, opts);
    out.push('\n');
    out
}
