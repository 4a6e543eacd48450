//! Shared output pieces: ages, listing rows as JSON and CSV.

use serde::Serialize;

use crate::catalog::Listing;

pub use crate::display::age;

/// Pretty JSON followed by a newline; characters a terminal would act on
/// are `\uXXXX` escapes (the same JSON value).
pub fn json<T: Serialize + ?Sized>(v: &T) -> anyhow::Result<String> {
    let text = serde_json::to_string_pretty(v)?;
    Ok(crate::display::json_safe(&text).into_owned() + "\n")
}

/// The CSV columns of an exported listing; the importer reads the same.
pub const LISTING_CSV_COLUMNS: &[&str] = &[
    "id",
    "title",
    "company",
    "city",
    "state",
    "salary_min",
    "salary_max",
    "salary_period",
    "currency",
    "work_mode",
    "employment_type",
    "shift",
    "experience_min",
    "experience_max",
    "skills",
    "languages",
    "benefits",
    "openings",
    "posted",
    "valid_through",
    "role_id",
    "role",
    "category_id",
    "company_type",
    "industry",
    "description",
    "contact_name",
    "contact_phone",
    "contact_email",
    "url",
    "source",
];

/// Writes one listing as a CSV record in [`LISTING_CSV_COLUMNS`] order;
/// a cell a spreadsheet would run as a formula starts with `'`.
pub fn write_listing_csv<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    l: &Listing,
) -> csv::Result<()> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let record = [
        l.id.to_string(),
        l.title.clone(),
        l.company.clone(),
        l.city.clone(),
        opt(l.state.clone()),
        opt(l.salary_min.map(|r| r.0.to_string())),
        opt(l.salary_max.map(|r| r.0.to_string())),
        "month".to_string(),
        l.currency.clone(),
        l.work_mode.id().to_string(),
        l.employment_type.id().to_string(),
        l.shift.id().to_string(),
        l.experience_min.to_string(),
        l.experience_max.to_string(),
        l.skills.join(";"),
        l.languages.join(";"),
        l.benefits.join(";"),
        l.openings.to_string(),
        l.posted.to_string(),
        opt(l.valid_through.map(|d| d.to_string())),
        opt(l.role_id.clone()),
        opt(l.role.clone()),
        opt(l.category_id.clone()),
        opt(l.company_type.map(|k| k.id().to_string())),
        opt(l.industry.map(|k| k.id().to_string())),
        l.description.clone(),
        l.contact_name.clone(),
        l.contact_phone.clone(),
        l.contact_email.clone(),
        l.apply_url.clone(),
        l.source.clone(),
    ];
    w.write_record(
        record
            .iter()
            .map(|c| crate::display::csv_cell(c).into_owned()),
    )
}

/// Listings as CSV with a header; list fields joined with ';'.
pub fn listings_csv(listings: &[Listing]) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(LISTING_CSV_COLUMNS)?;
    for l in listings {
        write_listing_csv(&mut w, l)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
