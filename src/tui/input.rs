//! A text input: a string and a cursor (in characters, always on a
//! grapheme-cluster boundary, so "डे" or "👩‍💻" is stepped over whole).

use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::Span;

use crate::display::is_bidi_control;

/// Longest text an input keeps; the rest of a huge paste is dropped.
pub const MAX_INPUT: usize = 200;

/// Terminal columns `s` takes as ratatui draws it: grapheme by grapheme,
/// control characters dropped. (unicode-width on a whole string counts
/// some sequences differently, e.g. Arabic lam-alef as one column.)
pub fn columns(s: &str) -> usize {
    Span::raw(s)
        .styled_graphemes(Style::new())
        .map(|g| usize::from(g.symbol.cell_width()))
        .sum()
}

/// What a box `width` columns wide shows of a line with the cursor at
/// display column `cursor` so that the cursor stays in view: the line from
/// some column on (a wide character cut in two leaves a blank), and the
/// cursor's column in the box.
pub fn window(line: &str, cursor: usize, width: usize) -> (String, usize) {
    let from = cursor.saturating_sub(width.saturating_sub(1));
    if from == 0 {
        return (line.to_string(), cursor);
    }
    let mut out = String::new();
    let mut at = 0;
    for g in Span::raw(line).styled_graphemes(Style::new()) {
        let w = usize::from(g.symbol.cell_width());
        if at >= from {
            out.push_str(g.symbol);
        } else if at + w > from {
            out.push_str(&" ".repeat(at + w - from));
        }
        at += w;
    }
    (out, cursor - from)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
    /// Keeps line breaks (notes) instead of turning them into spaces.
    multiline: bool,
    /// The most characters typing and pasting may bring it to (0: the
    /// default, [`MAX_INPUT`] or [`MAX_MULTILINE`]).
    max: usize,
}

/// Longest text a multi-line input keeps: the notes' limit.
pub const MAX_MULTILINE: usize = crate::tracker::limits::NOTES;

impl TextInput {
    /// An input that keeps line breaks.
    pub fn multiline() -> TextInput {
        TextInput {
            multiline: true,
            ..TextInput::default()
        }
    }

    /// An input holding `s` whole, however long (a value stored before
    /// the limit, which the form must not cut), that typing and pasting
    /// can bring to at most `max` characters.
    pub fn holding(s: &str, max: usize, multiline: bool) -> TextInput {
        let mut t = TextInput {
            multiline,
            max,
            ..TextInput::default()
        };
        let clean: String = if multiline {
            crate::display::scrub(s, true)
        } else {
            crate::display::scrub(s, false)
        };
        t.cursor = clean.chars().count();
        t.text = clean;
        t
    }

    /// The most characters this input takes.
    pub fn limit(&self) -> usize {
        match (self.max, self.multiline) {
            (0, true) => MAX_MULTILINE,
            (0, false) => MAX_INPUT,
            (m, _) => m,
        }
    }

    /// A one-line input holding `s`.
    pub fn with(s: &str) -> TextInput {
        let mut t = TextInput::default();
        t.set(s);
        t
    }

