//! The gift ledger: gifts sent by hand (with their product and shipping cost entries, in one
//! transaction) and the gift orders imports found.

use super::entries::{amount_cents, date_col, date_sql};
use super::{Result, Store, StoreError};
use crate::domain::{CostKind, NewGift, from_cents};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use rust_decimal::Decimal;

/// A gift with its creator, as the ledger lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftRow {
    pub id: i64,
    pub influencer_id: i64,
    pub handle: String,
    pub campaign_id: Option<i64>,
    pub given_on: NaiveDate,
    pub item: String,
    pub retail: Decimal,
    pub cost: Decimal,
    pub shipping: Decimal,
    pub declined: bool,
    /// The gift order's number, for a gift an import found.
    pub order_number: Option<String>,
}

/// A gift checked, and its retail value, cost and shipping in cents.
fn gift_cents(gift: &NewGift) -> Result<(i64, i64, i64)> {
    gift.validate()
        .map_err(|(field, error)| StoreError::Invalid { field, error })?;
    Ok((
        amount_cents("retail", gift.retail)?,
        amount_cents("cost", gift.cost)?,
        amount_cents("shipping", gift.shipping)?,
    ))
}

impl Store {
    /// Records a gift: its cost as a product cost entry and its shipping (when above 0) as a
    /// shipping cost entry, exactly as `cost add` would, and the gift itself.
    pub fn add_gift(
        &mut self,
        influencer_id: i64,
        gift: &NewGift,
        campaign_id: Option<i64>,
    ) -> Result<i64> {
        let (retail, cost, shipping) = gift_cents(gift)?;
        let tx = self.conn.transaction()?;
        let note = format!("gift: {}", gift.item.trim());
        let add_cost = |kind: CostKind, cents: i64| -> rusqlite::Result<i64> {
            tx.execute(
                "INSERT INTO cost (influencer_id, campaign_id, kind, amount_cents, spent_on, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    influencer_id,
                    campaign_id,
                    kind.as_str(),
                    cents,
                    date_sql(gift.given_on),
                    note
                ],
            )?;
            Ok(tx.last_insert_rowid())
        };
        let product = add_cost(CostKind::Product, cost)?;
        let shipping_id = if shipping > 0 {
            Some(add_cost(CostKind::Shipping, shipping)?)
        } else {
            None
        };
        tx.execute(
            "INSERT INTO gift (influencer_id, campaign_id, given_on, item, retail_cents,
                               cost_cents, shipping_cents, product_cost_id, shipping_cost_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                influencer_id,
                campaign_id,
                date_sql(gift.given_on),
                gift.item.trim(),
                retail,
                cost,
                shipping,
                product,
                shipping_id
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Marks her gifts of that day declined; returns how many (an error when she has none).
    pub fn decline_gift(&mut self, influencer_id: i64, given_on: NaiveDate) -> Result<usize> {
        let n = self.conn.execute(
            "UPDATE gift SET declined = 1 WHERE influencer_id = ?1 AND given_on = ?2",
            params![influencer_id, date_sql(given_on)],
        )?;
        if n == 0 {
            return Err(StoreError::Invalid {
                field: "date",
                error: crate::domain::ValueError::new(
                    &given_on.to_string(),
                    "the date of one of her gifts (shoutout gift list)",
                ),
            });
        }
        Ok(n)
    }

    /// Marks one gift declined (the app's key on a gift row).
    pub fn decline_gift_id(&mut self, id: i64) -> Result<()> {
        self.conn
            .execute("UPDATE gift SET declined = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Changes gift `id` to `gift` and `campaign_id`, with the cost entries it made (its
    /// product cost; its shipping cost, added, changed or deleted as the shipping now is), in
    /// one transaction. A gift an import found is refused: its costs are the import's, which
    /// its undo removes.
    pub fn update_gift(&mut self, id: i64, gift: &NewGift, campaign_id: Option<i64>) -> Result<()> {
        let (retail, cost, shipping) = gift_cents(gift)?;
        let tx = self.conn.transaction()?;
        // Her id, the product and shipping cost entries, the import that found it.
        type Links = (i64, Option<i64>, Option<i64>, Option<i64>);
        let found: Option<Links> = tx
            .query_row(
                "SELECT influencer_id, product_cost_id, shipping_cost_id, import_batch_id
                 FROM gift WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((influencer, product, shipping_id, batch)) = found else {
            return Err(StoreError::NotFound { what: "gift", id });
        };
        if batch.is_some() {
            return Err(StoreError::ImportedGift(id));
        }
        let note = format!("gift: {}", gift.item.trim());
        let on = date_sql(gift.given_on);
        let set_cost = |cost_id: Option<i64>,
                        kind: CostKind,
                        cents: i64|
         -> rusqlite::Result<Option<i64>> {
            match (cost_id, cents > 0 || kind == CostKind::Product) {
                (Some(c), true) => {
                    tx.execute(
                        "UPDATE cost SET campaign_id = ?1, amount_cents = ?2, spent_on = ?3, note = ?4
                         WHERE id = ?5",
                        params![campaign_id, cents, on, note, c],
                    )?;
                    Ok(Some(c))
                }
                (Some(c), false) => {
                    tx.execute("DELETE FROM cost WHERE id = ?1", [c])?;
                    Ok(None)
                }
                (None, true) => {
                    tx.execute(
                        "INSERT INTO cost (influencer_id, campaign_id, kind, amount_cents, spent_on, note)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![influencer, campaign_id, kind.as_str(), cents, on, note],
                    )?;
                    Ok(Some(tx.last_insert_rowid()))
                }
                (None, false) => Ok(None),
            }
        };
        let product = set_cost(product, CostKind::Product, cost)?;
        let shipping_id = set_cost(shipping_id, CostKind::Shipping, shipping)?;
        tx.execute(
            "UPDATE gift SET campaign_id = ?1, given_on = ?2, item = ?3, retail_cents = ?4,
                             cost_cents = ?5, shipping_cents = ?6, product_cost_id = ?7,
                             shipping_cost_id = ?8
             WHERE id = ?9",
            params![
                campaign_id,
                on,
                gift.item.trim(),
                retail,
                cost,
                shipping,
                product,
                shipping_id,
                id
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Takes back a gift's "declined": it waits for her post again. Returns the gift.
    pub fn undecline_gift(&mut self, id: i64) -> Result<GiftRow> {
        let n = self
            .conn
            .execute("UPDATE gift SET declined = 0 WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "gift", id });
        }
        self.gifts()?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::NotFound { what: "gift", id })
    }

    /// Every gift, by date then handle.
    pub fn gifts(&self) -> Result<Vec<GiftRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.influencer_id, i.handle, g.campaign_id, g.given_on, g.item,
                    g.retail_cents, g.cost_cents, g.shipping_cents, g.declined, g.order_number
             FROM gift g JOIN influencer i ON i.id = g.influencer_id
             ORDER BY g.given_on, i.handle COLLATE NOCASE, g.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(GiftRow {
                id: r.get(0)?,
                influencer_id: r.get(1)?,
                handle: r.get(2)?,
                campaign_id: r.get(3)?,
                given_on: date_col(r, 4)?,
                item: r.get(5)?,
                retail: from_cents(r.get(6)?),
                cost: from_cents(r.get(7)?),
                shipping: from_cents(r.get(8)?),
                declined: r.get(9)?,
                order_number: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
