//! The commands over what the seller enters by hand: influencers, codes, costs, campaigns
//! and links (add, list, delete), each through the domain's constructors and the store, as
//! the app does. Posts have their own module, `posts.rs`.

use super::args::{CampaignCmd, ChannelCmd, CodeCmd, CostCmd, InfluencerCmd, LinkCmd};
use super::{confirm, flag_err, print_list, write_columns};
use crate::domain::{NewCampaign, NewCost, NewInfluencer, fmt2};
use crate::export::lists::{self, List};
use crate::store::Store;
use anyhow::{Result, bail};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::io::Write;

/// The stored promo code `code` names (compared as codes are).
fn code_row(store: &Store, code: &str) -> Result<crate::store::CodeRow> {
    let key = crate::domain::normalize_code(code);
    match store
        .codes()?
        .into_iter()
        .find(|c| crate::domain::normalize_code(&c.code) == key)
    {
        Some(c) => Ok(c),
        None => bail!("no promo code '{}' (see `shoutout code list`)", code.trim()),
    }
}

/// Deletes `what` after a yes on the terminal (or with `--yes`), and says what went.
pub(super) fn delete<T>(
    what: &str,
    yes: bool,
    out: &mut dyn Write,
    go: impl FnOnce() -> crate::store::Result<T>,
) -> Result<()> {
    if !yes && !confirm(&format!("Delete {what}? [y/N] "))? {
        bail!("not deleted (pass --yes to delete without a question)");
    }
    go()?;
    writeln!(out, "deleted {what}")?;
    Ok(())
}

pub(super) fn campaign_id(store: &Store, name: &Option<String>) -> Result<Option<i64>> {
    name.as_deref()
        .map(|n| store.campaign_by_name(n))
        .transpose()
        .map_err(Into::into)
}

pub(super) fn influencer(
    store: &mut Store,
    cmd: &InfluencerCmd,
    out: &mut dyn Write,
) -> Result<()> {
    match cmd {
        InfluencerCmd::Add {
            handle,
            platform,
            followers,
            name,
            commission,
        } => {
            let new = NewInfluencer::new(
                handle,
                name,
                *platform,
                *followers,
                commission.unwrap_or(Decimal::ZERO),
            )
            .map_err(flag_err)?;
            store.add_influencer(&new)?;
            writeln!(
                out,
                "added @{} ({}, {} followers, commission {} %)",
                new.handle,
                new.platform,
                new.followers,
                new.commission_pct.normalize()
            )?;
        }
        InfluencerCmd::List(csv) => {
            let codes = store.codes()?;
            let list = List::new(&lists::INFLUENCERS, &store.influencers()?, |i| {
                lists::influencer_cells(i, &codes)
            });
            print_list(store, csv, &list, out)?;
        }
        InfluencerCmd::Archive { handle, undo } => {
            let id = store.influencer_by_handle(handle)?.id;
            store.set_archived(id, !undo)?;
            let what = if *undo { "restored" } else { "archived" };
            writeln!(out, "{what} @{}", handle.trim_start_matches('@'))?;
        }
    }
    Ok(())
}

pub(super) fn code(store: &mut Store, cmd: &CodeCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CodeCmd::Add {
            code,
            influencer,
            campaign,
        } => {
            let code = crate::domain::parse_code(code).map_err(|e| anyhow::anyhow!("code: {e}"))?;
            let code = code.as_str();
            let owner = store.influencer_by_handle(influencer)?;
            let campaign = campaign_id(store, campaign)?;
            store.add_code(code, owner.id, campaign)?;
            writeln!(out, "code {} now credits @{}", code.trim(), owner.handle)?;
        }
        CodeCmd::Update {
            code,
            campaign,
            no_campaign,
            influencer,
        } => {
            let c = code_row(store, code)?;
            let owner = store.influencer_by_handle(influencer.as_deref().unwrap_or(&c.handle))?;
            let campaign_id = match (campaign, no_campaign) {
                (Some(_), _) => campaign_id(store, campaign)?,
                (None, true) => None,
                (None, false) => campaign_id(store, &c.campaign)?,
            };
            store.update_code(c.id, owner.id, campaign_id)?;
            let campaign = match campaign_id {
                Some(_) => campaign.clone().or(c.campaign).unwrap_or_default(),
                None => String::new(),
            };
            writeln!(
                out,
                "code {} now credits @{}{}",
                c.code,
                owner.handle,
                if campaign.is_empty() {
                    String::from(", in no campaign")
                } else {
                    format!(" in campaign {}", crate::domain::visible(&campaign))
                }
            )?;
        }
        CodeCmd::Delete { code, yes } => code_delete(store, code, *yes, out)?,
        CodeCmd::List(csv) => {
            let list = List::new(&lists::CODES, &store.codes()?, lists::code_cells);
            print_list(store, csv, &list, out)?;
        }
    }
    Ok(())
}

