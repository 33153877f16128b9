//! Imported orders: one transaction per import, keyed by (shop source, order id), with the
//! previous state of every changed order kept so the import can be undone exactly.

use super::migrations::{CUSTOMER_SECRET, customer_number, keyed_customer};
use super::{Result, Store, StoreError};
use crate::domain::{OrderRecord, order::order_number};
use chrono::Datelike;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// Orders per multi-row insert on a shop's first import (20 parameters each, well under
/// SQLite's limit of 32766).
const ROWS_PER_INSERT: usize = 256;

/// The page cache during an import, in KiB (negative = KiB for SQLite's `cache_size`).
const IMPORT_CACHE_KIB: i64 = -16 * 1024;

/// What an import is, recorded with its batch.
#[derive(Debug, Clone)]
pub struct BatchMeta {
    pub file_name: String,
    pub sha256: String,
    pub format: String,
    /// The shop the orders come from (`shopify`, `etsy`, or a name the seller gave).
    pub source: String,
    /// When the import ran, ISO 8601.
    pub imported_at: String,
}

/// A past import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchInfo {
    pub id: i64,
    pub file_name: String,
    pub format: String,
    pub source: String,
    pub imported_at: String,
    pub new_count: i64,
    pub changed_count: i64,
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
    tx: Transaction<'a>,
    batch_id: i64,
    source: String,
    /// The shop has no orders yet: every order is inserted without a lookup.
    fresh: bool,
    /// The database file, for the backup taken just before committing.
    db_path: Option<std::path::PathBuf>,
    /// The database's secret that customer numbers are keyed with.
    secret: String,
    /// Changed orders that look like another shop's (a different customer and day under the
    /// same order number), and how many changed orders were compared.
    foreign: u64,
}

/// What an import compares an incoming order with.
struct Existing {
    id: i64,
    fingerprint: i64,
    batch: i64,
    customer: Option<i64>,
    placed_at: i64,
    gift: bool,
}

/// A stable fingerprint of everything the scorecard reads from an order: an import compares
/// it to tell unchanged orders from changed ones. (Pure, so importers compute it on the thread
/// that reads the file.)
pub fn fingerprint(order: &OrderRecord) -> i64 {
    let canonical = format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{:?}",
        order.placed_at.timestamp(),
        order.placed_at.offset().local_minus_utc(),
        order.customer_key.as_deref().unwrap_or(""),
        order.currency,
        order.subtotal,
        order.refunded,
        order.status.as_str(),
        order.cancelled,
        order.codes.join("\n"),
        order.customer_new,
    );
    // Fields added by schema 2 join the fingerprint only when set, so orders imported before
    // the upgrade still compare as unchanged.
    let canonical =
        if order.gift_value.is_none() && order.utm_source.is_none() && order.utm_campaign.is_none()
        {
            canonical
        } else {
            canonical
                + &format!(
                    "|{:?}|{:?}|{:?}",
                    order.gift_value, order.utm_source, order.utm_campaign
                )
        };
    let digest = Sha256::digest(canonical.as_bytes());
    i64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
}

