//! Finding columns by name and reporting a bad cell by line, column and value.

use super::ImportError;
use crate::domain::ValueError;
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
        let e = ValueError::new(value, expected);
        RowError {
            line,
            column: column.to_string(),
            value: e.value,
            expected: e.expected,
            fatal: false,
        }
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
            "this line is not UTF-8 text (re-save the file as CSV UTF-8)".to_string()
        }
        csv::ErrorKind::Io(io) => format!("could not read the file: {io}"),
        _ => e.to_string(),
    }
}

/// The positions of the columns a reader needs, found by header name.
pub(crate) struct Columns {
    header: Vec<String>,
}

impl Columns {
    pub fn new(header: &StringRecord) -> Self {
        Columns {
            header: header.iter().map(|h| h.trim().to_string()).collect(),
        }
    }

    /// Positions of `names`, or the list of those missing.
    pub fn require<const N: usize>(
        &self,
        names: [&'static str; N],
        file: &str,
        format: &'static str,
    ) -> Result<[usize; N], ImportError> {
        let found = names.map(|n| self.find(n));
        let missing: Vec<&str> = names
            .iter()
            .zip(found)
            .filter(|(_, f)| f.is_none())
            .map(|(n, _)| *n)
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

    pub fn find(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}
