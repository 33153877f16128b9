//! What creators published and how it is tracked, as the seller enters it: posts with their
//! counts, tracking links, and campaigns.

use super::entries::{amount_cents, checked, date_col, date_sql, parse_col};
use super::{Deleted, Result, Store, StoreError, is_unique_violation};
use crate::domain::{NewCampaign, NewPost, from_cents};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, named_params, params};
use rust_decimal::Decimal;

/// A saved tracking link with its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRow {
    pub id: i64,
    pub handle: String,
    pub url: String,
}

/// A post with its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRow {
    pub id: i64,
    pub handle: String,
    pub post: NewPost,
    pub campaign: Option<String>,
}

impl CampaignRow {
    /// What the campaign's progress is measured against.
    pub fn plan(&self) -> crate::metrics::CampaignPlan {
        crate::metrics::CampaignPlan {
            id: self.id,
            goal: self
                .goal
                .parse()
                .unwrap_or(crate::domain::CampaignGoal::Sales),
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            budget: self.budget,
            targets: self.targets,
        }
    }
}

/// A campaign's targets as stored: revenue in cents, then the counts (each at most
/// [`crate::domain::MAX_COUNT`]).
fn target_cells(t: &crate::domain::CampaignTargets) -> Result<[Option<i64>; 5]> {
    let count = |field, n: Option<u64>| -> Result<Option<i64>> {
        n.map(|n| {
            crate::domain::check_count(field, n)
                .map(|n| n as i64)
                .map_err(|(field, error)| super::StoreError::Invalid { field, error })
        })
        .transpose()
    };
    Ok([
        t.revenue.map(|r| amount_cents("revenue", r)).transpose()?,
        count("orders", t.orders)?,
        count("new customers", t.new_customers)?,
        count("reach", t.reach)?,
        count("impressions", t.impressions)?,
    ])
}

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignRow {
    pub id: i64,
    pub name: String,
    pub goal: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget: Option<Decimal>,
    pub targets: crate::domain::CampaignTargets,
}

/// A commission payout with its creator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutRow {
    pub id: i64,
    pub handle: String,
    pub amount: Decimal,
    pub date: NaiveDate,
    pub note: String,
}

