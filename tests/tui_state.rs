//! Key sequences drive the TUI's update function; assertions on state.

mod common;

use backdesk::config::Config;
use backdesk::search::Facet;
use backdesk::session::Session;
use backdesk::store::Store;
use backdesk::tui::action::{Action, Tab};
use backdesk::tui::driver::Driver;
use backdesk::tui::state::{Pane, RolePane};
use common::tui::{ctrl, driver, driver_on, key, typed};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

#[test]
fn starts_in_the_search_box_with_everything_listed() {
    let d = driver(120, 36);
    assert_eq!(d.state.tab, Tab::Listings);
    assert_eq!(d.state.listings.screen.pane, Pane::Search);
    assert_eq!(d.state.listings.results.total(), 2000);
    assert!(!d.state.listings.pending());
    assert!(
        d.state.listings.detail.is_some(),
        "the first listing's detail loads"
    );
}

#[test]
fn pay_in_another_currency_shows_as_given_in_the_results_and_detail() {
    use backdesk::import::{InputFormat, Matcher, parse};
    let mut store = Store::open_in_memory().expect("store");
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/nested-graph.jsonld"
    ))
    .expect("fixture");
    let file = parse("nested-graph.jsonld", InputFormat::Json, &bytes).expect("parses");
    let m = Matcher::new(backdesk::session::load_vocab(&store).expect("vocab"));
    let p = m.plan(
        "nested-graph.jsonld",
        "nested-graph.jsonld",
        file,
        jiff::civil::date(2025, 3, 20),
    );
    store
        .upsert_imported(&p.source, &p.listings)
        .expect("write");
    let mut d = driver_on(store, 120, 36);
    typed(&mut d, "mis executive kaveri");
    assert_eq!(d.state.listings.results.total(), 1);
    key(&mut d, KeyCode::Enter);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).expect("term");
    t.draw(|f| backdesk::tui::ui::render(f, &d.state))
        .expect("draw");
    let screen = format!("{}", t.backend());
    assert!(screen.contains("USD 1,"), "{screen}");
    // the detail wraps where its width says: "any" may end a line
    let any_experience = screen.contains("any experience")
        || (screen.contains(" any│") && screen.contains("│experience"));
    assert!(
        screen.contains("USD 1,200–1,500 a month (not") && any_experience,
        "{screen}"
    );
}

#[test]
fn a_search_with_a_wrong_letter_offers_a_correction() {
    let mut d = driver(120, 36);
    // read, a misspelt catalogue word finds the word it looks like
    typed(&mut d, "payrall pune");
    assert!(d.state.listings.results.total() > 0);
    ctrl(&mut d, 'u');
    // as typed (ctrl-l), it finds nothing and the suggestion says what was meant
    ctrl(&mut d, 'l');
    assert!(d.state.listings.query.literal);
    typed(&mut d, "payrall pune");
    assert_eq!(d.state.listings.results.total(), 0);
    assert_eq!(
        d.state.listings.results.suggestion.as_deref(),
        Some("payroll pune")
    );
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).expect("term");
    t.draw(|f| backdesk::tui::ui::render(f, &d.state))
        .expect("draw");
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("Did you mean 'payroll pune'? ctrl-y"),
        "{screen}"
    );
    assert!(
        screen.contains("words as typed"),
        "the box says so: {screen}"
    );
    // one key accepts it
    ctrl(&mut d, 'y');
    assert_eq!(d.state.listings.query.text, "payroll pune");
    assert_eq!(d.state.listings.screen.input.text(), "payroll pune");
    assert!(d.state.listings.results.total() > 0);
    ctrl(&mut d, 'l');
    assert!(!d.state.listings.query.literal);
    // a search that finds something offers nothing
    ctrl(&mut d, 'u');
    typed(&mut d, "payroll pune");
    assert!(d.state.listings.results.total() > 0);
    assert_eq!(d.state.listings.results.suggestion, None);
}

#[test]
fn typing_searches_and_q_is_a_letter_there() {
    let mut d = driver(120, 36);
    typed(&mut d, "payrl pune");
    assert_eq!(d.state.listings.query.text, "payrl pune");
    let total = d.state.listings.results.total();
    assert!(total > 0 && total < 20, "{total}");
    typed(&mut d, " q");
    assert!(!d.state.quit, "q types while in the search box");
    assert_eq!(d.state.listings.results.total(), 0);
    key(&mut d, KeyCode::Backspace);
    key(&mut d, KeyCode::Backspace);
    assert_eq!(d.state.listings.results.total(), total);
    ctrl(&mut d, 'w');
    assert_eq!(d.state.listings.query.text, "payrl ");
    ctrl(&mut d, 'u');
    assert_eq!(d.state.listings.results.total(), 2000);
}

