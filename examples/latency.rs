//! Keystroke-to-frame latency, in process: a key event goes through the
//! keymap and `update`, the search runs, the outcome goes back through
//! `update`, and the frame is drawn into a 120x36 buffer. Two figures per
//! keystroke:
//!
//! * echo: event → update → draw, the frame that shows the typed
//!   character (the search runs on another thread in the app);
//! * results: event → update → search → update → draw, the frame with the
//!   new results.
//!
//! ```text
//! cargo run --release --example latency -- --db PATH [--query TEXT] [--rounds N]
//!     [--dump-text FILE]   (also write the searchable text, a line a listing)
//! ```
//!
//! Prints a Markdown table row set and, last, peak RSS and the size of the
//! searchable text.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use backdesk::search::{Searcher, never};
use backdesk::session::Session;
use backdesk::store::Store;
use backdesk::tui::action::{Action, Effect};
use backdesk::tui::driver::{event_action, initial_state, perform_store, start_effects};
use backdesk::tui::sidebar;
use backdesk::tui::state::State;
use backdesk::tui::ui::render;
use backdesk::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

struct Harness {
    state: State,
    session: Session,
    searcher: Searcher,
    term: Terminal<TestBackend>,
}

impl Harness {
    fn draw(&mut self) -> anyhow::Result<()> {
        let st = &self.state;
        self.term.draw(|f| render(f, st))?;
        Ok(())
    }

    /// Handles effects until none are left; searches run here, in line.
    fn settle(&mut self, mut effects: Vec<Effect>) {
        while !effects.is_empty() {
            let mut next = Vec::new();
            for e in effects {
                let action = match &e {
                    Effect::Search { generation, query } => self
                        .searcher
                        .search(query, &never)
                        .map(|r| Action::Searched {
                            generation: *generation,
                            results: Arc::new(r),
                        }),
                    other => perform_store(&mut self.session, other),
                };
                if let Some(a) = action {
                    next.extend(update(&mut self.state, a));
                }
            }
            effects = next;
        }
    }

    /// One key: (echo, results) latencies. As in the app, the search runs
    /// on another thread while the echo frame is drawn.
    fn key(&mut self, code: KeyCode) -> anyhow::Result<(Duration, Duration)> {
        let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        let t0 = Instant::now();
        let effects = match event_action(&self.state, &ev) {
            Some(a) => update(&mut self.state, a),
            None => Vec::new(),
        };
        let (search, rest): (Vec<Effect>, Vec<Effect>) = effects
            .into_iter()
            .partition(|e| matches!(e, Effect::Search { .. }));
        let searcher = &mut self.searcher;
        let (state, term) = (&self.state, &mut self.term);
        let (echo, found) = std::thread::scope(|s| {
            let worker = s.spawn(move || {
                search
                    .into_iter()
                    .filter_map(|e| match e {
                        Effect::Search { generation, query } => {
                            searcher.search(&query, &never).map(|r| Action::Searched {
                                generation,
                                results: Arc::new(r),
                            })
                        }
                        _ => None,
                    })
                    .collect::<Vec<Action>>()
            });
            let drawn = term.draw(|f| render(f, state)).map(|_| t0.elapsed());
            (drawn, worker.join())
        });
        let echo = echo?;
        let found = found.map_err(|_| anyhow::anyhow!("search thread panicked"))?;
        let mut effects = rest;
        for a in found {
            effects.extend(update(&mut self.state, a));
        }
        self.settle(effects);
        self.draw()?;
        Ok((echo, t0.elapsed()))
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn row(name: &str, mut v: Vec<Duration>) -> String {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "| {name} | {} | {:.2} | {:.2} | {:.2} |",
        v.len(),
        ms(percentile(&v, 0.5)),
        ms(percentile(&v, 0.99)),
        ms(*v.last().unwrap_or(&Duration::ZERO))
    )
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() -> anyhow::Result<()> {
    let mut db = None;
    let mut query = "payrl pune".to_string();
    let mut rounds = 20usize;
    let mut dump: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--db" => db = args.next(),
            "--query" => query = args.next().context("--query needs text")?,
            "--rounds" => rounds = args.next().context("--rounds needs N")?.parse()?,
            "--dump-text" => dump = args.next(),
            other => bail!("unknown argument {other}"),
        }
    }
    let db = db.context("--db PATH is required")?;
    let t = Instant::now();
    let (store, _) = Store::open(std::path::Path::new(&db))?;
    let session = Session::new(store)?;
    let load = t.elapsed();
    let listings = session.index.len();
    let text_bytes = session.index.text_bytes();
    let mut state = initial_state(&session, &backdesk::tui::Options::default(), 120, 36)?;
    let searcher = Searcher::new(session.index.clone(), sidebar::counted());
    let start = start_effects(&mut state);
    let mut h = Harness {
        state,
        session,
        searcher,
        term: Terminal::new(TestBackend::new(120, 36))?,
    };
    h.settle(start);
    h.draw()?;

    let (mut echo, mut results) = (Vec::new(), Vec::new());
    let (mut t_echo, mut t_results) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        for c in query.chars() {
            let (e, r) = h.key(KeyCode::Char(c))?;
            echo.push(e);
            results.push(r);
        }
        // back out the query, then toggle a filter on and off
        for _ in query.chars() {
            h.key(KeyCode::Backspace)?;
        }
        h.key(KeyCode::Tab)?; // to the filters
        h.key(KeyCode::Down)?;
        for _ in 0..2 {
            let (e, r) = h.key(KeyCode::Char(' '))?;
            t_echo.push(e);
            t_results.push(r);
        }
        h.key(KeyCode::BackTab)?; // back to the search box
    }
    // the engine alone on the benchmark query, with the sidebar's counts
    let q = backdesk::search::Query::text(&query);
    let mut engine: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(h.session.index.search_with(&q, sidebar::counted()));
            t.elapsed()
        })
        .collect();
    engine.sort();
    println!(
        "listings: {listings} · load (open + index): {:.0} ms",
        load.as_secs_f64() * 1000.0
    );
    println!(
        "in-process search \"{query}\" (filter + rank + facet counts): median {:.2} ms",
        percentile(&engine, 0.5).as_secs_f64() * 1000.0
    );
    if let Some(path) = &dump {
        // the searchable text, a line per listing, for comparing with fzf
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        for r in 0..h.session.index.len() {
            writeln!(w, "{}", h.session.index.searchable_text(r))?;
        }
        w.flush()?;
    }
    println!("| keystroke | samples | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|");
    println!("{}", row(&format!("typing \"{query}\": echo"), echo));
    println!("{}", row(&format!("typing \"{query}\": results"), results));
    println!("{}", row("facet toggle: echo", t_echo));
    println!("{}", row("facet toggle: results", t_results));
    println!(
        "peak RSS: {} MB · searchable text: {:.1} MB ({} bytes a listing)",
        peak_rss_kb().map_or("?".into(), |k| format!("{:.0}", k as f64 / 1024.0)),
        text_bytes as f64 / 1_048_576.0,
        text_bytes / listings.max(1)
    );
    Ok(())
}