pub(super) fn cost(
    store: &mut Store,
    cmd: &CostCmd,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    match cmd {
        CostCmd::Add {
            influencer,
            channel,
            kind,
            amount,
            date,
            note,
            campaign,
        } => {
            let cost =
                NewCost::new(*kind, *amount, date.unwrap_or(today), note).map_err(flag_err)?;
            let name = influencer
                .as_deref()
                .or(channel.as_deref())
                .unwrap_or_default();
            let owner = store.influencer_by_handle(name)?;
            if channel.is_some() && !owner.channel {
                bail!("'{name}' is a creator, not a channel: use --influencer");
            }
            let campaign = campaign_id(store, campaign)?;
            store.add_cost(owner.id, &cost, campaign)?;
            writeln!(
                out,
                "recorded {} {} for @{} on {}",
                cost.kind,
                fmt2(cost.amount),
                owner.handle,
                cost.date
            )?;
        }
        CostCmd::Delete { id, yes } => cost_delete(store, *id, *yes, out)?,
        CostCmd::List(csv) => {
            let list = List::new(&lists::COSTS, &store.costs()?, lists::cost_cells);
            print_list(store, csv, &list, out)?;
        }
    }
    Ok(())
}

/// The campaign of this name, as stored.
fn campaign_row(store: &Store, name: &str) -> Result<crate::store::CampaignRow> {
    let id = store.campaign_by_name(name)?;
    store
        .campaigns()?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| anyhow::anyhow!("no campaign named {name}"))
}

pub(super) fn campaign(
    store: &mut Store,
    cmd: &CampaignCmd,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    match cmd {
        CampaignCmd::Add {
            name,
            goal,
            start,
            end,
            budget,
            targets,
        } => {
            let new = NewCampaign {
                name: name.trim().to_string(),
                goal: *goal,
                starts_on: *start,
                ends_on: *end,
                budget: *budget,
                targets: targets.over(Default::default()),
            };
            new.validate().map_err(flag_err)?;
            store.add_campaign(&new)?;
            writeln!(
                out,
                "created campaign '{}' ({})",
                new.name,
                new.goal.as_str()
            )?;
        }
        CampaignCmd::Target {
            name,
            budget,
            targets,
        } => campaign_target(store, name, *budget, targets, out)?,
        CampaignCmd::Show { name } => campaign_show(store, name, today, out)?,
        CampaignCmd::List(csv) => {
            let list = List::new(
                &lists::CAMPAIGNS,
                &store.campaigns()?,
                lists::campaign_cells,
            );
            print_list(store, csv, &list, out)?;
        }
    }
    Ok(())
}

pub(super) fn link(store: &mut Store, cmd: &LinkCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        LinkCmd::Add {
            influencer,
            url,
            campaign,
            content,
            medium,
        } => {
            let utm = (campaign.as_str(), content.as_str(), medium.as_deref());
            link_add(store, influencer, url, utm, out)?
        }
        LinkCmd::Delete { id, yes } => link_delete(store, *id, *yes, out)?,
        LinkCmd::List(csv) => {
            let list = List::new(&lists::LINKS, &store.links()?, lists::link_cells);
            print_list(store, csv, &list, out)?;
        }
    }
    Ok(())
}

