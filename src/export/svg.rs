//! The report's charts as SVG: a creator's sales per bucket with her post days and usual
//! band, her payback curve with its break-even day, and the ranking as bars. Positions are
//! computed in `f64` (pixels only); every figure shown is formatted from exact decimals, and
//! the only text from the data (handles) goes through [`escape`].

use crate::domain::{fmt_count, fmt2};
use crate::metrics::{CreatorSeries, Payback, ScoreRow, SortKey, extent};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::fmt::Write;

/// Text made safe inside HTML and SVG: `& < > " '` escaped, control and direction characters
/// dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::domain::text::is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn f(v: Decimal) -> f64 {
    // Only for drawing: positions on the page, never a figure shown.
    v.to_f64().unwrap_or(0.0)
}

const W: f64 = 720.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 10.0;

/// Her revenue per bucket as bars (`rect.bar`, one per bucket with orders) and a `▲` under
/// each post day (`path.post-mark`, one per day).
pub fn sales_svg(s: &CreatorSeries) -> String {
    let (top, plot_h) = (20.0, 140.0);
    let plot_w = W - LEFT - RIGHT;
    let n = s.buckets.len().max(1) as f64;
    let step = plot_w / n;
    let max = s.max_revenue();
    let unit = if s.bucket_days == 1 { "day" } else { "week" };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<figure><svg class=\"sales\" viewBox=\"0 0 {W} 210\" role=\"img\" \
         aria-label=\"Revenue per {unit}, with post days marked\">"
    );
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\"/>\
         <text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{}</text>\
         <text x=\"{lx}\" y=\"{y}\" text-anchor=\"end\">0</text>",
        fmt2(max),
        y = top + plot_h,
        x2 = W - RIGHT,
        lx = LEFT - 4.0,
        ty = top + 4.0
    );
    if let Some((lo, hi)) = s.baseline.filter(|_| !max.is_zero()) {
        let y = |v: Decimal| top + plot_h - f(v / max) * plot_h;
        let _ = writeln!(
            out,
            "<rect class=\"baseline\" x=\"{LEFT}\" y=\"{:.1}\" width=\"{plot_w:.1}\" \
             height=\"{:.1}\"><title>her usual {unit} without a post: {} to {}</title></rect>",
            y(hi),
            (y(lo) - y(hi)).max(1.0),
            fmt2(lo),
            fmt2(hi)
        );
    }
    out.push_str(&sales_bars(s, (top, plot_h), step, max));
    out.push_str(&date_axis(s));
    let orders: Decimal = s.buckets.iter().map(|b| b.orders).sum();
    let revenue: Decimal = s.buckets.iter().map(|b| b.revenue).sum();
    let _ = writeln!(
        out,
        "<figcaption>Revenue per {unit}: {} orders, {} in all; ▲ marks her posts{}.\
         </figcaption></figure>",
        fmt_count(orders),
        fmt2(revenue),
        if s.baseline.is_some() {
            "; the grey band is her usual revenue without a post"
        } else {
            ""
        }
    );
    out
}