#[test]
fn escape_then_q_quits() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.state.listings.screen.pane, Pane::Results);
    key(&mut d, KeyCode::Char('q'));
    assert!(d.state.quit);
    let mut d = driver(80, 24);
    ctrl(&mut d, 'c');
    assert!(d.state.quit, "ctrl-c quits from the search box");
}

#[test]
fn moving_selects_and_loads_the_detail() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    let first = d.state.listings.detail.as_ref().map(|l| l.id);
    key(&mut d, KeyCode::Char('j'));
    key(&mut d, KeyCode::Char('j'));
    assert_eq!(d.state.listings.screen.cursor.selected, 2);
    let id = d.state.listings.selected_id(d.state.index());
    assert_eq!(d.state.listings.detail.as_ref().map(|l| l.id), id);
    assert_ne!(id, first);
    key(&mut d, KeyCode::Char('G'));
    assert_eq!(d.state.listings.screen.cursor.selected, 1999);
    key(&mut d, KeyCode::Char('g'));
    assert_eq!(d.state.listings.screen.cursor.selected, 0);
    key(&mut d, KeyCode::PageDown);
    assert!(d.state.listings.screen.cursor.selected > 10);
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.state.listings.screen.pane, Pane::Detail);
}

#[test]
fn space_includes_x_excludes_and_c_clears() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Tab);
    assert_eq!(d.state.listings.screen.pane, Pane::Filters);
    // first line is the Category header, the next the biggest category
    key(&mut d, KeyCode::Down);
    key(&mut d, KeyCode::Char(' '));
    let sel = d
        .state
        .listings
        .query
        .selection(Facet::Category)
        .expect("a category");
    assert_eq!(sel.include.len(), 1);
    let included = d.state.listings.results.total();
    assert!(included > 0 && included < 2000);
    key(&mut d, KeyCode::Char('x'));
    let sel = d
        .state
        .listings
        .query
        .selection(Facet::Category)
        .expect("a category");
    assert!(sel.include.is_empty() && sel.exclude.len() == 1);
    assert_eq!(d.state.listings.results.total(), 2000 - included);
    key(&mut d, KeyCode::Char('c'));
    assert_eq!(d.state.listings.query.filter_count(), 0);
    assert_eq!(d.state.listings.results.total(), 2000);
}

#[test]
fn s_saves_the_selected_listing_and_it_persists() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Down);
    let id = d
        .state
        .listings
        .selected_id(d.state.index())
        .expect("a row");
    key(&mut d, KeyCode::Char('s'));
    assert!(d.state.saved.contains(&id));
    assert_eq!(d.state.tracker.apps.len(), 1);
    assert_eq!(d.state.tracker.apps[0].listing_id, Some(id));
    assert_eq!(d.session.store.saved_listing_ids().expect("ids"), vec![id]);
    key(&mut d, KeyCode::Char('s'));
    assert_eq!(
        d.session.store.applications().expect("apps").len(),
        1,
        "saving twice keeps one"
    );
    key(&mut d, KeyCode::Char('4'));
    assert_eq!(d.state.tab, Tab::Tracker);
}

#[test]
fn o_cycles_the_sort_and_skips_distance_without_a_home_city() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    let sorts: Vec<_> = (0..4)
        .map(|_| {
            key(&mut d, KeyCode::Char('o'));
            d.state.listings.query.sort
        })
        .collect();
    use backdesk::search::Sort::*;
    assert_eq!(sorts, [Salary, Date, Relevance, Salary]);
}

#[test]
fn roles_tab_searches_filters_and_jumps_to_listings() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('2'));
    assert_eq!(d.state.tab, Tab::Roles);
    key(&mut d, KeyCode::Char('/'));
    assert_eq!(d.state.roles.screen.pane(), RolePane::Search);
    typed(&mut d, "payroll");
    let v = d.state.index().vocab();
    let top = &v.roles[d.state.roles.found[0]];
    assert!(top.title.contains("Payroll"), "{}", top.title);
    let id = top.id.clone();
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('l'));
    assert_eq!(d.state.tab, Tab::Listings);
    let sel = d
        .state
        .listings
        .query
        .selection(Facet::Role)
        .expect("role filter");
    assert!(sel.include.contains(&id));
    let n = d.state.listings.results.total();
    assert!(n > 0 && n < 100, "{n}");
}

#[test]
fn salaries_toggle_between_monthly_and_annual() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('3'));
    assert_eq!(d.state.tab, Tab::Salaries);
    key(&mut d, KeyCode::Char('p'));
    assert_eq!(d.state.period, backdesk::money::Period::Annual);
    key(&mut d, KeyCode::Char('j'));
    assert_eq!(d.state.salaries.cursor.selected, 1);
}

#[test]
fn help_opens_and_closes() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::F(1));
    assert!(d.state.help_open());
    key(&mut d, KeyCode::Char('j'));
    assert!(d.state.help_open(), "other keys do nothing under the help");
    key(&mut d, KeyCode::Esc);
    assert!(!d.state.help_open());
}

