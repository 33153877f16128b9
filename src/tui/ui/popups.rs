//! Dialogs drawn over a screen: forms, the import path and preview, confirmations and help.

use super::centered;
use crate::domain::fmt2;
use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::form::FormKind;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

fn popup(frame: &mut Frame, width: u16, height: u16, title: &str, theme: Theme) -> Rect {
    let area = centered(frame.area(), width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .title_style(theme.title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Splits text into lines of at most `width` columns, at spaces where possible.
/// Text from data (a file name, a code, an error quoting a cell) is made visible first.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = crate::domain::visible(text);
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if candidate.width() <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word longer than the line (a URL) is cut by columns.
        let mut rest = word.to_string();
        while rest.width() > width {
            let mut cut = String::new();
            for c in rest.chars() {
                if (cut.clone() + &c.to_string()).width() > width {
                    break;
                }
                cut.push(c);
            }
            rest = rest[cut.len()..].to_string();
            lines.push(cut);
        }
        line = rest;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

pub(super) fn draw_form(frame: &mut Frame, app: &App, form: &Form, theme: Theme) {
    const WIDTH: u16 = 76;
    let label_w = form
        .fields
        .iter()
        .map(|f| f.label.width())
        .max()
        .unwrap_or(0)
        + 2;
    let inner_w = (WIDTH.min(frame.area().width) - 2) as usize;
    let value_w = inner_w.saturating_sub(label_w + 2);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "› " } else { "  " };
        let value = f.input.value();
        let mut spans = vec![
            Span::styled(marker, theme.key()),
            Span::styled(
                format!("{:<label_w$}", f.label),
                if focused { theme.header() } else { theme.dim() },
            ),
        ];
        if f.is_choice() {
            spans.push(Span::raw(format!("‹ {value} ›")));
        } else {
            let scroll = f.input.visual_scroll(value_w.max(1));
            let shown: String = value.chars().skip(scroll).collect();
            if f.selected {
                // Selected: typing replaces it.
                spans.push(Span::styled(shown, theme.selected()));
            } else {
                spans.push(Span::raw(shown));
            }
            if focused {
                let x = 2 + label_w + f.input.visual_cursor().saturating_sub(scroll);
                cursor = Some((x, lines.len()));
            }
            if value.is_empty() && !f.hint.is_empty() {
                spans.push(Span::styled(f.hint.clone(), theme.dim()));
            }
        }
        lines.push(Line::from(spans));
        if let Some(e) = &f.error {
            lines.extend(error_lines(e, f.selected, label_w, value_w, theme));
        }
    }
    if let Some(e) = &form.error {
        for part in wrap(&format!("! {e}"), inner_w) {
            lines.push(Line::styled(part, theme.error()));
        }
    }
    if form.kind == FormKind::Link {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Link (Enter saves and copies, Ctrl-Y copies):",
            theme.dim(),
        ));
        for part in wrap(&crate::tui::forms::link::shown(&app.seen(), form), inner_w) {
            lines.push(Line::raw(part));
        }
    }
    let inner = popup(frame, WIDTH, lines.len() as u16 + 2, &form.title, theme);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, row)) = cursor {
        let x = (inner.x + x as u16).min(inner.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, inner.y + row as u16));
    }
}

pub(super) fn draw_import_path(
    frame: &mut Frame,
    [input, shop]: [&tui_input::Input; 2],
    on_shop: bool,
    error: Option<&str>,
    candidates: &[String],
    theme: Theme,
) {
    let shown = candidates.len().min(8);
    let height = 8 + shown as u16 + if error.is_some() { 3 } else { 0 };
    let inner = popup(frame, 76, height, "Import an order export", theme);
    let mut lines = vec![
        Line::styled(
            "Path of the CSV file (Tab completes, Enter previews):",
            theme.dim(),
        ),
        Line::from(vec![
            Span::styled("› ", theme.key()),
            Span::raw(input.value().to_string()),
        ]),
    ];
    for c in candidates.iter().take(shown) {
        lines.push(Line::styled(format!("    {c}"), theme.dim()));
    }
    if candidates.len() > shown {
        lines.push(Line::styled(
            format!("    … {} more", candidates.len() - shown),
            theme.dim(),
        ));
    }
    let shop_line = lines.len() as u16 + 1;
    lines.push(Line::styled(
        "Shop (↓; empty: as last time for this layout, else the format's name):",
        theme.dim(),
    ));
    lines.push(Line::from(vec![
        Span::styled("› ", theme.key()),
        Span::raw(crate::domain::visible(shop.value()).into_owned()),
    ]));
    if let Some(e) = error {
        lines.push(Line::styled(
            format!("! {}", crate::domain::visible(e)),
            theme.error(),
        ));
    }
    lines.push(Line::styled(
        "Shopify, Etsy, WooCommerce or a mapped CSV; nothing is written before you confirm.",
        theme.dim(),
    ));
    let (focused, row) = if on_shop {
        (shop, shop_line)
    } else {
        (input, 1)
    };
    let x = inner.x + 2 + focused.visual_cursor() as u16;
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    frame.set_cursor_position(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y + row,
    ));
}

