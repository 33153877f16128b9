//! Finding columns by name, reading typed cells, and reporting a bad cell by line, column and
//! value.

use super::ImportError;
use super::codes::tag;
use crate::domain::{Cents, ValueError, to_cents};
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

    /// The positions of the columns whose name satisfies `keep` (trimmed header names).
    pub fn positions(&self, keep: impl Fn(&str) -> bool) -> Vec<usize> {
        (0..self.header.len())
            .filter(|&i| keep(&self.header[i]))
            .collect()
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

/// How amounts are written in a file: which of `.` and `,` is the decimal separator.
///
/// It is decided once per file, by the first amount that can only be read one way (`12,50`,
/// `1.234,50`, `12.5`, `1,234.50`), and every later amount must agree. An amount that could be
/// read either way (`2.000`, `1,500`: a thousands separator, or three decimals?) follows the
/// decision, or before one the delimiter's custom (`;` files write decimal commas) — and
/// then decides it. More than 2 decimals are refused, trailing zeros or not.
#[derive(Debug, Clone, Default)]
pub struct NumberStyle {
    /// What the file's delimiter suggests before any amount decides: decimal commas.
    comma_by_default: bool,
    /// The decision: decimal comma or not, and the line and cell that made it.
    decided: std::cell::RefCell<Option<(bool, u64, String)>>,
}

const AMOUNT: &str = "an amount like 12.50 (at most 2 decimals)";

impl NumberStyle {
    /// Undecided, guessing decimal commas (for a `;` file) or points until an amount decides.
    pub fn guess(decimal_comma: bool) -> Self {
        NumberStyle {
            comma_by_default: decimal_comma,
            decided: Default::default(),
        }
    }

    /// Decided from the start (a column mapping says which separator the file uses).
    pub fn fixed(decimal_comma: bool) -> Self {
        NumberStyle {
            comma_by_default: decimal_comma,
            decided: std::cell::RefCell::new(Some((decimal_comma, 0, String::new()))),
        }
    }

    /// Parses an amount on `line` exactly (never through a float), deciding the file's
    /// separator if it is not decided yet.
    pub fn amount(&self, text: &str, line: u64) -> Result<Cents, ValueError> {
        let t = trim_cell(text);
        let (negative, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        if digits.is_empty()
            || !digits
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            || !digits.bytes().any(|b| b.is_ascii_digit())
        {
            return Err(ValueError::new(text, AMOUNT));
        }
        if let Some(cents) = self.plain_cents(digits) {
            return Ok(if negative { -cents } else { cents });
        }
        self.general(text, t, negative, digits, line)
    }

    /// The common case, read without allocating: plain digits, or digits with one decimal
    /// separator and one or two decimals, where the file's decision already says that
    /// separator is the decimal one. `None` sends anything else through [`Self::general`],
    /// which reads every amount the same way, only slower.
    fn plain_cents(&self, digits: &str) -> Option<Cents> {
        let bytes = digits.as_bytes();
        let (int, frac) = match bytes.iter().position(|&b| b == b'.' || b == b',') {
            None => (bytes, &bytes[..0]),
            Some(at) => {
                let comma = bytes[at] == b',';
                match &*self.decided.borrow() {
                    Some((decided, _, _)) if *decided == comma => {}
                    _ => return None,
                }
                (&bytes[..at], &bytes[at + 1..])
            }
        };
        let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
        // Up to 13 whole digits: always below the 90 trillion `to_cents` allows.
        if int.is_empty()
            || int.len() > 13
            || frac.len() > 2
            || (frac.is_empty() && int.len() < bytes.len())
            || !all_digits(int)
            || !all_digits(frac)
        {
            return None;
        }
        let number = |part: &[u8]| {
            part.iter()
                .fold(0i64, |n, &digit| n * 10 + i64::from(digit - b'0'))
        };
        let scale = [100, 10, 1][frac.len()];
        Some(number(int) * 100 + number(frac) * scale)
    }

    /// Any amount [`Self::amount`] accepts, the separators read and the decision made or
    /// checked; `t` is `text` trimmed, `digits` it without its sign.
    fn general(
        &self,
        text: &str,
        t: &str,
        negative: bool,
        digits: &str,
        line: u64,
    ) -> Result<Cents, ValueError> {
        let decided = self.decided.borrow().clone();
        let (comma, reading) = match read_separators(digits) {
            Reading::Plain => (None, digits.to_string()),
            Reading::Decimal(c) => (Some(c == b','), normalise(digits, c)),
            Reading::Ambiguous(c) => {
                // One separator before exactly three digits: the decision says what it is.
                let comma_decimal = decided
                    .as_ref()
                    .map_or(self.comma_by_default, |(comma, _, _)| *comma);
                let decimal = if comma_decimal { b',' } else { b'.' };
                if c == decimal {
                    return Err(ValueError::new(
                        text,
                        format!(
                            "{AMOUNT}; '{}' is this file's decimal separator, so this has 3 \
                             decimals",
                            decimal as char
                        ),
                    ));
                }
                (Some(comma_decimal), normalise(digits, decimal))
            }
            Reading::Bad => return Err(ValueError::new(text, AMOUNT)),
        };
        if let Some(comma) = comma {
            match decided {
                None => *self.decided.borrow_mut() = Some((comma, line, t.to_string())),
                Some((was, at, cell)) if was != comma => {
                    let name = |c: bool| if c { "','" } else { "'.'" };
                    return Err(ValueError::new(
                        text,
                        format!(
                            "an amount with {} as decimal separator, like the rest of the \
                             file ('{cell}' on line {at}); mixed separators are refused",
                            name(was)
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        let signed = if negative {
            format!("-{reading}")
        } else {
            reading
        };
        let value = rust_decimal::Decimal::from_str_exact(&signed)
            .map_err(|_| ValueError::new(text, AMOUNT))?;
        if value.scale() > 2 {
            return Err(ValueError::new(text, AMOUNT));
        }
        to_cents(value).map_err(|e| ValueError::new(text, e.expected))
    }
}

/// What the separators of an amount's digits say.
#[derive(Debug, PartialEq, Eq)]
enum Reading {
    /// No separator.
    Plain,
    /// Only one reading: this byte is the decimal separator.
    Decimal(u8),
    /// One separator with exactly three digits after it (`2.000`, `1,500`).
    Ambiguous(u8),
    /// Not a number in either style (`1.2.3,4`, `1,2,3`, `12,5,`).
    Bad,
}

fn read_separators(digits: &str) -> Reading {
    let seps: Vec<(usize, u8)> = digits
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'.' || *b == b',')
        .collect();
    let Some(&(last_at, last)) = seps.last() else {
        return Reading::Plain;
    };
    let after = digits.len() - last_at - 1;
    let groups_ok = |grouping: u8, upto: usize| -> bool {
        // Thousands groups: 1-3 digits, then groups of exactly 3.
        let part = &digits[..upto];
        let groups: Vec<&str> = part.split(grouping as char).collect();
        !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
    };
    let kinds_before: Vec<u8> = seps[..seps.len() - 1].iter().map(|s| s.1).collect();
    if kinds_before.contains(&last) {
        // The same separator more than once: thousands groups, no decimals (`1.234.567`).
        let other = if last == b'.' { b',' } else { b'.' };
        if kinds_before.iter().all(|&k| k == last) && after == 3 && groups_ok(last, digits.len()) {
            return Reading::Decimal(other);
        }
        return Reading::Bad;
    }
    if !kinds_before.is_empty() {
        // `1.234,50` or `1,234.50`: the last is the decimal separator, the others group.
        let grouping = kinds_before[0];
        if after <= 2 && groups_ok(grouping, last_at) {
            return Reading::Decimal(last);
        }
        return Reading::Bad;
    }
    match after {
        3 if last_at > 0 && last_at <= 3 => Reading::Ambiguous(last),
        0..=2 => Reading::Decimal(last),
        _ => Reading::Bad,
    }
}

/// The digits with `decimal` as a `.` and every other separator (grouping) removed.
fn normalise(digits: &str, decimal: u8) -> String {
    digits
        .chars()
        .filter_map(|c| match c {
            '.' | ',' if c as u32 == u32::from(decimal) => Some('.'),
            '.' | ',' => None,
            c => Some(c),
        })
        .collect()
}

/// `cell` without the whitespace around it, as [`str::trim`]; a cell that starts and ends
/// in a visible ASCII character (most cells) is returned as it is after two byte checks,
/// where `trim` decodes a character at each end and asks Unicode about it (for every cell
/// the import reads).
pub(crate) fn trim_cell(cell: &str) -> &str {
    match cell.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        [only] if only.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// The cells of one row, read by column.
pub(crate) struct Cells<'a> {
    pub record: &'a StringRecord,
    pub line: u64,
    pub style: &'a NumberStyle,
}

impl Cells<'_> {
    pub fn text(&self, col: Col) -> &str {
        trim_cell(self.record.get(col.index).unwrap_or(""))
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
            .amount(self.text(col), self.line)
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

    /// An amount from a column the file may lack: 0 without the column or in an empty cell.
    pub fn opt_amount(&self, col: Option<Col>) -> Result<Cents, RowError> {
        col.map_or(Ok(0), |c| self.amount_or_zero(c))
    }

    /// A normalised tag (a code or a `utm_source`) from a column the file may lack; `None`
    /// when it is missing or empty.
    pub fn opt_tag(&self, col: Option<Col>) -> Option<String> {
        tag(self.opt_text(col))
    }

    /// A date in one of `forms` (chrono formats), reported with `expected` when none fits.
    pub fn date(&self, col: Col, forms: &[&str], expected: &str) -> Result<NaiveDate, RowError> {
        let text = self.text(col);
        let date = forms
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
            .ok_or_else(|| self.err(col, ValueError::new(text, expected)))?;
        if !crate::domain::ORDER_YEARS.contains(&chrono::Datelike::year(&date)) {
            return Err(self.err(col, ValueError::new(text, "a date between 1970 and 2100")));
        }
        Ok(date)
    }

    /// The currency of a column the file may lack: without it, `fallback` (the shop's).
    pub fn currency_or(&self, col: Option<Col>, fallback: &str) -> Result<String, RowError> {
        col.map_or_else(|| Ok(fallback.to_string()), |c| self.currency(c))
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

#[cfg(test)]
#[path = "columns_tests.rs"]
mod tests;