#[test]
fn mouse_clicks_select_rows_and_toggle_filters() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut d = driver(120, 36);
    let click = |d: &mut Driver, column, row| {
        d.event(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }))
    };
    // results start below the search box (rows 1-3), border and header
    click(&mut d, 40, 4 + 2 + 3);
    assert_eq!(d.state.listings.screen.pane, Pane::Results);
    assert_eq!(d.state.listings.screen.cursor.selected, 3);
    // the sidebar's second line is the first category value
    click(&mut d, 5, 4 + 2);
    assert!(d.state.listings.query.selection(Facet::Category).is_some());
    // the tab bar
    click(&mut d, 14, 0);
    assert_eq!(d.state.tab, Tab::Roles);
    d.act(Action::ScrollDown {
        column: 40,
        row: 10,
    });
}

#[test]
fn never_panics_at_tiny_sizes_and_keeps_working_after_a_resize() {
    let mut d = driver(120, 36);
    for (w, h) in [(1, 1), (5, 3), (39, 9), (40, 10), (300, 100), (80, 24)] {
        d.event(&Event::Resize(w, h));
        typed(&mut d, "a");
        key(&mut d, KeyCode::Tab);
        key(&mut d, KeyCode::Down);
    }
    assert_eq!((d.state.width, d.state.height), (80, 24));
}

// ---- the tracker ---------------------------------------------------------

fn save_three(d: &mut Driver) {
    key(d, KeyCode::Esc);
    for _ in 0..3 {
        key(d, KeyCode::Char('s'));
        key(d, KeyCode::Down);
    }
    assert_eq!(d.state.tracker.apps.len(), 3);
}

#[test]
fn a_on_a_listing_marks_it_applied() {
    use backdesk::tracker::Status;
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    let id = d.state.listings.selected_id(d.state.index()).expect("row");
    key(&mut d, KeyCode::Char('a'));
    assert!(d.state.saved.contains(&id));
    let app = &d.state.tracker.apps[0];
    assert_eq!((app.listing_id, app.status), (Some(id), Status::Applied));
    assert_eq!(app.history.len(), 2, "saved, then applied");
}

#[test]
fn the_board_moves_applications_with_m_and_angle_brackets() {
    use backdesk::tracker::Status;
    let mut d = driver(120, 36);
    save_three(&mut d);
    key(&mut d, KeyCode::Char('4'));
    assert_eq!(d.state.tracker.column, 0);
    let first = d.state.tracker.selected.expect("a selection");
    key(&mut d, KeyCode::Char('>'));
    let status = |d: &Driver, id| {
        d.state
            .tracker
            .apps
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.status)
    };
    assert_eq!(status(&d, first), Some(Status::Applied));
    assert_eq!(
        d.state.tracker.column, 1,
        "the cursor follows the application"
    );
    key(&mut d, KeyCode::Char('m'));
    assert!(d.state.tracker.moving);
    key(&mut d, KeyCode::Char('i'));
    assert_eq!(status(&d, first), Some(Status::Interview));
    key(&mut d, KeyCode::Char('<'));
    assert_eq!(status(&d, first), Some(Status::Screening));
    // accepted needs an offer first: refused with a message
    key(&mut d, KeyCode::Char('m'));
    key(&mut d, KeyCode::Char('c'));
    assert_eq!(status(&d, first), Some(Status::Screening));
    assert!(d.state.flash.as_ref().is_some_and(|f| f.error));
    let history = d
        .session
        .store
        .application(first)
        .expect("read")
        .expect("app")
        .history;
    let seen: Vec<Status> = history.iter().map(|h| h.status).collect();
    assert_eq!(
        seen,
        [
            Status::Saved,
            Status::Applied,
            Status::Interview,
            Status::Screening
        ]
    );
}

#[test]
fn the_form_refuses_a_bad_date_and_saves_a_good_one() {
    use backdesk::tui::form::FieldKey;
    let mut d = driver(120, 36);
    save_three(&mut d);
    key(&mut d, KeyCode::Char('4'));
    let id = d.state.tracker.selected.expect("selected");
    key(&mut d, KeyCode::Char('e'));
    assert!(d.state.tracker_form().is_some() && d.state.typing());
    typed(&mut d, "Called HR");
    key(&mut d, KeyCode::Enter); // a new line in the notes
    typed(&mut d, "call back Monday");
    // down to the follow-up date: contact, phone, follow-up
    for _ in 0..3 {
        key(&mut d, KeyCode::Down);
    }
    typed(&mut d, "2026-02-30");
    ctrl(&mut d, 's');
    let form = d.state.tracker_form().expect("still open");
    let f = &form.fields[form.at];
    assert_eq!(f.key, FieldKey::FollowUp);
    assert!(f.error.as_deref().is_some_and(|e| e.contains("not a date")));
    let stored = d.session.store.application(id).expect("read").expect("app");
    assert_eq!(stored.notes, "", "nothing saved while a field is bad");
    ctrl(&mut d, 'u');
    typed(&mut d, "2026-12-02");
    ctrl(&mut d, 's');
    assert!(d.state.tracker_form().is_none());
    let stored = d.session.store.application(id).expect("read").expect("app");
    assert_eq!(stored.notes, "Called HR\ncall back Monday");
    assert_eq!(
        stored.follow_up.map(|d| d.to_string()).as_deref(),
        Some("2026-12-02")
    );
}

