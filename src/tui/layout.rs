//! Where things go on screen. Pure functions of the terminal size and the
//! focus, shared by drawing and by mouse handling so both agree.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::action::Tab;

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the detail pane sits beside the results.
pub const WIDE: u16 = 110;

/// The narrowest the detail pane gets beside results that want more room
/// (its two fifths at 120 columns).
const DETAIL_FLOOR: u16 = 38;
/// From this width the sidebar sits beside the results.
pub const MEDIUM: u16 = 80;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The tab bar, the screen body and the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Root {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
}

pub fn root(area: Rect) -> Root {
    let h = area.height;
    Root {
        tabs: Rect::new(area.x, area.y, area.width, 1.min(h)),
        body: Rect::new(area.x, area.y + 1, area.width, h.saturating_sub(2)),
        status: Rect::new(area.x, area.y + h.saturating_sub(1), area.width, 1.min(h)),
    }
}

/// The label of a tab in the tab bar: the key that shows it now ("1" while
/// browsing, "alt-1" while typing) and its title, without padding on
/// narrow screens.
pub fn tab_label(tab: Tab, width: u16, key: &str) -> String {
    let key = if key.is_empty() { "" } else { key };
    let sep = if key.is_empty() { "" } else { " " };
    if width < 60 {
        format!("{key}{sep}{}", tab.title())
    } else {
        format!(" {key}{sep}{} ", tab.title())
    }
}

/// The tab under column `x` of the tab bar, its labels given the keys
/// shown (in `Tab::ALL` order).
pub fn tab_at(area: Rect, x: u16, keys: &[String; 4]) -> Option<Tab> {
    let mut start = area.x;
    for (t, key) in Tab::ALL.into_iter().zip(keys) {
        let w = tab_label(t, area.width, key).width() as u16;
        if x >= start && x < start + w {
            return Some(t);
        }
        start += w + 1; // the divider
    }
    None
}

/// Search box, sidebar, main list and detail of a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub search: Rect,
    pub side: Option<Rect>,
    pub main: Option<Rect>,
    pub detail: Option<Rect>,
}

/// Which pane has the keyboard, for deciding what narrow screens show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    Side,
    Main,
    Detail,
}

/// Lays out a search screen. Wide: sidebar | list | detail. Medium:
/// sidebar | list, the detail replacing the list when focused. Narrow:
/// one pane at a time, the focused one. `want` is how wide the list
/// would like to be (0: no wish); see [`wide_split`].
pub fn panes(body: Rect, focus: Focus, sidebar_width: u16, want: u16) -> Panes {
    let search_h = if body.height >= 14 { 3 } else { 1 };
    let search = Rect::new(body.x, body.y, body.width, search_h.min(body.height));
    let rest = Rect::new(
        body.x,
        body.y + search.height,
        body.width,
        body.height.saturating_sub(search.height),
    );
    let w = rest.width;
    if w >= WIDE {
        let (side_w, detail_w) = wide_split(w, sidebar_width, want);
        let main_w = w - side_w - detail_w;
        return Panes {
            search,
            side: Some(Rect::new(rest.x, rest.y, side_w, rest.height)),
            main: Some(Rect::new(rest.x + side_w, rest.y, main_w, rest.height)),
            detail: Some(Rect::new(
                rest.x + side_w + main_w,
                rest.y,
                detail_w,
                rest.height,
            )),
        };
    }
    if w >= MEDIUM {
        // a quarter at most, so the results beside it keep as much room
        // as a one-pane screen of 60 columns gives them
        let side_w = sidebar_width.min(w / 4);
        let side = Some(Rect::new(rest.x, rest.y, side_w, rest.height));
        let right = Rect::new(rest.x + side_w, rest.y, w - side_w, rest.height);
        return if focus == Focus::Detail {
            Panes {
                search,
                side,
                main: None,
                detail: Some(right),
            }
        } else {
            Panes {
                search,
                side,
                main: Some(right),
                detail: None,
            }
        };
    }
    match focus {
        Focus::Side => Panes {
            search,
            side: Some(rest),
            ..Panes::default()
        },
        Focus::Detail => Panes {
            search,
            detail: Some(rest),
            ..Panes::default()
        },
        _ => Panes {
            search,
            main: Some(rest),
            ..Panes::default()
        },
    }
}

