//! The scorecard as an aligned text table for the terminal (the CLI's default output).

use super::display_cells;
use crate::domain::fmt2;
use crate::metrics::Scorecard;
use unicode_width::UnicodeWidthStr;

const TITLES: [&str; 17] = [
    "#",
    "Influencer",
    "Platform",
    "Followers",
    "Posts",
    "Cost",
    "Orders",
    "Revenue",
    "New",
    "ROI %",
    "ROAS",
    "CAC",
    "AOV",
    "Eng %",
    "Profit",
    "Profit ROI %",
    "Break-even ROAS",
];

/// Renders the scorecard with numbers right-aligned and undefined figures as `—`. Widths are
/// measured in terminal columns, so wide characters and emoji in handles line up.
pub fn render_table(card: &Scorecard) -> String {
    let body: Vec<Vec<String>> = card
        .rows
        .iter()
        .chain(&card.channels)
        .map(|row| {
            let mut cells = display_cells(row);
            // Without a cost of goods or a fee, no profit columns.
            cells.truncate(if card.profit_known { 17 } else { 14 });
            cells
        })
        .collect();
    let titles = &TITLES[..if card.profit_known { 17 } else { 14 }];
    let mut out = align(titles, &body, &[1, 2]);
    for row in &card.rows {
        if let (Some(roi), Some(profit_roi)) = (row.roi_pct, row.profit_roi_pct)
            && roi > rust_decimal::Decimal::ZERO
            && profit_roi < rust_decimal::Decimal::ZERO
        {
            out.push_str(&format!(
                "@{}: ROI {} % on revenue but {} % on profit: after goods and fees her orders \
                 do not pay for her\n",
                row.handle,
                crate::domain::fmt2(roi),
                crate::domain::fmt2(profit_roi)
            ));
        }
    }
    if body.is_empty() {
        out.push_str("(no influencers yet: add one with `shoutout influencer add`)\n");
    }
    out
}

/// Lines up a table: titles, then rows, columns two spaces apart and measured in terminal
/// columns; the columns in `left` are left-aligned (text), the others right-aligned
/// (numbers).
pub fn align(titles: &[&str], body: &[Vec<String>], left: &[usize]) -> String {
    let mut widths: Vec<usize> = titles.iter().map(|t| t.width()).collect();
    for row in body {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w.saturating_sub(cell.width()));
            if i > 0 {
                out.push_str("  ");
            }
            if left.contains(&i) {
                out.push_str(cell);
                out.push_str(&pad);
            } else {
                out.push_str(&pad);
                out.push_str(cell);
            }
        }
        out.trim_end().to_string()
    };
    let titles: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    let mut out = line(&titles);
    out.push('\n');
    for row in body {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

/// Rows of cells as left-aligned columns two spaces apart, measured in terminal columns; no
/// trailing spaces.
pub fn align_columns<const N: usize>(rows: &[[String; N]]) -> Vec<String> {
    let mut widths = [0usize; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.width()));
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// The payouts as a table to read: each creator's commission earned, held for refunds, paid
/// and owed (the CLI's `payout list` and the app's payouts note).
pub fn payout_table(lines: &[crate::metrics::PayoutLine]) -> Vec<String> {
    let mut rows = vec![[
        "influencer".to_string(),
        "earned".into(),
        "held".into(),
        "paid".into(),
        "owed".into(),
    ]];
    for l in lines {
        rows.push([
            format!("@{}", l.handle),
            fmt2(l.commission_earned),
            fmt2(l.commission_held),
            fmt2(l.paid),
            fmt2(l.owed),
        ]);
    }
    align_columns(&rows)
}
