//! Word wrapping for styled lines, measured the way the buffer measures.
//!
//! ratatui 0.30's `Paragraph::wrap` can emit a line wider than its area
//! when a wide grapheme (a CJK character, a Devanagari conjunct such as
//! "ट्री", an emoji) ends a word at the edge: it checks the width before
//! adding the grapheme, not after (ratatui issue #2679, fix pending in
//! PR #2680). The overflow lands on the pane's border, and in a terminal
//! shifts the rest of the row. Panes here wrap with [`lines`] first and
//! draw the result unwrapped, so every line fits by construction.

use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

/// One grapheme of a line, with its style and width in cells.
#[derive(Clone, Copy)]
struct Grapheme<'a> {
    symbol: &'a str,
    style: Style,
    width: u16,
}

impl Grapheme<'_> {
    fn is_space(&self) -> bool {
        self.symbol.chars().all(char::is_whitespace)
    }
}

/// `text` wrapped to `width` cells, ready to draw without `.wrap`.
pub fn paragraph<'a>(text: impl Into<Text<'a>>, width: u16, trim: bool) -> Paragraph<'static> {
    Paragraph::new(lines(&text.into().lines, width, trim))
}

/// `input` in lines of at most `width` cells: broken after spaces, filled
/// greedily; a word wider than a line is cut between graphemes, never
/// inside one. The spaces at a break are dropped; `trim` drops the leading
/// spaces of each input line too (otherwise indentation stays). Styles,
/// line styles and alignments carry over. As ratatui draws them, control
/// characters, zero-width graphemes (a lone combining mark) and graphemes
/// wider than the whole line are left out.
pub fn lines(input: &[Line<'_>], width: u16, trim: bool) -> Vec<Line<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in input {
        let mut graphemes: Vec<Grapheme<'_>> = Vec::new();
        for span in &line.spans {
            let text = span.content.as_ref();
            if text.is_ascii() {
                // one byte, one cell (most of every pane): no segmenting
                graphemes.extend(
                    (0..text.len())
                        .filter(|&i| !text.as_bytes()[i].is_ascii_control())
                        .map(|i| Grapheme {
                            symbol: &text[i..=i],
                            style: span.style,
                            width: 1,
                        }),
                );
                continue;
            }
            graphemes.extend(
                span.styled_graphemes(Style::default())
                    .map(|g| Grapheme {
                        symbol: g.symbol,
                        style: g.style,
                        width: g.symbol.cell_width(),
                    })
                    .filter(|g| g.width > 0 && g.width <= width),
            );
        }
        for row in rows(&graphemes, width, trim) {
            out.push(Line {
                spans: spans(row),
                style: line.style,
                alignment: line.alignment,
            });
        }
    }
    out
}

/// Greedy first fit of one line's graphemes into rows of `width` cells.
fn rows<'g, 'a>(gs: &'g [Grapheme<'a>], width: u16, trim: bool) -> Vec<Vec<Grapheme<'a>>> {
    let mut rows = Vec::new();
    let mut row: Vec<Grapheme<'a>> = Vec::new();
    let mut used = 0u16;
    let mut i = 0;
    // leading spaces: kept (as far as they fit) unless trimmed
    while let Some(g) = gs.get(i).filter(|g| g.is_space()) {
        if !trim && used + g.width <= width {
            row.push(*g);
            used += g.width;
        }
        i += 1;
    }
    while i < gs.len() {
        let word_end = gs[i..]
            .iter()
            .position(Grapheme::is_space)
            .map_or(gs.len(), |n| i + n);
        let spaces_end = gs[word_end..]
            .iter()
            .position(|g| !g.is_space())
            .map_or(gs.len(), |n| word_end + n);
        let word = &gs[i..word_end];
        let word_w: u16 = word.iter().map(|g| g.width).sum();
        if used > 0 && used + word_w > width {
            push_row(&mut rows, &mut row);
            used = 0;
        }
        for g in word {
            // only a word wider than a whole line gets here too full
            if used + g.width > width {
                push_row(&mut rows, &mut row);
                used = 0;
            }
            row.push(*g);
            used += g.width;
        }
        // the spaces after it, those that fit; the rest fall at the break
        for g in &gs[word_end..spaces_end] {
            if used + g.width <= width {
                row.push(*g);
                used += g.width;
            }
        }
        i = spaces_end;
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows
}

/// Ends a row at a break: its trailing spaces go.
fn push_row<'a>(rows: &mut Vec<Vec<Grapheme<'a>>>, row: &mut Vec<Grapheme<'a>>) {
    while row.last().is_some_and(Grapheme::is_space) {
        row.pop();
    }
    rows.push(std::mem::take(row));
}

