//! Plain-text tables that fit a width: columns sized from their content
//! by `display::columns` (the TUI's rule), cells cut with '…', measured in
//! display columns so ₹ and Devanagari line up.

use unicode_width::UnicodeWidthStr;

use super::truncate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub align: Align,
    /// May be narrowed to fit.
    pub flex: bool,
    /// Among flexible columns, a higher weight shows and widens first.
    pub weight: usize,
    /// Left out, lowest first, when keeping it would squeeze a flexible
    /// column under [`COMFORT`] (or its own width, if narrower).
    pub optional: Option<u8>,
}

impl Column {
    pub fn left(header: &str) -> Column {
        Column {
            header: header.to_string(),
            align: Align::Left,
            flex: false,
            weight: 1,
            optional: None,
        }
    }
    pub fn right(header: &str) -> Column {
        Column {
            align: Align::Right,
            ..Column::left(header)
        }
    }
    pub fn flex(header: &str) -> Column {
        Column {
            flex: true,
            ..Column::left(header)
        }
    }
    pub fn weight(mut self, weight: usize) -> Column {
        self.weight = weight.max(1);
        self
    }
    /// May be left out on a narrow terminal; `rank` 0 goes first.
    pub fn optional(mut self, rank: u8) -> Column {
        self.optional = Some(rank);
        self
    }
}

pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
    /// Per row, per cell: a shorter form for a narrow terminal ("₹18–23k"
    /// for "₹18,000–23,000"), used in a column when the long forms of all
    /// its cells do not fit.
    shorts: Vec<Vec<Option<String>>>,
}

const GAP: usize = 2;
const MIN_FLEX: usize = 6;
/// A flexible column narrower than this (and than its text) is cramped
/// enough to leave an optional column out for it.
pub const COMFORT: usize = 12;