#[test]
fn n_adds_a_job_seen_elsewhere() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('4'));
    key(&mut d, KeyCode::Char('n'));
    typed(&mut d, "Store Accountant");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Gupta General Stores");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Jaipur");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "15k-18k");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Dainik newspaper");
    key(&mut d, KeyCode::F(2));
    let apps = d.session.store.all_applications().expect("apps");
    assert_eq!(apps.len(), 1);
    assert_eq!(apps[0].company, "Gupta General Stores");
    assert_eq!(apps[0].source, "Dainik newspaper");
    assert_eq!(apps[0].listing_id, None);
}

#[test]
fn list_view_filters_and_sorts() {
    use backdesk::tui::state::{TrackerFilter, TrackerView};
    let mut d = driver(120, 36);
    save_three(&mut d);
    key(&mut d, KeyCode::Char('4'));
    key(&mut d, KeyCode::Char('>'));
    key(&mut d, KeyCode::Char('v'));
    assert_eq!(d.state.tracker.view, TrackerView::List);
    key(&mut d, KeyCode::Char('f'));
    assert_eq!(d.state.tracker.filter, TrackerFilter::Open);
    key(&mut d, KeyCode::Char('f'));
    key(&mut d, KeyCode::Char('f'));
    assert_eq!(
        d.state.tracker.filter,
        TrackerFilter::Only(backdesk::tracker::Status::Applied)
    );
    let shown = backdesk::tui::update::tracker::listed(&d.state).len();
    assert_eq!(shown, 1);
    key(&mut d, KeyCode::Char('v'));
    assert_eq!(d.state.tracker.view, TrackerView::Stats);
}

#[test]
fn a_banner_names_what_is_due() {
    let store = Store::open_in_memory().expect("store");
    let mut s = Session::new(store).expect("session");
    let (id, _) = s.store.save_listing(5).expect("save");
    let today = s.index.today().expect("today");
    s.store
        .patch_application(
            id,
            &backdesk::tracker::Patch {
                follow_up: Some(Some(today)),
                ..Default::default()
            },
        )
        .expect("patch");
    let mut d = Driver::new(s, &Config::default(), 120, 36).expect("driver");
    assert_eq!(
        d.state.banner.as_deref(),
        Some("Due today or overdue: 1 follow-up (tab 4)")
    );
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.state.banner, None, "any key dismisses it");
}

#[test]
fn i_imports_a_file_and_the_listings_appear_with_a_source_facet() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('i'));
    assert!(d.state.import().is_some() && d.state.typing());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/counsellor-sheet.csv"
    );
    d.act(Action::Paste(path.to_string()));
    key(&mut d, KeyCode::Enter);
    let p = d.state.import().expect("prompt");
    assert!(!p.failed, "{:?}", p.report);
    assert!(p.report.as_deref().is_some_and(|r| r.contains("3 new")));
    assert_eq!(d.state.listings.results.total(), 2003);
    let sources = d.state.listings.results.facets.of(Facet::Source);
    assert_eq!(sources.len(), 2, "a source facet appears");
    key(&mut d, KeyCode::Esc);
    assert!(d.state.import().is_none());
    // a bad file: a report of the failure, nothing imported
    key(&mut d, KeyCode::Char('i'));
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/truncated.json"
    );
    d.act(Action::Paste(bad.to_string()));
    key(&mut d, KeyCode::Enter);
    let p = d.state.import().expect("prompt");
    assert!(p.failed);
    assert!(
        p.report
            .as_deref()
            .is_some_and(|r| r.contains("truncated.json"))
    );
    assert_eq!(d.state.listings.results.total(), 2003);
}

// ---- match me --------------------------------------------------------------

fn profiled(dir: &std::path::Path, demo: bool) -> Driver {
    use backdesk::tui::Options;
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
            config_path: Some(dir.join("config.toml")),
            demo,
        },
        120,
        36,
    )
    .expect("driver")
}

