//! The scorecard as an aligned text table for the terminal (the CLI's default output).

use super::display_cells;
use crate::metrics::Scorecard;
use unicode_width::UnicodeWidthStr;

/// The table's column titles, in [`super::CSV_HEADER`] order.
pub const TITLES: [&str; 17] = [
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

/// The lifetime value columns' titles, after the others ([`super::ltv_display_cells`]).
pub const LTV_TITLES: [&str; 2] = ["LTV", "LTV:CAC"];

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
            cells.extend(super::ltv_display_cells(row));
            cells
        })
        .collect();
    let mut titles = TITLES[..if card.profit_known { 17 } else { 14 }].to_vec();
    titles.extend(LTV_TITLES);
    let mut out = align(&titles, &body, &[1, 2]);
    for row in &card.rows {
        if let Some(note) = profit_loss_note(row) {
            out.push_str(&format!("@{}: {note}\n", row.handle));
        }
    }
    if body.is_empty() {
        out.push_str("(no influencers yet: add one with `shoutout influencer add`)\n");
    }
    out
}

/// The sentence for a creator whose orders pay on revenue but not on profit
/// ([`crate::metrics::ScoreRow::loses_on_profit`]); the CLI's table and the app's detail say
/// it the same way.
pub fn profit_loss_note(row: &crate::metrics::ScoreRow) -> Option<String> {
    let (roi, profit_roi) = row.loses_on_profit()?;
    Some(format!(
        "ROI {} % on revenue but {} % on profit: after goods and fees her orders do not pay \
         for her",
        crate::domain::fmt2(roi),
        crate::domain::fmt2(profit_roi)
    ))
}

/// Lines up a table: titles, then rows, columns two spaces apart and measured in terminal
/// columns; the columns in `left` are left-aligned (text), the others right-aligned
/// (numbers).
pub fn align(titles: &[&str], body: &[Vec<String>], left: &[usize]) -> String {
    let titles: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    let rows: Vec<&[String]> = std::iter::once(titles.as_slice())
        .chain(body.iter().map(Vec::as_slice))
        .collect();
    let mut out = String::new();
    for line in lines_of(&rows, |i| left.contains(&i)) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Rows of cells as left-aligned columns two spaces apart, measured in terminal columns; no
/// trailing spaces.
pub fn align_columns<const N: usize>(rows: &[[String; N]]) -> Vec<String> {
    lines_of(rows, |_| true)
}

/// The lines of a table whose columns are as wide as their widest cell: column `i` padded
/// after its cells when `left(i)` (text), before them otherwise (numbers).
fn lines_of<R: AsRef<[String]>>(rows: &[R], left: impl Fn(usize) -> bool) -> Vec<String> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        for (i, cell) in row.as_ref().iter().enumerate() {
            match widths.get_mut(i) {
                Some(w) => *w = (*w).max(cell.width()),
                None => widths.push(cell.width()),
            }
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, (cell, w)) in row.as_ref().iter().zip(&widths).enumerate() {
                let pad = " ".repeat(w - cell.width());
                if i > 0 {
                    line.push_str("  ");
                }
                if left(i) {
                    line.push_str(cell);
                    line.push_str(&pad);
                } else {
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}