/// Inner width of the import preview.
const PREVIEW_W: usize = 76;

pub(super) fn draw_preview(
    frame: &mut Frame,
    s: &crate::import::ImportSummary,
    invalid: bool,
    theme: Theme,
) {
    let c = &s.counts;
    let mut lines = vec![
        Line::raw(crate::domain::visible(&format!("File     {}", s.file.display())).into_owned()),
        Line::raw(
            crate::domain::visible(&format!(
                "Format   {} (shop '{}'; {})",
                s.format_label(),
                s.shop,
                s.encoding
            ))
            .into_owned(),
        ),
        Line::from(vec![
            Span::raw("Orders   "),
            Span::styled(format!("{} new", c.new), theme.good()),
            Span::raw(format!(
                " · {} unchanged · {} changed · ",
                c.unchanged, c.changed
            )),
            Span::styled(
                format!("{} invalid", c.invalid),
                if c.invalid > 0 {
                    theme.error()
                } else {
                    theme.dim()
                },
            ),
        ]),
        Line::raw(match (s.first, s.last) {
            (Some(a), Some(b)) => format!("Dates    {a} to {b}"),
            _ => "Dates    no orders".into(),
        }),
    ];
    lines.extend(finding_lines(s, theme));
    lines.push(Line::raw(""));
    let keys = if invalid {
        Line::from(vec![
            Span::styled("s", theme.key()),
            Span::raw(" import the valid orders and skip the invalid  "),
            Span::styled("n", theme.key()),
            Span::raw(" cancel"),
        ])
    } else {
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(" import  "),
            Span::styled("n", theme.key()),
            Span::raw(" cancel (nothing is written)"),
        ])
    };
    let height = lines.len() as u16 + 3;
    let inner = popup(frame, PREVIEW_W as u16 + 2, height, "Import preview", theme);
    // The keys keep the last line whatever the size: on a small terminal the findings are
    // cut above them, never the keys.
    let [findings, pinned] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(0),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines), findings);
    frame.render_widget(Paragraph::new(keys), pinned);
}

/// What the preview found besides the counts: codes of nobody, gift orders, notes, and the
/// first invalid rows.
fn finding_lines(s: &crate::import::ImportSummary, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if s.unknown_codes.is_empty() {
        lines.push(Line::raw("Codes    every code belongs to an influencer"));
    } else {
        let list: Vec<String> = s
            .unknown_codes
            .iter()
            .take(8)
            .map(|(k, n)| format!("{k} ({n})"))
            .collect();
        for part in wrap(
            &format!("Codes of no influencer: {}", list.join(", ")),
            PREVIEW_W,
        ) {
            lines.push(Line::raw(part));
        }
    }
    if s.gifts > 0 {
        for part in wrap(
            &format!(
                "Gifts    {} gift order(s): not sales; {} recorded as product cost: {}",
                s.gifts,
                fmt2(crate::domain::from_wide_cents(s.gift_cost)),
                s.gift_owner_list()
            ),
            PREVIEW_W,
        ) {
            lines.push(Line::raw(part));
        }
    }
    let dates = if s.dates_fixed > 0 {
        Some(format!(
            "Repaired {} date(s) a spreadsheet misread: imported as the dates they meant \
             (f leaves them invalid)",
            s.dates_fixed
        ))
    } else {
        (s.dates_damaged > 0).then(|| {
            format!(
                "Misread  {} date(s) a spreadsheet misread (11/12/20 as 2011-12-20): f imports \
                 them as the dates they meant",
                s.dates_damaged
            )
        })
    };
    for part in dates.iter().flat_map(|d| wrap(d, PREVIEW_W)) {
        lines.push(Line::styled(part, theme.error()));
    }
    for missing in &s.missing {
        for part in wrap(&format!("Missing: {missing}"), PREVIEW_W) {
            lines.push(Line::styled(part, theme.dim()));
        }
    }
    for note in &s.notes {
        for part in wrap(&format!("Note: {note}"), PREVIEW_W) {
            lines.push(Line::styled(part, theme.dim()));
        }
    }
    for e in s.errors.iter().take(5) {
        for part in wrap(&format!("! {e}"), PREVIEW_W) {
            lines.push(Line::styled(part, theme.error()));
        }
    }
    let invalid = s.counts.invalid;
    if (s.errors.len() as i64) < invalid || s.errors.len() > 5 {
        lines.push(Line::styled(
            format!("  … {invalid} invalid in all"),
            theme.error(),
        ));
    }
    lines
}