#[test]
fn best_fit_sort_and_near_me() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = profiled(dir.path(), false);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('o'));
    assert_eq!(d.state.listings.query.sort, backdesk::search::Sort::Fit);
    assert_eq!(
        d.state.listings.screen.cursor.selected, 0,
        "a new order starts at the top"
    );
    let ix = d.state.index();
    let p = d.state.profile.clone().expect("profile");
    let fits: Vec<u8> = d
        .state
        .listings
        .results
        .hits
        .iter()
        .take(50)
        .map(|h| ix.fit_score(h.row as usize, &p))
        .collect();
    assert!(fits.windows(2).all(|w| w[0] >= w[1]), "{fits:?}");
    key(&mut d, KeyCode::Char('w'));
    assert_eq!(d.state.listings.query.within_km, Some(25));
    let n = d.state.listings.results.total();
    assert!(n > 0 && n < 200, "{n}");
    assert!(
        d.state
            .listings
            .results
            .hits
            .iter()
            .all(|h| d.state.index().city(h.row as usize) == "Pune")
    );
}

#[test]
fn the_profile_form_validates_saves_to_the_config_and_reranks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = profiled(dir.path(), false);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('P'));
    assert!(d.state.profile_form().is_some() && d.state.typing());
    ctrl(&mut d, 'u');
    typed(&mut d, "Atlantis");
    ctrl(&mut d, 's');
    assert!(
        d.state.profile_form().is_some(),
        "an unknown city is refused"
    );
    ctrl(&mut d, 'u');
    typed(&mut d, "bombay");
    key(&mut d, KeyCode::Down);
    key(&mut d, KeyCode::Down);
    typed(&mut d, ", Typing");
    ctrl(&mut d, 's');
    assert!(d.state.profile_form().is_none());
    assert_eq!(d.state.listings.query.home_city.as_deref(), Some("Mumbai"));
    let saved = std::fs::read_to_string(dir.path().join("config.toml")).expect("config written");
    let (cfg, warnings) = Config::parse(&saved, "c").expect("valid");
    assert!(warnings.is_empty());
    assert_eq!(cfg.profile.home_city.as_deref(), Some("Mumbai"));
    assert_eq!(cfg.profile.skills, ["Excel", "Tally", "Typing"]);
}

#[test]
fn a_demo_saves_no_profile_and_starts_again_on_f5() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = profiled(dir.path(), true);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('s'));
    assert_eq!(d.state.tracker.apps.len(), 1);
    key(&mut d, KeyCode::Char('P'));
    ctrl(&mut d, 's');
    assert!(
        !dir.path().join("config.toml").exists(),
        "a demo writes no config"
    );
    key(&mut d, KeyCode::F(5));
    assert!(d.state.tracker.apps.is_empty(), "F5 starts the demo again");
    assert_eq!(d.state.listings.results.total(), 2000);
}

#[test]
fn roles_compare_side_by_side_and_sort_by_fit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = profiled(dir.path(), false);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('2'));
    // the list labels its numbers: the fit and the listings
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).expect("term");
    t.draw(|f| backdesk::tui::ui::render(f, &d.state))
        .expect("draw");
    let screen = format!("{}", t.backend());
    let v = d.state.index().vocab();
    let p = d.state.profile.clone().expect("profile");
    let first = &v.roles[d.state.roles.found[0]];
    let fit = backdesk::fit::role_fit(&p, first, &v.skills).score;
    let jobs = d.state.data.role_counts[d.state.roles.found[0]];
    let row = screen
        .lines()
        .find(|l| l.contains(first.title.as_str()) && l.contains(" jobs"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        row.contains(&format!("fit {fit:>3} · {jobs:>3} jobs")),
        "{row}"
    );
    // Roles starts in its search box, like Listings: Esc to the list
    assert_eq!(d.state.roles.screen.pane(), RolePane::Search);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char(' '));
    key(&mut d, KeyCode::Down);
    key(&mut d, KeyCode::Char(' '));
    assert_eq!(d.state.roles.compare.len(), 2);
    assert_eq!(
        d.state.roles.screen.pane(),
        RolePane::Detail,
        "the comparison opens"
    );
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).expect("term");
    t.draw(|f| backdesk::tui::ui::render(f, &d.state))
        .expect("draw");
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("Compare")
            && screen.contains("Open listings")
            && screen.contains("Your fit"),
        "{screen}"
    );
    key(&mut d, KeyCode::Esc);
    assert!(d.state.roles.compare.is_empty());
    key(&mut d, KeyCode::Char('o'));
    assert!(d.state.roles.by_fit);
    let v = d.state.index().vocab();
    let p = d.state.profile.clone().expect("profile");
    let fits: Vec<u8> = d
        .state
        .roles
        .found
        .iter()
        .map(|&i| backdesk::fit::role_fit(&p, &v.roles[i], &v.skills).score)
        .collect();
    assert!(fits.windows(2).all(|w| w[0] >= w[1]), "{fits:?}");
}

