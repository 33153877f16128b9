//! The post form: log a post, or update its numbers (the weekly "update recent posts").

use super::{CAMPAIGN, FieldError, INFLUENCER, campaign, campaign_choices, handles};
use super::{Edit, Seen};
use crate::domain::{NewPost, Platform, ValueError, parse_count, parse_date};
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const DATE: FieldKey = FieldKey("date");
const PLATFORM: FieldKey = FieldKey("platform");
const FOLLOWERS: FieldKey = FieldKey("followers");
const URL: FieldKey = FieldKey("url");
const CONTENT_VALUE: FieldKey = FieldKey("content-value");
const SENTIMENT: FieldKey = FieldKey("sentiment");
const NOTE: FieldKey = FieldKey("note");
/// The platform choice that means "the influencer's own".
const THEIRS: &str = "(influencer's)";

/// A count's field: key, label, and where it lives in a post.
type CountField = (FieldKey, &'static str, fn(&NewPost) -> Option<u64>);

/// The counts of a post, each with its field.
const COUNTS: [CountField; 8] = [
    (FieldKey("likes"), "Likes", |p| p.likes),
    (FieldKey("comments"), "Comments", |p| p.comments),
    (FieldKey("shares"), "Shares", |p| p.shares),
    (FieldKey("saves"), "Saves", |p| p.saves),
    (FieldKey("views"), "Views", |p| p.views),
    (FieldKey("reach"), "Reach", |p| p.reach),
    (FieldKey("impressions"), "Impressions", |p| p.impressions),
    (FieldKey("clicks"), "Clicks", |p| p.clicks),
];

/// The form, for the creator `who` (`@handle`) today, or filled with post `id` for an
/// update.
pub(crate) fn build(ctx: &Seen, id: Option<i64>, who: &str) -> Form {
    let row = id.and_then(|id| ctx.lists.posts.iter().find(|r| r.id == id));
    let n = |f: fn(&NewPost) -> Option<u64>| {
        row.and_then(|r| f(&r.post))
            .map_or(String::new(), |v| v.to_string())
    };
    let owner = row.map_or(who.to_string(), |r| format!("@{}", r.handle));
    let platforms = std::iter::once(THEIRS.to_string())
        .chain(Platform::ALL.iter().map(|p| p.to_string()))
        .collect();
    let mut fields = vec![
        Field::choice(INFLUENCER, "Influencer", handles(ctx), &owner),
        Field::text(
            DATE,
            "Date",
            &row.map_or(ctx.today.to_string(), |r| r.post.posted_on.to_string()),
            "YYYY-MM-DD",
        )
        .checked(checks::date),
        Field::choice(
            PLATFORM,
            "Platform",
            platforms,
            &row.map_or(THEIRS.into(), |r| r.post.platform.to_string()),
        ),
        Field::text(
            FOLLOWERS,
            "Followers",
            &n(|p| Some(p.followers)),
            "at post time; blank = the influencer's count",
        )
        .checked(checks::count),
    ];
    for (key, label, get) in COUNTS {
        fields.push(Field::text(key, label, &n(get), "").checked(checks::count));
    }
    fields.extend(words_fields(row));
    fields.push(Field::choice(
        CAMPAIGN,
        "Campaign",
        campaign_choices(ctx),
        &row.and_then(|r| r.campaign.clone()).unwrap_or_default(),
    ));
    Form::new(
        FormKind::Post { id },
        if row.is_some() {
            "Update post"
        } else {
            "Log a post"
        },
        fields,
    )
}

/// The fields of what she posted and what it brought besides counts: its address, what
/// reusing it saved, how people took it, and a note.
fn words_fields(row: Option<&crate::store::PostRow>) -> Vec<Field> {
    vec![
        Field::text(
            URL,
            "URL",
            &row.map_or(String::new(), |r| r.post.url.clone()),
            "optional",
        ),
        Field::text(
            CONTENT_VALUE,
            "Content value",
            &row.and_then(|r| r.post.content_value)
                .map_or(String::new(), crate::domain::fmt2),
            "what reusing her content saved (optional)",
        )
        .checked(checks::amount),
        Field::choice(
            SENTIMENT,
            "Sentiment",
            ["", "positive", "neutral", "negative"]
                .map(String::from)
                .to_vec(),
            row.and_then(|r| r.post.sentiment)
                .map_or("", |s| s.as_str()),
        ),
        Field::text(
            NOTE,
            "Note",
            &row.map_or(String::new(), |r| r.post.note.clone()),
            "what people said (optional)",
        ),
    ]
}

/// Saves the post (a new one, or `id` updated).
pub(crate) fn submit(ctx: &mut Edit, id: Option<i64>, form: &Form) -> Result<String, FieldError> {
    let who = super::influencer(ctx, form)?;
    let count = |key: FieldKey| -> Result<Option<u64>, FieldError> {
        match form.value(key) {
            "" => Ok(None),
            v => parse_count(v).map(Some).map_err(|e| (key.0, e.to_string())),
        }
    };
    let [
        likes,
        comments,
        shares,
        saves,
        views,
        reach,
        impressions,
        clicks,
    ] = COUNTS.map(|(key, _, _)| count(key));
    let post = NewPost {
        platform: match form.value(PLATFORM) {
            THEIRS | "" => who.platform,
            p => p
                .parse()
                .map_err(|e: ValueError| (PLATFORM.0, e.to_string()))?,
        },
        posted_on: parse_date(form.value(DATE)).map_err(|e| (DATE.0, e.to_string()))?,
        followers: count(FOLLOWERS)?.unwrap_or(who.followers),
        likes: likes?,
        comments: comments?,
        shares: shares?,
        saves: saves?,
        views: views?,
        reach: reach?,
        impressions: impressions?,
        clicks: clicks?,
        url: form.value(URL).to_string(),
        format: row_format(&*ctx, id),
        content_value: match form.value(CONTENT_VALUE) {
            "" => None,
            v => {
                Some(crate::domain::parse_amount(v).map_err(|e| (CONTENT_VALUE.0, e.to_string()))?)
            }
        },
        sentiment: match form.value(SENTIMENT) {
            "" => None,
            v => Some(
                v.parse()
                    .map_err(|e: ValueError| (SENTIMENT.0, e.to_string()))?,
            ),
        },
        note: form.value(NOTE).trim().to_string(),
    };
    post.check().map_err(super::field_err)?;
    let warnings = surprises(&*ctx, id, &post);
    if !warnings.is_empty() && form.armed.as_deref() != Some(form.signature().as_str()) {
        return Err((
            super::CONFIRM,
            format!("{}. Enter again to save anyway.", warnings.join("; ")),
        ));
    }
    let campaign = campaign(ctx, form)?;
    let stored = match id {
        Some(id) => ctx.store.update_post(id, who.id, &post, campaign),
        None => ctx.store.add_post(who.id, &post, campaign).map(|_| ()),
    };
    stored.map_err(|e| (DATE.0, e.to_string()))?;
    Ok(match id {
        Some(_) => format!("updated the post of @{}", who.handle),
        None => format!("logged a post of @{}", who.handle),
    })
}

/// What looks like a typing slip: a count that changes more than tenfold from the post's
/// stored one, or an engagement rate over 100 %.
fn surprises<S>(ctx: &super::Ctx<S>, id: Option<i64>, post: &NewPost) -> Vec<String> {
    let mut out = Vec::new();
    let old = id.and_then(|id| ctx.lists.posts.iter().find(|r| r.id == id));
    if let Some(old) = old {
        for (key, _, get) in COUNTS {
            if let (Some(was), Some(now)) = (get(&old.post), get(post))
                && was > 0
                && (now > was.saturating_mul(10) || now.saturating_mul(10) < was)
            {
                out.push(format!("{} went from {was} to {now}", key.0));
            }
        }
    }
    let engagements =
        crate::metrics::engagements([post.likes, post.comments, post.shares, post.saves]);
    if post.followers > 0 && engagements > post.followers {
        out.push(format!(
            "{engagements} engagements on {} followers is over 100 %",
            post.followers
        ));
    }
    out
}

/// The format a post being updated already has (the form does not edit it).
fn row_format<S>(ctx: &super::Ctx<S>, id: Option<i64>) -> String {
    id.and_then(|id| ctx.lists.posts.iter().find(|r| r.id == id))
        .map_or(String::new(), |r| r.post.format.clone())
}
