//! Terminal key presses to commands: a crossterm event becomes a
//! [`Key`], and the keymap of the current [`Mode`] turns it into an
//! action. In a text box a printable key is always text.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Tab};
use crate::keys::{Code, Mods};
pub use crate::keys::{Key, Keymap, Mode, Screens};

/// The screens a key press is read on: the tab's, and the overlay's while
/// one is open.
pub fn screens_of(tab: Tab, overlay_open: bool) -> Screens {
    let tab = match tab {
        Tab::Listings => Screens::LISTINGS,
        Tab::Roles => Screens::ROLES,
        Tab::Salaries => Screens::SALARIES,
        Tab::Tracker => Screens::TRACKER,
    };
    if overlay_open {
        Screens(tab.0 | Screens::OVERLAY.0)
    } else {
        tab
    }
}

/// The key of a terminal key event (none for keys nothing can bind:
/// media keys, lone modifiers).
pub fn key_of(ev: &KeyEvent) -> Option<Key> {
    let code = match ev.code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Delete => Code::Delete,
        KeyCode::Insert => Code::Insert,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::F(n) if (1..=12).contains(&n) => Code::F(n),
        _ => return None,
    };
    let m = ev.modifiers;
    let mods = Mods {
        ctrl: m.contains(KeyModifiers::CONTROL),
        alt: m.contains(KeyModifiers::ALT),
        shift: m.contains(KeyModifiers::SHIFT),
    };
    Some(Key::new(code, mods))
}

/// The action for a key press in `mode` on the screens `on`: a bound
/// command, or in a text box a printable character typed.
pub fn key_action(keymap: &Keymap, ev: &KeyEvent, mode: Mode, on: Screens) -> Option<Action> {
    let key = key_of(ev)?;
    if let Some(c) = keymap.command(mode, key, on) {
        return Some(c.into());
    }
    match key.code {
        Code::Char(c) if mode == Mode::Type && key.is_text() => Some(Action::Insert(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: Screens = Screens::LISTINGS;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn terminals_shifted_characters_and_backtab() {
        let km = Keymap::default();
        let b = Mode::Browse;
        // terminals report '?' and 'G' with SHIFT
        let q = ev(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(key_action(&km, &q, b, L), Some(Action::Help));
        let g = ev(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key_action(&km, &g, b, L), Some(Action::Bottom));
        let bt = ev(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(key_action(&km, &bt, b, L), Some(Action::PrevPane));
        let st = ev(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(key_action(&km, &st, Mode::Type, L), Some(Action::PrevPane));
        let z = ev(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(key_action(&km, &z, b, L), None);
    }

    #[test]
    fn typing_inserts_what_would_otherwise_be_commands() {
        let km = Keymap::default();
        let q = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            key_action(&km, &q, Mode::Type, L),
            Some(Action::Insert('q'))
        );
        assert_eq!(key_action(&km, &q, Mode::Browse, L), Some(Action::Quit));
        let four = ev(KeyCode::Char('4'), KeyModifiers::NONE);
        assert_eq!(
            key_action(&km, &four, Mode::Type, L),
            Some(Action::Insert('4'))
        );
        let alt4 = ev(KeyCode::Char('4'), KeyModifiers::ALT);
        assert_eq!(
            key_action(&km, &alt4, Mode::Type, L),
            Some(Action::GoTab(super::super::action::Tab::Tracker))
        );
        let cc = ev(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(key_action(&km, &cc, Mode::Type, L), Some(Action::Quit));
        let f1 = ev(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(key_action(&km, &f1, Mode::Type, L), Some(Action::Help));
        let home = ev(KeyCode::Home, KeyModifiers::NONE);
        assert_eq!(
            key_action(&km, &home, Mode::Type, L),
            Some(Action::CursorHome)
        );
        assert_eq!(key_action(&km, &home, Mode::Browse, L), Some(Action::Top));
    }
}
