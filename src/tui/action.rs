//! What can happen (actions, from keys, the mouse and finished work) and
//! what the loop must do about it (effects).

use std::sync::Arc;

use crate::catalog::Listing;
use crate::keys::Command;
use crate::search::{Index, Query, Results};
use crate::tracker::edit::Conflict;
use crate::tracker::{Application, NewApp, Patch, Status};

/// The four screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Listings,
    Roles,
    Salaries,
    Tracker,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Listings, Tab::Roles, Tab::Salaries, Tab::Tracker];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Listings => "Listings",
            Tab::Roles => "Roles",
            Tab::Salaries => "Salaries",
            Tab::Tracker => "Tracker",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// The command that shows this tab.
    pub fn command(self) -> Command {
        match self {
            Tab::Listings => Command::TabListings,
            Tab::Roles => Command::TabRoles,
            Tab::Salaries => Command::TabSalaries,
            Tab::Tracker => Command::TabTracker,
        }
    }

    /// The commands' screen for this tab.
    pub fn screen(self) -> crate::keys::Screens {
        use crate::keys::Screens;
        match self {
            Tab::Listings => Screens::LISTINGS,
            Tab::Roles => Screens::ROLES,
            Tab::Salaries => Screens::SALARIES,
            Tab::Tracker => Screens::TRACKER,
        }
    }
}

/// Everything that changes state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // -- from keys (names are what the config's [keys] table uses) --
    Quit,
    Help,
    FocusSearch,
    Escape,
    NextPane,
    PrevPane,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Toggle,
    Exclude,
    ClearFilters,
    /// Search text read (places, pay, synonyms) ↔ matched as typed.
    ToggleLiteral,
    /// Search for the "Did you mean" text.
    AcceptSuggestion,
    CycleSort,
    Save,
    TogglePeriod,
    RoleListings,
    Apply,
    StartMove,
    MoveTo(Status),
    NextStage,
    PrevStage,
    Edit,
    New,
    CycleView,
    CycleFilter,
    Left,
    Right,
    FormSave,
    /// Open the import prompt.
    Import,
    CycleWithin,
    SaveSearch,
    CopyLink,
    SavedSearches,
    EditProfile,
    ResetDemo,
    /// Enter inside a form (a new line in notes).
    Newline,
    GoTab(Tab),
    NextTab,
    PrevTab,
    /// Open the command palette.
    Palette,
    /// In the saved-searches overlay: rename / delete the selected one.
    Rename,
    DeleteItem,
    // -- text editing in a search box --
    Insert(char),
    Paste(String),
    Backspace,
    Delete,
    DeleteWord,
    ClearInput,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    // -- mouse and terminal --
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    // -- results of effects --
    Searched {
        generation: u64,
        results: Arc<Results>,
    },
    DetailLoaded(Box<Option<Listing>>),
    Saved {
        listing_id: i64,
        new: bool,
    },
    /// A listing was marked applied (saving it first if needed), or was
    /// `already` at this stage and left there.
    MarkedApplied {
        listing_id: i64,
        already: Option<Status>,
    },
    /// A tracker change was written; the message says what.
    Changed(String),
    TrackerLoaded(Vec<Application>),
    /// The saved searches with their counts.
    SavedListed(Vec<crate::session::saved::SavedCount>),
    /// A saved search was renamed or deleted: say so, list them again.
    SavedChanged(String),
    /// A saved search to run.
    SavedOpened(Box<Query>),
    /// Something worked; say so in the status bar.
    Note(String),
    /// An import finished: its report, and the rebuilt index if anything changed.
    Imported {
        report: String,
        index: Option<NewIndex>,
        failed: bool,
    },
    Failed(String),
    /// An application read afresh for the edit form.
    EditLoaded(Box<Application>),
    /// The form's changes were written.
    EditSaved(String),
    /// Nothing written: fields the form changed were changed elsewhere.
    EditConflict {
        conflicts: Vec<Conflict>,
        current: Box<Application>,
    },
    /// The form's save failed; it stays open with what was typed.
    EditFailed(String),
    /// The timer: look for changes made elsewhere, retry what was busy.
    Tick,
    /// Another program changed the database: read the applications again.
    DatabaseChanged,
    /// The database file was replaced or deleted under the app.
    DatabaseReplaced,
    /// The database was busy: this effect is tried again on the next ticks.
    Busy(Box<Effect>),
    /// How far the import has got.
    ImportProgress(String),
}

