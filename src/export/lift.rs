//! The lift report written out: its CSV (a fixed header, then extra columns after it) and
//! the table the CLI prints. Counts and amounts are rounded to 2 decimals here, as
//! everywhere, and only here.

use super::neutralize;
use super::table::align;
use crate::domain::fmt2;
use crate::metrics::{LiftReport, LiftRow};
use rust_decimal::Decimal;
use std::io::Write;

/// The exact header of the lift CSV: the contract's columns, then more.
pub const LIFT_HEADER: [&str; 17] = [
    "influencer",
    "code_orders",
    "leak_orders",
    "incremental_orders",
    "incremental_low",
    "incremental_high",
    "incremental_revenue",
    "cost",
    "incremental_roi_pct",
    "leak_suspected",
    "leak_since",
    "rank",
    "uncertain",
    "posts",
    "uncoded_orders",
    "flags",
    "basis",
];

/// A count estimate with 2 decimals.
fn count(v: f64) -> String {
    fmt2(Decimal::from_f64_retain(v).unwrap_or_default())
}

/// The cells of a row, in [`LIFT_HEADER`] order.
pub fn lift_cells(row: &LiftRow) -> [String; 17] {
    [
        neutralize(&row.handle),
        count(row.code_orders),
        count(row.leak_orders),
        count(row.incremental_orders),
        count(row.incremental_low),
        count(row.incremental_high),
        fmt2(row.incremental_revenue),
        fmt2(row.cost),
        row.incremental_roi_pct.map(fmt2).unwrap_or_default(),
        row.leak_suspected.to_string(),
        row.leak_since.map(|d| d.to_string()).unwrap_or_default(),
        row.rank.to_string(),
        row.uncertain.to_string(),
        row.posts.to_string(),
        count(row.uncoded_orders),
        neutralize(&row.flags.join("; ")),
        neutralize(&row.basis),
    ]
}

/// The lift report as JSON for scripts: an array of objects keyed by [`LIFT_HEADER`],
/// amounts and estimates as decimal strings, `leak_suspected` and `uncertain` as booleans,
/// empty cells `null`.
pub fn lift_json(report: &LiftReport) -> serde_json::Value {
    use serde_json::Value;
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let map = LIFT_HEADER
                .iter()
                .zip(lift_cells(row))
                .map(|(k, v)| {
                    let value = match (*k, v.as_str()) {
                        (_, "") => Value::Null,
                        ("leak_suspected" | "uncertain", b) => Value::Bool(b == "true"),
                        _ => Value::String(v),
                    };
                    (k.to_string(), value)
                })
                .collect();
            Value::Object(map)
        })
        .collect();
    Value::Array(rows)
}

/// Writes the lift report as UTF-8 CSV, rows in rank order.
pub fn write_lift_csv(report: &LiftReport, out: impl Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(LIFT_HEADER)?;
    for row in &report.rows {
        w.write_record(lift_cells(row))?;
    }
    w.flush()?;
    Ok(())
}

/// An estimated count as read on a screen: one decimal (`3.4` orders); never `-0.0`.
pub fn fmt_estimate(v: f64) -> String {
    let shown = format!("{v:.1}");
    match shown.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
        _ => shown,
    }
}

/// The cells of a row as read on a screen (the CLI table, the app): the rank with `?` when
/// too uncertain to trust, the handle with its `@`, estimates to one decimal, the 80 % range,
/// incremental revenue, cost and ROI (`—` when undefined).
pub fn lift_display_cells(r: &LiftRow) -> Vec<String> {
    vec![
        format!("{}{}", r.rank, if r.uncertain { "?" } else { "" }),
        format!("@{}", r.handle),
        r.posts.to_string(),
        fmt_estimate(r.code_orders),
        fmt_estimate(r.leak_orders),
        fmt_estimate(r.incremental_orders),
        format!(
            "{}–{}",
            fmt_estimate(r.incremental_low),
            fmt_estimate(r.incremental_high)
        ),
        fmt2(r.incremental_revenue),
        fmt2(r.cost),
        r.incremental_roi_pct.map_or("—".into(), fmt2),
    ]
}

/// The report as a person reads it: the model's assumptions, a ranked table (`?` beside a
/// rank too uncertain to trust), every flag in words, and the notes.
pub fn render_lift_table(report: &LiftReport, window_days: u32) -> String {
    let period = match (report.from, report.to) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "no orders".into(),
    };
    let mut out = format!(
        "Incremental orders, {period}: over a baseline of {:.1} new customers' orders a day \
         without a code; a post acts for \
         up to {window_days} days, {:.1} days after it on average. Ranges are 80 %.\n\n",
        report.baseline_per_day, report.mean_delay_days
    );
    let titles = [
        "#",
        "Influencer",
        "Posts",
        "Coded",
        "Leaked",
        "Incremental",
        "80 % range",
        "Revenue",
        "Cost",
        "ROI %",
    ];
    let body: Vec<Vec<String>> = report.rows.iter().map(lift_display_cells).collect();
    out.push_str(&align(&titles, &body, &[1]));
    if report.rows.is_empty() {
        out.push_str("(no influencers yet: add one with `shoutout influencer add`)\n");
    }
    for r in &report.rows {
        out.push_str(&format!("@{}: {}\n", r.handle, r.basis));
        for f in &r.flags {
            out.push_str(&format!("@{}: {f}\n", r.handle));
        }
    }
    for n in &report.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_estimate_of_nothing_is_never_negative_zero() {
        assert_eq!(fmt_estimate(-0.0), "0.0");
        assert_eq!(fmt_estimate(-0.04), "0.0");
        assert_eq!(fmt_estimate(-0.06), "-0.1");
        assert_eq!(fmt_estimate(3.44), "3.4");
    }
}
