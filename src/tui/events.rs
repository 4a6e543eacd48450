//! Terminal events to actions, through the keymap of the mode the state
//! is in.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::keymap::{Mode, Screens, key_action};
use super::state::State;
use super::update;

/// Translates a terminal event into an action, through the keymap of the
/// mode the state is in.
pub fn event_action(st: &State, ev: &Event) -> Option<Action> {
    if let Event::Key(k) = ev
        && k.kind != KeyEventKind::Release
    {
        return key_event_action(st, k);
    }
    match ev {
        Event::Paste(s) if st.typing() => Some(Action::Paste(s.clone())),
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

fn key_event_action(st: &State, k: &KeyEvent) -> Option<Action> {
    let too_small = super::layout::too_small(ratatui::layout::Rect::new(0, 0, st.width, st.height));
    if too_small {
        // nothing shows but the message: only quitting does anything
        let a = key_action(&st.keymap, k, Mode::Browse, Screens::ALL);
        return a.filter(|a| *a == Action::Quit);
    }
    if st.awaiting_stage() {
        return Some(match k.code {
            KeyCode::Char(c) => match update::tracker::stage_for_key(c) {
                Some(s) => Action::MoveTo(s),
                None => Action::Escape,
            },
            _ => Action::Escape,
        });
    }
    let on = super::keymap::screens_of(st.tab, st.overlay.is_some());
    let action = key_action(&st.keymap, k, st.mode(), on)?;
    // a letter never throws away what a form holds: q there is refused
    if action == Action::Quit
        && st.overlay.as_ref().is_some_and(|o| o.holds_work())
        && super::keymap::key_of(k).is_some_and(|key| key.is_text())
    {
        return Some(Action::Note(
            "Esc closes the form first (ctrl-c quits without saving)".into(),
        ));
    }
    Some(action)
}
