//! A shop's first import writes its orders many to a statement: the multi-row insert, made
//! once, and the ids and customers of the orders it wrote.

use super::Result;
use super::orders::{OrderImport, Upsert, join_lines};
use crate::domain::{OrderRecord, encode_items_into, order::order_number};
use chrono::Datelike;
use rusqlite::params;
use std::collections::HashSet;

/// Orders per multi-row insert on a shop's first import ([`OWN_VALUES`] parameters each, well
/// under SQLite's limit of 32766).
pub(super) const ROWS_PER_INSERT: usize = 256;

/// The values of a row of a multi-row insert that are its own (all but the shop and batch).
const OWN_VALUES: usize = 20;

/// The multi-row insert of `rows` orders. The shop (`:s`, parameter 1) and the batch (`:b`,
/// 2) are bound once; each row's own values follow, numbered in order from 3. Kept short
/// (SQLite's statement cache compares the whole text at every use), and made once for a
/// full statement.
fn insert_sql(rows: usize) -> std::borrow::Cow<'static, str> {
    fn make(rows: usize) -> String {
        let mut sql = String::from(
            "INSERT OR IGNORE INTO shop_order (source, created_batch, updated_batch, external_id,
                number, placed_at, placed_offset, placed_on, customer, currency, subtotal_cents,
                refunded_cents, status, cancelled, customer_new, fingerprint, gift, utm_source,
                utm_campaign, codes, items, orig_currency, orig_subtotal_cents) VALUES ",
        );
        let row = format!("(:s,:b,:b{})", ",?".repeat(OWN_VALUES));
        sql.push_str(&vec![row.as_str(); rows].join(","));
        sql
    }
    static FULL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if rows == ROWS_PER_INSERT {
        FULL.get_or_init(|| make(rows)).as_str().into()
    } else {
        make(rows).into()
    }
}

/// The id of each order of a multi-row insert, where it went in.
type Ids = Vec<Option<i64>>;

impl OrderImport<'_> {
    /// A shop's first import: the orders in multi-row inserts of [`ROWS_PER_INSERT`], each
    /// new, or repeated in the file when its number was already written.
    pub(super) fn insert_fresh(&mut self, orders: &[(&OrderRecord, i64)]) -> Result<Vec<Upsert>> {
        let mut out = Vec::with_capacity(orders.len());
        for chunk in orders.chunks(ROWS_PER_INSERT) {
            let (ids, customers) = self.insert_many(chunk)?;
            for (((order, _), id), customer) in chunk.iter().zip(ids).zip(customers) {
                match id {
                    Some(id) => {
                        self.written(order, id, customer);
                        out.push(Upsert::New);
                    }
                    None => out.push(Upsert::RepeatedInFile),
                }
            }
        }
        Ok(out)
    }

    /// One `INSERT OR IGNORE` of many rows; returns each order's id (`None` when its number
    /// was met before in the file, so it did not go in) and its stored customer.
    pub(super) fn insert_many(
        &mut self,
        orders: &[(&OrderRecord, i64)],
    ) -> Result<(Ids, Vec<Option<i64>>)> {
        let sql = insert_sql(orders.len());
        let before: i64 =
            self.tx
                .query_row("SELECT coalesce(max(id), 0) FROM shop_order", [], |r| {
                    r.get(0)
                })?;
        let customers: Vec<Option<i64>> = orders.iter().map(|(o, _)| self.customer(o)).collect();
        let mut stmt = self.tx.prepare_cached(&sql)?;
        stmt.raw_bind_parameter(1, &self.source)?;
        stmt.raw_bind_parameter(2, self.batch_id)?;
        let mut p = 2;
        let mut bind = |stmt: &mut rusqlite::CachedStatement, value: &dyn rusqlite::ToSql| {
            p += 1;
            stmt.raw_bind_parameter(p, value)
        };
        // The texts made for a row, in one buffer: binding copies them.
        let mut text = String::new();
        for ((order, fp), customer) in orders.iter().zip(&customers) {
            let day = order.placed_at.date_naive().num_days_from_ce();
            bind(&mut stmt, &order.external_id)?;
            bind(&mut stmt, &order_number(&order.external_id))?;
            bind(&mut stmt, &order.placed_at.timestamp())?;
            bind(&mut stmt, &order.placed_at.offset().local_minus_utc())?;
            bind(&mut stmt, &day)?;
            bind(&mut stmt, customer)?;
            bind(&mut stmt, &order.currency)?;
            bind(&mut stmt, &order.subtotal)?;
            bind(&mut stmt, &order.refunded)?;
            bind(&mut stmt, &order.status.as_str())?;
            bind(&mut stmt, &order.cancelled)?;
            bind(&mut stmt, &order.customer_new)?;
            bind(&mut stmt, fp)?;
            bind(&mut stmt, &order.gift_value.is_some())?;
            bind(&mut stmt, &order.utm_source)?;
            bind(&mut stmt, &order.utm_campaign)?;
            text.clear();
            join_lines(&mut text, &order.codes);
            bind(&mut stmt, &text.as_str())?;
            text.clear();
            encode_items_into(&mut text, &order.items, order.gift_value.is_some());
            bind(&mut stmt, &text.as_str())?;
            bind(&mut stmt, &order.original.as_ref().map(|o| o.0.as_str()))?;
            bind(&mut stmt, &order.original.as_ref().map(|o| o.1))?;
        }
        let went_in = stmt.raw_execute()?;
        let last = self.tx.last_insert_rowid();
        if went_in == orders.len() && last - before == went_in as i64 {
            // Every row went in, each numbered one past the largest id, in order.
            return Ok(((before + 1..=last).map(Some).collect(), customers));
        }
        // Some numbers were met before in the file: which rows went in, by their ids.
        let mut find = self
            .tx
            .prepare_cached("SELECT id FROM shop_order WHERE source = ?1 AND external_id = ?2")?;
        let mut claimed: HashSet<&str> = HashSet::with_capacity(orders.len());
        let ids = orders
            .iter()
            .map(|(order, _)| {
                if !claimed.insert(order.external_id.as_str()) {
                    return Ok(None);
                }
                let id: i64 =
                    find.query_row(params![self.source, order.external_id], |r| r.get(0))?;
                Ok((id > before).then_some(id))
            })
            .collect::<Result<_>>()?;
        Ok((ids, customers))
    }
}
