//! Exact money: parsing amounts from text, integer cents for storage, and the one rounding
//! rule used for display and export (2 decimals, half away from zero).
//!
//! Amounts never pass through a float. Stored amounts are integer hundredths of the shop's
//! currency unit.

use crate::domain::ValueError;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// An amount in hundredths of the currency unit, as stored in SQLite.
pub type Cents = i64;

const AMOUNT: &str = "an amount like 12.50 (digits, '.' for decimals, at most 2 decimals)";

/// Parses an amount written with `.` as the decimal point: `12.50`, `3.3`, `0`, `-4.00`.
///
/// Currency signs, thousands separators, exponents and more than 2 decimals are refused
/// (`12,5O` names itself in the error). Trailing zeros beyond 2 decimals are fine (`1.500`).
pub fn parse_amount(text: &str) -> Result<Decimal, ValueError> {
    let t = text.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let well_formed = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && digits.bytes().any(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(ValueError::new(text, AMOUNT));
    }
    let value = Decimal::from_str_exact(t).map_err(|_| ValueError::new(text, AMOUNT))?;
    let value = value.normalize();
    if value.scale() > 2 {
        return Err(ValueError::new(text, AMOUNT));
    }
    // Keep amounts inside what i64 cents can hold.
    to_cents(value).map_err(|_| ValueError::new(text, "an amount below 90 trillion"))?;
    Ok(value)
}

/// Parses a percentage from 0 to 100 with at most 2 decimals (`10`, `12.5`).
pub fn parse_percent(text: &str) -> Result<Decimal, ValueError> {
    const PERCENT: &str = "a percentage from 0 to 100, like 10 or 12.5";
    let t = text.trim().trim_end_matches('%').trim();
    let value = parse_amount(t).map_err(|_| ValueError::new(text, PERCENT))?;
    if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
        return Err(ValueError::new(text, PERCENT));
    }
    Ok(value)
}

/// Converts an amount with at most 2 decimals to cents, exactly.
pub fn to_cents(amount: Decimal) -> Result<Cents, ValueError> {
    let scaled = amount
        .checked_mul(Decimal::ONE_HUNDRED)
        .ok_or_else(|| ValueError::new(&amount.to_string(), "an amount below 90 trillion"))?;
    if scaled.fract() != Decimal::ZERO {
        return Err(ValueError::new(&amount.to_string(), AMOUNT));
    }
    scaled
        .to_i64()
        .filter(|c| c.unsigned_abs() < 9_000_000_000_000_000)
        .ok_or_else(|| ValueError::new(&amount.to_string(), "an amount below 90 trillion"))
}

/// The exact amount of a number of cents.
pub fn from_cents(cents: Cents) -> Decimal {
    Decimal::new(cents, 2)
}

/// The exact amount of a sum of cents held wide (an `i128` never overflows adding `i64`s).
/// Past what a `Decimal` holds (±7.9 × 10²⁶ in cents) it saturates rather than panic.
pub fn from_wide_cents(cents: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(cents, 2).unwrap_or(if cents < 0 {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

/// Rounds to 2 decimals, half away from zero: the only rounding shoutout does, and only for
/// display and export.
pub fn round2(value: Decimal) -> Decimal {
    let mut r = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r = Decimal::ZERO;
    }
    r.rescale(2);
    r
}

/// Formats a value rounded to exactly 2 decimals, `.` as decimal point, no separators.
pub fn fmt2(value: Decimal) -> String {
    round2(value).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_parse_exactly_from_text() {
        assert_eq!(parse_amount("12.50").unwrap(), dec!(12.5));
        assert_eq!(parse_amount("3.3").unwrap(), dec!(3.3));
        assert_eq!(parse_amount("0").unwrap(), dec!(0));
        assert_eq!(parse_amount(" 328.55 ").unwrap(), dec!(328.55));
        assert_eq!(parse_amount("-4.00").unwrap(), dec!(-4));
        assert_eq!(parse_amount("1.500").unwrap(), dec!(1.5));
        assert_eq!(parse_amount(".5").unwrap(), dec!(0.5));
    }

    #[test]
    fn malformed_amounts_are_refused_by_name() {
        for bad in [
            "12,5O", "", "$12", "1,200.00", "1e3", "12.505", "1.2.3", "-", ".", "NaN",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(
            parse_amount("12,5O").unwrap_err().to_string(),
            "'12,5O' is not an amount like 12.50 (digits, '.' for decimals, at most 2 decimals)"
        );
    }

    #[test]
    fn cents_round_trip() {
        assert_eq!(to_cents(dec!(328.55)).unwrap(), 32855);
        assert_eq!(from_cents(32855), dec!(328.55));
        assert_eq!(to_cents(dec!(-0.01)).unwrap(), -1);
        assert!(to_cents(dec!(0.001)).is_err());
        assert!(to_cents(Decimal::MAX).is_err(), "too big, not a panic");
        assert!(parse_amount("79228162514264337593543950335").is_err());
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(fmt2(dec!(2.345)), "2.35");
        assert_eq!(fmt2(dec!(-2.345)), "-2.35");
        assert_eq!(fmt2(dec!(2.344)), "2.34");
        assert_eq!(fmt2(dec!(400)), "400.00");
        assert_eq!(fmt2(dec!(-0.001)), "0.00");
        assert_eq!(fmt2(Decimal::ONE / Decimal::from(3)), "0.33");
    }

    #[test]
    fn percentages_are_bounded() {
        assert_eq!(parse_percent("12.5").unwrap(), dec!(12.5));
        assert_eq!(parse_percent("10%").unwrap(), dec!(10));
        assert!(parse_percent("101").is_err());
        assert!(parse_percent("-1").is_err());
    }
}
