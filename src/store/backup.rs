//! Consistent copies of the database with SQLite's online backup: on request, automatically
//! before every import and every schema migration (the last few kept), and restoring one.

use super::{Result, SCHEMA_VERSION, Store, StoreError};
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
pub(super) fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = rusqlite::backup::Backup::new(from, to)?;
    backup.run_to_completion(256, Duration::from_millis(5), None)?;
    Ok(())
}

/// The name every copy in progress is written under (`.shoutout-backup-*.partial`): no
/// pruning ever counts it (it does not end in `.db`).
const PARTIAL_PREFIX: &str = ".shoutout-backup-";
const PARTIAL_SUFFIX: &str = ".partial";

/// A new, empty file in `dir` to write a copy into, owner-only, deleted when dropped, and
/// held under an exclusive advisory lock for as long as it lives, so that another run can
/// tell a copy in progress from one a kill left behind ([`remove_stale_partials`]). (On
/// Windows a lock would keep SQLite's own handle out, so none is taken there: Windows
/// refuses to delete a file another process holds open, which keeps a copy in progress.)
fn partial_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(PARTIAL_PREFIX).suffix(PARTIAL_SUFFIX);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    let partial = builder.tempfile_in(dir)?;
    #[cfg(unix)]
    partial.as_file().lock()?;
    Ok(partial)
}

/// Removes what an interrupted copy left in `dir`: every `.shoutout-backup-*.partial` that
/// no running copy holds locked, and its `-journal`, `-wal` and `-shm`, including those whose
/// partial file is already gone.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(PARTIAL_PREFIX) else {
            continue;
        };
        let base = ["-journal", "-wal", "-shm"]
            .iter()
            .find_map(|s| rest.strip_suffix(s))
            .unwrap_or(rest);
        if !base.ends_with(PARTIAL_SUFFIX) {
            continue;
        }
        let partial = dir.join(format!("{PARTIAL_PREFIX}{base}"));
        let in_progress = std::fs::File::open(&partial).is_ok_and(|f| f.try_lock().is_err());
        if !in_progress {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The folder a file at `path` is in (`.` for a bare name), created owner-only if missing.
fn folder_of(path: &Path) -> std::io::Result<PathBuf> {
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => {
            super::create_private_dir(dir)?;
            Ok(dir.to_path_buf())
        }
        None => Ok(PathBuf::from(".")),
    }
}

/// Writes a verified copy of `from` to `path` (which must not exist): the copy is made under
/// a temporary name beside it, checked with `PRAGMA integrity_check` and for shoutout's
/// tables, and only then renamed to `path`. A failed or broken copy leaves nothing behind,
/// and what an earlier, interrupted copy left in that folder is removed first.
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
    let dir = folder_of(path).map_err(io)?;
    remove_stale_partials(&dir);
    let partial = partial_in(&dir).map_err(io)?;
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
    match super::contents(conn).map_err(|e| e.to_string())? {
        super::Contents::Shoutout => Ok(()),
        _ => Err("it holds no shoutout data".into()),
    }
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

    /// Replaces the whole database with the backup at `from`, after checking it as every
    /// backup is checked (integrity, shoutout's tables, a schema this version can open). The
    /// backup may have any page size. The current state is backed up first (returned); a
    /// refused or failed restore leaves the database as it was and no backup behind.
    pub fn restore_from(&mut self, from: &Path, label: &str) -> Result<Option<PathBuf>> {
        let source = open_backup(from)?;
        let dir = match &self.path {
            Some(db) => Some(folder_of(db).map_err(|error| StoreError::Io {
                path: db.display().to_string(),
                error,
            })?),
            None => None,
        };
        let page_size: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        let (staged, file) = staged_copy(&source, page_size, dir.as_deref())?;
        drop(source);
        let restored = self.with_backup(label, |store| {
            copy(&staged, &mut store.conn)?;
            store.conn.pragma_update(None, "foreign_keys", "ON")?;
            store.migrate()
        });
        drop(staged);
        drop(file);
        Ok(restored?.1)
    }

    /// Runs `change` with an automatic backup named `label` taken just before it: kept (and
    /// the older ones pruned) when `change` succeeds, deleted when it fails, so a command that
    /// fails or has nothing to do leaves no backup and prunes nothing. Returns the backup's
    /// path with the change's result (`None` in memory or for an empty database).
    pub fn with_backup<T, E: From<StoreError>>(
        &mut self,
        label: &str,
        change: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<(T, Option<PathBuf>), E> {
        let pending = match &self.path {
            Some(db) => PendingBackup::take(db, label)?,
            None => PendingBackup::default(),
        };
        let value = change(self)?;
        let path = pending.path().map(Path::to_path_buf);
        pending.keep();
        Ok((value, path))
    }
}

/// Opens the backup at `from` to read it, refused unless it is a sound shoutout database
/// this version can open: `PRAGMA integrity_check`, shoutout's tables, its schema version.
fn open_backup(from: &Path) -> Result<Connection> {
    let refused = |reason: String| StoreError::NotABackup {
        path: from.display().to_string(),
        reason,
    };
    if !from.is_file() {
        return Err(refused("there is no file there".into()));
    }
    let source = Connection::open_with_flags(
        from,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| refused(e.to_string()))?;
    verify(&source).map_err(|reason| refused(reason.replace("the copy", "the file")))?;
    let version: i64 = source.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = SCHEMA_VERSION;
    if version > known {
        return Err(StoreError::NewerSchema {
            path: from.display().to_string(),
            found: version,
            known,
        });
    }
    Ok(source)
}

/// A copy of `source` with pages of `page_size` bytes, written with `VACUUM INTO` to a
/// locked partial file in `dir` (in memory when `None`): the online backup cannot change the
/// page size of a database in WAL mode, so a backup with other pages (an older shoutout's
/// 4 KiB) is first rewritten with the database's own. The file is deleted when the returned
/// handle drops.
fn staged_copy(
    source: &Connection,
    page_size: i64,
    dir: Option<&Path>,
) -> Result<(Connection, Option<tempfile::NamedTempFile>)> {
    let Some(dir) = dir else {
        let mut staged = Connection::open_in_memory()?;
        copy(source, &mut staged)?;
        return Ok((staged, None));
    };
    let io = |error| StoreError::Io {
        path: dir.display().to_string(),
        error,
    };
    remove_stale_partials(dir);
    let file = partial_in(dir).map_err(io)?;
    source.pragma_update(None, "page_size", page_size)?;
    let target = file.path().to_string_lossy().into_owned();
    source.execute("VACUUM INTO ?1", [&target])?;
    let staged = Connection::open_with_flags(
        file.path(),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    Ok((staged, Some(file)))
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
    // A restore stages its copy beside the database: what a killed one left goes too.
    if let Some(folder) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        remove_stale_partials(folder);
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
