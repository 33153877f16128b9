//! Drawing: reads the app's state and never changes it. Tables build only the rows that fit
//! on screen, so a long list costs no more to draw than a short one.

use super::action::Screen;
use super::app::{App, Modal};
use super::form::Form;
use super::keymap::{self, Context};
use super::theme::Theme;
use crate::domain::{CostKind, fmt2};
use crate::export::cells;
use crate::metrics::{Metric, ScoreRow, engagement_rate_pct, posts_in_scope};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: Theme) {
    let [tabs, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_tabs(frame, tabs, app, theme);
    match app.screen {
        Screen::Scorecard => draw_scorecard(frame, body, app, theme),
        Screen::Influencers => draw_influencers(frame, body, app, theme),
        Screen::Costs => draw_costs(frame, body, app, theme),
        Screen::Posts => draw_posts(frame, body, app, theme),
        Screen::Codes => draw_codes(frame, body, app, theme),
        Screen::Campaigns => draw_campaigns(frame, body, app, theme),
    }
    draw_status(frame, status, app, theme);
    draw_footer(frame, footer, app.context(), theme);
    match &app.modal {
        Some(Modal::Form(form)) => draw_form(frame, app, form, theme),
        Some(Modal::ImportPath {
            input,
            error,
            candidates,
        }) => draw_import_path(frame, input, error.as_deref(), candidates, theme),
        Some(Modal::ImportPreview {
            summary, invalid, ..
        }) => draw_preview(frame, summary, *invalid, theme),
        Some(Modal::Confirm { question, .. }) => draw_confirm(frame, question, theme),
        Some(Modal::Help { context, scroll }) => draw_help(frame, *context, *scroll, theme),
        None => {}
    }
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
    let full: usize = Screen::ALL.iter().map(|s| s.title().width() + 4).sum();
    let mut spans = Vec::new();
    if full + 10 <= area.width as usize {
        spans.push(Span::styled(" shoutout ", theme.title()));
    }
    for s in Screen::ALL {
        let label = format!(" {} {} ", s.index() + 1, s.title());
        let style = if s == app.screen {
            theme.tab_active()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Line::from(spans), area);
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
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
    if let Some(status) = &app.status {
        let (prefix, style) = if status.error {
            ("! ", theme.error())
        } else {
            ("", theme.good())
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!("{prefix}{}", status.text), style)),
            area,
        );
    }
}

fn draw_footer(frame: &mut Frame, area: Rect, context: Context, theme: Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, help) in keymap::footer(context) {
        let w = key.width() + help.width() + 3;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {help}  ")));
    }
    frame.render_widget(Line::from(spans), area);
}

/// A column of a table: title, whether numbers (right-aligned), and the priority with which
/// it is kept when the terminal is narrow (1 = always).
struct Col {
    title: &'static str,
    numeric: bool,
    priority: u8,
}

/// Picks the columns that fit `width`, by priority, keeping their order.
fn fit_columns(cols: &[Col], widths: &[usize], width: u16) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cols.len()).collect();
    order.sort_by_key(|&i| cols[i].priority);
    let mut chosen = Vec::new();
    let mut used = 2; // the selection marker
    for i in order {
        let w = widths[i] + 1;
        if used + w <= width as usize || cols[i].priority == 1 {
            used += w;
            chosen.push(i);
        }
    }
    chosen.sort();
    chosen
}

