//! Walking the rows of an export order by order: where one order spans several consecutive
//! rows (one per line item) its first row gives the order and every row a line item, and
//! files with one row per order go through the same walk. Blank rows are skipped; a row
//! without an order number is an error (a file without an order-number column has each row
//! as its own order).
//!
//! [`FirstRows`] is the reader of every row-based layout: each format only says how its first
//! row becomes an order ([`ParseRow`]).

use super::OrderReader;
use super::columns::{Cells, Col, NumberStyle, RowError, fatal_row, trim_cell};
use crate::domain::{LineItem, OrderRecord};
use csv::StringRecord;
use std::io::Read;

/// The columns a reader found missing that the scorecard would use, each by the name its
/// layout gives it: said once in the preview and the summary (`missing:`), by the reader
/// that knows which columns it read.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Lacks {
    pub status: Option<&'static str>,
    pub codes: Option<&'static str>,
    pub customer: Option<&'static str>,
    pub currency: Option<&'static str>,
}

impl Lacks {
    /// What each lack means, in words.
    pub fn notes(self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(c) = self.status {
            out.push(format!(
                "no status column ({c}): every order counts as paid, cancelled ones too"
            ));
        }
        if let Some(c) = self.codes {
            out.push(format!(
                "no code column ({c}): these orders count toward the shop's baseline only"
            ));
        }
        if let Some(c) = self.customer {
            out.push(format!(
                "no customer column ({c}): every order counts as a new customer's"
            ));
        }
        if let Some(c) = self.currency {
            out.push(format!(
                "no currency column ({c}): orders are taken in the shop's currency"
            ));
        }
        out
    }
}

/// How one format turns the first row of an order into an [`OrderRecord`], and (where
/// the format has them) each of its rows into a line item.
pub(crate) trait ParseRow: Send {
    fn parse(&self, cells: &Cells) -> Result<OrderRecord, RowError>;

    /// The header of the column the order's date comes from, to name it in errors.
    fn date_column(&self) -> &'static str {
        "date"
    }

    /// The columns it lacks that the scorecard would use.
    fn lacks(&self) -> Lacks {
        Lacks::default()
    }

    /// The line item a row describes, if the format lists them; its name only with `names`
    /// (a gift order's: nothing else reads names, and not copying them keeps imports fast).
    fn item(&self, _cells: &Cells, _names: bool) -> Result<Option<LineItem>, RowError> {
        Ok(None)
    }

    /// In a file without an order-number column: whether `next` is another row (another
    /// line item) of the order whose first row is `first`. By default every row is an order.
    fn same_order(&self, _first: &Cells, _next: &Cells) -> bool {
        false
    }

    /// What the seller should know once every row was read (orders it could not tell apart).
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }
}

pub(crate) struct FirstRows<'r, R: Read, P> {
    csv: &'r mut csv::Reader<R>,
    /// The first row of the next order, once read.
    record: StringRecord,
    /// Whether `record` holds a first row not yet handed out.
    ahead: bool,
    /// A row error met while reading an order's item rows, handed out next.
    error: Option<RowError>,
    following: StringRecord,
    /// The order-number column; `None`: a file without one, where each row is an order.
    key: Option<Col>,
    style: NumberStyle,
    parser: P,
}

/// What the next row of the file is.
enum Next {
    End,
    Row(u64),
    Error(RowError),
}

impl<'r, R: Read, P: ParseRow> FirstRows<'r, R, P> {
    pub fn new(csv: &'r mut csv::Reader<R>, key: Col, style: NumberStyle, parser: P) -> Self {
        Self::with_key(csv, Some(key), style, parser)
    }

    /// The walk of a file without an order-number column: every row is one order (its parser
    /// gives it a key from the row's content).
    pub fn keyless(csv: &'r mut csv::Reader<R>, style: NumberStyle, parser: P) -> Self {
        Self::with_key(csv, None, style, parser)
    }

    fn with_key(
        csv: &'r mut csv::Reader<R>,
        key: Option<Col>,
        style: NumberStyle,
        parser: P,
    ) -> Self {
        FirstRows {
            csv,
            record: StringRecord::new(),
            ahead: false,
            error: None,
            following: StringRecord::new(),
            key,
            style,
            parser,
        }
    }

