//! The full-screen app (ratatui + crossterm), in the Elm shape: one
//! `State`, an `update` that changes it from `Action`s and returns
//! `Effect`s, and a `render` that only reads it.

pub mod action;
pub mod clipboard;
pub mod driver;
pub mod effects;
pub mod events;
pub mod form;
pub mod input;
pub mod keymap;
pub mod layout;
mod run;
pub mod screen;
pub mod sidebar;
pub mod start;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
mod workers;

pub use run::{Exit, mark_process_start, run};

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub config: crate::config::Config,
    /// Where the profile form saves (none: it is not saved).
    pub config_path: Option<std::path::PathBuf>,
    /// `--demo`: an in-memory catalogue; nothing is saved.
    pub demo: bool,
}
