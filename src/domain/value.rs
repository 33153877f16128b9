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
/// no leap second (`:60`, which chrono accepts but no shop writes). `text` is what the error
/// shows.
pub fn check_order_time(
    text: &str,
    time: &chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), ValueError> {
    match order_time_problem(time) {
        Some(expected) => Err(ValueError::new(text, expected)),
        None => Ok(()),
    }
}

/// What is wrong with an order's time for [`check_order_time`], if anything.
pub fn order_time_problem(time: &chrono::DateTime<chrono::FixedOffset>) -> Option<&'static str> {
    use chrono::{Datelike, Timelike};
    if !ORDER_YEARS.contains(&time.year()) {
        return Some("a date between 1970 and 2100");
    }
    if time.nanosecond() >= 1_000_000_000 {
        return Some("a time with seconds from 00 to 59");
    }
    None
}

/// The largest count shoutout stores (followers, likes, views, ...): a trillion. No post has
/// more, and four of them summed, over millions of posts, still fit in 64 bits.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

const TOO_BIG: &str = "a count of at most 1000000000000 (a trillion)";

/// Parses a whole, non-negative count (followers, likes, ...) of at most [`MAX_COUNT`], as
/// people type them: `1200`, `12,400`, `12.400`, `1 250` (groups of three), `12.5k`, `1.2m`.
/// What could mean two things (`12,4`, `1.5`) is refused with an explanation.
pub fn parse_count(text: &str) -> Result<u64, ValueError> {
    const COUNT: &str = "a whole number like 1200 (or 12,400 or 12.5k)";
    let t = text.trim();
    if t.starts_with('-') {
        return Err(ValueError::new(text, "a count of 0 or more"));
    }
    let (number, scale) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (t[..i].trim_end(), 1_000u64),
        Some((i, 'm' | 'M')) => (t[..i].trim_end(), 1_000_000u64),
        _ => (t, 1),
    };
    let value = if scale > 1 {
        // 12.5k: a decimal (point or comma) times a thousand, which must come out whole.
        let normal = number.replace(',', ".");
        let d = rust_decimal::Decimal::from_str_exact(&normal)
            .ok()
            .filter(|d| {
                !d.is_sign_negative() && normal.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            })
            .ok_or_else(|| ValueError::new(text, COUNT))?;
        let whole = d * rust_decimal::Decimal::from(scale);
        if !whole.fract().is_zero() {
            return Err(ValueError::new(
                text,
                "a whole number of them (12.5k is 12500; 1.2345k is not whole)",
            ));
        }
        u64::try_from(whole).map_err(|_| ValueError::new(text, TOO_BIG))?
    } else {
        let digits = ungroup(number).ok_or_else(|| {
            ValueError::new(
                text,
                "a whole number; with separators, groups of three (12,400), else it could mean \
                 two things: write 12400 or 12.4k",
            )
        })?;
        digits
            .parse::<u64>()
            .map_err(|_| ValueError::new(text, TOO_BIG))?
    };
    if value > MAX_COUNT {
        return Err(ValueError::new(text, TOO_BIG));
    }
    Ok(value)
}

/// The digits of `1,250,000`, `1.250.000` or `1 250 000` (one kind of separator, groups of
/// three after the first); `None` for anything else.
pub(crate) fn ungroup(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(t.into()); // the usual count or amount: no copy
    }
    let separators: Vec<char> = t.chars().filter(|c| !c.is_ascii_digit()).collect();
    let sep = separators[0];
    if !matches!(sep, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_')
        || separators.iter().any(|&c| c != sep)
    {
        return None;
    }
    let groups: Vec<&str> = t.split(sep).collect();
    let ok = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| groups.concat().into())
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
    fn counts_are_read_as_people_type_them() {
        assert_eq!(parse_count(" 1200 ").unwrap(), 1200);
        // A negative count says so, not something about separators.
        let e = parse_count("-5").unwrap_err();
        assert_eq!(e.expected, "a count of 0 or more");
        assert_eq!(parse_count("12,400").unwrap(), 12400);
        assert_eq!(parse_count("12.400").unwrap(), 12400);
        assert_eq!(parse_count("1 250").unwrap(), 1250);
        assert_eq!(parse_count("1,250,000").unwrap(), 1_250_000);
        assert_eq!(parse_count("12.5k").unwrap(), 12500);
        assert_eq!(parse_count("12,5K").unwrap(), 12500);
        assert_eq!(parse_count("1.2m").unwrap(), 1_200_000);
        for ambiguous in ["12,4", "1.5", "1,2345", "1.2345k", "12,40,0", "1,250.5"] {
            assert!(parse_count(ambiguous).is_err(), "{ambiguous}");
        }
        assert!(
            parse_count("12,4")
                .unwrap_err()
                .to_string()
                .contains("two things")
        );
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
