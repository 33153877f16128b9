//! The charts, drawn as text so they read the same in colour, in `NO_COLOR` and on a light
//! terminal: a creator's sales per day (or week) with her post days marked, her payback
//! curve with its break-even day, the scorecard as bars of its sort key, and the 8-week
//! trend cell of the table. Each builds lines for an area of a given size; drawing them is
//! the caller's.

use crate::domain::{fmt_count, fmt2};
use crate::metrics::{CreatorSeries, Payback, ScoreRow, SortKey, extent};
use crate::tui::theme::Theme;
use chrono::Datelike;
use ratatui::text::{Line, Span};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use unicode_width::UnicodeWidthStr;

/// Eighths of a cell, bottom up.
const VERTICAL: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Eighths of a cell, left to right.
pub(super) const HORIZONTAL: [char; 9] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// The marker of a post day under the sales bars.
pub const POST_MARK: char = '▲';

/// `value / max` in eighths of `cells` cells, at least one eighth for any value above 0.
pub(super) fn eighths(value: Decimal, max: Decimal, cells: usize) -> usize {
    if value <= Decimal::ZERO || max <= Decimal::ZERO || cells == 0 {
        return 0;
    }
    let total = Decimal::from(cells as u64 * 8);
    let units = (value / max * total).round().to_usize().unwrap_or(0);
    units.clamp(1, cells * 8)
}

/// An 8-week trend as one character a week (` ` for a week without orders), scaled to
/// her own busiest week.
pub fn sparkline(weeks: &[Decimal]) -> String {
    let max = weeks.iter().copied().max().unwrap_or_default();
    weeks
        .iter()
        .map(|&w| VERTICAL[eighths(w, max, 1)])
        .collect()
}

/// Which buckets each plotted column shows, and how wide a bucket is: buckets share a
/// column when there are more of them than columns.
struct Columns {
    /// Buckets per column (1 when each bucket has its own columns).
    group: usize,
    /// Columns per bucket group.
    width: usize,
    count: usize,
}

impl Columns {
    fn new(buckets: usize, plot: usize) -> Columns {
        let plot = plot.max(1);
        let group = buckets.div_ceil(plot).max(1);
        let count = buckets.div_ceil(group);
        let width = (plot / count.max(1)).clamp(1, 3);
        Columns {
            group,
            width,
            count,
        }
    }

    /// The first column of bucket `b`.
    fn column_of(&self, bucket: usize) -> usize {
        bucket / self.group * self.width
    }
}

fn label_width(labels: &[&str]) -> usize {
    labels.iter().map(|l| l.width()).max().unwrap_or(0) + 1
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{text:>width$}")
}

/// A date as `12 May` (with the year when the chart spans two).
fn day_label(day: chrono::NaiveDate, with_year: bool) -> String {
    if with_year {
        day.format("%-d %b %Y").to_string()
    } else {
        day.format("%-d %b").to_string()
    }
}

/// A line of `width` cells with `left` at the start and `right` at the end.
fn ends(left: &str, right: &str, width: usize) -> String {
    let gap = width.saturating_sub(left.width() + right.width()).max(1);
    format!("{left}{}{right}", " ".repeat(gap))
}

/// The dates under a plot of `plot` columns: the first day at its left, the last at its right.
fn date_axis(s: &CreatorSeries, gutter: usize, plot: usize, theme: Theme) -> Line<'static> {
    let with_year = s.from.year() != s.to.year();
    Line::styled(
        " ".repeat(gutter)
            + &ends(
                &day_label(s.from, with_year),
                &day_label(s.to, with_year),
                plot,
            ),
        theme.dim(),
    )
}

/// A chart row: its label right-aligned in the gutter, then its cells.
fn labelled(label: &str, gutter: usize, cells: Span<'static>, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(pad_left(label, gutter - 1) + " ", theme.dim()),
        cells,
    ])
}

/// How the sales chart lays out its bars: the gutter, the bucket columns, how wide a bar is
/// and how many rows the bars have.
struct Bars {
    gutter: usize,
    cols: Columns,
    bar_width: usize,
    rows: usize,
}

