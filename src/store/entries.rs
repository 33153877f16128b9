//! What the seller enters by hand about creators: influencers and promo codes (costs are in
//! `costs.rs`; posts, links and campaigns in `published.rs`), and the column helpers all use.

use super::{Deleted, Result, Store, StoreError, is_unique_violation};
use crate::domain::{NewInfluencer, ValueError, from_cents, normalize_code, to_cents};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, named_params, params};
use rust_decimal::Decimal;

/// An influencer as stored: the metrics' own shape, read by [`influencer_row`].
pub type InfluencerRow = crate::metrics::InfluencerFact;

/// A promo code with its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRow {
    pub id: i64,
    pub code: String,
    pub handle: String,
    pub campaign: Option<String>,
}

/// Commission percent → hundredths of a percent, exactly (`parse_percent` allows 2 decimals).
/// A percent (0–100, at most 2 decimals) as basis points; anything else is refused.
fn pct_to_bp(pct: Decimal) -> Result<i64> {
    if pct < Decimal::ZERO || pct > Decimal::ONE_HUNDRED {
        return Err(invalid(
            "commission",
            &pct.to_string(),
            "a percentage from 0 to 100",
        ));
    }
    to_cents(pct).map_err(|e| StoreError::Invalid {
        field: "commission",
        error: e,
    })
}

/// An amount of 0 or more, in cents; anything the domain's parser would refuse is refused.
pub(super) fn amount_cents(field: &'static str, amount: Decimal) -> Result<i64> {
    if amount < Decimal::ZERO {
        return Err(invalid(
            field,
            &amount.to_string(),
            "an amount of 0 or more",
        ));
    }
    to_cents(amount).map_err(|error| StoreError::Invalid { field, error })
}

fn invalid(field: &'static str, value: &str, expected: &str) -> StoreError {
    StoreError::Invalid {
        field,
        error: crate::domain::ValueError::new(value, expected),
    }
}

