//! The help overlay (`?`, F1): every command with its keys as bound now
//! (config overrides included), grouped, made from the same table as the
//! palette and the README; two columns when there is room, ↑ ↓ scroll it
//! when it does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::widgets::{block, centered};
use crate::display::{truncate, wrap};
use crate::keys::{Command, Kind, Mode};
use crate::tui::state::{Overlay, State};
use crate::tui::theme::Theme;

/// The width of help's keys column.
const KEYS: usize = 16;

/// One command's lines: its keys right-aligned in [`KEYS`] columns (more
/// keys than fit go on the next lines), its description wrapped beside
/// them, so nothing is cut.
fn entry(keys: &str, what: &str, width: usize, th: &Theme) -> Vec<Line<'static>> {
    let keys = wrap(keys, KEYS);
    let what = wrap(what, width.saturating_sub(KEYS + 2).max(8));
    (0..keys.len().max(what.len()))
        .map(|i| {
            let k = keys.get(i).map_or("", String::as_str);
            let k = truncate(k, KEYS);
            let pad = KEYS.saturating_sub(k.width());
            Line::from(vec![
                Span::styled(format!("{}{k}  ", " ".repeat(pad)), th.title),
                Span::raw(what.get(i).cloned().unwrap_or_default()),
            ])
        })
        .collect()
}

/// `text` wrapped to `width`, each line after `indent` spaces.
fn para(text: &str, indent: usize, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width.saturating_sub(indent).max(8))
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("{}{l}", " ".repeat(indent)), style)))
        .collect()
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

/// Help's lines, group by group, wrapped to `col`.
fn lines(st: &State, col: usize) -> Vec<Line<'static>> {
    let th = &st.theme;
    let mut out = Vec::new();
    for (title, commands) in groups() {
        out.extend(para(&title, 0, col, th.accent));
        for c in commands {
            let keys = keys_of(st, c);
            if !keys.is_empty() {
                out.extend(entry(&keys, c.help(), col, th));
            }
        }
        out.push(Line::default());
    }
    out.extend(para("Mouse", 0, col, th.accent));
    let plain = Style::new();
    out.extend(para(
        "click a tab, a row or a filter value (toggles it)",
        2,
        col,
        plain,
    ));
    out.extend(para("the wheel scrolls", 2, col, plain));
    out.push(Line::default());
    out.extend(para(
        "Filters: [+] included, [-] excluded; counts show what each value would give.",
        0,
        col,
        th.muted,
    ));
    out
}

/// Help's layout in `body`: two columns or one, the column width, the
/// lines of each, and the box.
struct Shape {
    two: bool,
    col: usize,
    left: Vec<Line<'static>>,
    right: Vec<Line<'static>>,
    tall: u16,
    area: Rect,
}

fn shape(st: &State, body: Rect) -> Shape {
    let two = body.width >= 110;
    let col = if two {
        (body.width.min(160) - 4) / 2
    } else {
        body.width.min(80) - 2
    } as usize;
    let all = lines(st, col);
    let (left, right): (Vec<Line<'static>>, Vec<Line<'static>>) = if two {
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
    Shape {
        two,
        col,
        left,
        right,
        tall,
        area,
    }
}

/// How far help scrolls on the screen `st` is drawn on: to its last line
/// and no further.
pub fn max_scroll(st: &State) -> u16 {
    let body = crate::tui::layout::root(Rect::new(0, 0, st.width, st.height)).body;
    if body.width < 4 || body.height < 3 {
        return 0;
    }
    let s = shape(st, body);
    s.tall.saturating_sub(s.area.height)
}

pub fn render(frame: &mut Frame<'_>, body: Rect, st: &State) {
    let Some(Overlay::Help { scroll }) = &st.overlay else {
        return;
    };
    let th = &st.theme;
    let Shape {
        two,
        col,
        left,
        right,
        tall,
        area,
    } = shape(st, body);
    frame.render_widget(Clear, area);
    let over = tall.saturating_sub(area.height);
    let title = if over > 0 {
        " Help · ↑ ↓ scroll · Esc closes "
    } else {
        " Help · Esc closes "
    };
    let scroll = (*scroll).min(over);
    // on the bottom border: how much is below (and that ↓ shows it)
    let mut b = block(title, true, th);
    if over > 0 {
        let below = over - scroll;
        let sign = match (scroll > 0, below > 0) {
            (_, true) => format!(" ↓ {below} more {} ", lines_word(below)),
            (true, false) => " end · ↑ scrolls back ".to_string(),
            (false, false) => String::new(),
        };
        b = b.title_bottom(Line::from(Span::styled(sign, th.accent)).right_aligned());
    }
    let inner = b.inner(area);
    frame.render_widget(b, area);
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

fn lines_word(n: u16) -> &'static str {
    if n == 1 { "line" } else { "lines" }
}
