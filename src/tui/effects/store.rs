//! The effects that read or write the store (and the config file): each
//! answers at once with the action that reports its outcome.

use crate::import::job::{JobError, Report};
use crate::search::Query;
use crate::session::Session;
use crate::store::StoreError;
use crate::tracker::edit::SaveOutcome;
use crate::tui::action::{Action, Effect, NewIndex};

/// Performs an effect that needs the store, returning the action that
/// reports its outcome. Searches, imports, the clipboard and the demo
/// reset are the executor's ([`super::Executor`]).
pub fn perform_store(session: &mut Session, effect: &Effect) -> Option<Action> {
    match effect {
        Effect::LoadDetail(id) => Some(match session.store.listing(*id) {
            Ok(l) => Action::DetailLoaded(Box::new(l)),
            Err(e) => Action::Failed(e.to_string()),
        }),
        Effect::SaveListing(id) => Some(match session.store.save_listing(*id) {
            Ok((_, new)) => Action::Saved {
                listing_id: *id,
                new,
            },
            Err(StoreError::Busy { .. }) => Action::Busy(Box::new(effect.clone())),
            Err(e) => Action::Failed(format!("could not save: {}", brief(&e))),
        }),
        Effect::LoadTracker => Some(match session.store.all_applications() {
            Ok(apps) => Action::TrackerLoaded(apps),
            Err(e) => Action::Failed(e.to_string()),
        }),
        Effect::MarkApplied(listing_id) => Some(match mark_applied(session, *listing_id) {
            Err(StoreError::Busy { .. }) => Action::Busy(Box::new(effect.clone())),
            Err(e) => Action::Failed(format!("could not mark applied: {}", brief(&e))),
            Ok(a) => a,
        }),
        Effect::MoveApp { id, to } => Some(match session.store.move_application(*id, *to, "") {
            Ok(from) => Action::Changed(format!("{} → {}", from.label(), to.label())),
            Err(StoreError::Busy { .. }) => Action::Busy(Box::new(effect.clone())),
            Err(e) => Action::Failed(format!("not moved: {}", brief(&e))),
        }),
        Effect::OpenEdit(id) => Some(match session.store.application(*id) {
            Ok(Some(a)) => Action::EditLoaded(Box::new(a)),
            Ok(None) => Action::Failed(format!("application {id} is gone (deleted elsewhere)")),
            Err(e) => Action::Failed(format!("could not open it: {}", brief(&e))),
        }),
        Effect::SaveEdit { base, patch } => Some(match session.store.save_edit(base, patch) {
            Ok(SaveOutcome::Saved) => Action::EditSaved("Saved".into()),
            Ok(SaveOutcome::Conflicts { conflicts, current }) => {
                Action::EditConflict { conflicts, current }
            }
            Err(e) => Action::EditFailed(format!("Not saved: {}", brief(&e))),
        }),
        Effect::AddApp(new) => Some(match session.store.add_application(new) {
            Ok(id) => Action::EditSaved(format!("Added application {id}")),
            Err(e) => Action::EditFailed(format!("Not added: {}", brief(&e))),
        }),
        Effect::CheckChanged => Some(if session.store.replaced() {
            Action::DatabaseReplaced
        } else {
            match session.changed_elsewhere() {
                Ok(true) => Action::DatabaseChanged,
                Ok(false) | Err(_) => return None,
            }
        }),
        Effect::SaveSearch { name, query } => Some(match session.store.save_search(name, query) {
            Ok(()) => Action::Note(format!("Saved this search as '{}'", name.trim())),
            Err(e) => Action::Failed(format!("not saved: {}", brief(&e))),
        }),
        Effect::ListSaved { home_city } => Some(list_saved(session, home_city.as_deref())),
        Effect::RenameSaved { old, new } => {
            Some(match session.store.rename_saved_search(old, new) {
                Ok(true) => Action::SavedChanged(format!("Renamed '{old}' to '{}'", new.trim())),
                Ok(false) => {
                    Action::Failed(format!("no saved search '{old}' (deleted elsewhere?)"))
                }
                Err(e) => Action::Failed(format!("not renamed: {}", brief(&e))),
            })
        }
        Effect::DeleteSaved(name) => Some(match session.store.remove_saved_search(name) {
            Ok(_) => Action::SavedChanged(format!("Deleted the saved search '{name}'")),
            Err(e) => Action::Failed(format!("not deleted: {}", brief(&e))),
        }),
        Effect::OpenSaved(name) => Some(match open_saved(session, name) {
            Ok(Some(q)) => Action::SavedOpened(Box::new(q)),
            Ok(None) => Action::Failed(format!("no saved search '{name}'")),
            Err(e) => Action::Failed(e.to_string()),
        }),
        Effect::SaveProfile { path, profile } => {
            Some(match crate::config::write_profile(path, profile) {
                Ok(()) => Action::Note(format!("Profile saved to {}", path.display())),
                Err(e) => Action::Failed(format!("profile not saved: {e}")),
            })
        }
        // the executor's own (they need the search or import backend, the
        // terminal, or replace the session)
        Effect::Search { .. }
        | Effect::UseProfile(_)
        | Effect::ResetDemo
        | Effect::ImportFile(_)
        | Effect::CancelImport
        | Effect::Quit
        | Effect::CopyToClipboard(_) => None,
    }
}