    /// Reads the next row that is not blank into `into`.
    fn read(csv: &mut csv::Reader<R>, into: &mut StringRecord, key: Option<Col>) -> Next {
        loop {
            match csv.read_record(into) {
                Ok(false) => return Next::End,
                Err(e) => return Next::Error(fatal_row(&e)),
                Ok(true) => {}
            }
            let line = into.position().map_or(0, |p| p.line());
            if into.iter().all(|c| c.trim().is_empty()) {
                continue; // a blank line Excel left at the end
            }
            if let Some(key) = key
                && into.get(key.index).unwrap_or("").trim().is_empty()
            {
                return Next::Error(RowError::new(line, key.name, "", "an order number"));
            }
            return Next::Row(line);
        }
    }

    fn cells<'a>(&'a self, record: &'a StringRecord, line: u64) -> Cells<'a> {
        Cells {
            record,
            line,
            style: &self.style,
        }
    }

    /// Reads the rows after an order's first one while they carry its order number (`id`
    /// when its first row was refused), adding their line items to `order` (or skipping them);
    /// stops at the next order's first row, kept for the next call.
    fn read_items(&mut self, id: Option<&str>, mut order: Option<&mut OrderRecord>) {
        loop {
            match Self::read(self.csv, &mut self.following, self.key) {
                Next::End => return,
                Next::Error(e) => {
                    self.error = Some(e);
                    return;
                }
                Next::Row(line) => {
                    let same = match self.key {
                        // Without order numbers, the format tells the rows of one order.
                        None => self.parser.same_order(
                            &self.cells(&self.record, 0),
                            &self.cells(&self.following, line),
                        ),
                        Some(key) => {
                            let next = trim_cell(self.following.get(key.index).unwrap_or(""));
                            match (&order, id) {
                                (Some(order), _) => next == order.external_id,
                                (None, Some(id)) => next == id,
                                (None, None) => false,
                            }
                        }
                    };
                    if !same {
                        std::mem::swap(&mut self.record, &mut self.following);
                        self.ahead = true;
                        return;
                    }
                    let Some(order) = order.as_deref_mut() else {
                        continue;
                    };
                    let names = order.gift_value.is_some();
                    match self.parser.item(&self.cells(&self.following, line), names) {
                        Ok(item) => order.items.extend(item),
                        Err(e) => {
                            self.error = Some(e);
                            return;
                        }
                    }
                }
            }
        }
    }
}

impl<R: Read + Send, P: ParseRow> OrderReader for FirstRows<'_, R, P> {
    fn next_order(&mut self) -> Option<Result<(u64, OrderRecord), RowError>> {
        if let Some(e) = self.error.take() {
            return Some(Err(e));
        }
        if !self.ahead {
            match Self::read(self.csv, &mut self.record, self.key) {
                Next::End => return None,
                Next::Error(e) => return Some(Err(e)),
                Next::Row(_) => {}
            }
        }
        self.ahead = false;
        let line = self.record.position().map_or(0, |p| p.line());
        let cells = self.cells(&self.record, line);
        let mut parsed = self.parser.parse(&cells).and_then(|mut order| {
            let names = order.gift_value.is_some();
            order.items.extend(self.parser.item(&cells, names)?);
            Ok(order)
        });
        match &mut parsed {
            Ok(order) => self.read_items(None, Some(order)),
            Err(_) => {
                let id = self
                    .key
                    .and_then(|k| self.record.get(k.index))
                    .unwrap_or("")
                    .trim()
                    .to_string();
                self.read_items(Some(&id), None);
            }
        }
        Some(parsed.map(|order| (line, order)))
    }

    fn id_column(&self) -> &'static str {
        self.key.map_or("row", |k| k.name)
    }

    fn date_column(&self) -> &'static str {
        self.parser.date_column()
    }

    fn missing(&self) -> Vec<String> {
        self.parser.lacks().notes()
    }

    fn notes(&self) -> Vec<String> {
        self.parser.notes()
    }
}