/// Her cumulative cost, revenue and gross profit (`polyline.cost`, `.revenue`, `.profit`) and
/// the break-even day (`line.breakeven`).
pub fn payback_svg(s: &CreatorSeries) -> String {
    let (top, plot_h) = (20.0, 150.0);
    let plot_w = W - LEFT - RIGHT;
    let (lo, hi) = s.payback_extent();
    let span = if hi == lo { Decimal::ONE } else { hi - lo };
    let n = s.payback.len().max(2) as f64 - 1.0;
    let x_of = |i: usize| LEFT + i as f64 / n * plot_w;
    let y_of = |v: Decimal| top + plot_h - f((v - lo) / span) * plot_h;
    let line = |class: &str, pick: &dyn Fn(&crate::metrics::PaybackPoint) -> Option<Decimal>| {
        polyline(
            class,
            s.payback
                .iter()
                .enumerate()
                .filter_map(|(i, p)| pick(p).map(|v| (x_of(i), y_of(v)))),
        )
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<figure><svg class=\"payback\" viewBox=\"0 0 {W} 210\" role=\"img\" \
         aria-label=\"Cumulative cost against revenue and gross profit\">\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{z:.1}\" x2=\"{x2}\" y2=\"{z:.1}\"/>\
         <text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{}</text>\
         <text x=\"{lx}\" y=\"{by}\" text-anchor=\"end\">{}</text>",
        fmt2(hi),
        fmt2(lo),
        z = y_of(Decimal::ZERO),
        x2 = W - RIGHT,
        lx = LEFT - 4.0,
        ty = top + 4.0,
        by = top + plot_h
    );
    out.push_str(&line("cost", &|p| Some(p.cost)));
    out.push_str(&line("revenue", &|p| Some(p.revenue)));
    out.push_str(&line("profit", &|p| p.gross_profit));
    let verdict = match s.payback_state() {
        Payback::Since(day) => {
            if let Some(i) = s.payback.iter().position(|p| p.day == day) {
                let _ = writeln!(
                    out,
                    "<line class=\"breakeven\" x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" \
                     y2=\"{b}\"><title>break-even on {day}</title></line>",
                    x = x_of(i),
                    b = top + plot_h
                );
            }
            format!("broke even on {day}")
        }
        Payback::NoCost => "no cost yet".into(),
        Payback::NotYet => "not broken even yet".into(),
    };
    out.push_str(&date_axis(s));
    let on = if s.on_profit {
        "gross profit"
    } else {
        "revenue"
    };
    let _ = writeln!(
        out,
        "<figcaption>Payback: cumulative cost (red) against revenue (green){}; {verdict} \
         (judged on {on}).</figcaption></figure>",
        if s.on_profit {
            " and gross profit (blue, dashed)"
        } else {
            ""
        }
    );
    out
}

