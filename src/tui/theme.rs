//! Styles from the config's theme, or plain attributes under NO_COLOR.
//!
//! A theme is a value each session holds (`State::theme`), never global:
//! the classroom server gives every student their own. Three are built in
//! (`[theme] name`: "dark", the default, "light" and "high-contrast");
//! each passes a contrast ratio of 4.5:1 (WCAG AA for text) for every
//! pair of colours it draws, computed on the standard xterm palette with
//! the terminal background the theme is made for (see [`contrast`]).

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::config;

/// The styles the screens use.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub accent: Style,
    pub highlight: Style,
    pub selection: Style,
    pub muted: Style,
    pub good: Style,
    pub warn: Style,
    pub bad: Style,
    pub title: Style,
    pub focus_border: Style,
    pub border: Style,
    /// The terminal's own text and background colours the theme is made
    /// for (what `Color::Reset` shows): light on black for "dark" and
    /// "high-contrast", black on white for "light".
    pub fg: Color,
    pub bg: Color,
    /// Colours are off (NO_COLOR).
    pub plain: bool,
}

/// A built-in theme's colours.
struct Palette {
    accent: Color,
    highlight: Color,
    selection_bg: Color,
    selection_fg: Color,
    muted: Color,
    good: Color,
    warn: Color,
    bad: Color,
    fg: Color,
    bg: Color,
}

fn palette(name: &str) -> Palette {
    match name {
        "light" => Palette {
            accent: Color::Blue,
            highlight: Color::Magenta,
            selection_bg: Color::Blue,
            selection_fg: Color::White,
            // xterm 240 (#585858), 28 (#008700), 130 (#af5f00): the 16
            // colours have no grey, green or yellow that reads on white
            muted: Color::Indexed(240),
            good: Color::Indexed(28),
            warn: Color::Indexed(130),
            bad: Color::Red,
            fg: Color::Black,
            bg: Color::White,
        },
        "high-contrast" => Palette {
            accent: Color::LightCyan,
            highlight: Color::LightYellow,
            selection_bg: Color::White,
            selection_fg: Color::Black,
            muted: Color::Gray,
            good: Color::LightGreen,
            warn: Color::LightYellow,
            bad: Color::Indexed(203),
            fg: Color::White,
            bg: Color::Black,
        },
        // "dark", the default: ANSI colours on a dark terminal
        _ => Palette {
            accent: Color::Cyan,
            highlight: Color::Yellow,
            selection_bg: Color::Blue,
            selection_fg: Color::White,
            muted: Color::DarkGray,
            good: Color::Green,
            warn: Color::Yellow,
            bad: Color::LightRed,
            fg: Color::Gray,
            bg: Color::Black,
        },
    }
}

/// A colour set in the config, when it differs from the default (the
/// default's value means "the named theme's").
fn set(value: &str, default: &str) -> Option<Color> {
    (value != default).then(|| value.parse().ok()).flatten()
}

impl Theme {
    /// The built-in theme `name` ("dark", "light", "high-contrast").
    pub fn named(name: &str) -> Theme {
        Theme::from_palette(palette(name))
    }

    fn from_palette(p: Palette) -> Theme {
        Theme {
            accent: Style::new().fg(p.accent).add_modifier(Modifier::BOLD),
            highlight: Style::new().fg(p.highlight).add_modifier(Modifier::BOLD),
            selection: Style::new()
                .bg(p.selection_bg)
                .fg(p.selection_fg)
                .add_modifier(Modifier::BOLD),
            muted: Style::new().fg(p.muted),
            good: Style::new().fg(p.good),
            warn: Style::new().fg(p.warn),
            bad: Style::new().fg(p.bad),
            title: Style::new().add_modifier(Modifier::BOLD),
            focus_border: Style::new().fg(p.accent),
            border: Style::new().fg(p.muted),
            fg: p.fg,
            bg: p.bg,
            plain: false,
        }
    }

    /// The config's theme: the named one, with the colours the config
    /// sets over it (invalid ones were rejected when it loaded).
    pub fn from_config(t: &config::Theme) -> Theme {
        let d = config::Theme::default();
        let mut p = palette(&t.name);
        let pick = |v: &str, dv: &str, c: &mut Color| {
            if let Some(x) = set(v, dv) {
                *c = x;
            }
        };
        pick(&t.accent, &d.accent, &mut p.accent);
        pick(&t.highlight, &d.highlight, &mut p.highlight);
        pick(&t.selection, &d.selection, &mut p.selection_bg);
        pick(&t.muted, &d.muted, &mut p.muted);
        pick(&t.good, &d.good, &mut p.good);
        pick(&t.warn, &d.warn, &mut p.warn);
        pick(&t.bad, &d.bad, &mut p.bad);
        Theme::from_palette(p)
    }

    /// No colour at all: emphasis by bold, underline and reverse video.
    pub fn plain() -> Theme {
        let none = Style::new();
        Theme {
            accent: none.add_modifier(Modifier::BOLD),
            highlight: none.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            selection: none.add_modifier(Modifier::REVERSED),
            muted: none,
            good: none,
            warn: none.add_modifier(Modifier::BOLD),
            bad: none.add_modifier(Modifier::BOLD),
            title: none.add_modifier(Modifier::BOLD),
            focus_border: none.add_modifier(Modifier::BOLD),
            border: none,
            fg: Color::Reset,
            bg: Color::Reset,
            plain: true,
        }
    }

