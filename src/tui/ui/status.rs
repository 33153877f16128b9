//! The status line above the footer: the last message (an error with `! `), wrapped between
//! words over up to three lines; while searching, the search being typed.

use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The status message as shown (`! ` before an error), made visible.
fn status_text(app: &App) -> Option<String> {
    let status = app.status.as_ref()?;
    let prefix = if status.error { "! " } else { "" };
    Some(format!("{prefix}{}", crate::domain::visible(&status.text)))
}

/// Lines the status needs at `width` to be read whole: it wraps rather than being cut, up to
/// three lines (past them a message is cut, and the table keeps the rest of the screen).
pub(super) fn status_height(app: &App, width: u16) -> u16 {
    match status_text(app) {
        Some(text) if !app.searching => wrap_chars(&text, width).len().clamp(1, 3) as u16,
        _ => 1,
    }
}

/// Splits `text` into lines of at most `width` terminal columns: at the last space that
/// fits, so a number or a word is never cut in two, and at any character only where one
/// word is wider than a line (a path has no spaces to break at).
fn wrap_chars(text: &str, width: u16) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let width = usize::from(width.max(2));
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            let line = lines.last_mut().expect("one line at least");
            // The word being written moves down whole, when the line has a space before it.
            let carried = match line.rfind(' ') {
                Some(at) if at > 0 && c != ' ' => line.split_off(at + 1),
                _ => String::new(),
            };
            used = carried.width();
            lines.push(carried);
            if c == ' ' {
                continue;
            }
        }
        used += w;
        lines.last_mut().expect("one line at least").push(c);
    }
    lines
}

pub(super) fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if app.searching {
        let line = Line::from(vec![
            Span::styled("/", theme.key()),
            Span::raw(app.search.value().to_string()),
        ]);
        frame.render_widget(line, area);
        let x = area.x + 1 + app.search.visual_cursor() as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        return;
    }
    if let (Some(status), Some(text)) = (&app.status, status_text(app)) {
        let style = if status.error {
            theme.error()
        } else {
            theme.good()
        };
        let lines: Vec<Line> = wrap_chars(&text, area.width)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
}

#[cfg(test)]
mod tests {
    use super::wrap_chars;

    /// The status wraps between words, so "1,234.50" is never cut across lines; a path with
    /// no spaces still wraps at its width.
    #[test]
    fn the_status_wraps_between_words_and_a_long_word_at_its_width() {
        let lines = wrap_chars("imported 1,234.50 of revenue from 48 orders", 16);
        assert_eq!(
            lines,
            ["imported ", "1,234.50 of ", "revenue from 48 ", "orders"]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 16));
        let path = wrap_chars("/home/maya/exports/orders_2026.csv", 12);
        assert_eq!(path.concat(), "/home/maya/exports/orders_2026.csv");
        assert!(path.iter().all(|l| l.chars().count() <= 12));
    }
}
