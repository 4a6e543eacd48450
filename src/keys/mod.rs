//! Keys and the commands they are bound to, per mode and screen:
//! `(Mode, Key, screen) → Command`. One key may mean one thing on the
//! board and another on Roles (`l`), never two things on one screen.
//! Plain data with serde, below the config (which deserialises `[keys]`
//! straight into it) and knowing nothing of the terminal.

mod command;
mod key;

use std::collections::{BTreeMap, HashMap};

pub use command::{Command, Kind, Screens};
pub use key::{BadKey, Code, Key, Mods};

/// What the keyboard is doing: typing in a text box (printable keys are
/// text, nothing else) or browsing a pane (letters are commands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Browse,
    Type,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Browse, Mode::Type];
}

/// One key or several, as the config writes them ("ctrl-f" or ["/", "ctrl-f"]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum KeySpec {
    One(Key),
    Many(Vec<Key>),
}

use serde::Serialize;

impl KeySpec {
    pub fn keys(&self) -> Vec<Key> {
        match self {
            KeySpec::One(k) => vec![*k],
            KeySpec::Many(v) => v.clone(),
        }
    }
}

impl<'de> serde::Deserialize<'de> for KeySpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KeySpec, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = KeySpec;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key (\"ctrl-f\") or a list of keys ([\"/\", \"ctrl-f\"])")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<KeySpec, E> {
                s.parse().map(KeySpec::One).map_err(E::custom)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<KeySpec, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = a.next_element::<Key>()? {
                    keys.push(k);
                }
                Ok(KeySpec::Many(keys))
            }
        }
        d.deserialize_any(V)
    }
}

/// The bindings in force: defaults, with the config's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// The commands a key means in a mode, on screens that never overlap.
    map: HashMap<(Mode, Key), Vec<Command>>,
    /// Per mode and command, its keys in the order given.
    keys: BTreeMap<(Mode, Command), Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut km = Keymap {
            map: HashMap::new(),
            keys: BTreeMap::new(),
        };
        for &c in Command::ALL {
            for (mode, list) in [
                (Mode::Browse, c.browse_keys()),
                (Mode::Type, c.typing_keys()),
            ] {
                for k in list {
                    if let Ok(key) = k.parse::<Key>() {
                        km.bind(mode, key, c);
                    }
                }
            }
        }
        km
    }
}

impl Keymap {
    fn bind(&mut self, mode: Mode, key: Key, c: Command) {
        if mode == Mode::Type && key.is_text() {
            return; // a text box types it
        }
        // the key moves from whatever it meant on the same screens
        let meant = self.map.entry((mode, key)).or_default();
        let (taken, kept): (Vec<Command>, Vec<Command>) =
            meant.iter().partition(|old| old.screens().has(c.screens()));
        *meant = kept;
        meant.push(c);
        for old in taken {
            if let Some(list) = self.keys.get_mut(&(mode, old)) {
                list.retain(|k| *k != key);
            }
        }
        let list = self.keys.entry((mode, c)).or_default();
        if !list.contains(&key) {
            list.push(key);
        }
    }

    /// Defaults with the config's overrides: a command listed in `[keys]`
    /// gets exactly the keys given (a key moves from whatever had it). A
    /// text key binds while browsing; any other key also while typing,
    /// except for the text-editing commands, which only work in a box.
    pub fn from_config(overrides: &BTreeMap<Command, KeySpec>) -> Keymap {
        let mut km = Keymap::default();
        for (&c, spec) in overrides {
            for mode in Mode::ALL {
                if let Some(old) = km.keys.remove(&(mode, c)) {
                    for k in old {
                        if let Some(meant) = km.map.get_mut(&(mode, k)) {
                            meant.retain(|o| *o != c);
                        }
                    }
                }
            }
            for key in spec.keys() {
                if c.kind() != Kind::Edit {
                    km.bind(Mode::Browse, key, c);
                }
                km.bind(Mode::Type, key, c);
            }
        }
        km
    }

    /// The command a key is bound to in a mode on the screens `on` (the
    /// tab, plus [`Screens::OVERLAY`] while one is open). Where two match
    /// (an overlay's key over a global one) the narrower command wins.
    pub fn command(&self, mode: Mode, key: Key, on: Screens) -> Option<Command> {
        self.map
            .get(&(mode, key))?
            .iter()
            .filter(|c| c.screens().has(on))
            .min_by_key(|c| c.screens().0.count_ones())
            .copied()
    }

    /// The keys of a command in a mode, first the preferred one.
    pub fn keys(&self, mode: Mode, c: Command) -> &[Key] {
        self.keys.get(&(mode, c)).map_or(&[], Vec::as_slice)
    }

    /// The first key of a command in a mode, written out.
    pub fn key(&self, mode: Mode, c: Command) -> Option<String> {
        self.keys(mode, c).first().map(Key::name)
    }

    /// The keys of a command in a mode, written out ("j, down").
    pub fn keys_text(&self, mode: Mode, c: Command) -> String {
        let names: Vec<String> = self.keys(mode, c).iter().map(Key::name).collect();
        names.join(", ")
    }
}