impl Store {
    /// Starts an import: takes the write lock (waiting up to the busy timeout) and records
    /// the batch. Nothing is visible to others until [`OrderImport::commit`].
    pub fn begin_import(&mut self, meta: &BatchMeta) -> Result<OrderImport<'_>> {
        // A bigger page cache keeps the order indexes in memory during a large import.
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO import_batch (file_name, sha256, format, source, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                meta.file_name,
                meta.sha256,
                meta.format,
                meta.source,
                meta.imported_at
            ],
        )?;
        let batch_id = tx.last_insert_rowid();
        let secret: String = tx.query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [CUSTOMER_SECRET],
            |r| r.get(0),
        )?;
        let fresh = !tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM shop_order WHERE source = ?1)",
            [&meta.source],
            |r| r.get::<_, bool>(0),
        )?;
        Ok(OrderImport {
            tx,
            batch_id,
            source: meta.source.clone(),
            fresh,
            db_path: self.path.clone(),
            secret,
            foreign: 0,
        })
    }

    /// Past imports, newest first, not counting undone ones (they are deleted).
    pub fn batches(&self) -> Result<Vec<BatchInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, file_name, format, source, imported_at, new_count, changed_count
             FROM import_batch ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BatchInfo {
                id: r.get(0)?,
                file_name: r.get(1)?,
                format: r.get(2)?,
                source: r.get(3)?,
                imported_at: r.get(4)?,
                new_count: r.get(5)?,
                changed_count: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Puts the database back exactly as it was before the last import: orders it added are
    /// removed, orders it changed get their earlier state back, costs it recorded go.
    pub fn undo_last_import(&mut self) -> Result<BatchInfo> {
        let batch = self
            .batches()?
            .into_iter()
            .next()
            .ok_or(StoreError::NothingToUndo)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let b = batch.id;
        tx.execute(
            "UPDATE shop_order AS o SET
                number = p.number, placed_at = p.placed_at, placed_offset = p.placed_offset,
                placed_on = p.placed_on, customer_id = p.customer_id, currency = p.currency,
                subtotal_cents = p.subtotal_cents, refunded_cents = p.refunded_cents,
                status = p.status, cancelled = p.cancelled, customer_new = p.customer_new,
                fingerprint = p.fingerprint, updated_batch = p.updated_batch, gift = p.gift,
                utm_source = p.utm_source, utm_campaign = p.utm_campaign, customer = p.customer,
                codes = p.codes
             FROM order_prev AS p WHERE p.batch_id = ?1 AND p.order_id = o.id",
            [b],
        )?;
        tx.execute("DELETE FROM order_prev WHERE batch_id = ?1", [b])?;
        // Settings the import made or changed go back to what they were.
        tx.execute(
            "DELETE FROM settings WHERE key IN
                (SELECT key FROM batch_setting WHERE batch_id = ?1 AND old_value IS NULL)",
            [b],
        )?;
        tx.execute(
            "UPDATE settings SET value = s.old_value
             FROM batch_setting AS s
             WHERE s.batch_id = ?1 AND s.key = settings.key AND s.old_value IS NOT NULL",
            [b],
        )?;
        tx.execute("DELETE FROM batch_setting WHERE batch_id = ?1", [b])?;
        tx.execute("DELETE FROM shop_order WHERE created_batch = ?1", [b])?;
        tx.execute("DELETE FROM cost WHERE import_batch_id = ?1", [b])?;
        tx.execute("DELETE FROM import_batch WHERE id = ?1", [b])?;
        tx.commit()?;
        Ok(batch)
    }

    /// How many orders the database holds.
    pub fn order_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM shop_order", [], |r| r.get(0))?)
    }
}

