//! The scorecard's incremental view: what each creator really caused (the lift model), its
//! 80 % ranges and flags, and in the detail pane her coded orders day by day with her posts
//! and a leak's start marked.

use super::{Col, Rows, draw_table};
use crate::domain::fmt2;
use crate::export::fmt_estimate;
use crate::metrics::{LiftReport, LiftRow};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline, Wrap};
use rust_decimal::Decimal;

const LIFT_COLS: [Col; 9] = [
    Col::text("#", 1),
    Col::text("Influencer", 1).at_least(18),
    Col::number("Posts", 5),
    Col::number("Coded", 3).at_least(6),
    Col::number("Leaked", 2),
    Col::number("Incremental", 1),
    Col::number("80 % range", 2).at_least(12),
    Col::number("Cost", 4).at_least(8),
    Col::number("Incr. ROI %", 1),
];

/// The screen cells of a row, without incremental revenue (the app has no room for it):
/// a suspected leak marked `⚠`.
fn lift_cells(r: &LiftRow) -> Vec<String> {
    let mut cells = crate::export::lift_display_cells(r);
    cells.remove(7);
    if r.leak_suspected {
        cells[1].push_str(" ⚠");
    }
    cells
}

pub(super) fn draw_lift(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    report: &LiftReport,
    theme: Theme,
) {
    let info = Line::from(vec![
        Span::styled("View ", theme.dim()),
        Span::styled("incremental", theme.title()),
        Span::raw(" (orders over the baseline around posts, codes or not, less leaks)"),
        Span::styled("  Period ", theme.dim()),
        Span::raw(app.period_label()),
        Span::styled("  Shop ", theme.dim()),
        Span::raw(crate::domain::visible(
            app.lift_shop
                .as_ref()
                .map_or("all", |(name, _)| name.as_str()),
        )),
        Span::styled("  L", theme.key()),
        Span::raw(" by code"),
    ]);
    let [info_area, table_area, detail_area] = super::scorecard_split(area, app.detail);
    frame.render_widget(Paragraph::new(info), info_area);
    if report.rows.is_empty() {
        let why = report.notes.join("; ");
        frame.render_widget(Paragraph::new(why).style(theme.dim()), table_area);
        return;
    }
    let selected = app.selected[0];
    draw_table(
        frame,
        table_area,
        &LIFT_COLS,
        Rows {
            len: report.rows.len(),
            selected,
            scroll: app.col_scroll,
        },
        |i| lift_cells(&report.rows[i]),
        theme,
    );
    if app.detail
        && let Some(row) = report.rows.get(selected)
    {
        draw_lift_detail(frame, detail_area, report, row, theme);
    }
}

/// Her figures, a chart of her coded orders by day with her posts (▲) and a leak's start
/// (!) under it, and every flag in words.
fn draw_lift_detail(
    frame: &mut Frame,
    area: Rect,
    report: &LiftReport,
    row: &LiftRow,
    theme: Theme,
) {
    let title = format!(" @{} · incremental ", crate::domain::visible(&row.handle));
    let block = Block::new()
        .borders(Borders::TOP)
        .title(title)
        .title_style(theme.title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [figures, chart, marks, flags] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(figure_lines(row)).wrap(Wrap { trim: false }),
        figures,
    );
    // One column a day, the last days that fit.
    let days = row.daily_coded.len();
    let shown = days.min(chart.width as usize);
    let first = days - shown;
    let data: Vec<u64> = row.daily_coded[first..]
        .iter()
        .map(|v| (v * 10.0).round() as u64)
        .collect();
    frame.render_widget(Sparkline::default().data(&data).style(theme.good()), chart);
    frame.render_widget(
        Paragraph::new(Line::styled(
            day_marks(report, row, first, shown),
            theme.key(),
        )),
        marks,
    );
    frame.render_widget(
        Paragraph::new(flag_lines(row, theme)).wrap(Wrap { trim: false }),
        flags,
    );
}

/// What she caused, its range, and its ROI, in two sentences.
fn figure_lines(row: &LiftRow) -> Vec<Line<'static>> {
    let roi = row
        .incremental_roi_pct
        .map_or("— (no cost recorded)".into(), |r| {
            format!("{} %", fmt2(r))
        });
    vec![
        Line::raw(format!(
            "Caused {} orders (80 %: {}–{}): {} with her code, {} without; {} of her {} coded \
             orders put down to a leak.",
            fmt_estimate(row.incremental_orders),
            fmt_estimate(row.incremental_low),
            fmt_estimate(row.incremental_high),
            fmt_estimate(row.coded_orders),
            fmt_estimate(row.uncoded_orders),
            fmt_estimate(row.leak_orders),
            fmt_estimate(row.code_orders),
        )),
        Line::raw(format!(
            "Revenue {} against a cost of {}: incremental ROI {roi}.",
            fmt2(row.incremental_revenue),
            fmt2(row.cost)
        )),
    ]
}

/// The marks under the chart's `shown` days from day `first`: `▲` on her post days, `!` on
/// the day a leak seems to start.
fn day_marks(report: &LiftReport, row: &LiftRow, first: usize, shown: usize) -> String {
    let mut line: Vec<char> = vec![' '; shown];
    let column = |day: i64| {
        usize::try_from(day - first as i64)
            .ok()
            .filter(|&i| i < shown)
    };
    for &p in &row.post_days {
        if let Some(i) = column(p) {
            line[i] = '▲';
        }
    }
    if let (Some(since), Some(start)) = (row.leak_since, report.from)
        && let Some(i) = column((since - start).num_days())
    {
        line[i] = '!';
    }
    line.into_iter().collect()
}

/// The chart's key, the basis of the estimate and every flag in words.
fn flag_lines(row: &LiftRow, theme: Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = vec![
        Line::styled(
            "Coded orders a day; ▲ her posts, ! where a leak seems to start.",
            theme.dim(),
        ),
        Line::raw(format!(
            "The estimate {}.",
            crate::domain::visible(&row.basis)
        )),
    ];
    for f in &row.flags {
        lines.push(Line::styled(
            format!("! {}", crate::domain::visible(f)),
            theme.error(),
        ));
    }
    if row.flags.is_empty() && row.incremental_revenue > Decimal::ZERO {
        lines.push(Line::styled("No flags.", theme.dim()));
    }
    lines
}
