//! Fuzzes queries: text, sort and filter values read the way the CLI reads
//! them, saved-search JSON, all run through the search engine over a small
//! index. The checks live in `backdesk::fuzzing::query`, which
//! tests/fuzz_regressions.rs also runs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| backdesk::fuzzing::query(data));