/// Draws rows `[offset, offset + height)` of a table; `row(i)` builds row `i`'s cells.
fn draw_table(
    frame: &mut Frame,
    area: Rect,
    cols: &[Col],
    len: usize,
    selected: usize,
    row: impl Fn(usize) -> Vec<String>,
    theme: Theme,
) {
    let height = area.height.saturating_sub(1).max(1) as usize;
    let offset = (selected / height) * height;
    let visible: Vec<Vec<String>> = (offset..len.min(offset + height)).map(&row).collect();
    let mut widths: Vec<usize> = cols.iter().map(|c| c.title.width()).collect();
    for r in &visible {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let chosen = fit_columns(cols, &widths, area.width);
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
    let mut state = TableState::default().with_selected((len > 0).then_some(selected - offset));
    frame.render_stateful_widget(table, area, &mut state);
}

fn align(text: &str, width: usize, right: bool) -> String {
    let pad = width.saturating_sub(text.width());
    if right {
        format!("{}{text}", " ".repeat(pad))
    } else {
        text.to_string()
    }
}

const SCORE_COLS: [Col; 14] = [
    Col {
        title: "#",
        numeric: true,
        priority: 1,
    },
    Col {
        title: "Influencer",
        numeric: false,
        priority: 1,
    },
    Col {
        title: "Platform",
        numeric: false,
        priority: 6,
    },
    Col {
        title: "Followers",
        numeric: true,
        priority: 7,
    },
    Col {
        title: "Posts",
        numeric: true,
        priority: 7,
    },
    Col {
        title: "Cost",
        numeric: true,
        priority: 1,
    },
    Col {
        title: "Orders",
        numeric: true,
        priority: 3,
    },
    Col {
        title: "Revenue",
        numeric: true,
        priority: 1,
    },
    Col {
        title: "New",
        numeric: true,
        priority: 3,
    },
    Col {
        title: "ROI %",
        numeric: true,
        priority: 1,
    },
    Col {
        title: "ROAS",
        numeric: true,
        priority: 4,
    },
    Col {
        title: "CAC",
        numeric: true,
        priority: 2,
    },
    Col {
        title: "AOV",
        numeric: true,
        priority: 5,
    },
    Col {
        title: "Eng %",
        numeric: true,
        priority: 2,
    },
];

fn score_cells(row: &ScoreRow) -> Vec<String> {
    let mut out: Vec<String> = cells(row)
        .into_iter()
        .map(|c| c.unwrap_or_else(|| "—".into()))
        .collect();
    out[1] = format!("@{}", row.handle);
    if row.archived {
        out[1].push_str(" (archived)");
    }
    out
}

fn draw_scorecard(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if app.is_empty() {
        draw_welcome(frame, area, theme);
        return;
    }
    let sort = match app.options.sort {
        crate::metrics::SortKey::Roi => "ROI ↓",
        crate::metrics::SortKey::Cac => "CAC ↑",
        crate::metrics::SortKey::Engagement => "engagement ↓",
        crate::metrics::SortKey::Revenue => "revenue ↓",
    };
    let mut info = vec![
        Span::styled("Sort ", theme.dim()),
        Span::raw(sort),
        Span::styled("  Period ", theme.dim()),
        Span::raw(app.period_label()),
        Span::styled("  Platform ", theme.dim()),
        Span::raw(app.options.platform.map_or("all".into(), |p| p.to_string())),
        Span::styled("  Campaign ", theme.dim()),
        Span::raw(app.campaign_label()),
    ];
    if !app.options.search.is_empty() {
        info.push(Span::styled("  Search ", theme.dim()));
        info.push(Span::raw(format!("\"{}\"", app.options.search)));
    }
    let detail_height = if app.detail {
        (area.height / 2).max(10).min(area.height.saturating_sub(5))
    } else {
        0
    };
    let [info_area, table_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(2),
        Constraint::Length(detail_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(info)), info_area);
    if app.card.rows.is_empty() {
        frame.render_widget(
            Paragraph::new("No creator matches these filters (Esc clears the search).")
                .style(theme.dim()),
            table_area,
        );
        return;
    }
    draw_table(
        frame,
        table_area,
        &SCORE_COLS,
        app.card.rows.len(),
        app.selected[0],
        |i| score_cells(&app.card.rows[i]),
        theme,
    );
    if app.detail
        && let Some(row) = app.selected_row()
    {
        draw_detail(frame, detail_area, app, row, theme);
    }
}

fn draw_welcome(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = Text::from(vec![
        Line::styled(
            "Welcome to shoutout: which creators actually pay back?",
            theme.title(),
        ),
        Line::raw(""),
        Line::raw("Three steps to your first scorecard:"),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" 1. ", theme.key()),
            Span::raw("Add your creators: press "),
            Span::styled("2", theme.key()),
            Span::raw(" (Influencers), then "),
            Span::styled("a", theme.key()),
            Span::raw(". Give each a promo code with "),
            Span::styled("c", theme.key()),
            Span::raw("."),
        ]),
        Line::from(vec![
            Span::styled(" 2. ", theme.key()),
            Span::raw("Record what they cost ("),
            Span::styled("$", theme.key()),
            Span::raw(") and log their posts ("),
            Span::styled("n", theme.key()),
            Span::raw(")."),
        ]),
        Line::from(vec![
            Span::styled(" 3. ", theme.key()),
            Span::raw("Import your shop's order export: press "),
            Span::styled("i", theme.key()),
            Span::raw("."),
        ]),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Just looking? Press "),
            Span::styled("D", theme.key()),
            Span::raw(" to load the demo shop. "),
            Span::styled("?", theme.key()),
            Span::raw(" lists every key."),
        ]),
    ]);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Getting started ")),
        area,
    );
}

