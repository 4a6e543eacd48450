//! Text for people: display-width truncation and ages of listings.

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

/// A listing's experience range: "freshers", "1-3 yrs", "2+ yrs" (an
/// open-ended range is stored up to `OPEN_ENDED_MAX_YEARS`), "any
/// experience" (none stated).
pub fn experience(min: u8, max: u8) -> String {
    use crate::import::OPEN_ENDED_MAX_YEARS as OPEN;
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
    fn ages() {
        assert_eq!(age(0), "today");
        assert_eq!(age(3), "3d");
        assert_eq!(age(21), "3w");
        assert_eq!(age(120), "4mo");
    }
}