fn pad(s: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(s.width()));
    match align {
        Align::Left => format!("{s}{fill}"),
        Align::Right => format!("{fill}{s}"),
    }
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            shorts: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
        self.shorts.push(Vec::new());
    }

    /// A row whose cells may have a short form each (`None`: the cell as
    /// it is), shown when the long forms do not fit.
    pub fn row_short(&mut self, cells: Vec<String>, shorts: Vec<Option<String>>) {
        self.rows.push(cells);
        self.shorts.push(shorts);
    }

    /// Row `r`'s cell in column `i`, short or long.
    fn text(&self, r: usize, i: usize, short: bool) -> &str {
        let long = self.rows[r].get(i).map(String::as_str).unwrap_or("");
        if short {
            self.shorts[r]
                .get(i)
                .and_then(Option::as_deref)
                .unwrap_or(long)
        } else {
            long
        }
    }

    /// Whether column `i` has a short form in any row.
    fn has_short(&self, i: usize) -> bool {
        self.shorts
            .iter()
            .any(|r| r.get(i).is_some_and(Option::is_some))
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Which columns show and how wide, to fit `width` display columns,
    /// by the one rule the TUI's tables use too (`display::columns`):
    /// fixed columns first, whole; then flexible ones by weight, each at
    /// least [`MIN_FLEX`] and wanting [`COMFORT`] before the next shows;
    /// optional ones last, lowest rank last of all; spare width to the
    /// cut columns where it shows the most cells whole.
    /// Which columns show, how wide, and which read in their short form.
    fn layout(&self, width: usize) -> (Vec<bool>, Vec<usize>, Vec<bool>) {
        use super::columns::{Column as Spec, layout};
        let short: Vec<bool> = (0..self.columns.len()).map(|i| self.has_short(i)).collect();
        let specs: Vec<Spec> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                // a column with short forms is laid out at them; the long
                // ones only take what the others leave
                let cells = (0..self.rows.len()).map(|r| self.text(r, i, short[i]));
                let priority = if c.flex {
                    10u8.saturating_sub(c.weight.min(9) as u8)
                } else {
                    0
                };
                let priority = match c.optional {
                    Some(rank) => 200u8.saturating_sub(rank),
                    None => priority,
                };
                let spec = Spec::new(priority, MIN_FLEX, COMFORT).fit(&c.header, cells);
                if c.flex {
                    spec
                } else {
                    let n = spec.natural;
                    Spec {
                        min: n,
                        want: n,
                        ..spec
                    }
                }
            })
            .collect();
        let w = layout(&specs, width, GAP);
        let mut widths: Vec<usize> = w.iter().map(|w| w.unwrap_or(0)).collect();
        let shown: Vec<bool> = w.iter().map(Option::is_some).collect();
        let count = shown.iter().filter(|s| **s).count();
        let mut used = widths.iter().sum::<usize>() + GAP * count.saturating_sub(1);
        let mut short = short;
        for i in 0..self.columns.len() {
            if !(shown[i] && short[i]) {
                continue;
            }
            let long = (0..self.rows.len())
                .map(|r| self.text(r, i, false).width())
                .chain([self.columns[i].header.width()])
                .max()
                .unwrap_or(0);
            let more = long.saturating_sub(widths[i]);
            if used + more <= width {
                widths[i] = widths[i].max(long);
                used += more;
                short[i] = false;
            }
        }
        (shown, widths, short)
    }

    /// Whether every cell shows whole (none cut) at `width`.
    pub fn fits(&self, width: usize) -> bool {
        let (shown, w, short) = self.layout(width);
        shown.iter().all(|s| *s)
            && (0..self.rows.len())
                .all(|r| (0..self.columns.len()).all(|i| self.text(r, i, short[i]).width() <= w[i]))
    }

    /// The table as lines of text, at most `width` columns wide when the
    /// fixed columns allow it.
    pub fn render(&self, width: usize) -> String {
        let (shown, w, short) = self.layout(width);
        let mut out = String::new();
        let line = |cells: Vec<&str>, out: &mut String| {
            let mut parts = Vec::with_capacity(self.columns.len());
            for (i, c) in self.columns.iter().enumerate() {
                if shown[i] {
                    parts.push(pad(&truncate(cells[i], w[i]), w[i], c.align));
                }
            }
            out.push_str(parts.join(&" ".repeat(GAP)).trim_end());
            out.push('\n');
        };
        line(
            self.columns.iter().map(|c| c.header.as_str()).collect(),
            &mut out,
        );
        let rule: Vec<String> = w
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(&n, _)| "─".repeat(n))
            .collect();
        out.push_str(rule.join(&" ".repeat(GAP)).trim_end());
        out.push('\n');
        for r in 0..self.rows.len() {
            let cells = (0..self.columns.len())
                .map(|i| self.text(r, i, short[i]))
                .collect();
            line(cells, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Payroll Specialist", 8), "Payroll…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(
            truncate("डेटा एंट्री ऑपरेटर", 6).width(),
            6.min("डेटा एंट्री ऑपरेटर".width())
        );
        assert_eq!(truncate("₹18,000–25,000", 20), "₹18,000–25,000");
    }

    #[test]
    fn fits_the_width_by_shrinking_flexible_columns() {
        let mut t = Table::new(vec![
            Column::right("ID"),
            Column::flex("Title"),
            Column::left("Salary"),
        ]);
        t.row(vec![
            "1".into(),
            "A very long listing title that will not fit in forty columns".into(),
            "₹18,000–25,000".into(),
        ]);
        let out = t.render(40);
        for line in out.lines() {
            assert!(line.width() <= 40, "{line:?} is {} wide", line.width());
        }
        assert!(out.contains("₹18,000–25,000"));
        assert!(out.contains('…'));
    }

    #[test]
    fn pay_reads_short_when_the_long_form_does_not_fit() {
        let table = || {
            let mut t = Table::new(vec![Column::flex("Title"), Column::left("Salary")]);
            t.row_short(
                vec!["Payroll Manager".into(), "₹1,02,000–1,30,000".into()],
                vec![None, Some("₹1.02–1.3L".into())],
            );
            t.row_short(
                vec!["Data Entry Operator".into(), "₹18,000–23,000".into()],
                vec![None, Some("₹18–23k".into())],
            );
            t
        };
        // room for the names and the long form: long
        let wide = table().render(60);
        assert!(
            wide.contains("Payroll Manager      ₹1,02,000–1,30,000"),
            "{wide}"
        );
        // not: every row's pay short, the names whole
        let narrow = table().render(32);
        assert!(
            narrow.contains("Payroll Manager      ₹1.02–1.3L"),
            "{narrow}"
        );
        assert!(narrow.contains("Data Entry Operator  ₹18–23k"), "{narrow}");
        assert!(!narrow.contains("₹18,000"), "{narrow}");
        for line in narrow.lines() {
            assert!(line.width() <= 32, "{line:?}");
        }
    }

    #[test]
    fn optional_columns_give_way_to_a_cramped_title() {
        let table = || {
            let mut t = Table::new(vec![
                Column::flex("Title"),
                Column::left("Salary"),
                Column::left("Posted").optional(0),
                Column::left("Mode").optional(1),
            ]);
            t.row(vec![
                "Data Entry Operator".into(),
                "₹18,000–25,000".into(),
                "2025-03-01".into(),
                "Office".into(),
            ]);
            t
        };
        let header = |w: usize| table().render(w).lines().next().unwrap_or("").to_string();
        // room for all: nothing left out
        assert_eq!(
            header(60),
            "Title                Salary          Posted      Mode"
        );
        // the title cut to 12 is not cramped yet
        assert_eq!(header(48), "Title         Salary          Posted      Mode");
        // under 12 it would be: Posted (rank 0) goes first
        assert_eq!(header(44), "Title                Salary          Mode");
        // then Mode too, and the title takes what is left
        assert_eq!(header(32), "Title             Salary");
        let narrow = table().render(30);
        assert!(
            narrow.contains("Data Entry Op…  ₹18,000–25,000"),
            "{narrow}"
        );
        for line in narrow.lines() {
            assert!(line.width() <= 30, "{line:?}");
        }
    }
}
