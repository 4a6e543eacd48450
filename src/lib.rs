//! backdesk: find back-office jobs in India from the terminal, offline.
//!
//! The library holds everything but argument parsing: the embedded
//! catalogue, the SQLite store, the in-memory search engine, the tracker,
//! the CLI commands and the TUI. Domain and storage know nothing of the
//! terminal; the UI knows nothing of SQL.

// Rupee amounts are written the Indian way (1_20_000 is one lakh twenty thousand).
#![allow(clippy::inconsistent_digit_grouping)]
// No unwrap, expect or panic outside tests: errors are values with a message.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod catalog;
pub mod cli;
pub mod config;
pub mod display;
pub mod files;
pub mod fit;
#[doc(hidden)]
pub mod fuzzing;
pub mod import;
pub mod keys;
pub mod money;
pub mod search;
pub mod session;
pub mod store;
pub mod tracker;
pub mod tui;
