//! Loading the [`Facts`] the metrics compute from, in a few straight scans.

use super::entries::{date_col, parse_col};
use super::{Result, Store};
use crate::domain::FinancialStatus;
use crate::metrics::{
    CampaignFact, CodeFact, CostFact, Facts, InfluencerFact, LinkFact, OrderFact, PostFact,
};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Customer numbers are already the bits of a SHA-256: hashing them again is wasted work.
#[derive(Default)]
struct NumberHasher(u64);

impl Hasher for NumberHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_i64(&mut self, n: i64) {
        self.0 = n as u64;
    }
}

impl Store {
    /// Reads everything the scorecard needs. Orders come with their codes interned, so a
    /// shop with hundreds of thousands of orders stays compact in memory.
    pub fn load_facts(&self) -> Result<Facts> {
        let mut facts = Facts::default();
        self.load_entries(&mut facts)?;
        self.load_orders(&mut facts)?;
        Ok(facts)
    }

    /// Reads again what the seller enters by hand (influencers, campaigns, codes, costs,
    /// posts, links), keeping the orders: a save in the app needs no re-read of the orders.
    pub fn load_entries(&self, facts: &mut Facts) -> Result<()> {
        let c = &self.conn;

        let mut stmt = c.prepare(
            "SELECT id, handle, name, platform, followers, commission_bp, archived
             FROM influencer ORDER BY id",
        )?;
        facts.influencers = stmt
            .query_map([], |r| {
                Ok(InfluencerFact {
                    id: r.get(0)?,
                    handle: r.get(1)?,
                    name: r.get(2)?,
                    platform: parse_col(r, 3)?,
                    followers: r.get(4)?,
                    commission_pct: crate::domain::from_cents(r.get(5)?),
                    archived: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt = c.prepare("SELECT id, name FROM campaign ORDER BY name COLLATE NOCASE")?;
        facts.campaigns = stmt
            .query_map([], |r| {
                Ok(CampaignFact {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt = c.prepare("SELECT code_key, influencer_id, campaign_id FROM promo_code")?;
        facts.codes = stmt
            .query_map([], |r| {
                Ok(CodeFact {
                    code: r.get(0)?,
                    influencer_id: r.get(1)?,
                    campaign_id: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt =
            c.prepare("SELECT influencer_id, campaign_id, kind, amount_cents, spent_on FROM cost")?;
        facts.costs = stmt
            .query_map([], |r| {
                Ok(CostFact {
                    influencer_id: r.get(0)?,
                    campaign_id: r.get(1)?,
                    kind: parse_col(r, 2)?,
                    amount: r.get(3)?,
                    date: date_col(r, 4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt = c.prepare(
            "SELECT id, influencer_id, campaign_id, platform, posted_on, followers,
                    COALESCE(likes, 0) + COALESCE(comments, 0) + COALESCE(shares, 0)
                        + COALESCE(saves, 0)
             FROM post",
        )?;
        facts.posts = stmt
            .query_map([], |r| {
                Ok(PostFact {
                    id: r.get(0)?,
                    influencer_id: r.get(1)?,
                    campaign_id: r.get(2)?,
                    platform: parse_col(r, 3)?,
                    posted_on: date_col(r, 4)?,
                    followers: r.get(5)?,
                    engagements: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt = c.prepare(
            "SELECT influencer_id, campaign_id, utm_source FROM link WHERE utm_source <> ''",
        )?;
        facts.links = stmt
            .query_map([], |r| {
                Ok(LinkFact {
                    influencer_id: r.get(0)?,
                    campaign_id: r.get(1)?,
                    utm_source: crate::domain::normalize_code(&r.get::<_, String>(2)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        Ok(())
    }

    /// Reads every order again (after an import, an undo or a restore).
    pub fn load_orders(&self, facts: &mut Facts) -> Result<()> {
        let c = &self.conn;
        facts.orders.clear();
        facts.order_code_names.clear();
        facts.order_utm_names.clear();
        // Orders, with their codes interned: a shop has few distinct codes.
        let mut code_ids: HashMap<String, u32> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT id, placed_at, number, placed_on, customer, status, cancelled,
                    subtotal_cents, refunded_cents, customer_new, gift, utm_source, codes
             FROM shop_order ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut statuses: HashMap<String, FinancialStatus> = HashMap::new();
        let mut utm_ids: HashMap<String, u32> = HashMap::new();
        let mut customers: HashMap<i64, u32, BuildHasherDefault<NumberHasher>> = HashMap::default();
        while let Some(r) = rows.next()? {
            let codes: Box<[u32]> = r
                .get_ref(12)?
                .as_str()?
                .split('\n')
                .filter(|c| !c.is_empty())
                .map(|code| match code_ids.get(code) {
                    Some(&id) => id,
                    None => {
                        let id = facts.order_code_names.len() as u32;
                        facts.order_code_names.push(code.to_string());
                        code_ids.insert(code.to_string(), id);
                        id
                    }
                })
                .collect();
            let status_text = r.get_ref(5)?.as_str()?;
            let status = match statuses.get(status_text) {
                Some(s) => *s,
                None => {
                    let s = FinancialStatus::from_name(status_text);
                    statuses.insert(status_text.to_string(), s);
                    s
                }
            };
            let days: i32 = r.get(3)?;
            let utm_source = match r.get_ref(11)?.as_str_or_null()? {
                None => None,
                Some(u) => Some(match utm_ids.get(u) {
                    Some(&id) => id,
                    None => {
                        let id = facts.order_utm_names.len() as u32;
                        facts.order_utm_names.push(u.to_string());
                        utm_ids.insert(u.to_string(), id);
                        id
                    }
                }),
            };
            facts.orders.push(OrderFact {
                placed_at: r.get(1)?,
                number: r.get(2)?,
                placed_on: NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default(),
                customer: r.get::<_, Option<i64>>(4)?.map(|c| {
                    let next = customers.len() as u32;
                    *customers.entry(c).or_insert(next)
                }),
                status,
                cancelled: r.get(6)?,
                subtotal: r.get(7)?,
                refunded: r.get(8)?,
                codes,
                customer_new: r.get(9)?,
                gift: r.get(10)?,
                utm_source,
            });
        }
        Ok(())
    }
}
