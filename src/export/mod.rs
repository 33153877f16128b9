//! Everything that leaves shoutout as text: the scorecard's and the lift report's CSV and
//! aligned tables, the entry lists' row definitions ([`lists`]), the HTML report with its
//! SVG charts, the text views (campaigns, plans, cohorts, since last time) and the safe
//! writing of an export file.
//!
//! The scorecard's outputs take their cells from [`cells`], so a figure is formatted once, the same way
//! everywhere: 2 decimals, half away from zero, `.` as decimal point, undefined as empty.

mod campaign;
mod cohort;
mod csv_out;
mod file;
mod lift;
pub mod lists;
mod plan;
mod report;
mod since;
mod svg;
mod table;
mod views;

pub use campaign::{campaign_lines, gauge};
pub use cohort::cohort_summary;
pub use csv_out::{CSV_HEADER, GIFT_HEADER, GIFT_HEADER_WITHOUT_ID, neutralize, write_csv};
pub use file::{ExportError, ExportTarget, unused_name, write_atomically, write_export};
pub use lift::{
    LIFT_HEADER, fmt_estimate, lift_cells, lift_display_cells, lift_json, render_lift_table,
    write_lift_csv,
};
pub use lists::payout_table;
pub use plan::plan_lines;
pub use report::{REPORT_MARK, ReportInput, html_report, report_html};
pub use since::since_lines;
pub use svg::{cohort_svg, escape, payback_svg, sales_svg};
pub use table::{LTV_TITLES, TITLES, align_columns, profit_loss_note, render_table};
pub use views::{
    COMPARE_HEADER, VIEW_HEADER, compare_table, view_table, write_compare_csv, write_view_csv,
};

use crate::domain::fmt2;
use crate::metrics::ScoreRow;
use rust_decimal::Decimal;

/// The cells of a row in [`CSV_HEADER`] order; `None` where a figure is undefined. A
/// channel has no rank, and `channel` for its platform.
pub fn cells(row: &ScoreRow) -> [Option<String>; 26] {
    let opt = |v: Option<Decimal>| v.map(fmt2);
    [
        (!row.channel).then(|| row.rank.to_string()),
        Some(row.handle.clone()),
        Some(if row.channel {
            "channel".to_string()
        } else {
            row.platform.as_str().to_string()
        }),
        Some(row.followers.to_string()),
        Some(row.posts.to_string()),
        Some(fmt2(row.cost)),
        Some(fmt2(row.orders)),
        Some(fmt2(row.revenue)),
        Some(fmt2(row.new_customers)),
        opt(row.roi_pct),
        opt(row.roas),
        opt(row.cac),
        opt(row.aov),
        opt(row.engagement_rate_pct),
        opt(row.gross_profit),
        opt(row.profit_roi_pct),
        opt(row.breakeven_roas),
        Some(row.gifts_sent.to_string()),
        Some(row.gifts_posted.to_string()),
        Some(fmt2(row.content_value)),
        opt(row.roi_with_content_pct),
        Some(fmt2(row.cohort.repeat_orders)),
        Some(fmt2(row.cohort.repeat_revenue)),
        opt(row.ltv),
        opt(row.ltv_to_cac),
        opt(row.roi_with_repeat_pct),
    ]
}

/// The cells of a row as read on a screen (the CLI table, the app): handles with their `@`,
/// order and customer counts whole when whole (`51`, or `20.5` for a shared order), `—`
/// where a figure is undefined. Files keep [`cells`].
pub fn display_cells(row: &ScoreRow) -> Vec<String> {
    let mut out: Vec<String> = cells(row)
        .into_iter()
        .map(|c| c.unwrap_or_else(|| "—".into()))
        .collect();
    if !row.channel {
        out[1] = format!("@{}", row.handle);
    }
    out[6] = crate::domain::fmt_count(row.orders);
    out[8] = crate::domain::fmt_count(row.new_customers);
    if row.archived {
        out[1].push_str(" (archived)");
    }
    out
}

/// The lifetime value cells as read on a screen: `ltv`, and `ltv_to_cac` with how it reads
/// ("2.70 thin"); `—` where undefined.
pub fn ltv_display_cells(row: &ScoreRow) -> [String; 2] {
    let dash = || "—".to_string();
    [
        row.ltv.map_or_else(dash, fmt2),
        row.ltv_to_cac.map_or_else(dash, |r| match row.ltv_health {
            Some(h) => format!("{} {}", fmt2(r), h.as_str()),
            None => fmt2(r),
        }),
    ]
}

/// The scorecard as JSON for scripts: an array of objects keyed by the CSV header, every
/// amount a decimal string (never a float), undefined figures `null`.
pub fn scorecard_json(card: &crate::metrics::Scorecard) -> serde_json::Value {
    let rows = card
        .rows
        .iter()
        .chain(&card.channels)
        .map(|row| {
            let map = CSV_HEADER
                .iter()
                .zip(cells(row))
                .map(|(k, v)| {
                    (
                        k.to_string(),
                        v.map_or(serde_json::Value::Null, serde_json::Value::String),
                    )
                })
                .collect();
            serde_json::Value::Object(map)
        })
        .collect();
    serde_json::Value::Array(rows)
}

/// Which of the [`cells`] are text (and so may need neutralising); the rest are numbers.
pub const TEXT_COLUMNS: [bool; 26] = [
    false, true, true, false, false, false, false, false, false, false, false, false, false, false,
    false, false, false, false, false, false, false, false, false, false, false, false,
];