fn money_or_why(value: Option<Decimal>, row: &ScoreRow, metric: Metric, suffix: &str) -> String {
    match value {
        Some(v) => format!("{}{suffix}", fmt2(v)),
        None => format!("— ({})", row.why_undefined(metric).unwrap_or("undefined")),
    }
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App, row: &ScoreRow, theme: Theme) {
    let mut lines = Vec::new();
    let mut cost_parts: Vec<String> = CostKind::ALL
        .iter()
        .zip(row.cost_by_kind)
        .filter(|(_, v)| !v.is_zero())
        .map(|(k, v)| format!("{k} {}", fmt2(v)))
        .collect();
    cost_parts.push(format!(
        "commission {} ({} % of revenue)",
        fmt2(row.commission),
        row.commission_pct.normalize()
    ));
    lines.push(Line::from(vec![
        Span::styled("Cost     ", theme.dim()),
        Span::raw(format!("{} = {}", fmt2(row.cost), cost_parts.join(" + "))),
    ]));
    lines.push(Line::from(vec![
        Span::styled("Sales    ", theme.dim()),
        Span::raw(format!(
            "{} orders · revenue {} · {} new customers · AOV {}",
            fmt2(row.orders),
            fmt2(row.revenue),
            fmt2(row.new_customers),
            money_or_why(row.aov, row, Metric::Aov, "")
        )),
    ]));
    let roi_style = match row.roi_pct {
        Some(r) if r < Decimal::ZERO => theme.bad(),
        Some(_) => theme.good(),
        None => theme.dim(),
    };
    lines.push(Line::from(vec![
        Span::styled("Return   ", theme.dim()),
        Span::styled(
            format!("ROI {}", money_or_why(row.roi_pct, row, Metric::Roi, " %")),
            roi_style,
        ),
        Span::raw(format!(
            " · ROAS {} · CAC {}",
            money_or_why(row.roas, row, Metric::Roas, ""),
            money_or_why(row.cac, row, Metric::Cac, "")
        )),
    ]));
    let engagement = match row.engagement_rate_pct {
        Some(e) => format!(
            "{} % = {} engagements / {} followers over {} post(s)",
            fmt2(e),
            row.engagements,
            row.post_followers,
            row.posts
        ),
        None => format!(
            "— ({})",
            row.why_undefined(Metric::Engagement).unwrap_or("undefined")
        ),
    };
    lines.push(Line::from(vec![
        Span::styled("Engage   ", theme.dim()),
        Span::raw(engagement),
    ]));
    let posts = posts_in_scope(&app.facts, &app.options, app.today, row.influencer_id);
    if !posts.is_empty() {
        lines.push(Line::styled("Posts", theme.dim()));
        for p in posts {
            let rate = engagement_rate_pct(1, p.engagements, p.followers)
                .map_or("—".into(), |r| format!("{} %", fmt2(r)));
            lines.push(Line::raw(format!(
                "  {}  {:<9}  {:>9} followers  {:>7} engagements  {rate}",
                p.posted_on, p.platform, p.followers, p.engagements
            )));
        }
    }
    let title = format!(
        " @{}{} · {} · {} followers ",
        row.handle,
        if row.name.is_empty() {
            String::new()
        } else {
            format!(" ({})", row.name)
        },
        row.platform,
        row.followers
    );
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::new()
                .borders(Borders::TOP)
                .title(title)
                .title_style(theme.title()),
        ),
        area,
    );
}

