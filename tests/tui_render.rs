//! What each screen looks like, drawn into ratatui's TestBackend at the
//! sizes people use (snapshots reviewed with `cargo insta review`).

use backdesk::config::Config;
use backdesk::session::Session;
use backdesk::store::Store;
use backdesk::tui::driver::Driver;
use backdesk::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn driver(width: u16, height: u16) -> Driver {
    let store = Store::open_in_memory().expect("store");
    Driver::new(
        Session::new(store).expect("session"),
        &Config::default(),
        width,
        height,
    )
    .expect("driver")
}

fn keys(d: &mut Driver, keys: &[KeyCode]) {
    for k in keys {
        d.event(&Event::Key(KeyEvent::new(*k, KeyModifiers::NONE)));
    }
}

fn typed(d: &mut Driver, s: &str) {
    for c in s.chars() {
        keys(d, &[KeyCode::Char(c)]);
    }
}

fn screen(d: &Driver) -> String {
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    format!("{}", t.backend())
}

/// Dates move with the day the catalogue is seeded; timings vary.
macro_rules! snap {
    ($name:expr, $d:expr) => {
        insta::with_settings!({filters => vec![
            (r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", "[date] [time]"),
            (r"\d{4}-\d{2}-\d{2}", "[date]"),
            (r"\b\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", "[dd mon]"),
            (r"\d+\.\d ms", "[t] ms"),
            // the timing's width moves the padding before the key hints
            (r#"(\[t\] ms[^\n"]*?) {2,}"#, "$1 ~ "),
        ]}, {
            insta::assert_snapshot!($name, screen($d));
        });
    };
}

#[test]
fn listings_search_at_both_sizes() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut d = driver(w, h);
        typed(&mut d, "payrol pune");
        let s = screen(&d);
        assert!(s.contains("Payroll"), "{s}");
        assert!(s.contains("Filters") && s.contains("Results"), "{s}");
        // title, company, city, salary, mode, posted: all six at 120
        // columns, the first four at 80
        let columns: &[&str] = if w >= 120 {
            &["Title", "Company", "City", "Salary", "Mode", "Age"]
        } else {
            &["Title", "Company", "City", "Salary"]
        };
        for column in columns {
            assert!(s.contains(column), "{w}x{h}: no {column}: {s}");
        }
        assert!(s.contains("Vyomika"), "a company's name: {s}");
        snap!(format!("listings_search_{w}x{h}"), &d);
    }
}

#[test]
fn listings_detail_and_filters() {
    let mut d = driver(120, 36);
    keys(&mut d, &[KeyCode::Tab, KeyCode::Down, KeyCode::Char(' ')]);
    let s = screen(&d);
    assert!(s.contains("[+]"), "the included value is marked: {s}");
    assert!(
        s.contains("category: "),
        "the status bar lists the filter: {s}"
    );
    snap!("listings_filtered_120x36", &d);
    let mut d = driver(80, 24);
    keys(&mut d, &[KeyCode::Esc, KeyCode::Enter]);
    let s = screen(&d);
    assert!(s.contains("Detail") && s.contains("a month"), "{s}");
    snap!("listings_detail_80x24", &d);
}

#[test]
fn roles_at_both_sizes() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('2')]);
        let s = screen(&d);
        assert!(s.contains("Data Entry Specialist"), "{s}");
        snap!(format!("roles_{w}x{h}"), &d);
    }
    let mut d = driver(120, 36);
    keys(
        &mut d,
        &[KeyCode::Esc, KeyCode::Char('2'), KeyCode::Char('/')],
    );
    typed(&mut d, "mis");
    let s = screen(&d);
    assert!(
        s.contains("MIS Executive") && s.contains("Salary (indicative)"),
        "{s}"
    );
    snap!("roles_detail_120x36", &d);
}

#[test]
fn salaries_at_both_sizes() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('3')]);
        let s = screen(&d);
        assert!(
            s.contains("jobhai-2025") && s.contains("₹10,000–18,000"),
            "{s}"
        );
        // the role column keeps room for names beside the four levels
        assert!(
            s.contains("Data Entry Specia") && s.contains("5+ yrs"),
            "{s}"
        );
        // a chart at both sizes
        assert!(s.contains("Data Entry Specialist vs the market"), "{s}");
        snap!(format!("salaries_{w}x{h}"), &d);
    }
    let mut d = driver(120, 36);
    keys(
        &mut d,
        &[KeyCode::Esc, KeyCode::Char('3'), KeyCode::Char('p')],
    );
    let s = screen(&d);
    assert!(
        s.contains("2.5–4.5 LPA"),
        "annual figures as published: {s}"
    );
    snap!("salaries_annual_120x36", &d);
}

#[test]
fn tracker_at_both_sizes() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('4')]);
        assert!(screen(&d).contains("Nothing saved yet"));
        keys(
            &mut d,
            &[KeyCode::Char('1'), KeyCode::Char('s'), KeyCode::Char('4')],
        );
        let s = screen(&d);
        assert!(s.contains("Saved"), "{s}");
        snap!(format!("tracker_{w}x{h}"), &d);
    }
}

