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

impl Store {
    /// Writes a consistent copy of the database to `path` (which must not exist), while other
    /// processes may go on using it. The copy is readable by its owner only.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        if path.exists() {
            return Err(StoreError::Io {
                path: path.display().to_string(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file is already there; choose a new name",
                ),
            });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            super::create_private_dir(dir).map_err(|source| StoreError::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        super::create_private_file(path).map_err(|source| StoreError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let mut to = Connection::open(path)?;
        let done = copy(&self.conn, &mut to);
        if done.is_err() {
            drop(to);
            let _ = std::fs::remove_file(path);
        }
        done
    }

    /// Takes an automatic backup named `<database name>-<label>.db` (`shoutout-before-import-…`)
    /// in [`backup_dir`] and keeps only that database's newest [`KEEP_AUTOMATIC`], so the demo
    /// database's backups never push out the real one's. Returns its path (`None` for an in-memory store or an
    /// empty database, which has nothing to lose).
    pub fn auto_backup(&self, label: &str) -> Result<Option<PathBuf>> {
        let Some(db) = self.path.clone() else {
            return Ok(None);
        };
        if self.is_empty()? {
            return Ok(None);
        }
        let dir = backup_dir(&db);
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
        let stem = db
            .file_stem()
            .map_or("shoutout".into(), |s| s.to_string_lossy().into_owned());
        let mut path = dir.join(format!("{stem}-{safe}.db"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{stem}-{safe}-{n}.db"));
            n += 1;
        }
        self.backup_to(&path)?;
        prune(&dir, &format!("{stem}-"), KEEP_AUTOMATIC);
        Ok(Some(path))
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
        let not_ours = |reason: String| StoreError::NotABackup {
            path: from.display().to_string(),
            reason,
        };
        let version: i64 = source
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| not_ours(e.to_string()))?;
        let has_tables: bool = source
            .query_row(
                "SELECT COUNT(*) = 2 FROM sqlite_master
                 WHERE type = 'table' AND name IN ('influencer', 'shop_order')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| not_ours(e.to_string()))?;
        if !has_tables || version < 1 {
            return Err(not_ours("it holds no shoutout data".into()));
        }
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

/// Deletes all but the newest `keep` backups named `<prefix>….db` in `dir` (by modification
/// time).
fn prune(dir: &Path, prefix: &str, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(prefix) && name.ends_with(".db")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort();
    let excess = files.len().saturating_sub(keep);
    for (_, path) in files.into_iter().take(excess) {
        let _ = std::fs::remove_file(path);
    }
}