#[test]
fn saved_searches_from_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = profiled(dir.path(), false);
    typed(&mut d, "tally");
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('b'));
    assert!(d.state.typing());
    typed(&mut d, "tally jobs");
    key(&mut d, KeyCode::Enter);
    assert!(d.state.saved_searches().is_none());
    // clear the search, then recall it
    key(&mut d, KeyCode::Char('/'));
    ctrl(&mut d, 'u');
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('\''));
    let list = &d.state.saved_searches().expect("overlay").list;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "tally jobs");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.state.listings.query.text, "tally");
    assert_eq!(d.state.listings.screen.input.text(), "tally");
}

fn shift(d: &mut Driver, c: char) {
    d.event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::SHIFT,
    )));
}

fn screen(d: &Driver) -> Vec<String> {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let (w, h) = (d.state.width, d.state.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| backdesk::tui::ui::render(f, &d.state))
        .expect("draw");
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn the_detail_scrolls_to_its_end_and_no_further() {
    // the last line of every listing's detail
    // (wrapped differently at each width: the part before "tracker")
    let last = "saves it to the";
    for (w, h) in [(120, 36), (80, 24)] {
        let mut d = driver(w, h);
        key(&mut d, KeyCode::Esc);
        key(&mut d, KeyCode::Enter);
        assert_eq!(d.state.listings.screen.pane, Pane::Detail);
        assert_eq!(d.state.listings.screen.detail_scroll, 0);
        assert!(!screen(&d).concat().contains(last), "{w}x{h}: it is long");
        // G: the bottom, with the last line on screen
        shift(&mut d, 'G');
        let bottom = d.state.listings.screen.detail_scroll;
        assert!(
            bottom > 0,
            "{w}x{h}: {:#?} {:?}",
            screen(&d),
            d.state.listings.screen.pane
        );
        assert!(
            screen(&d).concat().contains(last),
            "{w}x{h}: {:#?}",
            screen(&d)
        );
        // further down goes nowhere
        for _ in 0..40 {
            key(&mut d, KeyCode::PageDown);
            key(&mut d, KeyCode::Char('j'));
        }
        assert_eq!(d.state.listings.screen.detail_scroll, bottom, "{w}x{h}");
        let rows = screen(&d);
        assert!(rows.concat().contains(last), "{w}x{h}: {rows:#?}");
        // one up moves the view at once: no hidden overshoot to climb back
        key(&mut d, KeyCode::Char('k'));
        assert_eq!(d.state.listings.screen.detail_scroll, bottom - 1);
        // the wheel stops at the end too
        let col = w - 5;
        for _ in 0..40 {
            d.event(&Event::Mouse(ratatui::crossterm::event::MouseEvent {
                kind: ratatui::crossterm::event::MouseEventKind::ScrollDown,
                column: col,
                row: 10,
                modifiers: KeyModifiers::NONE,
            }));
        }
        assert_eq!(
            d.state.listings.screen.detail_scroll, bottom,
            "{w}x{h}: wheel"
        );
        // g: back to the top
        key(&mut d, KeyCode::Char('g'));
        assert_eq!(d.state.listings.screen.detail_scroll, 0);
    }
}

#[test]
fn rejected_and_withdrawn_have_columns_when_the_board_is_wide() {
    use backdesk::tracker::Status;
    use backdesk::tui::update::tracker::{column, columns};
    for (w, h) in [(120, 36), (80, 24)] {
        let mut d = driver(w, h);
        save_three(&mut d);
        key(&mut d, KeyCode::Char('4'));
        // one rejected, one withdrawn, one left saved
        key(&mut d, KeyCode::Char('m'));
        key(&mut d, KeyCode::Char('r'));
        assert_eq!(d.state.tracker.column, 6, "the cursor follows it");
        for _ in 0..10 {
            key(&mut d, KeyCode::Left);
        }
        assert_eq!(d.state.tracker.column, 0);
        key(&mut d, KeyCode::Char('m'));
        key(&mut d, KeyCode::Char('w'));
        let st = &d.state;
        let statuses =
            |c: usize| -> Vec<Status> { column(st, c).iter().map(|a| a.status).collect() };
        let text = screen(&d).concat();
        if w >= 96 {
            assert_eq!(columns(st), 8);
            assert_eq!(statuses(6), [Status::Rejected]);
            assert_eq!(statuses(7), [Status::Withdrawn]);
            assert!(
                text.contains("Rejected 1") && text.contains("Withdrawn 1"),
                "{text}"
            );
        } else {
            assert_eq!(columns(st), 7);
            let mut closed = statuses(6);
            closed.sort();
            assert_eq!(closed, [Status::Rejected, Status::Withdrawn]);
            assert!(text.contains("Rej 1 · Wd 1"), "{text}");
        }
        // the cursor followed the withdrawn one; < reopens it as applied
        let id = d.state.tracker.selected.expect("selected");
        assert_eq!(d.state.tracker.column, columns(&d.state) - 1);
        key(&mut d, KeyCode::Char('<'));
        let app = d.state.tracker.apps.iter().find(|a| a.id == id);
        assert_eq!(app.map(|a| a.status), Some(Status::Applied));
        assert_eq!(d.state.tracker.column, 1);
        // → reaches the last column and stops there
        for _ in 0..10 {
            key(&mut d, KeyCode::Right);
        }
        assert_eq!(d.state.tracker.column, columns(&d.state) - 1);
    }
}

#[test]
fn role_detail_scroll_stops_at_the_end() {
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('2'));
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.state.roles.screen.pane(), RolePane::Detail);
    key(&mut d, KeyCode::Char('G'));
    let end = d.state.roles.screen.detail_scroll;
    assert!(end > 0 && end < 200, "{end}");
    for _ in 0..5 {
        key(&mut d, KeyCode::PageDown);
        key(&mut d, KeyCode::Char('j'));
    }
    assert_eq!(d.state.roles.screen.detail_scroll, end);
    key(&mut d, KeyCode::Char('k'));
    assert_eq!(
        d.state.roles.screen.detail_scroll,
        end - 1,
        "one up is one up"
    );
    key(&mut d, KeyCode::Char('g'));
    assert_eq!(d.state.roles.screen.detail_scroll, 0);
}

