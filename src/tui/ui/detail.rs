//! The scorecard's detail pane: the selected creator's figures with how each is made up
//! (or why it is undefined), her loss, leak and engagement flags, her gifts and posts; or,
//! as `t` cycles it, her sales chart and payback curve.

use crate::domain::{CostKind, fmt2};
use crate::metrics::{Metric, ScoreRow, engagement_rate_pct, posts_in_scope};
use crate::tui::app::{App, DetailChart};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use rust_decimal::Decimal;

fn money_or_why(value: Option<Decimal>, row: &ScoreRow, metric: Metric, suffix: &str) -> String {
    match value {
        Some(v) => format!("{}{suffix}", fmt2(v)),
        None => format!("— ({})", row.why_undefined(metric).unwrap_or("undefined")),
    }
}

pub(super) fn draw_detail(frame: &mut Frame, area: Rect, app: &App, row: &ScoreRow, theme: Theme) {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(title(row))
        .title_style(theme.title());
    if app.chart != DetailChart::Figures {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        draw_chart(frame, inner, app, row, theme);
        return;
    }
    let mut lines = figure_lines(row, theme);
    if let Some(note) = crate::export::profit_loss_note(row) {
        lines.push(Line::styled(format!("Loss     {note}"), theme.error()));
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
        .shown
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

/// The pane's title: who she is, and how to reach the charts.
fn title(row: &ScoreRow) -> String {
    format!(
        " @{}{} · {} · {} followers · t charts ",
        crate::domain::visible(&row.handle),
        if row.name.is_empty() {
            String::new()
        } else {
            format!(" ({})", crate::domain::visible(&row.name))
        },
        row.platform,
        row.followers
    )
}

/// The detail pane as a chart (`t`): her sales, her payback, or her customers over time.
fn draw_chart(frame: &mut Frame, inner: Rect, app: &App, row: &ScoreRow, theme: Theme) {
    let (width, height) = (inner.width, inner.height);
    if app.chart == DetailChart::Cohort {
        let lines = match app.selected_cohort() {
            Some(c) => super::cohort::cohort_chart(&c, &row.handle, width, height, theme),
            None => vec![Line::styled("No cohort to show (t: figures).", theme.dim())],
        };
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        return;
    }
    let lines = match app.selected_series() {
        None => vec![Line::styled(
            "Nothing of hers falls in this period: no order, cost or post to chart (t: \
             figures).",
            theme.dim(),
        )],
        Some(s) if app.chart == DetailChart::Sales => {
            super::charts::sales_chart(&s, width, height, theme)
        }
        Some(s) => super::charts::payback_chart(&s, width, height, theme),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The detail's figures: what she cost and brought, the returns, and engagement, each with
/// how it is made up (or why it is undefined).
fn figure_lines(row: &ScoreRow, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![cost_line(row, theme)];
    lines.push(Line::from(vec![
        Span::styled("Sales    ", theme.dim()),
        Span::raw(format!(
            "{} orders · revenue {} (after {} refunded) · {} new customers · AOV {}",
            crate::domain::fmt_count(row.orders),
            fmt2(row.revenue),
            fmt2(row.refunded),
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
    lines.push(value_line(row, theme));
    lines
}

/// What she cost, kind by kind, and her commission.
fn cost_line(row: &ScoreRow, theme: Theme) -> Line<'static> {
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
    Line::from(vec![
        Span::styled("Cost     ", theme.dim()),
        Span::raw(format!("{} = {}", fmt2(row.cost), cost_parts.join(" + "))),
    ])
}

/// What the customers she acquired are worth: LTV, LTV:CAC and how it reads, her repeats,
/// and her ROI with them (`t` shows her cohort).
fn value_line(row: &ScoreRow, theme: Theme) -> Line<'static> {
    let [ltv, ratio] = crate::export::ltv_display_cells(row);
    Line::from(vec![
        Span::styled("Value    ", theme.dim()),
        Span::raw(format!(
            "LTV {ltv} · LTV:CAC {ratio} · repeats {} orders, {} · ROI with repeats {}",
            crate::domain::fmt_count(row.cohort.repeat_orders),
            fmt2(row.cohort.repeat_revenue),
            row.roi_with_repeat_pct
                .map_or("— (no cost)".to_string(), |r| format!("{} %", fmt2(r)))
        )),
    ])
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
