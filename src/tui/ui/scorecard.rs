//! The scorecard screen: the ranked table, its filters line, the detail pane, and the welcome
//! view of an empty database.

use super::{Col, Rows, draw_table};
use crate::domain::{CostKind, fmt2};
use crate::export::display_cells;
use crate::metrics::{Metric, ScoreRow, engagement_rate_pct, posts_in_scope};
use crate::tui::app::{App, DetailChart};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use rust_decimal::Decimal;

/// The trend column: her orders in each of the last 8 weeks, where the width allows.
const TREND_COL: Col = Col::text("8 weeks", 6).at_least(8);

/// The scorecard's columns; the last three (profit) only once a cost of goods or fee is set.
const SCORE_COLS: [Col; 17] = [
    Col::number("#", 1),
    Col::text("Influencer", 1).at_least(18),
    Col::text("Platform", 6).at_least(9),
    Col::number("Followers", 7),
    Col::number("Posts", 7),
    Col::number("Cost", 1).at_least(8),
    Col::number("Orders", 3).at_least(6),
    Col::number("Revenue", 1).at_least(9),
    Col::number("New", 3).at_least(5),
    Col::number("ROI %", 1).at_least(7),
    Col::number("ROAS", 4).at_least(5),
    Col::number("CAC", 2).at_least(7),
    Col::number("AOV", 5).at_least(6),
    Col::number("Eng %", 2).at_least(5),
    Col::number("Profit", 3).at_least(9),
    Col::number("Profit ROI %", 1),
    Col::number("Break-even ROAS", 6),
];

/// The columns shown: the scorecard's (profit ones once known) and the trend.
fn score_cols(profit_known: bool) -> Vec<Col> {
    let mut cols = SCORE_COLS[..if profit_known { 17 } else { 14 }].to_vec();
    cols.push(TREND_COL);
    cols
}

/// What the table marks beside a handle: a suspected leak (`⚠`), an engagement anomaly
/// (`⚑`); a loss on profit (`▼`) is read from the row.
#[derive(Default, Clone, Copy)]
struct Marks {
    leaked: bool,
    flagged: bool,
}

fn score_cells(
    row: &ScoreRow,
    marks: Marks,
    shown: usize,
    trend: Option<&Vec<Decimal>>,
) -> Vec<String> {
    let mut out = display_cells(row);
    out.truncate(shown);
    out.push(trend.map_or(String::new(), |t| super::charts::sparkline(t)));
    if marks.leaked {
        out[1].push_str(" ⚠");
    }
    if marks.flagged {
        out[1].push_str(" ⚑");
    }
    if row.roi_pct.is_some_and(|r| r > Decimal::ZERO)
        && row.profit_roi_pct.is_some_and(|p| p < Decimal::ZERO)
    {
        out[1].push_str(" ▼");
    }
    out
}

pub(super) fn draw_scorecard(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if app.is_empty() {
        draw_welcome(frame, area, theme);
        return;
    }
    if let Some(report) = &app.lift {
        super::lift::draw_lift(frame, area, app, report, theme);
        return;
    }
    let sort = match app.options.sort {
        crate::metrics::SortKey::Roi => "ROI ↓",
        crate::metrics::SortKey::Cac => "CAC ↑",
        crate::metrics::SortKey::Engagement => "engagement ↓",
        crate::metrics::SortKey::Revenue => "revenue ↓",
        crate::metrics::SortKey::Profit => "profit ROI ↓",
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
    let [info_area, table_area, detail_area] = super::scorecard_split(area, app.detail);
    frame.render_widget(Paragraph::new(Line::from(info)), info_area);
    let cols = &score_cols(app.card.profit_known);
    let shown = cols.len() - 1;
    let channels = if app.show_channels {
        app.card.channels.len()
    } else {
        0
    };
    let [table_area, channel_area] = super::channel_split(table_area, channels);
    if channels > 0 {
        // Below the creators, never ranked among them (and never selected).
        let block = Block::new()
            .borders(Borders::TOP)
            .title(" Other channels ")
            .title_style(theme.title());
        let inner = block.inner(channel_area);
        frame.render_widget(block, channel_area);
        draw_table(
            frame,
            inner,
            cols,
            Rows {
                len: channels,
                selected: usize::MAX,
                scroll: app.col_scroll,
            },
            |i| {
                let row = &app.card.channels[i];
                score_cells(
                    row,
                    Marks::default(),
                    shown,
                    app.trend.get(&row.influencer_id),
                )
            },
            theme,
        );
    }
    if app.card.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(empty_hint_text(app)).style(theme.dim()),
            table_area,
        );
        return;
    }
    if app.bars {
        draw_bars(frame, table_area, app, theme);
    } else {
        draw_table(
            frame,
            table_area,
            cols,
            Rows {
                len: app.card.rows.len(),
                selected: app.selected[0],
                scroll: app.col_scroll,
            },
            |i| {
                let row = &app.card.rows[i];
                let marks = Marks {
                    leaked: app.leak_flags.contains_key(&row.influencer_id),
                    flagged: !app.flags_in_period(row.influencer_id).is_empty(),
                };
                score_cells(row, marks, shown, app.trend.get(&row.influencer_id))
            },
            theme,
        );
    }
    if app.detail
        && let Some(row) = app.selected_row()
    {
        draw_detail(frame, detail_area, app, row, theme);
    }
}

