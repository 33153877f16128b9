//! The commands about money beyond the scorecard: the shop's settings (cost of goods,
//! payment fees, the refund hold) and commission payouts.

use super::args::{PayoutCmd, PlanArgs, ProductCostCmd, SettingsCmd};
use super::{write_columns, write_report};
use crate::domain::fmt2;
use crate::domain::settings::{SETTINGS, check_setting, setting_named};
use crate::export::lists::{self, List};
use crate::store::Store;
use anyhow::Result;
use chrono::NaiveDate;
use std::io::Write;

pub(super) fn settings(store: &mut Store, cmd: &SettingsCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        SettingsCmd::Set { key, value } => {
            let setting = setting_named(key)?;
            let value = check_setting(setting, value)
                .map_err(|e| anyhow::anyhow!("{}: {e}", setting.name))?;
            store.set_setting(setting.key, Some(&value))?;
            writeln!(out, "{} = {value}", setting.name)?;
        }
        SettingsCmd::Unset { key } => {
            let setting = setting_named(key)?;
            store.set_setting(setting.key, None)?;
            writeln!(out, "{} is no longer set", setting.name)?;
        }
        SettingsCmd::List => {
            let mut rows = vec![["setting".to_string(), "value".into(), "what it is".into()]];
            for s in SETTINGS {
                let value = store.setting(s.key)?.unwrap_or_else(|| "(not set)".into());
                rows.push([s.name.to_string(), value, s.what.to_string()]);
            }
            write_columns(out, &rows)?;
            let skus = store.product_costs()?.len();
            if skus > 0 {
                writeln!(
                    out,
                    "\n{skus} product(s) have a unit cost: their orders' goods cost comes from \
                     them, cogs-pct covers the rest (shoutout product cost list)"
                )?;
            }
        }
    }
    Ok(())
}

/// `product cost import FILE`: unit costs per SKU from a file, with a backup first when it
/// changes costs already stored.
fn product_cost_import(
    store: &mut Store,
    file: &std::path::Path,
    dry_run: bool,
    now: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let read = crate::import::read_product_costs(file)?;
    let known: std::collections::HashMap<String, rust_decimal::Decimal> = store
        .product_costs()?
        .into_iter()
        .map(|(sku, cost)| (crate::domain::sku_key(&sku), cost))
        .collect();
    let changes = read
        .costs
        .iter()
        .filter(|(sku, cost)| known.get(&crate::domain::sku_key(sku)) != Some(cost))
        .count();
    for (sku, lines) in &read.conflicts {
        let lines: Vec<String> = lines.iter().map(u64::to_string).collect();
        writeln!(
            out,
            "warning: SKU {} has different costs on lines {}; the last one counts",
            crate::domain::visible(sku),
            lines.join(", ")
        )?;
    }
    if dry_run {
        writeln!(
            out,
            "{} ({}): {} SKU(s) with a cost, {changes} new or changed, {} row(s) \
             without a SKU or cost skipped. Nothing was written (--dry-run).",
            file.display(),
            read.layout,
            read.costs.len(),
            read.skipped
        )?;
        return Ok(());
    }
    let counts = if changes > 0 && !known.is_empty() {
        let label = format!("before-product-costs-{now}");
        store
            .with_backup(&label, |s| s.set_product_costs(&read.costs))?
            .0
    } else {
        store.set_product_costs(&read.costs)?
    };
    writeln!(
        out,
        "{} ({}): {} added, {} changed, {} unchanged; {} row(s) without a SKU or cost \
         skipped",
        file.display(),
        read.layout,
        counts.added,
        counts.changed,
        counts.unchanged,
        read.skipped
    )?;
    Ok(())
}

/// Unit costs per SKU: import a file, set, list or delete one.
pub(super) fn product_cost(
    store: &mut Store,
    cmd: &ProductCostCmd,
    now: &str,
    out: &mut dyn Write,
) -> Result<()> {
    match cmd {
        ProductCostCmd::Import { file, dry_run } => {
            product_cost_import(store, file, *dry_run, now, out)?;
        }
        ProductCostCmd::Set { sku, amount } => {
            let sku = check_sku(sku)?;
            let replaced = store.set_product_cost(&sku, *amount)?;
            let verb = if replaced { "is now" } else { "costs" };
            writeln!(out, "one unit of {sku} {verb} {}", fmt2(*amount))?;
        }
        ProductCostCmd::List => {
            let mut rows = vec![["sku".to_string(), "unit cost".into()]];
            for (sku, cost) in store.product_costs()? {
                rows.push([crate::domain::visible(&sku).into_owned(), fmt2(cost)]);
            }
            write_columns(out, &rows)?;
        }
        ProductCostCmd::Delete { sku } => {
            if !store.delete_product_cost(sku)? {
                anyhow::bail!(
                    "{} has no cost (see shoutout product cost list)",
                    sku.trim()
                );
            }
            writeln!(out, "{} no longer has a cost", sku.trim())?;
        }
    }
    Ok(())
}