pub(super) fn draw_confirm(frame: &mut Frame, question: &str, theme: Theme) {
    let inner = popup(frame, 64, 6, "Confirm", theme);
    let lines = vec![
        Line::raw(crate::domain::visible(question).into_owned()),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(" yes  "),
            Span::styled("n", theme.key()),
            Span::raw(" no"),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Text to read in a box as wide as its longest line allows (wrapped beyond); data in it is
/// made visible.
pub(super) fn draw_note(frame: &mut Frame, title: &str, lines: &[String], theme: Theme) {
    let area = frame.area();
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    let width = (widest as u16 + 4).min(area.width.saturating_sub(2));
    let wrapped: Vec<Line> = lines
        .iter()
        .flat_map(|l| {
            // Indented lines stay indented when they wrap.
            let body = l.trim_start_matches(' ');
            let indent = " ".repeat(l.len() - body.len());
            let mut parts: Vec<String> =
                wrap(body, (width as usize).saturating_sub(2 + indent.len()))
                    .into_iter()
                    .map(|p| format!("{indent}{p}"))
                    .collect();
            if parts.is_empty() {
                parts.push(String::new());
            }
            parts
        })
        .map(Line::raw)
        .collect();
    let inner = popup(frame, width, wrapped.len() as u16 + 2, title, theme);
    frame.render_widget(Paragraph::new(wrapped), inner);
}

pub(super) fn draw_help(frame: &mut Frame, context: Context, scroll: usize, theme: Theme) {
    let area = frame.area();
    let inner = popup(
        frame,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        "Keys (j/k scroll, Esc closes)",
        theme,
    );
    let mut lines = Vec::new();
    let mut last: Option<Context> = None;
    for b in keymap::bindings_for(context) {
        if last != Some(b.context) {
            if last.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(b.context.title(), theme.header()));
            last = Some(b.context);
        }
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<16}", keys.join(" / ")), theme.key()),
            Span::raw(b.help),
        ]));
    }
    // How to leave stays on the first line, whatever the size and the scroll.
    let [pinned, list] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Esc", theme.key()),
            Span::raw(" close  "),
            Span::styled("q", theme.key()),
            Span::raw(" quit (from a screen)  "),
            Span::styled("j/k", theme.key()),
            Span::raw(" scroll"),
        ])),
        pinned,
    );
    let max_scroll = lines.len().saturating_sub(list.height as usize);
    let scroll = scroll.min(max_scroll) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .alignment(Alignment::Left),
        list,
    );
}

/// A field's error under it, wrapped to the value's width; while the field's text is
/// selected, how to replace or clear it.
fn error_lines(
    error: &str,
    selected: bool,
    label_w: usize,
    value_w: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(label_w + 2);
    let e = if selected {
        format!("{error} (type to replace it, Ctrl-U clears it)")
    } else {
        error.to_string()
    };
    wrap(&e, value_w.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(|(n, part)| {
            let arrow = if n == 0 { "↳ " } else { "  " };
            Line::styled(format!("{indent}{arrow}{part}"), theme.error())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("one two three", 8), ["one two", "three"]);
        assert_eq!(
            wrap("https://shop.example/x?utm_source=a", 12),
            ["https://shop", ".example/x?u", "tm_source=a"]
        );
        assert_eq!(wrap("", 10), [""]);
    }
}