#[test]
fn tracker_views_and_form() {
    let mut d = driver(120, 36);
    keys(
        &mut d,
        &[
            KeyCode::Esc,
            KeyCode::Char('s'),
            KeyCode::Down,
            KeyCode::Char('a'),
        ],
    );
    keys(&mut d, &[KeyCode::Char('4'), KeyCode::Char('v')]);
    let s = screen(&d);
    assert!(s.contains("2 of 2") && s.contains("History"), "{s}");
    snap!("tracker_list_120x36", &d);
    keys(&mut d, &[KeyCode::Char('v')]);
    let s = screen(&d);
    assert!(
        s.contains("Applications per stage") && s.contains("response rate"),
        "{s}"
    );
    snap!("tracker_stats_120x36", &d);
    keys(&mut d, &[KeyCode::Char('v'), KeyCode::Char('e')]);
    let s = screen(&d);
    assert!(
        s.contains("Follow-up date") && s.contains("[ ] Resume"),
        "{s}"
    );
    snap!("tracker_form_120x36", &d);
}

#[test]
fn help_overlay() {
    let mut d = driver(120, 36);
    keys(&mut d, &[KeyCode::F(1)]);
    let s = screen(&d);
    assert!(
        s.contains("Help") && s.contains("include the filter value"),
        "{s}"
    );
    snap!("help_120x36", &d);
}

#[test]
fn too_small() {
    let d = driver(30, 8);
    let s = screen(&d);
    assert!(s.contains("terminal too small"), "{s}");
    assert!(s.contains("40x10"), "{s}");
    snap!("too_small_30x8", &d);
    for (w, h) in [(1, 1), (2, 1), (39, 10), (40, 9)] {
        let d = driver(w, h);
        screen(&d);
    }
}

#[test]
fn devanagari_and_rupee_keep_columns_aligned() {
    use unicode_width::UnicodeWidthStr;
    let mut d = driver(120, 36);
    typed(&mut d, "डेटा");
    let mut t = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    let buf = t.backend().buffer();
    let mut saw_devanagari = false;
    // each row, as a terminal would print it, is exactly as wide as the screen
    for y in 0..36 {
        let mut line = String::new();
        let mut x = 0;
        while x < 120 {
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        saw_devanagari |= line.contains("डेटा");
        assert_eq!(line.width(), 120, "row {y}: {line:?}");
    }
    assert!(saw_devanagari);
    assert!(screen(&d).contains('₹'));
}

/// A terminal like tmux or xterm: every character takes its own wcwidth
/// cells, zero-width ones join the cell before. ratatui's diff is replayed
/// on it, to see what a user would see after a change of screen.
struct CodepointTerm {
    rows: Vec<Vec<String>>,
}

impl CodepointTerm {
    fn new(w: u16, h: u16) -> Self {
        CodepointTerm {
            rows: vec![vec![" ".to_string(); w as usize]; h as usize],
        }
    }

    fn apply(&mut self, prev: &ratatui::buffer::Buffer, next: &ratatui::buffer::Buffer) {
        use unicode_width::UnicodeWidthChar;
        for (x, y, cell) in prev.diff(next) {
            let row = &mut self.rows[y as usize];
            let mut cx = x as usize;
            for c in cell.symbol().chars() {
                let w = c.width().unwrap_or(0);
                if w == 0 {
                    if cx > 0 {
                        row[cx - 1].push(c);
                    }
                    continue;
                }
                if cx < row.len() {
                    row[cx] = c.to_string();
                }
                for i in 1..w {
                    if cx + i < row.len() {
                        row[cx + i] = String::new();
                    }
                }
                cx += w;
            }
        }
    }

    fn text(&self) -> Vec<String> {
        self.rows.iter().map(|r| r.concat()).collect()
    }
}

fn frame(d: &Driver) -> ratatui::buffer::Buffer {
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    t.backend().buffer().clone()
}

#[test]
fn devanagari_leaves_nothing_behind_on_a_change_of_screen() {
    // "Computer Operator / डेटा एंट्री ऑपरेटर": टा and ट्री are clusters ratatui
    // keeps in one wide cell; the terminal gives each spacing letter a cell
    for (w, h) in [(80, 24), (120, 36)] {
        for screen_key in ['2', '3', '4'] {
            for save in [false, true] {
                let mut d = driver(w, h);
                typed(&mut d, "computer");
                keys(&mut d, &[KeyCode::Esc]);
                keys(
                    &mut d,
                    &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Down],
                );
                if save {
                    keys(&mut d, &[KeyCode::Char('s')]);
                }
                if w < 100 {
                    // the detail takes the place of the list
                    keys(&mut d, &[KeyCode::Enter]);
                }
                let empty = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
                let mut term = CodepointTerm::new(w, h);
                let a = frame(&d);
                term.apply(&empty, &a);
                assert!(
                    term.text().iter().any(|l| l.contains("डेटा")),
                    "{:#?}",
                    term.text()
                );
                keys(&mut d, &[KeyCode::Char(screen_key)]);
                let b = frame(&d);
                term.apply(&a, &b);
                let mut fresh = CodepointTerm::new(w, h);
                fresh.apply(&empty, &b);
                assert_eq!(
                    term.text(),
                    fresh.text(),
                    "{w}x{h}, key {screen_key}, saved {save}: stale cells after the switch"
                );
            }
        }
    }
}
