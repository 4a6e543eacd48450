//! Hardening the TUI: random event sequences (keys, mouse, resizes,
//! pastes) never panic and keep the state and the screen sane; any state
//! renders at any size; awkward text (Devanagari, emoji, right-to-left,
//! combining marks, control characters, huge pastes) keeps the layout
//! aligned and never reaches the screen raw.

use backdesk::config::Config;
use backdesk::search::Query;
use backdesk::session::Session;
use backdesk::session::saved::SavedCount;
use backdesk::store::Store;
use backdesk::tui::Options;
use backdesk::tui::action::Tab;
use backdesk::tui::driver::Driver;
use backdesk::tui::form::Form;
use backdesk::tui::layout::{self, Focus};
use backdesk::tui::state::{
    ImportPrompt, Overlay, Pane, RolePane, SavedOverlay, State, TrackerView,
};
use backdesk::tui::ui::render;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

// ---- drivers and events -----------------------------------------------------

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

/// A driver with a profile: the fit column, best-fit sorts, distances.
fn profiled(width: u16, height: u16) -> Driver {
    let (config, _) = Config::parse(
        "[profile]\nhome_city = \"Pune\"\nexperience_years = 1\nskills = [\"Excel\", \"Tally\"]\n",
        "c.toml",
    )
    .expect("config");
    let store = Store::open_in_memory().expect("store");
    Driver::with_options(
        Session::new(store).expect("session"),
        &Options {
            config,
            // no path: the profile form saves nothing to disk
            config_path: None,
            demo: false,
        },
        width,
        height,
    )
    .expect("driver")
}

