//! Tables for the command line: the layout is `display::table` (shared
//! with the import report the app shows too); here is only the width of
//! the terminal the output goes to.

pub use crate::display::table::{Column, Table};

/// The width to render for: the terminal's when stdout is one, else
/// `$COLUMNS`, else 80.
pub fn output_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = ratatui::crossterm::terminal::size()
        && cols > 0
    {
        return cols as usize;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c >= 20)
        .unwrap_or(80)
}