/// A row as spans, one per run of the same style.
fn spans(row: Vec<Grapheme<'_>>) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    for g in row {
        match out.last_mut() {
            Some(s) if s.style == g.style => s.content.to_mut().push_str(g.symbol),
            _ => out.push(Span::styled(g.symbol.to_string(), g.style)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::Stylize;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    fn cells(l: &Line<'_>) -> u16 {
        l.spans
            .iter()
            .map(|s| s.content.as_ref().cell_width())
            .sum()
    }

    #[test]
    fn breaks_at_spaces_and_cuts_only_overlong_words() {
        assert_eq!(plain("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(plain("abcd efgh", 9), ["abcd efgh"]);
        assert_eq!(plain("abcd efghi", 9), ["abcd", "efghi"]);
        assert_eq!(plain("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(plain("", 5), [""]);
        assert!(lines(&[Line::from("abc")], 0, false).is_empty());
    }

    fn plain(s: &str, width: u16) -> Vec<String> {
        plain_trim(s, width, false)
    }

    fn plain_trim(s: &str, width: u16, trim: bool) -> Vec<String> {
        texts(&lines(&[Line::from(s)], width, trim))
    }

    #[test]
    fn keeps_indentation_unless_trimmed() {
        assert_eq!(plain_trim("  • one two", 8, false), ["  • one", "two"]);
        assert_eq!(plain_trim("  • one two", 8, true), ["• one", "two"]);
    }

    /// The case ratatui's wrapper gets wrong: a wide grapheme ending a
    /// word one cell before the edge.
    #[test]
    fn wide_graphemes_never_cross_the_edge() {
        assert_eq!(plain("ab 日 x", 4), ["ab", "日 x"]);
        let title = "Data Entry Specialist / डेटा एंट्री ऑपरेटर";
        let got = lines(&[Line::from(title)], 30, false);
        assert_eq!(texts(&got), ["Data Entry Specialist / डेटा", "एंट्री ऑपरेटर"]);
        assert!(got.iter().all(|l| cells(l) <= 30));
        // a grapheme wider than the line is left out, as ratatui does
        assert_eq!(plain("a日b", 1), ["a", "b"]);
    }

    #[test]
    fn styles_alignment_and_line_style_carry_over() {
        let line = Line::from(vec!["Pay".bold(), "roll clerk".into()])
            .centered()
            .yellow();
        let got = lines(&[line], 6, false);
        assert_eq!(texts(&got), ["Payrol", "l", "clerk"]);
        assert_eq!(got[0].spans.len(), 2);
        assert_eq!(got[0].spans[0].content, "Pay");
        assert_eq!(got[0].spans[0].style, Style::new().bold());
        assert_eq!(got[0].spans[1].content, "rol");
        assert!(
            got.iter()
                .all(|l| l.alignment == Some(ratatui::layout::Alignment::Center))
        );
        assert!(got.iter().all(|l| l.style == Style::new().yellow()));
    }

    #[test]
    fn drops_controls_and_lone_marks() {
        assert_eq!(plain("\u{301}a\u{7}b c", 10), ["ab c"]);
    }

    fn arb_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("a"),
            Just("word"),
            Just(" "),
            Just("  "),
            Just("日本"),
            Just("डेटा"),
            Just("ट्री"),
            Just("e\u{301}"),
            Just("👩‍💻"),
            Just("\t"),
            Just("₹1,20,000"),
            Just("\u{301}"),
        ];
        prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        /// Every row fits; no visible grapheme is lost or reordered, except
        /// those wider than the whole line.
        #[test]
        fn rows_fit_and_keep_every_visible_grapheme(
            text in arb_text(),
            width in 1u16..40,
            trim in any::<bool>(),
        ) {
            use unicode_segmentation::UnicodeSegmentation;
            let got = lines(&[Line::from(text.as_str())], width, trim);
            prop_assert!(!got.is_empty());
            for l in &got {
                prop_assert!(cells(l) <= width, "{:?} is wider than {}", l.to_string(), width);
            }
            let visible = |s: &str| -> Vec<String> {
                s.graphemes(true)
                    .filter(|g| !g.chars().all(char::is_whitespace))
                    .filter(|g| !g.contains(char::is_control))
                    .filter(|g| (1..=width).contains(&g.cell_width()))
                    .map(str::to_string)
                    .collect()
            };
            let joined: String = texts(&got).concat();
            prop_assert_eq!(visible(&joined), visible(&text));
        }
    }
}
