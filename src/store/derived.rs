//! The derived facts kept beside the orders ([`crate::metrics::DayFact`] says what they are):
//! `customer_first`, each identified customer's first counted order, and `order_day`, the
//! counted orders summed by day and evidence (each distinct pair of codes and source once in
//! `order_evidence`). Whatever changes orders or product costs keeps them in its own
//! transaction: the first import into an empty store sums them as it writes ([`Summing`], on
//! a thread of its own: `sums_thread.rs`);
//! a later import or an undo recomputes only where it touched, the customers whose orders it
//! wrote and the days those orders were placed on (and the days of first orders that moved).
//! A migration, a product cost change and `shoutout doctor --rebuild` recompute them whole.

use super::derived_groups::{Groups, insert_rows};
use super::order_reader::{ByNumber, COUNTED, OrderReader, unit_costs};
use super::{Result, Store};
use crate::domain::FinancialStatus;
use crate::metrics::{FirstOrders, OrderFact, counts, is_counted, is_new};
use chrono::Datelike;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use std::collections::{BTreeSet, HashSet};

/// Where a change touched the orders: what [`refresh`] recomputes.
#[derive(Debug, Default)]
pub(super) struct Scope {
    /// Customers with an order written, deleted or changed (before and after).
    customers: HashSet<i64>,
    /// Days with such an order (before and after), as stored (days from 0001-01-01).
    days: BTreeSet<i32>,
}

impl Scope {
    /// An order of `customer` placed on `day` was written, deleted or changed.
    pub(super) fn touch(&mut self, customer: Option<i64>, day: i32) {
        self.customers.extend(customer);
        self.days.insert(day);
    }

    /// Every order of `filter` (a `WHERE` clause on `shop_order`) as it is stored now.
    pub(super) fn touch_stored(
        &mut self,
        conn: &Connection,
        filter: &str,
        param: i64,
    ) -> rusqlite::Result<()> {
        let mut stmt = conn.prepare(&format!(
            "SELECT customer, placed_on FROM shop_order WHERE {filter}"
        ))?;
        let mut rows = stmt.query([param])?;
        while let Some(r) = rows.next()? {
            self.touch(r.get(0)?, r.get(1)?);
        }
        Ok(())
    }
}

/// Past this many customers or days touched, recomputing everything in one pass is quicker
/// than looking each one up (the result is the same).
const SCOPED_CUSTOMERS: usize = 20_000;
const SCOPED_DAYS: usize = 120;

/// Recomputes the derived facts where `scope` says orders changed.
pub(super) fn refresh(conn: &Connection, scope: Scope) -> rusqlite::Result<()> {
    if scope.customers.len() > SCOPED_CUSTOMERS || scope.days.len() > SCOPED_DAYS {
        return rebuild(conn);
    }
    let mut days = scope.days;
    if !scope.customers.is_empty() {
        refresh_first_orders(conn, &scope.customers, &mut days)?;
    }
    refresh_days(conn, &days)?;
    // The totals and the cohorts are summed again whole, so only when an order changed.
    if days.is_empty() {
        return Ok(());
    }
    super::totals::rebuild(conn)?;
    super::cohorts::rebuild(conn)
}

/// Every derived fact summed one stored order at a time, in any order: by a rebuild as it
/// reads the orders, and by the first import into an empty store as it writes them (which
/// spares it a second pass over what it just wrote).
pub(super) struct Summing {
    groups: Groups,
    /// Each customer's first order, with its group, or `NOT_COUNTED_HERE` when the shop's own
    /// flag already said whether it is new; `None` once there were more customers than
    /// [`FIRSTS_IN_MEMORY`], when SQLite finds them at the end instead.
    first: Option<FirstOrders<i64, u32, ByNumber>>,
    /// [`FIRSTS_IN_MEMORY`], lower in tests.
    cap: usize,
}

/// See [`Summing::first`].
const NOT_COUNTED_HERE: u32 = u32::MAX;

