//! `shoutout import`: an order export previewed or imported (its summary as text or as one
//! JSON object, failures included), and `--undo-last`.

use super::args::ImportArgs;
use super::leak_lines;
use crate::import::{ImportOptions, import_file};
use crate::store::Store;
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;

/// Imports (or previews) the file `--file` names, or undoes the last import.
pub(super) fn import(
    store: &mut Store,
    a: &ImportArgs,
    (today, now): (NaiveDate, String),
    out: &mut dyn Write,
) -> Result<()> {
    if a.undo_last {
        let batch = store.undo_last_import_backed_up(&format!("before-undo-{now}"))?;
        writeln!(
            out,
            "undid the import of {} ({}): removed {} new orders, restored {} changed ones",
            batch.file_name, batch.imported_at, batch.new_count, batch.changed_count
        )?;
        return Ok(());
    }
    let file = a
        .file
        .as_ref()
        .expect("clap requires FILE without --undo-last");
    let mapping = match read_mapping(a.mapping.as_deref()) {
        Ok(mapping) => mapping,
        Err(e) => return json_failure(a.json.then_some(file), e, out),
    };
    let options = ImportOptions {
        format: a.format,
        dry_run: a.dry_run,
        skip_invalid: a.skip_invalid,
        shop: a.shop.clone(),
        now,
        mapping,
        currency: a.currency.clone(),
        gift_cost_pct: a.gift_cost_pct,
        backup: true,
        rates: a.rate.clone(),
        fix_dates: a.fix_dates,
    };
    let summary = match import_file(store, file, &options) {
        Ok(summary) => summary,
        // A refused file still has its counts: JSON says what was found (a preview of a
        // damaged file is a preview that worked), and a real import fails after it.
        Err(crate::import::ImportError::Invalid(summary)) if a.json => {
            writeln!(out, "{}", summary.to_json())?;
            if a.dry_run {
                return Ok(());
            }
            bail!(
                "{} invalid order(s): nothing was imported (--skip-invalid imports the rest)",
                summary.counts.invalid
            );
        }
        Err(e) => return json_failure(a.json.then_some(file), e.into(), out),
    };
    if a.json {
        writeln!(out, "{}", summary.to_json())?;
        return Ok(());
    }
    writeln!(out, "{summary}")?;
    // The lift model's leak check reads every coded order: only worth it once some creator
    // could own a code or a link.
    if store.has_influencers()? {
        let facts = store.load_lift_facts(None)?;
        for warning in leak_lines(&facts, today) {
            writeln!(out, "warning: {warning}")?;
        }
    }
    Ok(())
}

/// The column mapping `--mapping FILE` names, read and checked.
fn read_mapping(path: Option<&Path>) -> Result<Option<crate::import::Mapping>> {
    let Some(path) = path else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the mapping {}", path.display()))?;
    let mapping = crate::import::Mapping::from_toml(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(Some(mapping))
}

/// An import that failed as a whole: with `--json` (`file` given), one JSON object on
/// standard output says so (`error`, and `written: false`) before the error is returned.
pub(super) fn json_failure(
    file: Option<&Path>,
    e: anyhow::Error,
    out: &mut dyn Write,
) -> Result<()> {
    if let Some(file) = file {
        let failure = serde_json::json!({
            "file": file.display().to_string(),
            "error": format!("{e:#}"),
            "written": false,
        });
        writeln!(out, "{failure}")?;
    }
    Err(e)
}
