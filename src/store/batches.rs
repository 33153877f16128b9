//! Imports as batches: starting one (the write transaction), what an import reads and writes
//! besides its orders (settings, mappings, costs of gift orders), committing it, and undoing
//! the last one exactly.

use super::backup::PendingBackup;
use super::customers::CUSTOMER_SECRET;
use super::derived::{Scope, refresh};
use super::fingerprint::{Stored, compare};
use super::first_import::FirstImport;
use super::orders::{OrderImport, SAMPLE, Upsert, UpsertCounts};
use super::{Result, Store, StoreError};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use std::collections::HashSet;

/// The page cache during an import, in KiB (negative = KiB for SQLite's `cache_size`):
/// 2 MiB, about SQLite's default, imports 500,000 orders as fast as 16 MiB did, in 14 MB
/// less memory.
const IMPORT_CACHE_KIB: i64 = -2 * 1024;

/// What an import is, recorded with its batch.
#[derive(Debug, Clone)]
pub struct BatchMeta {
    pub file_name: String,
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

impl Store {
    /// Starts an import: takes the write lock (waiting up to the busy timeout) and records
    /// the batch. Nothing is visible to others until [`OrderImport::commit`].
    pub fn begin_import(&mut self, meta: &BatchMeta) -> Result<OrderImport<'_>> {
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        // A shop's first import writes with the foreign-key checks off and through a
        // rollback journal (`first_import.rs`); they can only be set outside the
        // transaction, so whether this is one is asked again inside, where the answer holds.
        let first = if !has_orders(&self.conn, &meta.source)? {
            FirstImport::start(&self.conn)?
        } else {
            FirstImport::none()
        };
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO import_batch (file_name, sha256, format, source, imported_at)
             VALUES (?1, '', ?2, ?3, ?4)",
            params![meta.file_name, meta.format, meta.source, meta.imported_at],
        )?;
        let batch_id = tx.last_insert_rowid();
        let secret: String = tx.query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [CUSTOMER_SECRET],
            |r| r.get(0),
        )?;
        let fresh = !has_orders(&tx, &meta.source)?;
        // Into an empty store, the derived facts are summed as the orders are written.
        let empty = !tx.query_row("SELECT EXISTS (SELECT 1 FROM shop_order)", [], |r| {
            r.get::<_, bool>(0)
        })?;
        let summing = if empty {
            let unit_costs = super::order_reader::unit_costs(&tx)?;
            let sums = super::sums_thread::SumsThread::start(super::derived::Summing::new());
            Some(Box::new((sums, unit_costs)))
        } else {
            None
        };
        Ok(OrderImport {
            tx,
            batch_id,
            source: meta.source.clone(),
            fresh,
            db_path: self.path.clone(),
            keyer: super::customers::CustomerKeyer::new(&secret),
            foreign: 0,
            scope: Scope::default(),
            summing,
            sample: Vec::with_capacity(SAMPLE),
            backup: PendingBackup::default(),
            _first: first,
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

    /// [`Store::undo_last_import`] after an automatic backup named `label`, kept only when
    /// the undo succeeds; with nothing to undo, no backup is taken.
    pub fn undo_last_import_backed_up(&mut self, label: &str) -> Result<BatchInfo> {
        if self.batches()?.is_empty() {
            return Err(StoreError::NothingToUndo);
        }
        Ok(self.with_backup(label, Store::undo_last_import)?.0)
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
        // The orders it wrote, as they are and as they were: where the derived facts change.
        let mut scope = Scope::default();
        scope.touch_stored(&tx, "created_batch = ?1 OR updated_batch = ?1", b)?;
        {
            let mut stmt =
                tx.prepare("SELECT customer, placed_on FROM order_prev WHERE batch_id = ?1")?;
            let mut rows = stmt.query([b])?;
            while let Some(r) = rows.next()? {
                scope.touch(r.get(0)?, r.get(1)?);
            }
        }
        tx.execute(
            "UPDATE shop_order AS o SET
                number = p.number, placed_at = p.placed_at, placed_offset = p.placed_offset,
                placed_on = p.placed_on, customer_id = p.customer_id, currency = p.currency,
                subtotal_cents = p.subtotal_cents, refunded_cents = p.refunded_cents,
                status = p.status, cancelled = p.cancelled, customer_new = p.customer_new,
                fingerprint = p.fingerprint, updated_batch = p.updated_batch, gift = p.gift,
                utm_source = p.utm_source, utm_campaign = p.utm_campaign, customer = p.customer,
                codes = p.codes, items = p.items, orig_currency = p.orig_currency,
                orig_subtotal_cents = p.orig_subtotal_cents
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
        refresh(&tx, scope)?;
        tx.execute("DELETE FROM gift WHERE import_batch_id = ?1", [b])?;
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

/// Whether the shop `source` has any order stored.
fn has_orders(conn: &rusqlite::Connection, source: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM shop_order WHERE source = ?1)",
        [source],
        |r| r.get(0),
    )
}

impl OrderImport<'_> {
    /// The other shop these orders were already imported under, if any: at least half of
    /// the file's first orders (up to [`SAMPLE`]) are stored under that shop's name with the
    /// same fingerprint, or, for a copy with fewer columns (a trimmed export), with the same
    /// number, moment, subtotal and (where both name one) customer. Importing the same export
    /// (or a copy a spreadsheet re-saved or trimmed) under a second shop name would count
    /// every order twice. Orders stored by an older shoutout are recognised by its
    /// fingerprint too.
    pub fn other_shop_with_these_orders(&self) -> Result<Option<String>> {
        if self.sample.is_empty() {
            return Ok(None);
        }
        let others: Vec<String> = self
            .tx
            .prepare("SELECT DISTINCT source FROM import_batch WHERE source <> ?1")?
            .query_map([&self.source], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stored = self.tx.prepare_cached(
            "SELECT fingerprint, items = '', placed_at, subtotal_cents, customer
             FROM shop_order WHERE source = ?1 AND external_id = ?2",
        )?;
        for other in others {
            let mut same = 0;
            for (order, fp) in &self.sample {
                let found: Option<(i64, bool, i64, i64, Option<i64>)> = stored
                    .query_row(params![other, order.external_id], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })
                    .optional()?;
                let Some((stored_fp, no_items, placed_at, subtotal, customer)) = found else {
                    continue;
                };
                let kept = placed_at == order.placed_at.timestamp()
                    && subtotal == order.subtotal
                    && match (self.customer(order), customer) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    };
                if kept || compare(order, *fp, stored_fp, no_items) != Stored::Changed {
                    same += 1;
                }
            }
            if same * 2 >= self.sample.len() {
                return Ok(Some(other));
            }
        }
        Ok(None)
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

    /// Whose a `utm_source` (normalised, upper-cased) is: a saved link's source, else a
    /// handle, as the scorecard credits it.
    pub fn link_owner_handle(&self, source: &str) -> Result<Option<String>> {
        let by_link: Option<String> = self
            .tx
            .prepare_cached(
                "SELECT i.handle FROM link l JOIN influencer i ON i.id = l.influencer_id
                 WHERE upper(trim(l.utm_source)) = ?1 ORDER BY l.id DESC LIMIT 1",
            )?
            .query_row([source], |r| r.get(0))
            .optional()?;
        if by_link.is_some() {
            return Ok(by_link);
        }
        Ok(self
            .tx
            .prepare_cached("SELECT handle FROM influencer WHERE upper(handle) = ?1")?
            .query_row([source], |r| r.get(0))
            .optional()?)
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

    /// Records a gift order the import found in the gift ledger, with the product cost it
    /// recorded (`cost_id`), tied to this batch so undo removes it.
    pub fn add_import_gift(
        &self,
        influencer_id: i64,
        date: chrono::NaiveDate,
        item: &str,
        retail: i64,
        cost: (i64, i64),
        order_number: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO gift (influencer_id, given_on, item, retail_cents, cost_cents,
                                   product_cost_id, import_batch_id, order_number)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                influencer_id,
                date.format("%Y-%m-%d").to_string(),
                item,
                retail,
                cost.0,
                cost.1,
                self.batch_id,
                order_number
            ])?;
        Ok(())
    }

    /// Records a cost that the import itself found (a gift order), tied to this batch so
    /// undo removes it; returns its id.
    pub fn add_import_cost(
        &self,
        influencer_id: i64,
        kind: crate::domain::CostKind,
        cents: i64,
        date: chrono::NaiveDate,
        note: &str,
    ) -> Result<i64> {
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
        Ok(self.tx.last_insert_rowid())
    }

    /// Takes the automatic backup of the database as it is before this import, which has
    /// written nothing yet (see [`PendingBackup`]): deleted unless the import commits.
    pub fn back_up(&mut self, label: &str) -> Result<()> {
        // Asked here first, so an empty store opens no second connection.
        if let Some(db) = &self.db_path
            && !super::backup::holds_nothing(&self.tx)?
        {
            self.backup = PendingBackup::take(db, label)?;
        }
        Ok(())
    }

    /// Where the automatic backup of this import is, if one was taken.
    pub fn backup_path(&self) -> Option<&std::path::Path> {
        self.backup.path()
    }

    /// Makes the import permanent, recording its counts on the batch.
    pub fn commit(mut self, counts: &UpsertCounts) -> Result<i64> {
        let get = |k| counts.get(k);
        self.tx.execute(
            "UPDATE import_batch SET new_count = ?2, changed_count = ?3, unchanged_count = ?4,
                    invalid_count = ?5 WHERE id = ?1",
            params![
                self.batch_id,
                get(Upsert::New),
                get(Upsert::Changed),
                get(Upsert::Unchanged),
                counts.invalid,
            ],
        )?;
        match self.summing.take() {
            Some(summing) => summing.0.finish().write(&self.tx)?,
            None => refresh(&self.tx, std::mem::take(&mut self.scope))?,
        }
        // A file with nothing new or changed leaves no batch behind, so undo skips it, and
        // no backup: it changed nothing, so it prunes none of the earlier ones either.
        let mut changed_nothing = false;
        if get(Upsert::New) == 0 && get(Upsert::Changed) == 0 {
            let has_costs: bool = self.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM cost WHERE import_batch_id = ?1)",
                [self.batch_id],
                |r| r.get(0),
            )?;
            if !has_costs {
                self.tx
                    .execute("DELETE FROM import_batch WHERE id = ?1", [self.batch_id])?;
                changed_nothing = true;
            }
        }
        self.tx.commit()?;
        let backup = std::mem::take(&mut self.backup);
        if changed_nothing {
            drop(backup);
        } else {
            backup.keep();
        }
        Ok(self.batch_id)
    }
}
