//! The data-entry screens' lists: influencers, costs, posts, codes and links, campaigns.

use super::{Col, Rows, draw_table, empty_hint};
use crate::domain::fmt2;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

pub(super) fn draw_influencers(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.lists.influencers;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No influencers yet. Press a to add one.",
            theme,
        );
    }
    let cols = [
        Col::text("Handle", 1),
        Col::text("Name", 3),
        Col::text("Platform", 1),
        Col::number("Followers", 1),
        Col::number("Comm. %", 2),
        Col::text("Codes", 1),
    ];
    draw_table(
        frame,
        area,
        &cols,
        Rows {
            len: list.len(),
            selected: app.selected[Screen::Influencers.index()],
            scroll: app.col_scroll,
        },
        |i| {
            let r = &list[i];
            let codes: Vec<&str> = app
                .lists
                .codes
                .iter()
                .filter(|c| c.handle == r.handle)
                .map(|c| c.code.as_str())
                .collect();
            vec![
                format!(
                    "@{}{}",
                    r.handle,
                    if r.archived { " (archived)" } else { "" }
                ),
                r.name.clone(),
                r.platform.to_string(),
                r.followers.to_string(),
                r.commission_pct.normalize().to_string(),
                codes.join(" "),
            ]
        },
        theme,
    );
}

pub(super) fn draw_costs(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.lists.costs;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No costs yet. Press a to record a fee, product, shipping or bonus.",
            theme,
        );
    }
    let cols = [
        Col::text("Date", 1),
        Col::text("Influencer", 1),
        Col::text("Kind", 1),
        Col::number("Amount", 1),
        Col::text("Campaign", 3),
        Col::text("Note", 2),
    ];
    draw_table(
        frame,
        area,
        &cols,
        Rows {
            len: list.len(),
            selected: app.selected[Screen::Costs.index()],
            scroll: app.col_scroll,
        },
        |i| {
            let c = &list[i];
            vec![
                c.date.to_string(),
                format!("@{}", c.handle),
                c.kind.to_string(),
                fmt2(c.amount),
                c.campaign.clone().unwrap_or_default(),
                c.note.clone(),
            ]
        },
        theme,
    );
}

pub(super) fn draw_posts(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.lists.posts;
    if list.is_empty() {
        return empty_hint(frame, area, "No posts yet. Press a to log one.", theme);
    }
    let n = |v: Option<u64>| v.map_or("—".to_string(), |v| v.to_string());
    let cols = [
        Col::text("Date", 1),
        Col::text("Influencer", 1),
        Col::text("Platform", 3),
        Col::number("Followers", 2),
        Col::number("Likes", 1),
        Col::number("Comments", 1),
        Col::number("Shares", 2),
        Col::number("Saves", 2),
        Col::number("Views", 4),
        Col::number("Reach", 4),
        Col::number("Clicks", 4),
    ];
    draw_table(
        frame,
        area,
        &cols,
        Rows {
            len: list.len(),
            selected: app.selected[Screen::Posts.index()],
            scroll: app.col_scroll,
        },
        |i| {
            let p = &list[i];
            vec![
                p.post.posted_on.to_string(),
                format!("@{}", p.handle),
                p.post.platform.to_string(),
                p.post.followers.to_string(),
                n(p.post.likes),
                n(p.post.comments),
                n(p.post.shares),
                n(p.post.saves),
                n(p.post.views),
                n(p.post.reach),
                n(p.post.clicks),
            ]
        },
        theme,
    );
}

/// The codes screen: the codes' table above, the tracking links below.
pub(super) fn codes_split(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Min(3), Constraint::Length(6)]).areas(area)
}

