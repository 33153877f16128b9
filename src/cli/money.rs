//! The commands about money beyond the scorecard: the shop's settings (cost of goods,
//! payment fees, the refund hold) and commission payouts.

use super::args::{PayoutCmd, PlanArgs, SettingsCmd};
use super::{write_columns, write_report};
use crate::domain::fmt2;
use crate::domain::settings::{SETTINGS, check_setting, setting_named};
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
        }
    }
    Ok(())
}

/// The exact header of the payouts CSV.
pub const PAYOUT_HEADER: [&str; 5] = [
    "influencer",
    "commission_earned",
    "commission_held",
    "paid",
    "owed",
];

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
        } => {
            let who = store.influencer_by_handle(influencer)?;
            store.add_payout(who.id, *amount, *date, note)?;
            writeln!(
                out,
                "recorded a payout of {} to @{} on {date}",
                fmt2(*amount),
                who.handle
            )?;
        }
        PayoutCmd::List { as_of, csv, force } => {
            let as_of = as_of.unwrap_or(today);
            let hold = store.hold_days()?;
            let lines = crate::metrics::payouts(&store.load_facts()?, as_of, hold);
            let cells = |l: &crate::metrics::PayoutLine| {
                [
                    crate::export::neutralize(&l.handle),
                    fmt2(l.commission_earned),
                    fmt2(l.commission_held),
                    fmt2(l.paid),
                    fmt2(l.owed),
                ]
            };
            write_report(
                store,
                csv.as_deref(),
                *force,
                lines.len(),
                out,
                |w| {
                    let mut w = csv::Writer::from_writer(w);
                    w.write_record(PAYOUT_HEADER)?;
                    for l in &lines {
                        w.write_record(cells(l))?;
                    }
                    w.flush()?;
                    Ok(())
                },
                || {
                    format!(
                        "Commission as of {as_of} (orders within {hold} days are held for \
                         refunds):\n{}",
                        crate::export::payout_table(&lines).join("\n")
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
    if a.fee.is_sign_negative() || a.product.is_sign_negative() {
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
        fee: a.fee,
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
