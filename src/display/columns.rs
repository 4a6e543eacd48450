//! Column widths from content: which columns of a table show in a given
//! width, and how wide each is, from the widths of what the visible rows
//! hold. Pure and terminal-free, so the TUI's tables and the CLI's share
//! one rule.
//!
//! The rule, in order:
//! 1. Columns show in priority order (lowest first) while each can have its
//!    minimum without squeezing a more important one under what it wants;
//!    the first that cannot stops the rest, so a narrower width never shows
//!    a column that a wider one hides. An extra column also needs every
//!    more important one to have its whole content.
//! 2. Every shown column starts at its minimum (or its content, when that
//!    is narrower).
//! 3. Spare width goes to the columns that are still cut, in priority
//!    order up to what each wants; then, again and again, to the widening
//!    that shows the most cells whole for the width it takes (so one long
//!    title does not keep every company name cut); what is left, in
//!    priority order.
//! 4. What is left stays unused at the right: a table never pads a column
//!    past its widest cell, so no blank gap opens inside a row.
//!
//! A cell wider than its column is cut with [`cell`], which ends it with
//! "…" at a grapheme boundary.

use unicode_width::UnicodeWidthStr;

/// One column to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Lower shows first and gets spare width first.
    pub priority: u8,
    /// Narrower than this the column is left out rather than drawn.
    pub min: usize,
    /// Spare width fills every column up to this before any column gets
    /// more; a column is left out when showing it would keep a more
    /// important one under its want.
    pub want: usize,
    /// The widest of the header and the visible cells.
    pub natural: usize,
    /// The widths of the header and the cells, narrowest first (empty:
    /// one cell as wide as `natural`).
    pub cells: Vec<usize>,
    /// Shows only when every more important column shows whole: an extra
    /// (a listing's age, its work mode) that never costs a name its end.
    pub extra: bool,
}

impl Column {
    /// A column of `priority` drawn at least `min` wide, wanting `want`;
    /// its content measured with [`Column::fit`].
    pub fn new(priority: u8, min: usize, want: usize) -> Column {
        Column {
            priority,
            min,
            want: want.max(min),
            natural: 0,
            cells: Vec::new(),
            extra: false,
        }
    }

    /// Makes it an extra: shown only when the columns before it are whole.
    pub fn extra(mut self) -> Column {
        self.extra = true;
        self
    }

    /// Measures the header and the cells (display columns, so ₹ and
    /// Devanagari count as the terminal draws them).
    pub fn fit<'a>(mut self, header: &str, cells: impl IntoIterator<Item = &'a str>) -> Column {
        let mut widths: Vec<usize> = cells
            .into_iter()
            .map(UnicodeWidthStr::width)
            .chain([header.width()])
            .collect();
        widths.sort_unstable();
        self.natural = widths.last().copied().unwrap_or(0);
        self.cells = widths;
        self
    }

    /// Each width over `w` (by at most `spare`) at which more cells show
    /// whole, with how many more do.
    fn widenings(&self, w: usize, spare: usize) -> Vec<(usize, usize)> {
        if self.cells.is_empty() {
            return if self.natural > w && self.natural - w <= spare {
                vec![(1, self.natural)]
            } else {
                Vec::new()
            };
        }
        let mut out: Vec<(usize, usize)> = Vec::new();
        let start = self.cells.partition_point(|&c| c <= w);
        for (k, &c) in self.cells[start..].iter().enumerate() {
            if c - w > spare {
                break;
            }
            match out.last_mut() {
                Some(last) if last.1 == c => last.0 = k + 1,
                _ => out.push((k + 1, c)),
            }
        }
        out
    }

    /// The column's content width set directly.
    pub fn natural(mut self, natural: usize) -> Column {
        self.natural = natural;
        self.cells.clear();
        self
    }

    /// What the column needs to show at all: its minimum, or all of its
    /// content when that is narrower.
    fn floor(&self) -> usize {
        self.min.min(self.natural)
    }

    /// What it gets before the columns after it are considered.
    fn wanted(&self) -> usize {
        self.want.min(self.natural).max(self.floor())
    }
}

/// Columns in the order they show and widen: by priority, then by place.
fn order(cols: &[Column]) -> Vec<usize> {
    let mut o: Vec<usize> = (0..cols.len()).collect();
    o.sort_by_key(|&i| (cols[i].priority, i));
    o
}

/// The width of each column in `width` display columns with `gap`
/// columns between neighbours, `None` for a column left out.
pub fn layout(cols: &[Column], width: usize, gap: usize) -> Vec<Option<usize>> {
    layout_choosing(cols, width, width, gap)
}

