//! The one state struct the TUI draws from, and its parts.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use super::action::Tab;
use super::input::TextInput;
use super::keymap::{Keymap, Mode};
use super::sidebar::{GroupId, SideId};
use super::theme::Theme;
use crate::catalog::{Listing, MarketFigure, Source};
use crate::fit::FitProfile;
use crate::money::Period;
use crate::search::{Facet, Index, Query, Results};
use crate::tracker::{Application, Status};

/// Read-only data the screens show, loaded at start.
#[derive(Debug)]
pub struct Data {
    pub index: Arc<Index>,
    pub figures: Vec<MarketFigure>,
    pub sources: Vec<Source>,
    /// Listings per role (catalogue order), over the whole index.
    pub role_counts: Vec<u32>,
}

impl Data {
    pub fn new(index: Arc<Index>, figures: Vec<MarketFigure>, sources: Vec<Source>) -> Data {
        let role_counts = index
            .search_with(
                &Query::default(),
                crate::search::FacetSet::of(&[Facet::Role]),
            )
            .facets
            .of(Facet::Role)
            .to_vec();
        Data {
            index,
            figures,
            sources,
            role_counts,
        }
    }
}

/// Per vocabulary skill: listings that learning it would take from under
/// half to at least half of the skills they ask for (the skill gap).
pub fn profile_unlocks(index: &crate::search::Index, profile: Option<&FitProfile>) -> Vec<u32> {
    match profile {
        Some(p) if p.skills != 0 => index.skill_unlocks(p.skills),
        _ => Vec::new(),
    }
}

pub use super::screen::{Pane, Screen};

/// The Roles screen's panes: the same as Listings' (the name stays for
/// the code that still says it).
pub type RolePane = Pane;

/// A scrollable list position: the selected row and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len`, keeping the selection inside a
    /// window of `height` rows.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let sel = (self.selected as isize + delta).clamp(0, len as isize - 1) as usize;
        self.selected = sel;
        self.fit(len, height);
    }

    pub fn to(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.fit(len, height);
    }

    /// Keeps the offset such that the selection is visible.
    pub fn fit(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        self.selected = self.selected.min(len - 1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Scrolls the view without moving the selection off screen.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        let max = len.saturating_sub(height.max(1)) as isize;
        self.offset = (self.offset as isize + delta).clamp(0, max.max(0)) as usize;
        let height = height.max(1);
        if self.selected < self.offset {
            self.selected = self.offset;
        } else if self.selected >= self.offset + height {
            self.selected = self.offset + height - 1;
        }
        self.selected = self.selected.min(len.saturating_sub(1));
    }
}

/// The Listings screen: the shared search screen over the listings index.
#[derive(Debug)]
pub struct Listings {
    /// The box, the focus, the cursors and scrolls.
    pub screen: Screen,
    pub query: Query,
    /// Generation of the newest search asked for.
    pub generation: u64,
    /// Generation of the results shown.
    pub shown_generation: u64,
    /// The query text the shown results are for.
    pub shown_text: String,
    /// The sort the shown results are in.
    pub shown_sort: crate::search::Sort,
    pub results: Arc<Results>,
    /// The listing whose detail is shown (loaded from the store).
    pub detail: Option<Listing>,
    /// The query a jump from Roles or Salaries replaced: Esc brings it back.
    pub previous: Option<Query>,
}

impl Listings {
    pub fn pending(&self) -> bool {
        self.generation != self.shown_generation
    }

    /// The listing id under the cursor.
    pub fn selected_id(&self, index: &Index) -> Option<i64> {
        self.results
            .hits
            .get(self.screen.cursor.selected)
            .map(|h| index.id(h.row as usize))
    }
}

/// A sidebar's cursor and scroll, and which groups show all their values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideState {
    pub at: Option<SideId>,
    pub offset: usize,
    pub expanded: HashSet<GroupId>,
}

