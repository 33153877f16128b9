//! Writing an export to disk without ever replacing what must not be replaced.
//!
//! The rules, in the order they are checked (docs/architecture.md, "Exports"):
//! - a symlink is followed: the file it points to is written, the link stays a link;
//! - the database, its `-wal`, `-shm` and `-journal` are never written, `--force` or not;
//! - a device, FIFO or socket is written in place (never replaced by a regular file);
//! - an existing regular file is replaced only if it is empty or a CSV shoutout wrote (its
//!   first line is the scorecard's or the lift report's header), unless the caller forces it;
//! - a regular file is written through a temporary file in the same directory and renamed
//!   into place, so a failure never leaves half a file behind.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The files of a database beside it (its own name first): its write-ahead log and the
/// log's index, and the rollback journal a shop's first import writes through.
const DATABASE_SUFFIXES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// Why an export was not written.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{path} is the shoutout database (or its journal); an export never replaces it")]
    Database { path: String },
    #[error(
        "{path} already exists and is not a scorecard CSV written by shoutout; \
         choose another name, or pass --force to replace it"
    )]
    NotOurs { path: String },
    #[error("{path} is a folder; give a file name")]
    Folder { path: String },
    #[error("cannot write {path}: {error}")]
    Io { path: String, error: std::io::Error },
}

/// Where an export may go: the files it must never touch, and whether to replace a file that
/// shoutout did not write.
#[derive(Debug, Clone, Default)]
pub struct ExportTarget {
    /// The open database; it and its [`DATABASE_SUFFIXES`] files are refused.
    pub database: Option<PathBuf>,
    /// Replace an existing file even if it is not a scorecard CSV.
    pub force: bool,
}

/// Whether an existing file may be replaced without `--force`: it is empty, or its first
/// line starts with the header of a scorecard, lift or list export or the report's mark (an
/// earlier export). At most 4 KiB are read, so a
/// large file without line breaks is never read whole.
fn is_our_export(path: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let mut first = Vec::new();
    std::io::BufReader::new(std::fs::File::open(path)?)
        .take(4096)
        .read_until(b'\n', &mut first)?;
    Ok(first.is_empty()
        // The header's first 21 columns: columns are only ever appended, so an export of an
        // earlier version is ours too.
        || first.starts_with(super::CSV_HEADER[..21].join(",").as_bytes())
        || first.starts_with(super::VIEW_HEADER.join(",").as_bytes())
        || first.starts_with(super::COMPARE_HEADER.join(",").as_bytes())
        || first.starts_with(super::LIFT_HEADER.join(",").as_bytes())
        || first.starts_with(super::REPORT_MARK.as_bytes())
        || super::lists::is_list_header(&first)
        || first.starts_with(super::GIFT_HEADER_WITHOUT_ID.as_bytes()))
}

/// Follows symlinks (at most 40, like the kernel) to the path that will really be written.
/// A dangling link resolves to the file it names, which is then created.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = std::path::absolute(path)?;
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                let base = current.parent().unwrap_or(Path::new("/")).to_path_buf();
                current = std::path::absolute(base.join(target))?;
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Whether two paths name the same file (the same device and inode where they exist; else
/// the same canonical path).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Whether a file type is one to write in place: a device, FIFO or socket.
fn is_special(file_type: std::fs::FileType) -> bool {
    !file_type.is_file() && !file_type.is_dir() && !file_type.is_symlink()
}

/// Writes `fill`'s output to `path` by the rules of this module. Returns the path written
/// (the symlink's target where `path` is a symlink).
pub fn write_export(
    path: &Path,
    target: &ExportTarget,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<PathBuf, ExportError> {
    let shown = path.display().to_string();
    let io = |error| ExportError::Io {
        path: shown.clone(),
        error,
    };
    let real = resolve(path).map_err(io)?;
    if let Some(db) = &target.database {
        for suffix in DATABASE_SUFFIXES {
            let guarded = PathBuf::from(format!("{}{suffix}", db.display()));
            if same_file(&real, &guarded)
                || std::path::absolute(&guarded).ok() == Some(real.clone())
            {
                return Err(ExportError::Database { path: shown });
            }
        }
    }
    match std::fs::metadata(&real) {
        Ok(m) if m.is_dir() => return Err(ExportError::Folder { path: shown }),
        Ok(m) if is_special(m.file_type()) => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&real)
                .map_err(io)?;
            let mut buffered = std::io::BufWriter::new(file);
            fill(&mut buffered).map_err(io)?;
            buffered.flush().map_err(io)?;
            return Ok(real);
        }
        Ok(_) if !target.force && !is_our_export(&real).map_err(io)? => {
            return Err(ExportError::NotOurs { path: shown });
        }
        _ => {}
    }
    write_atomically(&real, fill).map_err(io)
}

