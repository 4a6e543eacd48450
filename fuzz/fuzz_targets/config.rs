//! Fuzzes the config file: parsing, what start-up builds from it (keymap,
//! theme, fit profile) and writing the profile back. The checks live in
//! `backdesk::fuzzing::config`, which tests/fuzz_regressions.rs also runs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| backdesk::fuzzing::config(data));