/// The scorecard as bars of its sort key, one creator a line, the selected one kept in view.
fn draw_bars(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let (sort, unit) = match app.options.sort {
        crate::metrics::SortKey::Roi => ("ROI", "%"),
        crate::metrics::SortKey::Cac => ("CAC", "lower is better"),
        crate::metrics::SortKey::Engagement => ("engagement rate", "%"),
        crate::metrics::SortKey::Revenue => ("revenue", "attributed"),
        crate::metrics::SortKey::Profit => ("profit ROI", "%"),
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{sort} by creator"), theme.title()),
        Span::styled(
            format!(" ({unit}; s changes the measure, v shows the table)"),
            theme.dim(),
        ),
    ])];
    let all = super::charts::bar_lines(
        &app.card.rows,
        app.options.sort,
        area.width,
        app.selected[0],
        theme,
    );
    let room = usize::from(area.height).saturating_sub(1).max(1);
    let first = app.selected[0].saturating_sub(room - 1);
    lines.extend(all.into_iter().skip(first).take(room));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Why the scorecard is empty, naming each filter that hides everyone and the key that
/// clears it.
fn empty_hint_text(app: &App) -> String {
    let mut hidden = Vec::new();
    if !app.options.search.is_empty() {
        hidden.push(format!(
            "the search \"{}\" (Esc clears it)",
            crate::domain::visible(&app.options.search)
        ));
    }
    if let Some(p) = app.options.platform {
        hidden.push(format!("the platform {p} (f until \"all\")"));
    }
    if app.options.campaign.is_some() {
        hidden.push(format!(
            "the campaign {} (c until \"all\")",
            crate::domain::visible(&app.campaign_label())
        ));
    }
    if hidden.is_empty() {
        "No creator to show.".to_string()
    } else {
        format!("No creator matches {}.", hidden.join(" and "))
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
    let title = format!(
        " @{}{} · {} · {} followers · t charts ",
        crate::domain::visible(&row.handle),
        if row.name.is_empty() {
            String::new()
        } else {
            format!(" ({})", crate::domain::visible(&row.name))
        },
        row.platform,
        row.followers
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .title(title)
        .title_style(theme.title());
    if app.chart != DetailChart::Figures {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines = match app.selected_series() {
            None => vec![Line::styled(
                "Nothing of hers falls in this period: no order, cost or post to chart (t: \
                 figures).",
                theme.dim(),
            )],
            Some(s) if app.chart == DetailChart::Sales => {
                super::charts::sales_chart(&s, inner.width, inner.height, theme)
            }
            Some(s) => super::charts::payback_chart(&s, inner.width, inner.height, theme),
        };
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let mut lines = figure_lines(row, theme);
    if let (Some(roi), Some(profit_roi)) = (row.roi_pct, row.profit_roi_pct)
        && roi > Decimal::ZERO
        && profit_roi < Decimal::ZERO
    {
        lines.push(Line::styled(
            format!(
                "Loss     ROI {} % on revenue, but {} % on profit: after goods and fees her \
                 orders do not pay for her",
                fmt2(roi),
                fmt2(profit_roi)
            ),
            theme.error(),
        ));
    }
    if let Some(flag) = app.leak_flags.get(&row.influencer_id) {
        lines.push(Line::styled(
            format!(
                "Leak?    {} (L shows what she caused without it)",
                crate::domain::visible(flag)
            ),
            theme.error(),
        ));
    }
    let gifts: Vec<String> = app
        .gifts
        .iter()
        .filter(|g| g.gift.influencer_id == row.influencer_id)
        .map(|g| {
            let status = match g.status {
                crate::metrics::GiftStatus::Posted(d) => format!("posted {d}"),
                s => match s.days_waiting() {
                    Some(d) => format!("{} ({d} d)", s.as_str().replace('_', "-")),
                    None => s.as_str().to_string(),
                },
            };
            format!(
                "{} {} {status}",
                crate::domain::visible(&g.gift.item),
                g.gift.given_on
            )
        })
        .collect();
    if !gifts.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Gifts    ", theme.dim()),
            Span::raw(gifts.join(" · ")),
        ]));
    }
    for flag in app.flags_in_period(row.influencer_id) {
        lines.push(Line::styled(
            format!("Flag ⚑   post of {}: {}", flag.posted_on, flag.reason),
            theme.error(),
        ));
    }
    lines.extend(post_lines(app, row, theme));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

