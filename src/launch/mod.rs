//! What every front end needs before it starts, shared by the command line and the terminal
//! app (neither imports the other): where the database is, opening it (or a fresh demo
//! copy), and the clock, read here and only here.

pub mod paths;

use crate::store::Store;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::path::PathBuf;

/// Which database to open: `--db PATH` (or `SHOUTOUT_DB`), else the default one, or with
/// `--demo` a fresh copy of the demo shop.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub db: Option<PathBuf>,
    pub demo: bool,
}

impl Target {
    /// The database file this target names.
    pub fn database(&self) -> Result<PathBuf> {
        paths::database(self.db.clone(), self.demo)
    }
}

/// The local date and time at the edge of the program: the only place the clock is read.
pub fn now() -> (NaiveDate, String) {
    let now = chrono::Local::now();
    (
        now.date_naive(),
        now.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    )
}

/// The local date and time now, ISO 8601: what names a backup or records an import at the
/// moment it happens (a long session's later backups are not named by its start).
pub fn moment() -> String {
    now().1
}

/// Opens the database the target names. With `demo`, a fresh demo database is built first.
pub fn open_store(target: &Target) -> Result<Store> {
    let path = target.database()?;
    if target.demo {
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            if file.exists() {
                std::fs::remove_file(&file).with_context(|| {
                    format!("cannot reset the demo database {}", file.display())
                })?;
            }
        }
        let mut store = Store::open(&path)?;
        crate::demo::load(&mut store, &now().1)?;
        return Ok(store);
    }
    Ok(Store::open(&path)?)
}
