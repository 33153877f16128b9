//! A creator's cohort in words, beside the organic one: how many customers she brought,
//! how many came back, what they are worth at 30, 90 and 365 days. The app's cohort chart and
//! the HTML report both print these lines.

use crate::domain::{fmt_count, fmt2};
use crate::metrics::CohortDetail;

/// A figure per customer, or `—` without customers.
fn per(value: Option<rust_decimal::Decimal>) -> String {
    value.map_or_else(|| "—".to_string(), fmt2)
}

/// The summary: her customers and their come-backs over the longest window, their worth at
/// each window beside organic customers', and how many times an organic customer hers are
/// worth.
pub fn cohort_summary(detail: &CohortDetail, handle: &str) -> Vec<String> {
    let Some((days, hers, _)) = detail.at.last() else {
        return Vec::new();
    };
    if hers.customers.is_zero() {
        return vec![format!(
            "@{handle} acquired no customer in this period: no cohort to follow."
        )];
    }
    let mut lines = vec![format!(
        "@{handle} acquired {} customer(s); {} came back within {days} days; repeat revenue \
         {} (orders without a creator's code).",
        fmt_count(hers.customers),
        fmt_count(hers.came_back),
        fmt2(hers.repeat_revenue),
    )];
    let head: Vec<String> = detail
        .at
        .iter()
        .map(|(d, _, _)| format!("{d:>9} d"))
        .collect();
    lines.push(format!("{:<16}{}", "Per customer", head.join("")));
    let row = |name: String, hers: bool| {
        let cells: Vec<String> = detail
            .at
            .iter()
            .map(|(_, h, o)| format!("{:>11}", per(if hers { h } else { o }.per_customer())))
            .collect();
        format!("{name:<16}{}", cells.join(""))
    };
    lines.push(row(format!("@{handle}"), true));
    lines.push(row("organic".to_string(), false));
    if let Some((days, times)) = detail.times_organic() {
        lines.push(format!(
            "Her buyers are worth {}× an organic buyer over {days} days.",
            fmt2(times)
        ));
    }
    lines
}