impl Bars {
    /// One character per bucket group, as wide as a bar, the rest of its columns blank.
    fn cells(&self, groups: impl Iterator<Item = (char, char)>) -> String {
        let mut text = String::new();
        for (cell, blank) in groups {
            text.extend(std::iter::repeat_n(cell, self.bar_width));
            text.extend(std::iter::repeat_n(blank, self.cols.width - self.bar_width));
        }
        text
    }
}

/// The sales chart's title: the span, its orders and revenue, and her usual level.
fn sales_title(s: &CreatorSeries, theme: Theme) -> Line<'static> {
    let orders: Decimal = s.buckets.iter().map(|b| b.orders).sum();
    let revenue: Decimal = s.buckets.iter().map(|b| b.revenue).sum();
    let unit = if s.bucket_days == 1 { "day" } else { "week" };
    let with_year = s.from.year() != s.to.year();
    Line::from(vec![
        Span::styled(format!("Sales per {unit}"), theme.title()),
        Span::raw(format!(
            "  {} – {} · {} orders · {} revenue · {POST_MARK} posts{}",
            day_label(s.from, with_year),
            day_label(s.to, with_year),
            fmt_count(orders),
            fmt2(revenue),
            s.baseline.map_or(String::new(), |(lo, hi)| format!(
                " · ·· usual {}–{}",
                fmt2(lo),
                fmt2(hi)
            ))
        )),
    ])
}

/// The revenue bars, top row first, with her usual level without a post (the lift model's
/// window) as `·` behind them: the rows its quartiles span, on a bucket's scale (buckets
/// merged into a column add up).
fn revenue_rows(
    s: &CreatorSeries,
    grouped: &[(Decimal, Decimal)],
    bars: &Bars,
    theme: Theme,
) -> Vec<Line<'static>> {
    let rows = bars.rows;
    let max = grouped.iter().map(|g| g.0).max().unwrap_or_default();
    let band = s.baseline.filter(|_| max > Decimal::ZERO).map(|(lo, hi)| {
        let group = Decimal::from(bars.cols.group as u64);
        let row_of = |v: Decimal| {
            (v * group / max * Decimal::from(rows as u64))
                .floor()
                .to_usize()
                .unwrap_or(0)
                .min(rows - 1)
        };
        (row_of(lo), row_of(hi))
    });
    (0..rows)
        .rev()
        .map(|r| {
            let label = if r + 1 == rows {
                fmt2(max)
            } else if r == 0 {
                "0".into()
            } else {
                String::new()
            };
            let blank = if band.is_some_and(|(lo, hi)| (lo..=hi).contains(&r)) {
                '·'
            } else {
                ' '
            };
            let text = bars.cells(grouped.iter().map(|&(value, _)| {
                let fill = eighths(value, max, rows).saturating_sub(r * 8).min(8);
                (if fill == 0 { blank } else { VERTICAL[fill] }, blank)
            }));
            labelled(&label, bars.gutter, Span::styled(text, theme.good()), theme)
        })
        .collect()
}

/// Her revenue per bucket as bars, her orders as a one-row sparkline below, her post days
/// marked `▲` under the bucket they fall in, and the dates. `height` includes the title.
pub fn sales_chart(s: &CreatorSeries, width: u16, height: u16, theme: Theme) -> Vec<Line<'static>> {
    let (width, height) = (usize::from(width), usize::from(height));
    let gutter = label_width(&[&fmt2(s.max_revenue()), "orders", "posts"]);
    let cols = Columns::new(s.buckets.len(), width.saturating_sub(gutter));
    // Sum the buckets that share a column.
    let grouped: Vec<(Decimal, Decimal)> = s
        .buckets
        .chunks(cols.group)
        .map(|c| {
            (
                c.iter().map(|b| b.revenue).sum(),
                c.iter().map(|b| b.orders).sum(),
            )
        })
        .collect();
    let bars = Bars {
        gutter,
        bar_width: if cols.width >= 3 { 2 } else { cols.width },
        rows: height.saturating_sub(4).max(1),
        cols,
    };
    let mut lines = vec![sales_title(s, theme)];
    lines.extend(revenue_rows(s, &grouped, &bars, theme));
    let max_orders = grouped.iter().map(|g| g.1).max().unwrap_or_default();
    let sparks = bars.cells(
        grouped
            .iter()
            .map(|&(_, n)| (VERTICAL[eighths(n, max_orders, 1)], ' ')),
    );
    lines.push(labelled("orders", gutter, Span::raw(sparks), theme));
    let plot = bars.cols.count * bars.cols.width;
    let mut marks = vec![' '; plot];
    for day in &s.post_days {
        if let Some(m) = s
            .bucket_of(*day)
            .and_then(|b| marks.get_mut(bars.cols.column_of(b)))
        {
            *m = POST_MARK;
        }
    }
    let marks = Span::styled(marks.into_iter().collect::<String>(), theme.key());
    lines.push(labelled("posts", gutter, marks, theme));
    lines.push(date_axis(s, gutter, plot, theme));
    lines
}