/// [`layout`], with the columns that show chosen as if the table were
/// `choose` wide (at most `width`), then sized in all of `width`. A screen
/// whose table narrows as the terminal widens (a pane appearing beside
/// it) chooses at the narrowest width any wider terminal gives the table,
/// so a narrower terminal never shows a column that a wider one hides.
pub fn layout_choosing(
    cols: &[Column],
    choose: usize,
    width: usize,
    gap: usize,
) -> Vec<Option<usize>> {
    let choose = choose.min(width);
    let order = order(cols);
    // 1. the longest prefix of the order whose every column fits
    let mut shown = 0;
    let (mut wants, mut whole) = (0, 0);
    for (k, &i) in order.iter().enumerate() {
        let before = if cols[i].extra { whole } else { wants };
        if before + cols[i].floor() + gap * k > choose {
            break;
        }
        wants += cols[i].wanted();
        whole += cols[i].natural.max(cols[i].floor());
        shown = k + 1;
    }
    let mut out = vec![None; cols.len()];
    let visible = &order[..shown];
    for &i in visible {
        out[i] = Some(cols[i].floor());
    }
    let used =
        |out: &[Option<usize>]| out.iter().flatten().sum::<usize>() + gap * shown.saturating_sub(1);
    let mut spare = width.saturating_sub(used(&out));
    // 3. up to the wants in priority order
    for &i in visible {
        if let Some(w) = out[i].as_mut() {
            let more = cols[i].wanted().saturating_sub(*w).min(spare);
            *w += more;
            spare -= more;
        }
    }
    // then, again and again, the widening that shows the most cells whole
    // for its width (so one long title does not keep every company cut) ...
    loop {
        let mut best: Option<(usize, usize, usize, usize)> = None; // cells, cost, rank, i
        for (rank, &i) in visible.iter().enumerate() {
            let Some(w) = out[i] else { continue };
            for (cells, target) in cols[i].widenings(w, spare) {
                let cost = target - w;
                // more cells per cell of width; then cheaper; then priority
                let better = best.is_none_or(|(bc, bcost, brank, _)| {
                    let (mine, theirs) = (cells * bcost, bc * cost);
                    mine > theirs || (mine == theirs && (cost, rank) < (bcost, brank))
                });
                if better {
                    best = Some((cells, cost, rank, i));
                }
            }
        }
        let Some((_, cost, _, i)) = best else { break };
        if let Some(w) = out[i].as_mut() {
            *w += cost;
        }
        spare -= cost;
    }
    // ... and what is left to the columns still cut, in priority order
    for &i in visible {
        if let Some(w) = out[i].as_mut() {
            let more = cols[i].natural.saturating_sub(*w).min(spare);
            *w += more;
            spare -= more;
        }
    }
    out
}