/// Writes `fill`'s output to `path` through a temporary file in the same directory, then
/// renames it into place. Returns the absolute path written. An existing file keeps its
/// permissions.
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
    if let Ok(existing) = std::fs::metadata(&absolute) {
        tmp.as_file().set_permissions(existing.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&absolute).map_err(|e| e.error)?;
    Ok(absolute)
}

/// The first of `name`, `name-2`, `name-3`, … (before the extension) that does not exist in
/// `dir`: how the app's export never replaces an earlier one.
pub fn unused_name(dir: &Path, stem: &str, extension: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.{extension}"));
    let mut n = 2;
    while std::fs::symlink_metadata(&path).is_ok() {
        path = dir.join(format!("{stem}-{n}.{extension}"));
        n += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, target: &ExportTarget) -> Result<PathBuf, ExportError> {
        write_export(path, target, |w| {
            writeln!(w, "{}", crate::export::CSV_HEADER.join(","))?;
            writeln!(w, "1,ana")
        })
    }

    #[test]
    fn a_file_that_is_not_ours_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let orders = dir.path().join("orders_export.csv");
        std::fs::write(&orders, "Name,Email\n#1001,a@b.c\n").unwrap();
        let err = write(&orders, &ExportTarget::default()).unwrap_err();
        assert!(matches!(err, ExportError::NotOurs { .. }), "{err}");
        assert_eq!(
            std::fs::read_to_string(&orders).unwrap(),
            "Name,Email\n#1001,a@b.c\n"
        );
        let forced = ExportTarget {
            force: true,
            ..Default::default()
        };
        write(&orders, &forced).unwrap();
        assert!(
            std::fs::read_to_string(&orders)
                .unwrap()
                .starts_with("rank,")
        );
        // Now it is ours: replaced again without --force.
        write(&orders, &ExportTarget::default()).unwrap();
    }

    #[test]
    fn the_database_and_its_journal_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.db");
        for suffix in DATABASE_SUFFIXES {
            let file = PathBuf::from(format!("{}{suffix}", db.display()));
            std::fs::write(&file, b"SQLite format 3\0").unwrap();
            let target = ExportTarget {
                database: Some(db.clone()),
                force: true,
            };
            let err = write(&file, &target).unwrap_err();
            assert!(matches!(err, ExportError::Database { .. }), "{err}");
            assert_eq!(std::fs::read(&file).unwrap(), b"SQLite format 3\0");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let written = write(&link, &ExportTarget::default()).unwrap();
        assert_eq!(written, real);
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(std::fs::read_to_string(&real).unwrap().starts_with("rank,"));
        // A link to the database is refused like the database.
        let db = dir.path().join("shop.db");
        std::fs::write(&db, b"db").unwrap();
        let to_db = dir.path().join("to-db.csv");
        std::os::unix::fs::symlink(&db, &to_db).unwrap();
        let target = ExportTarget {
            database: Some(db.clone()),
            force: true,
        };
        assert!(matches!(
            write(&to_db, &target),
            Err(ExportError::Database { .. })
        ));
        assert_eq!(std::fs::read(&db).unwrap(), b"db");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, &ExportTarget::default()).unwrap();
        assert!(reader.join().unwrap().starts_with("rank,"));
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
    }

    #[test]
    fn unused_names_count_up() {
        let dir = tempfile::tempdir().unwrap();
        let first = unused_name(dir.path(), "card", "csv");
        assert_eq!(first, dir.path().join("card.csv"));
        std::fs::write(&first, "x").unwrap();
        assert_eq!(
            unused_name(dir.path(), "card", "csv"),
            dir.path().join("card-2.csv")
        );
    }
}
