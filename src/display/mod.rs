//! Text for people: display-width truncation, column layout and ages of
//! listings.

pub mod columns;
pub mod table;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Cuts `s` to at most `width` display columns, ending in '…' if cut.
/// Widths are display columns, so ₹ and Devanagari line up.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // whole grapheme clusters, measured as ratatui measures a cell: a cut
    // inside one would drop a vowel sign or strand a virama before the "…"
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > width - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// The explicit bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). Not control characters to Rust, but a terminal that
/// does bidi reorders the rest of the line after one, and ratatui passes
/// them through as zero-width text: text from a user or a file drops them
/// like control characters. (Right-to-left letters themselves are kept.)
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from a file made safe to draw: tabs and carriage returns become
/// spaces, line breaks too unless `lines`, other control characters and
/// bidi controls are dropped.
pub fn scrub(s: &str, lines: bool) -> String {
    let s = if lines && s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    s.chars()
        .filter_map(|c| match c {
            '\n' if lines => Some('\n'),
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() || is_bidi_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Text safe to print on a terminal, whatever it holds: control
/// characters (ESC, BEL, ...) become visible symbols (␛, ␇), C1 controls
/// and bidi overrides become U+FFFD, so no escape sequence (a clipboard
/// write, hidden text, a changed title) and no reordering reaches the
/// terminal. Line breaks, tabs and CRLF line ends are kept.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| (c.is_control() && c != '\n' && c != '\t' && c != '\r') || is_bidi_control(c);
    if !s.contains(unsafe_char) && !s.contains('\r') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push('\r'),
            '\n' | '\t' => out.push(c),
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            c if c.is_control() || is_bidi_control(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// JSON text with the characters `serde_json` leaves raw but a terminal
/// acts on (DEL, C1 controls, bidi overrides) written as `\uXXXX`
/// escapes: the same JSON value, safe to print. They can only occur
/// inside strings, where the escape means the same character.
pub fn json_safe(json: &str) -> std::borrow::Cow<'_, str> {
    let escape =
        |c: char| c == '\u{7f}' || (c.is_control() && c as u32 >= 0x80) || is_bidi_control(c);
    if !json.contains(escape) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a cell starts (after any `'`s) with a character that makes a
/// spreadsheet run it as a formula.
fn formula_like(s: &str) -> bool {
    s.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A CSV cell a spreadsheet will not run as a formula: one starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
/// (OWASP's advice against CSV injection); so does one that already
/// starts with `'`s before such a character, so that
/// [`csv_cell_restored`] gives back exactly the text it came from.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if formula_like(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A cell read from CSV with the `'` that [`csv_cell`] adds taken off.
pub fn csv_cell_restored(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(s) => rest,
        _ => s,
    }
}

/// The upper end an open-ended experience range ("2+ yrs") is stored with.
pub const OPEN_ENDED_MAX_YEARS: u8 = 50;

/// "1 result", "2,000 results": a count and its noun, singular for one
/// (digits grouped the Indian way, 1,20,000).
pub fn count(n: u64, noun: &str) -> String {
    let n_text = crate::money::group_indian(n);
    if n == 1 {
        format!("{n_text} {noun}")
    } else {
        format!("{n_text} {noun}s")
    }
}

/// A listing's experience range: "freshers", "1-3 yrs", "2+ yrs" (an
/// open-ended range is stored up to `OPEN_ENDED_MAX_YEARS`), "any
/// experience" (none stated).
pub fn experience(min: u8, max: u8) -> String {
    use OPEN_ENDED_MAX_YEARS as OPEN;
    match (min, max) {
        (_, 0) => "freshers".to_string(),
        (0, m) if m >= OPEN => "any experience".to_string(),
        (n, m) if m >= OPEN => format!("{n}+ yrs"),
        (n, m) if n == m => format!("{n} yrs"),
        (n, m) => format!("{n}-{m} yrs"),
    }
}

/// `text` in lines of at most `width` columns (as terminals count them),
/// broken at spaces, filled greedily; a word longer than a line is cut
/// between characters, never inside one.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let opts = textwrap::Options::new(width.max(1))
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    textwrap::wrap(text, opts)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// "today", "3d", "5w", "4mo": how long ago a listing was posted.
pub fn age(days: i32) -> String {
    match days {
        i32::MIN..=0 => "today".to_string(),
        1..=13 => format!("{days}d"),
        14..=89 => format!("{}w", days / 7),
        _ => format!("{}mo", days / 30),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_only_overlong_words() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("Scheduling, Email", 11), ["Scheduling,", "Email"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("डेटा एंट्री", 4), ["डेटा", "एंट्री"]);
    }

    #[test]
    fn experience_ranges_read_as_people_write_them() {
        assert_eq!(experience(0, 0), "freshers");
        assert_eq!(experience(1, 3), "1-3 yrs");
        assert_eq!(experience(2, 2), "2 yrs");
        assert_eq!(experience(2, 50), "2+ yrs");
        assert_eq!(experience(0, 50), "any experience");
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Payroll Specialist", 8), "Payroll…");
        assert_eq!(truncate("short", 8), "short");
        assert!(truncate("डेटा एंट्री ऑपरेटर", 6).width() <= 6);
        assert_eq!(truncate("₹18,000–25,000", 20), "₹18,000–25,000");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn truncation_keeps_grapheme_clusters_whole() {
        use unicode_segmentation::UnicodeSegmentation;
        let title = "Computer Operator / डेटा एंट्री ऑपरेटर";
        let clusters: Vec<&str> = title.graphemes(true).collect();
        for width in 1..title.width() {
            let t = truncate(title, width);
            assert!(t.width() <= width, "{width}: {t:?}");
            let kept = t.trim_end_matches('…');
            // a prefix made of whole clusters of the title
            let mut n = 0;
            let mut prefix = String::new();
            while prefix.len() < kept.len() {
                prefix.push_str(clusters[n]);
                n += 1;
            }
            assert_eq!(prefix, kept, "{width}: {t:?}");
        }
        // टा is one cluster two columns wide: with one column left for it
        // it goes whole rather than leave ट without its vowel sign
        assert_eq!(truncate(title, 23), "Computer Operator / डे…");
        assert_eq!(truncate(title, 24), "Computer Operator / डेटा…");
        // and ट्री (ट, virama, र, ी) is one cluster of three
        assert_eq!(truncate(title, 27), "Computer Operator / डेटा एं…");
    }

    #[test]
    fn escapes_never_reach_the_terminal() {
        let evil = "a\u{1b}]52;c;aGk=\u{7}b\u{1b}[8mhidden\u{202e}x\u{9b}2J\r\nend\rz";
        let safe = terminal_safe(evil);
        assert!(
            !safe.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}']),
            "{safe:?}"
        );
        assert!(safe.contains("␛]52;c;aGk=␇b␛[8m"), "{safe:?}");
        assert!(
            safe.contains("\r\nend␍z"),
            "CRLF kept, a lone CR shown: {safe:?}"
        );
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        let json = serde_json::to_string(&"x\u{202e}y\u{9b}").expect("json");
        let safe = json_safe(&json);
        assert_eq!(safe, "\"x\\u202ey\\u009b\"");
        let back: String = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, "x\u{202e}y\u{9b}");
    }

    #[test]
    fn csv_cells_never_start_a_formula_and_read_back() {
        for s in [
            "=HYPERLINK(\"x\")",
            "+cmd|' /C calc'!A0",
            "-1+2",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let c = csv_cell(s);
            assert!(c.starts_with('\''), "{c}");
            assert_eq!(csv_cell_restored(&c), s);
        }
        assert_eq!(csv_cell("Pune"), "Pune");
        assert_eq!(csv_cell_restored("'quoted"), "'quoted", "other quotes stay");
        // text that itself starts with a quote before a formula sign
        for s in ["'->c", "''=x", "'", "''", "'hello"] {
            assert_eq!(csv_cell_restored(&csv_cell(s)), s, "{s}");
        }
    }

    #[test]
    fn ages() {
        assert_eq!(age(0), "today");
        assert_eq!(age(3), "3d");
        assert_eq!(age(21), "3w");
        assert_eq!(age(120), "4mo");
    }
}
