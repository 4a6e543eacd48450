//! The status bar: the mode word, what the screen shows (counts, time,
//! how the query was read, filters) and the keys that work now, built from
//! segments with priorities. When the bar is too narrow, whole segments
//! give way, least needed first (or take their short form): a word is
//! never cut in half.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::display::count;
use crate::keys::{Command, Mode};
use crate::tui::action::Tab;
use crate::tui::state::{Overlay, Pane, RolePane, State, TrackerView};

/// A piece of the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// Shown instead when there is no room for `text`.
    pub short: Option<String>,
    /// Higher stays longer.
    pub priority: u8,
    /// A key hint (right side) rather than information (left side).
    pub hint: bool,
}

fn info(text: impl Into<String>, priority: u8) -> Segment {
    Segment {
        text: text.into(),
        short: None,
        priority,
        hint: false,
    }
}

/// The segments for the state, in display order.
pub fn segments(st: &State) -> Vec<Segment> {
    let mut out = Vec::new();
    match &st.flash {
        Some(f) => out.push(info(f.text.clone(), 90)),
        None => out.extend(screen_info(st)),
    }
    out.extend(hints(st));
    out
}

/// What the screen shows, as information segments.
fn screen_info(st: &State) -> Vec<Segment> {
    match st.tab {
        Tab::Listings => listings_info(st),
        Tab::Roles => vec![info(
            format!(
                "{} of {}",
                st.roles.found.len(),
                count(st.index().vocab().roles.len() as u64, "role")
            ),
            80,
        )],
        Tab::Salaries => vec![
            info(
                match st.period {
                    crate::money::Period::Monthly => "salaries per month",
                    crate::money::Period::Annual => "salaries per year",
                },
                80,
            ),
            info("indicative bands; market figures as published", 20),
        ],
        Tab::Tracker => vec![info(count(st.tracker.apps.len() as u64, "application"), 80)],
    }
}

fn listings_info(st: &State) -> Vec<Segment> {
    let l = &st.listings;
    let mut out = vec![info(count(l.results.total() as u64, "result"), 85)];
    if l.pending() {
        out.push(info("searching…", 84));
    }
    if l.query.literal {
        out.push(info("words as typed", 64));
    } else {
        let reading = crate::tui::update::listings::understood(st).reading();
        if !reading.is_empty() {
            out.push(info(reading, 64));
        }
        if !l.results.missing.is_empty() {
            out.push(Segment {
                text: format!(
                    "no listing has {}: searched without",
                    crate::search::understand::quoted_list(&l.results.missing)
                ),
                short: Some("some words left out".into()),
                priority: 63,
                hint: false,
            });
        }
    }
    // a fixed width, so what follows does not move with the timing
    out.push(info(
        format!("{:>5.1} ms", l.results.elapsed.as_secs_f64() * 1000.0),
        15,
    ));
    out.push(info(l.results.sort.label(), 25));
    if let Some(k) = l.query.within_km {
        out.push(info(format!("within {k} km"), 62));
    }
    let filters = super::active_filters(st);
    if !filters.is_empty() {
        let n = l.query.filter_count();
        out.push(Segment {
            text: filters,
            short: Some(count(n as u64, "filter")),
            priority: 66,
            hint: false,
        });
    }
    out
}

