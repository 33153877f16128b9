//! The scorecard as CSV: a fixed header, plain numbers, and text cells that a spreadsheet
//! can never run as a formula.

use super::{TEXT_COLUMNS, cells};
use crate::metrics::Scorecard;
use std::io::Write;

/// The exact header of the scorecard CSV.
pub const CSV_HEADER: [&str; 26] = [
    "rank",
    "influencer",
    "platform",
    "followers",
    "posts",
    "cost",
    "orders",
    "revenue",
    "new_customers",
    "roi_pct",
    "roas",
    "cac",
    "aov",
    "engagement_rate_pct",
    "gross_profit",
    "profit_roi_pct",
    "breakeven_roas",
    "gifts_sent",
    "gifts_posted",
    "content_value",
    "roi_with_content_pct",
    "repeat_orders",
    "repeat_revenue",
    "ltv",
    "ltv_to_cac",
    "roi_with_repeat_pct",
];

/// The exact header of `gift list --csv`.
pub const GIFT_HEADER: [&str; 10] = super::lists::keys(&super::lists::GIFTS);

/// The gift ledger's header before it began with the gift's id: an export under it is still
/// shoutout's own, replaced without `--force`.
pub const GIFT_HEADER_WITHOUT_ID: &str =
    "influencer,date,item,retail,cost,shipping,status,posted_on,days_waiting";

/// Prefixes a text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return, line feed) with `'`.
pub fn neutralize(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// Writes the scorecard as UTF-8 CSV, rows in the scorecard's order, then any channels
/// (no rank).
pub fn write_csv(card: &Scorecard, out: impl Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for row in card.rows.iter().chain(&card.channels) {
        let record: Vec<String> = cells(row)
            .into_iter()
            .zip(TEXT_COLUMNS)
            .map(|(cell, text)| match (cell, text) {
                (None, _) => String::new(),
                (Some(t), true) => neutralize(&t),
                (Some(n), false) => n,
            })
            .collect();
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for evil in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(1+1)",
            "+1",
            "-2",
            "\tx",
            "\rx",
            "\nx",
        ] {
            assert!(neutralize(evil).starts_with('\''), "{evil:?}");
        }
        assert_eq!(neutralize("clay_kiln"), "clay_kiln");
    }
}
