//! What a creator cost: fees, gifted product, sample shipping, bonuses and the rest.

use crate::domain::{ValueError, parse_amount, parse_date};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// The kind of a cost entry. Commission is not a kind: it is computed from revenue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CostKind {
    Fee,
    Product,
    Shipping,
    Bonus,
    Other,
}

impl CostKind {
    pub const ALL: [CostKind; 5] = [
        CostKind::Fee,
        CostKind::Product,
        CostKind::Shipping,
        CostKind::Bonus,
        CostKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CostKind::Fee => "fee",
            CostKind::Product => "product",
            CostKind::Shipping => "shipping",
            CostKind::Bonus => "bonus",
            CostKind::Other => "other",
        }
    }

    /// Position in [`CostKind::ALL`], for per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for CostKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CostKind {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        CostKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                ValueError::new(s, "a cost kind: fee, product, shipping, bonus or other")
            })
    }
}

/// A cost entry as entered, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCost {
    pub kind: CostKind,
    /// Non-negative, at most 2 decimals.
    pub amount: Decimal,
    pub date: NaiveDate,
    pub note: String,
}

impl NewCost {
    /// Builds a cost from typed values: the amount 0 or more, storable in cents. The command
    /// line builds one this way, the app through [`NewCost::parse`]: the same checks.
    pub fn new(
        kind: CostKind,
        amount: Decimal,
        date: NaiveDate,
        note: &str,
    ) -> Result<Self, (&'static str, ValueError)> {
        if amount < Decimal::ZERO {
            return Err((
                "amount",
                ValueError::new(&amount.to_string(), "an amount of 0 or more"),
            ));
        }
        crate::domain::to_cents(amount).map_err(|e| ("amount", e))?;
        Ok(NewCost {
            kind,
            amount,
            date,
            note: note.trim().to_string(),
        })
    }

    /// Builds a cost from typed text, naming the first field that is wrong.
    pub fn parse(
        kind: &str,
        amount: &str,
        date: &str,
        note: &str,
    ) -> Result<Self, (&'static str, ValueError)> {
        let kind = kind.parse().map_err(|e| ("kind", e))?;
        let amount = parse_amount(amount).map_err(|e| ("amount", e))?;
        let date = parse_date(date).map_err(|e| ("date", e))?;
        NewCost::new(kind, amount, date, note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn costs_parse_from_text() {
        let c = NewCost::parse("Fee", "250.00", "2026-05-01", " reel ").unwrap();
        assert_eq!(c.kind, CostKind::Fee);
        assert_eq!(c.amount, dec!(250));
        assert_eq!(c.note, "reel");
        assert_eq!(
            NewCost::parse("tip", "1", "2026-05-01", "").unwrap_err().0,
            "kind"
        );
        assert_eq!(
            NewCost::parse("fee", "12,5O", "2026-05-01", "")
                .unwrap_err()
                .0,
            "amount"
        );
        assert_eq!(
            NewCost::parse("fee", "-5", "2026-05-01", "").unwrap_err().0,
            "amount"
        );
        assert_eq!(
            NewCost::parse("fee", "5", "May 1", "").unwrap_err().0,
            "date"
        );
    }
}
