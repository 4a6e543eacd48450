//! Every command a key can be bound to: its config name (kebab-case, what
//! `[keys]` in the config uses), where it works, its default keys while
//! browsing and while typing in a text box, and what it does. Help, the
//! command palette and the README's key table are all made from this one
//! table.

use serde::Serialize;

/// The screens a command belongs to (a set of bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Screens(pub u8);

impl Screens {
    pub const LISTINGS: Screens = Screens(1);
    pub const ROLES: Screens = Screens(2);
    pub const SALARIES: Screens = Screens(4);
    pub const TRACKER: Screens = Screens(8);
    pub const ALL: Screens = Screens(15);
    /// Only inside an overlay (saved searches, forms).
    pub const OVERLAY: Screens = Screens(16);
    pub const SEARCH: Screens = Screens(1 | 2);
    pub const ROLE_PICK: Screens = Screens(2 | 4);
    pub const SORTABLE: Screens = Screens(1 | 2 | 8);
    pub const APPLY: Screens = Screens(1 | 8);

    pub fn has(self, other: Screens) -> bool {
        self.0 & other.0 != 0
    }

    /// The screens named ("Listings, Tracker"); `None` for everywhere.
    pub fn label(self) -> Option<String> {
        if self == Screens::ALL {
            return None;
        }
        if self == Screens::OVERLAY {
            return Some("overlays".into());
        }
        let names: Vec<&str> = [
            (Screens::LISTINGS, "Listings"),
            (Screens::ROLES, "Roles"),
            (Screens::SALARIES, "Salaries"),
            (Screens::TRACKER, "Tracker"),
        ]
        .iter()
        .filter(|(s, _)| self.has(*s))
        .map(|(_, n)| *n)
        .collect();
        Some(names.join(", "))
    }
}

/// What sort of command it is, for grouping in help and the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Anywhere: tabs, help, the palette, quitting.
    App,
    /// Something done to what is selected.
    Act,
    /// Moving between and inside panes.
    Move,
    /// Editing the text in a box.
    Edit,
}

macro_rules! commands {
    ($( $(#[$doc:meta])* $var:ident = $name:literal, $screens:ident, $kind:ident,
        [$($browse:literal),*], [$($typing:literal),*], $help:literal; )*) => {
        /// A command a key can be bound to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum Command {
            $( $(#[$doc])* #[serde(rename = $name)] $var, )*
        }

        impl Command {
            /// Every command, in the order help shows them.
            pub const ALL: &'static [Command] = &[$(Command::$var),*];

            /// The name the config's `[keys]` table uses.
            pub fn name(self) -> &'static str {
                match self { $(Command::$var => $name),* }
            }

            /// What it does, as help and the palette say it.
            pub fn help(self) -> &'static str {
                match self { $(Command::$var => $help),* }
            }

            /// Where it works.
            pub fn screens(self) -> Screens {
                match self { $(Command::$var => Screens::$screens),* }
            }

            pub fn kind(self) -> Kind {
                match self { $(Command::$var => Kind::$kind),* }
            }

            /// Default keys while browsing a pane.
            pub fn browse_keys(self) -> &'static [&'static str] {
                match self { $(Command::$var => &[$($browse),*]),* }
            }

            /// Default keys while typing in a text box (never a text key).
            pub fn typing_keys(self) -> &'static [&'static str] {
                match self { $(Command::$var => &[$($typing),*]),* }
            }
        }
    };
}

