//! The built-in demo shop: a small pottery studio with six creators and eight months of
//! Shopify orders, loaded through the same library functions the CLI and TUI use.

use crate::domain::{NewCost, NewInfluencer, NewPost, ValueError, parse_count, parse_date};
use crate::import::{Format, ImportError, ImportOptions, ImportSummary, import_reader};
use crate::store::{Store, StoreError};
use std::path::Path;
use thiserror::Error;

const INFLUENCERS: &str = include_str!("../assets/demo/influencers.csv");
const COSTS: &str = include_str!("../assets/demo/costs.csv");
const POSTS: &str = include_str!("../assets/demo/posts.csv");
const ORDERS: &str = include_str!("../assets/demo/shopify_orders.csv");
const GIFTS: &str = include_str!("../assets/demo/gifts.csv");
const SETTINGS: &str = include_str!("../assets/demo/settings.csv");

/// Why the demo could not be loaded (a bug in the bundled files, or a busy database).
#[derive(Debug, Error)]
pub enum DemoError {
    #[error("demo roster, {file} line {line}: {field}: {error}")]
    Roster {
        file: &'static str,
        line: usize,
        field: &'static str,
        error: ValueError,
    },
    #[error(transparent)]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

fn rows(text: &str) -> csv::Result<Vec<csv::StringRecord>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .collect()
}

/// Loads the demo shop into `store`: influencers and their codes, costs, posts, then the
/// Shopify export. `now` is recorded on the import batch.
pub fn load(store: &mut Store, now: &str) -> Result<ImportSummary, DemoError> {
    load_roster(store, INFLUENCERS, COSTS, POSTS)?;
    load_gifts_and_settings(store)?;
    let options = ImportOptions {
        format: Format::Shopify,
        ..ImportOptions::new(now)
    };
    Ok(import_reader(
        store,
        Path::new("demo/shopify_orders.csv"),
        ORDERS.as_bytes(),
        &options,
    )?)
}

/// The demo's gifts (`handle,date,item,retail,cost,shipping`: one sent after her last post,
/// so it waits for one) and its money settings (`key,value`: a cost of goods and a payment
/// fee, so profit is known).
fn load_gifts_and_settings(store: &mut Store) -> Result<(), DemoError> {
    for (i, r) in rows(GIFTS)?.iter().enumerate() {
        let err = |field| {
            move |error| DemoError::Roster {
                file: "gifts.csv",
                line: i + 2,
                field,
                error,
            }
        };
        let id = store.influencer_by_handle(&r[0])?.id;
        let amount = |j: usize, field| crate::domain::parse_amount(&r[j]).map_err(err(field));
        let gift = crate::domain::NewGift {
            given_on: parse_date(&r[1]).map_err(err("date"))?,
            item: r[2].to_string(),
            retail: amount(3, "retail")?,
            cost: amount(4, "cost")?,
            shipping: amount(5, "shipping")?,
        };
        store.add_gift(id, &gift, None)?;
    }
    for r in rows(SETTINGS)? {
        store.set_setting(&r[0], Some(&r[1]))?;
    }
    Ok(())
}

/// Loads a roster in the demo's layout: `influencers.csv`
/// (`handle,name,platform,followers,commission_pct,codes`), `costs.csv`
/// (`handle,kind,amount,date,note`) and `posts.csv` (`handle,date,platform,followers,likes,
/// comments,shares,saves,views,reach,impressions,clicks,url`).
pub fn load_roster(
    store: &mut Store,
    influencers: &str,
    costs: &str,
    posts: &str,
) -> Result<(), DemoError> {
    let roster_err = |file, line, (field, error)| DemoError::Roster {
        file,
        line: line + 2,
        field,
        error,
    };
    for (i, r) in rows(influencers)?.iter().enumerate() {
        let new = NewInfluencer::parse(&r[0], &r[1], &r[2], &r[3], &r[4])
            .map_err(|e| roster_err("influencers.csv", i, e))?;
        let id = store.add_influencer(&new)?;
        for code in r[5].split_whitespace() {
            store.add_code(code, id, None)?;
        }
    }
    for (i, r) in rows(costs)?.iter().enumerate() {
        let id = store.influencer_by_handle(&r[0])?.id;
        let cost = NewCost::parse(&r[1], &r[2], &r[3], &r[4])
            .map_err(|e| roster_err("costs.csv", i, e))?;
        store.add_cost(id, &cost, None)?;
    }
    for (i, r) in rows(posts)?.iter().enumerate() {
        let id = store.influencer_by_handle(&r[0])?.id;
        let err = |field| move |e| roster_err("posts.csv", i, (field, e));
        let count = |j: usize, field| -> Result<Option<u64>, DemoError> {
            if r[j].is_empty() {
                Ok(None)
            } else {
                parse_count(&r[j]).map(Some).map_err(err(field))
            }
        };
        let post = NewPost {
            posted_on: parse_date(&r[1]).map_err(err("date"))?,
            platform: r[2].parse().map_err(err("platform"))?,
            followers: parse_count(&r[3]).map_err(err("followers"))?,
            likes: count(4, "likes")?,
            comments: count(5, "comments")?,
            shares: count(6, "shares")?,
            saves: count(7, "saves")?,
            views: count(8, "views")?,
            reach: count(9, "reach")?,
            impressions: count(10, "impressions")?,
            clicks: count(11, "clicks")?,
            url: r[12].to_string(),
            format: String::new(),
            content_value: None,
            sentiment: None,
            note: String::new(),
        };
        store.add_post(id, &post, None)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_loads_completely() {
        let mut store = Store::open_in_memory().unwrap();
        let summary = load(&mut store, "2026-11-22T10:00:00").unwrap();
        assert_eq!(summary.counts.invalid, 0);
        assert!(summary.counts.new > 600, "{summary}");
        assert_eq!(store.influencers().unwrap().len(), 6);
        // Codes nobody owns in the demo are the shop's own promotions.
        let unknown: Vec<&str> = summary
            .unknown_codes
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(unknown, ["WELCOME5", "SPRING10"]);
    }
}