impl SideState {
    /// Scrolls a sidebar of `len` lines showing `rows` at a time so that
    /// line `pos` is in view, with no blank space under the last line.
    pub fn follow(&mut self, pos: usize, rows: usize, len: usize) {
        let rows = rows.max(1);
        if pos < self.offset {
            self.offset = pos;
        } else if pos >= self.offset + rows {
            self.offset = pos + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }
}

/// The Roles screen: the shared search screen over the role vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    /// The box, the focus, the cursors and scrolls.
    pub screen: Screen,
    pub categories: BTreeSet<String>,
    pub not_categories: BTreeSet<String>,
    pub skills: BTreeSet<String>,
    pub not_skills: BTreeSet<String>,
    /// Matching roles (positions in the vocabulary), best first.
    pub found: Vec<usize>,
    /// Roles marked for comparing side by side (positions, at most 3).
    pub compare: Vec<usize>,
    /// Best fit first (with a profile) instead of best match.
    pub by_fit: bool,
}

/// The Salaries screen.
#[derive(Debug, Clone, Default)]
pub struct Salaries {
    pub cursor: Cursor,
}

/// How the Tracker shows applications.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TrackerView {
    #[default]
    Board,
    List,
    Stats,
}

/// Which applications the Tracker's list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TrackerFilter {
    #[default]
    All,
    Open,
    Only(Status),
}

impl TrackerFilter {
    pub fn next(self) -> TrackerFilter {
        match self {
            TrackerFilter::All => TrackerFilter::Open,
            TrackerFilter::Open => TrackerFilter::Only(Status::ALL[0]),
            TrackerFilter::Only(s) => match Status::ALL.iter().position(|&x| x == s) {
                Some(i) if i + 1 < Status::ALL.len() => TrackerFilter::Only(Status::ALL[i + 1]),
                _ => TrackerFilter::All,
            },
        }
    }

    pub fn keeps(self, s: Status) -> bool {
        match self {
            TrackerFilter::All => true,
            TrackerFilter::Open => s.is_open(),
            TrackerFilter::Only(x) => x == s,
        }
    }

    pub fn label(self) -> String {
        match self {
            TrackerFilter::All => "all".into(),
            TrackerFilter::Open => "open".into(),
            TrackerFilter::Only(s) => s.label().to_lowercase(),
        }
    }
}

/// The list's order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TrackerSort {
    #[default]
    Updated,
    Stage,
    NextDate,
    Company,
}

impl TrackerSort {
    pub fn next(self) -> TrackerSort {
        match self {
            TrackerSort::Updated => TrackerSort::Stage,
            TrackerSort::Stage => TrackerSort::NextDate,
            TrackerSort::NextDate => TrackerSort::Company,
            TrackerSort::Company => TrackerSort::Updated,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TrackerSort::Updated => "last changed",
            TrackerSort::Stage => "stage",
            TrackerSort::NextDate => "next date",
            TrackerSort::Company => "company",
        }
    }
}

/// The Tracker screen.
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    pub apps: Vec<Application>,
    pub view: TrackerView,
    /// The selected application (board and list).
    pub selected: Option<i64>,
    /// The board column with the cursor.
    pub column: usize,
    pub cursor: Cursor,
    pub filter: TrackerFilter,
    pub sort: TrackerSort,
    /// `m` was pressed: the next key names a stage.
    pub moving: bool,
    pub detail_scroll: u16,
}

/// The import prompt: a path to type, then the report.
#[derive(Debug, Clone, Default)]
pub struct ImportPrompt {
    pub input: TextInput,
    /// Set once the import ran: the report (or the error) to show.
    pub report: Option<String>,
    pub failed: bool,
    /// An import is running.
    pub busy: bool,
    /// How far it has got ("Importing 12,400 of 20,000…").
    pub progress: Option<String>,
    /// Esc was pressed: the import is stopping.
    pub cancelling: bool,
    pub scroll: u16,
}