/// The Roles sidebar keeps its selected line in view across resizes, and
/// scrolls back when the whole list fits again (as the Listings one does).
#[test]
fn roles_sidebar_follows_a_resize() {
    let mut d = driver(300, 100);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('2'));
    key(&mut d, KeyCode::Esc);
    for _ in 0..4 {
        if d.state.roles.screen.pane() == RolePane::Filters {
            break;
        }
        key(&mut d, KeyCode::Tab);
    }
    assert_eq!(d.state.roles.screen.pane(), RolePane::Filters);
    key(&mut d, KeyCode::Char('G'));
    assert_eq!(
        d.state.roles.screen.side.offset, 0,
        "everything fits at 300x100"
    );
    // shorter: the last line (selected) must still show, so it scrolls
    d.event(&Event::Resize(120, 16));
    assert!(
        d.state.roles.screen.side.offset > 0,
        "scrolled to keep the selection"
    );
    // taller again: no blank tail, back to the top
    d.event(&Event::Resize(300, 100));
    assert_eq!(d.state.roles.screen.side.offset, 0);
}

/// Found by a newcomer: a search saved with `w` (within 25 km) counted
/// 223 in the overlay but showed 12 when opened: the count left the
/// distance out. The overlay counts what opening shows.
#[test]
fn a_saved_search_counts_what_opening_it_shows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = profiled(dir.path(), false);
    typed(&mut d, "accounts");
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('w'));
    assert_eq!(d.state.listings.query.within_km, Some(25));
    let near = d.state.listings.results.total();
    key(&mut d, KeyCode::Char('b'));
    typed(&mut d, "near accounts");
    key(&mut d, KeyCode::Enter);
    // a different search in between
    key(&mut d, KeyCode::Char('w'));
    key(&mut d, KeyCode::Char('w'));
    key(&mut d, KeyCode::Char('w'));
    key(&mut d, KeyCode::Char('w'));
    assert_eq!(d.state.listings.query.within_km, None);
    assert!(
        d.state.listings.results.total() > near,
        "the distance limit matters"
    );
    key(&mut d, KeyCode::Char('\''));
    let listed = d.state.saved_searches().expect("overlay").list[0].results;
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.state.listings.query.within_km, Some(25));
    assert_eq!(d.state.listings.results.total(), near);
    assert_eq!(listed, near, "the overlay's count is what opening shows");
}

#[test]
fn saved_searches_are_renamed_and_deleted_from_their_overlay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = profiled(dir.path(), false);
    for name in ["tally", "payroll"] {
        key(&mut d, KeyCode::Char('/'));
        ctrl(&mut d, 'u');
        typed(&mut d, name);
        key(&mut d, KeyCode::Esc);
        key(&mut d, KeyCode::Char('b'));
        typed(&mut d, name);
        key(&mut d, KeyCode::Enter);
    }
    key(&mut d, KeyCode::Char('\''));
    let names = |d: &Driver| -> Vec<String> {
        d.state
            .saved_searches()
            .expect("overlay")
            .list
            .iter()
            .map(|s| s.name.clone())
            .collect()
    };
    assert_eq!(names(&d), ["payroll", "tally"]);
    // r renames the selected one: its name is in the box to edit
    key(&mut d, KeyCode::Char('r'));
    assert!(d.state.typing());
    ctrl(&mut d, 'u');
    typed(&mut d, "salary runs");
    key(&mut d, KeyCode::Enter);
    assert_eq!(names(&d), ["salary runs", "tally"]);
    assert!(
        d.state
            .flash
            .as_ref()
            .is_some_and(|f| f.text.contains("Renamed")),
        "{:?}",
        d.state.flash
    );
    // Esc from a rename goes back to the list, not out
    key(&mut d, KeyCode::Char('r'));
    key(&mut d, KeyCode::Esc);
    assert!(!d.state.typing() && d.state.saved_searches().is_some());
    // d deletes the selected one
    key(&mut d, KeyCode::Down);
    key(&mut d, KeyCode::Char('d'));
    assert_eq!(names(&d), ["salary runs"]);
    assert_eq!(d.session.store.saved_searches().expect("read").len(), 1);
}