    /// (line, display column) of the cursor.
    pub fn cursor_line_col(&self) -> (usize, usize) {
        let before = &self.text[..self.byte_at(self.cursor)];
        let line = before.matches('\n').count();
        let col = columns(before.rsplit('\n').next().unwrap_or(""));
        (line, col)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, char_ix: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_ix)
            .map_or(self.text.len(), |(b, _)| b)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Char positions where the grapheme clusters start, and the end.
    fn stops(&self) -> impl Iterator<Item = usize> + '_ {
        use unicode_segmentation::UnicodeSegmentation;
        let mut at = 0;
        self.text
            .graphemes(true)
            .map(move |g| {
                let start = at;
                at += g.chars().count();
                start
            })
            .chain(std::iter::once(self.len()))
    }

    /// The cluster boundary before the cursor (0 at the start).
    fn prev_stop(&self) -> usize {
        self.stops()
            .take_while(|&s| s < self.cursor)
            .last()
            .unwrap_or(0)
    }

    /// The cluster boundary after the cursor (the end at the end).
    fn next_stop(&self) -> usize {
        self.stops()
            .find(|&s| s > self.cursor)
            .unwrap_or_else(|| self.len())
    }

    /// Inserts text at the cursor: control characters and bidi overrides
    /// dropped, line breaks and tabs become spaces, the total capped at
    /// [`MAX_INPUT`]. Returns false when something had to be dropped for
    /// length.
    pub fn insert_str(&mut self, s: &str) -> bool {
        let room = self.limit().saturating_sub(self.len());
        let keep_lines = self.multiline;
        let clean: String = s
            .replace("\r\n", "\n")
            .chars()
            .map(|c| match c {
                '\n' if keep_lines => '\n',
                '\n' | '\r' | '\t' => ' ',
                c => c,
            })
            .filter(|&c| c == '\n' || !(c.is_control() || is_bidi_control(c)))
            .collect();
        let take: String = clean.chars().take(room).collect();
        let n = take.chars().count();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &take);
        self.cursor += n;
        n == clean.chars().count()
    }

    pub fn insert(&mut self, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buf))
    }

    /// Deletes back one character: the last vowel sign or accent of a
    /// cluster alone (how Indic keyboards correct a matra), but an emoji
    /// sequence (joined, with a skin tone, a flag) as a whole, which
    /// would otherwise leave invisible pieces behind.
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let from = self.prev_stop();
        let end = self.byte_at(self.cursor);
        let cluster = &self.text[self.byte_at(from)..end];
        let whole = cluster.chars().any(|c| {
            matches!(c, '\u{200d}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{1f1e6}'..='\u{1f1ff}')
        });
        let start = if whole {
            self.byte_at(from)
        } else {
            self.byte_at(self.cursor - 1)
        };
        let removed = self.text[start..end].chars().count();
        self.text.replace_range(start..end, "");
        self.cursor -= removed;
    }

    /// Deletes the cluster after the cursor.
    pub fn delete(&mut self) {
        if self.cursor >= self.len() {
            return;
        }
        let start = self.byte_at(self.cursor);
        let end = self.byte_at(self.next_stop());
        self.text.replace_range(start..end, "");
    }

    /// Deletes the word before the cursor (ctrl-w).
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor.min(chars.len());
        while i > 0 && chars[i - 1] == ' ' {
            i -= 1;
        }
        while i > 0 && chars[i - 1] != ' ' {
            i -= 1;
        }
        let (start, end) = (self.byte_at(i), self.byte_at(self.cursor));
        self.text.replace_range(start..end, "");
        self.cursor = i;
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn set(&mut self, s: &str) {
        self.clear();
        self.insert_str(s);
    }

    pub fn left(&mut self) {
        self.cursor = self.prev_stop();
    }

    pub fn right(&mut self) {
        self.cursor = self.next_stop();
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Applies a text-editing action. `None` when the action is not one;
    /// otherwise whether everything typed or pasted was kept (false when a
    /// paste was cut at the length limit).
    pub fn apply(&mut self, action: &super::action::Action) -> Option<bool> {
        use super::action::Action;
        Some(match action {
            Action::Insert(c) => self.insert(*c),
            Action::Paste(s) => self.insert_str(s),
            Action::Backspace => {
                self.backspace();
                true
            }
            Action::Delete => {
                self.delete();
                true
            }
            Action::DeleteWord => {
                self.delete_word();
                true
            }
            Action::ClearInput => {
                self.clear();
                true
            }
            Action::CursorLeft => {
                self.left();
                true
            }
            Action::CursorRight => {
                self.right();
                true
            }
            Action::CursorHome => {
                self.home();
                true
            }
            Action::CursorEnd => {
                self.end();
                true
            }
            _ => return None,
        })
    }

    /// Display columns before the cursor (on its line).
    pub fn cursor_column(&self) -> usize {
        self.cursor_line_col().1
    }

    /// A one-line input in a box `width` columns wide: what it shows and
    /// the cursor's column (see [`window`]).
    pub fn window(&self, width: usize) -> (String, usize) {
        window(&self.text, self.cursor_column(), width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor() {
        let mut t = TextInput::default();
        t.insert_str("payrl");
        t.left();
        t.insert('o');
        assert_eq!(t.text(), "payrol");
        t.end();
        t.insert_str(" pune");
        t.delete_word();
        assert_eq!(t.text(), "payrol ");
        t.backspace();
        t.home();
        t.delete();
        assert_eq!(t.text(), "ayrol");
        assert_eq!(t.cursor(), 0);
    }

    #[test]
    fn wide_and_multibyte_characters() {
        let mut t = TextInput::default();
        t.insert_str("डेटा ₹");
        assert_eq!(t.cursor(), "डेटा ₹".chars().count());
        t.backspace();
        assert_eq!(t.text(), "डेटा ");
        assert!(t.cursor_column() <= 5);
    }

    #[test]
    fn the_cursor_steps_over_whole_clusters() {
        let mut t = TextInput::with("aडेटा👩‍💻b");
        let stops = |t: &mut TextInput| {
            t.home();
            let mut v = vec![t.cursor()];
            for _ in 0..8 {
                t.right();
                v.push(t.cursor());
            }
            v
        };
        // a, डे, टा, 👩‍💻 (three chars), b
        assert_eq!(stops(&mut t), [0, 1, 3, 5, 8, 9, 9, 9, 9]);
        t.left();
        t.left();
        assert_eq!(t.cursor(), 5);
        // delete takes the whole emoji sequence
        t.delete();
        assert_eq!(t.text(), "aडेटाb");
        // backspace takes a vowel sign alone, an emoji sequence whole
        t.end();
        t.left();
        t.backspace();
        assert_eq!(t.text(), "aडेटb");
        assert_eq!(t.cursor(), 4);
        let mut t = TextInput::with("x👩‍💻");
        t.backspace();
        assert_eq!((t.text(), t.cursor()), ("x", 1));
        let mut t = TextInput::with("🇮🇳");
        t.backspace();
        assert_eq!((t.text(), t.cursor()), ("", 0));
    }

    #[test]
    fn columns_are_counted_as_drawn() {
        assert_eq!(columns("payroll"), 7);
        assert_eq!(columns("₹ डेटा"), 5);
        assert_eq!(columns("👩‍💻🇮🇳"), 4);
        // two cells to ratatui, one column to unicode-width
        assert_eq!(columns("لا"), 2);
        assert_eq!(columns("a\u{1b}b"), 2);
    }

    #[test]
    fn the_window_keeps_the_cursor_in_view() {
        let mut t = TextInput::with("payroll pune");
        assert_eq!(t.window(20), ("payroll pune".to_string(), 12));
        assert_eq!(t.window(5), ("pune".to_string(), 4));
        t.home();
        assert_eq!(t.window(5), ("payroll pune".to_string(), 0));
        // a wide character cut in two by the edge leaves a blank
        let t = TextInput::with("a数据b");
        assert_eq!(t.window(5), (" 据b".to_string(), 4));
        assert_eq!(t.window(4), ("据b".to_string(), 3));
        assert_eq!(t.window(3), (" b".to_string(), 2));
    }

    #[test]
    fn multiline_inputs_keep_line_breaks() {
        let mut t = TextInput::multiline();
        t.insert_str("called HR\r\ncall back Monday");
        assert_eq!(t.text(), "called HR\ncall back Monday");
        assert_eq!(t.cursor_line_col(), (1, 16));
        t.insert('\n');
        assert_eq!(t.cursor_line_col(), (2, 0));
    }

    #[test]
    fn pastes_are_cleaned_and_capped() {
        let mut t = TextInput::default();
        assert!(t.insert_str("a\nb\tc\u{1b}[31m"));
        assert_eq!(t.text(), "a b c[31m");
        t.clear();
        // right-to-left text stays; an override that would flip the line goes
        assert!(t.insert_str("محاسب\u{202e}x\u{2067}y\u{200d}"));
        assert_eq!(t.text(), "محاسبxy\u{200d}");
        t.clear();
        let huge = "x".repeat(100_000);
        assert!(!t.insert_str(&huge));
        assert_eq!(t.text().chars().count(), MAX_INPUT);
    }
}
