//! Shopify admin › Orders › Export: one row per line item; order-level fields only on an
//! order's first row. Columns are found by name, so the 73, 78 and 79-column layouts all read.

use super::columns::{Columns, RowError, fatal_row};
use super::{ImportError, OrderReader};
use crate::domain::{
    FinancialStatus, OrderRecord, customer_key, normalize_code, parse_amount, to_cents,
};
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use csv::StringRecord;
use std::io::Read;

const COLUMNS: [&str; 9] = [
    "Name",
    "Email",
    "Financial Status",
    "Currency",
    "Subtotal",
    "Discount Code",
    "Created at",
    "Cancelled at",
    "Refunded Amount",
];

pub(crate) struct ShopifyReader<'r, R: Read> {
    csv: &'r mut csv::Reader<R>,
    record: StringRecord,
    at: [usize; 9],
    /// The order whose rows are being read; further rows of it are line items.
    current: String,
}

impl<'r, R: Read> ShopifyReader<'r, R> {
    pub fn new(
        csv: &'r mut csv::Reader<R>,
        header: &StringRecord,
        file: &str,
    ) -> Result<Self, ImportError> {
        let at = Columns::new(header).require(COLUMNS, file, "Shopify orders export")?;
        Ok(ShopifyReader {
            csv,
            record: StringRecord::new(),
            at,
            current: String::new(),
        })
    }

    fn parse(&self, line: u64) -> Result<OrderRecord, RowError> {
        let cell = |i: usize| self.record.get(self.at[i]).unwrap_or("").trim();
        let err = |i: usize, e| RowError::from_value(line, COLUMNS[i], e);
        let amount = |i: usize| -> Result<i64, RowError> {
            let text = cell(i);
            if text.is_empty() && i == 8 {
                return Ok(0); // no refund
            }
            parse_amount(text).and_then(to_cents).map_err(|e| err(i, e))
        };
        let currency = cell(3).to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(RowError::new(
                line,
                COLUMNS[3],
                cell(3),
                "a currency code like USD",
            ));
        }
        let mut codes: Vec<String> = cell(5)
            .split(" + ")
            .map(normalize_code)
            .filter(|c| !c.is_empty())
            .collect();
        codes.sort();
        codes.dedup();
        let refunded = amount(8)?;
        if refunded < 0 {
            return Err(RowError::new(
                line,
                COLUMNS[8],
                cell(8),
                "an amount of 0 or more",
            ));
        }
        Ok(OrderRecord {
            external_id: cell(0).to_string(),
            placed_at: parse_time(cell(6)).map_err(|e| err(6, e))?,
            customer_key: customer_key(cell(1)),
            currency,
            subtotal: amount(4)?,
            refunded,
            status: FinancialStatus::from_name(cell(2)),
            cancelled: !cell(7).is_empty(),
            codes,
            customer_new: None,
        })
    }
}

/// Shopify's `2026-05-12 12:54:07 -0700`; also the forms Excel leaves after re-saving
/// (`2026-05-12 12:54:07`, `2026-05-12 12:54`, read as UTC).
fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, crate::domain::ValueError> {
    if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S %z") {
        return Ok(t);
    }
    for form in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, form) {
            return Ok(t.and_utc().fixed_offset());
        }
    }
    Err(crate::domain::ValueError::new(
        text,
        "a time like 2026-05-12 12:54:07 -0700",
    ))
}

impl<R: Read> OrderReader for ShopifyReader<'_, R> {
    fn next_order(&mut self) -> Option<Result<(u64, OrderRecord), RowError>> {
        loop {
            match self.csv.read_record(&mut self.record) {
                Ok(false) => return None,
                Err(e) => return Some(Err(fatal_row(&e))),
                Ok(true) => {}
            }
            let line = self.record.position().map_or(0, |p| p.line());
            let name = self.record.get(self.at[0]).unwrap_or("").trim();
            if name.is_empty() {
                if self.record.iter().all(|c| c.trim().is_empty()) {
                    continue; // a blank line Excel left at the end
                }
                return Some(Err(RowError::new(
                    line,
                    "Name",
                    "",
                    "an order number like #1001",
                )));
            }
            if name == self.current {
                continue; // another line item of the same order
            }
            self.current = name.to_string();
            return Some(self.parse(line).map(|order| (line, order)));
        }
    }
}
