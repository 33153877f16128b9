//! Costs: what each creator (or channel) was paid or sent, entered by hand.

use super::entries::{amount_cents, date_col, date_sql, parse_col};
use super::{Deleted, Result, Store};
use crate::domain::{CostKind, NewCost, from_cents};
use chrono::NaiveDate;
use rusqlite::params;
use rust_decimal::Decimal;

/// A cost entry with its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostRow {
    pub id: i64,
    pub handle: String,
    pub kind: CostKind,
    pub amount: Decimal,
    pub date: NaiveDate,
    pub note: String,
    pub campaign: Option<String>,
}

impl Store {
    /// Records a cost of an influencer.
    pub fn add_cost(
        &mut self,
        influencer_id: i64,
        cost: &NewCost,
        campaign_id: Option<i64>,
    ) -> Result<i64> {
        let cents = amount_cents("amount", cost.amount)?;
        self.conn.execute(
            "INSERT INTO cost (influencer_id, campaign_id, kind, amount_cents, spent_on, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                influencer_id,
                campaign_id,
                cost.kind.as_str(),
                cents,
                date_sql(cost.date),
                cost.note
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Corrects a cost entry.
    pub fn update_cost(
        &mut self,
        id: i64,
        influencer_id: i64,
        cost: &NewCost,
        campaign_id: Option<i64>,
    ) -> Result<()> {
        let cents = amount_cents("amount", cost.amount)?;
        self.conn.execute(
            "UPDATE cost SET influencer_id = ?2, campaign_id = ?3, kind = ?4, amount_cents = ?5,
                    spent_on = ?6, note = ?7
             WHERE id = ?1",
            params![
                id,
                influencer_id,
                campaign_id,
                cost.kind.as_str(),
                cents,
                date_sql(cost.date),
                cost.note
            ],
        )?;
        Ok(())
    }

    /// Deletes a cost entry.
    pub fn delete_cost(&mut self, id: i64) -> Result<Deleted> {
        self.delete_row("cost", "cost", id)
    }

    /// All cost entries, newest first.
    pub fn costs(&self) -> Result<Vec<CostRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, i.handle, c.kind, c.amount_cents, c.spent_on, c.note, k.name
             FROM cost c JOIN influencer i ON i.id = c.influencer_id
             LEFT JOIN campaign k ON k.id = c.campaign_id
             ORDER BY c.spent_on DESC, c.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CostRow {
                id: r.get(0)?,
                handle: r.get(1)?,
                kind: parse_col(r, 2)?,
                amount: from_cents(r.get(3)?),
                date: date_col(r, 4)?,
                note: r.get(5)?,
                campaign: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
