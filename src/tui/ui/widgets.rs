//! Small drawing helpers shared by the screens.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use crate::money::{Period, Rupees, format_range};
use crate::tui::theme::Theme;

/// A bordered box, its border brighter when focused.
pub fn block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(title)
}

/// `text` with the characters at `marks` (char positions) in `hl`.
pub fn highlighted<'a>(text: &'a str, marks: &[usize], base: Style, hl: Style) -> Line<'a> {
    if marks.is_empty() {
        return Line::from(Span::styled(text, base));
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    for (i, c) in text.chars().enumerate() {
        let is_hl = marks.binary_search(&i).is_ok();
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { base.patch(hl) } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_hl { base.patch(hl) } else { base },
        ));
    }
    Line::from(spans)
}

/// A salary range in the display period.
pub fn salary(min: Option<Rupees>, max: Option<Rupees>, period: Period) -> String {
    format_range(min, max, period)
}

/// Rupees in thousands for tight columns: "18", "10.5".
pub fn thousands(n: u32) -> String {
    if n.is_multiple_of(1000) {
        (n / 1000).to_string()
    } else {
        format!("{:.1}", f64::from(n) / 1000.0)
    }
}

/// A rectangle of `w`×`h` centred in `area` (clamped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A horizontal range bar `width` cells wide: blank up to `lo`, filled to
/// `hi`, on a scale where `width` cells are `scale`.
pub fn range_bar(lo: u32, hi: u32, scale: u32, width: usize) -> String {
    if width == 0 || scale == 0 {
        return String::new();
    }
    let cell =
        |v: u32| ((u64::from(v) * width as u64) / u64::from(scale)).min(width as u64) as usize;
    let (a, b) = (cell(lo), cell(hi).max(cell(lo) + 1).min(width));
    let a = a.min(b.saturating_sub(1));
    format!(
        "{}{}{}",
        " ".repeat(a),
        "█".repeat(b - a),
        " ".repeat(width - b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_runs_of_marked_characters() {
        let l = highlighted("Payroll", &[0, 1, 2], Style::new(), Style::new().bold());
        assert_eq!(l.spans.len(), 2);
        assert_eq!(l.spans[0].content, "Pay");
        assert_eq!(l.spans[1].content, "roll");
    }

    #[test]
    fn range_bars_fill_between_the_ends() {
        assert_eq!(range_bar(10, 20, 40, 8), "  ██    ");
        assert_eq!(range_bar(0, 40, 40, 4), "████");
        assert_eq!(range_bar(39, 40, 40, 4), "   █");
        assert_eq!(range_bar(5, 6, 40, 0), "");
    }
}
