//! Drawing: reads the app's state and never changes it. Tables build only the rows that fit
//! on screen, so a long list costs no more to draw than a short one.

mod charts;
mod cohort;
mod detail;
mod lift;
mod lists;
mod popups;
mod scorecard;
mod status;

use lists::{
    draw_campaigns, draw_codes, draw_costs, draw_events, draw_gifts, draw_influencers, draw_posts,
};
use popups::{draw_confirm, draw_form, draw_help, draw_import_path, draw_note, draw_preview};
use scorecard::draw_scorecard;
use status::{draw_status, status_height};

use super::action::{Action, Screen};
use super::app::{App, Modal};
use super::keymap::{self, Context};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: Theme) {
    let [tabs, body, status, footer] = main_split(app, frame.area());
    draw_tabs(frame, tabs, app, theme);
    match app.screen {
        Screen::Scorecard => draw_scorecard(frame, body, app, theme),
        Screen::Influencers => draw_influencers(frame, body, app, theme),
        Screen::Costs => draw_costs(frame, body, app, theme),
        Screen::Posts => draw_posts(frame, body, app, theme),
        Screen::Codes => draw_codes(frame, body, app, theme),
        Screen::Campaigns => draw_campaigns(frame, body, app, theme),
        Screen::Gifts => draw_gifts(frame, body, app, theme),
        Screen::Events => draw_events(frame, body, app, theme),
    }
    draw_status(frame, status, app, theme);
    draw_footer(frame, footer, app.context(), theme);
    match &app.modal {
        Some(Modal::Form(form)) => draw_form(frame, app, form, theme),
        Some(Modal::ImportPath {
            input,
            error,
            candidates,
            shop,
            on_shop,
            ..
        }) => draw_import_path(
            frame,
            [input, shop],
            *on_shop,
            error.as_deref(),
            candidates,
            theme,
        ),
        Some(Modal::ImportPreview {
            summary, invalid, ..
        }) => draw_preview(frame, summary, *invalid, theme),
        Some(Modal::Confirm { question, .. }) => draw_confirm(frame, question, theme),
        Some(Modal::Help { context, scroll }) => draw_help(frame, *context, *scroll, theme),
        Some(Modal::Note { title, lines }) => draw_note(frame, title, lines, theme),
        None => {}
    }
}

/// The screen's rows: the tabs, the body, the status (as tall as its message) and the footer.
fn main_split(app: &App, area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(status_height(app, area.width)),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The scorecard's (and the incremental view's) rows: the filters line, the table, and the
/// detail pane when it is open.
fn scorecard_split(area: Rect, detail: bool) -> [Rect; 3] {
    let detail_height = if detail {
        (area.height / 2).max(10).min(area.height.saturating_sub(5))
    } else {
        0
    };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(2),
        Constraint::Length(detail_height),
    ])
    .areas(area)
}

/// The creators' table and, below it, the other channels (`channels` rows; none: no room).
fn channel_split(table: Rect, channels: usize) -> [Rect; 2] {
    Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(if channels > 0 { channels as u16 + 2 } else { 0 }),
    ])
    .areas(table)
}

/// What a mouse event on a screen of `area` asks for: the wheel moves the selection (or
/// scrolls help), a click on a tab goes to it and a click on a table's row selects it, as in
/// lazygit and gitui. Forms and dialogs are for the keyboard.
pub fn mouse_action(app: &App, area: Rect, mouse: MouseEvent) -> Option<Action> {
    if !matches!(app.modal, None | Some(Modal::Help { .. })) || app.searching {
        return None;
    }
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Down),
        MouseEventKind::ScrollUp => Some(Action::Up),
        MouseEventKind::Down(MouseButton::Left) if app.modal.is_none() => {
            let [tabs, body, ..] = main_split(app, area);
            if mouse.row == tabs.y {
                return tab_at(tabs.width, mouse.column).map(Action::GoTo);
            }
            row_at(app, body, mouse.row).map(Action::Select)
        }
        _ => None,
    }
}

/// The tabs as drawn: each screen's label and where it starts; the app's name first when the
/// terminal is wide enough for it, and the labels closer together when it is narrow.
fn tab_labels(width: u16) -> (Option<&'static str>, Vec<(Screen, String)>) {
    let full: usize = Screen::ALL.iter().map(|s| s.title().width() + 5).sum();
    let name = (full + 10 <= width as usize).then_some(" shoutout ");
    let labels = Screen::ALL
        .iter()
        .map(|&s| {
            let label = if full <= width as usize {
                format!(" {} {} ", s.index() + 1, s.title())
            } else {
                format!("{} {} ", s.index() + 1, s.title())
            };
            (s, label)
        })
        .collect();
    (name, labels)
}

/// The tab at terminal column `x`.
fn tab_at(width: u16, x: u16) -> Option<Screen> {
    let (name, labels) = tab_labels(width);
    let mut start = name.map_or(0, UnicodeWidthStr::width);
    for (screen, label) in labels {
        let end = start + label.width();
        if (start..end).contains(&(x as usize)) {
            return Some(screen);
        }
        start = end;
    }
    None
}

