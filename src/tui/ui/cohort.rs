//! The detail pane's cohort chart: her customers in words beside organic ones
//! ([`crate::export::cohort_summary`]), then their cumulative revenue per customer by
//! 30-day month since the first order, her bar over the organic one, as many months as fit.

use super::charts::{HORIZONTAL, eighths};
use crate::domain::fmt2;
use crate::metrics::{CohortDetail, MONTH_DAYS};
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

/// A bar of `value` against `max` over `cells` cells, in eighths.
fn bar(value: Option<Decimal>, max: Decimal, cells: usize) -> String {
    let e = value.map_or(0, |v| eighths(v, max, cells));
    let mut out = "█".repeat(e / 8);
    if !e.is_multiple_of(8) {
        out.push(HORIZONTAL[e % 8]);
    }
    out
}

/// The chart's lines for an area `width` × `height`.
pub fn cohort_chart(
    detail: &CohortDetail,
    handle: &str,
    width: u16,
    height: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = crate::export::cohort_summary(detail, handle)
        .into_iter()
        .map(Line::from)
        .collect();
    // The summary's rows as wrapped at this width.
    let used: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(usize::from(width).max(1)).max(1))
        .sum();
    let room = usize::from(height).saturating_sub(used + 1) / 2;
    if room == 0 || detail.months.is_empty() {
        return lines;
    }
    lines.push(Line::styled(
        format!("Revenue per customer by month since the first order: @{handle}, organic"),
        theme.title(),
    ));
    let max = detail
        .months
        .iter()
        .flat_map(|(h, o)| [*h, *o])
        .flatten()
        .max()
        .unwrap_or(Decimal::ZERO);
    // The label (7), and the value and "organic" after the bar (16).
    let cells = usize::from(width).saturating_sub(7 + 16);
    // As many months as fit, spread over the year, the last always in.
    let n = detail.months.len();
    let shown: Vec<usize> = (1..=room.min(n)).map(|i| i * n / room.min(n) - 1).collect();
    for m in shown {
        let (hers, organic) = detail.months[m];
        let label = format!("{:>4} d ", (m as u32 + 1) * MONTH_DAYS);
        let value = |v: Option<Decimal>| v.map_or_else(|| "—".to_string(), fmt2);
        lines.push(Line::from(vec![
            Span::styled(label, theme.dim()),
            Span::raw(bar(hers, max, cells)),
            Span::raw(format!(" {}", value(hers))),
        ]));
        lines.push(Line::from(vec![
            Span::raw("       "),
            Span::styled(bar(organic, max, cells), theme.dim()),
            Span::styled(format!(" {} organic", value(organic)), theme.dim()),
        ]));
    }
    lines
}
