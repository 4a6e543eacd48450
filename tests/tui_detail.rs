//! The detail pane: its share of the width, links kept whole, and the key
//! that copies the apply link.

mod common;

use backdesk::tui::action::Effect;
use backdesk::tui::driver::Driver;
use common::tui::{driver, key, screen};
use ratatui::crossterm::event::KeyCode;

/// Scrolls the detail to its end and returns every screen on the way.
fn whole_detail(d: &mut Driver) -> String {
    d.state.listings.screen.pane = backdesk::tui::state::Pane::Detail;
    let mut all = String::new();
    for _ in 0..40 {
        all.push_str(&screen(d));
        key(d, KeyCode::Down);
    }
    all
}

#[test]
fn apply_links_and_addresses_are_never_broken() {
    for (w, h) in [(120, 36), (200, 50)] {
        let mut d = driver(w, h);
        key(&mut d, KeyCode::Esc);
        let l = d
            .state
            .listings
            .detail
            .clone()
            .expect("a listing in the detail");
        let s = whole_detail(&mut d);
        for v in [&l.apply_url, &l.contact_email, &l.contact_phone] {
            let start: String = v.chars().take(12).collect();
            let line = s.lines().find(|x| x.contains(&start)).expect("shown");
            // on one line: whole where the detail is wide enough, else
            // ending in "…" (at 200 columns the detail gives the results the
            // room their names want, so it is 38 wide inside), never
            // continued on the next line
            assert!(
                line.contains(v.as_str()) || line.contains('…'),
                "{w}x{h}: {v}: {line}"
            );
            let next = s.lines().skip_while(|x| *x != line).nth(1).unwrap_or("");
            let tail: String = v
                .chars()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            assert!(
                line.contains(v.as_str()) || !next.contains(&tail),
                "{w}x{h}: {v} continued: {line} / {next}"
            );
        }
        // a phone number always fits
        let start: String = l.contact_phone.chars().take(12).collect();
        let line = s.lines().find(|x| x.contains(&start)).expect("phone shown");
        assert!(line.contains(&l.contact_phone), "{w}x{h}: {line}");
    }
}

#[test]
fn a_narrow_detail_cuts_a_link_with_an_ellipsis() {
    let mut d = driver(80, 24);
    key(&mut d, KeyCode::Esc);
    let l = d.state.listings.detail.clone().expect("a listing");
    key(&mut d, KeyCode::Enter);
    let mut all = String::new();
    for _ in 0..60 {
        all.push_str(&screen(&d));
        key(&mut d, KeyCode::Down);
    }
    // 80 columns give the detail 60: the catalogue's first apply link fits
    // or ends in "…" on one line, never continued on the next
    let start: String = l.apply_url.chars().take(20).collect();
    let line = all
        .lines()
        .find(|x| x.contains(&start))
        .expect("the link's line");
    assert!(line.contains(&l.apply_url) || line.contains('…'), "{line}");
}

#[test]
fn y_copies_the_apply_link_and_says_so() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    let url = d
        .state
        .listings
        .detail
        .as_ref()
        .expect("listing")
        .apply_url
        .clone();
    let effects =
        backdesk::tui::update::update(&mut d.state, backdesk::tui::action::Action::CopyLink);
    assert!(
        effects.contains(&Effect::CopyToClipboard(url.clone())),
        "{effects:?}"
    );
    key(&mut d, KeyCode::Char('y'));
    let s = screen(&d);
    assert!(s.contains("Copied the apply link"), "{s}");
}
