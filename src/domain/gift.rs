//! Gifts: product sent to a creator in the hope of a post (seeding). A gift records its
//! product cost and shipping as cost entries; the ledger follows whether she posted.

use crate::domain::ValueError;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A gift as entered, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGift {
    pub given_on: NaiveDate,
    /// What was sent ("Speckled mug, blue").
    pub item: String,
    /// What it sells for: kept for the ledger and her report, never a cost.
    pub retail: Decimal,
    /// What it cost the shop: a product cost.
    pub cost: Decimal,
    /// What sending it cost: a shipping cost.
    pub shipping: Decimal,
}

impl NewGift {
    /// Checks the amounts are 0 or more and the item is one line of text.
    pub fn validate(&self) -> Result<(), (&'static str, ValueError)> {
        for (field, v) in [
            ("retail", self.retail),
            ("cost", self.cost),
            ("shipping", self.shipping),
        ] {
            if v < Decimal::ZERO {
                return Err((
                    field,
                    ValueError::new(&v.to_string(), "an amount of 0 or more"),
                ));
            }
        }
        if self.item.chars().any(crate::domain::text::is_unsafe) || self.item.chars().count() > 200
        {
            return Err((
                "item",
                ValueError::new(&self.item, "one line of text, at most 200 characters"),
            ));
        }
        Ok(())
    }
}
