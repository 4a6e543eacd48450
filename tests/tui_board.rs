//! The tracker board: cards that can be told apart, overdue dates in the
//! warning colour (board and list), readable columns, every stage in the
//! move prompt.

mod common;

use backdesk::tracker::Status;
use backdesk::tui::driver::Driver;
use common::tui::{buffer, driver};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn keys(d: &mut Driver, s: &str) {
    for c in s.chars() {
        let k = if c == '\u{1b}' {
            KeyCode::Esc
        } else {
            KeyCode::Char(c)
        };
        d.event(&Event::Key(KeyEvent::new(k, KeyModifiers::NONE)));
    }
}

fn text(b: &Buffer) -> String {
    let a = b.area;
    (0..a.height)
        .map(|y| {
            (0..a.width)
                .map(|x| b[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

/// Five saved listings, one not selected with a follow-up three days ago.
fn board(w: u16, h: u16) -> Driver {
    let mut d = driver(w, h);
    keys(&mut d, "\u{1b}sjsjsjsjs4");
    let today = d.state.index().today().expect("today");
    let sel = d.state.tracker.selected;
    let a = d
        .state
        .tracker
        .apps
        .iter_mut()
        .find(|a| Some(a.id) != sel)
        .expect("an unselected card");
    a.follow_up = Some(today - jiff::Span::new().days(3));
    d
}

/// Where `needle` starts on the screen, if it shows.
fn find(b: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let t = text(b);
    t.lines().enumerate().find_map(|(y, l)| {
        l.find(needle)
            .map(|i| (l[..i].chars().count() as u16, y as u16))
    })
}

#[test]
fn cards_show_title_company_pay_and_the_next_date() {
    for (w, h) in [(80, 24), (120, 36), (200, 50)] {
        let d = board(w, h);
        let b = buffer(&d);
        let s = text(&b);
        let apps = &d.state.tracker.apps;
        assert_eq!(apps.len(), 5);
        for a in apps {
            let start: String = a.title.chars().take(10).collect();
            assert!(s.contains(&start), "{w}x{h}: {start}: {s}");
        }
        assert!(s.contains('₹'), "pay on the cards: {s}");
        assert!(s.contains("╌╌╌"), "cards are separated: {s}");
        // the overdue follow-up says so, in the warning colour
        let late = (d.state.index().today().expect("today") - jiff::Span::new().days(3))
            .strftime("%d %b")
            .to_string();
        let (x, y) = find(&b, &late).unwrap_or_else(|| panic!("{w}x{h}: {late}: {s}"));
        let said = s.contains(&format!("overdue: follow up {late}"))
            || s.contains(&format!("overdue {late}"))
            || s.contains(&format!("! {late}"));
        assert!(said, "{w}x{h}: overdue said: {s}");
        let warn = d.state.theme.warn.fg;
        assert_eq!(b[(x, y)].fg, warn.unwrap_or_default(), "{w}x{h}");
    }
}

#[test]
fn overdue_dates_are_marked_in_the_list_too() {
    let mut d = board(120, 36);
    keys(&mut d, "v");
    let b = buffer(&d);
    let (x, y) = find(&b, "overdue").unwrap_or_else(|| panic!("{}", text(&b)));
    // on the selected row the selection's colours win; elsewhere the warning's
    let warn = d.state.theme.warn.fg.unwrap_or_default();
    let sel = d.state.theme.selection.fg.unwrap_or_default();
    assert!(
        b[(x, y)].fg == warn || b[(x, y)].fg == sel,
        "{:?}",
        b[(x, y)]
    );
}

#[test]
fn narrow_boards_show_fewer_readable_columns_and_sum_up_the_rest() {
    let d = board(80, 24);
    let s = text(&buffer(&d));
    // Saved, Applied, HR screening in view; the rest summed up with counts
    assert!(s.contains("Saved 5"), "{s}");
    assert!(s.contains("Offer 0") && s.contains("▸"), "{s}");
}

#[test]
fn the_move_prompt_lists_every_stage() {
    for (w, h) in [(80, 24), (120, 36)] {
        let mut d = board(w, h);
        keys(&mut d, "m");
        let s = text(&buffer(&d));
        for st in Status::ALL {
            assert!(
                s.contains(st.label()),
                "{w}x{h}: {} missing: {s}",
                st.label()
            );
        }
    }
}

/// `l` is "the column to the right" on the board (as help says) and
/// "listings of the role" on Roles: one meaning per screen, both shown.
#[test]
fn l_moves_right_on_the_board_and_opens_a_roles_listings_on_roles() {
    let mut d = board(120, 36);
    let at = d.state.tracker.column;
    keys(&mut d, "l");
    assert_eq!(d.state.tracker.column, at + 1, "l moves one column right");
    keys(&mut d, "h");
    assert_eq!(d.state.tracker.column, at, "h moves back");
    keys(&mut d, "?");
    let help = text(&buffer(&d));
    assert!(help.contains("l right"), "help names l for right:\n{help}");
    keys(&mut d, "\u{1b}2\u{1b}l");
    assert_eq!(
        d.state.tab,
        backdesk::tui::action::Tab::Listings,
        "l on Roles still opens the role's listings"
    );
}