/// Up to this many customers first orders are found in memory as orders come; past it, by
/// one sorted query at the end, whose memory SQLite bounds: a shop of millions of orders
/// imports in flat memory, a smaller one without the query. At 40 bytes a customer, plus a
/// table of positions that stays at 2^18 slots below 229,376 entries, that is some 9 MB.
const FIRSTS_IN_MEMORY: usize = 200_000;

impl Summing {
    pub(super) fn new() -> Summing {
        Summing {
            groups: Groups::new(),
            first: Some(FirstOrders::default()),
            cap: FIRSTS_IN_MEMORY,
        }
    }

    /// Adds a stored order: `order` as [`OrderReader::lean`] reads it, with its id, its
    /// stored customer number, and its codes and `utm_source` as stored.
    pub(super) fn add(
        &mut self,
        order: &OrderFact,
        id: i64,
        customer: Option<i64>,
        codes: &str,
        utm: Option<&str>,
    ) {
        if !is_counted(order) {
            return;
        }
        let g = self
            .groups
            .of(order.placed_on.num_days_from_ce(), codes, utm);
        self.groups.sums(g).add(order, is_new(order, false));
        if let (Some(customer), Some(first)) = (customer, &mut self.first) {
            let group = match order.customer_new {
                Some(_) => NOT_COUNTED_HERE,
                None => g as u32,
            };
            first.offer(customer, (order.placed_at, order.number, id), group);
            if first.len() > self.cap {
                self.first = None;
            }
        }
    }

    /// Replaces the stored derived facts with these: each first order counted new in its
    /// group.
    pub(super) fn write(mut self, conn: &Connection) -> rusqlite::Result<()> {
        conn.execute("DELETE FROM customer_first", [])?;
        match self.first.take() {
            Some(first) => {
                let mut firsts: Vec<(i64, i64)> = Vec::with_capacity(first.len());
                for (customer, (_, _, id), group) in first.into_firsts() {
                    if group != NOT_COUNTED_HERE {
                        self.groups.sums(group as usize).new += 1;
                    }
                    firsts.push((customer, id));
                }
                firsts.sort_unstable();
                insert_rows(
                    conn,
                    "INSERT INTO customer_first (customer, order_id)",
                    2,
                    firsts.into_iter().map(Ok),
                    |stmt, (customer, id), p| {
                        stmt.raw_bind_parameter(p, customer)?;
                        stmt.raw_bind_parameter(p + 1, id)
                    },
                )?;
            }
            None => self.first_orders_in_sql(conn)?,
        }
        conn.execute("DELETE FROM order_day", [])?;
        super::totals::clear(conn)?;
        conn.execute("DELETE FROM order_evidence", [])?;
        self.groups.write(conn)?;
        super::totals::rebuild(conn)?;
        super::cohorts::rebuild(conn)
    }
}

impl Summing {
    /// Each customer's first counted order found by one sorted query (the same rule:
    /// time, then order number, then id), each counted new in its group unless the shop's
    /// own flag already said.
    fn first_orders_in_sql(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        conn.execute(
            &format!(
                "INSERT INTO customer_first (customer, order_id)
                 SELECT customer, id FROM (
                     SELECT customer, id, row_number() OVER (
                         PARTITION BY customer ORDER BY placed_at, number, id) AS n
                     FROM shop_order
                     WHERE customer IS NOT NULL AND {COUNTED})
                 WHERE n = 1"
            ),
            [],
        )?;
        let mut stmt = conn.prepare(
            "SELECT o.placed_on, o.codes, o.utm_source FROM customer_first f
             JOIN shop_order o ON o.id = f.order_id WHERE o.customer_new IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let g = self.groups.of(
                r.get(0)?,
                r.get_ref(1)?.as_str()?,
                r.get_ref(2)?.as_str_or_null()?,
            );
            self.groups.sums(g).new += 1;
        }
        Ok(())
    }
}

