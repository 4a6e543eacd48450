//! Fuzzes the JSON / JSON-LD import parser, then matching what it finds to the
//! catalogue: any input must give postings or an error, never a panic. The
//! code lives in `backdesk::fuzzing::import`, which tests/import.rs also runs
//! on the kept inputs.
#![no_main]

use backdesk::import::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| backdesk::fuzzing::import(InputFormat::Json, data));
