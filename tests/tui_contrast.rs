//! Every colour pair the built-in themes draw, read off real screens:
//! each cell's text against its background, at least 4.5:1 on the
//! standard xterm palette (WCAG AA), in every tab and overlay.

mod common;

use backdesk::config::THEME_NAMES;
use backdesk::store::Store;
use backdesk::tui::driver::Driver;
use backdesk::tui::theme::{Theme, contrast, rgb};
use backdesk::tui::ui::render;
use common::tui::{driver_on, key, typed};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

fn driver(name: &str) -> Driver {
    let mut d = driver_on(Store::open_in_memory().expect("store"), 120, 36);
    d.state.theme = Theme::named(name);
    d
}

/// The cells of the screen whose text reads under 4.5:1.
fn low_contrast(d: &Driver, what: &str) -> Vec<String> {
    let t = &d.state.theme;
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
    term.draw(|f| render(f, &d.state)).expect("draw");
    let buf = term.backend().buffer();
    let mut bad = Vec::new();
    for y in 0..36 {
        for x in 0..120 {
            let c = &buf[(x, y)];
            if c.symbol().trim().is_empty() {
                continue;
            }
            let (mut fg, mut bg) = (rgb(c.fg, t.fg), rgb(c.bg, t.bg));
            if c.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let r = contrast(fg, bg);
            if r < 4.5 {
                bad.push(format!(
                    "{what} ({x},{y}) {:?} {:?} on {:?}: {r:.2}",
                    c.symbol(),
                    c.fg,
                    c.bg
                ));
            }
        }
    }
    bad
}

#[test]
fn every_screen_reads_at_4_5_to_1_in_every_built_in_theme() {
    let mut bad = Vec::new();
    for name in THEME_NAMES {
        let mut d = driver(name);
        typed(&mut d, "payroll");
        bad.extend(low_contrast(&d, &format!("{name} search")));
        key(&mut d, KeyCode::Esc);
        bad.extend(low_contrast(&d, &format!("{name} results")));
        key(&mut d, KeyCode::Tab);
        bad.extend(low_contrast(&d, &format!("{name} pane 2")));
        key(&mut d, KeyCode::Tab);
        bad.extend(low_contrast(&d, &format!("{name} pane 3")));
        key(&mut d, KeyCode::Esc);
        typed(&mut d, "sjsja");
        for (tab, what) in [("2", "roles"), ("3", "salaries"), ("4", "board")] {
            typed(&mut d, tab);
            bad.extend(low_contrast(&d, &format!("{name} {what}")));
        }
        typed(&mut d, "m");
        bad.extend(low_contrast(&d, &format!("{name} move prompt")));
        key(&mut d, KeyCode::Esc);
        typed(&mut d, "v");
        bad.extend(low_contrast(&d, &format!("{name} list")));
        typed(&mut d, "v");
        bad.extend(low_contrast(&d, &format!("{name} stats")));
        typed(&mut d, "v");
        key(&mut d, KeyCode::F(1));
        bad.extend(low_contrast(&d, &format!("{name} help")));
    }
    assert!(
        bad.is_empty(),
        "{} cells under 4.5:1, e.g.\n{}",
        bad.len(),
        bad.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}
