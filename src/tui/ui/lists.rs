//! The data-entry screens' lists: influencers, costs, posts, codes and links, campaigns,
//! gifts and events, each drawn from its one row definition in [`crate::export::lists`].

use super::{draw_list, empty_hint, screen_rows};
use crate::export::lists;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

pub(super) fn draw_influencers(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.shown.lists.influencers;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No influencers yet. Press a to add one.",
            theme,
        );
    }
    let codes = &app.shown.lists.codes;
    let cells = |i: usize| lists::influencer_cells(&list[i], codes);
    let rows = screen_rows(app, Screen::Influencers, list.len());
    draw_list(frame, area, &lists::INFLUENCERS, rows, cells, theme);
}

pub(super) fn draw_costs(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.shown.lists.costs;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No costs yet. Press a to record a fee, product, shipping or bonus.",
            theme,
        );
    }
    let cells = |i: usize| lists::cost_cells(&list[i]);
    let rows = screen_rows(app, Screen::Costs, list.len());
    draw_list(frame, area, &lists::COSTS, rows, cells, theme);
}

pub(super) fn draw_posts(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.shown.lists.posts;
    if list.is_empty() {
        return empty_hint(frame, area, "No posts yet. Press a to log one.", theme);
    }
    let cells = |i: usize| lists::post_cells(&list[i]);
    let rows = screen_rows(app, Screen::Posts, list.len());
    draw_list(frame, area, &lists::POSTS, rows, cells, theme);
}

/// The codes screen: the codes' table above, the tracking links below.
pub(super) fn codes_split(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Min(3), Constraint::Length(6)]).areas(area)
}

pub(super) fn draw_codes(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let [codes_area, links_area] = codes_split(area);
    let list = &app.shown.lists.codes;
    if list.is_empty() {
        empty_hint(
            frame,
            codes_area,
            "No promo codes yet. Press a to add one.",
            theme,
        );
    } else {
        let cells = |i: usize| lists::code_cells(&list[i]);
        let rows = screen_rows(app, Screen::Codes, list.len());
        draw_list(frame, codes_area, &lists::CODES, rows, cells, theme);
    }
    // The links follow the codes in the selection: five at a time, around the selected one.
    let selected_link = app.selected[Screen::Codes.index()].checked_sub(list.len());
    let first = selected_link.map_or(0, |s| s.saturating_sub(4));
    let links: Vec<Line> = app
        .shown
        .lists
        .links
        .iter()
        .enumerate()
        .skip(first)
        .take(5)
        .map(|(i, l)| {
            let text = crate::domain::visible(&format!("@{}  {}", l.handle, l.url)).into_owned();
            if Some(i) == selected_link {
                Line::styled(format!("▶ {text}"), theme.selected())
            } else {
                Line::raw(format!("  {text}"))
            }
        })
        .collect();
    let links = if links.is_empty() {
        vec![Line::styled(
            "No tracking links yet. Press l to build one.",
            theme.dim(),
        )]
    } else {
        links
    };
    frame.render_widget(
        Paragraph::new(links).block(
            Block::new()
                .borders(Borders::TOP)
                .title(" Tracking links (newest first) ")
                .title_style(theme.title()),
        ),
        links_area,
    );
}

pub(super) fn draw_campaigns(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.shown.lists.campaigns;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No campaigns yet. Press a to create one; then pick it when you add costs, codes, links and posts.",
            theme,
        );
    }
    // The selected campaign's progress below the list.
    let selected = list.get(app.selected[Screen::Campaigns.index()]);
    let lines = selected.map_or(Vec::new(), |c| {
        crate::export::campaign_lines(&c.goal, &app.campaign_progress(c))
    });
    let [area, detail] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(lines.len() as u16 + 1),
    ])
    .areas(area);
    if let Some(c) = selected {
        let text: Vec<Line> = lines.into_iter().map(Line::raw).collect();
        frame.render_widget(
            Paragraph::new(text).block(
                Block::new()
                    .borders(Borders::TOP)
                    .title(format!(" {} ", crate::domain::visible(&c.name)))
                    .title_style(theme.title()),
            ),
            detail,
        );
    }
    let cells = |i: usize| lists::campaign_cells(&list[i]);
    let rows = screen_rows(app, Screen::Campaigns, list.len());
    draw_list(frame, area, &lists::CAMPAIGNS, rows, cells, theme);
}

/// The gift ledger as of today: the ones to follow up first.
pub(super) fn draw_gifts(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if app.shown.gifts.is_empty() {
        return empty_hint(
            frame,
            area,
            "No gifts yet. Press a to record one: what you sent whom, and what it cost. Then \
             p logs her post, x marks it declined.",
            theme,
        );
    }
    let cells = |i: usize| {
        let g = &app.shown.gifts[i];
        lists::gift_cells(&g.gift, &g.handle, g.status)
    };
    let rows = screen_rows(app, Screen::Gifts, app.shown.gifts.len());
    draw_list(frame, area, &lists::GIFTS, rows, cells, theme);
}

pub(super) fn draw_events(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.shown.lists.events;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No events yet. Press a to mark a sale, a market or a press mention: the lift model then puts its orders down to the shop, not to a creator who posted that week.",
            theme,
        );
    }
    let cells = |i: usize| lists::event_cells(&list[i]);
    let rows = screen_rows(app, Screen::Events, list.len());
    draw_list(frame, area, &lists::EVENTS, rows, cells, theme);
}
