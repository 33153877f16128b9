//! Writing an export to disk so that a failure never leaves half a file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `fill`'s output to `path` through a temporary file in the same directory, then
/// renames it into place. Returns the absolute path written.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let dir = absolute.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buffered)?;
        buffered.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&absolute).map_err(|e| e.error)?;
    Ok(absolute)
}
