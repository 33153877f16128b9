//! The gift ledger's commands: record a gift, mark one declined, and list them with their
//! status (the week's follow-ups with `--due`).

use super::args::{GiftAddArgs, GiftCmd, GiftUpdateArgs};
use super::{entries::campaign_id, flag_err, write_report};
use crate::domain::{NewGift, fmt2};
use crate::export::lists::{self, List};
use crate::metrics::{GiftLine, GiftStatus};
use crate::store::Store;
use anyhow::Result;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::io::Write;

pub(super) fn gift(
    store: &mut Store,
    cmd: &GiftCmd,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    match cmd {
        GiftCmd::Add(args) => add(store, args, out)?,
        GiftCmd::Delete { id, yes } => delete(store, *id, *yes, out)?,
        GiftCmd::Update(args) => update(store, args, out)?,
        GiftCmd::Undecline { id } => {
            let g = store.undecline_gift(*id)?;
            writeln!(
                out,
                "the gift of {} to @{} on {} is no longer declined",
                crate::domain::visible(&g.item),
                g.handle,
                g.given_on
            )?;
        }
        GiftCmd::Decline { influencer, date } => {
            let who = store.influencer_by_handle(influencer)?;
            let n = store.decline_gift(who.id, *date)?;
            writeln!(
                out,
                "marked {n} gift(s) to @{} on {date} declined",
                who.handle
            )?;
        }
        GiftCmd::List {
            due,
            as_of,
            out: to,
        } => list(store, *due, *as_of, to, today, out)?,
    }
    Ok(())
}

/// `gift add`: the gift and its cost entries, in one transaction.
fn add(store: &mut Store, args: &GiftAddArgs, out: &mut dyn Write) -> Result<()> {
    let GiftAddArgs {
        influencer,
        date,
        item,
        retail,
        cost,
        shipping,
        campaign,
    } = args;
    let who = store.influencer_by_handle(influencer)?;
    let campaign = campaign_id(store, campaign)?;
    let gift = NewGift {
        given_on: *date,
        item: item.trim().to_string(),
        retail: *retail,
        cost: *cost,
        shipping: shipping.unwrap_or(Decimal::ZERO),
    };
    gift.validate().map_err(flag_err)?;
    store.add_gift(who.id, &gift, campaign)?;
    writeln!(
        out,
        "recorded a gift to @{} on {date}: {} (cost {} + shipping {})",
        who.handle,
        crate::domain::visible(&gift.item),
        fmt2(gift.cost),
        fmt2(gift.shipping)
    )?;
    Ok(())
}

/// The stored gift with this id (see `gift list`).
fn gift_row(store: &Store, id: i64) -> Result<crate::store::GiftRow> {
    match store.gifts()?.into_iter().find(|g| g.id == id) {
        Some(g) => Ok(g),
        None => Err(crate::store::StoreError::NotFound { what: "gift", id }.into()),
    }
}

/// `gift delete`: after a yes, the gift and its cost entries.
fn delete(store: &mut Store, id: i64, yes: bool, out: &mut dyn Write) -> Result<()> {
    let g = gift_row(store, id)?;
    let what = format!(
        "the gift of {} to @{} on {} (and its cost entries)",
        crate::domain::visible(&g.item),
        g.handle,
        g.given_on
    );
    super::entries::delete(&what, yes, out, || store.delete_gift(id))?;
    Ok(())
}

/// `gift list`: the ledger (or, with `due`, the gifts waiting for a follow-up) as of a day,
/// as a table with the seeding figures, or as CSV.
fn list(
    store: &Store,
    due: bool,
    as_of: Option<NaiveDate>,
    to: &super::args::CsvOut,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    let as_of = as_of.unwrap_or(today);
    let facts = store.load_facts()?;
    let days = store.follow_up_days()?;
    let all = crate::metrics::gift_ledger(&facts, as_of, days);
    let lines: Vec<&GiftLine> = all
        .iter()
        .filter(|l| !due || matches!(l.status, GiftStatus::FollowUp(_)))
        .collect();
    let list = List::new(&lists::GIFTS, &lines, |l| {
        let handle = facts.handle(l.gift.influencer_id).unwrap_or_default();
        lists::gift_cells(l.gift, handle, l.status)
    });
    write_report(
        store,
        to.csv.as_deref(),
        to.force,
        lines.len(),
        out,
        |w| list.write_csv(w),
        || {
            let text = list.table_or(if due {
                "(no gift waits for a follow-up)"
            } else {
                "(no gifts yet: shoutout gift add)"
            });
            // The figures are the whole ledger's, `--due` or not.
            let f = crate::metrics::seeding_figures(&all);
            let opt = |v: Option<Decimal>, unit: &str| {
                v.map_or("—".to_string(), |v| format!("{}{unit}", fmt2(v)))
            };
            format!(
                "{text}Seeding as of {as_of}: {} gift(s) sent, {} posted, median {} \
                 to a post, gift cost per post {}\n",
                f.sent,
                opt(f.posted_pct, " %"),
                opt(f.median_days_to_post, " days"),
                opt(f.cost_per_post, "")
            )
        },
    )?;
    Ok(())
}

/// `gift update`: only what is given changes; its cost entries follow.
fn update(store: &mut Store, args: &GiftUpdateArgs, out: &mut dyn Write) -> Result<()> {
    let GiftUpdateArgs {
        id,
        date,
        item,
        retail,
        cost,
        shipping,
        campaign,
        no_campaign,
    } = args;
    let id = *id;
    let old = gift_row(store, id)?;
    let gift = NewGift {
        given_on: date.unwrap_or(old.given_on),
        item: item.as_deref().unwrap_or(&old.item).trim().to_string(),
        retail: retail.unwrap_or(old.retail),
        cost: cost.unwrap_or(old.cost),
        shipping: shipping.unwrap_or(old.shipping),
    };
    gift.validate().map_err(flag_err)?;
    let campaign = match (campaign, no_campaign) {
        (Some(_), _) => campaign_id(store, campaign)?,
        (None, true) => None,
        (None, false) => old.campaign_id,
    };
    store.update_gift(id, &gift, campaign)?;
    writeln!(
        out,
        "changed the gift to @{} on {}: {} (cost {} + shipping {})",
        old.handle,
        gift.given_on,
        crate::domain::visible(&gift.item),
        fmt2(gift.cost),
        fmt2(gift.shipping)
    )?;
    Ok(())
}