/// Recomputes the derived facts from every order.
pub(super) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    rebuild_with(conn, Summing::new())
}

fn rebuild_with(conn: &Connection, mut summing: Summing) -> rusqlite::Result<()> {
    let mut reader = OrderReader::lean(unit_costs(conn)?);
    {
        let mut stmt = conn.prepare(&reader.select(""))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            // A row that cannot be read is left out, as the scorecard always left it out.
            let Ok(order) = reader.read(r) else { continue };
            summing.add(
                &order,
                r.get(OrderReader::ID)?,
                r.get(OrderReader::CUSTOMER)?,
                r.get_ref(OrderReader::CODES)?.as_str()?,
                r.get_ref(OrderReader::UTM_SOURCE)?.as_str_or_null()?,
            );
        }
    }
    summing.write(conn)
}

/// Finds again the first counted order of each of `customers`; where it moved, the days of
/// the old and the new first order join `days` (their new-customer counts change).
fn refresh_first_orders(
    conn: &Connection,
    customers: &HashSet<i64>,
    days: &mut BTreeSet<i32>,
) -> rusqlite::Result<()> {
    let mut first: FirstOrders<i64, (i64, i32), ByNumber> = FirstOrders::default();
    {
        let mut stmt = conn.prepare(
            "SELECT id, customer, placed_at, number, placed_on, status, cancelled, gift
             FROM shop_order WHERE customer IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let customer: i64 = r.get(1)?;
            if !customers.contains(&customer) {
                continue;
            }
            let status = FinancialStatus::from_name(r.get_ref(5)?.as_str()?);
            if counts(r.get(6)?, status, r.get(7)?) {
                let id: i64 = r.get(0)?;
                first.offer(customer, (r.get(2)?, r.get(3)?, id), (id, r.get(4)?));
            }
        }
    }
    let mut old_of = conn.prepare_cached(
        "SELECT f.order_id, o.placed_on FROM customer_first f
         LEFT JOIN shop_order o ON o.id = f.order_id WHERE f.customer = ?1",
    )?;
    for &customer in customers {
        let old: Option<(i64, Option<i32>)> = old_of
            .query_row([customer], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let new = first.get(&customer).map(|(_, &v)| v);
        if old.map(|o| o.0) == new.map(|n| n.0) {
            continue;
        }
        days.extend(old.and_then(|o| o.1));
        match new {
            Some((id, day)) => {
                days.insert(day);
                conn.prepare_cached(
                    "INSERT OR REPLACE INTO customer_first (customer, order_id) VALUES (?1, ?2)",
                )?
                .execute([customer, id])?;
            }
            None => {
                conn.prepare_cached("DELETE FROM customer_first WHERE customer = ?1")?
                    .execute([customer])?;
            }
        }
    }
    Ok(())
}

/// Sums again the counted orders of each of `days`, against the stored first orders.
fn refresh_days(conn: &Connection, days: &BTreeSet<i32>) -> rusqlite::Result<()> {
    if days.is_empty() {
        return Ok(());
    }
    let mut reader = OrderReader::lean(unit_costs(conn)?);
    let mut groups = Groups::new();
    let mut is_first = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM customer_first WHERE customer = ?1 AND order_id = ?2)",
    )?;
    let mut delete = conn.prepare_cached("DELETE FROM order_day WHERE placed_on = ?1")?;
    let mut stmt = conn.prepare(&reader.select("WHERE placed_on = ?1"))?;
    for &day in days {
        delete.execute([day])?;
        let mut rows = stmt.query([day])?;
        while let Some(r) = rows.next()? {
            let Ok(order) = reader.read(r) else { continue };
            if !is_counted(&order) {
                continue;
            }
            let id: i64 = r.get(OrderReader::ID)?;
            let first = match r.get::<_, Option<i64>>(OrderReader::CUSTOMER)? {
                Some(customer) => is_first.query_row([customer, id], |r| r.get(0))?,
                None => false,
            };
            let g = groups.of_row(r)?;
            groups.sums(g).add(&order, is_new(&order, first));
        }
    }
    drop(stmt);
    groups.write(conn)
}

