//! Fuzzes the JSON / JSON-LD import parser, then matching what it finds to the
//! catalogue: any input must give postings or an error, never a panic.
#![no_main]

use backdesk::import::{InputFormat, Matcher, parse};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static MATCHER: Option<Matcher> = backdesk::catalog::Catalog::embedded_without_listings()
        .ok()
        .map(|c| {
            Matcher::new(backdesk::search::Vocab {
                categories: c.categories,
                roles: c.roles,
                cities: c.cities,
                companies: c.companies,
                skills: c.skills,
            })
        });
}

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = parse("fuzz.json", InputFormat::Json, data) {
        MATCHER.with(|m| {
            if let Some(m) = m {
                let _ = m.plan(
                    "fuzz.json",
                    "fuzz.json",
                    file,
                    jiff::civil::date(2025, 1, 1),
                );
            }
        });
    }
});
