//! The commands about money beyond the scorecard: the shop's settings (cost of goods,
//! payment fees, the refund hold) and commission payouts.

use super::args::{PayoutCmd, SettingsCmd};
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
                    let mut rows = vec![[
                        "influencer".to_string(),
                        "earned".into(),
                        "held".into(),
                        "paid".into(),
                        "owed".into(),
                    ]];
                    for l in &lines {
                        let mut c = cells(l);
                        c[0] = format!("@{}", l.handle);
                        rows.push(c);
                    }
                    let mut text = Vec::new();
                    let _ = write_columns(&mut text, &rows);
                    format!(
                        "Commission as of {as_of} (orders within {hold} days are held for \
                         refunds):\n{}",
                        String::from_utf8_lossy(&text)
                    )
                },
            )?;
        }
    }
    Ok(())
}
