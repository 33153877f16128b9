//! Where the database lives: `--db PATH`, else `SHOUTOUT_DB`, else `shoutout.db` in the
//! platform's data directory (from `directories`). `--demo` uses a separate `demo.db` there.

use anyhow::{Context, Result};
use std::path::PathBuf;

/// The platform data directory for shoutout, e.g. `~/.local/share/shoutout` on Linux,
/// `~/Library/Application Support/shoutout` on macOS, `%APPDATA%\shoutout\data` on Windows.
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "shoutout")
        .map(|d| d.data_dir().to_path_buf())
        .context("cannot find a home directory for the data; pass --db PATH")
}

/// The database to open.
pub fn database(explicit: Option<PathBuf>, demo: bool) -> Result<PathBuf> {
    match (explicit, demo) {
        (_, true) => Ok(data_dir()?.join("demo.db")),
        (Some(path), false) => Ok(path),
        (None, false) => Ok(data_dir()?.join("shoutout.db")),
    }
}