fn empty_hint(frame: &mut Frame, area: Rect, text: &str, theme: Theme) {
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.dim())
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn draw_influencers(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
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
        Col {
            title: "Handle",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Name",
            numeric: false,
            priority: 3,
        },
        Col {
            title: "Platform",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Followers",
            numeric: true,
            priority: 1,
        },
        Col {
            title: "Comm. %",
            numeric: true,
            priority: 2,
        },
        Col {
            title: "Codes",
            numeric: false,
            priority: 1,
        },
    ];
    draw_table(
        frame,
        area,
        &cols,
        list.len(),
        app.selected[Screen::Influencers.index()],
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

fn draw_costs(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
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
        Col {
            title: "Date",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Influencer",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Kind",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Amount",
            numeric: true,
            priority: 1,
        },
        Col {
            title: "Campaign",
            numeric: false,
            priority: 3,
        },
        Col {
            title: "Note",
            numeric: false,
            priority: 2,
        },
    ];
    draw_table(
        frame,
        area,
        &cols,
        list.len(),
        app.selected[Screen::Costs.index()],
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

fn draw_posts(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let list = &app.lists.posts;
    if list.is_empty() {
        return empty_hint(frame, area, "No posts yet. Press a to log one.", theme);
    }
    let n = |v: Option<u64>| v.map_or("—".to_string(), |v| v.to_string());
    let cols = [
        Col {
            title: "Date",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Influencer",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Platform",
            numeric: false,
            priority: 3,
        },
        Col {
            title: "Followers",
            numeric: true,
            priority: 2,
        },
        Col {
            title: "Likes",
            numeric: true,
            priority: 1,
        },
        Col {
            title: "Comments",
            numeric: true,
            priority: 1,
        },
        Col {
            title: "Shares",
            numeric: true,
            priority: 2,
        },
        Col {
            title: "Saves",
            numeric: true,
            priority: 2,
        },
        Col {
            title: "Views",
            numeric: true,
            priority: 4,
        },
        Col {
            title: "Reach",
            numeric: true,
            priority: 4,
        },
        Col {
            title: "Clicks",
            numeric: true,
            priority: 4,
        },
    ];
    draw_table(
        frame,
        area,
        &cols,
        list.len(),
        app.selected[Screen::Posts.index()],
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

fn draw_codes(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let [codes_area, links_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(6)]).areas(area);
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
            Col {
                title: "Code",
                numeric: false,
                priority: 1,
            },
            Col {
                title: "Influencer",
                numeric: false,
                priority: 1,
            },
            Col {
                title: "Campaign",
                numeric: false,
                priority: 2,
            },
        ];
        draw_table(
            frame,
            codes_area,
            &cols,
            list.len(),
            app.selected[Screen::Codes.index()],
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
    let links: Vec<Line> = app
        .lists
        .links
        .iter()
        .take(5)
        .map(|(h, url)| Line::raw(format!("@{h}  {url}")))
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

fn draw_campaigns(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
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
    let cols = [
        Col {
            title: "Name",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Goal",
            numeric: false,
            priority: 1,
        },
        Col {
            title: "Start",
            numeric: false,
            priority: 2,
        },
        Col {
            title: "End",
            numeric: false,
            priority: 2,
        },
        Col {
            title: "Budget",
            numeric: true,
            priority: 1,
        },
    ];
    draw_table(
        frame,
        area,
        &cols,
        list.len(),
        app.selected[Screen::Campaigns.index()],
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
fn wrap(text: &str, width: usize) -> Vec<String> {
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

fn draw_form(frame: &mut Frame, app: &App, form: &Form, theme: Theme) {
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
            spans.push(Span::raw(shown));
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
            let indent = " ".repeat(label_w + 2);
            for (n, part) in wrap(e, value_w.saturating_sub(2)).into_iter().enumerate() {
                let arrow = if n == 0 { "↳ " } else { "  " };
                lines.push(Line::styled(
                    format!("{indent}{arrow}{part}"),
                    theme.error(),
                ));
            }
        }
    }
    if let Some(e) = &form.error {
        for part in wrap(&format!("! {e}"), inner_w) {
            lines.push(Line::styled(part, theme.error()));
        }
    }
    if form.kind == super::form::FormKind::Link {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Link (Enter saves and copies, Ctrl-Y copies):",
            theme.dim(),
        ));
        for part in wrap(&app.built_link(form), inner_w) {
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

fn draw_import_path(
    frame: &mut Frame,
    input: &tui_input::Input,
    error: Option<&str>,
    candidates: &[String],
    theme: Theme,
) {
    let shown = candidates.len().min(8);
    let height = 6 + shown as u16 + if error.is_some() { 3 } else { 0 };
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
    if let Some(e) = error {
        lines.push(Line::styled(format!("! {e}"), theme.error()));
    }
    lines.push(Line::styled(
        "Shopify, Etsy, WooCommerce or a mapped CSV; nothing is written before you confirm.",
        theme.dim(),
    ));
    let x = inner.x + 2 + input.visual_cursor() as u16;
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    frame.set_cursor_position(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y + 1,
    ));
}

/// Inner width of the import preview.
const PREVIEW_W: usize = 76;

fn draw_preview(frame: &mut Frame, s: &crate::import::ImportSummary, invalid: bool, theme: Theme) {
    let c = &s.counts;
    let mut lines = vec![
        Line::raw(format!("File     {}", s.file.display())),
        Line::raw(format!(
            "Format   {} (shop '{}'; {})",
            s.format_label(),
            s.shop,
            s.encoding
        )),
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
        lines.push(Line::raw(format!(
            "Gifts    {} gift order(s): not sales; {} recorded as product cost",
            s.gifts,
            fmt2(crate::domain::from_cents(s.gift_cost))
        )));
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
    if (s.errors.len() as i64) < c.invalid || s.errors.len() > 5 {
        lines.push(Line::styled(
            format!("  … {} invalid in all", c.invalid),
            theme.error(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(if invalid {
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
    });
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, PREVIEW_W as u16 + 2, height, "Import preview", theme);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_confirm(frame: &mut Frame, question: &str, theme: Theme) {
    let inner = popup(frame, 64, 6, "Confirm", theme);
    let lines = vec![
        Line::raw(question.to_string()),
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

fn draw_help(frame: &mut Frame, context: Context, scroll: usize, theme: Theme) {
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
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let scroll = scroll.min(max_scroll) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .alignment(Alignment::Left),
        inner,
    );
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
