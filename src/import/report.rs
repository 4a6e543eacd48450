//! An import's report as text, at a given width: the files, what each
//! added, updated and skipped, a table of the listings and the notes. The
//! command line prints it; the app shows it in the import overlay.

use super::job::{FileReport, ListingReport, Report};
use crate::display::table::{Column, Table};
use crate::money::{Period, Rupees, format_range, group_indian};

fn salary_text(l: &ListingReport) -> String {
    if l.currency == "INR" {
        return format_range(
            l.salary_min.map(Rupees),
            l.salary_max.map(Rupees),
            Period::Monthly,
        );
    }
    crate::money::format_foreign(&l.currency, l.salary_min, l.salary_max)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        group_indian(n as u64),
        if n == 1 { one } else { many }
    )
}

/// The report as text at most `width` display columns wide (the table's
/// fixed columns allowing).
pub fn render(r: &Report, width: usize) -> String {
    let mut out = String::new();
    for f in &r.files {
        file_counts(&mut out, f);
        listings_table(&mut out, &f.listings, width);
        skips_and_notes(&mut out, f);
        out.push('\n');
    }
    totals(&mut out, r);
    out
}

/// A file's heading and counts (new, updated, skipped, other items), and
/// the columns it had that were not read.
fn file_counts(out: &mut String, f: &FileReport) {
    out.push_str(&format!("{} (source \"{}\")\n", f.path, f.source));
    let mut parts = vec![
        format!("{} new", group_indian(f.imported as u64)),
        format!("{} updated", group_indian(f.updated as u64)),
        format!("{} skipped", group_indian(f.skipped as u64)),
    ];
    if f.other_items_skipped > 0 {
        let kinds: Vec<String> = f
            .other_types
            .iter()
            .map(|(k, n)| {
                if *n == 1 {
                    k.clone()
                } else {
                    format!("{k} ×{n}")
                }
            })
            .collect();
        parts.push(format!(
            "{} not job postings ({})",
            plural(f.other_items_skipped, "item", "items"),
            kinds.join(", ")
        ));
    }
    out.push_str(&format!("  {}\n", parts.join(" · ")));
    if !f.ignored_columns.is_empty() {
        out.push_str(&format!(
            "  columns not read: {}\n",
            f.ignored_columns.join(", ")
        ));
    }
}

/// The listings read from a file, as a table (`+` new, `~` updated).
fn listings_table(out: &mut String, listings: &[ListingReport], width: usize) {
    if !listings.is_empty() {
        let mut t = Table::new(vec![
            Column::left(""),
            Column::right("ID"),
            Column::flex("Title").weight(4),
            Column::flex("Company").weight(3),
            Column::flex("City").weight(2),
            Column::left("Salary"),
            Column::left("Posted").optional(0),
            Column::flex("Role").weight(3),
        ]);
        for l in listings {
            let role = match (&l.role, l.role_guessed) {
                (Some(r), true) => format!("{r} (guess)"),
                (Some(r), false) => r.clone(),
                (None, _) => "other role".to_string(),
            };
            t.row(vec![
                if l.action == "new" { "+" } else { "~" }.to_string(),
                l.id.map_or_else(|| "-".to_string(), |i| i.to_string()),
                l.title.clone(),
                l.company.clone(),
                l.city.clone(),
                salary_text(l),
                l.posted.clone(),
                role,
            ]);
        }
        for line in t.render(width.saturating_sub(2)).lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// The postings of a file that were skipped, and the notes on its
/// listings (once each: a posting split by place carries its notes on
/// each listing).
fn skips_and_notes(out: &mut String, f: &FileReport) {
    let at = |n: usize, line: Option<u64>| match line {
        Some(l) => format!("#{n} (line {l})"),
        None => format!("#{n}"),
    };
    for s in &f.skipped_postings {
        out.push_str(&format!(
            "  skipped {}{}: {}\n",
            at(s.number, s.line),
            s.title
                .as_ref()
                .map(|t| format!(" \"{t}\""))
                .unwrap_or_default(),
            s.reason
        ));
    }
    let mut said = std::collections::HashSet::new();
    for l in &f.listings {
        for n in &l.notes {
            if !said.insert((l.number, n)) {
                continue;
            }
            out.push_str(&format!(
                "  note {} \"{}\": {n}\n",
                at(l.number, l.line),
                l.title
            ));
        }
    }
}

/// The totals over every file, and where to see what was imported.
fn totals(out: &mut String, r: &Report) {
    let new: usize = r.files.iter().map(|f| f.imported).sum();
    let updated: usize = r.files.iter().map(|f| f.updated).sum();
    let skipped: usize = r.files.iter().map(|f| f.skipped).sum();
    let files = plural(r.files.len(), "file", "files");
    if r.dry_run {
        out.push_str(&format!(
            "Dry run: would add {} and update {} from {files}; {} skipped. Nothing was written.\n",
            plural(new, "listing", "listings"),
            group_indian(updated as u64),
            group_indian(skipped as u64),
        ));
    } else {
        out.push_str(&format!(
            "Added {} and updated {} from {files}; {} skipped.",
            plural(new, "listing", "listings"),
            group_indian(updated as u64),
            group_indian(skipped as u64),
        ));
        if let Some(f) = r.files.first()
            && new + updated > 0
        {
            out.push_str(&format!(
                " See them with: backdesk search --source \"{}\"",
                f.source
            ));
        }
        out.push('\n');
    }
}
