//! `shoutout doctor`: whether the database file is sound, whether every stored order can be
//! read, and whether the facts derived from the orders (first orders, day sums) equal a
//! recomputation; `--rebuild` recomputes them.

use super::describe;
use crate::store::Store;
use anyhow::{Result, bail};
use std::io::Write;

/// How many unreadable orders are named one by one (the rest are counted).
const NAMED: usize = 10;

pub(super) fn doctor(store: &mut Store, rebuild: bool, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "database: {}", describe(store))?;
    let problems = store.integrity_problems()?;
    if !problems.is_empty() {
        for p in &problems {
            writeln!(out, "integrity: {p}")?;
        }
        bail!(
            "the database file is damaged: restore a backup (`shoutout restore FILE`; \
             `shoutout paths` shows where backups are)"
        );
    }
    writeln!(out, "integrity: ok")?;
    let unreadable = store.unreadable_orders()?;
    if unreadable.is_empty() {
        writeln!(out, "orders: every one can be read")?;
    } else {
        writeln!(
            out,
            "orders: {} cannot be read and are left out of every figure:",
            unreadable.len()
        )?;
        for note in unreadable.iter().take(NAMED) {
            writeln!(out, "  {note}")?;
        }
        if unreadable.len() > NAMED {
            writeln!(out, "  … and {} more", unreadable.len() - NAMED)?;
        }
    }
    if rebuild {
        let n = store.rebuild_derived()?;
        writeln!(
            out,
            "derived facts: rebuilt ({} customers' first orders, {} day groups)",
            n.customers, n.day_groups
        )?;
    } else if store.derived_up_to_date()? {
        let n = store.derived_counts()?;
        writeln!(
            out,
            "derived facts: up to date ({} customers' first orders, {} day groups)",
            n.customers, n.day_groups
        )?;
    } else {
        bail!("the derived facts differ from the orders: run `shoutout doctor --rebuild`");
    }
    Ok(())
}
