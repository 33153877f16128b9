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

/// Parses an amount as people type it: `12.50`, `3.3`, `0`, `-4.00`, `$1,250.00`, `1 250`,
/// `1.250,50`, `12,50`, `12.5k`. A currency sign is dropped; `,` or `.` is the decimal
/// separator when one or two digits follow it, a thousands separator when groups of three
/// follow. What could mean two things — `1.250` (1.25 or 1250?) — is refused with an
/// explanation, and so are exponents and more than 2 decimals (`12,5O` names itself).
pub fn parse_amount(text: &str) -> Result<Decimal, ValueError> {
    let normal = normalise_amount(text)?;
    parse_plain_amount(text, &normal)
}

/// The sign of a currency, where it has one of the signs amounts may carry.
fn currency_sign(currency: &str) -> Option<char> {
    match currency.trim().to_ascii_uppercase().as_str() {
        "USD" | "CAD" | "AUD" | "NZD" | "MXN" | "SGD" | "HKD" => Some('$'),
        "EUR" => Some('€'),
        "GBP" => Some('£'),
        "JPY" | "CNY" => Some('¥'),
        _ => None,
    }
}

/// Whether a shop in `currency` writes its decimals with `,` (most of the euro area, and
/// others), where `12,50` is twelve and a half; elsewhere the mark is `.`.
fn comma_decimals(currency: &str) -> bool {
    matches!(
        currency.trim().to_ascii_uppercase().as_str(),
        "EUR"
            | "TRY"
            | "BRL"
            | "ARS"
            | "CLP"
            | "COP"
            | "DKK"
            | "NOK"
            | "SEK"
            | "PLN"
            | "CZK"
            | "HUF"
            | "RON"
            | "IDR"
            | "VND"
            | "ZAR"
            | "RUB"
            | "UAH"
    )
}

/// An amount typed into a form of a shop in `currency` (`None`: not known yet): what
/// [`parse_amount`] reads, but a sign of another currency (`€80` in a dollar shop) is
/// refused, and so is a comma that could only be a decimal mark where the shop writes `.`
/// (`1,5` in a dollar shop: one and a half, or fifteen?).
pub fn parse_shop_amount(text: &str, currency: Option<&str>) -> Result<Decimal, ValueError> {
    let amount = parse_amount(text)?;
    let Some(currency) = currency.filter(|c| !c.trim().is_empty()) else {
        return Ok(amount);
    };
    let code = currency.trim().to_ascii_uppercase();
    if let Some(sign) = text.chars().find(|c| matches!(c, '$' | '€' | '£' | '¥'))
        && currency_sign(&code) != Some(sign)
    {
        return Err(ValueError::new(
            text,
            format!("an amount in {code}, this shop's currency (without {sign})"),
        ));
    }
    let t = text
        .trim()
        .trim_start_matches(['$', '€', '£', '¥', '-'])
        .trim();
    let decimal_comma = t.matches(',').count() == 1
        && !t.contains('.')
        && t.rsplit(',')
            .next()
            .is_some_and(|d| (1..=2).contains(&d.len()));
    if decimal_comma && !comma_decimals(&code) {
        return Err(ValueError::new(
            text,
            format!(
                "an amount with {code}'s decimal mark, '.': write {} for {}",
                t.replace(',', "."),
                amount.normalize()
            ),
        ));
    }
    Ok(amount)
}

/// `text` as a plain `-1234.50`, or why it cannot be read.
fn normalise_amount(text: &str) -> Result<String, ValueError> {
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return Err(ValueError::new(text, AMOUNT));
    }
    let mut t = text.trim();
    let negative = t.starts_with('-');
    if negative {
        t = t[1..].trim_start();
    }
    t = t
        .trim_start_matches(['$', '€', '£', '¥'])
        .trim_end_matches(['$', '€', '£', '¥'])
        .trim();
    let (t, thousand) = match t.strip_suffix(['k', 'K']) {
        Some(rest) => (rest.trim_end(), true),
        None => (t, false),
    };
    let sign = if negative { "-" } else { "" };
    if thousand {
        let plain = t.replace(',', ".");
        let d = Decimal::from_str_exact(&plain).map_err(|_| ValueError::new(text, AMOUNT))?;
        return Ok(format!("{sign}{}", d * Decimal::from(1000)));
    }
    let seps: Vec<(usize, char)> = t
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let Some(&(last_at, last)) = seps.last() else {
        return Ok(format!("{sign}{t}"));
    };
    let after = t.len() - last_at - last.len_utf8();
    let mixed = seps.iter().any(|(_, c)| *c != last);
    let normal = if matches!(last, '.' | ',') && after <= 2 && (mixed || seps.len() == 1) {
        // The last separator is the decimal one; any before it group thousands.
        let digits = match &t[..last_at] {
            "" => "0".into(),
            whole => {
                crate::domain::value::ungroup(whole).ok_or_else(|| ValueError::new(text, AMOUNT))?
            }
        };
        format!("{digits}.{}", &t[last_at + last.len_utf8()..])
    } else if last == '.' && after == 3 && seps.len() == 1 {
        return Err(ValueError::new(
            text,
            "an amount that can mean only one thing: 1.250 is 1.25 or 1250; write 1.25 or \
             1250 (or 1,250)",
        ));
    } else {
        crate::domain::value::ungroup(t)
            .ok_or_else(|| ValueError::new(text, AMOUNT))?
            .into_owned()
    };
    Ok(format!("{sign}{normal}"))
}

