//! Driving the TUI in-process: a driver over a store, keys, the screen.

use backdesk::config::Config;
use backdesk::session::Session;
use backdesk::store::Store;
use backdesk::tui::driver::Driver;
use backdesk::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The app on a fresh in-memory catalogue, `width` × `height`, default config.
pub fn driver(width: u16, height: u16) -> Driver {
    driver_on(Store::open_in_memory().expect("store"), width, height)
}

/// The app on `store`, `width` × `height`, default config.
pub fn driver_on(store: Store, width: u16, height: u16) -> Driver {
    Driver::new(
        Session::new(store).expect("session"),
        &Config::default(),
        width,
        height,
    )
    .expect("driver")
}

/// One key, no modifiers.
pub fn key(d: &mut Driver, code: KeyCode) {
    d.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Ctrl and a letter.
pub fn ctrl(d: &mut Driver, c: char) {
    d.event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Each character of `s` as a key.
pub fn typed(d: &mut Driver, s: &str) {
    for c in s.chars() {
        key(d, KeyCode::Char(c));
    }
}

/// The screen as drawn now, cell by cell.
pub fn buffer(d: &Driver) -> Buffer {
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen as drawn now, as the test backend prints it (quoted rows).
pub fn screen(d: &Driver) -> String {
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    format!("{}", t.backend())
}