/// The row of the current screen's main table drawn at terminal row `y` of `body`.
fn row_at(app: &App, body: Rect, y: u16) -> Option<usize> {
    let table = match app.screen {
        Screen::Scorecard => {
            let [_, table, _] = scorecard_split(body, app.detail);
            match app.lift {
                Some(_) => table,
                None if app.show_channels => channel_split(table, app.card.channels.len())[0],
                None => table,
            }
        }
        Screen::Codes => lists::codes_split(body)[0],
        _ => body,
    };
    let len = app.len(app.screen);
    let first = table.y + 1; // below the header
    if len == 0 || y < first || y >= table.bottom() {
        return None;
    }
    // The page shown, as draw_table pages.
    let height = table.height.saturating_sub(1).max(1) as usize;
    let shown = app.selected[app.screen.index()].min(len - 1);
    let i = (shown / height) * height + usize::from(y - first);
    (i < len).then_some(i)
}

/// The frame shown while the orders are read at start.
pub fn draw_loading(frame: &mut Frame, theme: Theme) {
    let area = centered(frame.area(), 40, 3);
    frame.render_widget(
        Paragraph::new(Line::styled("Reading your orders…", theme.title()))
            .alignment(Alignment::Center)
            .block(Block::bordered().title(" shoutout ")),
        area,
    );
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let (name, labels) = tab_labels(area.width);
    let mut spans = Vec::new();
    if let Some(name) = name {
        spans.push(Span::styled(name, theme.title()));
    }
    for (s, label) in labels {
        let style = if s == app.screen {
            theme.tab_active()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The footer: the context's keys in the keymap's order, as many as fit, but `? help` and
/// `q quit` always (they are kept last and room is made for them).
fn draw_footer(frame: &mut Frame, area: Rect, context: Context, theme: Theme) {
    let width = |(key, help): &(String, &str)| key.width() + help.width() + 3;
    let (always, others): (Vec<_>, Vec<_>) = keymap::footer(context)
        .into_iter()
        .partition(|(_, help)| matches!(*help, "help" | "quit"));
    let mut used: usize = always.iter().map(width).sum();
    let mut shown = Vec::new();
    for entry in others {
        let w = width(&entry);
        if used + w > area.width as usize {
            break;
        }
        used += w;
        shown.push(entry);
    }
    let mut spans = Vec::new();
    for (key, help) in shown.into_iter().chain(always) {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {help}  ")));
    }
    frame.render_widget(Line::from(spans), area);
}

/// A column of a table: title, whether numbers (right-aligned), the priority with which it
/// is kept when the terminal is narrow (1 = always), and the width it reserves so that the
/// same columns show whatever the period's figures.
#[derive(Clone, Copy)]
struct Col {
    title: &'static str,
    numeric: bool,
    priority: u8,
    min: u8,
    /// Left out when every row shown leaves it empty (an entry list's optional text).
    optional: bool,
}

impl Col {
    /// A column of text, kept at `priority` (1 = always).
    const fn text(title: &'static str, priority: u8) -> Col {
        Col {
            title,
            numeric: false,
            priority,
            min: 0,
            optional: false,
        }
    }

    /// A column of numbers (right-aligned), kept at `priority`.
    const fn number(title: &'static str, priority: u8) -> Col {
        Col {
            title,
            numeric: true,
            priority,
            min: 0,
            optional: false,
        }
    }

    /// The same column, reserving `min` terminal columns however short its cells.
    const fn at_least(self, min: u8) -> Col {
        Col { min, ..self }
    }
}

/// Room kept at the header's right for the hidden-columns marker (`+12 ←→`).
const MARKER_WIDTH: usize = 8;

/// Picks the columns that fit `width`, keeping their order, and says how many are hidden.
///
/// Unscrolled, columns are dropped by priority (the documented order of importance). Scrolled
/// right by `scroll`, the leading columns of priority 1 (the rank and the name) stay, and the
/// others show from the `scroll`-th on, as many as fit.
fn fit_columns(cols: &[Col], widths: &[usize], width: u16, scroll: usize) -> (Vec<usize>, usize) {
    let width = width as usize;
    let all: usize = 2 + widths.iter().map(|w| w + 1).sum::<usize>();
    if all <= width {
        return ((0..cols.len()).collect(), 0);
    }
    let budget = width.saturating_sub(MARKER_WIDTH);
    let mut chosen = Vec::new();
    let mut used = 2; // the selection marker
    if scroll == 0 {
        let mut order: Vec<usize> = (0..cols.len()).collect();
        order.sort_by_key(|&i| cols[i].priority);
        for i in order {
            let w = widths[i] + 1;
            if used + w <= budget || cols[i].priority == 1 {
                used += w;
                chosen.push(i);
            }
        }
        chosen.sort();
    } else {
        let pinned = cols.iter().take_while(|c| c.priority == 1).count();
        chosen.extend(0..pinned);
        used += widths[..pinned].iter().map(|w| w + 1).sum::<usize>();
        let start = (pinned + scroll)
            .min(cols.len().saturating_sub(1))
            .max(pinned);
        for (i, w) in widths.iter().enumerate().skip(start) {
            if used + w + 1 > budget && chosen.len() > pinned {
                break;
            }
            used += w + 1;
            chosen.push(i);
        }
    }
    let hidden = cols.len() - chosen.len();
    (chosen, hidden)
}

/// Which rows a table has and how it is looked at: the selected row (past the end: none) and
/// how far its columns are scrolled right.
#[derive(Debug, Clone, Copy)]
struct Rows {
    len: usize,
    selected: usize,
    scroll: usize,
}

/// The rows of a screen's list of `len` entries, as the app looks at them.
fn screen_rows(app: &App, screen: Screen, len: usize) -> Rows {
    Rows {
        len,
        selected: app.selected[screen.index()],
        scroll: app.col_scroll,
    }
}

/// Draws an entry list from its row definition: its columns, and `cells(i)` for row `i`'s
/// stored cells, each shown as [`crate::export::lists::Column::shown`] dresses it.
fn draw_list(
    frame: &mut Frame,
    area: Rect,
    columns: &[crate::export::lists::Column],
    rows: Rows,
    cells: impl Fn(usize) -> Vec<String>,
    theme: Theme,
) {
    let cols: Vec<Col> = columns
        .iter()
        .map(|c| Col {
            title: c.title,
            numeric: c.numeric(),
            priority: c.priority,
            min: 0,
            optional: c.kind == crate::export::lists::Kind::Text && c.priority > 1,
        })
        .collect();
    let shown = |i: usize| {
        let row = cells(i);
        columns.iter().zip(&row).map(|(c, v)| c.shown(v)).collect()
    };
    draw_table(frame, area, &cols, rows, shown, theme);
}

/// Draws rows `[offset, offset + height)` of a table; `row(i)` builds row `i`'s cells. A
/// `selected` past the end marks no row (the selection is in a list drawn below). Columns
/// that do not fit are counted in a marker at the header's right, with the keys that scroll
/// to them.
fn draw_table(
    frame: &mut Frame,
    area: Rect,
    cols: &[Col],
    rows: Rows,
    row: impl Fn(usize) -> Vec<String>,
    theme: Theme,
) {
    let Rows {
        len,
        selected,
        scroll,
    } = rows;
    let height = area.height.saturating_sub(1).max(1) as usize;
    let shown = selected.min(len.saturating_sub(1));
    let offset = (shown / height) * height;
    // Every cell made visible: a control character or bidirectional override in a handle,
    // code, note or campaign name is shown, never obeyed (and measured as shown).
    let visible: Vec<Vec<String>> = (offset..len.min(offset + height))
        .map(|i| {
            row(i)
                .into_iter()
                .map(|cell| crate::domain::visible(&cell).into_owned())
                .collect()
        })
        .collect();
    let (cols, visible) = without_empty_optional(cols, visible);
    let cols: &[Col] = &cols;
    let mut widths: Vec<usize> = cols
        .iter()
        .map(|c| c.title.width().max(c.min.into()))
        .collect();
    for r in &visible {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let (chosen, hidden) = fit_columns(cols, &widths, area.width, scroll);
    let header = Row::new(
        chosen
            .iter()
            .map(|&i| align(cols[i].title, widths[i], cols[i].numeric)),
    )
    .style(theme.header());
    let rows = visible.iter().map(|r| {
        Row::new(
            chosen
                .iter()
                .map(|&i| Cell::from(align(&r[i], widths[i], cols[i].numeric))),
        )
    });
    let constraints: Vec<Constraint> = chosen
        .iter()
        .map(|&i| Constraint::Length(widths[i] as u16))
        .collect();
    let table = Table::new(rows, constraints)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶ ")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state =
        TableState::default().with_selected((selected < len).then_some(selected - offset));
    frame.render_stateful_widget(table, area, &mut state);
    if hidden > 0 {
        let marker = Line::styled(format!("+{hidden} ←→"), theme.dim()).right_aligned();
        frame.render_widget(marker, Rect { height: 1, ..area });
    }
}

/// The columns and rows shown, less each optional column that is empty on every row shown:
/// it takes no room (and is not counted hidden).
fn without_empty_optional(cols: &[Col], rows: Vec<Vec<String>>) -> (Vec<Col>, Vec<Vec<String>>) {
    let keep: Vec<usize> = (0..cols.len())
        .filter(|&i| {
            !cols[i].optional || rows.iter().any(|r| r.get(i).is_some_and(|c| !c.is_empty()))
        })
        .collect();
    let rows = rows
        .into_iter()
        .map(|mut r| {
            keep.iter()
                .map(|&i| r.get_mut(i).map(std::mem::take).unwrap_or_default())
                .collect()
        })
        .collect();
    (keep.iter().map(|&i| cols[i]).collect(), rows)
}

fn align(text: &str, width: usize, right: bool) -> String {
    let pad = width.saturating_sub(text.width());
    if right {
        format!("{}{text}", " ".repeat(pad))
    } else {
        text.to_string()
    }
}

fn empty_hint(frame: &mut Frame, area: Rect, text: &str, theme: Theme) {
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.dim())
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// A rectangle of at most `width` × `height` in the middle of the screen.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