impl OrderImport<'_> {
    /// The number an order's customer is stored under: keyed with the database's secret.
    fn customer(&self, order: &OrderRecord) -> Option<i64> {
        let number = order.customer_key.as_deref().and_then(customer_number)?;
        Some(keyed_customer(&self.secret, number))
    }

    /// The shop a file with this SHA-256 was already imported under, if it was another one.
    pub fn other_shop_of_file(&self, sha256: &str) -> Result<Option<String>> {
        Ok(self
            .tx
            .query_row(
                "SELECT source FROM import_batch
                 WHERE sha256 = ?1 AND source <> ?2 AND id <> ?3 LIMIT 1",
                params![sha256, self.source, self.batch_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The handle owning a promo code, if anyone does.
    pub fn code_owner_handle(&self, code_key: &str) -> Result<Option<(i64, String)>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT i.id, i.handle FROM promo_code c JOIN influencer i ON i.id = c.influencer_id
                 WHERE c.code_key = ?1",
            )?
            .query_row([code_key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// How many changed orders looked like another shop's orders under the same numbers
    /// (another customer, placed on another day).
    pub fn foreign_collisions(&self) -> u64 {
        self.foreign
    }

    /// The batch this import records.
    pub fn batch_id(&self) -> i64 {
        self.batch_id
    }

    /// A setting, read inside the import (the shop's `currency`, `gift_cost_pct`).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Changes a setting as part of the import: rolled back with it, and restored to its
    /// earlier value (or removed) when the import is undone.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT OR IGNORE INTO batch_setting (batch_id, key, old_value)
             VALUES (?1, ?2, (SELECT value FROM settings WHERE key = ?2))",
            params![self.batch_id, key],
        )?;
        self.tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Saves a column mapping for files with this header.
    pub fn save_mapping(&self, header_key: &str, name: &str, toml: &str, now: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO csv_mapping (header_key, name, mapping, saved_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (header_key) DO UPDATE SET
                name = excluded.name, mapping = excluded.mapping, saved_at = excluded.saved_at",
            [header_key, name, toml, now],
        )?;
        Ok(())
    }

    /// Which of these normalised codes belong to an influencer now.
    pub fn known_codes<'c>(&self, codes: impl Iterator<Item = &'c str>) -> Result<HashSet<String>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT 1 FROM promo_code WHERE code_key = ?1")?;
        let mut known = HashSet::new();
        for code in codes {
            if stmt.exists([code])? {
                known.insert(code.to_string());
            }
        }
        Ok(known)
    }

    /// Handle → influencer id for a promo code owner, if the code belongs to someone.
    pub fn code_owner(&self, code_key: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached("SELECT influencer_id FROM promo_code WHERE code_key = ?1")?
            .query_row([code_key], |r| r.get(0))
            .optional()?)
    }

    /// Records a cost that the import itself found (a gift order), tied to this batch so
    /// undo removes it.
    pub fn add_import_cost(
        &self,
        influencer_id: i64,
        kind: crate::domain::CostKind,
        cents: i64,
        date: chrono::NaiveDate,
        note: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO cost (influencer_id, kind, amount_cents, spent_on, note, import_batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                influencer_id,
                kind.as_str(),
                cents,
                date.format("%Y-%m-%d").to_string(),
                note,
                self.batch_id
            ])?;
        Ok(())
    }

    /// [`OrderImport::upsert_with`] for many orders at once, in order. On a shop's first
    /// import they go in with multi-row inserts, which is several times quicker than one
    /// statement an order.
    pub fn upsert_many(&mut self, orders: &[(&OrderRecord, i64)]) -> Result<Vec<Upsert>> {
        if !self.fresh {
            return orders
                .iter()
                .map(|(order, fp)| self.upsert_with(order, *fp))
                .collect();
        }
        let mut out = Vec::with_capacity(orders.len());
        for chunk in orders.chunks(ROWS_PER_INSERT) {
            let inserted = self.insert_many(chunk)?;
            let mut claimed: HashSet<&str> = HashSet::with_capacity(chunk.len());
            for (order, _) in chunk {
                let id = order.external_id.as_str();
                out.push(if inserted.contains(id) && claimed.insert(id) {
                    Upsert::New
                } else {
                    Upsert::RepeatedInFile
                });
            }
        }
        Ok(out)
    }

    /// One `INSERT OR IGNORE` of many rows; returns the order numbers that went in.
    fn insert_many(&mut self, orders: &[(&OrderRecord, i64)]) -> Result<HashSet<String>> {
        let mut sql = String::from(
            "INSERT OR IGNORE INTO shop_order (source, external_id, number, placed_at,
                placed_offset, placed_on, customer, currency, subtotal_cents, refunded_cents,
                status, cancelled, customer_new, fingerprint, created_batch, updated_batch, gift,
                utm_source, utm_campaign, codes) VALUES ",
        );
        for i in 0..orders.len() {
            if i > 0 {
                sql.push(',');
            }
            sql.push_str("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        sql.push_str(" RETURNING external_id");
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let mut p = 0;
        let mut bind = |stmt: &mut rusqlite::CachedStatement, value: &dyn rusqlite::ToSql| {
            p += 1;
            stmt.raw_bind_parameter(p, value)
        };
        for (order, fp) in orders {
            let codes = order.codes.join("\n");
            bind(&mut stmt, &self.source)?;
            bind(&mut stmt, &order.external_id)?;
            bind(&mut stmt, &order_number(&order.external_id))?;
            bind(&mut stmt, &order.placed_at.timestamp())?;
            bind(&mut stmt, &order.placed_at.offset().local_minus_utc())?;
            bind(&mut stmt, &order.placed_at.date_naive().num_days_from_ce())?;
            bind(&mut stmt, &self.customer(order))?;
            bind(&mut stmt, &order.currency)?;
            bind(&mut stmt, &order.subtotal)?;
            bind(&mut stmt, &order.refunded)?;
            bind(&mut stmt, &order.status.as_str())?;
            bind(&mut stmt, &order.cancelled)?;
            bind(&mut stmt, &order.customer_new)?;
            bind(&mut stmt, fp)?;
            bind(&mut stmt, &self.batch_id)?;
            bind(&mut stmt, &self.batch_id)?;
            bind(&mut stmt, &order.gift_value.is_some())?;
            bind(&mut stmt, &order.utm_source)?;
            bind(&mut stmt, &order.utm_campaign)?;
            bind(&mut stmt, &codes)?;
        }
        let mut rows = stmt.raw_query();
        let mut inserted = HashSet::with_capacity(orders.len());
        while let Some(row) = rows.next()? {
            inserted.insert(row.get::<_, String>(0)?);
        }
        Ok(inserted)
    }

    /// Inserts a new order, updates a changed one (keeping its earlier state for undo), or
    /// leaves an unchanged one alone.
    pub fn upsert(&mut self, order: &OrderRecord) -> Result<Upsert> {
        self.upsert_with(order, fingerprint(order))
    }

    /// [`OrderImport::upsert`] with the order's [`fingerprint`] already computed.
    pub fn upsert_with(&mut self, order: &OrderRecord, fp: i64) -> Result<Upsert> {
        if self.fresh {
            // The shop's first import: nothing to compare with, so insert straight away; an
            // order number met twice can only come from this file.
            return Ok(match self.write(order, fp)? {
                Some(_) => Upsert::New,
                None => Upsert::RepeatedInFile,
            });
        }
        let existing: Option<Existing> = self
            .tx
            .prepare_cached(
                "SELECT id, fingerprint, updated_batch, customer, placed_at, gift FROM shop_order
                 WHERE source = ?1 AND external_id = ?2",
            )?
            .query_row(params![self.source, order.external_id], |r| {
                Ok(Existing {
                    id: r.get(0)?,
                    fingerprint: r.get(1)?,
                    batch: r.get(2)?,
                    customer: r.get(3)?,
                    placed_at: r.get(4)?,
                    gift: r.get(5)?,
                })
            })
            .optional()?;
        match existing {
            Some(old) if old.batch == self.batch_id => Ok(Upsert::RepeatedInFile),
            Some(old) if old.fingerprint == fp => Ok(Upsert::Unchanged),
            Some(old) => {
                let id = old.id;
                // The same shop's later export keeps an order's customer and moment; another
                // shop's order under the same number has neither.
                let customer = self.customer(order);
                if customer.is_some()
                    && old.customer.is_some()
                    && customer != old.customer
                    && (old.placed_at - order.placed_at.timestamp()).abs() > 86_400
                {
                    self.foreign += 1;
                }
                self.tx
                    .prepare_cached(
                        "INSERT INTO order_prev (batch_id, order_id, number, placed_at,
                            placed_offset, placed_on, customer_id, currency, subtotal_cents,
                            refunded_cents, status, cancelled, customer_new, fingerprint,
                            updated_batch, gift, utm_source, utm_campaign, customer, codes)
                         SELECT ?1, o.id, o.number, o.placed_at, o.placed_offset, o.placed_on,
                            o.customer_id, o.currency, o.subtotal_cents, o.refunded_cents,
                            o.status, o.cancelled, o.customer_new, o.fingerprint,
                            o.updated_batch, o.gift, o.utm_source, o.utm_campaign, o.customer,
                            o.codes
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
            None => {
                self.write(order, fp)?;
                Ok(Upsert::New)
            }
        }
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
                        created_batch, updated_batch, gift, utm_source, utm_campaign, codes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                             ?15, ?16, ?17, ?18, ?19) ",
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
                    utm_campaign = excluded.utm_campaign, codes = excluded.codes"
            )
        };
        let inserted = self.tx.prepare_cached(sql)?.query_row(
            params![
                self.source,
                order.external_id,
                order_number(&order.external_id),
                order.placed_at.timestamp(),
                order.placed_at.offset().local_minus_utc(),
                order.placed_at.date_naive().num_days_from_ce(),
                self.customer(order),
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
                order.codes.join("\n")
            ],
            |r| r.get::<_, i64>(0),
        );
        match inserted {
            Ok(id) => Ok(Some(id)),
            Err(rusqlite::Error::QueryReturnedNoRows) if self.fresh => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Takes the automatic backup of the database as it was before this import, through a
    /// second, read-only connection (which sees only committed data). Called once the file
    /// has been read and found good, so a refused import leaves no backup behind.
    pub fn backup_before_commit(&self, label: &str) -> Result<Option<std::path::PathBuf>> {
        let Some(db) = &self.db_path else {
            return Ok(None);
        };
        let conn = rusqlite::Connection::open_with_flags(
            db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        super::backup::auto_backup_of(&conn, db, label)
    }

    /// Makes the import permanent, recording its counts on the batch.
    pub fn commit(self, counts: &UpsertCounts, sha256: &str) -> Result<i64> {
        let get = |k| counts.get(k);
        self.tx.execute(
            "UPDATE import_batch SET new_count = ?2, changed_count = ?3, unchanged_count = ?4,
                    invalid_count = ?5, sha256 = ?6 WHERE id = ?1",
            params![
                self.batch_id,
                get(Upsert::New),
                get(Upsert::Changed),
                get(Upsert::Unchanged),
                counts.invalid,
                sha256
            ],
        )?;
        // A file with nothing new or changed leaves no batch behind, so undo skips it.
        if get(Upsert::New) == 0 && get(Upsert::Changed) == 0 {
            let has_costs: bool = self.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM cost WHERE import_batch_id = ?1)",
                [self.batch_id],
                |r| r.get(0),
            )?;
            if !has_costs {
                self.tx
                    .execute("DELETE FROM import_batch WHERE id = ?1", [self.batch_id])?;
            }
        }
        self.tx.commit()?;
        Ok(self.batch_id)
    }
}
