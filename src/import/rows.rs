//! Walking the rows of an export order by order: where one order spans several consecutive
//! rows (one per line item) only its first row is read, and files with one row per order go
//! through the same walk. Blank rows are skipped; a row without an order number is an error.
//!
//! [`FirstRows`] is the reader of every row-based layout: each format only says how its first
//! row becomes an order ([`ParseRow`]).

use super::OrderReader;
use super::columns::{Cells, Col, NumberStyle, RowError, fatal_row};
use crate::domain::OrderRecord;
use csv::StringRecord;
use std::io::Read;

/// How one format turns the first row of an order into an [`OrderRecord`].
pub(crate) trait ParseRow: Send {
    fn parse(&self, cells: &Cells) -> Result<OrderRecord, RowError>;
}

pub(crate) struct FirstRows<'r, R: Read, P> {
    csv: &'r mut csv::Reader<R>,
    record: StringRecord,
    /// The order-number column.
    key: Col,
    style: NumberStyle,
    parser: P,
    current: String,
}

impl<'r, R: Read, P: ParseRow> FirstRows<'r, R, P> {
    pub fn new(csv: &'r mut csv::Reader<R>, key: Col, style: NumberStyle, parser: P) -> Self {
        FirstRows {
            csv,
            record: StringRecord::new(),
            key,
            style,
            parser,
            current: String::new(),
        }
    }

    /// Reads up to the first row of the next order and returns its line.
    fn next_first(&mut self) -> Option<Result<u64, RowError>> {
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

impl<R: Read + Send, P: ParseRow> OrderReader for FirstRows<'_, R, P> {
    fn next_order(&mut self) -> Option<Result<(u64, OrderRecord), RowError>> {
        let line = match self.next_first()? {
            Ok(line) => line,
            Err(e) => return Some(Err(e)),
        };
        let cells = Cells {
            record: &self.record,
            line,
            style: &self.style,
        };
        Some(self.parser.parse(&cells).map(|order| (line, order)))
    }

    fn id_column(&self) -> &'static str {
        self.key.name
    }
}
