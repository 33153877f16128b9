//! The error every parser of user input returns, and the small parsers for dates and counts.

use chrono::NaiveDate;
use std::fmt;

/// A value a person typed or a file held that is not what was expected.
///
/// The message names the value and what would have been accepted, so it can be shown next to
/// a form field or after "line 14, column Subtotal:" without more context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// The text as it was given (trimmed for display).
    pub value: String,
    /// What would have been accepted, e.g. "an amount like 12.50".
    pub expected: String,
}

impl ValueError {
    pub fn new(value: &str, expected: impl Into<String>) -> Self {
        let mut value = value.trim().to_string();
        if value.chars().count() > 60 {
            value = value.chars().take(57).collect::<String>() + "...";
        }
        ValueError {
            value,
            expected: expected.into(),
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_empty() {
            write!(f, "empty value, expected {}", self.expected)
        } else {
            write!(f, "'{}' is not {}", self.value, self.expected)
        }
    }
}

impl std::error::Error for ValueError {}

/// Parses a calendar date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, ValueError> {
    let t = text.trim();
    // chrono accepts "2026-5-1"; a date field should be unambiguous, so insist on the full form.
    if t.len() != 10 {
        return Err(ValueError::new(text, "a date like 2026-05-14 (YYYY-MM-DD)"));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map_err(|_| ValueError::new(text, "a date like 2026-05-14 (YYYY-MM-DD)"))
}

/// Parses a whole, non-negative count (followers, likes, ...). Thousands separators and
/// spaces are refused rather than guessed at.
pub fn parse_count(text: &str) -> Result<u64, ValueError> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::new(text, "a whole number like 1200"));
    }
    t.parse::<u64>()
        .map_err(|_| ValueError::new(text, "a whole number small enough to count"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_iso() {
        assert_eq!(
            parse_date("2026-05-14").unwrap(),
            NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
        );
        assert!(parse_date("2026-5-14").is_err());
        assert!(parse_date("14/05/2026").is_err());
        assert!(parse_date("2026-02-30").is_err());
        let err = parse_date("tomorrow").unwrap_err();
        assert_eq!(
            err.to_string(),
            "'tomorrow' is not a date like 2026-05-14 (YYYY-MM-DD)"
        );
    }

    #[test]
    fn counts_are_plain_digits() {
        assert_eq!(parse_count(" 1200 ").unwrap(), 1200);
        assert!(parse_count("1,200").is_err());
        assert!(parse_count("-3").is_err());
        assert!(parse_count("").is_err());
        assert!(parse_count("99999999999999999999999").is_err());
    }
}