/// `a` on a listing whose application is already past "applied" said
/// "Marked applied" and changed nothing: now it says where it is.
#[test]
fn apply_on_an_application_past_applied_says_where_it_is() {
    use backdesk::tracker::Status;
    let mut d = driver(120, 36);
    typed(&mut d, "payroll");
    key(&mut d, KeyCode::Esc);
    let id = d
        .state
        .listings
        .selected_id(d.state.index())
        .expect("a listing");
    key(&mut d, KeyCode::Char('a'));
    let flash = d.state.flash.clone().expect("said");
    assert!(flash.text.starts_with("Marked applied"), "{flash:?}");
    let app = d
        .session
        .store
        .all_applications()
        .expect("read")
        .into_iter()
        .find(|a| a.listing_id == Some(id))
        .expect("saved");
    assert_eq!(app.status, Status::Applied);
    d.session
        .store
        .move_application(app.id, Status::Interview, "")
        .expect("moved");
    key(&mut d, KeyCode::Char('a'));
    let flash = d.state.flash.clone().expect("said");
    assert!(
        flash.text.contains("Already at Interview") && flash.text.contains("nothing changed"),
        "{flash:?}"
    );
    let now = d
        .session
        .store
        .application(app.id)
        .expect("read")
        .expect("there");
    assert_eq!(now.status, Status::Interview, "left where it was");
}

#[test]
fn down_from_the_search_box_goes_to_the_results_so_s_saves() {
    // the newcomer of issue 14: "payroll", down, down, s
    let mut d = driver(120, 36);
    typed(&mut d, "payroll");
    key(&mut d, KeyCode::Down);
    key(&mut d, KeyCode::Down);
    assert_eq!(d.state.listings.screen.pane, Pane::Results);
    let id = d
        .state
        .listings
        .selected_id(d.state.index())
        .expect("a row");
    key(&mut d, KeyCode::Char('s'));
    assert_eq!(
        d.state.listings.screen.input.text(),
        "payroll",
        "s is not typed"
    );
    assert!(d.state.saved.contains(&id));
    // the same on Roles
    ctrl(&mut d, 'c');
    let mut d = driver(120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('2'));
    key(&mut d, KeyCode::Char('/'));
    typed(&mut d, "mis");
    key(&mut d, KeyCode::Down);
    assert_eq!(d.state.roles.screen.pane(), RolePane::Results);
}

/// Roles takes clicks and the wheel from the same search screen as
/// Listings: a row of its list (no column titles above it) selects that
/// role, a sidebar value toggles, and the wheel scrolls what is under it.
#[test]
fn roles_take_the_same_clicks_and_wheel_as_listings() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut d = driver(120, 16);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('2'));
    let mouse = |d: &mut Driver, kind, column, row| {
        d.event(&Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }))
    };
    let click = MouseEventKind::Down(MouseButton::Left);
    // the list's box starts below the search box (rows 1-3); its first
    // entry is on the row under the border
    mouse(&mut d, click, 40, 4 + 1 + 3);
    assert_eq!(d.state.roles.screen.pane(), RolePane::Results);
    assert_eq!(d.state.roles.screen.cursor.selected, 3);
    // the wheel over the sidebar scrolls the sidebar, not the list
    mouse(&mut d, MouseEventKind::ScrollDown, 5, 8);
    assert_eq!(d.state.roles.screen.side.offset, 3);
    assert_eq!(d.state.roles.screen.cursor.selected, 3);
    // over the list it moves the list
    mouse(&mut d, MouseEventKind::ScrollDown, 40, 8);
    assert!(d.state.roles.screen.cursor.offset > 0);
    // a sidebar value toggles its filter: back to the top, the first
    // department is the line under the header
    mouse(&mut d, MouseEventKind::ScrollUp, 5, 8);
    mouse(&mut d, click, 5, 4 + 2);
    assert_eq!(d.state.roles.screen.pane(), RolePane::Filters);
    assert_eq!(d.state.roles.categories.len(), 1);
    assert!(d.state.roles.found.len() < d.state.index().vocab().roles.len());
}
