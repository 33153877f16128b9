//! Consistent copies of the database with SQLite's online backup: on request, automatically
//! before every import and every schema migration (the last few kept), and restoring one.

use super::{Result, Store, StoreError, migrations};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many automatic backups are kept.
pub const KEEP_AUTOMATIC: usize = 5;

/// The folder automatic backups go to: `backups/` beside the database.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

/// Copies `from` into `to` page by page, letting other connections work in between.
fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = rusqlite::backup::Backup::new(from, to)?;
    backup.run_to_completion(256, Duration::from_millis(5), None)?;
    Ok(())
}

/// Writes a verified copy of `from` to `path` (which must not exist): the copy is made under
/// a temporary name beside it, checked with `PRAGMA integrity_check` and for shoutout's
/// tables, and only then renamed to `path`. A failed or broken copy leaves nothing behind.
fn snapshot(from: &Connection, path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.display().to_string(),
        error: source,
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "a file is already there; choose a new name",
        )));
    }
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => {
            super::create_private_dir(dir).map_err(io)?;
            dir.to_path_buf()
        }
        None => PathBuf::from("."),
    };
    // A name no pruning ever counts (it does not end in `.db`), removed if anything fails.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".shoutout-backup-").suffix(".partial");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    let partial = builder.tempfile_in(&dir).map_err(io)?;
    let written = (|| -> Result<()> {
        let mut to = Connection::open(partial.path())?;
        copy(from, &mut to)?;
        verify(&to).map_err(|reason| StoreError::NotABackup {
            path: path.display().to_string(),
            reason,
        })?;
        drop(to);
        partial.as_file().sync_all().map_err(io)?;
        Ok(())
    })();
    written?;
    // Renamed only if nothing took the name meanwhile (never over another file).
    partial.persist_noclobber(path).map_err(|e| io(e.error))?;
    Ok(())
}

impl Store {
    /// What `PRAGMA integrity_check` finds wrong with the database file (empty when sound).
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lines.into_iter().filter(|l| l != "ok").collect())
    }
}

/// Whether a copy is a whole, sound shoutout database: `PRAGMA integrity_check` says `ok`
/// and its tables are there. The reason in words when not.
fn verify(conn: &Connection) -> std::result::Result<(), String> {
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if check != "ok" {
        return Err(format!("the copy failed its integrity check: {check}"));
    }
    has_our_tables(conn)
}

/// Whether a database holds shoutout's tables (and a schema version).
fn has_our_tables(conn: &Connection) -> std::result::Result<(), String> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let tables: bool = conn
        .query_row(
            "SELECT COUNT(*) = 2 FROM sqlite_master
             WHERE type = 'table' AND name IN ('influencer', 'shop_order')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| e.to_string())?;
    if !tables || version < 1 {
        return Err("it holds no shoutout data".into());
    }
    Ok(())
}

/// Whether a backup file is complete, judged cheaply from its SQLite header: the magic
/// string, and a length equal to page size × page count. (A copy cut short by a full disk or
/// a kill fails this; every backup shoutout renames into place passed a full check first.)
fn looks_complete(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut header = [0u8; 100];
    if file.read_exact(&mut header).is_err() || &header[..16] != b"SQLite format 3\0" {
        return false;
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let len = file.metadata().map_or(0, |m| m.len());
    pages > 0 && page_size >= 512 && len == page_size * pages
}

impl Store {
    /// Writes a verified, consistent copy of the database to `path` (which must not exist),
    /// while other processes may go on using it. The copy is readable by its owner only.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        snapshot(&self.conn, path)
    }

    /// Takes an automatic backup named `<database name>-<label>.db` (`shoutout-before-import-…`)
    /// in [`backup_dir`] and keeps only that database's newest [`KEEP_AUTOMATIC`] complete
    /// ones, so the demo database's backups never push out the real one's. Returns its path
    /// (`None` for an in-memory store or an empty database, which has nothing to lose).
    pub fn auto_backup(&self, label: &str) -> Result<Option<PathBuf>> {
        match &self.path {
            Some(db) => auto_backup_of(&self.conn, db, label),
            None => Ok(None),
        }
    }

    /// Replaces the whole database with the backup at `from`, after checking it is a shoutout
    /// database this version can open. The current state is backed up first (returned).
    pub fn restore_from(&mut self, from: &Path, label: &str) -> Result<Option<PathBuf>> {
        let source =
            Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
                StoreError::NotABackup {
                    path: from.display().to_string(),
                    reason: e.to_string(),
                }
            })?;
        has_our_tables(&source).map_err(|reason| StoreError::NotABackup {
            path: from.display().to_string(),
            reason,
        })?;
        let version: i64 = source.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = migrations::MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::NewerSchema {
                path: from.display().to_string(),
                found: version,
                known,
            });
        }
        let before = self.auto_backup(label)?;
        copy(&source, &mut self.conn)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.migrate()?;
        Ok(before)
    }
}

/// The automatic backup of the database at `db`, copied from `conn` (see
/// [`Store::auto_backup`]), older ones pruned.
pub(super) fn auto_backup_of(conn: &Connection, db: &Path, label: &str) -> Result<Option<PathBuf>> {
    let path = unpruned_backup_of(conn, db, label)?;
    if let Some(path) = &path {
        prune_automatic(db, path);
    }
    Ok(path)
}