/// The saved-searches overlay: naming the current search, or the list.
#[derive(Debug, Clone, Default)]
pub struct SavedOverlay {
    /// Typing a name for the current search (or a new name for one).
    pub naming: Option<TextInput>,
    /// The saved search being renamed (its old name), while naming.
    pub renaming: Option<String>,
    pub list: Vec<crate::session::saved::SavedCount>,
    pub cursor: Cursor,
}

/// The command palette: a filter box over the commands of this screen.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub input: TextInput,
    pub cursor: Cursor,
}

/// What is drawn over the screen and has the keyboard: at most one, by
/// construction.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key; how far it is scrolled.
    Help {
        scroll: u16,
    },
    Palette(Palette),
    Import(ImportPrompt),
    SavedSearches(SavedOverlay),
    Profile(super::form::Form),
    /// The tracker's edit or add form.
    TrackerForm(super::form::Form),
}

impl Overlay {
    /// The keyboard's mode while this overlay is open.
    pub fn mode(&self) -> Mode {
        let typing = match self {
            Overlay::Help { .. } => false,
            Overlay::Palette(_) => true,
            Overlay::Import(p) => p.report.is_none() && !p.busy,
            Overlay::SavedSearches(o) => o.naming.is_some(),
            Overlay::Profile(f) | Overlay::TrackerForm(f) => f.is_text(),
        };
        if typing { Mode::Type } else { Mode::Browse }
    }

    /// Whether it holds work that a stray key must not throw away.
    pub fn holds_work(&self) -> bool {
        matches!(
            self,
            Overlay::Profile(_) | Overlay::TrackerForm(_) | Overlay::Import(_)
        ) || matches!(self, Overlay::SavedSearches(o) if o.naming.is_some())
    }
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

/// Everything the TUI shows.
#[derive(Debug)]
pub struct State {
    pub data: Data,
    pub tab: Tab,
    /// What is open over the screen, if anything.
    pub overlay: Option<Overlay>,
    pub width: u16,
    pub height: u16,
    pub period: Period,
    pub listings: Listings,
    pub roles: Roles,
    pub salaries: Salaries,
    pub tracker: Tracker,
    /// Listing ids with an application.
    pub saved: HashSet<i64>,
    pub flash: Option<Flash>,
    /// Follow-ups and interviews due, shown once at start.
    pub banner: Option<String>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The profile's home city (for the distance sort).
    pub home_city: Option<String>,
    /// The profile, when it says anything (fit scores and the best-fit sort).
    pub profile: Option<Arc<FitProfile>>,
    /// The profile as the config has it (what the profile form edits).
    pub config_profile: crate::config::Profile,
    /// Where the profile form saves.
    pub config_path: Option<std::path::PathBuf>,
    /// Per vocabulary skill, the listings learning it would unlock.
    pub unlocks: Vec<u32>,
    /// `--demo`: nothing is saved.
    pub demo: bool,
    /// Why the database could only be opened read-only (nothing is saved).
    pub read_only: Option<String>,
    /// Changes that found the database busy, tried again on the next ticks.
    pub retry: Vec<super::action::Effect>,
    /// Ticks the changes in `retry` have been waiting.
    pub retry_ticks: u32,
    pub quit: bool,
}

/// What a new `State` starts from.
pub struct Init {
    pub data: Data,
    pub query: Query,
    pub period: Period,
    pub keymap: Keymap,
    pub theme: Theme,
    pub home_city: Option<String>,
    pub profile: Option<Arc<FitProfile>>,
    pub saved: HashSet<i64>,
    pub width: u16,
    pub height: u16,
}

impl State {
    pub fn new(init: Init) -> State {
        let roles = Roles {
            found: (0..init.data.index.vocab().roles.len()).collect(),
            ..Roles::default()
        };
        let mut query = init.query;
        if query.home_city.is_none() {
            query.home_city = init.home_city.clone();
        }
        State {
            data: init.data,
            tab: Tab::Listings,
            overlay: None,
            width: init.width,
            height: init.height,
            period: init.period,
            listings: Listings {
                screen: Screen {
                    input: TextInput::with(&query.text),
                    ..Screen::default()
                },
                query,
                generation: 0,
                shown_generation: 0,
                shown_text: String::new(),
                shown_sort: crate::search::Sort::Relevance,
                results: Arc::new(Results::default()),
                detail: None,
                previous: None,
            },
            roles,
            salaries: Salaries::default(),
            tracker: Tracker::default(),
            saved: init.saved,
            flash: None,
            banner: None,
            keymap: init.keymap,
            theme: init.theme,
            home_city: init.home_city,
            profile: init.profile,
            config_profile: crate::config::Profile::default(),
            config_path: None,
            unlocks: Vec::new(),
            demo: false,
            read_only: None,
            retry: Vec::new(),
            retry_ticks: 0,
            quit: false,
        }
    }