fn key(d: &mut Driver, code: KeyCode) {
    d.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(d: &mut Driver, c: char) {
    d.event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn typed(d: &mut Driver, s: &str) {
    for c in s.chars() {
        key(d, KeyCode::Char(c));
    }
}

fn paste(d: &mut Driver, s: &str) {
    d.event(&Event::Paste(s.to_string()));
}

// ---- what every screen must look like -----------------------------------------

fn draw(st: &State, width: u16, height: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    t.draw(|f| render(f, st)).expect("draw");
    t.backend().buffer().clone()
}

/// Row `y` as a terminal shows it: each cell's symbol, skipping the cells
/// hidden under a wide character (as ratatui's TestBackend does), and the
/// columns those symbols take. The columns are summed cell by cell, as a
/// terminal places them: unicode-width on the whole row would count some
/// neighbours as one (Arabic lam-alef in two cells, "لا", is one column
/// to it).
fn row(buf: &Buffer, y: u16) -> (String, usize) {
    let mut line = String::new();
    let mut columns = 0;
    let mut skip = 0usize;
    for x in 0..buf.area.width {
        let sym = buf[(x, y)].symbol();
        // (ASCII fast: debug builds check screens of 30,000 cells a lot)
        let w = if sym.len() == 1 { 1 } else { sym.width() };
        if skip == 0 {
            line.push_str(sym);
            columns += w;
        }
        skip = skip.max(w).saturating_sub(1);
    }
    (line, columns)
}

fn row_text(buf: &Buffer, y: u16) -> String {
    row(buf, y).0
}

/// Characters that must never reach the terminal raw: C0/C1 controls
/// (escape, bell, NUL, DEL...) and the bidi embeddings, overrides and
/// isolates that make a terminal reorder the rest of the line.
fn forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The whole screen: its size, every row exactly as wide as the terminal
/// (a wide character in the last column would make it one wider),
/// no raw control characters, and (when there is room for the app) the
/// tab bar on top and the status bar at the bottom.
fn check_screen(buf: &Buffer, width: u16, height: u16) {
    assert_eq!(buf.area, Rect::new(0, 0, width, height), "buffer size");
    let mut rows = Vec::with_capacity(height as usize);
    for y in 0..height {
        let (line, columns) = row(buf, y);
        if let Some(c) = line.chars().find(|&c| forbidden(c)) {
            panic!("row {y} holds the raw control character {c:?}: {line:?}");
        }
        assert_eq!(
            columns, width as usize,
            "row {y} of {width}x{height} is not {width} columns wide: {line:?}"
        );
        rows.push(line);
    }
    if !layout::too_small(buf.area) {
        // the tab bar, each tab with the key that switches to it now
        let bar = rows[0].trim_start();
        assert!(
            bar.starts_with("1 Listings") || bar.starts_with("alt-1 Listings"),
            "the tab bar: {:?}",
            rows[0]
        );
        let status = &rows[height as usize - 1];
        assert!(!status.trim().is_empty(), "the status bar is empty");
    }
}

/// The box drawn around `r`: corners, and vertical sides at the same x on
/// every row.
fn check_box(buf: &Buffer, r: Rect, what: &str) {
    if r.width < 2 || r.height < 2 {
        return;
    }
    let is_vertical = |s: &str| matches!(s, "│" | "┃");
    let corner = |x: u16, y: u16, ok: &[&str]| {
        let s = buf[(x, y)].symbol();
        assert!(ok.contains(&s), "{what}: corner at ({x}, {y}) is {s:?}");
    };
    let (left, right, top, bottom) = (r.x, r.right() - 1, r.y, r.bottom() - 1);
    corner(left, top, &["┌", "┏"]);
    corner(right, top, &["┐", "┓"]);
    corner(left, bottom, &["└", "┗"]);
    corner(right, bottom, &["┘", "┛"]);
    for y in top + 1..bottom {
        for x in [left, right] {
            let s = buf[(x, y)].symbol();
            assert!(
                is_vertical(s),
                "{what}: the side at ({x}, {y}) is {s:?}; row: {:?}",
                row_text(buf, y)
            );
        }
    }
}

/// The column gaps of a bordered table: the cell before each header word
/// (after the first) is blank on every row of the table.
fn check_columns(buf: &Buffer, r: Rect, headers: &[&str], what: &str) {
    let hy = r.y + 1;
    let cells: Vec<&str> = (r.x..r.right()).map(|x| buf[(x, hy)].symbol()).collect();
    let mut gaps = Vec::new();
    for h in headers.iter().skip(1) {
        // a blank cell, then the header word one letter a cell
        let word: Vec<String> = h.chars().map(String::from).collect();
        let at = (0..cells.len().saturating_sub(word.len()))
            .find(|&i| cells[i] == " " && cells[i + 1..i + 1 + word.len()].iter().eq(word.iter()));
        if let Some(i) = at {
            gaps.push(r.x + i as u16);
        }
    }
    for y in hy..r.bottom() - 1 {
        for &x in &gaps {
            let s = buf[(x, y)].symbol();
            assert_eq!(
                s,
                " ",
                "{what}: the gap at ({x}, {y}) holds {s:?}; row: {:?}",
                row_text(buf, y)
            );
        }
    }
}

fn focus_of(p: Pane) -> Focus {
    match p {
        Pane::Search => Focus::Search,
        Pane::Filters => Focus::Side,
        Pane::Results => Focus::Main,
        Pane::Detail => Focus::Detail,
    }
}

fn role_focus_of(p: RolePane) -> Focus {
    match p {
        RolePane::Search => Focus::Search,
        RolePane::Filters => Focus::Side,
        RolePane::Results => Focus::Main,
        RolePane::Detail => Focus::Detail,
    }
}

fn overlay_open(st: &State) -> bool {
    st.overlay.is_some()
}

/// The panes of the Listings and Roles screens: boxes where the layout
/// puts them, the results table's columns in line.
fn check_panes(buf: &Buffer, st: &State) {
    let area = buf.area;
    if layout::too_small(area) || overlay_open(st) {
        return;
    }
    let body = layout::root(area).body;
    let sidebar = backdesk::tui::update::SIDEBAR;
    let p = match st.tab {
        Tab::Listings => layout::panes(
            body,
            focus_of(st.listings.screen.pane),
            sidebar,
            st.listings.screen.results_want,
        ),
        Tab::Roles => {
            let p = layout::panes(body, role_focus_of(st.roles.screen.pane()), sidebar, 0);
            if st.roles.compare.len() >= 2 && st.roles.screen.pane() == RolePane::Detail {
                // the comparison takes everything below the search box
                let top = p.search.y + p.search.height;
                let rest = Rect::new(body.x, top, body.width, body.bottom() - top);
                layout::Panes {
                    search: p.search,
                    side: None,
                    main: None,
                    detail: Some(rest),
                }
            } else {
                p
            }
        }
        _ => return,
    };
    if p.search.height >= 3 {
        check_box(buf, p.search, "search box");
    }
    for (r, what) in [(p.side, "sidebar"), (p.main, "list"), (p.detail, "detail")] {
        if let Some(r) = r {
            check_box(buf, r, what);
        }
    }
    // (no results: a message stands where the rows would)
    if st.tab == Tab::Listings
        && st.listings.results.total() > 0
        && let Some(r) = p.main
        && r.height > 3
    {
        check_columns(
            buf,
            r,
            &["Title", "Company", "City", "Salary", "Mode", "Posted"],
            "results",
        );
    }
}

/// Whatever the events were, the cursors point inside their lists.
fn check_state(st: &State) {
    let l = &st.listings;
    let total = l.results.total();
    assert!(
        l.screen.cursor.selected < total.max(1),
        "listings: selected {} of {total}",
        l.screen.cursor.selected
    );
    assert!(
        l.screen.cursor.offset <= l.screen.cursor.selected,
        "{:?}",
        l.screen.cursor
    );
    assert!(l.screen.input.text().chars().count() <= backdesk::tui::input::MAX_INPUT);
    // the selected row is among those drawn
    let body = layout::root(Rect::new(0, 0, st.width, st.height)).body;
    let sidebar = backdesk::tui::update::SIDEBAR;
    if let Some(main) = layout::panes(
        body,
        focus_of(l.screen.pane),
        sidebar,
        l.screen.results_want,
    )
    .main
        && total > 0
    {
        let rows = layout::table_rows(main).max(1);
        assert!(
            l.screen.cursor.selected < l.screen.cursor.offset + rows,
            "listings: selected {} not among the {rows} rows from {}",
            l.screen.cursor.selected,
            l.screen.cursor.offset
        );
    }
    if let Some(main) = layout::panes(body, role_focus_of(st.roles.screen.pane()), sidebar, 0).main
        && !st.roles.found.is_empty()
    {
        let rows = layout::inner_rows(main).max(1);
        assert!(
            st.roles.screen.cursor.selected < st.roles.screen.cursor.offset + rows,
            "roles: selected {} not among the {rows} rows from {}",
            st.roles.screen.cursor.selected,
            st.roles.screen.cursor.offset
        );
    }
    let roles = st.roles.found.len();
    assert!(
        st.roles.screen.cursor.selected < roles.max(1),
        "roles: selected {} of {roles}",
        st.roles.screen.cursor.selected
    );
    assert!(st.roles.screen.cursor.offset <= st.roles.screen.cursor.selected);
    assert!(st.roles.compare.len() <= 3);
    let all_roles = st.index().vocab().roles.len();
    assert!(st.salaries.cursor.selected < all_roles.max(1));
    let t = &st.tracker;
    assert!(t.column < backdesk::tui::update::tracker::columns(st));
    if let Some(id) = t.selected {
        assert!(
            t.apps.iter().any(|a| a.id == id),
            "tracker selects {id}, not an application"
        );
    }
    if t.view != TrackerView::Board {
        let listed = backdesk::tui::update::tracker::listed(st).len();
        assert!(t.cursor.selected < listed.max(1));
    }
    if let Some(Overlay::Help { scroll }) = &st.overlay {
        assert!(*scroll <= 100);
    }
}

// ---- strategies -------------------------------------------------------------

/// Characters typed: letters, digits, the punctuation keys bind, and a few
/// that are not ASCII.
const TYPED: &str = "abcdefghijklmnopqrstuvwxyzABGPQ0123456789/?<>[] '-.,~é₹डेटा😀";

/// Pasted texts: the awkward ones, and random runs of typed characters
/// with control characters mixed in.
const PASTES: &[&str] = &[
    "पेरोल पुणे",
    "👩‍💻🇮🇳",
    "e\u{301}क़",
    "محاسب سلام",
    "חשבונאות",
    "\u{0}\u{7}\u{1b}[31m\t\r\n\u{7f}\u{200b}\u{202e}x",
    "payroll\r\npune",
    "tests/fixtures/import/counsellor-sheet.csv",
];

/// The keys bound to commands (when not typing), and the stage keys after m.
const COMMANDS: &str = "jkgGsaxcopmievfhlwbnrP'/?<>[] 1234";

fn arb_char() -> impl Strategy<Value = char> {
    prop::sample::select(TYPED.chars().collect::<Vec<_>>())
}

fn arb_command() -> impl Strategy<Value = char> {
    prop::sample::select(COMMANDS.chars().collect::<Vec<_>>())
}

fn arb_paste() -> impl Strategy<Value = String> {
    let noisy = prop::collection::vec(
        prop_oneof![
            8 => arb_char(),
            1 => prop::sample::select(vec!['\u{0}', '\u{7}', '\u{1b}', '\t', '\r', '\n', '\u{7f}',
                '\u{85}', '\u{200b}', '\u{200d}', '\u{202e}', '\u{2067}', '\u{301}']),
        ],
        0..40,
    )
    .prop_map(|v| v.into_iter().collect::<String>());
    prop_oneof![
        1 => prop::sample::select(PASTES).prop_map(str::to_string),
        2 => noisy,
        1 => (1usize..300).prop_map(|n| "x".repeat(n * 7)),
    ]
}

fn arb_size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (1u16..=300, 1u16..=100),
        // the sizes where the layout changes
        2 => prop::sample::select(vec![
            (40, 10), (39, 10), (40, 9), (59, 14), (60, 13), (79, 24), (80, 24),
            (109, 30), (110, 30), (120, 36), (300, 100), (1, 1),
        ]),
    ]
}

