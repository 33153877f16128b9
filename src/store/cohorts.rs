//! The cohort groups kept beside the orders ([`crate::metrics::CohortFact`] says what they
//! are): each customer's counted orders inside the longest window, summed by her first
//! order's day and evidence, their own evidence, and the bound of days their age falls under,
//! in `cohort_day`. Recomputed whole, in one pass over the orders, wherever the other derived
//! facts change (an import, an undo, a product cost, a rebuild) and when `ltv-days` changes;
//! the scorecard reads them summed over the window, the detail pane bound by bound.

use super::derived_groups::insert_rows;
use super::order_reader::{Interner, OrderReader, day_col};
use super::products::unit_costs;
use super::{Result, Store};
use crate::domain::settings::LTV_DAYS;
use crate::metrics::{
    CohortBuilder, CohortFact, CohortSums, Facts, FirstOrder, WindowOrder, is_counted, is_new,
    net_revenue,
};
use chrono::Datelike;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// The window in days, as set (`None`: the default).
fn ltv_setting(conn: &Connection) -> rusqlite::Result<Option<u32>> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [LTV_DAYS],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()))
}

/// The key an evidence is looked up by: its codes and source as stored.
fn evidence_key(buffer: &mut String, codes: &str, utm: Option<&str>) {
    buffer.clear();
    buffer.push_str(codes);
    if let Some(utm) = utm {
        buffer.push('\u{1}');
        buffer.push_str(utm);
    }
}

/// Recomputes `cohort_day` from every order (after the day groups, whose evidence it
/// shares). A database migrating through schema 10 (the day groups) has no such table yet;
/// schema 12 makes it and calls this again.
pub(super) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'cohort_day')",
        [],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(());
    }
    let ltv_days = ltv_setting(conn)?.unwrap_or(crate::metrics::DEFAULT_LTV_DAYS);
    let mut evidence: HashMap<String, i64> = HashMap::new();
    let mut key = String::new();
    {
        let mut stmt = conn.prepare("SELECT id, codes, utm_source FROM order_evidence")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            evidence_key(
                &mut key,
                r.get_ref(1)?.as_str()?,
                r.get_ref(2)?.as_str_or_null()?,
            );
            evidence.insert(key.clone(), r.get(0)?);
        }
    }
    let mut builder: CohortBuilder<i64, (i32, i64), i64> = CohortBuilder::new(ltv_days);
    {
        let mut stmt = conn.prepare(
            "SELECT f.customer, o.id, o.placed_at, o.placed_on, o.codes, o.utm_source
             FROM customer_first f JOIN shop_order o ON o.id = f.order_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            evidence_key(
                &mut key,
                r.get_ref(4)?.as_str()?,
                r.get_ref(5)?.as_str_or_null()?,
            );
            if let Some(&e) = evidence.get(&key) {
                let first = FirstOrder {
                    id: r.get(1)?,
                    placed_at: r.get(2)?,
                    group: (r.get(3)?, e),
                };
                builder.first(r.get(0)?, first);
            }
        }
    }
    add_orders(conn, &evidence, &mut builder)?;
    conn.execute("DELETE FROM cohort_day", [])?;
    insert_rows(
        conn,
        "INSERT INTO cohort_day (first_on, first_evidence, evidence, below, firsts, first_net,
                                 comebacks, orders, net_cents)",
        9,
        builder.finish().map(Ok),
        |stmt, (((day, first), e, below), s), p| {
            stmt.raw_bind_parameter(p, day)?;
            stmt.raw_bind_parameter(p + 1, first)?;
            stmt.raw_bind_parameter(p + 2, e)?;
            stmt.raw_bind_parameter(p + 3, below)?;
            stmt.raw_bind_parameter(p + 4, s.firsts)?;
            stmt.raw_bind_parameter(p + 5, s.first_net)?;
            stmt.raw_bind_parameter(p + 6, s.comebacks)?;
            stmt.raw_bind_parameter(p + 7, s.orders)?;
            stmt.raw_bind_parameter(p + 8, s.net)
        },
    )
}

