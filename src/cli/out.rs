//! How every command writes what it shows: a table for a person, or a CSV to standard output
//! or to a file by the export rules, its cells neutralised where a spreadsheet could read
//! them as formulas.

use super::args;
use crate::store::Store;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// Prints a report as a table, or writes its CSV to standard output (`-`) or to a file by the
/// export rules (never over the database or a file shoutout did not write, unless forced).
pub(super) fn write_report(
    store: &Store,
    csv: Option<&Path>,
    force: bool,
    rows: usize,
    out: &mut dyn Write,
    write_csv: impl Fn(&mut dyn Write) -> csv::Result<()>,
    table: impl FnOnce() -> String,
) -> Result<()> {
    match csv {
        None => write!(out, "{}", table())?,
        Some(p) if p.as_os_str() == "-" => write_csv(out)?,
        Some(p) => {
            let target = crate::export::ExportTarget {
                database: store.path().map(Path::to_path_buf),
                force,
            };
            let written = crate::export::write_export(p, &target, |w| {
                write_csv(w).map_err(std::io::Error::other)
            })?;
            writeln!(out, "wrote {rows} rows to {}", written.display())?;
        }
    }
    Ok(())
}

/// An entry list (`post list`, `cost list`, …) as its table, or as CSV to `--csv FILE|-`:
/// both from the list's one row definition ([`crate::export::lists`]).
pub(super) fn print_list(
    store: &Store,
    csv: &args::CsvOut,
    list: &crate::export::lists::List,
    out: &mut dyn Write,
) -> Result<()> {
    write_report(
        store,
        csv.csv.as_deref(),
        csv.force,
        list.rows.len(),
        out,
        |w| list.write_csv(w),
        || list.table(),
    )
}

/// Writes a CSV of `header` and `rows`, every cell neutralised: one a spreadsheet would read
/// as a formula gets a `'` first ([`crate::export::neutralize`]).
pub(super) fn write_neutral_rows<const N: usize>(
    w: &mut dyn Write,
    header: [&str; N],
    rows: &[[String; N]],
) -> csv::Result<()> {
    let neutral = rows
        .iter()
        .map(|r| r.clone().map(|c| crate::export::neutralize(&c)));
    write_rows(w, header, neutral)
}

/// Writes a CSV of `header` and `rows` (the callers neutralise their text cells).
pub(super) fn write_rows<const N: usize>(
    w: &mut dyn Write,
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(w);
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    w.flush()?;
    Ok(())
}

/// Prints rows as left-aligned columns measured in terminal cells.
pub(super) fn write_columns<const N: usize>(
    out: &mut dyn Write,
    rows: &[[String; N]],
) -> Result<()> {
    for line in crate::export::align_columns(rows) {
        writeln!(out, "{line}")?;
    }
    if rows.len() == 1 {
        writeln!(out, "(none yet)")?;
    }
    Ok(())
}
