//! Walking the rows of an export order by order: where one order spans several consecutive
//! rows (one per line item) only its first row is yielded, and files with one row per order
//! go through the same walk. Blank rows are skipped; a row without an order number is an
//! error.

use super::columns::{Col, RowError, fatal_row};
use csv::StringRecord;
use std::io::Read;

pub(crate) struct FirstRows<'r, R: Read> {
    csv: &'r mut csv::Reader<R>,
    /// The row just read.
    pub record: StringRecord,
    key: Col,
    current: String,
}

impl<'r, R: Read> FirstRows<'r, R> {
    pub fn new(csv: &'r mut csv::Reader<R>, key: Col) -> Self {
        FirstRows {
            csv,
            record: StringRecord::new(),
            key,
            current: String::new(),
        }
    }

    /// Reads up to the first row of the next order and returns its line. Blank rows are
    /// skipped; a row without an order number is an error.
    pub fn next_first(&mut self) -> Option<Result<u64, RowError>> {
        loop {
            match self.csv.read_record(&mut self.record) {
                Ok(false) => return None,
                Err(e) => return Some(Err(fatal_row(&e))),
                Ok(true) => {}
            }
            let line = self.record.position().map_or(0, |p| p.line());
            let id = self.record.get(self.key.index).unwrap_or("").trim();
            if id.is_empty() {
                if self.record.iter().all(|c| c.trim().is_empty()) {
                    continue; // a blank line Excel left at the end
                }
                return Some(Err(RowError::new(
                    line,
                    self.key.name,
                    "",
                    "an order number",
                )));
            }
            if id == self.current {
                continue; // another line item of the same order
            }
            self.current = id.to_string();
            return Some(Ok(line));
        }
    }
}
