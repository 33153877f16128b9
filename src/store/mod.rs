//! The SQLite store: opening the file with safe settings, the schema's migrations, and every
//! query. This is the only module that writes SQL.
//!
//! Money is stored as integer cents, dates of entries as `YYYY-MM-DD` text, order times as
//! Unix seconds. Every multi-row write is one transaction.

mod backup;
mod batches;
mod cohorts;
mod costs;
mod customers;
mod deleted;
mod derived;
mod derived_groups;
mod entries;
mod entry_facts;
mod error;
mod events;
mod facts;
mod fingerprint;
mod first_import;
mod gifts;
mod many_rows;
mod migrations;
mod order_reader;
mod orders;
mod products;
mod published;
mod settings;
mod sums_thread;
mod totals;

pub use backup::{KEEP_AUTOMATIC, backup_dir};

/// The schema this build writes: the number of migrations (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = migrations::MIGRATIONS.len() as i64;

/// The page size of a new database file: 16 KiB instead of SQLite's 4 KiB. A large import
/// writes the same rows in a quarter of the pages, with fewer B-tree splits (some 10 %
/// faster at 500,000 orders); a weekly import's few changed pages cost little more.
const PAGE_SIZE: i64 = 16 * 1024;

/// Creates a directory (and its parents) that only its owner can enter.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    private_dir(dir)
}
pub use crate::domain::settings::{COGS_PCT, PAYMENT_FEE_FIXED, PAYMENT_FEE_PCT};
pub use batches::{BatchInfo, BatchMeta};
pub use costs::CostRow;
pub use deleted::Deleted;
pub use derived::DerivedCounts;
pub use entries::{CodeRow, InfluencerRow};
pub use error::StoreError;
pub use events::EventRow;
pub use fingerprint::fingerprint;
pub use gifts::GiftRow;
pub use orders::{OrderImport, Upsert, UpsertCounts};
pub use products::ProductCostCounts;
pub use published::{CampaignRow, LinkRow, PayoutRow, PostRow};

use rusqlite::{Connection, OpenFlags, ffi};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open shoutout database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// Whether the database has this table yet (a migration's later steps make some).
fn has_table(conn: &rusqlite::Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
        [name],
        |r| r.get(0),
    )
}

impl Store {
    /// Opens (creating if needed) the database at `path`, applies pending migrations and sets
    /// WAL, `synchronous=NORMAL`, foreign keys and a busy timeout. A new file is created
    /// readable by its owner only, in a directory only its owner can enter.
    pub fn open(path: &Path) -> Result<Store> {
        let io = |source| StoreError::Io {
            path: path.display().to_string(),
            error: source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            private_dir(dir).map_err(io)?;
        }
        if !path.exists() {
            create_private_file(path).map_err(io)?;
        }
        identify(path)?;
        tighten(path).map_err(io)?;
        if is_read_only_file(path).map_err(io)? {
            return Err(StoreError::ReadOnlyFile {
                path: path.display().to_string(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        refuse_foreign(&conn, path)?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// Opens an existing database only to read it: for a scorecard or a list where the file
    /// or its folder cannot be written (a read-only mount, a copy in a shared folder). Nothing
    /// is migrated; a database that needs an upgrade says so.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Io {
                path: path.display().to_string(),
                error: std::io::Error::new(std::io::ErrorKind::NotFound, "no database there"),
            });
        }
        identify(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let plain = Connection::open_with_flags(path, flags)?;
        plain.busy_timeout(Duration::from_secs(5))?;
        // A WAL database in a folder nobody may write to cannot get its shared-memory file:
        // then it is read as immutable (nobody can be writing it). Not when another program
        // is writing (a shop's first import holds the file while it writes through its
        // journal), nor when a crash left a journal to roll back: read as immutable, the file
        // would be read half-written.
        let conn = match plain.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
            Ok(_) => plain,
            Err(e) if is_busy_or_hot_journal(&e) => return Err(e.into()),
            Err(_) => {
                drop(plain);
                Connection::open_with_flags(immutable_uri(path), flags)?
            }
        };
        refuse_foreign(&conn, path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        let (found, known) = (store.schema_version()?, migrations::MIGRATIONS.len() as i64);
        if found != known {
            return Err(StoreError::ReadOnlyUpgrade {
                path: path.display().to_string(),
                found,
            });
        }
        Ok(store)
    }

    /// A fresh in-memory database, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path.is_some() {
            // Only a new file takes it (before its first table); an existing one keeps its own.
            conn.pragma_update(None, "page_size", PAGE_SIZE)?;
            let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            debug_assert_eq!(mode.to_lowercase(), "wal");
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut store = Store { conn, path };
        store.migrate()?;
        Ok(store)
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// SQLite's `data_version`: it changes when another connection commits a change, so a
    /// long-running app can tell its figures are stale.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        let known = migrations::MIGRATIONS.len() as i64;
        let found = self.schema_version()?;
        if found > known {
            return Err(StoreError::NewerSchema {
                path: self
                    .path
                    .as_ref()
                    .map_or("the database".into(), |p| p.display().to_string()),
                found,
                known,
            });
        }
        if found > 0 && found < known {
            // An older database: keep a copy as it was before its schema changes.
            self.auto_backup(&format!("before-schema-{known}-from-{found}"))?;
        }
        for (version, step) in migrations::MIGRATIONS
            .iter()
            .enumerate()
            .skip(found as usize)
        {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // Another process may have migrated while we waited for the lock.
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now > version as i64 {
                continue;
            }
            tx.execute_batch(step.sql)?;
            if let Some(convert) = step.then {
                convert(&tx)?;
            }
            tx.pragma_update(None, "user_version", version as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Whether the database holds nothing yet (no influencers and no orders).
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM influencer) AND NOT EXISTS (SELECT 1 FROM shop_order)",
            [],
            |r| r.get(0),
        )?)
    }
}