/// (customer, first order) pairs, and the day groups as lines.
pub(super) type Stored = (Vec<(i64, i64)>, Vec<String>, Vec<String>);

/// The derived facts as stored, in a stable order: (customer, first order) pairs, one line
/// per day group (then one per evidence's total) and one per cohort group (evidence by its text, not its number). What
/// [`Store::derived_up_to_date`] and the tests compare.
pub(super) fn stored(conn: &Connection) -> rusqlite::Result<Stored> {
    let firsts = conn
        .prepare("SELECT customer, order_id FROM customer_first ORDER BY customer")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let days = conn
        .prepare(
            "SELECT d.placed_on || ' ' || replace(e.codes, char(10), '+') || ' ' ||
                    coalesce(e.utm_source, '-') || ' ' || d.orders || ' ' || d.net_cents || ' ' ||
                    d.new_orders || ' ' || d.refunded_cents || ' ' || d.plain_cents || ' ' ||
                    d.goods_orders || ' ' || d.product_goods || ' ' || d.product_base
             FROM order_day d JOIN order_evidence e ON e.id = d.evidence
             ORDER BY d.placed_on, e.codes, e.utm_source",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let cohorts = conn
        .prepare(
            "SELECT c.first_on || ' ' || replace(f.codes, char(10), '+') || ' ' ||
                    coalesce(f.utm_source, '-') || ' ' || replace(e.codes, char(10), '+') || ' ' ||
                    coalesce(e.utm_source, '-') || ' ' || c.below || ' ' || c.firsts || ' ' ||
                    c.first_net || ' ' || c.comebacks || ' ' || c.orders || ' ' || c.net_cents
             FROM cohort_day c JOIN order_evidence f ON f.id = c.first_evidence
             JOIN order_evidence e ON e.id = c.evidence
             ORDER BY 1",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Each evidence's totals, after its day groups: a drift in them fails the same checks.
    let mut days: Vec<String> = days;
    days.extend(super::totals::stored(conn)?);
    Ok((firsts, days, cohorts))
}

/// Whether the derived facts stored through `conn` equal a recomputation (rolled back).
fn recomputed_equal(conn: &mut Connection) -> rusqlite::Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let kept = stored(&tx)?;
    rebuild(&tx)?;
    let recomputed = stored(&tx)?;
    tx.rollback()?;
    Ok(kept == recomputed)
}

/// How many derived facts there are: customers with a first order, day groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DerivedCounts {
    pub customers: u64,
    pub day_groups: u64,
}

impl Store {
    /// Recomputes the derived facts from every order (`shoutout doctor --rebuild`).
    pub fn rebuild_derived(&mut self) -> Result<DerivedCounts> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        rebuild(&tx)?;
        tx.commit()?;
        self.derived_counts()
    }

    /// Whether the derived facts equal a recomputation from every order: recomputed in a
    /// transaction that is then rolled back, so the check changes nothing. A database open
    /// read-only is checked on a copy in memory (the recomputation writes before it rolls
    /// back).
    pub fn derived_up_to_date(&mut self) -> Result<bool> {
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            let mut copy = Connection::open_in_memory()?;
            super::backup::copy(&self.conn, &mut copy)?;
            return Ok(recomputed_equal(&mut copy)?);
        }
        Ok(recomputed_equal(&mut self.conn)?)
    }

    pub fn derived_counts(&self) -> Result<DerivedCounts> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM customer_first), (SELECT count(*) FROM order_day)",
            [],
            |r| {
                Ok(DerivedCounts {
                    customers: r.get(0)?,
                    day_groups: r.get(1)?,
                })
            },
        )?)
    }
}

#[cfg(test)]
#[path = "derived_tests.rs"]
mod tests;
