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

/// The years an order may be placed in: anything outside is a misread cell (an Excel serial
/// number, a two-digit year), not an order.
pub const ORDER_YEARS: std::ops::RangeInclusive<i32> = 1970..=2100;

/// Checks an order's time is one a shop could have written: a year in [`ORDER_YEARS`] and
/// no leap second (`:60`, which chrono accepts but no shop writes).
pub fn check_order_time(
    text: &str,
    time: &chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), ValueError> {
    use chrono::{Datelike, Timelike};
    if !ORDER_YEARS.contains(&time.year()) {
        return Err(ValueError::new(text, "a date between 1970 and 2100"));
    }
    if time.nanosecond() >= 1_000_000_000 {
        return Err(ValueError::new(text, "a time with seconds from 00 to 59"));
    }
    Ok(())
}

/// The largest count shoutout stores (followers, likes, views, ...): a trillion. No post has
/// more, and four of them summed, over millions of posts, still fit in 64 bits.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

const TOO_BIG: &str = "a count of at most 1000000000000 (a trillion)";

/// Parses a whole, non-negative count (followers, likes, ...) of at most [`MAX_COUNT`].
/// Thousands separators and spaces are refused rather than guessed at.
pub fn parse_count(text: &str) -> Result<u64, ValueError> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::new(text, "a whole number like 1200"));
    }
    t.parse::<u64>()
        .ok()
        .filter(|&n| n <= MAX_COUNT)
        .ok_or_else(|| ValueError::new(text, TOO_BIG))
}

/// Checks a count that did not come from text (a library caller's): at most [`MAX_COUNT`].
pub fn check_count(field: &'static str, n: u64) -> Result<u64, (&'static str, ValueError)> {
    if n <= MAX_COUNT {
        Ok(n)
    } else {
        Err((field, ValueError::new(&n.to_string(), TOO_BIG)))
    }
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
        assert_eq!(parse_count("1000000000000").unwrap(), MAX_COUNT);
        assert_eq!(
            parse_count("9223372036854775807").unwrap_err().to_string(),
            "'9223372036854775807' is not a count of at most 1000000000000 (a trillion)"
        );
    }
}
