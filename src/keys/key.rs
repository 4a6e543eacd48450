//! A key with its modifiers, as a user writes it in the config ("ctrl-c",
//! "shift-tab", "pagedown", "G"): our own type, so that the config layer
//! knows nothing of the terminal library. The TUI converts terminal events
//! into it.

use std::fmt;

/// The key itself, without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// Control, Alt and Shift held with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Mods {
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Mods {
    pub const NONE: Mods = Mods {
        ctrl: false,
        alt: false,
        shift: false,
    };
}

/// A key press: a code and its modifiers, in one spelling per key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: Code,
    pub mods: Mods,
}

impl Key {
    /// One spelling per key: SHIFT is dropped where the code already
    /// carries it (a character, BackTab), shift + Tab is BackTab, and
    /// Control letters are lower case.
    pub fn new(code: Code, mut mods: Mods) -> Key {
        let code = match code {
            Code::Tab if mods.shift => Code::BackTab,
            Code::Char(c) if mods.ctrl => Code::Char(c.to_ascii_lowercase()),
            c => c,
        };
        if matches!(code, Code::Char(_) | Code::BackTab) {
            mods.shift = false;
        }
        Key { code, mods }
    }

    /// A key with no modifiers.
    pub const fn plain(code: Code) -> Key {
        Key {
            code,
            mods: Mods::NONE,
        }
    }

    /// Whether a text box takes this key as text (a printable character
    /// without Control or Alt): such keys are commands only while browsing.
    pub fn is_text(&self) -> bool {
        matches!(self.code, Code::Char(_)) && !self.mods.ctrl && !self.mods.alt
    }

    /// How the key is written: "ctrl-c", "shift-tab", "pagedown", "?".
    pub fn name(&self) -> String {
        let mut s = String::new();
        if self.mods.ctrl {
            s.push_str("ctrl-");
        }
        if self.mods.alt {
            s.push_str("alt-");
        }
        if self.mods.shift {
            s.push_str("shift-");
        }
        let code = match self.code {
            Code::Char(' ') => "space".to_string(),
            Code::Char(c) => c.to_string(),
            Code::Enter => "enter".into(),
            Code::Esc => "esc".into(),
            Code::Tab => "tab".into(),
            Code::BackTab => "shift-tab".into(),
            Code::Backspace => "backspace".into(),
            Code::Delete => "delete".into(),
            Code::Insert => "insert".into(),
            Code::Up => "up".into(),
            Code::Down => "down".into(),
            Code::Left => "left".into(),
            Code::Right => "right".into(),
            Code::Home => "home".into(),
            Code::End => "end".into(),
            Code::PageUp => "pageup".into(),
            Code::PageDown => "pagedown".into(),
            Code::F(n) => format!("f{n}"),
        };
        s.push_str(&code);
        s
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A key that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a key (write e.g. \"q\", \"ctrl-c\", \"alt-1\", \"shift-tab\", \"pagedown\", \"f1\")"
)]
pub struct BadKey(pub String);

impl std::str::FromStr for Key {
    type Err = BadKey;

    /// Parses "q", "G", "ctrl-c", "alt-x", "shift-tab", "pagedown", "f1", "space".
    fn from_str(s: &str) -> Result<Key, BadKey> {
        let bad = || BadKey(s.to_string());
        let mut mods = Mods::NONE;
        let mut rest = s.trim();
        if rest.is_empty() {
            return Err(bad());
        }
        loop {
            let lower = rest.to_ascii_lowercase();
            let long = rest.chars().count() > 1;
            if long && (lower.starts_with("ctrl-") || lower.starts_with("ctrl+")) {
                mods.ctrl = true;
                rest = &rest[5..];
            } else if long && (lower.starts_with("alt-") || lower.starts_with("alt+")) {
                mods.alt = true;
                rest = &rest[4..];
            } else if long && (lower.starts_with("shift-") || lower.starts_with("shift+")) {
                mods.shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => Code::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => Code::Char(' '),
                "enter" | "return" => Code::Enter,
                "esc" | "escape" => Code::Esc,
                "tab" => Code::Tab,
                "backtab" => Code::BackTab,
                "backspace" => Code::Backspace,
                "delete" | "del" => Code::Delete,
                "insert" => Code::Insert,
                "up" => Code::Up,
                "down" => Code::Down,
                "left" => Code::Left,
                "right" => Code::Right,
                "home" => Code::Home,
                "end" => Code::End,
                "pageup" | "pgup" => Code::PageUp,
                "pagedown" | "pgdn" => Code::PageDown,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n) if (1..=12).contains(&n) => Code::F(n),
                    _ => return Err(bad()),
                },
                _ => return Err(bad()),
            },
        };
        Ok(Key::new(code, mods))
    }
}

impl serde::Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Key, BadKey> {
        s.parse()
    }

    #[test]
    fn parses_keys() {
        assert_eq!(parse("q").map(|k| k.code), Ok(Code::Char('q')));
        assert_eq!(
            parse("ctrl-C"),
            Ok(Key {
                code: Code::Char('c'),
                mods: Mods {
                    ctrl: true,
                    ..Mods::NONE
                }
            })
        );
        assert_eq!(parse("shift-tab").map(|k| k.code), Ok(Code::BackTab));
        assert_eq!(parse("PageDown").map(|k| k.code), Ok(Code::PageDown));
        assert_eq!(parse("f1").map(|k| k.code), Ok(Code::F(1)));
        assert_eq!(parse("-").map(|k| k.code), Ok(Code::Char('-')));
        assert!(parse("alt-1").is_ok_and(|k| k.mods.alt && !k.is_text()));
        assert!(parse("ctrl-").is_err());
        assert!(parse("hyper-x").is_err());
        assert!(parse("f13").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn every_spelling_of_shift_tab_is_the_key_the_terminal_sends() {
        // found by the config fuzz target: "shift-ctrl-tab" was not the key
        // its help name reads back as, "shift-backtab" bound a key never sent
        let back = parse("shift-tab").expect("key");
        for s in ["backtab", "shift-backtab", "SHIFT+Tab"] {
            assert_eq!(parse(s), Ok(back), "{s}");
        }
        let ctrl = parse("shift-ctrl-tab").expect("key");
        assert_eq!(parse("ctrl-shift-tab"), Ok(ctrl));
        assert_eq!(parse(&ctrl.name()), Ok(ctrl));
    }

    #[test]
    fn names_read_back_as_the_same_key() {
        for s in [
            "q", "G", "?", "ctrl-c", "alt-1", "space", "f5", "shift-up", "'",
        ] {
            let k = parse(s).expect("key");
            assert_eq!(parse(&k.name()), Ok(k), "{s}");
        }
    }
}