/// The payback chart's title: its legend and the verdict, on profit or on revenue.
fn payback_title(s: &CreatorSeries, theme: Theme) -> Line<'static> {
    let with_year = s.from.year() != s.to.year();
    let verdict = match s.payback_state() {
        Payback::Since(day) => format!("break-even {}", day_label(day, with_year)),
        Payback::NoCost => "no cost yet".into(),
        Payback::NotYet => "not yet".into(),
    };
    let (on, legend) = if s.on_profit {
        ("gross profit", "─ cost  • revenue  + gross profit")
    } else {
        ("revenue", "─ cost  • revenue")
    };
    let style = if s.breakeven.is_some() {
        theme.good()
    } else {
        theme.bad()
    };
    Line::from(vec![
        Span::styled("Payback", theme.title()),
        Span::raw(format!("  {legend} · ")),
        Span::styled(format!("{verdict} (on {on})"), style),
    ])
}

/// The payback curves on a grid of `rows` × `plot` cells, row 0 at the bottom; `row_of`
/// places an amount.
fn payback_grid(
    s: &CreatorSeries,
    plot: usize,
    rows: usize,
    row_of: impl Fn(Decimal) -> usize,
) -> Vec<Vec<char>> {
    let span = s.payback.len();
    // The day each column shows: the last of the days it covers (a day spreads over several
    // columns when there are fewer days than columns).
    let point_of = |c: usize| ((c + 1) * span).div_ceil(plot).min(span).checked_sub(1);
    let breakeven_col = s.breakeven.and_then(|day| {
        let i = s.payback.iter().position(|p| p.day == day)?;
        (0..plot).find(|&c| point_of(c).is_some_and(|p| p >= i))
    });
    let mut grid = vec![vec![' '; plot]; rows];
    for c in 0..plot {
        let Some(i) = point_of(c) else { continue };
        let p = &s.payback[i];
        if Some(c) == breakeven_col {
            for row in grid.iter_mut() {
                row[c] = '│';
            }
        }
        grid[row_of(p.cost)][c] = '─';
        grid[row_of(p.revenue)][c] = '•';
        if let Some(g) = p.gross_profit {
            grid[row_of(g)][c] = '+';
        }
    }
    grid
}

/// Her cumulative cost (`─`), revenue (`•`) and, once a cost of goods or fee is set, gross
/// profit (`+`) day by day, with the break-even day's column marked `│`.
pub fn payback_chart(
    s: &CreatorSeries,
    width: u16,
    height: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let (width, height) = (usize::from(width), usize::from(height));
    let (min, max) = s.payback_extent();
    let (top, bottom) = (fmt2(max), fmt2(min));
    let gutter = label_width(&[&top, &bottom]);
    let plot = width.saturating_sub(gutter).max(1);
    let rows = height.saturating_sub(2).max(2);
    let row_of = |v: Decimal| -> usize {
        if max == min {
            return 0;
        }
        ((v - min) / (max - min) * Decimal::from(rows as u64 - 1))
            .round()
            .to_usize()
            .unwrap_or(0)
    };
    let grid = payback_grid(s, plot, rows, row_of);
    let zero_row = (min < Decimal::ZERO).then(|| row_of(Decimal::ZERO));
    let mut lines = vec![payback_title(s, theme)];
    for r in (0..rows).rev() {
        let label = if r + 1 == rows {
            top.clone()
        } else if r == 0 {
            bottom.clone()
        } else if Some(r) == zero_row {
            "0".into()
        } else {
            String::new()
        };
        let cells = Span::raw(grid[r].iter().collect::<String>());
        lines.push(labelled(&label, gutter, cells, theme));
    }
    lines.push(date_axis(s, gutter, plot, theme));
    lines
}

