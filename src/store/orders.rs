//! Writing an import's orders, keyed by (shop, order number): new ones inserted (many a
//! statement on a shop's first import), changed ones updated with their earlier state kept for
//! undo, unchanged ones left alone; customers stored under their keyed number; orders that
//! look like another shop's under the same numbers counted. The batch around them (begin,
//! commit, undo) is `batches.rs`.

use super::Result;
use super::customers::{CustomerKeyer, customer_number};
use super::fingerprint::{Stored, compare};
use crate::domain::Cents;
use crate::domain::{OrderRecord, encode_items, order::order_number};
use crate::metrics::OrderFact;
use chrono::Datelike;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// How many of a file's first orders [`OrderImport::other_shop_with_these_orders`] looks up.
pub(super) const SAMPLE: usize = 32;

/// `codes` one a line, appended to `out`: the stored form, `codes.join("\n")`.
pub(super) fn join_lines(out: &mut String, codes: &[String]) {
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(code);
    }
}

/// What writing one order did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Upsert {
    New,
    Unchanged,
    Changed,
    /// The same order appeared earlier in this same file.
    RepeatedInFile,
}

/// How many orders of a file went which way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpsertCounts {
    pub new: i64,
    pub unchanged: i64,
    pub changed: i64,
    pub repeated: i64,
    /// Orders refused by the reader (bad cells) or by the import (wrong currency).
    pub invalid: i64,
}

impl UpsertCounts {
    pub fn add(&mut self, what: Upsert) {
        *match what {
            Upsert::New => &mut self.new,
            Upsert::Unchanged => &mut self.unchanged,
            Upsert::Changed => &mut self.changed,
            Upsert::RepeatedInFile => &mut self.repeated,
        } += 1;
    }

    /// Every order of the file, whichever way it went.
    pub fn total(&self) -> i64 {
        self.new + self.unchanged + self.changed + self.repeated + self.invalid
    }

    pub fn get(&self, what: Upsert) -> i64 {
        match what {
            Upsert::New => self.new,
            Upsert::Unchanged => self.unchanged,
            Upsert::Changed => self.changed,
            Upsert::RepeatedInFile => self.repeated,
        }
    }
}

/// An import in progress: one write transaction. Dropping it without [`OrderImport::commit`]
/// rolls everything back.
pub struct OrderImport<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) batch_id: i64,
    pub(super) source: String,
    /// The shop has no orders yet: every order is inserted without a lookup.
    pub(super) fresh: bool,
    /// The database file, for the backup taken as the import begins.
    pub(super) db_path: Option<std::path::PathBuf>,
    /// Customer numbers keyed with the database's secret.
    pub(super) keyer: CustomerKeyer,
    /// Changed orders that look like another shop's (a different customer and day under the
    /// same order number).
    pub(super) foreign: u64,
    /// Where the orders written so far touch the derived facts, refreshed at commit.
    pub(super) scope: super::derived::Scope,
    /// Into an empty store: the derived facts summed as orders are written, with the unit
    /// costs (instead of `scope`).
    pub(super) summing: Option<Box<(super::sums_thread::SumsThread, HashMap<String, Cents>)>>,
    /// The file's first orders (up to [`SAMPLE`]) with their fingerprints, to tell whether
    /// they were already imported under another shop name.
    pub(super) sample: Vec<(OrderRecord, i64)>,
    /// The automatic backup taken as the import began: deleted unless it commits.
    pub(super) backup: super::backup::PendingBackup,
    /// Last, so it is dropped after `tx` has committed or rolled back.
    pub(super) _first: super::first_import::FirstImport<'a>,
}

/// What an import compares an incoming order with.
struct Existing {
    id: i64,
    fingerprint: i64,
    batch: i64,
    customer: Option<i64>,
    placed_at: i64,
    placed_on: i32,
    gift: bool,
    /// Stored before schema 7, or from an export without line items.
    no_items: bool,
}

/// An order as the lean reader of the derived facts reads it back once stored: what an
/// import into an empty store sums without reading it back.
fn stored_fact(
    order: &OrderRecord,
    has_customer: bool,
    unit_costs: &HashMap<String, Cents>,
) -> OrderFact {
    let gift = order.gift_value.is_some();
    let goods = if unit_costs.is_empty() || order.items.is_empty() {
        None
    } else {
        // Through the stored text, so the SKUs are the ones read back.
        super::order_reader::order_goods(&encode_items(&order.items, gift), unit_costs)
            .flatten()
            .map(Box::new)
    };
    OrderFact {
        placed_at: order.placed_at.timestamp(),
        number: order_number(&order.external_id),
        placed_on: order.placed_at.date_naive(),
        customer: has_customer.then_some(0),
        status: order.status,
        cancelled: order.cancelled,
        subtotal: order.subtotal,
        refunded: order.refunded,
        codes: Box::new([]),
        customer_new: order.customer_new,
        gift,
        utm_source: None,
        goods,
    }
}

