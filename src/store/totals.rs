//! Each evidence's sums over all days (`evidence_total`, one row an evidence): what the
//! all-time scorecard reads in place of every day group, so it costs the same for a shop's
//! first month as for its tenth year. Summed again from `order_day` in the same transaction
//! whenever the day groups change (an import, an undo, a product cost, a rebuild).

use super::order_reader::{SUMS_COLUMNS, read_sums};
use super::{Result, Store};
use crate::metrics::{DaySums, Facts};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Forgets the totals (before the evidence they name is deleted).
pub(super) fn clear(conn: &Connection) -> rusqlite::Result<()> {
    if super::has_table(conn, "evidence_total")? {
        conn.execute("DELETE FROM evidence_total", [])?;
    }
    Ok(())
}

/// Replaces the totals with the sums of the stored day groups, each evidence's added day by
/// day: the goods parts are exact to 28 digits, and a sum in another order could differ in
/// the last one, so the order is fixed whatever order the groups were written in. A
/// database migrating through
/// schema 10 (the day groups) has no such table yet; schema 13 makes it and calls this again.
pub(super) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    if !super::has_table(conn, "evidence_total")? {
        return Ok(());
    }
    let mut totals: BTreeMap<i64, (i64, DaySums)> = BTreeMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT evidence, placed_on, {SUMS_COLUMNS} FROM order_day ORDER BY placed_on"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (evidence, day): (i64, i64) = (r.get(0)?, r.get(1)?);
        let total = totals.entry(evidence).or_default();
        total.0 = total.0.max(day);
        total.1.merge(&read_sums(r, 2)?);
    }
    clear(conn)?;
    let mut insert = conn.prepare(
        "INSERT INTO evidence_total (evidence, last_on, orders, net_cents, new_orders,
             refunded_cents, plain_cents, goods_orders, product_goods, product_base)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (evidence, (last_on, s)) in totals {
        insert.execute(rusqlite::params![
            evidence,
            last_on,
            s.orders,
            s.net,
            s.new,
            s.refunded,
            s.plain,
            s.goods_orders,
            s.product_goods().to_string(),
            s.product_base().to_string(),
        ])?;
    }
    Ok(())
}

/// The totals as lines in a stable order (evidence by its text): what the checks against a
/// full recomputation compare.
pub(super) fn stored(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    conn.prepare(
        "SELECT 'total ' || t.last_on || ' ' || replace(e.codes, char(10), '+') || ' ' ||
                coalesce(e.utm_source, '-') || ' ' || t.orders || ' ' || t.net_cents || ' ' ||
                t.new_orders || ' ' || t.refunded_cents || ' ' || t.plain_cents || ' ' ||
                t.goods_orders || ' ' || t.product_goods || ' ' || t.product_base
         FROM evidence_total t JOIN order_evidence e ON e.id = t.evidence
         ORDER BY e.codes, e.utm_source",
    )?
    .query_map([], |r| r.get(0))?
    .collect()
}

impl Store {
    /// [`Store::load_facts`] for an all-time figure: each evidence's sums over all days in
    /// place of its day groups (one [`crate::metrics::DayFact`] an evidence, dated its last
    /// day). Right for anything that adds the days up over all time (the scorecard without
    /// a period); wrong for a period, a chart or payouts, which need the days.
    pub fn load_facts_all_time(&self) -> Result<Facts> {
        let mut facts = Facts::default();
        self.load_entries(&mut facts)?;
        let evidence = self.load_day_groups(&mut facts, ("evidence_total", "last_on"))?;
        self.load_cohorts(&mut facts, &evidence)?;
        Ok(facts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Goods parts exact to 28 digits sum to the same total whatever order the day groups
    /// were written in (an incremental refresh writes a day's groups last; a rebuild, in day
    /// order).
    #[test]
    fn the_totals_do_not_depend_on_the_order_the_groups_were_written() {
        // (a + b) + c and (c + a) + b differ in the last digit for these three.
        let goods = [
            "5.25",
            "79.166666666666666666666666665",
            "104.76923076923076923076923077",
        ];
        let mut totals = Vec::new();
        for order in [[0, 1, 2], [2, 0, 1]] {
            let store = Store::open_in_memory().unwrap();
            store
                .conn
                .execute(
                    "INSERT INTO order_evidence (id, codes) VALUES (1, 'BO20')",
                    [],
                )
                .unwrap();
            for i in order {
                store
                    .conn
                    .execute(
                        "INSERT INTO order_day (placed_on, evidence, orders, net_cents,
                             new_orders, refunded_cents, plain_cents, goods_orders,
                             product_goods, product_base)
                         VALUES (?1, 1, 1, 100, 1, 0, 0, 1, ?2, '1')",
                        rusqlite::params![739_745 + i as i64, goods[i]],
                    )
                    .unwrap();
            }
            rebuild(&store.conn).unwrap();
            totals.push(stored(&store.conn).unwrap());
        }
        assert_eq!(totals[0], totals[1]);
        assert!(totals[0][0].contains(" 3 300 3 0 0 3 "), "{:?}", totals[0]);
    }
}