impl From<Command> for Action {
    fn from(c: Command) -> Action {
        use Command as C;
        match c {
            C::Palette => Action::Palette,
            C::Help => Action::Help,
            C::TabListings => Action::GoTab(Tab::Listings),
            C::TabRoles => Action::GoTab(Tab::Roles),
            C::TabSalaries => Action::GoTab(Tab::Salaries),
            C::TabTracker => Action::GoTab(Tab::Tracker),
            C::NextTab => Action::NextTab,
            C::PrevTab => Action::PrevTab,
            C::Profile => Action::EditProfile,
            C::SavedSearches => Action::SavedSearches,
            C::ResetDemo => Action::ResetDemo,
            C::Quit => Action::Quit,
            C::Save => Action::Save,
            C::Apply => Action::Apply,
            C::Toggle => Action::Toggle,
            C::Exclude => Action::Exclude,
            C::ClearFilters => Action::ClearFilters,
            C::Sort => Action::CycleSort,
            C::Literal => Action::ToggleLiteral,
            C::AcceptSuggestion => Action::AcceptSuggestion,
            C::Within => Action::CycleWithin,
            C::SaveSearch => Action::SaveSearch,
            C::CopyLink => Action::CopyLink,
            C::Import => Action::Import,
            C::RoleListings => Action::RoleListings,
            C::Period => Action::TogglePeriod,
            C::Move => Action::StartMove,
            C::NextStage => Action::NextStage,
            C::PrevStage => Action::PrevStage,
            C::Edit => Action::Edit,
            C::New => Action::New,
            C::View => Action::CycleView,
            C::Filter => Action::CycleFilter,
            C::FormSave => Action::FormSave,
            C::Rename => Action::Rename,
            C::Delete => Action::DeleteItem,
            C::Search => Action::FocusSearch,
            C::Escape => Action::Escape,
            C::NextPane => Action::NextPane,
            C::PrevPane => Action::PrevPane,
            C::Open => Action::Open,
            C::Up => Action::Up,
            C::Down => Action::Down,
            C::PageUp => Action::PageUp,
            C::PageDown => Action::PageDown,
            C::Top => Action::Top,
            C::Bottom => Action::Bottom,
            C::Left => Action::Left,
            C::Right => Action::Right,
            C::DeleteBack => Action::Backspace,
            C::DeleteForward => Action::Delete,
            C::DeleteWord => Action::DeleteWord,
            C::ClearInput => Action::ClearInput,
            C::CursorLeft => Action::CursorLeft,
            C::CursorRight => Action::CursorRight,
            C::CursorHome => Action::CursorHome,
            C::CursorEnd => Action::CursorEnd,
        }
    }
}

/// A rebuilt index (equal when it is the same one).
#[derive(Debug, Clone)]
pub struct NewIndex(pub Arc<Index>);

impl PartialEq for NewIndex {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Work for the loop: I/O the update function does not do itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52 to the terminal).
    CopyToClipboard(String),
    /// Run this query (in the background); answer with `Searched`.
    Search {
        generation: u64,
        query: Query,
    },
    /// Read one listing for the detail pane.
    LoadDetail(i64),
    /// Save a listing to the tracker.
    SaveListing(i64),
    /// Re-read the applications.
    LoadTracker,
    /// Save (if needed) and move a listing's application to applied.
    MarkApplied(i64),
    /// Move an application to a stage.
    MoveApp {
        id: i64,
        to: Status,
    },
    /// Read an application afresh and open the edit form on it.
    OpenEdit(i64),
    /// Save the fields a form changed, made from `base`.
    SaveEdit {
        base: Box<Application>,
        patch: Box<Patch>,
    },
    /// Add a job seen elsewhere.
    AddApp(Box<NewApp>),
    /// Import listings from a file (in the background), then rebuild the index.
    ImportFile(std::path::PathBuf),
    /// Stop the running import; nothing of it is written.
    CancelImport,
    /// Whether the database changed elsewhere (`PRAGMA data_version`).
    CheckChanged,
    /// Save the current search under a name.
    SaveSearch {
        name: String,
        query: Box<Query>,
    },
    /// List the saved searches with their counts, from this home city.
    ListSaved {
        home_city: Option<String>,
    },
    /// Rename a saved search, then list them again.
    RenameSaved {
        old: String,
        new: String,
    },
    /// Delete a saved search, then list them again.
    DeleteSaved(String),
    /// Load a saved search (and mark it opened).
    OpenSaved(String),
    /// Save the profile to the config file at `path`.
    SaveProfile {
        path: std::path::PathBuf,
        profile: Box<crate::config::Profile>,
    },
    /// Rank with this profile from now on (the search worker).
    UseProfile(Option<Arc<crate::fit::FitProfile>>),
    /// Start the demo again.
    ResetDemo,
    Quit,
}
