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

    /// Sets a setting (or removes it with `None`).
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, v],
            )?,
            None => self
                .conn
                .execute("DELETE FROM settings WHERE key = ?1", [key])?,
        };
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

    /// The usual engagement range of each tier: the settings, else the defaults.
    pub fn engagement_ranges(&self) -> Result<crate::metrics::EngagementRanges> {
        use crate::domain::settings::{ENG_MACRO, ENG_MEGA, ENG_MICRO, ENG_NANO, parse_range};
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
        })
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
