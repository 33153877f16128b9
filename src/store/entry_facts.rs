//! The facts of what the seller enters by hand (influencers, campaigns, codes, links,
//! costs, payouts, gifts, posts and events), read from their tables for [`Facts`]. A row that
//! cannot be read is named in `facts.skipped_entries` and left out.

use super::Result;
use super::entries::{INFLUENCER_COLUMNS, date_col, influencer_row, parse_col};
use crate::metrics::{
    CampaignFact, CodeFact, CostFact, EventFact, Facts, GiftFact, LinkFact, PayoutFact, PostFact,
};

/// Runs `sql` (whose first column is the row's id) and reads each row with `read`. A row that
/// cannot be read is named in `skipped` and left out: one bad row never hides the rest.
pub(super) fn read_all<T>(
    conn: &rusqlite::Connection,
    sql: &str,
    what: &str,
    skipped: &mut Vec<String>,
    mut read: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        match read(r) {
            Ok(item) => out.push(item),
            Err(e) => skipped.push(skip_note(what, r, &e)),
        }
    }
    Ok(out)
}

fn skip_note(what: &str, r: &rusqlite::Row, e: &rusqlite::Error) -> String {
    let id = r
        .get_ref(0)
        .ok()
        .and_then(|v| v.as_i64().ok())
        .map_or_else(|| "?".to_string(), |id| id.to_string());
    format!("{what} {id} was left out: it holds a value shoutout cannot read ({e})")
}

/// A count column that must be a whole number from 0 to [`crate::domain::MAX_COUNT`].
pub(super) fn count_col(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<u64>> {
    let n: Option<i64> = r.get(i)?;
    n.map(|n| {
        u64::try_from(n)
            .ok()
            .filter(|&n| n <= crate::domain::MAX_COUNT)
            .ok_or(rusqlite::Error::IntegralValueOutOfRange(i, n))
    })
    .transpose()
}

/// Who and what credits orders: influencers, campaigns, codes and links.
pub(super) fn read_roster(c: &rusqlite::Connection, facts: &mut Facts) -> Result<()> {
    let skipped = &mut facts.skipped_entries;
    facts.influencers = read_all(
        c,
        &format!("SELECT {INFLUENCER_COLUMNS} FROM influencer ORDER BY id"),
        "influencer",
        skipped,
        influencer_row,
    )?;

    facts.campaigns = read_all(
        c,
        "SELECT id, name FROM campaign ORDER BY name COLLATE NOCASE",
        "campaign",
        skipped,
        |r| {
            Ok(CampaignFact {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        },
    )?;

    facts.codes = read_all(
        c,
        "SELECT id, code_key, influencer_id, campaign_id FROM promo_code",
        "promo code",
        skipped,
        |r| {
            Ok(CodeFact {
                code: r.get(1)?,
                influencer_id: r.get(2)?,
                campaign_id: r.get(3)?,
            })
        },
    )?;

    facts.links = read_all(
        c,
        "SELECT id, influencer_id, campaign_id, utm_source FROM link WHERE utm_source <> ''",
        "link",
        skipped,
        |r| {
            Ok(LinkFact {
                influencer_id: r.get(1)?,
                campaign_id: r.get(2)?,
                utm_source: crate::domain::normalize_code(&r.get::<_, String>(3)?),
            })
        },
    )?;
    Ok(())
}

/// What she spent: costs, payouts and gifts.
pub(super) fn read_spend(c: &rusqlite::Connection, facts: &mut Facts) -> Result<()> {
    let skipped = &mut facts.skipped_entries;
    facts.costs = read_all(
        c,
        "SELECT id, influencer_id, campaign_id, kind, amount_cents, spent_on FROM cost",
        "cost",
        skipped,
        |r| {
            Ok(CostFact {
                influencer_id: r.get(1)?,
                campaign_id: r.get(2)?,
                kind: parse_col(r, 3)?,
                amount: r.get(4)?,
                date: date_col(r, 5)?,
            })
        },
    )?;

    facts.payouts = read_all(
        c,
        "SELECT id, influencer_id, amount_cents, paid_on FROM payout",
        "payout",
        skipped,
        |r| {
            Ok(PayoutFact {
                influencer_id: r.get(1)?,
                amount: r.get(2)?,
                date: date_col(r, 3)?,
            })
        },
    )?;

    facts.gifts = read_all(
        c,
        "SELECT id, influencer_id, campaign_id, given_on, item, retail_cents, cost_cents,
                shipping_cents, declined
         FROM gift",
        "gift",
        skipped,
        |r| {
            Ok(GiftFact {
                id: r.get(0)?,
                influencer_id: r.get(1)?,
                campaign_id: r.get(2)?,
                given_on: date_col(r, 3)?,
                item: r.get(4)?,
                retail: r.get(5)?,
                cost: r.get(6)?,
                shipping: r.get(7)?,
                declined: r.get(8)?,
            })
        },
    )?;
    Ok(())
}

/// What was published and what happened in the shop: posts and events.
pub(super) fn read_published(c: &rusqlite::Connection, facts: &mut Facts) -> Result<()> {
    let skipped = &mut facts.skipped_entries;
    facts.posts = read_all(
        c,
        "SELECT id, influencer_id, campaign_id, platform, posted_on, followers,
                likes, comments, shares, saves, reach, impressions, content_value_cents,
                sentiment, note
         FROM post",
        "post",
        skipped,
        |r| {
            let counts = [
                count_col(r, 6)?,
                count_col(r, 7)?,
                count_col(r, 8)?,
                count_col(r, 9)?,
            ];
            Ok(PostFact {
                id: r.get(0)?,
                influencer_id: r.get(1)?,
                campaign_id: r.get(2)?,
                platform: parse_col(r, 3)?,
                posted_on: date_col(r, 4)?,
                followers: count_col(r, 5)?.unwrap_or(0),
                engagements: crate::metrics::engagements(counts),
                reach: count_col(r, 10)?.unwrap_or(0),
                impressions: count_col(r, 11)?.unwrap_or(0),
                content_value: r.get::<_, Option<i64>>(12)?.unwrap_or(0),
                sentiment: r.get::<_, Option<String>>(13)?.and_then(|s| s.parse().ok()),
                note: r.get(14)?,
            })
        },
    )?;

    facts.events = read_all(
        c,
        "SELECT id, name, first_on, last_on FROM shop_event ORDER BY first_on",
        "event",
        skipped,
        |r| {
            Ok(EventFact {
                name: r.get(1)?,
                first: date_col(r, 2)?,
                last: date_col(r, 3)?,
            })
        },
    )?;
    Ok(())
}