/// Refuses, before anything is written to it or changed about it, a file that is not a
/// shoutout database: one that is not an SQLite file (a text file, a binary), or another
/// program's SQLite database (tables, but not shoutout's, whatever its `user_version`). An
/// empty file, or an SQLite file without tables, is fine: it becomes a shoutout database.
/// The tables are read with `immutable=1`, which takes no lock and creates no `-wal` or
/// `-shm` beside the file.
fn identify(path: &Path) -> Result<()> {
    use std::io::Read;
    let refused = |what| StoreError::NotADatabase {
        path: path.display().to_string(),
        what,
    };
    let mut file = std::fs::File::open(path).map_err(|error| StoreError::Io {
        path: path.display().to_string(),
        error,
    })?;
    let mut header = Vec::with_capacity(100);
    (&mut file).take(100).read_to_end(&mut header).ok();
    if header.is_empty() {
        return Ok(());
    }
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        let text = header
            .iter()
            .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
        return Err(refused(if text {
            "it holds text"
        } else {
            "it holds other data"
        }));
    }
    drop(file);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // Only a clear finding refuses: a file another connection is writing this moment may
    // not read cleanly as immutable, and the ordinary open that follows waits for it.
    match Connection::open_with_flags(immutable_uri(path), flags)
        .map_err(StoreError::from)
        .and_then(|conn| refuse_foreign(&conn, path))
    {
        Err(e @ StoreError::Foreign { .. }) => Err(e),
        _ => Ok(()),
    }
}

/// The `file:` URI that opens `path` as immutable: read without locks or side files.
fn immutable_uri(path: &Path) -> String {
    format!(
        "file:{}?immutable=1",
        std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string()
            .replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    )
}

/// What an SQLite database holds, judged by its tables and schema version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Contents {
    /// No tables yet: it can become a shoutout database.
    Empty,
    /// Shoutout's `influencer` and `shop_order` tables, and a schema version.
    Shoutout,
    /// Tables, but not shoutout's (or no schema version): another program's.
    Foreign,
}

/// What the database `conn` holds (see [`Contents`]).
fn contents(conn: &Connection) -> rusqlite::Result<Contents> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let (tables, ours): (i64, i64) = conn.query_row(
        "SELECT COUNT(*), COUNT(CASE WHEN type = 'table' AND name IN ('influencer', 'shop_order')
                                THEN 1 END)
         FROM sqlite_master",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(match (tables, ours, version) {
        (0, _, _) => Contents::Empty,
        (_, 2, v) if v > 0 => Contents::Shoutout,
        _ => Contents::Foreign,
    })
}

/// Refuses an SQLite file that is not shoutout's: tables in it, but not shoutout's own (or
/// no schema version), as in another program's database. An empty file, or a new one, is
/// fine.
fn refuse_foreign(conn: &Connection, path: &Path) -> Result<()> {
    if contents(conn)? == Contents::Foreign {
        return Err(StoreError::Foreign {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// Whether the person made the file read-only: its owner may not write it. Checked from the
/// permission bits, not by trying, since the superuser could write it anyway.
fn is_read_only_file(path: &Path) -> std::io::Result<bool> {
    let meta = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(meta.permissions().mode() & 0o200 == 0)
    }
    #[cfg(not(unix))]
    Ok(meta.permissions().readonly())
}

/// Takes the group's and others' bits off the database file (and its `-wal` and `-shm`,
/// where they exist), so that only its owner can read it. Never adds a bit: a file its owner
/// made read-only stays read-only. (Windows has no such bits; the file keeps its ACL.)
fn tighten(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    for suffix in ["", "-wal", "-shm"] {
        use std::os::unix::fs::PermissionsExt;
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        let Ok(meta) = std::fs::metadata(&file) else {
            continue;
        };
        let mode = meta.permissions().mode();
        if meta.is_file() && mode & 0o077 != 0 {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode & !0o077))?;
        }
    }
    Ok(())
}

/// Creates `dir` (and its parents) for the owner only; an existing one is left as it is.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether a rusqlite error is a UNIQUE constraint failure.
fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

/// Whether a read failed because another connection holds the file (busy, locked) or a
/// crash left a rollback journal that only a writer may roll back.
fn is_busy_or_hot_journal(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error(),
        Some(f) if matches!(
            f.code,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        ) || f.extended_code == ffi::SQLITE_READONLY_ROLLBACK
    )
}

#[cfg(test)]
#[path = "open_tests.rs"]
mod tests;