/// [`auto_backup_of`] without pruning: nothing when the database holds nothing yet.
fn unpruned_backup_of(conn: &Connection, db: &Path, label: &str) -> Result<Option<PathBuf>> {
    if holds_nothing(conn)? {
        return Ok(None);
    }
    let dir = backup_dir(db);
    let safe: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut path = dir.join(format!("{}-{safe}.db", stem(db)));
    let mut n = 2;
    while std::fs::symlink_metadata(&path).is_ok() {
        path = dir.join(format!("{}-{safe}-{n}.db", stem(db)));
        n += 1;
    }
    snapshot(conn, &path)?;
    Ok(Some(path))
}

/// Whether the database holds nothing worth a backup yet: no influencer and no order.
pub(super) fn holds_nothing(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM influencer) AND NOT EXISTS (SELECT 1 FROM shop_order)",
        [],
        |r| r.get(0),
    )?)
}

/// The name automatic backups of `db` start with.
fn stem(db: &Path) -> String {
    db.file_stem()
        .map_or("shoutout".into(), |s| s.to_string_lossy().into_owned())
}

/// Keeps the newest [`KEEP_AUTOMATIC`] automatic backups of `db`, `newest` among them.
fn prune_automatic(db: &Path, newest: &Path) {
    prune(
        &backup_dir(db),
        &format!("{}-", stem(db)),
        KEEP_AUTOMATIC,
        newest,
    );
}

/// An import's automatic backup, taken as the import begins, before it writes: through a
/// second, read-only connection, which sees only committed data, so the copy is the state
/// before the import (taken later, it could wait on the import's own lock: a shop's first
/// import writes through a rollback journal, `first_import.rs`). Deleted when dropped, so an
/// import that is refused or previewed leaves none behind; [`PendingBackup::keep`] at
/// commit keeps it and prunes the older ones.
#[derive(Default)]
pub(super) struct PendingBackup {
    db: Option<PathBuf>,
    path: Option<PathBuf>,
}

impl PendingBackup {
    /// Backs up the database at `db` (nothing when it holds nothing yet).
    pub(super) fn take(db: &Path, label: &str) -> Result<PendingBackup> {
        let conn = Connection::open_with_flags(
            db,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(PendingBackup {
            path: unpruned_backup_of(&conn, db, label)?,
            db: Some(db.to_path_buf()),
        })
    }

    /// Where the backup is, if one was taken.
    pub(super) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The import committed: the backup stays, and the older ones beyond the last few go.
    pub(super) fn keep(mut self) {
        if let (Some(db), Some(path)) = (self.db.take(), self.path.take()) {
            prune_automatic(&db, &path);
        }
    }
}

impl Drop for PendingBackup {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Deletes all but the newest `keep` complete backups named `<prefix>….db` in `dir` (by
/// modification time). Incomplete files are not counted (nor deleted), and `newest`, the one
/// just written, is always kept.
fn prune(dir: &Path, prefix: &str, keep: usize, newest: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(prefix) && name.ends_with(".db")
        })
        .filter(|e| e.path() != newest && looks_complete(&e.path()))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort();
    let excess = (files.len() + 1).saturating_sub(keep);
    for (_, path) in files.into_iter().take(excess) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop(dir: &Path) -> Store {
        let mut store = Store::open(&dir.join("shop.db")).unwrap();
        store
            .add_influencer(&crate::domain::NewInfluencer::example("ana", 1))
            .unwrap();
        store
    }

    #[test]
    fn a_broken_backup_never_counts_toward_the_kept_five() {
        let dir = tempfile::tempdir().unwrap();
        let store = shop(dir.path());
        let backups = backup_dir(&dir.path().join("shop.db"));
        let first = store.auto_backup("a").unwrap().unwrap();
        // Five broken "backups", newer than the good one.
        for n in 0..5 {
            let broken = backups.join(format!("shop-broken-{n}.db"));
            std::fs::write(&broken, b"SQLite format 3\0 cut short").unwrap();
        }
        // Pruning after the next backups never deletes a good one for a broken one.
        let second = store.auto_backup("b").unwrap().unwrap();
        assert!(first.exists() && second.exists());
        for label in ["c", "d", "e", "f"] {
            store.auto_backup(label).unwrap().unwrap();
        }
        let good = std::fs::read_dir(&backups)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| looks_complete(&e.path()))
            .count();
        assert_eq!(good, KEEP_AUTOMATIC);
        assert!(!first.exists(), "the oldest good one goes");
        // A verified backup opens as a shoutout database.
        let conn = Connection::open(&second).unwrap();
        assert_eq!(verify(&conn), Ok(()));
    }

    #[test]
    fn no_partial_file_is_left_and_nothing_is_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = shop(dir.path());
        let taken = dir.path().join("taken.db");
        std::fs::write(&taken, b"mine").unwrap();
        assert!(store.backup_to(&taken).is_err());
        assert_eq!(std::fs::read(&taken).unwrap(), b"mine");
        let copy = dir.path().join("copy.db");
        store.backup_to(&copy).unwrap();
        assert!(looks_complete(&copy));
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .count();
        assert_eq!(leftovers, 0);
    }
}
