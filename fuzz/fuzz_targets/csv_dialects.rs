//! Fuzzes the CSV reader with the columns and values of the dialects it
//! reads (JobSpy, Naukri scrapes, Glassdoor exports: `fuzz/csv_dialects.dict`),
//! then matching what it finds to the catalogue. The code lives in
//! `backdesk::fuzzing::import`, which tests/import.rs also runs on the
//! kept inputs.
#![no_main]

use backdesk::import::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| backdesk::fuzzing::import(InputFormat::Csv, data));
