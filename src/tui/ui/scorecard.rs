//! The scorecard screen: the ranked table (or its bars), its filters line, and the welcome
//! view of an empty database; the detail pane is drawn by `detail.rs`.

use super::{Col, Rows, draw_table};

use crate::export::display_cells;
use crate::metrics::ScoreRow;
use crate::tui::app::App;
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

/// Lifetime value and LTV:CAC, after the others where the width allows.
const LTV_COLS: [Col; 2] = [
    Col::number("LTV", 4).at_least(7),
    Col::number("LTV:CAC", 3).at_least(12),
];

/// The columns shown: the scorecard's (profit ones once known), lifetime value and the
/// trend.
fn score_cols(profit_known: bool) -> Vec<Col> {
    let mut cols = SCORE_COLS[..if profit_known { 17 } else { 14 }].to_vec();
    cols.extend(LTV_COLS);
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
    out.truncate(shown - LTV_COLS.len());
    out.extend(crate::export::ltv_display_cells(row));
    out.push(trend.map_or(String::new(), |t| super::charts::sparkline(t)));
    if marks.leaked {
        out[1].push_str(" ⚠");
    }
    if marks.flagged {
        out[1].push_str(" ⚑");
    }
    if row.loses_on_profit().is_some() {
        out[1].push_str(" ▼");
    }
    out
}

/// The line above the table: the sort, the period, the filters and any search.
fn info_line(app: &App, theme: Theme) -> Line<'static> {
    let sort = match app.options.sort {
        crate::metrics::SortKey::Roi => "ROI ↓",
        crate::metrics::SortKey::Cac => "CAC ↑",
        crate::metrics::SortKey::Engagement => "engagement ↓",
        crate::metrics::SortKey::Revenue => "revenue ↓",
        crate::metrics::SortKey::Profit => "profit ROI ↓",
        crate::metrics::SortKey::LtvCac => "LTV:CAC ↓",
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
    Line::from(info)
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
    let [info_area, table_area, detail_area] = super::scorecard_split(area, app.detail);
    frame.render_widget(Paragraph::new(info_line(app, theme)), info_area);
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
    draw_ranking(frame, table_area, app, cols, theme);
    if app.detail
        && let Some(row) = app.selected_row()
    {
        super::detail::draw_detail(frame, detail_area, app, row, theme);
    }
}

/// The creators ranked: the three views side by side (`V`), the bars of the sort key (`v`),
/// or the table, its marks beside each handle.
fn draw_ranking(frame: &mut Frame, area: Rect, app: &App, cols: &[Col], theme: Theme) {
    let shown = cols.len() - 1;
    if let Some(rows) = &app.compare {
        let text = crate::export::compare_table(rows);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
    } else if app.bars {
        draw_bars(frame, area, app, theme);
    } else {
        draw_table(
            frame,
            area,
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
}

/// The scorecard as bars of its sort key, one creator a line, the selected one kept in view.
fn draw_bars(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let (sort, unit) = match app.options.sort {
        crate::metrics::SortKey::Roi => ("ROI", "%"),
        crate::metrics::SortKey::Cac => ("CAC", "lower is better"),
        crate::metrics::SortKey::Engagement => ("engagement rate", "%"),
        crate::metrics::SortKey::Revenue => ("revenue", "attributed"),
        crate::metrics::SortKey::Profit => ("profit ROI", "%"),
        crate::metrics::SortKey::LtvCac => ("LTV:CAC", "customers' worth over their cost"),
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