commands! {
    // -- anywhere --
    Palette = "palette", ALL, App, [":", "ctrl-k"], ["ctrl-k"],
        "the command palette: find any command by name";
    Help = "help", ALL, App, ["?", "f1"], ["f1"], "this help: every key, as bound now";
    TabListings = "tab-listings", ALL, App, ["1", "alt-1"], ["alt-1"], "Listings tab";
    TabRoles = "tab-roles", ALL, App, ["2", "alt-2"], ["alt-2"], "Roles tab";
    TabSalaries = "tab-salaries", ALL, App, ["3", "alt-3"], ["alt-3"], "Salaries tab";
    TabTracker = "tab-tracker", ALL, App, ["4", "alt-4"], ["alt-4"], "Tracker tab";
    NextTab = "next-tab", ALL, App, ["]"], [], "next tab";
    PrevTab = "prev-tab", ALL, App, ["["], [], "previous tab";
    Profile = "profile", ALL, App, ["P"], [], "your profile (skills, home city, pay)";
    SavedSearches = "saved-searches", ALL, App, ["'"], [], "saved searches, with what is new";
    ResetDemo = "reset-demo", ALL, App, ["f5"], ["f5"], "start the demo again (demo only)";
    Quit = "quit", ALL, App, ["q", "ctrl-c"], ["ctrl-c"], "quit";
    // -- on what is selected --
    Save = "save", LISTINGS, Act, ["s"], [], "save the listing to the tracker";
    Apply = "apply", APPLY, Act, ["a"], [], "mark it applied";
    Toggle = "toggle", SEARCH, Act, ["space"], [],
        "include a filter value; on Roles, mark to compare";
    Exclude = "exclude", SEARCH, Act, ["x"], [], "exclude the filter value";
    ClearFilters = "clear-filters", SEARCH, Act, ["c"], [], "clear all filters";
    Sort = "sort", SORTABLE, Act, ["o"], [], "change the order";
    Literal = "literal", LISTINGS, Act, ["ctrl-l"], ["ctrl-l"],
        "match words as typed / read them again";
    AcceptSuggestion = "accept-suggestion", LISTINGS, Act, ["ctrl-y"], ["ctrl-y"],
        "search for the \"Did you mean\" words";
    Within = "within", LISTINGS, Act, ["w"], [],
        "within 25 / 50 / 100 / 300 km of home";
    SaveSearch = "save-search", LISTINGS, Act, ["b"], [], "save the search under a name";
    CopyLink = "copy-link", LISTINGS, Act, ["y"], [],
        "copy the apply link (or e-mail) to the clipboard";
    Import = "import", LISTINGS, Act, ["i"], [], "import listings from a file";
    RoleListings = "role-listings", ROLE_PICK, Act, ["l"], [], "listings of the selected role";
    Period = "period", ALL, Act, ["p"], [], "salaries per month / per year";
    Move = "move", TRACKER, Act, ["m"], [], "move to a stage: then s a h i o c r w";
    NextStage = "next-stage", TRACKER, Act, [">"], [], "move to the next stage";
    PrevStage = "prev-stage", TRACKER, Act, ["<"], [], "move back a stage";
    Edit = "edit", TRACKER, Act, ["e"], [], "edit notes, dates, contact, checklists";
    New = "new", TRACKER, Act, ["n"], [], "add a job seen elsewhere";
    View = "view", TRACKER, Act, ["v"], [], "board / list / stats";
    Filter = "filter", TRACKER, Act, ["f"], [], "filter the list by status";
    FormSave = "form-save", OVERLAY, Act, ["ctrl-s", "f2"], ["ctrl-s", "f2"], "save the form";
    Rename = "rename", OVERLAY, Act, ["r"], [], "rename the saved search";
    Delete = "delete", OVERLAY, Act, ["d"], [], "delete the saved search";
    // -- moving --
    Search = "search", SEARCH, Move, ["/"], [], "go to the search box";
    Escape = "escape", ALL, Move, ["esc"], ["esc"],
        "one level up: overlay, pane, box";
    NextPane = "next-pane", ALL, Move, ["tab"], ["tab"], "next pane";
    PrevPane = "prev-pane", ALL, Move, ["shift-tab"], ["shift-tab"], "previous pane";
    Open = "open", ALL, Move, ["enter"], ["enter"],
        "open the detail / expand a filter / run";
    Up = "up", ALL, Move, ["k", "up"], ["up"], "move up";
    Down = "down", ALL, Move, ["j", "down"], ["down"], "move down";
    PageUp = "page-up", ALL, Move, ["pageup"], ["pageup"], "page up";
    PageDown = "page-down", ALL, Move, ["pagedown"], ["pagedown"], "page down";
    Top = "top", ALL, Move, ["g", "home"], [], "first row";
    Bottom = "bottom", ALL, Move, ["G", "end"], [], "last row";
    Left = "left", TRACKER, Move, ["h", "left"], [], "board: the column to the left";
    Right = "right", TRACKER, Move, ["l", "right"], [], "board: the column to the right";
    // -- in a text box --
    DeleteBack = "delete-back", ALL, Edit, [], ["backspace", "ctrl-h"], "delete the letter before the cursor";
    DeleteForward = "delete-forward", ALL, Edit, [], ["delete"], "delete the letter under the cursor";
    DeleteWord = "delete-word", ALL, Edit, [], ["ctrl-w"], "delete the word before the cursor";
    ClearInput = "clear-input", ALL, Edit, [], ["ctrl-u"], "delete the whole text";
    CursorLeft = "cursor-left", ALL, Edit, [], ["left"], "cursor left";
    CursorRight = "cursor-right", ALL, Edit, [], ["right"], "cursor right";
    CursorHome = "cursor-home", ALL, Edit, [], ["home", "ctrl-a"], "cursor to the start";
    CursorEnd = "cursor-end", ALL, Edit, [], ["end", "ctrl-e"], "cursor to the end";
}

impl Command {
    /// The command named `name` in the config, or why there is none.
    pub fn from_name(name: &str) -> Result<Command, String> {
        Command::ALL
            .iter()
            .copied()
            .find(|c| c.name() == name)
            .ok_or_else(|| {
                let near = Command::ALL
                    .iter()
                    .map(|c| (strsim::jaro_winkler(name, c.name()), c.name()))
                    .filter(|(score, _)| *score >= 0.82)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, n)| n);
                match near {
                    Some(n) => format!("no command '{name}'; did you mean {n}?"),
                    None => format!(
                        "no command '{name}' (see the Keys section of the README for the names)"
                    ),
                }
            })
    }
}

impl<'de> serde::Deserialize<'de> for Command {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Command, D::Error> {
        let s = String::deserialize(d)?;
        Command::from_name(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &c in Command::ALL {
            let n = c.name();
            assert!(seen.insert(n), "{n} twice");
            assert!(
                n.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{n}"
            );
            assert_eq!(Command::from_name(n), Ok(c));
        }
        assert!(
            Command::from_name("quitt").is_err_and(|e| e.contains("did you mean quit")),
            "suggests"
        );
    }

    #[test]
    fn default_keys_parse_and_typing_keys_are_never_text() {
        for &c in Command::ALL {
            for k in c.browse_keys() {
                assert!(k.parse::<super::super::Key>().is_ok(), "{c:?}: {k}");
            }
            for k in c.typing_keys() {
                let key: super::super::Key = k.parse().expect("key");
                assert!(!key.is_text(), "{c:?}: '{k}' would be typed as text");
            }
        }
    }
}
