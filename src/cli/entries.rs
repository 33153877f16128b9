//! The commands over what the seller enters by hand: influencers, codes, costs, posts,
//! campaigns and links (add, list, delete), each through the domain's constructors and the
//! store, as the app does.

use super::args::{
    CampaignCmd, ChannelCmd, CodeCmd, CostCmd, CsvOut, InfluencerCmd, LinkCmd, PostArgs,
    PostUpdateArgs,
};
use super::{confirm, flag_err, write_columns};
use crate::domain::{NewCampaign, NewCost, NewInfluencer, NewPost, fmt2};
use crate::store::Store;
use anyhow::{Result, bail};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::io::Write;

pub(super) fn post_delete(
    store: &mut Store,
    id: i64,
    yes: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(p) = store.posts()?.into_iter().find(|p| p.id == id) else {
        return Err(crate::store::StoreError::NotFound { what: "post", id }.into());
    };
    let what = format!(
        "the {} post of @{} on {}",
        p.post.platform, p.handle, p.post.posted_on
    );
    delete(&what, yes, out, || store.delete_post(id))
}

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
fn delete(
    what: &str,
    yes: bool,
    out: &mut dyn Write,
    go: impl FnOnce() -> crate::store::Result<crate::store::Deleted>,
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
        InfluencerCmd::List => {
            let codes = store.codes()?;
            let mut rows = vec![[
                "handle".to_string(),
                "name".into(),
                "platform".into(),
                "followers".into(),
                "commission %".into(),
                "codes".into(),
            ]];
            for i in store.influencers()? {
                let mine: Vec<&str> = codes
                    .iter()
                    .filter(|c| c.handle == i.handle)
                    .map(|c| c.code.as_str())
                    .collect();
                let mut handle = format!("@{}", i.handle);
                if i.archived {
                    handle.push_str(" (archived)");
                }
                rows.push([
                    handle,
                    i.name,
                    i.platform.to_string(),
                    i.followers.to_string(),
                    i.commission_pct.normalize().to_string(),
                    mine.join(" "),
                ]);
            }
            write_columns(out, &rows)?;
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
        CodeCmd::Delete { code, yes } => {
            let c = code_row(store, code)?;
            let what = format!(
                "code {} of @{} (its orders stop counting for her)",
                c.code, c.handle
            );
            delete(&what, *yes, out, || store.delete_code(c.id))?;
        }
        CodeCmd::List => {
            let mut rows = vec![["code".to_string(), "influencer".into(), "campaign".into()]];
            for c in store.codes()? {
                rows.push([
                    c.code,
                    format!("@{}", c.handle),
                    c.campaign.unwrap_or_default(),
                ]);
            }
            write_columns(out, &rows)?;
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
        CostCmd::Delete { id, yes } => {
            let Some(c) = store.costs()?.into_iter().find(|c| c.id == *id) else {
                return Err(crate::store::StoreError::NotFound {
                    what: "cost",
                    id: *id,
                }
                .into());
            };
            let what = format!(
                "the {} of {} for @{} on {}",
                c.kind,
                fmt2(c.amount),
                c.handle,
                c.date
            );
            delete(&what, *yes, out, || store.delete_cost(*id))?;
        }
        CostCmd::List => {
            let mut rows = vec![[
                "id".to_string(),
                "date".into(),
                "influencer".into(),
                "kind".into(),
                "amount".into(),
                "note".into(),
            ]];
            for c in store.costs()? {
                rows.push([
                    c.id.to_string(),
                    c.date.to_string(),
                    format!("@{}", c.handle),
                    c.kind.to_string(),
                    fmt2(c.amount),
                    c.note,
                ]);
            }
            write_columns(out, &rows)?;
        }
    }
    Ok(())
}

pub(super) fn post_add(
    store: &mut Store,
    a: &PostArgs,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    let owner = store.influencer_by_handle(&a.influencer)?;
    let campaign = campaign_id(store, &a.fields.campaign)?;
    let mut post = NewPost::on(owner.platform, today, owner.followers);
    a.fields.apply(&mut post);
    post.check().map_err(flag_err)?;
    // The same post again (same creator, day and link) would count its engagement twice.
    if let Some(same) = store.posts()?.into_iter().find(|p| {
        p.handle == owner.handle && p.post.posted_on == post.posted_on && p.post.url == post.url
    }) {
        bail!(
            "@{} already has a post on {}{} (id {}): change it with `shoutout post update {}`, \
             or give this one its own --url",
            owner.handle,
            post.posted_on,
            if post.url.is_empty() {
                " without a link"
            } else {
                " with this link"
            },
            same.id,
            same.id
        );
    }
    store.add_post(owner.id, &post, campaign)?;
    let what = format!("logged {} post", post.platform);
    say_post(out, &what, &owner.handle, &post)
}

/// "logged instagram post of @sarah on 2026-05-02: 540 engagements, 12000 followers".
fn say_post(out: &mut dyn Write, what: &str, handle: &str, post: &NewPost) -> Result<()> {
    let engagements =
        crate::metrics::engagements([post.likes, post.comments, post.shares, post.saves]);
    writeln!(
        out,
        "{what} of @{handle} on {}: {engagements} engagements, {} followers",
        post.posted_on, post.followers
    )?;
    Ok(())
}

/// `post update ID`: the fields given replace the post's own; the rest stay.
pub(super) fn post_update(
    store: &mut Store,
    a: &PostUpdateArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let row = store.posts()?.into_iter().find(|p| p.id == a.id).ok_or(
        crate::store::StoreError::NotFound {
            what: "post",
            id: a.id,
        },
    )?;
    let handle = a.influencer.as_deref().unwrap_or(&row.handle);
    let owner = store.influencer_by_handle(handle)?;
    let campaign = match &a.fields.campaign {
        Some(_) => campaign_id(store, &a.fields.campaign)?,
        None => campaign_id(store, &row.campaign)?,
    };
    let mut post = row.post;
    a.fields.apply(&mut post);
    post.check().map_err(flag_err)?;
    store.update_post(a.id, owner.id, &post, campaign)?;
    say_post(out, &format!("updated post {}", a.id), &owner.handle, &post)
}

/// The columns of `post list` and its CSV: every field of a post, from one definition.
const POST_COLUMNS: [&str; 19] = [
    "id",
    "date",
    "influencer",
    "platform",
    "format",
    "url",
    "followers",
    "likes",
    "comments",
    "shares",
    "saves",
    "views",
    "reach",
    "impressions",
    "clicks",
    "campaign",
    "content_value",
    "sentiment",
    "note",
];

/// A post's cells in [`POST_COLUMNS`] order; empty where a value was not given.
fn post_cells(p: &crate::store::PostRow) -> [String; 19] {
    let n = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
    let post = &p.post;
    [
        p.id.to_string(),
        post.posted_on.to_string(),
        p.handle.clone(),
        post.platform.to_string(),
        post.format.clone(),
        post.url.clone(),
        post.followers.to_string(),
        n(post.likes),
        n(post.comments),
        n(post.shares),
        n(post.saves),
        n(post.views),
        n(post.reach),
        n(post.impressions),
        n(post.clicks),
        p.campaign.clone().unwrap_or_default(),
        post.content_value.map_or(String::new(), fmt2),
        post.sentiment.map_or("", |s| s.as_str()).to_string(),
        post.note.clone(),
    ]
}

pub(super) fn post_list(store: &Store, csv: &CsvOut, out: &mut dyn Write) -> Result<()> {
    let posts = store.posts()?;
    super::write_report(
        store,
        csv.csv.as_deref(),
        csv.force,
        posts.len(),
        out,
        |w| {
            super::write_rows(
                w,
                POST_COLUMNS,
                posts
                    .iter()
                    .map(|p| post_cells(p).map(|c| crate::export::neutralize(&c))),
            )
        },
        || {
            let mut rows = vec![POST_COLUMNS.map(|h| h.replace('_', " "))];
            rows.extend(posts.iter().map(|p| {
                let mut cells = post_cells(p).map(|c| {
                    let shown = if c.is_empty() { "—".to_string() } else { c };
                    crate::domain::excerpt(&shown, 40)
                });
                cells[2] = format!("@{}", cells[2]);
                cells
            }));
            let mut table = Vec::new();
            let _ = write_columns(&mut table, &rows);
            String::from_utf8_lossy(&table).into_owned()
        },
    )
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
        } => {
            let row = campaign_row(store, name)?;
            store.set_campaign_targets(
                row.id,
                budget.or(row.budget),
                &targets.over(row.targets),
            )?;
            writeln!(out, "updated the targets of campaign '{}'", row.name)?;
        }
        CampaignCmd::Show { name } => {
            let row = campaign_row(store, name)?;
            let facts = store.load_facts()?;
            let progress = crate::metrics::campaign_progress(&facts, &row.plan(), today);
            writeln!(out, "Campaign {}", crate::domain::visible(&row.name))?;
            for line in crate::export::campaign_lines(&row.goal, &progress) {
                writeln!(out, "{line}")?;
            }
        }
        CampaignCmd::List => {
            let mut rows = vec![[
                "name".to_string(),
                "goal".into(),
                "start".into(),
                "end".into(),
                "budget".into(),
            ]];
            let d = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
            for c in store.campaigns()? {
                rows.push([
                    c.name,
                    c.goal,
                    d(c.starts_on),
                    d(c.ends_on),
                    c.budget.map(fmt2).unwrap_or_default(),
                ]);
            }
            write_columns(out, &rows)?;
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
                medium.as_deref().unwrap_or(""),
                campaign,
                content,
            )
            .map_err(flag_err)?;
            store.add_link(owner.id, campaign_row, &new)?;
            writeln!(out, "{}", new.url())?;
        }
        LinkCmd::Delete { id, yes } => {
            let Some(l) = store.links()?.into_iter().find(|l| l.id == *id) else {
                return Err(crate::store::StoreError::NotFound {
                    what: "link",
                    id: *id,
                }
                .into());
            };
            let what = format!("the link of @{}: {}", l.handle, l.url);
            delete(&what, *yes, out, || store.delete_link(*id))?;
        }
        LinkCmd::List => {
            let mut rows = vec![["id".to_string(), "influencer".into(), "link".into()]];
            for l in store.links()? {
                rows.push([l.id.to_string(), format!("@{}", l.handle), l.url]);
            }
            write_columns(out, &rows)?;
        }
    }
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
