//! The import prompt: type a path, Enter imports it, the report shows
//! until Esc; the listings are searched again with the new index.

use crate::tui::action::{Action, Effect, NewIndex};
use crate::tui::state::{Data, ImportPrompt, Overlay, State};

/// Expands a leading `~/` to the home directory.
fn expand(path: &str) -> std::path::PathBuf {
    let p = path.trim();
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(p),
    }
}

/// Opens the prompt.
pub(super) fn open(st: &mut State) -> Vec<Effect> {
    st.overlay = Some(Overlay::Import(ImportPrompt::default()));
    Vec::new()
}

/// Keys while the prompt is open.
pub(super) fn update(st: &mut State, action: Action) -> Vec<Effect> {
    let Some(p) = st.import_mut() else {
        return Vec::new();
    };
    if p.busy {
        // Esc stops the import: nothing of it is written
        if matches!(action, Action::Escape) && !p.cancelling {
            p.cancelling = true;
            p.progress = Some("Cancelling…".into());
            return vec![Effect::CancelImport];
        }
        return Vec::new();
    }
    if p.report.is_some() {
        match action {
            Action::Up => p.scroll = p.scroll.saturating_sub(1),
            Action::Down => p.scroll = p.scroll.saturating_add(1).min(1000),
            Action::PageUp => p.scroll = p.scroll.saturating_sub(10),
            Action::PageDown => p.scroll = p.scroll.saturating_add(10).min(1000),
            Action::Escape | Action::Open | Action::Import => st.overlay = None,
            _ => {}
        }
        return Vec::new();
    }
    if p.input.apply(&action).is_some() {
        return Vec::new();
    }
    let input = &mut p.input;
    match action {
        Action::Escape => st.overlay = None,
        Action::Open => {
            let path = input.text().trim().to_string();
            if path.is_empty() {
                return Vec::new();
            }
            p.busy = true;
            p.progress = Some("Reading the file…".into());
            return vec![Effect::ImportFile(expand(&path))];
        }
        _ => {}
    }
    Vec::new()
}

/// An import finished.
pub(super) fn imported(
    st: &mut State,
    report: String,
    index: Option<NewIndex>,
    failed: bool,
) -> Vec<Effect> {
    if st.import().is_none() {
        st.overlay = Some(Overlay::Import(ImportPrompt::default()));
    }
    let Some(p) = st.import_mut() else {
        return Vec::new();
    };
    p.busy = false;
    p.cancelling = false;
    p.progress = None;
    p.report = Some(report);
    p.failed = failed;
    p.scroll = 0;
    let Some(NewIndex(index)) = index else {
        return Vec::new();
    };
    let figures = std::mem::take(&mut st.data.figures);
    let sources = std::mem::take(&mut st.data.sources);
    st.data = Data::new(index, figures, sources);
    st.listings.detail = None;
    st.listings.generation += 1;
    vec![
        Effect::Search {
            generation: st.listings.generation,
            query: st.listings.query.clone(),
        },
        Effect::LoadTracker,
    ]
}
