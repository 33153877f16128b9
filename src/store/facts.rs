//! Loading the [`Facts`] the metrics compute from, in a few straight scans.

use super::entry_facts::read_all;
use super::order_reader::{
    COUNTED, Evidence, Interner, OrderReader, SUMS_COLUMNS, day_col, read_evidence, read_sums,
};
use super::{Result, Store, StoreError};
use crate::domain::settings::{COGS_PCT, PAYMENT_FEE_FIXED, PAYMENT_FEE_PCT};
use crate::metrics::{DayFact, Facts, ProfitSettings, ShopSpan};
use std::collections::HashMap;

impl Store {
    /// A setting that holds an amount or a percentage, read as typed (`None`: not set, or not
    /// an amount).
    pub(super) fn amount_setting(&self, key: &str) -> Result<Option<rust_decimal::Decimal>> {
        Ok(self
            .setting(key)?
            .and_then(|v| crate::domain::parse_amount(&v).ok()))
    }

    /// The cost of goods and payment fees, once any of them was set (the others count 0).
    pub fn profit_settings(&self) -> Result<Option<ProfitSettings>> {
        let read = |key: &str| self.amount_setting(key);
        let (cogs, pct, fixed) = (
            read(COGS_PCT)?,
            read(PAYMENT_FEE_PCT)?,
            read(PAYMENT_FEE_FIXED)?,
        );
        let product_costs: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM product_cost)", [], |r| {
                    r.get(0)
                })?;
        if cogs.is_none() && pct.is_none() && fixed.is_none() && !product_costs {
            return Ok(None);
        }
        Ok(Some(ProfitSettings {
            cogs_pct: cogs.unwrap_or_default(),
            fee_pct: pct.unwrap_or_default(),
            fee_fixed: fixed.unwrap_or_default(),
        }))
    }

    /// Reads everything the scorecard needs: the entries and the day groups the store keeps
    /// of the orders, never the orders one by one, so it takes as long for a shop's first
    /// month as for its fifth year. Rows that cannot be read are listed in
    /// [`Facts::skipped`], never a reason to fail.
    pub fn load_facts(&self) -> Result<Facts> {
        let (mut facts, evidence) = self.load_entries_and_days()?;
        self.load_cohorts(&mut facts, &evidence)?;
        Ok(facts)
    }

    /// The entries and the day groups: [`Store::load_facts`] without the cohorts, which
    /// only the scorecard's lifetime value reads; with the evidence the groups name, for
    /// the cohorts to share.
    fn load_entries_and_days(&self) -> Result<(Facts, HashMap<i64, Evidence>)> {
        let mut facts = Facts::default();
        self.load_entries(&mut facts)?;
        let evidence = self.load_day_groups(&mut facts, ("order_day", "placed_on"))?;
        Ok((facts, evidence))
    }

    /// The stored orders that cannot be read, each named: every figure leaves them out
    /// (`shoutout doctor` lists them).
    pub fn unreadable_orders(&self) -> Result<Vec<String>> {
        let mut reader = OrderReader::lean(self.product_cost_map()?);
        let mut skipped = Vec::new();
        read_all(&self.conn, &reader.select(""), "order", &mut skipped, |r| {
            reader.read(r).map(|_| ())
        })?;
        Ok(skipped)
    }

    /// [`Store::load_facts`] and every order one by one (tests, and checks against the day
    /// groups).
    pub fn load_every_order(&self) -> Result<Facts> {
        let mut facts = self.load_facts()?;
        self.read_orders(&mut facts, "")?;
        Ok(facts)
    }

    /// The entries, the day groups and the orders that carry a code or a `utm_source`, one by one,
    /// with the days each shop sold on: what the lift model reads. With `shop`, only that
    /// shop's orders (its day groups summed from them), for a model of that shop alone; a
    /// name no import used is [`StoreError::UnknownShop`].
    pub fn load_lift_facts(&self, shop: Option<&str>) -> Result<Facts> {
        // The lift model reads no cohort (it takes only costs from the scorecard).
        let (mut facts, _) = self.load_entries_and_days()?;
        match shop {
            None => {
                self.load_coded_orders(&mut facts)?;
                facts.shop_spans = self.lift_spans()?;
            }
            Some(name) => {
                let span = self.shop_spans()?.into_iter().find(|s| s.name == name);
                let Some(span) = span else {
                    let known = self.shop_names()?.join(", ");
                    return Err(StoreError::UnknownShop {
                        name: name.to_string(),
                        known,
                    });
                };
                let quoted = name.replace('\'', "''");
                self.read_orders(&mut facts, &format!("WHERE source = '{quoted}'"))?;
                facts.derive_days();
                facts.shop_spans = vec![span];
            }
        }
        Ok(facts)
    }

    /// What the lift model needs of the shops: each one's span when there are several (one
    /// shop's days are the period's: no scan for them).
    pub fn lift_spans(&self) -> Result<Vec<ShopSpan>> {
        if self.shop_names()?.len() > 1 {
            self.shop_spans()
        } else {
            Ok(Vec::new())
        }
    }

    /// Each shop (import source) with the first and last day of its counted orders.
    pub fn shop_spans(&self) -> Result<Vec<ShopSpan>> {
        let sql = format!(
            "SELECT source, min(placed_on), max(placed_on) FROM shop_order WHERE {COUNTED}
             GROUP BY source ORDER BY source"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(ShopSpan {
                name: r.get(0)?,
                first: day_col(r, 1)?,
                last: day_col(r, 2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The names of the shops orders were imported for.
    pub fn shop_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT source FROM import_batch ORDER BY source")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reads into `facts` the orders that carry a code or a `utm_source`, one by one.
    pub fn load_coded_orders(&self, facts: &mut Facts) -> Result<()> {
        self.read_orders(facts, "WHERE codes <> '' OR utm_source IS NOT NULL")
    }

    /// Reads again what the seller enters by hand (influencers, campaigns, codes, costs,
    /// posts, links), keeping the orders: a save in the app needs no re-read of the orders.
    pub fn load_entries(&self, facts: &mut Facts) -> Result<()> {
        facts.skipped_entries.clear();
        super::entry_facts::read_roster(&self.conn, facts)?;
        super::entry_facts::read_spend(&self.conn, facts)?;
        super::entry_facts::read_published(&self.conn, facts)?;
        facts.profit = self.profit_settings()?;
        Ok(())
    }

    fn read_orders(&self, facts: &mut Facts, filter: &str) -> Result<()> {
        facts.orders.clear();
        let mut reader = OrderReader::new(
            self.product_cost_map()?,
            std::mem::take(&mut facts.order_code_names),
            std::mem::take(&mut facts.order_utm_names),
        );
        facts.orders = read_all(
            &self.conn,
            &reader.select(filter),
            "order",
            &mut facts.skipped_orders,
            |r| reader.read(r),
        )?;
        (facts.order_code_names, facts.order_utm_names) = reader.into_names();
        Ok(())
    }

    /// Reads the day groups of `table`, dated by its column `day` (`order_day` by
    /// `placed_on`, the groups the store keeps, [`super::derived`]; or `evidence_total` by
    /// `last_on`, one group an evidence) into [`Facts::days`], their codes and sources
    /// interned beside the orders'. Returns the evidence they name, by id.
    pub(super) fn load_day_groups(
        &self,
        facts: &mut Facts,
        (table, day): (&str, &str),
    ) -> Result<HashMap<i64, Evidence>> {
        let mut codes = Interner::from(std::mem::take(&mut facts.order_code_names));
        let mut utms = Interner::from(std::mem::take(&mut facts.order_utm_names));
        // Each distinct pair of codes and source once, shared by its day groups.
        let evidence = read_evidence(&self.conn, &mut codes, &mut utms)?;
        facts.days = read_all(
            &self.conn,
            &format!("SELECT {day}, evidence, {SUMS_COLUMNS} FROM {table}"),
            "day group",
            &mut facts.skipped_orders,
            |r| {
                let id: i64 = r.get(1)?;
                let (codes, utm_source) = evidence
                    .get(&id)
                    .cloned()
                    .ok_or(rusqlite::Error::IntegralValueOutOfRange(1, id))?;
                Ok(DayFact {
                    placed_on: day_col(r, 0)?,
                    codes,
                    utm_source,
                    sums: read_sums(r, 2)?,
                })
            },
        )?;
        facts.order_code_names = codes.names;
        facts.order_utm_names = utms.names;
        Ok(evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_unreadable_row_is_named_and_the_rest_still_load() {
        let mut store = Store::open_in_memory().unwrap();
        let ana = store
            .add_influencer(&crate::domain::NewInfluencer::example("ana", 100))
            .unwrap();
        // What an older version let in: counts whose sum overflows, a real where an
        // integer belongs, a broken date.
        store
            .conn
            .execute_batch(&format!(
                "INSERT INTO post (influencer_id, platform, posted_on, followers, likes, comments)
                 VALUES ({ana}, 'instagram', '2026-05-01', 100, 9223372036854775807,
                         9223372036854775807);
                 INSERT INTO post (influencer_id, platform, posted_on, followers, likes)
                 VALUES ({ana}, 'instagram', '2026-05-02', 100, 7);"
            ))
            .unwrap();
        let facts = store.load_facts().unwrap();
        assert_eq!(facts.posts.len(), 1);
        assert_eq!(facts.posts[0].engagements, 7);
        assert_eq!(
            facts.skipped_entries.len(),
            1,
            "{:?}",
            facts.skipped_entries
        );
        assert!(facts.skipped_entries[0].starts_with("post 1 was left out"));
    }
}
