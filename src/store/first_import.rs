//! What a shop's first import changes about the connection for its own run, and puts back
//! when it ends, committed or not.
//!
//! A shop's first import writes only new rows of its own batch, whose id it has just made,
//! so two of SQLite's usual costs buy it nothing:
//! - **the foreign-key checks**: checking the batch id for every order (and keeping a
//!   statement journal for every multi-row insert, which a check that could fail needs) cost
//!   it some 7 %;
//! - **the write-ahead log**: nearly every page such an import writes is a new page, past
//!   the end of the file, which a rollback journal does not copy, so the import writes
//!   each page once, straight into the database file. Through the log each page is written twice (into the log, then into the
//!   file when the commit checkpoints it): some 7 % of a 500,000-order import. It stays
//!   atomic: a crash leaves a journal that rolls the file back when it is next opened. While
//!   in this mode the import syncs as `synchronous = FULL` does, the safe setting for a
//!   rollback journal. SQLite switches only when no other connection has the database open;
//!   otherwise the import keeps the log, and others can read while it writes.

use rusqlite::Connection;

/// The settings of a shop's first import, put back when dropped (after the import's
/// transaction has committed or rolled back).
pub(super) struct FirstImport<'a> {
    conn: Option<&'a Connection>,
    /// The write-ahead log was swapped for a rollback journal (see the module).
    journal: bool,
}

impl<'a> FirstImport<'a> {
    /// Nothing changed: not a shop's first import.
    pub(super) fn none() -> FirstImport<'a> {
        FirstImport {
            conn: None,
            journal: false,
        }
    }

    /// Turns the checks off and, when the database is in WAL mode and no other connection
    /// has it open, writes through a rollback journal. Outside any transaction: SQLite
    /// changes neither setting inside one.
    pub(super) fn start(conn: &'a Connection) -> rusqlite::Result<FirstImport<'a>> {
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        let mut first = FirstImport {
            conn: Some(conn),
            journal: false,
        };
        if journal_mode(conn)? == "wal" {
            // Refused ("database is locked") while another connection has the file open.
            first.journal = conn
                .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                    r.get::<_, String>(0)
                })
                .is_ok_and(|mode| mode.eq_ignore_ascii_case("delete"));
            if first.journal {
                conn.pragma_update(None, "synchronous", "FULL")?;
            }
        }
        Ok(first)
    }
}

impl Drop for FirstImport<'_> {
    fn drop(&mut self) {
        let Some(conn) = self.conn else {
            return;
        };
        // Outside any transaction, so each takes effect. Should the log not come back (a
        // connection that opened meanwhile), the next open of the database asks for it.
        if self.journal {
            let _ = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
            let _ = conn.pragma_update(None, "synchronous", "NORMAL");
        }
        let _ = conn.pragma_update(None, "foreign_keys", "ON");
    }
}

/// The connection's journal mode, lower-case (`wal`, `delete`, `memory`).
pub(super) fn journal_mode(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))
        .map(|m| m.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::super::{BatchMeta, Store, UpsertCounts};
    use super::*;

    fn meta(shop: &str) -> BatchMeta {
        BatchMeta {
            file_name: "t.csv".into(),
            format: "shopify".into(),
            source: shop.into(),
            imported_at: "2026-11-22T10:00:00+00:00".into(),
        }
    }

    fn checks_on(conn: &Connection) -> bool {
        conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap()
    }

    fn synchronous(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_first_import_turns_the_checks_back_on_whether_it_commits_or_not() {
        let mut store = Store::open_in_memory().unwrap();
        let batch = store.begin_import(&meta("shopify")).unwrap();
        assert!(!checks_on(&batch.tx), "a first import writes without them");
        drop(batch); // rolled back
        assert!(checks_on(&store.conn));
        let batch = store.begin_import(&meta("shopify")).unwrap();
        batch.commit(&UpsertCounts::default()).unwrap();
        assert!(checks_on(&store.conn));
        // And they hold again: an order naming no batch is refused.
        let refused = store.conn.execute(
            "INSERT INTO shop_order (source, external_id, number, placed_at, placed_offset,
                 placed_on, currency, subtotal_cents, refunded_cents, status, cancelled,
                 fingerprint, created_batch, updated_batch)
             VALUES ('shopify', '#1', 1, 0, 0, 1, 'USD', 0, 0, 'paid', 0, 0, 999, 999)",
            [],
        );
        assert!(refused.is_err());
    }

    #[test]
    fn a_first_import_writes_through_a_journal_and_gives_the_log_back() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.db");
        let mut store = Store::open(&db).unwrap();
        assert_eq!(journal_mode(&store.conn).unwrap(), "wal");
        let batch = store.begin_import(&meta("shopify")).unwrap();
        assert_eq!(journal_mode(&batch.tx).unwrap(), "delete");
        assert_eq!(synchronous(&batch.tx), 2, "FULL while journaled");
        drop(batch); // rolled back
        assert_eq!(journal_mode(&store.conn).unwrap(), "wal");
        assert_eq!(synchronous(&store.conn), 1, "NORMAL again");
        let batch = store.begin_import(&meta("shopify")).unwrap();
        batch.commit(&UpsertCounts::default()).unwrap();
        assert_eq!(journal_mode(&store.conn).unwrap(), "wal");
        assert!(!dir.path().join("shop.db-journal").exists());
    }

    #[test]
    fn with_another_connection_open_a_first_import_keeps_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.db");
        let mut store = Store::open(&db).unwrap();
        let other = Store::open(&db).unwrap();
        let batch = store.begin_import(&meta("shopify")).unwrap();
        assert_eq!(journal_mode(&batch.tx).unwrap(), "wal");
        assert_eq!(synchronous(&batch.tx), 1);
        // The other connection reads the state before the import while it writes.
        assert!(other.batches().unwrap().is_empty());
        batch.commit(&UpsertCounts::default()).unwrap();
        assert_eq!(journal_mode(&store.conn).unwrap(), "wal");
        assert_eq!(journal_mode(&other.conn).unwrap(), "wal");
    }
}