    /// The config's theme, unless `NO_COLOR` is set (https://no-color.org).
    pub fn from_env(t: &config::Theme) -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::from_config(t),
        }
    }

    /// A selected line: every span in the selection's colours (a dim count
    /// or a green mark would not read on it), bold, crossed-out and
    /// underline kept; highlighted text underlined instead of coloured.
    pub fn select<'a>(&self, mut line: Line<'a>) -> Line<'a> {
        let hl = self.highlight.fg;
        for s in &mut line.spans {
            let mut st = s.style.patch(self.selection);
            st.fg = self.selection.fg;
            if hl.is_some() && s.style.fg == hl {
                st = st.add_modifier(Modifier::UNDERLINED);
            }
            s.style = st;
        }
        line.style = line.style.patch(self.selection);
        line
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_config(&config::Theme::default())
    }
}

/// A colour's red, green and blue on the standard xterm palette (its 16
/// colours, the 6×6×6 cube and the grey ramp); `Reset` is `default`.
pub fn rgb(c: Color, default: Color) -> (u8, u8, u8) {
    const ANSI: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let indexed = |i: u8| -> (u8, u8, u8) {
        match i {
            0..=15 => ANSI[usize::from(i)],
            16..=231 => {
                let i = i - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
                (level(i / 36), level((i / 6) % 6), level(i % 6))
            }
            _ => {
                let g = 8 + (i - 232) * 10;
                (g, g, g)
            }
        }
    };
    match c {
        Color::Reset => rgb(default, Color::Black),
        Color::Black => ANSI[0],
        Color::Red => ANSI[1],
        Color::Green => ANSI[2],
        Color::Yellow => ANSI[3],
        Color::Blue => ANSI[4],
        Color::Magenta => ANSI[5],
        Color::Cyan => ANSI[6],
        Color::Gray => ANSI[7],
        Color::DarkGray => ANSI[8],
        Color::LightRed => ANSI[9],
        Color::LightGreen => ANSI[10],
        Color::LightYellow => ANSI[11],
        Color::LightBlue => ANSI[12],
        Color::LightMagenta => ANSI[13],
        Color::LightCyan => ANSI[14],
        Color::White => ANSI[15],
        Color::Indexed(i) => indexed(i),
        Color::Rgb(r, g, b) => (r, g, b),
    }
}

/// WCAG relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag() {
        let white = (255, 255, 255);
        assert!((contrast((0, 0, 0), white) - 21.0).abs() < 1e-9);
        // #777 on white is the classic just-under-AA grey
        assert!((contrast((0x77, 0x77, 0x77), white) - 4.48).abs() < 0.01);
        assert_eq!(rgb(Color::Indexed(240), Color::Reset), (88, 88, 88));
        assert_eq!(rgb(Color::Indexed(16 + 36 * 5), Color::Reset), (255, 0, 0));
    }

    /// Every style's colour on the background, and the selection's.
    fn pairs(t: &Theme) -> Vec<(&'static str, Color, Color)> {
        let mut out: Vec<(&'static str, Color, Color)> = [
            ("text", Style::new()),
            ("accent", t.accent),
            ("highlight", t.highlight),
            ("muted", t.muted),
            ("good", t.good),
            ("warn", t.warn),
            ("bad", t.bad),
            ("title", t.title),
            ("focus border", t.focus_border),
            ("border", t.border),
        ]
        .into_iter()
        .map(|(n, s)| (n, s.fg.unwrap_or(Color::Reset), t.bg))
        .collect();
        let sel = t.selection;
        out.push((
            "selection",
            sel.fg.unwrap_or(Color::Reset),
            sel.bg.unwrap_or(Color::Reset),
        ));
        // whatever a selected line held, it reads in the selection's colours
        for s in [t.muted, t.good, t.bad, t.accent, t.highlight, t.warn] {
            let line = t.select(Line::styled("x", s));
            let st = line.spans[0].style;
            out.push((
                "on the selection",
                st.fg.unwrap_or(Color::Reset),
                st.bg.unwrap_or(Color::Reset),
            ));
        }
        out
    }

    #[test]
    fn every_built_in_theme_reads_at_4_5_to_1() {
        for name in config::THEME_NAMES {
            let t = Theme::named(name);
            for (what, fg, bg) in pairs(&t) {
                let r = contrast(rgb(fg, t.fg), rgb(bg, t.bg));
                assert!(r >= 4.5, "{name}: {what} {fg:?} on {bg:?} is {r:.2}:1");
            }
        }
        assert_eq!(Theme::default(), Theme::named("dark"));
    }

    #[test]
    fn colours_set_in_the_config_override_the_named_theme() {
        let t = Theme::from_config(&config::Theme {
            name: "light".into(),
            accent: "#112233".into(),
            ..config::Theme::default()
        });
        assert_eq!(t.accent.fg, Some(Color::Rgb(0x11, 0x22, 0x33)));
        assert_eq!(t.muted.fg, Some(Color::Indexed(240)), "the rest stay light");
        assert_eq!(t.bg, Color::White);
    }
}