/// Offers every counted order to the builder, with its evidence's id.
fn add_orders(
    conn: &Connection,
    evidence: &HashMap<String, i64>,
    builder: &mut CohortBuilder<i64, (i32, i64), i64>,
) -> rusqlite::Result<()> {
    let mut reader = OrderReader::lean(unit_costs(conn)?);
    let mut stmt = conn.prepare(&reader.select(""))?;
    let mut rows = stmt.query([])?;
    let mut key = String::new();
    while let Some(r) = rows.next()? {
        // A row that cannot be read is left out, as every figure leaves it out.
        let Ok(order) = reader.read(r) else { continue };
        if !is_counted(&order) {
            continue;
        }
        let (codes, utm) = (
            r.get_ref(OrderReader::CODES)?.as_str()?,
            r.get_ref(OrderReader::UTM_SOURCE)?.as_str_or_null()?,
        );
        evidence_key(&mut key, codes, utm);
        let Some(&e) = evidence.get(&key) else {
            continue;
        };
        let id: i64 = r.get(OrderReader::ID)?;
        let day = order.placed_on.num_days_from_ce();
        builder.add(
            WindowOrder {
                id,
                customer: r.get(OrderReader::CUSTOMER)?,
                precedence: (order.placed_at, order.number, id),
                evidence: e,
                net: net_revenue(&order),
                new: is_new(&order, false),
            },
            || (day, e),
        );
    }
    Ok(())
}

impl Store {
    /// Reads the cohort groups summed over the window into [`Facts::cohorts`]: only those
    /// whose first order carries a code or a source (the others credit no creator).
    pub(super) fn load_cohorts(&self, facts: &mut Facts) -> Result<()> {
        facts.ltv_days = ltv_setting(&self.conn)?;
        let read = |key: &str| -> Result<Option<rust_decimal::Decimal>> {
            Ok(self
                .setting(key)?
                .and_then(|v| crate::domain::parse_amount(&v).ok()))
        };
        let default = crate::metrics::LtvThresholds::default();
        facts.ltv_thresholds = crate::metrics::LtvThresholds {
            healthy: read(crate::domain::settings::LTV_HEALTHY)?.unwrap_or(default.healthy),
            thin: read(crate::domain::settings::LTV_THIN)?.unwrap_or(default.thin),
        };
        let within = facts.ltv_days();
        facts.cohorts = self.read_cohorts(
            facts,
            "SELECT first_on, first_evidence, evidence, ?1, sum(firsts), sum(first_net),
                    sum(comebacks), sum(orders), sum(net_cents)
             FROM cohort_day
             WHERE below <= ?1 AND first_evidence IN
                 (SELECT id FROM order_evidence WHERE codes <> '' OR utm_source IS NOT NULL)
             GROUP BY first_evidence, first_on, evidence",
            within,
        )?;
        Ok(())
    }

    /// Every cohort group bound by bound, organic ones too: what the detail pane's cohort
    /// and its chart read (`facts` from [`Store::load_facts`], whose names they share).
    pub fn load_cohort_groups(&self, facts: &Facts) -> Result<Vec<CohortFact>> {
        self.read_cohorts(
            facts,
            "SELECT first_on, first_evidence, evidence, below, firsts, first_net, comebacks,
                    orders, net_cents
             FROM cohort_day WHERE ?1 > 0",
            1,
        )
    }

    /// Runs a query of cohort groups (columns: first day, first evidence, evidence, bound,
    /// then the sums in [`CohortSums`] order) with `?1` bound to `param`.
    fn read_cohorts(&self, facts: &Facts, sql: &str, param: u32) -> Result<Vec<CohortFact>> {
        let mut codes = Interner::from(facts.order_code_names.clone());
        let mut utms = Interner::from(facts.order_utm_names.clone());
        let evidence = super::facts::read_evidence(&self.conn, &mut codes, &mut utms)?;
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([param])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let (Some(first), Some(own)) = (
                evidence.get(&r.get::<_, i64>(1)?),
                evidence.get(&r.get::<_, i64>(2)?),
            ) else {
                continue;
            };
            out.push(CohortFact {
                first_on: day_col(r, 0)?,
                first_codes: first.0.clone(),
                first_utm: first.1,
                below: r.get(3)?,
                codes: own.0.clone(),
                utm: own.1,
                sums: CohortSums {
                    firsts: r.get(4)?,
                    first_net: r.get(5)?,
                    comebacks: r.get(6)?,
                    orders: r.get(7)?,
                    net: r.get(8)?,
                },
            });
        }
        Ok(out)
    }
}