/// The sidebar's and the detail pane's widths on a wide screen `w`
/// columns wide: the sidebar at most a fifth of it, the detail two fifths
/// of what the sidebar leaves, so both grow with the terminal (38 at
/// 120 columns, 69 at 200) and the results keep three fifths. When the
/// results `want` more to show every name whole, the detail gives them
/// width down to what it has at 120 columns (38), so on the shipped
/// catalogue no title, company or city is cut from 200 columns (the
/// detail 40 wide there), and it grows again beyond.
pub fn wide_split(w: u16, sidebar_width: u16, want: u16) -> (u16, u16) {
    let side_w = sidebar_width.min(w / 5);
    let rest = w - side_w;
    let share = rest * 2 / 5;
    let floor = DETAIL_FLOOR.min(share);
    let detail_w = rest.saturating_sub(want).clamp(floor, share);
    (side_w, detail_w)
}

/// The narrowest board column that shows cards readably: under it (eight
/// columns under ~18 cells each would be), the board shows fewer.
pub const CARD_MIN: u16 = 22;
/// The width of a strip that sums up the board columns out of view.
pub const STRIP: u16 = 12;

/// Where the tracker board's parts go: the columns in view (their index
/// and area), and a strip on each side summing up those out of view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    pub columns: Vec<(usize, Rect)>,
    pub left: Option<(Rect, std::ops::Range<usize>)>,
    pub right: Option<(Rect, std::ops::Range<usize>)>,
}

/// Lays out a board of `n` columns in `body` with column `focused` in
/// view: every column when each gets [`CARD_MIN`], else as many as fit
/// around the focused one, the rest summed up in strips at the sides.
pub fn board(body: Rect, n: usize, focused: usize) -> Board {
    let n = n.max(1);
    let focused = focused.min(n - 1);
    let (w, min) = (usize::from(body.width), usize::from(CARD_MIN));
    let mut k = (w / min).clamp(1, n);
    let window = |k: usize| {
        let start = focused.saturating_sub((k - 1) / 2).min(n - k);
        (start, start + k)
    };
    loop {
        let (a, b) = window(k);
        let strips = usize::from(a > 0) + usize::from(b < n);
        if k == 1 || k * min + strips * usize::from(STRIP) <= w {
            break;
        }
        k -= 1;
    }
    let (a, b) = window(k);
    let strip = |on: bool| if on { STRIP.min(body.width / 4) } else { 0 };
    let (lw, rw) = (strip(a > 0), strip(b < n));
    let inner = body.width - lw - rw;
    let each = inner / k as u16;
    let mut columns = Vec::new();
    for (i, c) in (a..b).enumerate() {
        let x = body.x + lw + each * i as u16;
        let width = if c == b - 1 {
            inner - each * (k as u16 - 1)
        } else {
            each
        };
        columns.push((c, Rect::new(x, body.y, width, body.height)));
    }
    Board {
        columns,
        left: (a > 0).then(|| (Rect::new(body.x, body.y, lw, body.height), 0..a)),
        right: (b < n).then(|| {
            (
                Rect::new(body.x + body.width - rw, body.y, rw, body.height),
                b..n,
            )
        }),
    }
}

/// The board column under `x`: a column in view, or the nearest one out of
/// view for a click on a strip.
pub fn board_column_at(b: &Board, x: u16) -> Option<usize> {
    if let Some((r, range)) = &b.left
        && x < r.x + r.width
    {
        return range.end.checked_sub(1);
    }
    if let Some((r, range)) = &b.right
        && x >= r.x
    {
        return Some(range.start);
    }
    b.columns
        .iter()
        .find(|(_, r)| x >= r.x && x < r.x + r.width)
        .map(|(c, _)| *c)
}

/// Lines a board card takes inside a column `inner_h` high, its separator
/// included: title, company and city, pay and the next date when there is
/// room for a few cards of three lines, else two.
pub fn card_height(inner_h: u16) -> u16 {
    if inner_h >= 12 { 4 } else { 3 }
}

/// Rows visible in a bordered table with a header row.
pub fn table_rows(r: Rect) -> usize {
    r.height.saturating_sub(3) as usize
}

/// Lines visible inside a bordered box.
pub fn inner_rows(r: Rect) -> usize {
    r.height.saturating_sub(2) as usize
}

pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_three_panes() {
        let p = panes(Rect::new(0, 1, 120, 34), Focus::Search, 28, 0);
        let (side, main, detail) = (p.side.unwrap(), p.main.unwrap(), p.detail.unwrap());
        assert_eq!(side.width + main.width + detail.width, 120);
        assert_eq!(p.search.height, 3);
    }

    #[test]
    fn boards_keep_columns_readable() {
        for w in 40..=300u16 {
            let body = Rect::new(0, 1, w, 30);
            for n in [7, 8] {
                for f in 0..n {
                    let b = board(body, n, f);
                    assert!(b.columns.iter().any(|(c, _)| *c == f), "{w} {n} {f}");
                    let total: u16 = b.columns.iter().map(|(_, r)| r.width).sum::<u16>()
                        + b.left.as_ref().map_or(0, |l| l.0.width)
                        + b.right.as_ref().map_or(0, |r| r.0.width);
                    assert_eq!(total, w, "{w} {n} {f}: {b:?}");
                    if b.columns.len() > 1 {
                        assert!(
                            b.columns.iter().all(|(_, r)| r.width >= CARD_MIN),
                            "{w}: {b:?}"
                        );
                    }
                    // every column is in view or summed up, once
                    let mut all: Vec<usize> = b.columns.iter().map(|(c, _)| *c).collect();
                    all.extend(b.left.iter().flat_map(|l| l.1.clone()));
                    all.extend(b.right.iter().flat_map(|r| r.1.clone()));
                    all.sort_unstable();
                    assert_eq!(all, (0..n).collect::<Vec<_>>());
                }
            }
        }
        // 200 columns show all eight; 120 four; 100 three between two strips
        assert_eq!(board(Rect::new(0, 0, 200, 30), 8, 3).columns.len(), 8);
        assert_eq!(board(Rect::new(0, 0, 120, 30), 8, 0).columns.len(), 4);
        assert_eq!(board(Rect::new(0, 0, 100, 30), 8, 3).columns.len(), 3);
        let b = board(Rect::new(0, 0, 80, 30), 7, 0);
        assert_eq!(board_column_at(&b, 79), Some(b.columns.len()));
    }

    #[test]
    fn the_detail_grows_with_the_terminal() {
        assert_eq!(wide_split(110, 26, 0), (22, 35));
        assert_eq!(wide_split(120, 26, 0), (24, 38));
        assert_eq!(wide_split(200, 26, 0), (26, 69));
        let mut last = 0;
        for w in WIDE..=300 {
            let (side, detail) = wide_split(w, 26, 0);
            assert!(detail >= last, "{w}");
            // about two fifths of the width beside the sidebar
            assert!(detail * 5 >= (w - side) * 2 - 5, "{w}");
            assert!(w - side - detail >= 50, "{w}: the results keep room");
            last = detail;
        }
    }

    #[test]
    fn the_detail_gives_way_to_results_that_want_room_down_to_a_floor() {
        // results wanting 134 cells: the detail keeps 38, gives the rest
        assert_eq!(wide_split(120, 26, 134), (24, 38));
        assert_eq!(wide_split(160, 26, 134), (26, 38));
        assert_eq!(wide_split(200, 26, 134), (26, 40));
        assert_eq!(wide_split(300, 26, 134), (26, 109), "two fifths again");
        assert_eq!(wide_split(110, 26, 134), (22, 35), "never above the share");
        // the results never narrow as the terminal widens
        let mut last = 0;
        for w in WIDE..=300 {
            let (side, detail) = wide_split(w, 26, 134);
            assert!(w - side - detail >= last, "{w}");
            last = w - side - detail;
        }
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let body = Rect::new(0, 1, 60, 20);
        assert!(panes(body, Focus::Side, 28, 0).side.is_some());
        assert!(panes(body, Focus::Side, 28, 0).main.is_none());
        assert!(panes(body, Focus::Detail, 28, 0).detail.is_some());
        assert!(panes(body, Focus::Search, 28, 0).main.is_some());
    }

    #[test]
    fn tabs_are_clickable_where_drawn() {
        let bar = Rect::new(0, 0, 120, 1);
        for keys in [["1", "2", "3", "4"], ["alt-1", "alt-2", "alt-3", "alt-4"]] {
            let keys = keys.map(String::from);
            assert_eq!(tab_at(bar, 1, &keys), Some(Tab::Listings));
            let roles_x = tab_label(Tab::Listings, 120, &keys[0]).width() as u16 + 2;
            assert_eq!(tab_at(bar, roles_x, &keys), Some(Tab::Roles));
            assert_eq!(tab_at(bar, roles_x - 3, &keys), Some(Tab::Listings));
            assert_eq!(tab_at(bar, 119, &keys), None);
        }
    }
}