/// Parses an amount already in the plain form `-1234.50`.
fn parse_plain_amount(text: &str, t: &str) -> Result<Decimal, ValueError> {
    let t = t.trim();
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

/// An amount of 0 or more, read as [`parse_amount`] reads it (a fee, a product's value).
pub fn parse_nonnegative_amount(text: &str) -> Result<Decimal, ValueError> {
    let amount = parse_amount(text)?;
    if amount < Decimal::ZERO {
        return Err(ValueError::new(text, "an amount of 0 or more"));
    }
    Ok(amount)
}

/// Formats a value rounded to exactly 2 decimals, `.` as decimal point, no separators.
pub fn fmt2(value: Decimal) -> String {
    round2(value).to_string()
}

/// Formats a count for reading: whole when it is whole (`51`), else to at most 2 decimals
/// (`20.5`, an order shared between two creators' codes).
pub fn fmt_count(value: Decimal) -> String {
    round2(value).normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn counts_read_whole_when_whole() {
        assert_eq!(fmt_count(dec!(51.00)), "51");
        assert_eq!(fmt_count(dec!(20.50)), "20.5");
        assert_eq!(fmt_count(dec!(0.00)), "0");
        assert_eq!(fmt_count(dec!(1) / dec!(3)), "0.33");
    }

    #[test]
    fn amounts_parse_exactly_from_text() {
        assert_eq!(parse_amount("12.50").unwrap(), dec!(12.5));
        assert_eq!(parse_amount("3.3").unwrap(), dec!(3.3));
        assert_eq!(parse_amount("0").unwrap(), dec!(0));
        assert_eq!(parse_amount(" 328.55 ").unwrap(), dec!(328.55));
        assert_eq!(parse_amount("-4.00").unwrap(), dec!(-4));
        assert_eq!(parse_amount(".5").unwrap(), dec!(0.5));
    }

    #[test]
    fn amounts_as_people_type_them() {
        assert_eq!(parse_amount("$1,250.00").unwrap(), dec!(1250));
        assert_eq!(parse_amount("1 250").unwrap(), dec!(1250));
        assert_eq!(parse_amount("1,250").unwrap(), dec!(1250));
        assert_eq!(parse_amount("1.250,50").unwrap(), dec!(1250.5));
        assert_eq!(parse_amount("12,50").unwrap(), dec!(12.5));
        assert_eq!(parse_amount("12.5k").unwrap(), dec!(12500));
        assert_eq!(parse_amount("€ 80").unwrap(), dec!(80));
        assert_eq!(parse_amount("-$5").unwrap(), dec!(-5));
        let err = parse_amount("1.250").unwrap_err().to_string();
        assert!(err.contains("1.25 or 1250"), "{err}");
    }

    #[test]
    fn malformed_amounts_are_refused_by_name() {
        for bad in [
            "12,5O", "", "1e3", "12.505", "1.2.3", "-", ".", "NaN", "1,2,3", "1,25,0",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad} should be refused");
        }
        assert!(
            parse_amount("12,5O")
                .unwrap_err()
                .to_string()
                .starts_with("'12,5O' is not an amount like 12.50")
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

    /// A form of a dollar shop refuses a euro sign and a decimal comma; a euro shop reads
    /// `12,50` as twelve and a half; a shop whose currency is not known yet reads as before.
    #[test]
    fn a_shop_reads_amounts_in_its_own_currency_and_decimal_mark() {
        let usd = Some("USD");
        assert_eq!(parse_shop_amount("$80", usd).unwrap(), Decimal::new(80, 0));
        assert_eq!(
            parse_shop_amount("1,250.00", usd).unwrap(),
            Decimal::new(1250, 0)
        );
        let euro = parse_shop_amount("€80", usd).unwrap_err().to_string();
        assert!(euro.contains("USD") && euro.contains('€'), "{euro}");
        let comma = parse_shop_amount("1,5", usd).unwrap_err().to_string();
        assert!(comma.contains("write 1.5"), "{comma}");
        assert!(parse_shop_amount("12,50", usd).is_err());
        assert_eq!(
            parse_shop_amount("12,50", Some("EUR")).unwrap(),
            Decimal::new(1250, 2)
        );
        assert_eq!(
            parse_shop_amount("€80", Some("eur")).unwrap(),
            Decimal::new(80, 0)
        );
        assert_eq!(parse_shop_amount("1,5", None).unwrap(), Decimal::new(15, 1));
    }
}