/// `text` in a column `width` wide: whole when it fits, else cut with "…"
/// at a grapheme boundary.
pub fn cell(text: &str, width: usize) -> String {
    super::truncate(text, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn col(priority: u8, min: usize, want: usize, natural: usize) -> Column {
        Column::new(priority, min, want).natural(natural)
    }

    #[test]
    fn content_that_fits_is_never_cut() {
        let cols = [col(0, 10, 20, 30), col(1, 5, 8, 12), col(2, 4, 4, 6)];
        assert_eq!(layout(&cols, 100, 1), [Some(30), Some(12), Some(6)]);
    }

    #[test]
    fn spare_width_goes_to_wants_then_content_by_priority() {
        let cols = [col(0, 10, 20, 30), col(1, 5, 8, 12)];
        // 1 gap: 10 + 5 at first, 16 spare: 10 to the title's want, 3 to
        // the second's; the second's one cell of 12 costs 4 > 3, so the
        // last 3 go to the title
        assert_eq!(layout(&cols, 32, 1), [Some(23), Some(8)]);
        assert_eq!(layout(&cols, 43, 1), [Some(30), Some(12)]);
        assert_eq!(layout(&cols, 29, 1), [Some(20), Some(8)]);
        assert_eq!(layout(&cols, 26, 1), [Some(20), Some(5)]);
    }

    #[test]
    fn spare_width_shows_the_most_cells_whole() {
        let title = Column::new(0, 10, 10).fit("", ["a".repeat(40).as_str(), "b"]);
        let company = Column::new(1, 10, 10).fit("", ["c".repeat(14).as_str(); 5]);
        // 20 spare: one title needs 30 more, five companies 4 more
        assert_eq!(layout(&[title, company], 41, 1), [Some(26), Some(14)]);
    }

    #[test]
    fn a_column_that_would_squeeze_a_more_important_one_is_left_out() {
        let cols = [col(0, 10, 20, 30), col(1, 5, 8, 12)];
        // 20 wanted + 1 gap + 5: under 26 the second goes
        assert_eq!(layout(&cols, 25, 1), [Some(25), None]);
        assert_eq!(layout(&cols, 8, 1), [None, None]);
    }

    #[test]
    fn priority_not_place_decides() {
        let cols = [col(2, 4, 4, 6), col(0, 10, 10, 10), col(1, 5, 5, 5)];
        assert_eq!(layout(&cols, 16, 1), [None, Some(10), Some(5)]);
    }

    #[test]
    fn narrow_content_needs_only_its_width() {
        // a city column of "Pune" needs 4, not its minimum of 8
        let cols = [col(0, 10, 10, 10), col(1, 8, 8, 4)];
        assert_eq!(layout(&cols, 15, 1), [Some(10), Some(4)]);
    }

    #[test]
    fn extras_wait_for_the_names_to_show_whole() {
        let cols = [col(0, 10, 20, 30), col(1, 4, 4, 5).extra()];
        assert_eq!(layout(&cols, 34, 1), [Some(30), None]);
        // shown, and its one cell whole costs less than the title's
        assert_eq!(layout(&cols, 35, 1), [Some(29), Some(5)]);
        assert_eq!(layout(&cols, 36, 1), [Some(30), Some(5)]);
    }

    fn cols_strategy() -> impl Strategy<Value = Vec<Column>> {
        let one = (
            0u8..6,
            1usize..20,
            0usize..30,
            0usize..60,
            proptest::bool::weighted(0.3),
        );
        proptest::collection::vec(one, 1..9).prop_map(|v| {
            v.into_iter()
                .map(|(p, min, want, nat, extra)| {
                    let c = col(p, min, min + want, nat);
                    if extra { c.extra() } else { c }
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn layouts_hold_at_every_width(cols in cols_strategy(), width in 40usize..300, gap in 0usize..3) {
            let w = layout(&cols, width, gap);
            let shown: Vec<usize> = (0..cols.len()).filter(|&i| w[i].is_some()).collect();
            let total: usize = w.iter().flatten().sum::<usize>() + gap * shown.len().saturating_sub(1);
            prop_assert!(total <= width, "{total} > {width}");
            for &i in &shown {
                let c = &cols[i];
                let got = w[i].unwrap_or(0);
                // never under its minimum (or its content), never over its content
                prop_assert!(got >= c.min.min(c.natural), "{i}: {got} < min {c:?}");
                prop_assert!(got <= c.natural.max(c.min.min(c.natural)), "{i}: {got} {c:?}");
            }
            // a cut column means no spare width was left unused
            if shown.iter().any(|&i| w[i] < Some(cols[i].natural)) {
                prop_assert_eq!(total, width);
            }
            // a wider terminal shows every column this one shows, none narrower
            let wider = layout(&cols, width + 1, gap);
            let _ = &wider;
            for &i in &shown {
                prop_assert!(wider[i].is_some(), "column {i} hidden at {}", width + 1);
            }
        }

        #[test]
        fn choosing_narrower_shows_the_same_columns_wider(cols in cols_strategy(), choose in 10usize..200, more in 0usize..100) {
            let width = choose + more;
            let w = layout_choosing(&cols, choose, width, 1);
            let at_choose = layout(&cols, choose, 1);
            for i in 0..cols.len() {
                prop_assert_eq!(w[i].is_some(), at_choose[i].is_some(), "column {}", i);
                if let (Some(got), Some(c)) = (w[i], at_choose[i]) {
                    prop_assert!(got >= cols[i].floor().min(c), "column {} under its floor", i);
                }
            }
            let total: usize = w.iter().flatten().sum::<usize>() + w.iter().flatten().count().saturating_sub(1);
            prop_assert!(total <= width);
        }

        #[test]
        fn cut_cells_end_in_an_ellipsis(text in "[a-zA-Z ₹डेटा]{0,40}", width in 1usize..40) {
            let c = cell(&text, width);
            prop_assert!(c.width() <= width);
            if c != text {
                prop_assert!(c.ends_with('…'), "{c:?}");
                prop_assert!(text.starts_with(c.trim_end_matches('…')));
            }
        }
    }
}
