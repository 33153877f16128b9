//! The commands about money beyond the scorecard: the shop's settings (cost of goods,
//! payment fees, the refund hold) and commission payouts.

use super::args::{PayoutCmd, SettingsCmd};
use super::{write_columns, write_report};
use crate::domain::{fmt2, parse_amount, parse_percent};
use crate::store::{COGS_PCT, PAYMENT_FEE_FIXED, PAYMENT_FEE_PCT, Store};
use anyhow::{Result, bail};
use chrono::NaiveDate;
use std::io::Write;

/// The setting that holds the refund hold, in days.
pub const REFUND_HOLD_DAYS: &str = "refund_hold_days";
/// The refund hold when none is set.
pub const DEFAULT_HOLD_DAYS: u32 = 30;

/// The settings, by the name people type: (name, stored key, what it is).
const SETTINGS: [(&str, &str, &str); 4] = [
    ("cogs-pct", COGS_PCT, "cost of goods, % of net revenue"),
    (
        "payment-fee-pct",
        PAYMENT_FEE_PCT,
        "payment fee, % of net revenue",
    ),
    (
        "payment-fee-fixed",
        PAYMENT_FEE_FIXED,
        "payment fee per counted order",
    ),
    (
        "refund-hold-days",
        REFUND_HOLD_DAYS,
        "days before commission is earned (default 30)",
    ),
];

fn key_of(name: &str) -> Result<&'static str> {
    let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
    SETTINGS
        .iter()
        .find(|(n, _, _)| *n == wanted)
        .map(|(_, key, _)| *key)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "'{}' is not a setting (cogs-pct, payment-fee-pct, payment-fee-fixed or \
                 refund-hold-days)",
                name.trim()
            )
        })
}

/// The value of a setting, checked: a percentage, an amount of 0 or more, or whole days.
fn checked_value(key: &str, value: &str) -> Result<String> {
    let value = match key {
        COGS_PCT | PAYMENT_FEE_PCT => parse_percent(value)?.normalize().to_string(),
        PAYMENT_FEE_FIXED => {
            let amount = parse_amount(value)?;
            if amount.is_sign_negative() && !amount.is_zero() {
                bail!("'{}' is not an amount of 0 or more", value.trim());
            }
            amount.normalize().to_string()
        }
        _ => value
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= 365)
            .ok_or_else(|| {
                anyhow::anyhow!("'{}' is not a number of days from 0 to 365", value.trim())
            })?
            .to_string(),
    };
    Ok(value)
}

/// The refund hold in days, as set or by default.
pub fn hold_days(store: &Store) -> Result<u32> {
    Ok(store
        .setting(REFUND_HOLD_DAYS)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_HOLD_DAYS))
}

pub(super) fn settings(store: &mut Store, cmd: &SettingsCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        SettingsCmd::Set { key, value } => {
            let stored = key_of(key)?;
            let value = checked_value(stored, value).map_err(|e| anyhow::anyhow!("{key}: {e}"))?;
            store.set_setting(stored, Some(&value))?;
            writeln!(out, "{} = {value}", key.trim())?;
        }
        SettingsCmd::Unset { key } => {
            store.set_setting(key_of(key)?, None)?;
            writeln!(out, "{} is no longer set", key.trim())?;
        }
        SettingsCmd::List => {
            let mut rows = vec![["setting".to_string(), "value".into(), "what it is".into()]];
            for (name, key, what) in SETTINGS {
                let value = store.setting(key)?.unwrap_or_else(|| "(not set)".into());
                rows.push([name.to_string(), value, what.to_string()]);
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
            let hold = hold_days(store)?;
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
