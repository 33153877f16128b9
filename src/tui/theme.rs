//! Colours and emphasis, with a plain variant for `NO_COLOR` terminals and a light one for
//! dark text on a light background. Selection never relies on colour alone: the selected row
//! also carries a `▶` marker.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    /// Colours that read on a light background (no yellow or cyan text).
    pub light: bool,
}

impl Theme {
    /// No colour at all: what the snapshot tests draw, and what `NO_COLOR` asks for.
    pub const PLAIN: Theme = Theme {
        color: false,
        light: false,
    };

    /// Colour unless the `NO_COLOR` convention asks for none; light colours when
    /// `SHOUTOUT_THEME=light`, or when the terminal says its background is light
    /// (`COLORFGBG`, as rxvt, Konsole and others set it).
    pub fn from_env() -> Theme {
        let var = |name| std::env::var(name).unwrap_or_default();
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            light: match var("SHOUTOUT_THEME").as_str() {
                "light" => true,
                "dark" => false,
                _ => light_background(&var("COLORFGBG")),
            },
        }
    }

    /// The accent colour of titles and keys: cyan on dark, blue on light.
    fn accent(self) -> Color {
        if self.light { Color::Blue } else { Color::Cyan }
    }

    fn pick(self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn title(self) -> Style {
        self.pick(
            Style::new().fg(self.accent()).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn header(self) -> Style {
        let color = if self.light {
            Color::Magenta
        } else {
            Color::Yellow
        };
        self.pick(
            Style::new().fg(color).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn selected(self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    pub fn tab_active(self) -> Style {
        self.pick(
            Style::new()
                .fg(if self.light {
                    Color::White
                } else {
                    Color::Black
                })
                .bg(self.accent())
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn dim(self) -> Style {
        let color = if self.light {
            Color::Gray
        } else {
            Color::DarkGray
        };
        self.pick(Style::new().fg(color), Style::new())
    }

    pub fn key(self) -> Style {
        self.pick(
            Style::new().fg(self.accent()).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn error(self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn good(self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn bad(self) -> Style {
        self.pick(Style::new().fg(Color::Red), Style::new())
    }
}

/// Whether `COLORFGBG` ("foreground;background" as ANSI colour numbers) names a light
/// background: 7 (white) or 9–15 (the bright colours but for 8, bright black).
fn light_background(colorfgbg: &str) -> bool {
    colorfgbg
        .rsplit(';')
        .next()
        .and_then(|bg| bg.parse::<u8>().ok())
        .is_some_and(|bg| bg == 7 || (9..=15).contains(&bg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_light_background_is_recognised_from_colorfgbg() {
        assert!(light_background("0;15"));
        assert!(light_background("0;default;7"));
        assert!(!light_background("15;0"));
        assert!(!light_background("7;8"));
        assert!(!light_background(""));
    }

    #[test]
    fn the_light_theme_has_no_yellow_or_cyan_text_and_plain_has_no_colour() {
        let light = Theme {
            color: true,
            light: true,
        };
        for style in [light.title(), light.header(), light.key(), light.dim()] {
            assert!(
                !matches!(style.fg, Some(Color::Yellow | Color::Cyan)),
                "{style:?}"
            );
        }
        let plain = Theme::PLAIN;
        for style in [plain.title(), plain.header(), plain.selected(), plain.dim()] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
    }
}