/// One bar per creator with a value of the sort key (`rect.roi-bar`), from a common zero.
pub(super) fn bars_svg(rows: &[ScoreRow], sort: SortKey) -> String {
    let value = |r: &ScoreRow| r.sort_value(sort);
    let name = match sort {
        SortKey::Roi => "ROI %",
        SortKey::Cac => "CAC",
        SortKey::Engagement => "Engagement rate %",
        SortKey::Revenue => "Revenue",
        SortKey::Profit => "Profit ROI %",
        SortKey::LtvCac => "LTV:CAC",
    };
    let (lo, hi) = extent(rows.iter().filter_map(value));
    let span = if hi == lo { Decimal::ONE } else { hi - lo };
    let (label_w, value_w, row_h) = (170.0, 90.0, 22.0);
    let plot_w = W - label_w - value_w;
    let zero = label_w + f(-lo / span) * plot_w;
    let height = rows.len() as f64 * row_h + 10.0;
    let mut out = format!(
        "<figure><svg class=\"ranking\" viewBox=\"0 0 {W} {height}\" role=\"img\" \
         aria-label=\"{name} by creator\">\n"
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 5.0 + i as f64 * row_h;
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">@{}</text>",
            label_w - 6.0,
            y + 15.0,
            escape(&r.handle)
        );
        match value(r) {
            Some(v) => {
                let w = f(v.abs() / span) * plot_w;
                let x = if v < Decimal::ZERO { zero - w } else { zero };
                let _ = writeln!(
                    out,
                    "<rect class=\"roi-bar{}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" \
                     height=\"{:.1}\"><title>@{}: {}</title></rect>\
                     <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    if v < Decimal::ZERO { " neg" } else { "" },
                    y + 3.0,
                    row_h - 6.0,
                    escape(&r.handle),
                    fmt2(v),
                    W - value_w + 6.0,
                    y + 15.0,
                    fmt2(v)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\">—</text>",
                    W - value_w + 6.0,
                    y + 15.0
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{zero:.1}\" y1=\"0\" x2=\"{zero:.1}\" y2=\"{height}\"/></svg>\
         <figcaption>{name} by creator, in rank order.</figcaption></figure>"
    );
    out
}

/// The first and last day under a chart, and the end of its SVG.
fn date_axis(s: &CreatorSeries) -> String {
    format!(
        "<text x=\"{LEFT}\" y=\"200\">{}</text><text x=\"{}\" y=\"200\" \
         text-anchor=\"end\">{}</text></svg>\n",
        s.from,
        W - RIGHT,
        s.to
    )
}

/// A line through `points` (x, y) of class `class`; nothing without points.
fn polyline(class: &str, points: impl Iterator<Item = (f64, f64)>) -> String {
    let points: Vec<String> = points.map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
    if points.is_empty() {
        return String::new();
    }
    format!(
        "<polyline class=\"{class}\" points=\"{}\"/>\n",
        points.join(" ")
    )
}

/// The sales chart's bars, one a bucket with orders (`rect.bar`), and a mark under each
/// bucket she posted in (`path.post-mark`).
fn sales_bars(s: &CreatorSeries, (top, plot_h): (f64, f64), step: f64, max: Decimal) -> String {
    let mut out = String::new();
    for (i, b) in s.buckets.iter().enumerate() {
        if b.orders.is_zero() && b.revenue.is_zero() {
            continue;
        }
        let h = if max.is_zero() {
            0.0
        } else {
            f(b.revenue / max) * plot_h
        };
        let _ = writeln!(
            out,
            "<rect class=\"bar\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\">\
             <title>{}: {} orders, {} revenue</title></rect>",
            LEFT + i as f64 * step + step * 0.1,
            top + plot_h - h,
            (step * 0.8).max(1.0),
            h,
            b.start,
            fmt_count(b.orders),
            fmt2(b.revenue)
        );
    }
    for day in &s.post_days {
        if let Some(b) = s.bucket_of(*day) {
            let x = LEFT + (b as f64 + 0.5) * step;
            let y = top + plot_h + 6.0;
            let _ = writeln!(
                out,
                "<path class=\"post-mark\" d=\"M{x:.1} {y:.1} l-5 9 h10 z\">\
                 <title>post on {day}</title></path>"
            );
        }
    }
    out
}

/// Her customers' cumulative revenue per customer by 30-day month since the first order
/// (`polyline.revenue`) against organic customers' (`polyline.organic`), with the cohort in
/// words ([`super::cohort_summary`]) as the caption.
pub fn cohort_svg(detail: &crate::metrics::CohortDetail, handle: &str) -> String {
    let (top, plot_h) = (20.0, 150.0);
    let plot_w = W - LEFT - RIGHT;
    let hi = detail
        .months
        .iter()
        .flat_map(|(h, o)| [*h, *o])
        .flatten()
        .max()
        .unwrap_or(Decimal::ZERO)
        .max(Decimal::ONE);
    let n = detail.months.len().max(2) as f64 - 1.0;
    let x_of = |i: usize| LEFT + i as f64 / n * plot_w;
    let y_of = |v: Decimal| top + plot_h - f(v / hi) * plot_h;
    let line = |class: &str, organic: bool| {
        polyline(
            class,
            detail.months.iter().enumerate().filter_map(|(i, (h, o))| {
                let v = if organic { *o } else { *h };
                v.map(|v| (x_of(i), y_of(v)))
            }),
        )
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<figure><svg class=\"cohort\" viewBox=\"0 0 {W} 200\" role=\"img\" \
         aria-label=\"Revenue per customer by month since the first order\">\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{b}\" x2=\"{x2}\" y2=\"{b}\"/>\
         <text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{}</text>\
         <text x=\"{lx}\" y=\"{b}\" text-anchor=\"end\">0.00</text>\
         <text x=\"{LEFT}\" y=\"{ay}\">month 1</text>\
         <text x=\"{x2}\" y=\"{ay}\" text-anchor=\"end\">month {}</text>",
        fmt2(hi),
        detail.months.len(),
        b = top + plot_h,
        x2 = W - RIGHT,
        lx = LEFT - 4.0,
        ty = top + 4.0,
        ay = top + plot_h + 16.0,
    );
    out.push_str(&line("revenue", false));
    out.push_str(&line("organic", true));
    let words = super::cohort_summary(detail, handle)
        .iter()
        .map(|l| super::escape(l))
        .collect::<Vec<_>>()
        .join("\n");
    let _ = writeln!(
        out,
        "</svg><figcaption>Her customers (green) against customers no creator brought (grey, \
         dashed): revenue per customer by month since the first order.<pre>{words}</pre>\
         </figcaption></figure>"
    );
    out
}