/// Key hints that work in the current mode and pane, most needed first.
fn hints(st: &State) -> Vec<Segment> {
    let mode = st.mode();
    let mut list: Vec<(Command, &str, u8)> = Vec::new();
    let mut push = |c: Command, what: &'static str, p: u8| list.push((c, what, p));
    match &st.overlay {
        Some(Overlay::Help { .. }) => {
            push(Command::Escape, "close", 79);
            push(Command::Down, "scroll", 70);
        }
        Some(Overlay::Palette(_)) => {
            push(Command::Open, "run", 79);
            push(Command::Escape, "close", 78);
        }
        Some(Overlay::SavedSearches(o)) if o.naming.is_none() => {
            push(Command::Open, "open", 79);
            push(Command::Rename, "rename", 75);
            push(Command::Delete, "delete", 74);
            push(Command::Escape, "close", 78);
        }
        Some(Overlay::Profile(_) | Overlay::TrackerForm(_)) => {
            push(Command::FormSave, "save", 79);
            push(Command::NextPane, "next field", 70);
            push(Command::Escape, "cancel", 78);
        }
        Some(_) => {
            push(Command::Open, "ok", 79);
            push(Command::Escape, "cancel", 78);
        }
        None => screen_hints(st, &mut push),
    }
    if st.overlay.is_none() || st.help_open() {
        push(Command::Palette, "commands", 72);
        if mode == Mode::Browse {
            push(Command::Help, "help", 58);
        }
    }
    push(Command::Quit, "quit", 71);
    let mut out = Vec::new();
    for (c, what, p) in list {
        // only keys that work in this mode
        let Some(key) = st.keymap.key(mode, c) else {
            continue;
        };
        let key = match key.as_str() {
            "down" => "↓".to_string(),
            "up" => "↑".to_string(),
            _ => key,
        };
        // the suggestion's key says what it searches for ("ctrl-y
        // 'payroll pune'"), and gives way to "did you mean" when tight
        let suggested = (c == Command::AcceptSuggestion)
            .then_some(st.listings.results.suggestion.as_deref())
            .flatten();
        out.push(match suggested {
            Some(s) => Segment {
                text: format!("{key} search '{s}'"),
                short: Some(format!("{key} {what}")),
                priority: p,
                hint: true,
            },
            None => Segment {
                text: format!("{key} {what}"),
                short: None,
                priority: p,
                hint: true,
            },
        });
    }
    out
}

fn screen_hints(st: &State, push: &mut impl FnMut(Command, &'static str, u8)) {
    let typing = st.mode() == Mode::Type;
    match st.tab {
        Tab::Listings => {
            if typing {
                if st.listings.results.suggestion.is_some() {
                    push(Command::AcceptSuggestion, "did you mean", 77);
                }
                push(Command::Down, "results", 76);
                return;
            }
            match st.listings.screen.pane {
                Pane::Filters => {
                    push(Command::Toggle, "include", 77);
                    push(Command::Exclude, "exclude", 70);
                    push(Command::ClearFilters, "clear", 69);
                }
                _ => {
                    push(Command::Search, "search", 77);
                    push(Command::Save, "save", 76);
                    push(Command::Apply, "applied", 68);
                    push(Command::Sort, "sort", 50);
                }
            }
            if st.listings.previous.is_some() {
                push(Command::Escape, "previous search", 74);
            }
            push(Command::NextPane, "panes", 55);
        }
        Tab::Roles => {
            if typing {
                push(Command::Down, "roles", 76);
                return;
            }
            match st.roles.screen.pane() {
                RolePane::Filters => {
                    push(Command::Toggle, "include", 77);
                    push(Command::Exclude, "exclude", 70);
                }
                _ => {
                    push(Command::Search, "search", 77);
                    push(Command::RoleListings, "listings", 76);
                    push(Command::Toggle, "compare", 60);
                }
            }
            push(Command::NextPane, "panes", 55);
        }
        Tab::Salaries => {
            push(Command::Period, "month/year", 77);
            push(Command::RoleListings, "listings", 76);
        }
        Tab::Tracker => {
            push(Command::View, "view", 77);
            push(Command::Move, "move", 76);
            push(Command::Edit, "edit", 75);
            push(Command::New, "add", 68);
            if st.tracker.view == TrackerView::Board {
                push(Command::NextStage, "next stage", 67);
            }
        }
    }
}

/// The segments that fit in `width` columns: the least needed give way
/// first, each whole (or by its short form).
pub fn fit(mut segs: Vec<Segment>, width: usize) -> Vec<Segment> {
    loop {
        if line_width(&segs) + 2 <= width || segs.is_empty() {
            return segs;
        }
        // the least needed segment: shorten it if it can, else drop it
        let Some(i) = (0..segs.len()).min_by_key(|&i| (segs[i].priority, std::cmp::Reverse(i)))
        else {
            return segs;
        };
        match segs[i].short.take() {
            Some(s) if s.width() < segs[i].text.width() => segs[i].text = s,
            // the last one left (a message the user must see) loses
            // whole words from its end instead, with "…"
            _ if segs.len() == 1 => {
                let room = width.saturating_sub(3 + 1);
                segs[0].text = whole_words(&segs[0].text, room);
                return segs;
            }
            _ => {
                segs.remove(i);
            }
        }
    }
}

/// The words of `text` from its start that fit in `room` cells, then "…"
/// (empty when not even the first word fits): the first line
/// [`crate::display::wrap`] gives, when it ends between words.
fn whole_words(text: &str, room: usize) -> String {
    let Some(first) = crate::display::wrap(text, room.saturating_sub(1))
        .into_iter()
        .next()
    else {
        return String::new();
    };
    let between_words = text
        .get(first.len()..)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
    if between_words && !first.is_empty() {
        format!("{first}…")
    } else {
        String::new()
    }
}

/// Mode word, info and hints as drawn: " WORD  info · info   hint · hint ".
fn line_width(segs: &[Segment]) -> usize {
    let (info, hints): (Vec<&Segment>, Vec<&Segment>) = segs.iter().partition(|s| !s.hint);
    let join = |v: &[&Segment]| {
        v.iter().map(|s| s.text.width()).sum::<usize>() + v.len().saturating_sub(1) * 3
    };
    join(&info) + join(&hints) + 1
}

/// The word naming the mode.
pub fn mode_word(st: &State) -> &'static str {
    match st.mode() {
        Mode::Type => "TYPING",
        Mode::Browse => "BROWSING",
    }
}