/// The detail's figures: what she cost and brought, the returns, and engagement, each with
/// how it is made up (or why it is undefined).
fn figure_lines(row: &ScoreRow, theme: Theme) -> Vec<Line<'static>> {
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
            "{} orders · revenue {} (after {} refunded) · {} customers, {} new · AOV {}",
            crate::domain::fmt_count(row.orders),
            fmt2(row.revenue),
            fmt2(row.refunded),
            row.customers,
            crate::domain::fmt_count(row.new_customers),
            money_or_why(row.aov, row, Metric::Aov, "")
        )),
    ]));
    if !row.orders.fract().is_zero() || !row.new_customers.fract().is_zero() {
        lines.push(Line::styled(
            "         (an order with two creators' codes counts half to each, so counts can \
             end in .5)",
            theme.dim(),
        ));
    }
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
    if let Some(gross) = row.gross_profit {
        let opt = |v: Option<Decimal>, unit: &str| {
            v.map_or("— (no cost)".into(), |v| format!("{}{unit}", fmt2(v)))
        };
        lines.push(Line::from(vec![
            Span::styled("Profit   ", theme.dim()),
            Span::raw(format!(
                "{} after goods and fees · profit ROI {} · break-even ROAS {}",
                fmt2(gross),
                opt(row.profit_roi_pct, " %"),
                opt(row.breakeven_roas, "")
            )),
        ]));
    }
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
    lines
}

/// Her posts in the period, each with its own engagement rate.
fn post_lines(app: &App, row: &ScoreRow, theme: Theme) -> Vec<Line<'static>> {
    let posts = posts_in_scope(&app.facts, &app.options, app.today, row.influencer_id);
    if posts.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::styled("Posts", theme.dim())];
    for p in posts {
        let rate = engagement_rate_pct(1, p.engagements, p.followers)
            .map_or("—".into(), |r| format!("{} %", fmt2(r)));
        let mut extra = Vec::new();
        if p.content_value > 0 {
            extra.push(format!(
                "content {}",
                fmt2(crate::domain::from_cents(p.content_value))
            ));
        }
        if let Some(s) = p.sentiment {
            extra.push(s.as_str().to_string());
        }
        if !p.note.is_empty() {
            extra.push(format!("“{}”", crate::domain::visible(&p.note)));
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!("  {}", extra.join(" · "))
        };
        lines.push(Line::raw(format!(
            "  {}  {:<9}  {:>9} followers  {:>7} engagements  {rate}{extra}",
            p.posted_on, p.platform, p.followers, p.engagements
        )));
    }
    lines
}
