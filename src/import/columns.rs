//! Finding columns by name, reading typed cells, and reporting a bad cell by line, column and
//! value.

use super::ImportError;
use crate::domain::{Cents, ValueError, parse_amount, to_cents};
use chrono::NaiveDate;
use csv::StringRecord;
use std::fmt;

/// A cell that could not be read: where it is, what it held and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line of the file where the row starts.
    pub line: u64,
    /// The column's header name.
    pub column: String,
    pub value: String,
    pub expected: String,
    /// The file itself is broken here (not one bad order): the import stops.
    pub fatal: bool,
}

impl RowError {
    pub fn new(line: u64, column: &str, value: &str, expected: impl Into<String>) -> Self {
        Self::from_value(line, column, ValueError::new(value, expected))
    }

    pub(crate) fn from_value(line: u64, column: &str, e: ValueError) -> Self {
        RowError {
            line,
            column: column.to_string(),
            value: e.value,
            expected: e.expected,
            fatal: false,
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fatal {
            return write!(f, "{}", self.expected);
        }
        let e = ValueError {
            value: self.value.clone(),
            expected: self.expected.clone(),
        };
        write!(f, "line {}, column {}: {e}", self.line, self.column)
    }
}

/// Turns a csv error into a whole-file error naming the line.
pub(crate) fn malformed(file: &str, e: &csv::Error) -> ImportError {
    let line = e.position().map_or(1, |p| p.line());
    ImportError::Malformed {
        file: file.to_string(),
        line,
        message: describe_csv_error(e),
    }
}

/// A csv error as a row error that stops the import.
pub(crate) fn fatal_row(e: &csv::Error) -> RowError {
    RowError {
        line: e.position().map_or(0, |p| p.line()),
        column: String::new(),
        value: String::new(),
        expected: describe_csv_error(e),
        fatal: true,
    }
}

fn describe_csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} fields but the header has {expected_len} \
             (is the file cut short or not a complete export?)"
        ),
        csv::ErrorKind::Utf8 { .. } => {
            "this line is not text in the file's encoding (re-save the file as CSV UTF-8)"
                .to_string()
        }
        csv::ErrorKind::Io(io) => format!("could not read the file: {io}"),
        _ => e.to_string(),
    }
}

/// A column found in the header: its position and the name it is reported by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    pub index: usize,
    pub name: &'static str,
}

/// The header of a file, to find columns by name.
pub(crate) struct Columns {
    header: Vec<String>,
}

impl Columns {
    pub fn new(header: &StringRecord) -> Self {
        Columns {
            header: header.iter().map(|h| h.trim().to_string()).collect(),
        }
    }

    /// The first of `names` present (exports rename columns across versions).
    pub fn find(&self, names: &[&'static str]) -> Option<Col> {
        names.iter().find_map(|name| {
            self.header
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
                .map(|index| Col { index, name })
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.header.iter().any(|h| h.eq_ignore_ascii_case(name))
    }

    /// The columns a format needs, each given as its alternative names; or an error listing
    /// every one missing.
    pub fn require<const N: usize>(
        &self,
        specs: [&'static [&'static str]; N],
        file: &str,
        format: &'static str,
    ) -> Result<[Col; N], ImportError> {
        let found = specs.map(|names| self.find(names));
        let missing: Vec<&str> = specs
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(names, _)| names[0])
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                file: file.to_string(),
                format,
                missing: missing.join(", "),
            });
        }
        Ok(found.map(|f| f.expect("checked above")))
    }
}

/// How numbers are written in a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NumberStyle {
    /// `12,50` (files delimited by `;`, from European locales); `1.234,50` too.
    pub decimal_comma: bool,
}

impl NumberStyle {
    /// Parses an amount in this style, exactly (never through a float).
    pub fn amount(self, text: &str) -> Result<Cents, ValueError> {
        let t = text.trim();
        let normal = if self.decimal_comma && t.contains(',') {
            t.replace('.', "").replace(',', ".")
        } else {
            t.to_string()
        };
        parse_amount(&normal)
            .and_then(to_cents)
            .map_err(|e| ValueError::new(text, e.expected))
    }
}

/// The cells of one row, read by column.
pub(crate) struct Cells<'a> {
    pub record: &'a StringRecord,
    pub line: u64,
    pub style: NumberStyle,
}

impl Cells<'_> {
    pub fn text(&self, col: Col) -> &str {
        self.record.get(col.index).unwrap_or("").trim()
    }

    pub fn opt_text(&self, col: Option<Col>) -> &str {
        col.map_or("", |c| self.text(c))
    }

    pub fn err(&self, col: Col, e: ValueError) -> RowError {
        RowError::from_value(self.line, col.name, e)
    }

    /// An amount that must be present.
    pub fn amount(&self, col: Col) -> Result<Cents, RowError> {
        self.style
            .amount(self.text(col))
            .map_err(|e| self.err(col, e))
    }

    /// An amount where an empty cell means 0.
    pub fn amount_or_zero(&self, col: Col) -> Result<Cents, RowError> {
        if self.text(col).is_empty() {
            Ok(0)
        } else {
            self.amount(col)
        }
    }

    /// A date in one of `forms` (chrono formats), reported with `expected` when none fits.
    pub fn date(&self, col: Col, forms: &[&str], expected: &str) -> Result<NaiveDate, RowError> {
        let text = self.text(col);
        forms
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
            .ok_or_else(|| self.err(col, ValueError::new(text, expected)))
    }

    /// A currency code (`USD`).
    pub fn currency(&self, col: Col) -> Result<String, RowError> {
        let text = self.text(col);
        let code = text.to_ascii_uppercase();
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
            Ok(code)
        } else {
            Err(self.err(col, ValueError::new(text, "a currency code like USD")))
        }
    }
}

/// Splits a cell of promo codes on `separator`, normalised, duplicates removed, sorted.
pub(crate) fn split_codes(cell: &str, separator: &str) -> Vec<String> {
    let mut codes: Vec<String> = cell
        .split(separator)
        .map(crate::domain::normalize_code)
        .filter(|c| !c.is_empty())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_are_read_exactly() {
        let eu = NumberStyle {
            decimal_comma: true,
        };
        assert_eq!(eu.amount("12,50").unwrap(), 1250);
        assert_eq!(eu.amount("1.234,5").unwrap(), 123450);
        assert_eq!(eu.amount("7").unwrap(), 700);
        assert!(eu.amount("12,5O").is_err());
        let us = NumberStyle::default();
        assert!(us.amount("12,50").is_err());
    }

    #[test]
    fn codes_split_and_dedupe() {
        assert_eq!(
            split_codes("SPRING10;spring10; ANA ", ";"),
            ["ANA", "SPRING10"]
        );
        assert_eq!(split_codes("", ", "), Vec::<String>::new());
    }
}