impl OrderImport<'_> {
    /// An order was stored under `id`: its derived facts are summed now (into an empty
    /// store) or refreshed at commit.
    pub(super) fn written(&mut self, order: &OrderRecord, id: i64, customer: Option<i64>) {
        match &mut self.summing {
            Some(summing) => {
                let (summing, unit_costs) = &mut **summing;
                let fact = stored_fact(order, customer.is_some(), unit_costs);
                let codes = order.codes.join("\n");
                summing.add(fact, id, customer, codes, order.utm_source.clone());
            }
            None => self
                .scope
                .touch(customer, order.placed_at.date_naive().num_days_from_ce()),
        }
    }

    /// The number an order's customer is stored under: keyed with the database's secret.
    pub(super) fn customer(&self, order: &OrderRecord) -> Option<i64> {
        let number = order.customer_key.as_deref().and_then(customer_number)?;
        Some(self.keyer.key(number))
    }

    /// How many changed orders looked like another shop's orders under the same numbers
    /// (another customer, placed on another day).
    pub fn foreign_collisions(&self) -> u64 {
        self.foreign
    }

    /// [`OrderImport::upsert_with`] for many orders at once, in order. On a shop's first
    /// import they go in with multi-row inserts, which is several times quicker than one
    /// statement an order.
    /// Renames this shop's stored order `former` to `id` (a key an older version gave it,
    /// [`OrderRecord::former_id`]), unless an order already has `id`; before the import
    /// compares it. Nothing to do in a shop's first import.
    pub fn rekey(&self, former: &str, id: &str) -> Result<bool> {
        if self.fresh {
            return Ok(false);
        }
        let renamed = self.tx.execute(
            "UPDATE shop_order SET external_id = ?3, number = ?4
             WHERE source = ?1 AND external_id = ?2
               AND NOT EXISTS (SELECT 1 FROM shop_order WHERE source = ?1 AND external_id = ?3)",
            params![self.source, former, id, order_number(id)],
        )?;
        Ok(renamed > 0)
    }

    pub fn upsert_many(&mut self, orders: &[(&OrderRecord, i64)]) -> Result<Vec<Upsert>> {
        for (order, fp) in orders.iter().take(SAMPLE.saturating_sub(self.sample.len())) {
            self.sample.push(((*order).clone(), *fp));
        }
        if !self.fresh {
            return orders
                .iter()
                .map(|(order, fp)| self.upsert_with(order, *fp))
                .collect();
        }
        self.insert_fresh(orders)
    }

    /// Whether a changed order looks like another shop's under the same number: the same
    /// shop's later export keeps an order's customer and moment; another shop's has another
    /// customer (on any date: two shops opened the same month both start at #1001), or, where
    /// the files name no customer, another day.
    fn of_another_shop(&self, order: &OrderRecord, old: &Existing) -> bool {
        let moved = (old.placed_at - order.placed_at.timestamp()).abs() > 86_400;
        match (self.customer(order), old.customer) {
            (Some(new), Some(stored)) => new != stored,
            _ => moved,
        }
    }

    /// Writes one order, with its [`super::fingerprint()`]: inserted when new, updated when
    /// changed (its earlier state kept for undo), left alone when unchanged.
    fn upsert_with(&mut self, order: &OrderRecord, fp: i64) -> Result<Upsert> {
        if self.fresh {
            // The shop's first import: nothing to compare with, so insert straight away; an
            // order number met twice can only come from this file.
            return Ok(match self.write(order, fp)? {
                Some(_) => Upsert::New,
                None => Upsert::RepeatedInFile,
            });
        }
        let existing = self.existing(order)?;
        let existing = existing.map(|old| (compare(order, fp, old.fingerprint, old.no_items), old));
        match existing {
            Some((_, old)) if old.batch == self.batch_id => Ok(Upsert::RepeatedInFile),
            Some((Stored::Same, _)) => Ok(Upsert::Unchanged),
            Some((Stored::EarlierScheme, old)) => {
                // Unchanged, fingerprinted by the first scheme: it takes the current one.
                self.tx
                    .prepare_cached("UPDATE shop_order SET fingerprint = ?2 WHERE id = ?1")?
                    .execute(params![old.id, fp])?;
                Ok(Upsert::Unchanged)
            }
            Some((Stored::WithoutItems, old)) => {
                // Unchanged, but stored before orders kept their line items: add them.
                self.scope.touch(old.customer, old.placed_on);
                self.tx
                    .prepare_cached(
                        "UPDATE shop_order SET items = ?2, fingerprint = ?3 WHERE id = ?1",
                    )?
                    .execute(params![
                        old.id,
                        encode_items(&order.items, order.gift_value.is_some()),
                        fp
                    ])?;
                Ok(Upsert::Unchanged)
            }
            Some((Stored::Changed, old)) => self.replace(order, fp, &old),
            None => {
                self.write(order, fp)?;
                Ok(Upsert::New)
            }
        }
    }

    /// The stored order with this file order's shop and number, if any.
    fn existing(&mut self, order: &OrderRecord) -> Result<Option<Existing>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT id, fingerprint, updated_batch, customer, placed_at, gift, items = '',
                        placed_on
                 FROM shop_order WHERE source = ?1 AND external_id = ?2",
            )?
            .query_row(params![self.source, order.external_id], |r| {
                Ok(Existing {
                    id: r.get(0)?,
                    fingerprint: r.get(1)?,
                    batch: r.get(2)?,
                    customer: r.get(3)?,
                    placed_at: r.get(4)?,
                    gift: r.get(5)?,
                    no_items: r.get(6)?,
                    placed_on: r.get(7)?,
                })
            })
            .optional()?)
    }

    /// Overwrites a changed order, its earlier state kept in `order_prev` for undo.
    fn replace(&mut self, order: &OrderRecord, fp: i64, old: &Existing) -> Result<Upsert> {
        let id = old.id;
        self.scope.touch(old.customer, old.placed_on);
        if self.of_another_shop(order, old) {
            self.foreign += 1;
        }
        self.tx
            .prepare_cached(
                "INSERT INTO order_prev (batch_id, order_id, number, placed_at,
                    placed_offset, placed_on, customer_id, currency, subtotal_cents,
                    refunded_cents, status, cancelled, customer_new, fingerprint,
                    updated_batch, gift, utm_source, utm_campaign, customer, codes,
                    items, orig_currency, orig_subtotal_cents)
                 SELECT ?1, o.id, o.number, o.placed_at, o.placed_offset, o.placed_on,
                    o.customer_id, o.currency, o.subtotal_cents, o.refunded_cents,
                    o.status, o.cancelled, o.customer_new, o.fingerprint,
                    o.updated_batch, o.gift, o.utm_source, o.utm_campaign, o.customer,
                    o.codes, o.items, o.orig_currency, o.orig_subtotal_cents
                 FROM shop_order o WHERE o.id = ?2",
            )?
            .execute(params![self.batch_id, id])?;
        self.write(order, fp)?;
        if old.gift && order.gift_value.is_none() {
            // A gift stays a gift: a later export showing it as a sale does not
            // turn the product given away into revenue.
            self.tx
                .prepare_cached("UPDATE shop_order SET gift = 1 WHERE id = ?1")?
                .execute([id])?;
        }
        Ok(Upsert::Changed)
    }

    /// Inserts an order, or overwrites the one with the same (shop, order number). The batch that created an order stays recorded; the one that changed it is
    /// this one. Returns `None` when `fresh` (a plain insert) finds the order already there.
    fn write(&mut self, order: &OrderRecord, fp: i64) -> Result<Option<i64>> {
        macro_rules! insert {
            ($conflict:literal, $upsert:literal) => {
                concat!(
                    "INSERT ",
                    $conflict,
                    " INTO shop_order (source, external_id, number, placed_at,
                        placed_offset, placed_on, customer, currency, subtotal_cents,
                        refunded_cents, status, cancelled, customer_new, fingerprint,
                        created_batch, updated_batch, gift, utm_source, utm_campaign, codes,
                        items, orig_currency, orig_subtotal_cents)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                             ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22) ",
                    $upsert,
                    " RETURNING id"
                )
            };
        }
        let sql = if self.fresh {
            // OR IGNORE: an order number met again returns no row, and SQLite needs no
            // statement journal to undo a failed insert.
            insert!("OR IGNORE", "")
        } else {
            insert!(
                "",
                "ON CONFLICT (source, external_id) DO UPDATE SET
                    number = excluded.number, placed_at = excluded.placed_at,
                    placed_offset = excluded.placed_offset, placed_on = excluded.placed_on,
                    customer = excluded.customer, customer_id = NULL,
                    currency = excluded.currency, subtotal_cents = excluded.subtotal_cents,
                    refunded_cents = excluded.refunded_cents, status = excluded.status,
                    cancelled = excluded.cancelled, customer_new = excluded.customer_new,
                    fingerprint = excluded.fingerprint, updated_batch = excluded.updated_batch,
                    gift = excluded.gift, utm_source = excluded.utm_source,
                    utm_campaign = excluded.utm_campaign, codes = excluded.codes,
                    items = excluded.items, orig_currency = excluded.orig_currency,
                    orig_subtotal_cents = excluded.orig_subtotal_cents"
            )
        };
        let customer = self.customer(order);
        let day = order.placed_at.date_naive().num_days_from_ce();
        let inserted = self.tx.prepare_cached(sql)?.query_row(
            params![
                self.source,
                order.external_id,
                order_number(&order.external_id),
                order.placed_at.timestamp(),
                order.placed_at.offset().local_minus_utc(),
                day,
                customer,
                order.currency,
                order.subtotal,
                order.refunded,
                order.status.as_str(),
                order.cancelled,
                order.customer_new,
                fp,
                self.batch_id,
                order.gift_value.is_some(),
                order.utm_source,
                order.utm_campaign,
                order.codes.join("\n"),
                encode_items(&order.items, order.gift_value.is_some()),
                order.original.as_ref().map(|o| o.0.as_str()),
                order.original.as_ref().map(|o| o.1)
            ],
            |r| r.get::<_, i64>(0),
        );
        match inserted {
            Ok(id) => {
                self.written(order, id, customer);
                Ok(Some(id))
            }
            Err(rusqlite::Error::QueryReturnedNoRows) if self.fresh => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}