/// The unit a sort key's value is shown with.
fn unit(sort: SortKey) -> &'static str {
    match sort {
        SortKey::Roi | SortKey::Engagement | SortKey::Profit => " %",
        SortKey::Cac | SortKey::Revenue | SortKey::LtvCac => "",
    }
}

/// One line per creator (in rank order): rank, handle, a bar of the sort key's value from a
/// common zero (negative values to the left of it) and the value. `selected` is marked `▶`.
pub fn bar_lines(
    rows: &[ScoreRow],
    sort: SortKey,
    width: u16,
    selected: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let values: Vec<Option<Decimal>> = rows.iter().map(|r| r.sort_value(sort)).collect();
    let (lo, hi) = extent(values.iter().flatten().copied());
    let labels: Vec<String> = values
        .iter()
        .map(|v| v.map_or("—".into(), |v| format!("{}{}", fmt2(v), unit(sort))))
        .collect();
    let handle_width = rows
        .iter()
        .map(|r| crate::domain::visible(&r.handle).width() + 2)
        .max()
        .unwrap_or(0)
        .min(20);
    let value_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let plot = usize::from(width).saturating_sub(7 + handle_width + value_width);
    let span = hi - lo;
    let left = if span.is_zero() {
        0
    } else {
        (-lo / span * Decimal::from(plot as u64))
            .round()
            .to_usize()
            .unwrap_or(0)
    };
    let right = plot.saturating_sub(left);
    rows.iter()
        .zip(&values)
        .zip(&labels)
        .enumerate()
        .map(|(i, ((row, value), label))| {
            let mut bar = String::with_capacity(plot);
            match value {
                Some(v) if *v < Decimal::ZERO => {
                    let cells = eighths(-*v, -lo, left).div_ceil(8);
                    bar.push_str(&" ".repeat(left - cells));
                    bar.push_str(&"█".repeat(cells));
                    bar.push('│');
                }
                Some(v) => {
                    bar.push_str(&" ".repeat(left));
                    bar.push('│');
                    let e = eighths(*v, hi, right);
                    bar.push_str(&"█".repeat(e / 8));
                    if !e.is_multiple_of(8) {
                        bar.push(HORIZONTAL[e % 8]);
                    }
                }
                None => {
                    bar.push_str(&" ".repeat(left));
                    bar.push('│');
                }
            }
            let pad = (plot + 1).saturating_sub(bar.chars().count());
            let handle = format!("@{}", crate::domain::visible(&row.handle));
            let handle = crate::domain::excerpt(&handle, handle_width - 1);
            let text = format!(
                "{} {:>2} {handle:<handle_width$}{bar}{} {label:>value_width$}",
                if i == selected { '▶' } else { ' ' },
                row.rank,
                " ".repeat(pad),
            );
            let style = match value {
                _ if i == selected => theme.selected(),
                Some(v) if *v < Decimal::ZERO && sort != SortKey::Cac => theme.bad(),
                _ => ratatui::style::Style::default(),
            };
            Line::styled(text, style)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_sparkline_scales_to_the_busiest_week_and_leaves_empty_weeks_blank() {
        assert_eq!(
            sparkline(&[dec!(0), dec!(1), dec!(2), dec!(4), dec!(8)]),
            " ▁▂▄█"
        );
        assert_eq!(sparkline(&[dec!(0), dec!(0)]), "  ");
    }

    #[test]
    fn no_room_draws_nothing_rather_than_panic() {
        assert_eq!(eighths(dec!(5), dec!(10), 0), 0);
        let rows = vec![];
        assert!(bar_lines(&rows, SortKey::Roi, 3, 0, Theme::PLAIN).is_empty());
    }

    #[test]
    fn buckets_share_columns_only_when_there_are_more_of_them() {
        let few = Columns::new(20, 70);
        assert_eq!((few.group, few.width, few.column_of(9)), (1, 3, 27));
        let many = Columns::new(100, 40);
        assert_eq!((many.group, many.width, many.count), (3, 1, 34));
        assert_eq!(many.column_of(9), 3);
    }
}