/// A domain check's error as the store's.
pub(super) fn checked((field, error): (&'static str, crate::domain::ValueError)) -> StoreError {
    StoreError::Invalid { field, error }
}

pub(super) fn date_sql(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads a `YYYY-MM-DD` column; a malformed one is reported as a conversion error.
pub(super) fn date_col(row: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(i)?;
    crate::domain::parse_date(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(super) fn parse_col<T: std::str::FromStr<Err = ValueError>>(
    row: &Row,
    i: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(i)?;
    text.parse().map_err(|e: ValueError| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(super) fn influencer_row(r: &Row) -> rusqlite::Result<InfluencerRow> {
    Ok(InfluencerRow {
        id: r.get(0)?,
        handle: r.get(1)?,
        name: r.get(2)?,
        platform: parse_col(r, 3)?,
        followers: r.get(4)?,
        commission_pct: from_cents(r.get(5)?).normalize(),
        notes: r.get(6)?,
        archived: r.get(7)?,
        channel: r.get(8)?,
    })
}

pub(super) const INFLUENCER_COLUMNS: &str =
    "id, handle, name, platform, followers, commission_bp, notes, archived, channel";

impl Store {
    /// Adds an influencer; refuses a handle that exists in any letter case.
    pub fn add_influencer(&mut self, new: &NewInfluencer) -> Result<i64> {
        self.write_influencer(
            "INSERT INTO influencer (id, handle, name, platform, followers, commission_bp, notes)
             VALUES (:id, :handle, :name, :platform, :followers, :commission_bp, :notes)",
            None,
            new,
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Replaces an influencer's details.
    pub fn update_influencer(&mut self, id: i64, new: &NewInfluencer) -> Result<()> {
        self.write_influencer(
            "UPDATE influencer SET handle = :handle, name = :name, platform = :platform,
                    followers = :followers, commission_bp = :commission_bp, notes = :notes
             WHERE id = :id",
            Some(id),
            new,
        )
    }

    fn write_influencer(&mut self, sql: &str, id: Option<i64>, new: &NewInfluencer) -> Result<()> {
        crate::domain::check_count("followers", new.followers).map_err(checked)?;
        self.conn
            .execute(
                sql,
                named_params! {
                    ":id": id,
                    ":handle": new.handle,
                    ":name": new.name,
                    ":platform": new.platform.as_str(),
                    ":followers": new.followers,
                    ":commission_bp": pct_to_bp(new.commission_pct)?,
                    ":notes": new.notes,
                },
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::DuplicateHandle(new.handle.clone())
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    /// Archives (or restores) an influencer. Archived influencers keep their history and stay
    /// on the scorecard, marked.
    pub fn set_archived(&mut self, id: i64, archived: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE influencer SET archived = ?2 WHERE id = ?1",
            params![id, archived],
        )?;
        Ok(())
    }

    /// Deletes an influencer who has no codes, costs, posts or links; otherwise archives them.
    /// Returns true when deleted.
    pub fn delete_or_archive_influencer(&mut self, id: i64) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let has_history: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM cost WHERE influencer_id = ?1)
                 OR EXISTS (SELECT 1 FROM promo_code WHERE influencer_id = ?1)
                 OR EXISTS (SELECT 1 FROM post WHERE influencer_id = ?1)
                 OR EXISTS (SELECT 1 FROM link WHERE influencer_id = ?1)
                 OR EXISTS (SELECT 1 FROM gift WHERE influencer_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if has_history {
            tx.execute("UPDATE influencer SET archived = 1 WHERE id = ?1", [id])?;
        } else {
            tx.execute("DELETE FROM influencer WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(!has_history)
    }

    /// Whether any influencer or channel is stored (archived ones too).
    pub fn has_influencers(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM influencer)", [], |r| r.get(0))?)
    }

    /// All influencers, by handle.
    pub fn influencers(&self) -> Result<Vec<InfluencerRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {INFLUENCER_COLUMNS} FROM influencer WHERE channel = 0
             ORDER BY handle COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], influencer_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The channels (Meta ads, a newsletter), by name.
    pub fn channels(&self) -> Result<Vec<InfluencerRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {INFLUENCER_COLUMNS} FROM influencer WHERE channel = 1
             ORDER BY name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], influencer_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a channel named `name` ("Meta ads"); it is found by its name or by its slug
    /// ("meta-ads") wherever a handle is asked for.
    pub fn add_channel(&mut self, name: &str) -> Result<i64> {
        let name = name.trim();
        let slug: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if slug.is_empty() || name.chars().any(crate::domain::text::is_unsafe) {
            return Err(StoreError::Invalid {
                field: "name",
                error: ValueError::new(name, "a channel name like Meta ads"),
            });
        }
        self.conn
            .execute(
                "INSERT INTO influencer (handle, name, platform, followers, channel)
                 VALUES (?1, ?2, 'other', 0, 1)",
                params![slug, name],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::DuplicateHandle(slug.clone())
                } else {
                    e.into()
                }
            })?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The influencer with this handle (any letter case, with or without `@`).
    pub fn influencer_by_handle(&self, handle: &str) -> Result<InfluencerRow> {
        let wanted = handle.trim().trim_start_matches('@');
        self.conn
            .query_row(
                &format!(
                    "SELECT {INFLUENCER_COLUMNS} FROM influencer
                     WHERE handle = ?1 COLLATE NOCASE OR (channel = 1 AND name = ?1 COLLATE NOCASE)"
                ),
                [wanted],
                influencer_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownInfluencer(wanted.to_string()))
    }

    /// Gives a promo code to an influencer. Codes are unique case-insensitively.
    pub fn add_code(
        &mut self,
        code: &str,
        influencer_id: i64,
        campaign_id: Option<i64>,
    ) -> Result<i64> {
        let code = crate::domain::parse_code(code).map_err(|error| StoreError::Invalid {
            field: "code",
            error,
        })?;
        let code = code.as_str();
        let key = normalize_code(code);
        let inserted = self.conn.execute(
            "INSERT INTO promo_code (code, code_key, influencer_id, campaign_id)
             VALUES (?1, ?2, ?3, ?4)",
            params![code.trim(), key, influencer_id, campaign_id],
        );
        match inserted {
            Ok(_) => Ok(self.conn.last_insert_rowid()),
            Err(e) if is_unique_violation(&e) => {
                let owner: String = self.conn.query_row(
                    "SELECT i.handle FROM promo_code c JOIN influencer i ON i.id = c.influencer_id
                     WHERE c.code_key = ?1",
                    [&key],
                    |r| r.get(0),
                )?;
                Err(StoreError::DuplicateCode {
                    code: code.trim().to_string(),
                    owner,
                })
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Moves a promo code to another influencer and campaign (its orders follow at once).
    pub fn update_code(
        &mut self,
        id: i64,
        influencer_id: i64,
        campaign_id: Option<i64>,
    ) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE promo_code SET influencer_id = ?2, campaign_id = ?3 WHERE id = ?1",
            params![id, influencer_id, campaign_id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "promo code",
                id,
            });
        }
        Ok(())
    }

    /// Removes a promo code (orders it credited stop being credited at once).
    pub fn delete_code(&mut self, id: i64) -> Result<Deleted> {
        self.delete_row("promo_code", "promo code", id)
    }

    /// All promo codes, by code.
    pub fn codes(&self) -> Result<Vec<CodeRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.code, i.handle, k.name FROM promo_code c
             JOIN influencer i ON i.id = c.influencer_id
             LEFT JOIN campaign k ON k.id = c.campaign_id
             ORDER BY c.code_key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CodeRow {
                id: r.get(0)?,
                code: r.get(1)?,
                handle: r.get(2)?,
                campaign: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NewCampaign, NewCost, NewPost};
    use rust_decimal_macros::dec;

    fn ana() -> NewInfluencer {
        NewInfluencer::parse("@ana", "Ana", "instagram", "12000", "12.5").unwrap()
    }

    #[test]
    fn influencers_round_trip_and_handles_are_unique_in_any_case() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.add_influencer(&ana()).unwrap();
        let row = store.influencer_by_handle("@ANA").unwrap();
        assert_eq!(row.id, id);
        assert_eq!(row.commission_pct, dec!(12.5));
        let mut again = ana();
        again.handle = "ANA".into();
        assert!(matches!(
            store.add_influencer(&again),
            Err(StoreError::DuplicateHandle(_))
        ));
        assert!(matches!(
            store.influencer_by_handle("nobody"),
            Err(StoreError::UnknownInfluencer(_))
        ));
    }

    #[test]
    fn codes_are_unique_case_insensitively_and_name_the_owner() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.add_influencer(&ana()).unwrap();
        store.add_code("Ana10", id, None).unwrap();
        let err = store.add_code(" ANA10 ", id, None).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("promo code 'ANA10' already belongs to @ana (to move it"),
            "{err}"
        );
    }

    #[test]
    fn a_post_updates_in_place_with_its_owner_and_campaign() {
        let mut store = Store::open_in_memory().unwrap();
        let ana = store.add_influencer(&ana()).unwrap();
        let mut ben = self::ana();
        ben.handle = "ben".into();
        let ben = store.add_influencer(&ben).unwrap();
        let mut post = NewPost::example(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(), 100, 5);
        let id = store.add_post(ana, &post, None).unwrap();
        let spring = store
            .add_campaign(&NewCampaign {
                name: "Spring".into(),
                goal: crate::domain::CampaignGoal::Sales,
                starts_on: None,
                ends_on: None,
                budget: None,
                targets: Default::default(),
            })
            .unwrap();
        post.likes = Some(50);
        store.update_post(id, ben, &post, Some(spring)).unwrap();
        let rows = store.posts().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].handle, "ben");
        assert_eq!(rows[0].post.likes, Some(50));
        assert_eq!(rows[0].campaign.as_deref(), Some("Spring"));
    }

    #[test]
    fn influencers_with_history_are_archived_not_deleted() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.add_influencer(&ana()).unwrap();
        store
            .add_cost(
                id,
                &NewCost::parse("fee", "10", "2026-05-01", "").unwrap(),
                None,
            )
            .unwrap();
        assert!(!store.delete_or_archive_influencer(id).unwrap());
        assert!(store.influencer_by_handle("ana").unwrap().archived);
        let mut ben = ana();
        ben.handle = "ben".into();
        let ben = store.add_influencer(&ben).unwrap();
        assert!(store.delete_or_archive_influencer(ben).unwrap());
        assert_eq!(store.influencers().unwrap().len(), 1);
    }
}