/// `code delete`: after a yes, the code (its orders stop counting for its owner).
fn code_delete(store: &mut Store, code: &str, yes: bool, out: &mut dyn Write) -> Result<()> {
    let c = code_row(store, code)?;
    let what = format!(
        "code {} of @{} (its orders stop counting for her)",
        c.code, c.handle
    );
    delete(&what, yes, out, || store.delete_code(c.id))?;
    Ok(())
}

/// `cost delete`: after a yes, the cost entry.
fn cost_delete(store: &mut Store, id: i64, yes: bool, out: &mut dyn Write) -> Result<()> {
    let Some(c) = store.costs()?.into_iter().find(|c| c.id == id) else {
        return Err(crate::store::StoreError::NotFound { what: "cost", id }.into());
    };
    let what = format!(
        "the {} of {} for @{} on {}",
        c.kind,
        fmt2(c.amount),
        c.handle,
        c.date
    );
    delete(&what, yes, out, || store.delete_cost(id))?;
    Ok(())
}

/// `campaign target`: new targets and budget; what is not given stays.
fn campaign_target(
    store: &mut Store,
    name: &str,
    budget: Option<Decimal>,
    targets: &super::args::TargetArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let row = campaign_row(store, name)?;
    store.set_campaign_targets(row.id, budget.or(row.budget), &targets.over(row.targets))?;
    writeln!(out, "updated the targets of campaign '{}'", row.name)?;
    Ok(())
}

/// `campaign show`: its progress toward its targets and budget, on `today`.
fn campaign_show(store: &Store, name: &str, today: NaiveDate, out: &mut dyn Write) -> Result<()> {
    let row = campaign_row(store, name)?;
    let facts = store.load_facts()?;
    let progress = crate::metrics::campaign_progress(&facts, &row.plan(), today);
    writeln!(out, "Campaign {}", crate::domain::visible(&row.name))?;
    for line in crate::export::campaign_lines(&row.goal, &progress) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `link add`: the UTM link of a creator's page, saved and printed.
fn link_add(
    store: &mut Store,
    influencer: &str,
    url: &str,
    (campaign, content, medium): (&str, &str, Option<&str>),
    out: &mut dyn Write,
) -> Result<()> {
    let owner = store.influencer_by_handle(influencer)?;
    // The campaign must exist, as in the app: a typo is not silently a new name.
    let campaign_row = match campaign.trim() {
        "" => None,
        name => Some(store.campaign_by_name(name).map_err(|e| {
            anyhow::anyhow!("--campaign: {e} (create it with `shoutout campaign add`)")
        })?),
    };
    let new = crate::domain::NewLink::parse(
        url,
        &owner.handle,
        owner.platform,
        medium.unwrap_or(""),
        campaign,
        content,
    )
    .map_err(flag_err)?;
    store.add_link(owner.id, campaign_row, &new)?;
    writeln!(out, "{}", new.url())?;
    Ok(())
}

/// `link delete`: after a yes, the saved link.
fn link_delete(store: &mut Store, id: i64, yes: bool, out: &mut dyn Write) -> Result<()> {
    let Some(l) = store.links()?.into_iter().find(|l| l.id == id) else {
        return Err(crate::store::StoreError::NotFound { what: "link", id }.into());
    };
    let what = format!("the link of @{}: {}", l.handle, l.url);
    delete(&what, yes, out, || store.delete_link(id))?;
    Ok(())
}

pub(super) fn channel(store: &mut Store, cmd: &ChannelCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ChannelCmd::Add { name } => {
            store.add_channel(name)?;
            let row = store.influencer_by_handle(name)?;
            writeln!(
                out,
                "added channel '{}' (also known as {}): record its spend with `cost add \
                 --channel`, give it codes with `code add CODE --influencer {}`",
                row.name, row.handle, row.handle
            )?;
        }
        ChannelCmd::List => {
            let mut rows = vec![["channel".to_string(), "handle".into()]];
            for c in store.channels()? {
                rows.push([c.name, c.handle]);
            }
            write_columns(out, &rows)?;
        }
    }
    Ok(())
}
