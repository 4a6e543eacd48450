//! The command palette (Ctrl-K, or `:` while browsing): every command of
//! this screen and the global ones, with its key, filtered as you type;
//! Enter runs the selected one.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::keys::{Command, Kind, Mode, Screens};
use crate::tui::action::{Action, Effect, Tab};
use crate::tui::state::{Overlay, Palette, State};

/// Rows the palette's list moves by a page.
const PAGE: usize = 10;

pub(super) fn open(st: &mut State) -> Vec<Effect> {
    st.overlay = Some(Overlay::Palette(Palette::default()));
    Vec::new()
}

/// Whether `c` belongs in the palette on `tab`.
fn offered(st: &State, c: Command) -> bool {
    let here = c.screens().has(st.tab.screen());
    match c {
        Command::ResetDemo => st.demo,
        Command::Palette | Command::Escape | Command::Open => false,
        // the tab being shown is no command
        Command::TabListings | Command::TabRoles | Command::TabSalaries | Command::TabTracker => {
            Tab::ALL.iter().all(|t| t.command() != c || *t != st.tab)
        }
        Command::Search => here,
        _ => {
            here && matches!(c.kind(), Kind::App | Kind::Act) && !c.screens().has(Screens::OVERLAY)
        }
    }
}

/// The commands shown for the palette's text, best match first.
pub fn items(st: &State, text: &str) -> Vec<Command> {
    // this screen's own commands first, then the ones of every screen
    let mut ordered: Vec<Command> = Command::ALL
        .iter()
        .copied()
        .filter(|&c| offered(st, c))
        .collect();
    ordered.sort_by_key(|c| match (c.kind(), c.screens() == Screens::ALL) {
        (Kind::Act, false) | (Kind::Move, _) => 0,
        (Kind::Act, true) => 1,
        _ => 2,
    });
    let all = ordered.into_iter();
    let text = text.trim();
    if text.is_empty() {
        return all.collect();
    }
    let m = SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, usize, Command)> = all
        .enumerate()
        .filter_map(|(i, c)| {
            let hay = format!("{} {}", c.name(), c.help());
            m.fuzzy_match(&hay, text).map(|s| (s, i, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, c)| c).collect()
}

/// The keys of a command, as the palette shows them: the browsing key,
/// and the one that also works while typing when there is one.
pub fn keys_label(st: &State, c: Command) -> String {
    let km = &st.keymap;
    let browse = km.key(Mode::Browse, c);
    let typing = km.key(Mode::Type, c);
    match (browse, typing) {
        (Some(b), Some(t)) if b != t => format!("{b} / {t}"),
        (Some(b), _) => b,
        (None, Some(t)) => t,
        (None, None) => String::new(),
    }
}

/// Keys while the palette is open. `None` lets the action through (a tab
/// key: the palette closes and the tab shows).
pub(super) fn update(st: &mut State, action: &Action) -> Option<Vec<Effect>> {
    let Some(Overlay::Palette(p)) = st.overlay.as_mut() else {
        return None;
    };
    if p.input.apply(action).is_some() {
        p.cursor = Default::default();
        return Some(Vec::new());
    }
    let text = p.input.text().to_string();
    let found = items(st, &text);
    let Some(Overlay::Palette(p)) = st.overlay.as_mut() else {
        return None;
    };
    let len = found.len();
    match action {
        Action::Up => p.cursor.step(-1, len, PAGE),
        Action::Down => p.cursor.step(1, len, PAGE),
        Action::PageUp => p.cursor.step(-(PAGE as isize), len, PAGE),
        Action::PageDown => p.cursor.step(PAGE as isize, len, PAGE),
        Action::Escape | Action::Palette => st.overlay = None,
        Action::GoTab(_) | Action::NextTab | Action::PrevTab => {
            st.overlay = None;
            return None;
        }
        Action::Open => {
            let chosen = found.get(p.cursor.selected).copied();
            st.overlay = None;
            if let Some(c) = chosen {
                return Some(super::update(st, c.into()));
            }
        }
        _ => {}
    }
    Some(Vec::new())
}
