//! The shop's settings (currency, money settings, tiers) and saved column mappings, stored
//! as key and value.

use super::{Result, Store};
use rusqlite::OptionalExtension;

impl Store {
    /// A setting stored in the database (e.g. the shop's currency).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a setting (or removes it with `None`). The window of lifetime value sums the
    /// cohorts again under it, in the same transaction.
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        let tx = self.conn.transaction()?;
        match value {
            Some(v) => tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, v],
            )?,
            None => tx.execute("DELETE FROM settings WHERE key = ?1", [key])?,
        };
        if key == crate::domain::settings::LTV_DAYS {
            super::cohorts::rebuild(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The refund hold in days, as set or by default.
    pub fn hold_days(&self) -> Result<u32> {
        use crate::domain::settings::{DEFAULT_HOLD_DAYS, REFUND_HOLD_DAYS};
        Ok(self
            .setting(REFUND_HOLD_DAYS)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_HOLD_DAYS))
    }

    /// The follower tiers, as set or by default.
    pub fn tiers(&self) -> Result<crate::metrics::Tiers> {
        use crate::domain::settings::{TIER_MACRO, TIER_MEGA, TIER_MICRO};
        let read = |key: &str, default: u64| -> Result<u64> {
            Ok(self
                .setting(key)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(default))
        };
        let d = crate::metrics::Tiers::default();
        Ok(crate::metrics::Tiers {
            micro: read(TIER_MICRO, d.micro)?,
            macro_: read(TIER_MACRO, d.macro_)?,
            mega: read(TIER_MEGA, d.mega)?,
        })
    }

    /// Days without a post before a gift needs a follow-up: the setting, else 21.
    pub fn follow_up_days(&self) -> Result<i64> {
        Ok(self
            .setting(crate::domain::settings::GIFT_FOLLOW_UP_DAYS)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(crate::metrics::DEFAULT_FOLLOW_UP_DAYS))
    }

    /// The usual engagement range of each tier: the settings, else the defaults.
    pub fn engagement_ranges(&self) -> Result<crate::metrics::EngagementRanges> {
        use crate::domain::settings::{
            ENG_MACRO, ENG_MEGA, ENG_MICRO, ENG_NANO, ENG_PLATFORMS, parse_range, parse_tier_ranges,
        };
        let d = crate::metrics::EngagementRanges::default();
        let read = |key: &str, default| -> Result<_> {
            Ok(self
                .setting(key)?
                .and_then(|v| parse_range(&v).ok())
                .unwrap_or(default))
        };
        Ok(crate::metrics::EngagementRanges {
            nano: read(ENG_NANO, d.nano)?,
            micro: read(ENG_MICRO, d.micro)?,
            macro_: read(ENG_MACRO, d.macro_)?,
            mega: read(ENG_MEGA, d.mega)?,
            platforms: {
                let mut platforms = d.platforms;
                for (key, (_, ranges)) in ENG_PLATFORMS.iter().zip(&mut platforms) {
                    if let Some(set) = self.setting(key)?.and_then(|v| parse_tier_ranges(&v).ok()) {
                        *ranges = set;
                    }
                }
                platforms
            },
        })
    }

    /// What the app knew when it last opened, and when (`None`: never, or unreadable).
    pub fn last_session(&self) -> Result<Option<(String, crate::metrics::Snapshot)>> {
        let Some(text) = self.setting(LAST_SESSION)? else {
            return Ok(None);
        };
        Ok(read_snapshot(&text))
    }

    /// Keeps what the app knows now, for the next opening.
    pub fn save_session(&mut self, at: &str, snapshot: &crate::metrics::Snapshot) -> Result<()> {
        let creators: Vec<serde_json::Value> = snapshot
            .creators
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id,
                    "handle": c.handle,
                    // Exact decimals, as text.
                    "orders": c.orders.to_string(),
                    "revenue": c.revenue.to_string(),
                    "new_customers": c.new_customers.to_string(),
                    "losing": c.losing,
                })
            })
            .collect();
        let value = serde_json::json!({
            "at": at,
            "creators": creators,
            "flags": snapshot.flags,
        });
        self.set_setting(LAST_SESSION, Some(&value.to_string()))
    }

    /// The column mapping saved for a header, as TOML.
    pub fn saved_mapping(&self, header_key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT mapping FROM csv_mapping WHERE header_key = ?1",
                [header_key],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// The setting that keeps the app's last [`crate::metrics::Snapshot`] (JSON).
const LAST_SESSION: &str = "last_session";

/// Reads what [`Store::save_session`] wrote; `None` when it cannot.
fn read_snapshot(text: &str) -> Option<(String, crate::metrics::Snapshot)> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let dec = |c: &serde_json::Value, k: &str| c.get(k)?.as_str()?.parse().ok();
    let creators = v
        .get("creators")?
        .as_array()?
        .iter()
        .map(|c| {
            Some(crate::metrics::CreatorTotals {
                id: c.get("id")?.as_i64()?,
                handle: c.get("handle")?.as_str()?.to_string(),
                orders: dec(c, "orders")?,
                revenue: dec(c, "revenue")?,
                new_customers: dec(c, "new_customers")?,
                losing: c.get("losing")?.as_bool()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let flags = v
        .get("flags")?
        .as_array()?
        .iter()
        .map(|f| f.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()?;
    Some((
        v.get("at")?.as_str()?.to_string(),
        crate::metrics::Snapshot { creators, flags },
    ))
}