/// The key table of the README's Keys section, made from the command
/// table and the default bindings (a test keeps the README equal to it).
pub fn markdown_table() -> String {
    let km = Keymap::default();
    let keys = |mode, c| {
        let names: Vec<String> = km
            .keys(mode, c)
            .iter()
            .map(|k| format!("`{}`", k.name().replace('|', "\\|")))
            .collect();
        names.join(" ")
    };
    let mut out = String::from(
        "| command (config name) | browsing | in a text box | where | does |\n|---|---|---|---|---|\n",
    );
    for &c in Command::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            c.name(),
            keys(Mode::Browse, c),
            keys(Mode::Type, c),
            c.screens().label().unwrap_or_else(|| "everywhere".into()),
            c.help().replace('|', "\\|"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().expect("key")
    }

    #[test]
    fn letters_are_commands_only_while_browsing() {
        let km = Keymap::default();
        assert_eq!(
            km.command(Mode::Browse, key("q"), Screens::LISTINGS),
            Some(Command::Quit)
        );
        assert_eq!(km.command(Mode::Type, key("q"), Screens::LISTINGS), None);
        assert_eq!(
            km.command(Mode::Type, key("ctrl-c"), Screens::LISTINGS),
            Some(Command::Quit)
        );
        assert_eq!(
            km.command(Mode::Browse, key("4"), Screens::LISTINGS),
            Some(Command::TabTracker)
        );
        assert_eq!(km.command(Mode::Type, key("4"), Screens::LISTINGS), None);
        assert_eq!(
            km.command(Mode::Type, key("alt-4"), Screens::LISTINGS),
            Some(Command::TabTracker)
        );
        assert_eq!(
            km.command(Mode::Browse, key("home"), Screens::LISTINGS),
            Some(Command::Top)
        );
        assert_eq!(
            km.command(Mode::Type, key("home"), Screens::LISTINGS),
            Some(Command::CursorHome)
        );
        assert_eq!(
            km.command(Mode::Type, key("ctrl-k"), Screens::LISTINGS),
            Some(Command::Palette)
        );
        assert_eq!(
            km.command(Mode::Browse, key(":"), Screens::LISTINGS),
            Some(Command::Palette)
        );
        assert_eq!(
            km.command(Mode::Browse, key("G"), Screens::LISTINGS),
            Some(Command::Bottom)
        );
    }

    #[test]
    fn no_key_means_two_things_on_one_screen() {
        let km = Keymap::default();
        for mode in Mode::ALL {
            for &c in Command::ALL {
                for k in km.keys(mode, c) {
                    if let Some(others) = km.map.get(&(mode, *k)) {
                        for o in others.iter().filter(|o| **o != c) {
                            assert!(
                                !o.screens().has(c.screens()),
                                "{mode:?} {k}: {c:?} and {o:?} on one screen"
                            );
                        }
                    }
                    assert_eq!(km.command(mode, *k, c.screens()), Some(c), "{mode:?} {k}");
                }
            }
        }
        // and every default key is in force: nothing shadowed another
        for &c in Command::ALL {
            assert_eq!(
                km.keys(Mode::Browse, c).len(),
                c.browse_keys().len(),
                "{c:?}"
            );
            assert_eq!(km.keys(Mode::Type, c).len(), c.typing_keys().len(), "{c:?}");
        }
    }

    #[test]
    fn l_moves_right_on_the_board_and_opens_listings_on_roles() {
        let km = Keymap::default();
        let b = Mode::Browse;
        assert_eq!(
            km.command(b, key("l"), Screens::TRACKER),
            Some(Command::Right)
        );
        assert_eq!(
            km.command(b, key("l"), Screens::ROLES),
            Some(Command::RoleListings)
        );
        assert_eq!(km.command(b, key("l"), Screens::LISTINGS), None);
        assert_eq!(km.keys_text(b, Command::Right), "l, right");
        // an overlay's own key wins over a tab's, only while it is open
        let over = Screens(Screens::LISTINGS.0 | Screens::OVERLAY.0);
        assert_eq!(km.command(b, key("d"), over), Some(Command::Delete));
        assert_eq!(km.command(b, key("d"), Screens::LISTINGS), None);
    }

    #[test]
    fn config_overrides_replace_a_commands_keys() {
        let mut o = BTreeMap::new();
        o.insert(Command::Quit, KeySpec::Many(vec![key("ctrl-q")]));
        o.insert(Command::Save, KeySpec::One(key("q")));
        let km = Keymap::from_config(&o);
        assert_eq!(
            km.command(Mode::Browse, key("q"), Screens::LISTINGS),
            Some(Command::Save)
        );
        assert_eq!(
            km.command(Mode::Type, key("q"), Screens::LISTINGS),
            None,
            "text while typing"
        );
        assert_eq!(
            km.command(Mode::Type, key("ctrl-q"), Screens::LISTINGS),
            Some(Command::Quit)
        );
        assert_eq!(
            km.command(Mode::Browse, key("ctrl-c"), Screens::LISTINGS),
            None
        );
        assert_eq!(km.command(Mode::Browse, key("s"), Screens::LISTINGS), None);
        assert_eq!(km.keys_text(Mode::Browse, Command::Quit), "ctrl-q");
    }
}