    pub fn index(&self) -> &Index {
        &self.data.index
    }

    /// The keyboard's mode now: typing in a text box, or browsing.
    pub fn mode(&self) -> Mode {
        if let Some(o) = &self.overlay {
            return o.mode();
        }
        let in_box = match self.tab {
            Tab::Listings => self.listings.screen.pane == Pane::Search,
            Tab::Roles => self.roles.screen.pane == Pane::Search,
            _ => false,
        };
        if in_box { Mode::Type } else { Mode::Browse }
    }

    /// Whether the keyboard is typing into a text box or a form field.
    pub fn typing(&self) -> bool {
        self.mode() == Mode::Type
    }

    /// Whether the next key names a stage (after `m` on the Tracker).
    pub fn awaiting_stage(&self) -> bool {
        self.overlay.is_none() && self.tab == Tab::Tracker && self.tracker.moving
    }

    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help { .. }))
    }

    pub fn import(&self) -> Option<&ImportPrompt> {
        match &self.overlay {
            Some(Overlay::Import(p)) => Some(p),
            _ => None,
        }
    }

    pub fn import_mut(&mut self) -> Option<&mut ImportPrompt> {
        match &mut self.overlay {
            Some(Overlay::Import(p)) => Some(p),
            _ => None,
        }
    }

    pub fn saved_searches(&self) -> Option<&SavedOverlay> {
        match &self.overlay {
            Some(Overlay::SavedSearches(o)) => Some(o),
            _ => None,
        }
    }

    pub fn saved_searches_mut(&mut self) -> Option<&mut SavedOverlay> {
        match &mut self.overlay {
            Some(Overlay::SavedSearches(o)) => Some(o),
            _ => None,
        }
    }

    pub fn profile_form(&self) -> Option<&super::form::Form> {
        match &self.overlay {
            Some(Overlay::Profile(f)) => Some(f),
            _ => None,
        }
    }

    pub fn tracker_form(&self) -> Option<&super::form::Form> {
        match &self.overlay {
            Some(Overlay::TrackerForm(f)) => Some(f),
            _ => None,
        }
    }

    pub fn tracker_form_mut(&mut self) -> Option<&mut super::form::Form> {
        match &mut self.overlay {
            Some(Overlay::TrackerForm(f)) => Some(f),
            _ => None,
        }
    }

    pub fn palette(&self) -> Option<&Palette> {
        match &self.overlay {
            Some(Overlay::Palette(p)) => Some(p),
            _ => None,
        }
    }

    pub fn flash(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    pub fn flash_error(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_keeps_the_selection_visible() {
        let mut c = Cursor::default();
        c.step(15, 100, 10);
        assert_eq!((c.selected, c.offset), (15, 6));
        c.step(-10, 100, 10);
        assert_eq!((c.selected, c.offset), (5, 5));
        c.to(1000, 100, 10);
        assert_eq!((c.selected, c.offset), (99, 90));
        c.scroll(-50, 100, 10);
        assert_eq!((c.selected, c.offset), (49, 40));
        c.step(1, 0, 10);
        assert_eq!(c, Cursor::default());
    }
}
