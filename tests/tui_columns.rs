//! Table columns sized from content, checked on the drawn screen: every
//! name in a table is whole or cut with "…", titles keep room at 120
//! columns, a wider terminal never shows fewer columns (within one pane
//! layout), and the Roles counts sit by the names.

use backdesk::config::Config;
use backdesk::session::Session;
use backdesk::store::Store;
use backdesk::tui::driver::Driver;
use backdesk::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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

fn key(d: &mut Driver, k: KeyCode) {
    d.event(&Event::Key(KeyEvent::new(k, KeyModifiers::NONE)));
}

/// The screen's rows, each cell's symbol joined (wide cells once).
fn lines(d: &Driver) -> Vec<String> {
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(f, &d.state)).expect("draw");
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += sym.width().max(1) as u16;
            }
            s
        })
        .collect()
}

/// `text` is on `line` whole, or as a prefix of whole graphemes ending in
/// "…"; the prefix's width when cut.
fn shown(line: &str, text: &str) -> Option<Option<usize>> {
    if line.contains(text) {
        return Some(None);
    }
    let g: Vec<&str> = text.graphemes(true).collect();
    (1..g.len()).rev().find_map(|n| {
        let p = format!("{}…", g[..n].concat());
        line.contains(&p).then(|| Some(g[..n].concat().width()))
    })
}

/// The results pane's header line and the rows under it.
fn results(lines: &[String]) -> (usize, String) {
    let y = lines
        .iter()
        .position(|l| l.contains(" Title "))
        .expect("a results header");
    (y, lines[y].clone())
}

/// For each visible listing: is its title, company and city whole (or
/// cut with "…") on its row? Returns how many title cuts were narrower
/// than `title_min` and how many names were cut at all.
fn check_rows(d: &Driver, title_min: usize) -> (usize, usize, usize) {
    let ls = lines(d);
    let (y, header) = results(&ls);
    let ix = d.state.index();
    let l = &d.state.listings;
    let (mut narrow, mut cut, mut names) = (0, 0, 0);
    for (k, h) in l.results.hits.iter().skip(l.cursor.offset).enumerate() {
        let Some(line) = ls.get(y + 1 + k) else { break };
        if line.starts_with('└')
            || line.starts_with('┗')
            || !line.contains('│') && !line.contains('┃')
        {
            break;
        }
        let row = h.row as usize;
        let mut check = |name: &str, text: &str, min: usize| {
            if !header.contains(name) {
                return;
            }
            names += 1;
            match shown(line, text) {
                Some(None) => {}
                Some(Some(w)) => {
                    cut += 1;
                    if w + 1 < min {
                        narrow += 1;
                    }
                }
                None => panic!(
                    "{}x{}: {name} {text:?} neither whole nor cut with …: {line}",
                    d.state.width, d.state.height
                ),
            }
        };
        check("Title", ix.title(row), title_min);
        check("Company", ix.company(row), 0);
        check("City", ix.city(row), 0);
    }
    (narrow, cut, names)
}

#[test]
fn names_are_whole_or_end_in_an_ellipsis_at_every_width() {
    for w in (40..=300).step_by(13).chain([80, 110, 120, 200]) {
        for h in [24, 50] {
            let mut d = driver(w, h);
            key(&mut d, KeyCode::Esc);
            check_rows(&d, 0);
        }
    }
}

#[test]
fn titles_keep_28_cells_at_120_columns() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    let (narrow, cut, _) = check_rows(&d, 28);
    assert_eq!(narrow, 0, "every cut title keeps 27 cells and its …");
    assert!(cut > 0, "the browse list has long titles to cut");
    let (_, header) = results(&lines(&d));
    let at = |s: &str| header.find(s).map(|i| header[..i].width());
    let (title, next) = (at("Title").unwrap_or(0), at("Company").unwrap_or(0));
    assert!(
        next - title >= 29,
        "title column {} wide: {header}",
        next - title - 1
    );
}

/// Pages through every listing at 200×50: how many have their title,
/// company and city whole. (Not all can: the detail pane takes two fifths
/// and the longest title and company in one page need more than the
/// results have; see the README.)
#[test]
fn at_200_columns_nearly_every_name_shows_whole() {
    let mut d = driver(200, 50);
    key(&mut d, KeyCode::Esc);
    let total = d.state.listings.results.total();
    let (mut cut, mut names) = (0, 0);
    let mut seen = 0;
    while seen < total {
        let (_, c, n) = check_rows(&d, 0);
        cut += c;
        names += n;
        seen = d.state.listings.cursor.offset + 44;
        key(&mut d, KeyCode::PageDown);
        if d.state.listings.cursor.offset + 44 <= seen && seen < total {
            break;
        }
    }
    eprintln!("200x50: {cut} of {names} names cut");
    assert!(names >= total * 3 - 200, "{names} names checked");
    // measured: 187 of 6,174 (3.0%; 223 before the title's want went
    // from 28 to 24). None cut would need 128 cells (a 47-cell title, a
    // 46-cell company, 18 for Thiruvananthapuram, pay, gaps) where the
    // results have 103 beside the detail's two fifths.
    assert!(
        cut * 30 <= names,
        "{cut} of {names} names cut at 200 columns"
    );
}

/// Which of the results' headers show on `d`'s screen.
fn headers(d: &Driver) -> usize {
    let (_, header) = results(&lines(d));
    ["Title", "Company", "City", "Salary", "Mode", "Age"]
        .iter()
        .filter(|h| header.contains(*h))
        .count()
}

#[test]
fn a_wider_terminal_never_shows_fewer_columns() {
    // across the pane layouts too: one pane under 80, sidebar and results
    // to 110, three panes from 110 (where the results narrow by the
    // detail's share)
    let mut d = driver(40, 30);
    key(&mut d, KeyCode::Esc);
    let mut last = (0, 0);
    for w in 40u16..=300 {
        d.event(&Event::Resize(w, 30));
        let n = headers(&d);
        if n != last.1 {
            eprintln!("{w}: {n} columns");
        }
        assert!(
            n >= last.1,
            "{w} columns show {n} headers, fewer than {} at {}",
            last.1,
            last.0
        );
        last = (w, n);
    }
    assert!(last.1 >= 5, "{} columns at 300", last.1);
}

#[test]
fn roles_counts_sit_by_the_names_at_200_columns() {
    let mut d = driver(200, 50);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('2'));
    let ls = lines(&d);
    // (where the name ends, where the count starts) on each role's line
    let mut ends = Vec::new();
    for l in &ls {
        if let Some(i) = l.find(" jobs") {
            let before = &l[..i];
            let name_end = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
            ends.push((
                name_end.width(),
                before
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .width(),
            ));
        }
    }
    let rows = ends.len();
    let longest = ends.iter().map(|e| e.0).max().unwrap_or(0);
    for (end, count) in &ends {
        assert!(end <= count, "{end} {count}");
        // the counts line up after the longest name (a space, the compare
        // mark's two, the count padded to three)
        assert!(
            *count <= longest + 6,
            "count at {count}, longest name ends at {longest}"
        );
    }
    assert!(rows > 20, "{rows} roles listed");
}
