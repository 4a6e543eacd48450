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
            (r" *\d+\.\d ms", " [t] ms"),
            // the timing's width moves the padding before the key hints
            (r#"(\[t\] ms[^\n"]*?) {2,}"#, "$1 ~ "),
        ]}, {
            insta::assert_snapshot!($name, screen($d));
        });
    };
}

#[test]
fn listings_search_at_both_sizes() {
    for (w, h) in [(120, 36), (80, 24), (200, 50)] {
        let mut d = driver(w, h);
        typed(&mut d, "payrol pune");
        let s = screen(&d);
        assert!(s.contains("Payroll"), "{s}");
        assert!(s.contains("Filters") && s.contains("Results"), "{s}");
        // sized from what the rows hold: title, city and pay at every
        // size, the company from 123 columns (mode and age only once the
        // names show whole)
        let columns = ["Title", "City", "Salary"];
        for column in columns {
            assert!(s.contains(column), "{w}x{h}: no {column}: {s}");
        }
        if w >= 123 {
            assert!(s.contains("Company"), "{w}x{h}: no Company: {s}");
            assert!(s.contains("Heathcote"), "a company's name: {s}");
        }
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
    for (w, h) in [(120, 36), (80, 24), (200, 50)] {
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('2')]);
        let s = screen(&d);
        assert!(s.contains("Data Entry Specialist"), "{s}");
        assert!(s.contains(" jobs"), "the counts are labelled: {s}");
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
    for (w, h) in [(120, 36), (80, 24), (200, 50)] {
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('3')]);
        let s = screen(&d);
        assert!(s.contains("Fresher") && s.contains("₹10,000–18,000"), "{s}");
        // the role column keeps room for names beside the four levels
        assert!(
            s.contains("Data Entry Specialist ") && s.contains("5+ yrs"),
            "{s}"
        );
        // a cut name or figure says so
        assert!(!s.contains("Data Entry Speci "), "{s}");
        assert!(!s.contains("1-2 years of experi "), "{s}");
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
    for (w, h) in [(120, 36), (80, 24), (200, 50)] {
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
        // the move prompt lists every stage, rejected and withdrawn too
        keys(&mut d, &[KeyCode::Char('m')]);
        let s = screen(&d);
        assert!(s.contains("Rejected") && s.contains("Withdrawn"), "{s}");
        snap!(format!("tracker_move_{w}x{h}"), &d);
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
        s.contains("Help") && s.contains("include a filter value"),
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
    typed(&mut d, "बैक ऑफिस");
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
        saw_devanagari |= line.contains("बैक");
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
    // "Back Office Executive / बैक ऑफिस एग्जीक्यूटिव": बै, ऑ, फि and the
    // conjuncts ग्जी and क्यू are clusters ratatui keeps in one wide cell;
    // the terminal gives each spacing letter a cell
    for (w, h) in [(80, 24), (120, 36)] {
        for screen_key in ['2', '3', '4'] {
            for save in [false, true] {
                let mut d = driver(w, h);
                // a government office in Bhopal titles the post in Hindi too
                typed(&mut d, "back office bhopal");
                keys(&mut d, &[KeyCode::Esc]);
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
                    term.text().iter().any(|l| l.contains("बैक")),
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

/// The text inside `r` (borders left out), rows joined with spaces and
/// runs of spaces collapsed, so wrapped lines read as one.
fn text_in(d: &Driver, r: ratatui::layout::Rect) -> String {
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in r.y + 1..r.y + r.height.saturating_sub(1) {
        for x in r.x + 1..r.x + r.width.saturating_sub(1) {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn role_detail_has_a_path_through_every_next_step() {
    use backdesk::tui::layout;
    let mut d = driver(160, 100);
    keys(
        &mut d,
        &[KeyCode::Esc, KeyCode::Char('2'), KeyCode::Char('/')],
    );
    typed(&mut d, "data entry specialist");
    keys(&mut d, &[KeyCode::Enter]);
    let body = layout::root(ratatui::layout::Rect::new(0, 0, 160, 100)).body;
    let p = layout::panes(
        body,
        layout::Focus::Detail,
        backdesk::tui::update::SIDEBAR,
        0,
    );
    let text = text_in(&d, p.detail.expect("detail"));
    assert!(text.starts_with("Data Entry Specialist"), "{text}");
    let paths = text
        .split_once("Paths up")
        .map(|(_, p)| p)
        .unwrap_or_default();
    for next in [
        "Data Entry Specialist ₹10,000–15,000 → MIS Executive ₹",
        "Data Entry Specialist ₹10,000–15,000 → Back Office Team Leader ₹",
        "Data Entry Specialist ₹10,000–15,000 → Back Office Executive ₹",
        "Data Entry Specialist ₹10,000–15,000 → Accounts Assistant ₹",
        "→ Data Analyst ₹",
        "more paths through the same next steps",
    ] {
        assert!(paths.contains(next), "missing {next:?} in {paths}");
    }
}

/// The screen as rows of cells (one string per cell).
fn cells(d: &Driver) -> Vec<Vec<String>> {
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

fn joined(cells: &[String]) -> String {
    cells.concat()
}

/// Marks Data Entry Specialist, Administrative Assistant and Back Office
/// Executive, reads the whole comparison by scrolling it a row at a time,
/// and checks every title, band and duty is there, whole.
fn compare_reads_whole(w: u16, h: u16) {
    use backdesk::money::{Period, format_range};
    use backdesk::tui::state::RolePane;
    let mut d = driver(w, h);
    keys(
        &mut d,
        &[
            KeyCode::Esc,
            KeyCode::Char('2'),
            KeyCode::Esc,
            KeyCode::Char(' '),
        ],
    );
    keys(&mut d, &[KeyCode::Down, KeyCode::Char(' ')]);
    assert_eq!(
        d.state.roles.screen.pane(),
        RolePane::Detail,
        "two marked: compare opens"
    );
    // back to the list for a third
    keys(&mut d, &[KeyCode::BackTab]);
    assert_eq!(d.state.roles.screen.pane(), RolePane::Results);
    assert_eq!(d.state.roles.compare.len(), 2, "the marks stay");
    keys(&mut d, &[KeyCode::Down, KeyCode::Down, KeyCode::Char(' ')]);
    assert_eq!(d.state.roles.screen.pane(), RolePane::Detail);
    let v = d.state.index().vocab();
    let roles: Vec<_> = d
        .state
        .roles
        .compare
        .iter()
        .map(|&i| v.roles[i].clone())
        .collect();
    let titles: Vec<&str> = roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Data Entry Specialist",
            "Administrative Assistant",
            "Back Office Executive"
        ]
    );
    // the pane: below the search box, full width; inner rows 1..
    let first = cells(&d);
    let top = (0..h as usize)
        .find(|&y| joined(&first[y]).contains(" Compare "))
        .expect("the compare pane");
    let bottom = (top + 1..h as usize)
        .find(|&y| first[y][0] == "┗")
        .expect("its bottom");
    assert_eq!(first[top][0], "┏", "it starts at the left edge");
    let inner = |s: &Vec<Vec<String>>, y: usize| s[y][1..w as usize - 1].to_vec();
    // the header: title rows down to the rule
    let rule = (top + 1..bottom)
        .find(|&y| inner(&first, y).iter().all(|c| c == "─"))
        .expect("the rule under the titles");
    let header: Vec<Vec<String>> = (top + 1..rule).map(|y| inner(&first, y)).collect();
    // columns start where each title's first word does in the first row
    let row0 = joined(&header[0]);
    let mut starts: Vec<usize> = Vec::new();
    for t in &titles {
        let word = t.split(' ').next().expect("a word");
        let byte = row0.find(word).unwrap_or_else(|| panic!("{t} in {row0:?}"));
        starts.push(row0[..byte].chars().count());
    }
    let col = |row: &[String], i: usize| -> String {
        let end = starts.get(i + 1).copied().unwrap_or(row.len());
        joined(&row[starts[i]..end]).trim().to_string()
    };
    for (i, t) in titles.iter().enumerate() {
        let text: Vec<String> = header.iter().map(|r| col(r, i)).collect();
        assert_eq!(text.join(" ").trim(), *t, "the whole title at {w}x{h}");
    }
    // read every body row: one j shows one more at the bottom
    let mut body: Vec<Vec<String>> = (rule + 1..bottom).map(|y| inner(&first, y)).collect();
    for _ in 0..200 {
        let before = d.state.roles.screen.detail_scroll;
        keys(&mut d, &[KeyCode::Char('j')]);
        if d.state.roles.screen.detail_scroll == before {
            break;
        }
        body.push(inner(&cells(&d), bottom - 1));
    }
    let max = d.state.roles.screen.detail_scroll;
    keys(
        &mut d,
        &[KeyCode::PageDown, KeyCode::Char('G'), KeyCode::Char('j')],
    );
    assert_eq!(
        d.state.roles.screen.detail_scroll, max,
        "the scroll stops at the end"
    );
    keys(&mut d, &[KeyCode::Char('g')]);
    assert_eq!(d.state.roles.screen.detail_scroll, 0);
    let label = |row: &[String]| joined(&row[..starts[0]]).trim().to_string();
    for level in backdesk::catalog::Level::ALL {
        let row = body
            .iter()
            .find(|r| label(r) == level.short())
            .unwrap_or_else(|| panic!("no {} row at {w}x{h}", level.short()));
        for (i, r) in roles.iter().enumerate() {
            let cell = col(row, i);
            match r.band(*level) {
                Some(b) => {
                    let full = format_range(Some(b.min), Some(b.max), Period::Monthly);
                    let k = |n: u32| {
                        if n.is_multiple_of(1000) {
                            format!("{}k", n / 1000)
                        } else {
                            format!("{:.1}k", f64::from(n) / 1000.0)
                        }
                    };
                    let compact = format!("{}–{}", k(b.min.0), k(b.max.0));
                    assert!(
                        cell == full || cell == compact,
                        "{} {}: {cell:?} at {w}x{h}",
                        r.title,
                        level.short()
                    );
                }
                None => assert_eq!(cell, "—"),
            }
        }
    }
    // the duties are there, each role's first one whole
    let duties = body
        .iter()
        .position(|r| label(r) == "What you do")
        .unwrap_or_else(|| panic!("no What you do row at {w}x{h}"));
    for (i, r) in roles.iter().enumerate() {
        let text: Vec<String> = body[duties..].iter().map(|row| col(row, i)).collect();
        let text = text
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for duty in &r.responsibilities {
            assert!(
                text.contains(duty.as_str()),
                "{duty:?} of {} in {text}",
                r.title
            );
        }
    }
}

#[test]
fn compare_shows_every_title_band_and_duty_whole() {
    for (w, h) in [(120, 36), (80, 24), (60, 20), (200, 60)] {
        compare_reads_whole(w, h);
    }
    for (w, h) in [(120, 36), (80, 24)] {
        let mut d = driver(w, h);
        keys(
            &mut d,
            &[
                KeyCode::Esc,
                KeyCode::Char('2'),
                KeyCode::Esc,
                KeyCode::Char(' '),
            ],
        );
        keys(&mut d, &[KeyCode::Down, KeyCode::Char(' ')]);
        snap!(format!("roles_compare_{w}x{h}"), &d);
    }
}

/// A large catalogue says it is loading, centred, in Indian grouping; the
/// message fits any size down to one cell.
#[test]
fn loading_screen() {
    for (w, h) in [(80u16, 24u16), (20, 3), (1, 1)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        t.draw(|f| backdesk::tui::ui::loading(f, 1_002_000))
            .expect("draw");
        let buf = t.backend().buffer().clone();
        let rows: Vec<String> = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        if w == 80 {
            assert_eq!(rows[12].trim(), "Loading 10,02,000 listings…");
            let lead = rows[12].len() - rows[12].trim_start().len();
            let trail = rows[12].len() - rows[12].trim_end().len();
            assert!(lead.abs_diff(trail) <= 1, "centred: {:?}", rows[12]);
            assert!(
                rows.iter()
                    .enumerate()
                    .all(|(y, r)| y == 12 || r.trim().is_empty())
            );
        } else {
            // cut to the width, never past it
            assert!(
                rows.iter().all(|r| r.chars().count() == usize::from(w)),
                "{rows:?}"
            );
        }
    }
}

/// Every overlay at the three sizes people use: help, the palette, the
/// import prompt, saved searches, the profile, the tracker's form and
/// move prompt, a listing's detail and the roles' compare.
#[test]
fn every_overlay_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 36), (200, 50)] {
        let size = format!("{w}x{h}");
        let check = |d: &Driver, name: &str, wants: &[&str]| {
            let s = screen(d);
            for want in wants {
                assert!(s.contains(want), "{name} {size}: no {want:?}: {s}");
            }
        };
        // help: descriptions wrap, and it says there is more below
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('?')]);
        check(
            &d,
            "help",
            &["Help", "the command palette: find any command by"],
        );
        // at 200x50 it all fits; smaller, the border says what is below
        assert_eq!(screen(&d).contains("more lines"), h < 50, "{size}");
        snap!(format!("overlay_help_{size}"), &d);
        // the palette
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char(':')]);
        check(
            &d,
            "palette",
            &["Commands", "save the listing to the tracker"],
        );
        snap!(format!("overlay_palette_{size}"), &d);
        // the import prompt
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('i')]);
        check(&d, "import", &["Import"]);
        snap!(format!("overlay_import_{size}"), &d);
        // saved searches, one saved
        let mut d = driver(w, h);
        typed(&mut d, "tally");
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('b')]);
        typed(&mut d, "tally jobs");
        keys(&mut d, &[KeyCode::Enter, KeyCode::Char('\'')]);
        check(&d, "saved searches", &["tally jobs"]);
        snap!(format!("overlay_saved_{size}"), &d);
        // the profile
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('P')]);
        check(&d, "profile", &["rofile"]);
        snap!(format!("overlay_profile_{size}"), &d);
        // the tracker's form and move prompt
        let mut d = driver(w, h);
        keys(
            &mut d,
            &[
                KeyCode::Esc,
                KeyCode::Char('s'),
                KeyCode::Char('4'),
                KeyCode::Char('e'),
            ],
        );
        check(&d, "tracker form", &["Follow-up date"]);
        snap!(format!("overlay_tracker_form_{size}"), &d);
        // a listing's detail
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Enter]);
        check(&d, "detail", &["a month"]);
        snap!(format!("overlay_detail_{size}"), &d);
        // the roles' compare
        let mut d = driver(w, h);
        keys(
            &mut d,
            &[
                KeyCode::Esc,
                KeyCode::Char('2'),
                KeyCode::Esc,
                KeyCode::Char(' '),
                KeyCode::Down,
                KeyCode::Char(' '),
            ],
        );
        check(&d, "compare", &["Compare", "Administrative Assistant"]);
        snap!(format!("overlay_compare_{size}"), &d);
    }
}

/// Help scrolls to its last line at any size, and no further: at 40x10
/// (longer than a hundred lines) j reaches the end, which says so, and
/// one k brings back one line below.
#[test]
fn help_scrolls_to_its_end_at_any_size() {
    for (w, h) in [(40, 10), (80, 24), (120, 36)] {
        let mut d = driver(w, h);
        keys(&mut d, &[KeyCode::Esc, KeyCode::Char('?')]);
        assert!(screen(&d).contains("more lines"), "{w}x{h}");
        for _ in 0..400 {
            keys(&mut d, &[KeyCode::Char('j')]);
        }
        let s = screen(&d);
        assert!(s.contains("end · ↑ scrolls back"), "{w}x{h}: {s}");
        assert!(s.contains("counts show what each"), "the last line: {s}");
        keys(&mut d, &[KeyCode::Char('k')]);
        let s = screen(&d);
        assert!(s.contains("↓ 1 more line "), "{w}x{h}: {s}");
    }
}
