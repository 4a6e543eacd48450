//! Fuzzes the saved-page reader on microdata and RDFa markup (items typed
//! `JobPosting`, nested items, properties by `itemprop` and `property`),
//! then matching what it finds to the catalogue. The code lives in
//! `backdesk::fuzzing::import`, which tests/import.rs also runs on the
//! kept inputs; `fuzz/markup.dict` holds the attribute and type names.
#![no_main]

use backdesk::import::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| backdesk::fuzzing::import(InputFormat::Html, data));
