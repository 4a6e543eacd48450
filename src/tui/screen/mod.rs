//! The search screen that Listings and Roles share: a search box, a filter
//! sidebar, a list and a detail pane, with one focus among them. This
//! module holds what the two have in common (the text, the focus, the
//! cursors and scrolls; the keys, clicks and wheel over them; the drawing
//! of the box and the sidebar); each screen says what it lists through
//! [`update::Listed`].

pub mod update;
pub mod view;

use super::input::TextInput;
use super::layout::Focus;
use super::state::{Cursor, SideState};

/// Which part of a search screen has the keyboard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    /// The search box, where the screen starts.
    #[default]
    Search,
    Filters,
    /// The list: listings, or roles.
    Results,
    Detail,
}

impl Pane {
    pub const ORDER: [Pane; 4] = [Pane::Search, Pane::Filters, Pane::Results, Pane::Detail];

    pub fn next(self) -> Pane {
        let i = Pane::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ORDER[(i + 1) % Pane::ORDER.len()]
    }

    pub fn prev(self) -> Pane {
        let i = Pane::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ORDER[(i + Pane::ORDER.len() - 1) % Pane::ORDER.len()]
    }

    /// What the layout gives room to on a narrow screen.
    pub fn focus(self) -> Focus {
        match self {
            Pane::Search => Focus::Search,
            Pane::Filters => Focus::Side,
            Pane::Results => Focus::Main,
            Pane::Detail => Focus::Detail,
        }
    }
}

/// What a search screen holds whatever it lists.
#[derive(Debug, Clone, Default)]
pub struct Screen {
    pub pane: Pane,
    pub input: TextInput,
    /// The list's selection and scroll.
    pub cursor: Cursor,
    pub side: SideState,
    pub detail_scroll: u16,
    /// How wide the list would like to be to show its names whole (0: no
    /// wish), set when results arrive; the wide layout leans towards it.
    pub results_want: u16,
}

impl Screen {
    /// The pane with the keyboard.
    pub fn pane(&self) -> Pane {
        self.pane
    }
}
