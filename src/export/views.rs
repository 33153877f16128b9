//! The three views of the scorecard as text and CSV: one view ranked by its own ROI
//! (`scorecard --view`), and every creator's rank under all three (`scorecard --compare`).

use super::neutralize;
use super::table::align;
use crate::domain::fmt2;
use crate::metrics::{Compared, View, ViewRow};
use std::io::Write;

/// The exact header of `scorecard --view V --csv`.
pub const VIEW_HEADER: [&str; 5] = ["rank", "influencer", "cost", "revenue", "roi_pct"];

/// The exact header of `scorecard --compare --csv`.
pub const COMPARE_HEADER: [&str; 7] = [
    "influencer",
    "code_rank",
    "code_roi_pct",
    "customer_rank",
    "customer_roi_pct",
    "incremental_rank",
    "incremental_roi_pct",
];

fn view_cells(r: &ViewRow) -> [String; 5] {
    [
        r.rank.to_string(),
        r.handle.clone(),
        fmt2(r.cost),
        fmt2(r.revenue),
        r.roi_pct.map(fmt2).unwrap_or_default(),
    ]
}

fn compare_cells(c: &Compared) -> [String; 7] {
    let roi = |i: usize| c.rois[i].map(fmt2).unwrap_or_default();
    [
        c.handle.clone(),
        c.ranks[0].to_string(),
        roi(0),
        c.ranks[1].to_string(),
        roi(1),
        c.ranks[2].to_string(),
        roi(2),
    ]
}

/// Writes CSV rows under `header`, the handle (column `text`) neutralised.
fn write<const N: usize>(
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
    text: usize,
    out: impl Write,
) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for mut row in rows {
        row[text] = neutralize(&row[text]);
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_view_csv(rows: &[ViewRow], out: impl Write) -> csv::Result<()> {
    write(VIEW_HEADER, rows.iter().map(view_cells), 1, out)
}

pub fn write_compare_csv(rows: &[Compared], out: impl Write) -> csv::Result<()> {
    write(COMPARE_HEADER, rows.iter().map(compare_cells), 0, out)
}

/// A line saying what a view's revenue is, then its ranked table.
pub fn view_table(rows: &[ViewRow], view: View) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut cells = view_cells(r).to_vec();
            cells[1] = format!("@{}", r.handle);
            if cells[4].is_empty() {
                cells[4] = "—".into();
            }
            cells
        })
        .collect();
    format!(
        "View: {} — revenue is {}.\n{}",
        view.as_str(),
        view.meaning(),
        align(
            &["#", "Influencer", "Cost", "Revenue", "ROI %"],
            &body,
            &[1]
        )
    )
}

/// Every creator's rank under the three views, one line each, and where they disagree most.
pub fn compare_table(rows: &[Compared]) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|c| {
            let mut cells = compare_cells(c).to_vec();
            cells[0] = format!("@{}", c.handle);
            for cell in cells.iter_mut().skip(1) {
                if cell.is_empty() {
                    *cell = "—".into();
                }
            }
            cells
        })
        .collect();
    let mut out = String::from(
        "Rank under each view: code (last touch), customer (first touch: her customers' window \
         revenue), incremental (what the lift model says she caused).\n",
    );
    out.push_str(&align(
        &[
            "Influencer",
            "Code #",
            "ROI %",
            "Customer #",
            "ROI %",
            "Incremental #",
            "ROI %",
        ],
        &body,
        &[0],
    ));
    for c in rows {
        let (lo, hi) = (
            c.ranks.iter().min().copied().unwrap_or(0),
            c.ranks.iter().max().copied().unwrap_or(0),
        );
        if hi >= lo + 2 {
            out.push_str(&format!(
                "@{}: {} by code, {} by her customers, {} by what she caused\n",
                c.handle,
                ordinal(c.ranks[0]),
                ordinal(c.ranks[1]),
                ordinal(c.ranks[2])
            ));
        }
    }
    out
}

/// 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, 21st.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