impl Store {
    /// Records a commission payout to a creator (a settlement, never a second cost).
    pub fn add_payout(
        &mut self,
        influencer_id: i64,
        amount: Decimal,
        date: NaiveDate,
        note: &str,
    ) -> Result<i64> {
        let cents = amount_cents("amount", amount)?;
        self.conn.execute(
            "INSERT INTO payout (influencer_id, amount_cents, paid_on, note) VALUES (?1, ?2, ?3, ?4)",
            params![influencer_id, cents, date_sql(date), note.trim()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every payout, newest first.
    pub fn payouts(&self) -> Result<Vec<PayoutRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, i.handle, p.amount_cents, p.paid_on, p.note
             FROM payout p JOIN influencer i ON i.id = p.influencer_id
             ORDER BY p.paid_on DESC, p.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PayoutRow {
                id: r.get(0)?,
                handle: r.get(1)?,
                amount: from_cents(r.get(2)?),
                date: date_col(r, 3)?,
                note: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Logs a post of an influencer.
    pub fn add_post(
        &mut self,
        influencer_id: i64,
        post: &NewPost,
        campaign_id: Option<i64>,
    ) -> Result<i64> {
        self.write_post(
            "INSERT INTO post (id, influencer_id, campaign_id, platform, posted_on, format, url,
                               followers, impressions, reach, views, likes, comments, shares,
                               saves, clicks, content_value_cents, sentiment, note)
             VALUES (:id, :influencer, :campaign, :platform, :posted_on, :format, :url,
                     :followers, :impressions, :reach, :views, :likes, :comments, :shares,
                     :saves, :clicks, :content_value, :sentiment, :note)",
            None,
            influencer_id,
            post,
            campaign_id,
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Updates a post's counts and details (the weekly "update recent posts" step).
    pub fn update_post(
        &mut self,
        id: i64,
        influencer_id: i64,
        post: &NewPost,
        campaign_id: Option<i64>,
    ) -> Result<()> {
        self.write_post(
            "UPDATE post SET influencer_id = :influencer, campaign_id = :campaign,
                    platform = :platform, posted_on = :posted_on, format = :format, url = :url,
                    followers = :followers, impressions = :impressions, reach = :reach,
                    views = :views, likes = :likes, comments = :comments, shares = :shares,
                    saves = :saves, clicks = :clicks, content_value_cents = :content_value,
                    sentiment = :sentiment, note = :note
             WHERE id = :id",
            Some(id),
            influencer_id,
            post,
            campaign_id,
        )
    }

    fn write_post(
        &mut self,
        sql: &str,
        id: Option<i64>,
        influencer_id: i64,
        post: &NewPost,
        campaign_id: Option<i64>,
    ) -> Result<()> {
        post.check().map_err(checked)?;
        let content_value = post
            .content_value
            .map(|v| amount_cents("content value", v))
            .transpose()?;
        self.conn.execute(
            sql,
            named_params! {
                ":id": id,
                ":influencer": influencer_id,
                ":campaign": campaign_id,
                ":platform": post.platform.as_str(),
                ":posted_on": date_sql(post.posted_on),
                ":format": post.format,
                ":url": post.url,
                ":followers": post.followers,
                ":impressions": post.impressions,
                ":reach": post.reach,
                ":views": post.views,
                ":likes": post.likes,
                ":comments": post.comments,
                ":shares": post.shares,
                ":saves": post.saves,
                ":clicks": post.clicks,
                ":content_value": content_value,
                ":sentiment": post.sentiment.map(|s| s.as_str()),
                ":note": post.note.trim(),
            },
        )?;
        Ok(())
    }

    /// All posts, newest first.
    pub fn posts(&self) -> Result<Vec<PostRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, i.handle, p.platform, p.posted_on, p.format, p.url, p.followers,
                    p.impressions, p.reach, p.views, p.likes, p.comments, p.shares, p.saves,
                    p.clicks, k.name, p.content_value_cents, p.sentiment, p.note
             FROM post p JOIN influencer i ON i.id = p.influencer_id
             LEFT JOIN campaign k ON k.id = p.campaign_id
             ORDER BY p.posted_on DESC, p.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PostRow {
                id: r.get(0)?,
                handle: r.get(1)?,
                post: NewPost {
                    platform: parse_col(r, 2)?,
                    posted_on: date_col(r, 3)?,
                    format: r.get(4)?,
                    url: r.get(5)?,
                    followers: r.get(6)?,
                    impressions: r.get(7)?,
                    reach: r.get(8)?,
                    views: r.get(9)?,
                    likes: r.get(10)?,
                    comments: r.get(11)?,
                    shares: r.get(12)?,
                    saves: r.get(13)?,
                    clicks: r.get(14)?,
                    content_value: r.get::<_, Option<i64>>(16)?.map(from_cents),
                    sentiment: r.get::<_, Option<String>>(17)?.and_then(|s| s.parse().ok()),
                    note: r.get(18)?,
                },
                campaign: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a post (its engagement stops counting at once).
    pub fn delete_post(&mut self, id: i64) -> Result<Deleted> {
        self.delete_row("post", "post", id)
    }

    /// Deletes a saved tracking link (orders it brought keep their `utm_source`; they stop
    /// being credited through it).
    pub fn delete_link(&mut self, id: i64) -> Result<Deleted> {
        self.delete_row("link", "link", id)
    }

    /// Saves a tracking link (built by [`NewLink::url`]).
    pub fn add_link(
        &mut self,
        influencer_id: i64,
        campaign_id: Option<i64>,
        link: &crate::domain::NewLink,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO link (influencer_id, campaign_id, base_url, utm_source, utm_medium,
                               utm_campaign, utm_content, url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                influencer_id,
                campaign_id,
                link.base_url,
                link.source,
                link.medium,
                link.campaign,
                link.content,
                link.url()
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// All saved links as (handle, url), newest first.
    pub fn links(&self) -> Result<Vec<LinkRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT l.id, i.handle, l.url FROM link l JOIN influencer i ON i.id = l.influencer_id
             ORDER BY l.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(LinkRow {
                id: r.get(0)?,
                handle: r.get(1)?,
                url: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Creates a campaign.
    pub fn add_campaign(&mut self, new: &NewCampaign) -> Result<i64> {
        let budget = new.budget.map(|b| amount_cents("budget", b)).transpose()?;
        let [revenue, orders, new_customers, reach, impressions] = target_cells(&new.targets)?;
        self.conn
            .execute(
                "INSERT INTO campaign (name, goal, starts_on, ends_on, budget_cents,
                    target_revenue_cents, target_orders, target_new_customers, target_reach,
                    target_impressions)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    new.name.trim(),
                    new.goal.as_str(),
                    new.starts_on.map(date_sql),
                    new.ends_on.map(date_sql),
                    budget,
                    revenue,
                    orders,
                    new_customers,
                    reach,
                    impressions
                ],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::DuplicateCampaign(new.name.trim().to_string())
                } else {
                    e.into()
                }
            })?;
        Ok(self.conn.last_insert_rowid())
    }

    /// All campaigns, by name.
    pub fn campaigns(&self) -> Result<Vec<CampaignRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, goal, starts_on, ends_on, budget_cents, target_revenue_cents,
                    target_orders, target_new_customers, target_reach, target_impressions
             FROM campaign ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            let opt_date = |i| -> rusqlite::Result<Option<NaiveDate>> {
                match r.get::<_, Option<String>>(i)? {
                    Some(_) => date_col(r, i).map(Some),
                    None => Ok(None),
                }
            };
            Ok(CampaignRow {
                id: r.get(0)?,
                name: r.get(1)?,
                goal: r.get(2)?,
                starts_on: opt_date(3)?,
                ends_on: opt_date(4)?,
                budget: r.get::<_, Option<i64>>(5)?.map(from_cents),
                targets: crate::domain::CampaignTargets {
                    revenue: r.get::<_, Option<i64>>(6)?.map(from_cents),
                    orders: r.get::<_, Option<u64>>(7)?,
                    new_customers: r.get::<_, Option<u64>>(8)?,
                    reach: r.get::<_, Option<u64>>(9)?,
                    impressions: r.get::<_, Option<u64>>(10)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces a campaign's budget and targets (`None`: not set).
    pub fn set_campaign_targets(
        &mut self,
        id: i64,
        budget: Option<Decimal>,
        t: &crate::domain::CampaignTargets,
    ) -> Result<()> {
        let budget = budget.map(|b| amount_cents("budget", b)).transpose()?;
        let [revenue, orders, new_customers, reach, impressions] = target_cells(t)?;
        self.conn.execute(
            "UPDATE campaign SET budget_cents = ?2, target_revenue_cents = ?3,
                target_orders = ?4, target_new_customers = ?5, target_reach = ?6,
                target_impressions = ?7
             WHERE id = ?1",
            params![
                id,
                budget,
                revenue,
                orders,
                new_customers,
                reach,
                impressions
            ],
        )?;
        Ok(())
    }

    /// The campaign with this name (any letter case).
    pub fn campaign_by_name(&self, name: &str) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT id FROM campaign WHERE name = ?1 COLLATE NOCASE",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownCampaign(name.trim().to_string()))
    }
}