fn special_key() -> impl Strategy<Value = KeyCode> {
    prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
    ])
}

fn press(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn arb_event() -> impl Strategy<Value = Event> {
    // a mouse may report where the terminal was before it shrank
    let at = (0u16..310, 0u16..110);
    prop_oneof![
        6 => arb_char().prop_map(|c| press(KeyCode::Char(c), KeyModifiers::NONE)),
        10 => arb_command().prop_map(|c| press(KeyCode::Char(c), KeyModifiers::NONE)),
        3 => Just(press(KeyCode::Esc, KeyModifiers::NONE)),
        8 => special_key().prop_map(|k| press(k, KeyModifiers::NONE)),
        1 => special_key().prop_map(|k| press(k, KeyModifiers::SHIFT)),
        2 => (1u8..=12).prop_map(|n| press(KeyCode::F(n), KeyModifiers::NONE)),
        2 => prop::char::range('a', 'z').prop_map(|c| press(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => arb_char().prop_map(|c| press(KeyCode::Char(c), KeyModifiers::ALT)),
        1 => arb_char().prop_map(|c| Event::Key(KeyEvent::new_with_kind(
            KeyCode::Char(c), KeyModifiers::NONE, KeyEventKind::Release))),
        3 => at.clone().prop_map(|(c, r)| mouse(MouseEventKind::Down(MouseButton::Left), c, r)),
        2 => at.clone().prop_map(|(c, r)| mouse(MouseEventKind::ScrollDown, c, r)),
        1 => at.clone().prop_map(|(c, r)| mouse(MouseEventKind::ScrollUp, c, r)),
        1 => at.prop_map(|(c, r)| mouse(MouseEventKind::Down(MouseButton::Right), c, r)),
        3 => arb_size().prop_map(|(w, h)| Event::Resize(w, h)),
        1 => arb_paste().prop_map(Event::Paste),
        // words that find something, so that there are results to show
        1 => prop::sample::select(vec!["pay", "tally", "pune", "data", "hr ", "accounts"])
            .prop_map(|w| Event::Paste(w.to_string())),
        1 => Just(Event::FocusLost),
    ]
}

/// How a case starts: the terminal size, whether there is a profile, and
/// how many listings are saved to the tracker first (by keys, at 120x36).
#[derive(Debug, Clone, Copy)]
struct Start {
    size: (u16, u16),
    with_profile: bool,
    saved: usize,
}

fn arb_start() -> impl Strategy<Value = Start> {
    (arb_size(), any::<bool>(), 0usize..4).prop_map(|(size, with_profile, saved)| Start {
        size,
        with_profile,
        saved,
    })
}

/// Runs events through a fresh driver. `check` runs after each one.
fn run(start: Start, events: &[Event], mut check: impl FnMut(&Driver)) -> Driver {
    let mut d = if start.with_profile {
        profiled(120, 36)
    } else {
        driver(120, 36)
    };
    if start.saved > 0 {
        key(&mut d, KeyCode::Esc);
        for _ in 0..start.saved {
            key(&mut d, KeyCode::Char('s'));
            key(&mut d, KeyCode::Down);
        }
        key(&mut d, KeyCode::Char('/'));
    }
    d.event(&Event::Resize(start.size.0, start.size.1));
    for ev in events {
        d.event(ev);
        if d.state.quit {
            // the real loop would exit here; quitting changes nothing
            // else, so carry on to reach more states
            d.state.quit = false;
        }
        check(&d);
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any sequence of keys, clicks, scrolls, resizes and pastes: no panic,
    /// the cursors stay in their lists, and after every event the screen
    /// has the terminal's size, rows exactly as wide as it, no raw control
    /// characters, a tab bar and a status bar, boxes where the layout puts
    /// them, and a text cursor on screen whenever keys type.
    #[test]
    fn random_events_keep_state_and_screen_sane(
        start in arb_start(),
        events in prop::collection::vec(arb_event(), 1..60),
    ) {
        run(start, &events, |d| {
            let st = &d.state;
            check_state(st);
            let (w, h) = (st.width, st.height);
            let (buf, cursor) = draw_with_cursor(st, w, h);
            check_screen(&buf, w, h);
            check_panes(&buf, st);
            if let Some((x, y)) = cursor {
                assert!(x < w && y < h, "cursor ({x}, {y}) off the {w}x{h} screen");
            } else {
                assert!(
                    !st.typing() || layout::too_small(buf.area),
                    "typing without a cursor"
                );
            }
        });
    }

    /// States reached by random events render at any size on every tab
    /// (the tracker in each view), bare, under the help, and with each
    /// form or overlay open, with and without the demo or due banner.
    #[test]
    fn any_state_renders_at_any_size_on_every_tab(
        start in arb_start(),
        events in prop::collection::vec(arb_event(), 0..40),
        sizes in prop::collection::vec(arb_size(), 1..4),
        overlay in 0usize..8,
        demo in any::<bool>(),
        banner in any::<bool>(),
    ) {
        let mut d = run(start, &events, |_| {});
        // something in the tracker for its board, list and detail
        key(&mut d, KeyCode::Esc);
        d.state.overlay = None;
        d.act(backdesk::tui::action::Action::GoTab(Tab::Listings));
        d.act(backdesk::tui::action::Action::Save);
        d.state.demo = demo;
        d.state.banner = banner
            .then(|| "Due today or overdue: 3 follow-ups, 2 interviews (tab 4)".to_string());
        let st = &mut d.state;
        open_overlay(st, overlay);
        for tab in Tab::ALL {
            st.tab = tab;
            for view in [TrackerView::Board, TrackerView::List, TrackerView::Stats] {
                if tab != Tab::Tracker && view != TrackerView::Board {
                    continue;
                }
                st.tracker.view = view;
                for &(w, h) in &sizes {
                    let buf = draw(st, w, h);
                    check_screen(&buf, w, h);
                }
            }
        }
    }
}

/// Opens one of the overlays (0: none).
fn open_overlay(st: &mut State, which: usize) {
    match which {
        1 => st.overlay = Some(Overlay::Help { scroll: 0 }),
        2 => {
            st.overlay = Some(Overlay::TrackerForm(match st.tracker.apps.first() {
                Some(a) => Form::edit(a, &["Excel".to_string(), "Tally".to_string()]),
                None => Form::new_app(),
            }))
        }
        3 => st.overlay = Some(Overlay::TrackerForm(Form::new_app())),
        4 => {
            st.overlay = Some(Overlay::Profile(Form::profile(
                &st.config_profile,
                &st.index().vocab().cities,
            )))
        }
        5 => {
            st.overlay = Some(Overlay::Import(ImportPrompt {
                report: Some("imported\tfile.csv: 3 new\n".repeat(40)),
                ..ImportPrompt::default()
            }))
        }
        6 => {
            let saved = |name: &str, text: &str, results, new| SavedCount {
                name: name.into(),
                query: Query {
                    text: text.into(),
                    ..Query::default()
                },
                results,
                new,
                opened_at: None,
            };
            st.overlay = Some(Overlay::SavedSearches(SavedOverlay {
                list: vec![
                    saved("tally jobs", "tally pune", 12, 3),
                    saved("पेरोल", "पेरोल पुणे", 0, 0),
                ],
                ..SavedOverlay::default()
            }))
        }
        7 => st.overlay = Some(Overlay::Palette(Default::default())),
        _ => {}
    }
}

// ---- awkward text -------------------------------------------------------------

/// Texts that break naive width and byte arithmetic.
const AWKWARD: &[(&str, &str)] = &[
    ("devanagari", "पेरोल पुणे"),
    ("emoji", "👩‍💻🇮🇳 payroll"),
    ("combining", "e\u{301}xcel क़"),
    ("arabic", "محاسب سلام"),
    ("hebrew", "חשבונאות"),
    (
        "controls",
        "a\u{0}b\u{7}c\u{1b}[31md\te\rf\u{7f}g\u{200b}h\u{202e}i\u{85}j",
    ),
];

/// Draws at each size and checks rows, control characters and boxes.
fn check_sizes(d: &mut Driver, sizes: &[(u16, u16)]) {
    let (w0, h0) = (d.state.width, d.state.height);
    for &(w, h) in sizes {
        d.event(&Event::Resize(w, h));
        let buf = draw(&d.state, w, h);
        check_screen(&buf, w, h);
        check_panes(&buf, &d.state);
    }
    d.event(&Event::Resize(w0, h0));
}

const SIZES: &[(u16, u16)] = &[(120, 36), (80, 24), (60, 13), (40, 10), (300, 100)];

/// Results for an ASCII query on a fresh driver.
fn fresh_total(q: &str) -> usize {
    let mut d = driver(120, 36);
    typed(&mut d, q);
    d.state.listings.results.total()
}

#[test]
fn awkward_text_in_the_search_box_keeps_the_layout_aligned() {
    let payroll = fresh_total("payroll");
    assert!(payroll > 0);
    for (name, text) in AWKWARD {
        for how in ["typed", "pasted"] {
            let mut d = driver(120, 36);
            if how == "typed" {
                typed(&mut d, text);
            } else {
                paste(&mut d, text);
            }
            let got = d.state.listings.screen.input.text().to_string();
            assert!(
                !got.chars().any(forbidden),
                "{name} {how}: the input keeps a control character: {got:?}"
            );
            check_sizes(&mut d, SIZES);
            // the results pane too, and the detail
            key(&mut d, KeyCode::Esc);
            check_sizes(&mut d, SIZES);
            key(&mut d, KeyCode::Enter);
            check_sizes(&mut d, SIZES);
            // the search still works afterwards
            key(&mut d, KeyCode::Char('/'));
            ctrl(&mut d, 'u');
            typed(&mut d, "payroll");
            assert_eq!(
                d.state.listings.results.total(),
                payroll,
                "{name} {how}: payroll after clearing"
            );
        }
    }
}

/// A match on a consonant whose vowel sign follows ("ब" in "बैक"): the
/// highlight must take the whole cluster, or the vowel sign starts a span
/// of its own, sits in a cell alone and the terminal shifts the row left.
#[test]
fn a_match_inside_a_devanagari_cluster_keeps_rows_aligned() {
    // the results row at 157 wide; the same title in the detail pane, cut
    // at its right edge somewhere in 100-130 columns (the widths are swept
    // so that the edge falls inside a cluster whatever the title)
    let sweep: Vec<(u16, u16)> = (100..=130).map(|w| (w, 30)).collect();
    let cases: [(&str, &[(u16, u16)]); 2] =
        [("ब", &[(157, 11), (120, 36), (80, 24)]), ("ब s", &sweep)];
    for (query, sizes) in cases {
        let (w, h) = sizes[0];
        let mut d = driver(w, h);
        typed(&mut d, query);
        assert!(
            d.state.listings.results.total() > 0,
            "{query}: a Hindi title matches"
        );
        check_sizes(&mut d, sizes);
    }
}

#[test]
fn awkward_text_in_the_roles_search_box() {
    for (name, text) in AWKWARD {
        let mut d = driver(120, 36);
        key(&mut d, KeyCode::Esc);
        key(&mut d, KeyCode::Char('2'));
        key(&mut d, KeyCode::Char('/'));
        paste(&mut d, text);
        typed(&mut d, text);
        assert!(
            !d.state.roles.screen.input.text().chars().any(forbidden),
            "{name}"
        );
        check_sizes(&mut d, SIZES);
        ctrl(&mut d, 'u');
        typed(&mut d, "payroll");
        assert!(
            !d.state.roles.found.is_empty(),
            "{name}: roles after clearing"
        );
    }
}

/// What the documented cleaning of a multi-line input makes of `s`:
/// CR LF becomes LF, other line breaks and tabs spaces, control and
/// bidi-override characters are dropped; saving trims the end.
fn cleaned_note(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' | '\t' => ' ',
            c => c,
        })
        .filter(|&c| c == '\n' || !forbidden(c))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Opens the edit form of the first application, with the notes focused.
fn edit_first(d: &mut Driver) {
    key(d, KeyCode::Esc);
    key(d, KeyCode::Char('1'));
    key(d, KeyCode::Esc);
    if d.state.tracker.apps.is_empty() {
        key(d, KeyCode::Char('s'));
    }
    key(d, KeyCode::Char('4'));
    d.state.tracker.view = TrackerView::Board;
    key(d, KeyCode::Char('e'));
    let form = d.state.tracker_form().expect("the form opens");
    assert!(form.is_notes(), "notes come first");
}

#[test]
fn awkward_notes_are_saved_as_documented_and_read_back() {
    for (name, text) in AWKWARD {
        for how in ["typed", "pasted"] {
            let mut d = driver(120, 36);
            edit_first(&mut d);
            let id = d.state.tracker.selected.expect("selected");
            let note = format!("{text}\r\nsecond line {text}");
            if how == "typed" {
                // Enter types a line break in the notes
                for c in note.replace("\r\n", "\n").chars() {
                    if c == '\n' {
                        key(&mut d, KeyCode::Enter);
                    } else {
                        key(&mut d, KeyCode::Char(c));
                    }
                }
            } else {
                paste(&mut d, &note);
            }
            check_sizes(&mut d, SIZES);
            ctrl(&mut d, 's');
            assert!(d.state.tracker_form().is_none(), "{name} {how}: saved");
            let stored = d.session.store.application(id).expect("read").expect("app");
            assert_eq!(stored.notes, cleaned_note(&note), "{name} {how}");
            // the list view shows the notes in the detail
            key(&mut d, KeyCode::Char('v'));
            check_sizes(&mut d, SIZES);
            // and the form shows them again as saved
            key(&mut d, KeyCode::Char('v'));
            key(&mut d, KeyCode::Char('v'));
            key(&mut d, KeyCode::Char('e'));
            let form = d.state.tracker_form().expect("form");
            assert_eq!(form.fields[form.at].input.text(), stored.notes);
            key(&mut d, KeyCode::Esc);
        }
    }
}

#[test]
fn awkward_text_in_a_job_added_by_hand() {
    for (name, text) in AWKWARD {
        let mut d = driver(120, 36);
        key(&mut d, KeyCode::Esc);
        key(&mut d, KeyCode::Char('4'));
        key(&mut d, KeyCode::Char('n'));
        for _ in 0..5 {
            paste(&mut d, text);
            typed(&mut d, " x");
            key(&mut d, KeyCode::Tab);
        }
        ctrl(&mut d, 's');
        // a salary field full of text is refused: clear it and save again
        if d.state.tracker_form().is_some() {
            let form = d.state.tracker_form_mut().expect("form");
            for f in &mut form.fields {
                if f.error.is_some() {
                    f.input.clear();
                }
            }
            ctrl(&mut d, 's');
        }
        assert!(d.state.tracker_form().is_none(), "{name}: saved");
        let apps = d.session.store.all_applications().expect("apps");
        assert_eq!(apps.len(), 1, "{name}");
        assert!(
            !apps[0].company.chars().any(forbidden),
            "{name}: {:?}",
            apps[0].company
        );
        for view in [TrackerView::Board, TrackerView::List, TrackerView::Stats] {
            d.state.tracker.view = view;
            check_sizes(&mut d, SIZES);
        }
        d.state.tracker.view = TrackerView::List;
        let buf = draw(&d.state, 120, 36);
        let r = backdesk::tui::update::tracker::list_rect(&d.state);
        check_box(&buf, r, "tracker list");
        check_columns(
            &buf,
            r,
            &["Title", "Company", "Status", "Next date"],
            "tracker list",
        );
    }
}

// ---- huge pastes --------------------------------------------------------------

const HUGE: usize = 100_000;

fn huge_text() -> String {
    // wide, narrow, combining and control characters, and line breaks
    let unit = "पेरोल payroll 👩‍💻 e\u{301} محاسب\u{1b}\t\r\n";
    let mut s = String::with_capacity(HUGE * 4);
    while s.chars().count() < HUGE {
        s.push_str(unit);
    }
    s.chars().take(HUGE).collect()
}

#[test]
fn a_huge_paste_into_the_search_box_is_capped_and_cleared() {
    let payroll = fresh_total("payroll");
    let mut d = driver(120, 36);
    paste(&mut d, &huge_text());
    let text = d.state.listings.screen.input.text();
    assert_eq!(text.chars().count(), backdesk::tui::input::MAX_INPUT);
    assert!(!text.chars().any(forbidden));
    assert!(d.state.flash.as_ref().is_some_and(|f| f.error), "says so");
    check_sizes(&mut d, SIZES);
    ctrl(&mut d, 'u');
    typed(&mut d, "payroll");
    assert_eq!(d.state.listings.results.total(), payroll);
}

#[test]
fn a_huge_paste_into_the_notes_is_capped_and_renders() {
    let mut d = driver(120, 36);
    edit_first(&mut d);
    paste(&mut d, &huge_text());
    let form = d.state.tracker_form().expect("form");
    let notes = form.fields[form.at].input.text();
    assert_eq!(notes.chars().count(), backdesk::tui::input::MAX_MULTILINE);
    check_sizes(&mut d, SIZES);
    // one very long line too
    ctrl(&mut d, 'u');
    paste(&mut d, &"x".repeat(HUGE));
    check_sizes(&mut d, SIZES);
    // and thousands of short ones (drawing them once was quadratic: the
    // cursor's line was worked out again for every line)
    ctrl(&mut d, 'u');
    paste(&mut d, &"\n".repeat(HUGE));
    let form = d.state.tracker_form().expect("form");
    assert_eq!(
        form.fields[form.at].input.cursor_line_col(),
        (backdesk::tui::input::MAX_MULTILINE, 0)
    );
    check_sizes(&mut d, SIZES);
    let (_, at) = draw_with_cursor(&d.state, 120, 36);
    assert!(at.is_some(), "the cursor shows on the last line");
    typed(&mut d, "done");
    ctrl(&mut d, 's');
    assert!(d.state.tracker_form().is_none());
}

#[test]
fn a_hundred_thousand_key_presses() {
    let payroll = fresh_total("payroll");
    let mut d = driver(80, 24);
    for i in 0..HUGE {
        let c = ['प', 'a', '😀', 'e', '\u{301}', ' '][i % 6];
        key(&mut d, KeyCode::Char(c));
    }
    assert_eq!(
        d.state.listings.screen.input.text().chars().count(),
        backdesk::tui::input::MAX_INPUT
    );
    check_sizes(&mut d, SIZES);
    ctrl(&mut d, 'u');
    typed(&mut d, "payroll");
    assert_eq!(d.state.listings.results.total(), payroll);
}

// ---- the selection stays on screen ----------------------------------------------

/// On a narrow screen the detail replaces the results; a resize while it
/// shows must leave the selected row among those drawn when they return.
#[test]
fn the_selection_stays_on_screen_after_a_resize_behind_the_detail() {
    let mut d = driver(60, 24);
    key(&mut d, KeyCode::Esc);
    for _ in 0..15 {
        key(&mut d, KeyCode::Down);
    }
    check_state(&d.state);
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.state.listings.screen.pane, Pane::Detail);
    d.event(&Event::Resize(60, 20));
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.state.listings.screen.pane, Pane::Results);
    check_state(&d.state);
    let buf = draw(&d.state, 60, 20);
    let id = d
        .state
        .listings
        .selected_id(d.state.index())
        .expect("a row");
    let title = d
        .session
        .store
        .listing(id)
        .expect("read")
        .expect("listing")
        .title;
    let start: String = title.chars().take(12).collect();
    let shown = (0..20).any(|y| row_text(&buf, y).contains(&start));
    assert!(shown, "the selected listing {title:?} is drawn");
}

// ---- the cursor follows the text ----------------------------------------------

/// Draws and returns the buffer with the cursor, when it shows.
fn draw_with_cursor(st: &State, width: u16, height: u16) -> (Buffer, Option<(u16, u16)>) {
    let mut t = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    t.draw(|f| render(f, st)).expect("draw");
    let b = t.backend();
    let at = b
        .cursor_visible()
        .then(|| (b.cursor_position().x, b.cursor_position().y));
    (b.buffer().clone(), at)
}

/// The grapheme drawn just left of column `x` on row `y`.
fn before(buf: &Buffer, x: u16, y: u16) -> String {
    let mut last = String::new();
    let mut skip = 0usize;
    for cx in 0..x {
        let sym = buf[(cx, y)].symbol();
        if skip == 0 {
            last = sym.to_string();
        }
        skip = skip.max(sym.width()).saturating_sub(1);
    }
    last
}

/// The last character that takes room, with the marks that follow it
/// (enough for the texts here: none ends in an emoji sequence).
fn last_grapheme(s: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let chars: Vec<char> = s.chars().collect();
    let base = chars
        .iter()
        .rposition(|c| c.width().unwrap_or(0) > 0)
        .expect("something typed");
    chars[base..].iter().collect()
}

/// The cursor shows right after `last`, with nothing under it.
fn check_cursor_after(d: &Driver, w: u16, h: u16, last: &str, what: &str) -> (u16, u16) {
    let (buf, at) = draw_with_cursor(&d.state, w, h);
    check_screen(&buf, w, h);
    let (x, y) = at.unwrap_or_else(|| panic!("{what} {w}x{h}: no cursor"));
    assert_eq!(
        before(&buf, x, y),
        last,
        "{what} {w}x{h}: left of the cursor ({x}, {y}) in {:?}",
        row_text(&buf, y)
    );
    assert_eq!(
        buf[(x, y)].symbol(),
        " ",
        "{what} {w}x{h}: under the cursor ({x}, {y}) in {:?}",
        row_text(&buf, y)
    );
    (x, y)
}

/// However long and wide the text, the cursor stays in the search box,
/// right after the last character typed.
#[test]
fn the_search_cursor_sits_after_long_wide_text() {
    let mut d = driver(120, 36);
    for (name, text) in AWKWARD {
        let last = last_grapheme(text);
        for (w, h) in [(120, 36), (80, 24), (40, 10), (60, 13)] {
            d.event(&Event::Resize(w, h));
            ctrl(&mut d, 'u');
            for n in 0..8 {
                typed(&mut d, text);
                let what = format!("{name} x{}", n + 1);
                let (x, y) = check_cursor_after(&d, w, h, &last, &what);
                let body = layout::root(Rect::new(0, 0, w, h)).body;
                let sidebar = backdesk::tui::update::SIDEBAR;
                let search = layout::panes(body, Focus::Search, sidebar, 0).search;
                assert!(
                    layout::contains(search, x, y),
                    "{what} {w}x{h}: cursor ({x}, {y}) outside the search box {search:?}"
                );
            }
        }
    }
}

/// The same in the other text inputs: the roles search, the import path,
/// a saved search's name, and the tracker form's one-line fields and notes.
#[test]
fn every_input_keeps_its_cursor_after_long_wide_text() {
    type Open = fn(&mut Driver);
    // (name, how to open it, what to paste after clearing it)
    let inputs: [(&str, Open, &str); 6] = [
        (
            "roles search",
            |d| {
                key(d, KeyCode::Esc);
                key(d, KeyCode::Char('2'));
                key(d, KeyCode::Char('/'));
            },
            "",
        ),
        (
            "import path",
            |d| {
                key(d, KeyCode::Esc);
                key(d, KeyCode::Char('i'));
            },
            "",
        ),
        (
            "saved search name",
            |d| {
                key(d, KeyCode::Esc);
                key(d, KeyCode::Char('b'));
            },
            "",
        ),
        (
            "new job title",
            |d| {
                key(d, KeyCode::Esc);
                key(d, KeyCode::Char('4'));
                key(d, KeyCode::Char('n'));
            },
            "",
        ),
        ("notes", edit_first, ""),
        ("notes after many lines", edit_first, "a line of notes\n"),
    ];
    for (input, open, prefill) in inputs {
        let mut d = driver(120, 36);
        open(&mut d);
        for (name, text) in AWKWARD {
            let last = last_grapheme(text);
            for (w, h) in [(120, 36), (40, 10)] {
                d.event(&Event::Resize(w, h));
                ctrl(&mut d, 'u');
                paste(&mut d, &prefill.repeat(60));
                assert!(d.state.typing(), "{input}: typing");
                for n in 0..4 {
                    typed(&mut d, text);
                    check_cursor_after(&d, w, h, &last, &format!("{input}: {name} x{}", n + 1));
                }
            }
        }
    }
}
