//! Drawing one frame of each tab into ratatui's TestBackend (120x36) with
//! the shipped catalogue: `cargo bench --bench render`.

use std::hint::black_box;

use backdesk::config::Config;
use backdesk::session::Session;
use backdesk::store::Store;
use backdesk::tui::driver::Driver;
use backdesk::tui::ui::render;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn press(d: &mut Driver, keys: &[KeyCode]) {
    for k in keys {
        d.event(&Event::Key(KeyEvent::new(*k, KeyModifiers::NONE)));
    }
}

fn frames(c: &mut Criterion) {
    let store = Store::open_in_memory().expect("store");
    let session = Session::new(store).expect("session");
    let mut d = Driver::new(session, &Config::default(), 120, 36).expect("driver");
    for ch in "payrol".chars() {
        press(&mut d, &[KeyCode::Char(ch)]);
    }
    press(
        &mut d,
        &[
            KeyCode::Esc,
            KeyCode::Char('s'),
            KeyCode::Down,
            KeyCode::Char('a'),
        ],
    );
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
    let mut g = c.benchmark_group("render/120x36");
    for (name, key) in [
        ("listings", '1'),
        ("roles", '2'),
        ("salaries", '3'),
        ("tracker", '4'),
    ] {
        press(&mut d, &[KeyCode::Char(key)]);
        g.bench_function(name, |b| {
            b.iter(|| {
                term.draw(|f| render(f, &d.state)).expect("draw");
                black_box(term.backend().buffer().area.width)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
