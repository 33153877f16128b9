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

/// Creates the data directory readable by its owner only, or tightens an existing one that
/// others could read (it holds the database, its backups and crash reports).
pub fn private_data_dir() -> Result<PathBuf> {
    let dir = data_dir()?;
    crate::store::create_private_dir(&dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
                .with_context(|| format!("cannot make {} private", dir.display()))?;
        }
    }
    Ok(dir)
}

/// The database to open.
pub fn database(explicit: Option<PathBuf>, demo: bool) -> Result<PathBuf> {
    match (explicit, demo) {
        (_, true) => Ok(private_data_dir()?.join("demo.db")),
        (Some(path), false) => Ok(path),
        (None, false) => Ok(private_data_dir()?.join("shoutout.db")),
    }
}