/// A SKU as typed: not empty, no control or direction characters, at most 128 characters.
fn check_sku(sku: &str) -> Result<String> {
    let t = sku.trim();
    if t.is_empty() || t.chars().count() > 128 || t.chars().any(crate::domain::text::is_unsafe) {
        anyhow::bail!("{sku:?} is not a SKU (one line of text, at most 128 characters)");
    }
    Ok(t.to_string())
}

pub(super) fn payout(
    store: &mut Store,
    cmd: &PayoutCmd,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    match cmd {
        PayoutCmd::Add {
            influencer,
            amount,
            date,
            note,
            force,
        } => {
            let who = store.influencer_by_handle(influencer)?;
            let date = date.unwrap_or(today);
            let hold = store.hold_days()?;
            // What she has earned or has held in the refund hold, less what she was paid.
            let due = crate::metrics::payouts(&store.load_facts()?, date, hold)
                .into_iter()
                .find(|l| l.influencer_id == who.id)
                .map_or(rust_decimal::Decimal::ZERO, |l| {
                    crate::domain::round2(l.commission_earned + l.commission_held) - l.paid
                });
            if due <= rust_decimal::Decimal::ZERO && !force {
                anyhow::bail!(
                    "@{} has no commission left to pay on {date} ({} earned or held and \
                     unpaid): nothing was recorded; pass --force to pay her in advance",
                    who.handle,
                    fmt2(due)
                );
            }
            store.add_payout(who.id, *amount, date, note)?;
            writeln!(
                out,
                "recorded a payout of {} to @{} on {date}",
                fmt2(*amount),
                who.handle
            )?;
        }
        PayoutCmd::List { as_of, out: to } => {
            let as_of = as_of.unwrap_or(today);
            let hold = store.hold_days()?;
            let lines = crate::metrics::payouts(&store.load_facts()?, as_of, hold);
            let list = List::new(&lists::PAYOUTS, &lines, lists::payout_cells);
            write_report(
                store,
                to.csv.as_deref(),
                to.force,
                lines.len(),
                out,
                |w| list.write_csv(w),
                || {
                    format!(
                        "Commission as of {as_of} (orders within {hold} days are held for \
                         refunds):\n{}\n",
                        list.table().trim_end()
                    )
                },
            )?;
        }
    }
    Ok(())
}

/// Plans a deal with a creator, from her history or her tier's.
pub(super) fn plan(
    store: &Store,
    a: &PlanArgs,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    if a.schedule {
        return schedule(store, a, today, out);
    }
    let fee = a.fee.unwrap_or_default();
    if fee.is_sign_negative() || a.product.is_sign_negative() {
        anyhow::bail!("--fee and --product are amounts of 0 or more");
    }
    let facts = store.load_facts()?;
    let known = a
        .influencer
        .as_deref()
        .map(|h| store.influencer_by_handle(h))
        .transpose()?;
    let request = crate::metrics::PlanRequest {
        influencer_id: known.as_ref().map(|k| k.id),
        followers: known
            .as_ref()
            .map_or(a.followers.unwrap_or(0), |k| k.followers),
        platform: known
            .as_ref()
            .map_or(a.platform.unwrap_or(crate::domain::Platform::Other), |k| {
                k.platform
            }),
        fee,
        product: a.product,
        commission_pct: a
            .commission
            .or(known.as_ref().map(|k| k.commission_pct))
            .unwrap_or_default(),
        posts: a.posts,
    };
    let rows = crate::metrics::scorecard(&facts, &Default::default(), today).rows;
    let tiers = store.tiers()?;
    let p = crate::metrics::plan(&facts, &rows, &request, facts.profit.as_ref(), &tiers);
    let who = known.as_ref().map(|k| k.handle.as_str());
    for line in crate::export::plan_lines(&p, &request, who, facts.profit.is_some(), &tiers) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The columns of `plan --schedule --csv`.
const SCHEDULE_COLUMNS: [&str; 4] = ["from", "to", "overlaps", "smallest_effect"];

/// `plan --schedule`: the next days her post would stand alone, from the lift model of every
/// shop.
fn schedule(store: &Store, a: &PlanArgs, today: NaiveDate, out: &mut dyn Write) -> Result<()> {
    let handle = a.influencer.as_deref().unwrap_or_default();
    let who = store.influencer_by_handle(handle)?;
    let facts = store.load_lift_facts(None)?;
    let report = crate::metrics::lift(&facts, &Default::default(), today);
    let plan = crate::metrics::schedule(&facts, &report, who.id, a.from.unwrap_or(today));
    let rows: Vec<[String; 4]> = plan
        .slots
        .iter()
        .map(|s| {
            [
                s.from.to_string(),
                s.to.to_string(),
                s.overlaps.join("; "),
                s.smallest_effect
                    .map_or(String::new(), |e| format!("{:.0}", e.ceil())),
            ]
        })
        .collect();
    let lines = crate::metrics::schedule_lines(&plan);
    super::write_report(
        store,
        a.csv.as_deref(),
        a.force,
        rows.len(),
        out,
        |w| super::write_neutral_rows(w, SCHEDULE_COLUMNS, &rows),
        || lines.join("\n") + "\n",
    )
}