pub fn render(frame: &mut Frame<'_>, area: Rect, st: &State) {
    let th = &st.theme;
    let word = format!(" {} ", mode_word(st));
    let width = usize::from(area.width).saturating_sub(word.width());
    let segs = fit(segments(st), width);
    let (info, hints): (Vec<Segment>, Vec<Segment>) = segs.into_iter().partition(|s| !s.hint);
    let info_style = match &st.flash {
        Some(f) if f.error => th.bad,
        Some(_) => th.good,
        None => Style::new(),
    };
    let left = info
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    let right = hints
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    let pad = width.saturating_sub(left.width() + right.width() + 2);
    let word_style = match st.mode() {
        Mode::Type => th.accent.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        Mode::Browse => th.muted.add_modifier(Modifier::REVERSED),
    };
    let line = Line::from(vec![
        Span::styled(word, word_style),
        Span::styled(format!(" {left}"), info_style),
        Span::raw(" ".repeat(pad)),
        Span::styled(format!("{right} "), th.muted),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str, priority: u8, hint: bool) -> Segment {
        Segment {
            text: text.into(),
            short: None,
            priority,
            hint,
        }
    }

    #[test]
    fn whole_segments_give_way_least_needed_first() {
        let segs = vec![
            seg("2,000 results", 85, false),
            seg("  3.1 ms", 15, false),
            seg("relevance", 25, false),
            Segment {
                short: Some("2 filters".into()),
                ..seg("city: Pune, mode: Remote", 40, false)
            },
            seg("s save", 76, true),
            seg("q quit", 71, true),
        ];
        let all = fit(segs.clone(), 200);
        assert_eq!(all, segs);
        let narrow = fit(segs.clone(), 50);
        let texts: Vec<&str> = narrow.iter().map(|s| s.text.as_str()).collect();
        assert!(line_width(&narrow) + 2 <= 50, "{texts:?}");
        // the timing went first, the count and the hints stayed
        assert!(!texts.contains(&"  3.1 ms"), "{texts:?}");
        assert!(texts.contains(&"2,000 results") && texts.contains(&"s save"));
        // every segment kept is one of the originals, whole or short: no cut words
        for t in &texts {
            assert!(
                segs.iter()
                    .any(|s| s.text == *t || s.short.as_deref() == Some(*t)),
                "{t}"
            );
        }
        let tiny = fit(segs, 10);
        assert!(tiny.iter().all(|s| s.priority >= 76), "{tiny:?}");
    }

    #[test]
    fn a_message_longer_than_the_line_loses_whole_words_not_itself() {
        let msg = "Copied the apply link to the clipboard: https://example.com/jobs/1756";
        let out = fit(vec![seg(msg, 90, false), seg("q quit", 71, true)], 40);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].text, "Copied the apply link to the…");
        assert!(line_width(&out) + 2 <= 40);
    }
}
