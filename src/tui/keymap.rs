//! Keys to actions. Bindings are data: defaults here, overridable per
//! action from the config's `[keys]` table ("quit = ["q", "ctrl-q"]").

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Tab};
use crate::config::KeySpec;

/// A key with its modifiers, as written in the config ("ctrl-c").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// Normalises a terminal key event: SHIFT is implied by the character
    /// itself ('G', '?'), and shift-tab arrives as BackTab.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        Key::normal(ev.code, mods)
    }

    /// One spelling per key: SHIFT is dropped where the code already
    /// carries it (a character, BackTab), and shift + Tab is BackTab.
    fn normal(code: KeyCode, mut mods: KeyModifiers) -> Key {
        let code = match code {
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    /// How the key is written: "ctrl-c", "shift-tab", "pagedown", "?".
    pub fn name(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("shift-");
        }
        let code = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Delete => "delete".into(),
            KeyCode::Insert => "insert".into(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::PageUp => "pageup".into(),
            KeyCode::PageDown => "pagedown".into(),
            KeyCode::F(n) => format!("f{n}"),
            _ => "?".into(),
        };
        s.push_str(&code);
        s
    }
}

/// Parses "q", "G", "ctrl-c", "alt-x", "shift-tab", "pagedown", "f1", "space".
pub fn parse_key(s: &str) -> Result<Key, String> {
    let bad = || {
        format!(
            "'{s}' is not a key (write e.g. \"q\", \"ctrl-c\", \"shift-tab\", \"pagedown\", \"f1\")"
        )
    };
    let mut mods = KeyModifiers::NONE;
    let mut rest = s.trim();
    if rest.is_empty() {
        return Err(bad());
    }
    loop {
        let lower = rest.to_ascii_lowercase();
        if rest.chars().count() > 1 && (lower.starts_with("ctrl-") || lower.starts_with("ctrl+")) {
            mods |= KeyModifiers::CONTROL;
            rest = &rest[5..];
        } else if rest.chars().count() > 1
            && (lower.starts_with("alt-") || lower.starts_with("alt+"))
        {
            mods |= KeyModifiers::ALT;
            rest = &rest[4..];
        } else if rest.chars().count() > 1
            && (lower.starts_with("shift-") || lower.starts_with("shift+"))
        {
            mods |= KeyModifiers::SHIFT;
            rest = &rest[6..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            if mods.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(c.to_ascii_lowercase())
            } else {
                KeyCode::Char(c)
            }
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            f if f.starts_with('f') => match f[1..].parse::<u8>() {
                Ok(n) if (1..=12).contains(&n) => KeyCode::F(n),
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        },
    };
    Ok(Key::normal(code, mods))
}

/// The actions that keys can be bound to, with their config names,
/// default keys and help text, in the order the help shows them.
pub const ACTIONS: &[(&str, &[&str], &str)] = &[
    ("search", &["/"], "focus the search box"),
    (
        "escape",
        &["esc"],
        "leave the search box / close a pane or overlay",
    ),
    ("next-pane", &["tab"], "next pane"),
    ("prev-pane", &["shift-tab"], "previous pane"),
    ("up", &["k", "up"], "move up"),
    ("down", &["j", "down"], "move down"),
    ("page-up", &["pageup"], "page up"),
    ("page-down", &["pagedown"], "page down"),
    ("top", &["g", "home"], "first row"),
    ("bottom", &["G", "end"], "last row"),
    ("open", &["enter"], "open the detail / expand a filter"),
    (
        "toggle",
        &["space"],
        "include the filter value under the cursor",
    ),
    (
        "exclude",
        &["x"],
        "exclude the filter value under the cursor",
    ),
    ("clear-filters", &["c"], "clear all filters"),
    (
        "literal",
        &["ctrl-l"],
        "(Listings) match the search words exactly as typed / read them again",
    ),
    (
        "accept-suggestion",
        &["ctrl-y"],
        "(Listings) search for the \"Did you mean\" text",
    ),
    ("sort", &["o"], "cycle the sort order"),
    ("save", &["s"], "save the listing to the tracker"),
    ("period", &["p"], "salaries per month / per year"),
    ("apply", &["a"], "mark the listing or application applied"),
    (
        "move",
        &["m"],
        "(Tracker) move to a stage: then s a h i o c r w",
    ),
    ("next-stage", &[">"], "(Tracker) move to the next stage"),
    ("prev-stage", &["<"], "(Tracker) move back a stage"),
    (
        "edit",
        &["e"],
        "(Tracker) edit notes, dates, contact, checklists",
    ),
    ("new", &["n"], "(Tracker) add a job seen elsewhere"),
    ("view", &["v"], "(Tracker) board / list / stats"),
    ("filter", &["f"], "(Tracker) filter the list by status"),
    ("left", &["h", "left"], "(Tracker board) column to the left"),
    ("right", &["right"], "(Tracker board) column to the right"),
    ("form-save", &["ctrl-s", "f2"], "(forms) save"),
    ("import", &["i"], "(Listings) import listings from a file"),
    (
        "within",
        &["w"],
        "(Listings) only listings within 25 / 50 / 100 / 300 km of home",
    ),
    (
        "save-search",
        &["b"],
        "(Listings) save the search under a name",
    ),
    ("saved-searches", &["'"], "saved searches, with what is new"),
    (
        "copy-link",
        &["y"],
        "(Listings) copy the apply link (or e-mail) to the clipboard",
    ),
    (
        "profile",
        &["P"],
        "edit your profile (skills, home city, pay...)",
    ),
    ("reset-demo", &["f5"], "(demo) start the demo again"),
    ("role-listings", &["l"], "listings of the selected role"),
    ("tab-listings", &["1"], "Listings tab"),
    ("tab-roles", &["2"], "Roles tab"),
    ("tab-salaries", &["3"], "Salaries tab"),
    ("tab-tracker", &["4"], "Tracker tab"),
    ("next-tab", &["]"], "next tab"),
    ("prev-tab", &["["], "previous tab"),
    ("help", &["?", "f1"], "this help"),
    ("quit", &["q", "ctrl-c"], "quit"),
];

fn action_for(name: &str) -> Option<Action> {
    Some(match name {
        "search" => Action::FocusSearch,
        "escape" => Action::Escape,
        "next-pane" => Action::NextPane,
        "prev-pane" => Action::PrevPane,
        "up" => Action::Up,
        "down" => Action::Down,
        "page-up" => Action::PageUp,
        "page-down" => Action::PageDown,
        "top" => Action::Top,
        "bottom" => Action::Bottom,
        "open" => Action::Open,
        "toggle" => Action::Toggle,
        "exclude" => Action::Exclude,
        "clear-filters" => Action::ClearFilters,
        "literal" => Action::ToggleLiteral,
        "accept-suggestion" => Action::AcceptSuggestion,
        "sort" => Action::CycleSort,
        "save" => Action::Save,
        "period" => Action::TogglePeriod,
        "apply" => Action::Apply,
        "move" => Action::StartMove,
        "next-stage" => Action::NextStage,
        "prev-stage" => Action::PrevStage,
        "edit" => Action::Edit,
        "new" => Action::New,
        "view" => Action::CycleView,
        "filter" => Action::CycleFilter,
        "left" => Action::Left,
        "right" => Action::Right,
        "form-save" => Action::FormSave,
        "import" => Action::Import,
        "within" => Action::CycleWithin,
        "save-search" => Action::SaveSearch,
        "copy-link" => Action::CopyLink,
        "saved-searches" => Action::SavedSearches,
        "profile" => Action::EditProfile,
        "reset-demo" => Action::ResetDemo,
        "role-listings" => Action::RoleListings,
        "tab-listings" => Action::GoTab(Tab::Listings),
        "tab-roles" => Action::GoTab(Tab::Roles),
        "tab-salaries" => Action::GoTab(Tab::Salaries),
        "tab-tracker" => Action::GoTab(Tab::Tracker),
        "next-tab" => Action::NextTab,
        "prev-tab" => Action::PrevTab,
        "help" => Action::Help,
        "quit" => Action::Quit,
        _ => return None,
    })
}

/// Bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// (key, action name), in help order.
    bindings: Vec<(Key, &'static str)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = Vec::new();
        for (name, keys, _) in ACTIONS {
            for k in *keys {
                if let Ok(key) = parse_key(k) {
                    bindings.push((key, *name));
                }
            }
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// Defaults with the config's overrides: an action listed in `[keys]`
    /// gets exactly the keys given. Errors name the bad entry.
    pub fn from_config(keys: &BTreeMap<String, KeySpec>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (action, spec) in keys {
            let Some(&(name, _, _)) = ACTIONS.iter().find(|(n, _, _)| n == action) else {
                let valid: Vec<String> = ACTIONS.iter().map(|(n, _, _)| n.to_string()).collect();
                return Err(format!(
                    "keys.{action}: {}",
                    crate::catalog::UnknownValue::new("action", action, valid)
                ));
            };
            let parsed: Vec<Key> = spec
                .keys()
                .into_iter()
                .map(parse_key)
                .collect::<Result<_, _>>()
                .map_err(|e| format!("keys.{action}: {e}"))?;
            map.bindings.retain(|(_, n)| *n != name);
            // a key given here moves from whatever action had it
            map.bindings.retain(|(k, _)| !parsed.contains(k));
            for k in parsed {
                map.bindings.push((k, name));
            }
        }
        Ok(map)
    }

    /// The action a key is bound to.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, name)| action_for(name))
    }

    /// The first key bound to an action that works while typing in a
    /// search box (one with CONTROL or ALT, or a function key), if any.
    pub fn typing_key(&self, name: &str) -> Option<String> {
        self.bindings
            .iter()
            .filter(|(_, n)| *n == name)
            .map(|(k, _)| k)
            .find(|k| {
                k.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    || matches!(k.code, KeyCode::F(_))
            })
            .map(Key::name)
    }

    /// The first key bound to an action, written out.
    pub fn first_key(&self, name: &str) -> Option<String> {
        self.bindings
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(k, _)| k.name())
    }

    /// The keys bound to an action, written out ("j, down").
    pub fn keys_for(&self, name: &str) -> String {
        let names: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, n)| *n == name)
            .map(|(k, _)| k.name())
            .collect();
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::from_event(&KeyEvent::new(code, mods))
    }

    #[test]
    fn parses_keys() {
        assert_eq!(parse_key("q").map(|k| k.code), Ok(KeyCode::Char('q')));
        assert_eq!(
            parse_key("ctrl-c"),
            Ok(Key {
                code: KeyCode::Char('c'),
                mods: KeyModifiers::CONTROL
            })
        );
        assert_eq!(parse_key("shift-tab").map(|k| k.code), Ok(KeyCode::BackTab));
        assert_eq!(parse_key("PageDown").map(|k| k.code), Ok(KeyCode::PageDown));
        assert_eq!(parse_key("f1").map(|k| k.code), Ok(KeyCode::F(1)));
        assert_eq!(parse_key("-").map(|k| k.code), Ok(KeyCode::Char('-')));
        assert!(parse_key("ctrl-").is_err());
        assert!(parse_key("hyper-x").is_err());
        assert!(parse_key("f13").is_err());
        assert!(parse_key("").is_err());
    }

    #[test]
    fn defaults_and_shifted_characters() {
        let km = Keymap::default();
        assert_eq!(
            km.action(ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        // terminals report '?' and 'G' with SHIFT
        assert_eq!(
            km.action(ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(
            km.action(ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(km.action(ev(KeyCode::Char('z'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn every_spelling_of_shift_tab_is_the_key_the_terminal_sends() {
        // found by the config fuzz target: "shift-ctrl-tab" was not the key
        // its help name reads back as, "shift-backtab" bound a key never sent
        let back = parse_key("shift-tab").expect("key");
        for s in ["backtab", "shift-backtab", "SHIFT+Tab"] {
            assert_eq!(parse_key(s), Ok(back), "{s}");
        }
        let ctrl = parse_key("shift-ctrl-tab").expect("key");
        assert_eq!(parse_key("ctrl-shift-tab"), Ok(ctrl));
        assert_eq!(parse_key(&ctrl.name()), Ok(ctrl));
        let mut keys = BTreeMap::new();
        keys.insert("quit".to_string(), KeySpec::One("shift-backtab".into()));
        let km = Keymap::from_config(&keys).expect("valid");
        assert_eq!(
            km.action(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(ev(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn config_overrides_replace_an_actions_keys() {
        let mut keys = BTreeMap::new();
        keys.insert("quit".to_string(), KeySpec::Many(vec!["ctrl-q".into()]));
        keys.insert("save".to_string(), KeySpec::One("q".into()));
        let km = Keymap::from_config(&keys).expect("valid");
        assert_eq!(
            km.action(ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Save)
        );
        assert_eq!(
            km.action(ev(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(km.action(ev(KeyCode::Char('s'), KeyModifiers::NONE)), None);
        assert_eq!(km.keys_for("quit"), "ctrl-q");
    }

    #[test]
    fn bad_config_entries_are_named() {
        let mut keys = BTreeMap::new();
        keys.insert("quitt".to_string(), KeySpec::One("q".into()));
        let e = Keymap::from_config(&keys).expect_err("unknown action");
        assert!(
            e.contains("keys.quitt") && e.contains("did you mean quit"),
            "{e}"
        );
        let mut keys = BTreeMap::new();
        keys.insert("quit".to_string(), KeySpec::One("hyper-q".into()));
        assert!(
            Keymap::from_config(&keys)
                .expect_err("bad key")
                .contains("keys.quit")
        );
    }
}

/// The action for a key press. While typing in a search box, printable
/// characters and editing keys edit the text; only keys with CONTROL/ALT or
/// function keys go through the keymap.
pub fn key_action(keymap: &Keymap, ev: &KeyEvent, typing: bool) -> Option<Action> {
    let key = Key::from_event(ev);
    if !typing {
        return keymap.action(key);
    }
    let ctrl = key.mods.contains(KeyModifiers::CONTROL);
    let alt = key.mods.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char('w') if ctrl => Action::DeleteWord,
        KeyCode::Char('u') if ctrl => Action::ClearInput,
        KeyCode::Char('a') if ctrl => Action::CursorHome,
        KeyCode::Char('e') if ctrl => Action::CursorEnd,
        KeyCode::Char('h') if ctrl => Action::Backspace,
        KeyCode::Char(c) if !ctrl && !alt => Action::Insert(c),
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Left => Action::CursorLeft,
        KeyCode::Right => Action::CursorRight,
        KeyCode::Home => Action::CursorHome,
        KeyCode::End => Action::CursorEnd,
        KeyCode::Esc => Action::Escape,
        KeyCode::Enter => Action::Open,
        KeyCode::Tab => Action::NextPane,
        KeyCode::BackTab => Action::PrevPane,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        _ => return keymap.action(key),
    })
}

#[cfg(test)]
mod typing_tests {
    use super::*;

    #[test]
    fn typing_inserts_what_would_otherwise_be_commands() {
        let km = Keymap::default();
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(key_action(&km, &q, true), Some(Action::Insert('q')));
        assert_eq!(key_action(&km, &q, false), Some(Action::Quit));
        let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(key_action(&km, &cc, true), Some(Action::Quit));
        let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(key_action(&km, &f1, true), Some(Action::Help));
        let home = KeyEvent::new(KeyCode::Home, KeyModifiers::NONE);
        assert_eq!(key_action(&km, &home, true), Some(Action::CursorHome));
        assert_eq!(key_action(&km, &home, false), Some(Action::Top));
    }
}