/// A store error as the status line shows it: the banner already says why
/// the database is read-only, so the line says only that.
fn brief(e: &StoreError) -> String {
    match e {
        StoreError::ReadOnly { .. } => "the database is open read-only".into(),
        StoreError::DiskFull { .. } => {
            "the disk is full (nothing was lost); free some space and try again".into()
        }
        StoreError::Busy { .. } => {
            "the database is busy (another backdesk is writing); try again in a moment".into()
        }
        e => e.to_string(),
    }
}

/// The import report's width in the app's overlay.
const REPORT_WIDTH: usize = 96;

/// The report as the import overlay shows it.
pub(super) fn report_text(report: &Report) -> String {
    crate::import::report::render(report, REPORT_WIDTH)
}

/// The action reporting an import's result; rebuilds the index of
/// `session` when listings changed.
pub(super) fn imported_action(session: &mut Session, result: Result<Report, JobError>) -> Action {
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            return Action::Imported {
                report: format!("{e:#}"),
                index: None,
                failed: true,
            };
        }
    };
    let text = report_text(&report);
    if !report.changed() {
        return Action::Imported {
            report: text,
            index: None,
            failed: false,
        };
    }
    match session.reload() {
        Ok(()) => Action::Imported {
            report: text,
            index: Some(NewIndex(session.index.clone())),
            failed: false,
        },
        Err(e) => Action::Imported {
            report: format!("{text}\nThe listings were imported, but reloading them failed: {e}"),
            index: None,
            failed: true,
        },
    }
}

/// The saved searches with their counts (one rule with `backdesk saved`).
fn list_saved(session: &Session, home_city: Option<&str>) -> Action {
    match crate::session::saved::saved_counts(&session.store, &session.index, home_city) {
        Ok(list) => Action::SavedListed(list),
        Err(e) => Action::Failed(e.to_string()),
    }
}

fn open_saved(session: &mut Session, name: &str) -> anyhow::Result<Option<Query>> {
    let Some(s) = session.store.saved_search(name)? else {
        return Ok(None);
    };
    session.store.mark_saved_opened(name)?;
    Ok(Some(s.query))
}

fn mark_applied(session: &mut Session, listing_id: i64) -> Result<Action, StoreError> {
    use crate::tracker::Status;
    let store = &mut session.store;
    let (id, _) = store.save_listing(listing_id)?;
    let status = store.application(id)?.map(|a| a.status);
    let already = match status {
        Some(Status::Saved) => {
            store.move_application(id, Status::Applied, "")?;
            None
        }
        // past saved: it stays where it is, and the message says where
        other => other,
    };
    Ok(Action::MarkedApplied {
        listing_id,
        already,
    })
}
