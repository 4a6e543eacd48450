//! The help overlay (`?`, F1): every command with its keys as bound now
//! (config overrides included), grouped, made from the same table as the
//! palette and the README; two columns when there is room, ↑ ↓ scroll it
//! when it does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::widgets::{block, centered};
use crate::display::truncate;
use crate::keys::{Command, Kind, Mode};
use crate::tui::state::{Overlay, State};
use crate::tui::theme::Theme;

fn entry<'a>(keys: &str, what: String, width: usize, th: &Theme) -> Line<'a> {
    let keys = truncate(keys, 16);
    let what = truncate(&what, width.saturating_sub(19));
    Line::from(vec![
        Span::styled(format!("{keys:>16}  "), th.title),
        Span::raw(what),
    ])
}

/// The keys of `c` as help shows them: browsing keys, then the ones that
/// also work in a text box.
fn keys_of(st: &State, c: Command) -> String {
    let km = &st.keymap;
    let mut names: Vec<String> = km.keys(Mode::Browse, c).iter().map(|k| k.name()).collect();
    for k in km.keys(Mode::Type, c) {
        let n = k.name();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(" ")
}

/// Help's groups: a title and its commands; the commands of a group in
/// table order, the groups by kind and then by the screens they serve.
fn groups() -> Vec<(String, Vec<Command>)> {
    let mut out: Vec<(String, Vec<Command>)> = Vec::new();
    let mut sorted: Vec<Command> = Command::ALL.to_vec();
    sorted.sort_by_key(|c| {
        let screens = if c.kind() == Kind::Act {
            c.screens().0
        } else {
            0
        };
        (c.kind(), screens)
    });
    let mut add = |title: String, c: Command| match out.iter_mut().find(|(t, _)| *t == title) {
        Some((_, list)) => list.push(c),
        None => out.push((title, vec![c])),
    };
    for c in sorted {
        let title = match (c.kind(), c.screens().label()) {
            (Kind::App, _) => "Anywhere (letters only while browsing)".to_string(),
            (Kind::Move, _) => "Moving".to_string(),
            (Kind::Edit, _) => "In a text box (printable keys are text)".to_string(),
            (Kind::Act, Some(w)) => format!("On {w}"),
            (Kind::Act, None) => "On every tab".to_string(),
        };
        add(title, c);
    }
    out
}

/// Help's lines, group by group.
fn lines(st: &State, col: usize) -> Vec<Line<'static>> {
    let th = &st.theme;
    let mut out = Vec::new();
    for (title, commands) in groups() {
        out.push(Line::from(Span::styled(title, th.accent)));
        for c in commands {
            let keys = keys_of(st, c);
            if !keys.is_empty() {
                out.push(entry(&keys, c.help().to_string(), col, th));
            }
        }
        out.push(Line::default());
    }
    out.push(Line::from(Span::styled("Mouse", th.accent)));
    out.push(Line::from(
        "  click a tab, a row or a filter value (toggles it)",
    ));
    out.push(Line::from("  the wheel scrolls"));
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "Filters: [+] included, [-] excluded;",
        th.muted,
    )));
    out.push(Line::from(Span::styled(
        "counts show what each value would give.",
        th.muted,
    )));
    out
}

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let Some(Overlay::Help { scroll }) = &st.overlay else {
        return;
    };
    let th = &st.theme;
    let two = body.width >= 110;
    let col = if two {
        (body.width.min(160) - 4) / 2
    } else {
        body.width.min(80) - 2
    } as usize;
    let all = lines(st, col);
    let (left, right): (Vec<Line<'_>>, Vec<Line<'_>>) = if two {
        // split at a group boundary near the middle
        let half = all.len().div_ceil(2);
        let cut = (half..all.len())
            .find(|&i| all[i].spans.is_empty())
            .map_or(half, |i| i + 1);
        let (l, r) = all.split_at(cut);
        (l.to_vec(), r.to_vec())
    } else {
        (all, Vec::new())
    };
    let tall = left.len().max(right.len()) as u16 + 2;
    let width = if two {
        col as u16 * 2 + 4
    } else {
        col as u16 + 2
    };
    let area = centered(body, width, tall);
    frame.render_widget(Clear, area);
    let title = if tall > body.height {
        " Help · ↑ ↓ scroll · Esc closes "
    } else {
        " Help · Esc closes "
    };
    let b = block(title, true, th);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let scroll = (*scroll).min(tall.saturating_sub(area.height));
    let lw = if two { col as u16 + 1 } else { inner.width };
    frame.render_widget(
        Paragraph::new(left).scroll((scroll, 0)),
        Rect::new(inner.x, inner.y, lw.min(inner.width), inner.height),
    );
    if two && inner.width > lw {
        frame.render_widget(
            Paragraph::new(right).scroll((scroll, 0)),
            Rect::new(inner.x + lw, inner.y, inner.width - lw, inner.height),
        );
    }
}
