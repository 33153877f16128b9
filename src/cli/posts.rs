//! `shoutout post`: log a post, change it, list every field of every post (or write them as
//! CSV), delete one; through the domain's constructors and the store, as the app does.

use super::args::{CsvOut, PostArgs, PostUpdateArgs};
use super::entries::{campaign_id, delete};
use super::flag_err;
use crate::domain::{NewPost, fmt2};
use crate::store::Store;
use anyhow::{Result, bail};
use chrono::NaiveDate;
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
    let rows: Vec<[String; POST_COLUMNS.len()]> = store.posts()?.iter().map(post_cells).collect();
    super::write_list(
        store,
        csv,
        POST_COLUMNS,
        &rows,
        |row| {
            let mut cells = row.clone().map(|c| {
                let shown = if c.is_empty() { "—".to_string() } else { c };
                crate::domain::excerpt(&shown, 40)
            });
            cells[2] = format!("@{}", cells[2]);
            cells
        },
        out,
    )
}
