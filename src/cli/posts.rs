//! `shoutout post`: log a post, change it, list every field of every post (or write them as
//! CSV), delete one; through the domain's constructors and the store, as the app does.

use super::args::{CsvOut, PostArgs, PostUpdateArgs};
use super::entries::{campaign_id, delete};
use super::flag_err;
use crate::domain::NewPost;
use crate::export::lists::{self, List};
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

pub(super) fn post_list(store: &Store, csv: &CsvOut, out: &mut dyn Write) -> Result<()> {
    let list = List::new(&lists::POSTS, &store.posts()?, lists::post_cells);
    super::print_list(store, csv, &list, out)
}
