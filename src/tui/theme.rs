//! Styles from the config's theme, or plain attributes under NO_COLOR.

use ratatui::style::{Color, Modifier, Style};

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
    /// Colours are off (NO_COLOR).
    pub plain: bool,
}

fn color(s: &str, fallback: Color) -> Color {
    s.parse().unwrap_or(fallback)
}

impl Theme {
    /// Colours from the config (invalid ones were rejected when it loaded).
    pub fn from_config(t: &config::Theme) -> Theme {
        let accent = color(&t.accent, Color::Cyan);
        Theme {
            accent: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(color(&t.highlight, Color::Yellow))
                .add_modifier(Modifier::BOLD),
            selection: Style::new()
                .bg(color(&t.selection, Color::Blue))
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            muted: Style::new().fg(color(&t.muted, Color::DarkGray)),
            good: Style::new().fg(color(&t.good, Color::Green)),
            warn: Style::new().fg(color(&t.warn, Color::Yellow)),
            bad: Style::new().fg(color(&t.bad, Color::Red)),
            title: Style::new().add_modifier(Modifier::BOLD),
            focus_border: Style::new().fg(accent),
            border: Style::new().fg(color(&t.muted, Color::DarkGray)),
            plain: false,
        }
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
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_config(&config::Theme::default())
    }
}
