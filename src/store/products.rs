//! Product costs: what one unit of each SKU costs the shop, so an order's goods cost can come
//! from what it sold (see docs/metrics.md, "Cost of goods").

use super::entries::amount_cents;
use super::order_reader::unit_costs;
use super::{Result, Store};
use crate::domain::{Cents, from_cents};
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What writing a list of product costs did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProductCostCounts {
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

impl Store {
    /// Sets the unit cost of one SKU (SKUs compare without regard to case). Returns whether
    /// it replaced another value.
    pub fn set_product_cost(&mut self, sku: &str, unit_cost: Decimal) -> Result<bool> {
        let counts = self.set_product_costs(&[(sku.to_string(), unit_cost)])?;
        Ok(counts.changed > 0)
    }

    /// Sets many unit costs in one transaction: all of them or, on an error, none.
    pub fn set_product_costs(&mut self, costs: &[(String, Decimal)]) -> Result<ProductCostCounts> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut counts = ProductCostCounts::default();
        for (sku, cost) in costs {
            let cents = amount_cents("cost", *cost)?;
            let sku = sku.trim();
            let old: Option<Cents> = tx
                .prepare_cached("SELECT unit_cents FROM product_cost WHERE sku = ?1")?
                .query_row([sku], |r| r.get(0))
                .optional()?;
            match old {
                Some(old) if old == cents => {
                    counts.unchanged += 1;
                    continue;
                }
                Some(_) => counts.changed += 1,
                None => counts.added += 1,
            }
            tx.prepare_cached(
                "INSERT INTO product_cost (sku, unit_cents, updated_at)
                 VALUES (?1, ?2, datetime('now'))
                 ON CONFLICT (sku) DO UPDATE SET unit_cents = excluded.unit_cents,
                    updated_at = excluded.updated_at",
            )?
            .execute(params![sku, cents])?;
        }
        if counts.added + counts.changed > 0 {
            // Goods costs of orders come from product costs: the day sums follow.
            super::derived::rebuild(&tx)?;
        }
        tx.commit()?;
        Ok(counts)
    }

    /// Removes one SKU's cost; `false` when it had none.
    pub fn delete_product_cost(&mut self, sku: &str) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let deleted = tx.execute("DELETE FROM product_cost WHERE sku = ?1", [sku.trim()])? > 0;
        if deleted {
            super::derived::rebuild(&tx)?;
        }
        tx.commit()?;
        Ok(deleted)
    }

    /// Every SKU's unit cost, by SKU.
    pub fn product_costs(&self) -> Result<Vec<(String, Decimal)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT sku, unit_cents FROM product_cost ORDER BY sku")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, from_cents(r.get::<_, Cents>(1)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Unit costs in cents, keyed by [`crate::domain::sku_key`].
    pub(super) fn product_cost_map(&self) -> Result<HashMap<String, Cents>> {
        Ok(unit_costs(&self.conn)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn product_costs_are_set_counted_and_compared_without_case() {
        let mut store = Store::open_in_memory().unwrap();
        let costs = vec![
            ("MUG-BLUE".to_string(), dec!(8.40)),
            ("CANDLE".to_string(), dec!(3)),
        ];
        let first = store.set_product_costs(&costs).unwrap();
        assert_eq!((first.added, first.changed, first.unchanged), (2, 0, 0));
        let again = store.set_product_costs(&costs).unwrap();
        assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 2));
        assert!(store.set_product_cost("mug-blue", dec!(9)).unwrap());
        assert_eq!(
            store.product_costs().unwrap(),
            vec![
                ("CANDLE".to_string(), dec!(3.00)),
                ("MUG-BLUE".to_string(), dec!(9.00))
            ]
        );
        assert_eq!(store.product_cost_map().unwrap()["MUG-BLUE"], 900);
        assert!(store.delete_product_cost("candle").unwrap());
        assert!(!store.delete_product_cost("candle").unwrap());
    }

    #[test]
    fn a_bad_cost_in_a_list_writes_none_of_it() {
        let mut store = Store::open_in_memory().unwrap();
        let costs = vec![("A".to_string(), dec!(1)), ("B".to_string(), dec!(-2))];
        assert!(store.set_product_costs(&costs).is_err());
        assert!(store.product_costs().unwrap().is_empty());
    }
}