pub(super) fn draw_codes(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let [codes_area, links_area] = codes_split(area);
    let list = &app.lists.codes;
    if list.is_empty() {
        empty_hint(
            frame,
            codes_area,
            "No promo codes yet. Press a to add one.",
            theme,
        );
    } else {
        let cols = [
            Col::text("Code", 1),
            Col::text("Influencer", 1),
            Col::text("Campaign", 2),
        ];
        let selected = app.selected[Screen::Codes.index()];
        draw_table(
            frame,
            codes_area,
            &cols,
            Rows {
                len: list.len(),
                selected,
                scroll: app.col_scroll,
            },
            |i| {
                let c = &list[i];
                vec![
                    c.code.clone(),
                    format!("@{}", c.handle),
                    c.campaign.clone().unwrap_or_default(),
                ]
            },
            theme,
        );
    }
    // The links follow the codes in the selection: five at a time, around the selected one.
    let selected_link = app.selected[Screen::Codes.index()].checked_sub(list.len());
    let first = selected_link.map_or(0, |s| s.saturating_sub(4));
    let links: Vec<Line> = app
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
    let list = &app.lists.campaigns;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No campaigns yet. Press a to create one; then pick it when you add costs, codes, links and posts.",
            theme,
        );
    }
    let d = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
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
    let cols = [
        Col::text("Name", 1),
        Col::text("Goal", 1),
        Col::text("Start", 2),
        Col::text("End", 2),
        Col::number("Budget", 1),
    ];
    draw_table(
        frame,
        area,
        &cols,
        Rows {
            len: list.len(),
            selected: app.selected[Screen::Campaigns.index()],
            scroll: app.col_scroll,
        },
        |i| {
            let c = &list[i];
            vec![
                c.name.clone(),
                c.goal.clone(),
                d(c.starts_on),
                d(c.ends_on),
                c.budget.map(fmt2).unwrap_or_default(),
            ]
        },
        theme,
    );
}

/// The gift ledger as of today: the ones to follow up first.
pub(super) fn draw_gifts(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if app.gifts.is_empty() {
        return empty_hint(
            frame,
            area,
            "No gifts yet. Press a to record one: what you sent whom, and what it cost. Then \
             p logs her post, x marks it declined.",
            theme,
        );
    }
    let cols = [
        Col::text("Status", 1).at_least(9),
        Col::text("Influencer", 1),
        Col::text("Sent", 1),
        Col::text("Item", 3),
        Col::number("Waiting", 1),
        Col::text("Posted", 2),
        Col::number("Cost", 4),
        Col::number("Retail", 5),
    ];
    let m = |c: crate::domain::Cents| fmt2(crate::domain::from_cents(c));
    draw_table(
        frame,
        area,
        &cols,
        Rows {
            len: app.gifts.len(),
            selected: app.selected[Screen::Gifts.index()],
            scroll: app.col_scroll,
        },
        |i| {
            let g = &app.gifts[i];
            vec![
                g.status.as_str().replace('_', "-"),
                format!("@{}", g.handle),
                g.gift.given_on.to_string(),
                crate::domain::visible(&g.gift.item).into_owned(),
                g.status
                    .days_waiting()
                    .map_or(String::new(), |d| format!("{d} d")),
                g.status
                    .posted_on()
                    .map_or(String::new(), |d| d.to_string()),
                m(g.gift.cost + g.gift.shipping),
                m(g.gift.retail),
            ]
        },
        theme,
    );
}

pub(super) fn draw_events(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.lists.events;
    if list.is_empty() {
        return empty_hint(
            frame,
            area,
            "No events yet. Press a to mark a sale, a market or a press mention: the lift model then puts its orders down to the shop, not to a creator who posted that week.",
            theme,
        );
    }
    let cols = [
        Col::text("Event", 1),
        Col::text("First day", 2),
        Col::text("Last day", 2),
        Col::number("Days", 2),
    ];
    draw_table(
        frame,
        area,
        &cols,
        Rows {
            len: list.len(),
            selected: app.selected[Screen::Events.index()],
            scroll: app.col_scroll,
        },
        |i| {
            let e = &list[i];
            vec![
                crate::domain::visible(&e.name).into_owned(),
                e.first.to_string(),
                e.last.to_string(),
                ((e.last - e.first).num_days() + 1).to_string(),
            ]
        },
        theme,
    );
}
