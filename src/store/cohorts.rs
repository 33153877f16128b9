//! The cohort groups kept beside the orders ([`crate::metrics::CohortFact`] says what they
//! are): each customer's counted orders inside the longest window, summed by her first
//! order's day and evidence, their own evidence, and the bound of days their age falls under,
//! in `cohort_day`. Recomputed whole, in one pass over the orders, wherever the other derived
//! facts change (an import, an undo, a product cost, a rebuild) and when `ltv-days` changes.
//! The detail pane reads them bound by bound; the scorecard reads their sums over the window,
//! which the same pass packs one blob per first order's evidence in `cohort_window`.

use super::derived_groups::insert_rows;
use super::order_reader::{COUNTED, Evidence, Interner, day_col};
use super::{Result, Store};
use crate::domain::settings::LTV_DAYS;
use crate::metrics::{CohortBuilder, CohortFact, CohortSums, Facts, WindowOrder, net_cents};
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

/// Recomputes `cohort_day` and `cohort_window` from every order (after the day groups,
/// whose evidence they share). A database migrating through schema 10 (the day groups) has
/// no such tables yet; schema 12 makes them and calls this again.
pub(super) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    if !super::has_table(conn, "cohort_day")? {
        return Ok(());
    }
    let ltv_days = ltv_setting(conn)?.unwrap_or(crate::metrics::DEFAULT_LTV_DAYS);
    let (evidence, named) = evidence_ids(conn)?;
    let mut builder: CohortBuilder<(i64, i32), i64> = CohortBuilder::new(ltv_days);
    add_customers(conn, &evidence, &mut builder)?;
    add_anonymous(conn, &evidence, &mut builder)?;
    // In the table's key order (first evidence, day, evidence, bound): each insert appends
    // to the tree instead of landing at random in it.
    let groups = builder.finish();
    write_days(conn, &groups)?;
    write_window(conn, &groups, ltv_days, &named)
}

/// Each evidence's id by its key ([`evidence_key`]), and the ids of those that name someone
/// (a code or a source).
fn evidence_ids(
    conn: &Connection,
) -> rusqlite::Result<(HashMap<String, i64>, std::collections::HashSet<i64>)> {
    let mut evidence = HashMap::new();
    let mut named = std::collections::HashSet::new();
    let mut key = String::new();
    let mut stmt = conn.prepare("SELECT id, codes, utm_source FROM order_evidence")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        evidence_key(
            &mut key,
            r.get_ref(1)?.as_str()?,
            r.get_ref(2)?.as_str_or_null()?,
        );
        let id: i64 = r.get(0)?;
        if !key.is_empty() {
            named.insert(id);
        }
        evidence.insert(key.clone(), id);
    }
    Ok((evidence, named))
}

/// The cohort groups as the builder gives them, in key order: ((first evidence, first
/// day), evidence, bound).
type Groups = std::collections::BTreeMap<((i64, i32), i64, u32), CohortSums>;

/// Writes the groups bound by bound to `cohort_day`.
fn write_days(conn: &Connection, groups: &Groups) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM cohort_day", [])?;
    insert_rows(
        conn,
        "INSERT INTO cohort_day (first_on, first_evidence, evidence, below, firsts, first_net,
                                 comebacks, orders, net_cents)",
        9,
        groups.iter().map(Ok),
        |stmt, (((first, day), e, below), s), p| {
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

/// The bytes of one packed window record: day, evidence, and the five sums.
const RECORD: usize = 4 + 8 + 5 * 8;

/// Writes the groups summed over the window (`ltv_days`) to `cohort_window`, only those of
/// first orders that name someone (the others credit no creator): one row per first
/// order's evidence, its records packed in a blob ([`RECORD`] bytes each, little-endian),
/// which the scorecard reads in one step where a row a record took several times as long.
fn write_window(
    conn: &Connection,
    groups: &Groups,
    ltv_days: u32,
    named: &std::collections::HashSet<i64>,
) -> rusqlite::Result<()> {
    let mut window: std::collections::BTreeMap<(i64, i32, i64), CohortSums> = Default::default();
    for (((first, day), e, below), s) in groups {
        if *below <= ltv_days && named.contains(first) {
            window.entry((*first, *day, *e)).or_default().add(s);
        }
    }
    conn.execute("DELETE FROM cohort_window", [])?;
    let mut insert =
        conn.prepare("INSERT INTO cohort_window (first_evidence, packed) VALUES (?1, ?2)")?;
    let mut packed: Vec<u8> = Vec::new();
    let mut current: Option<i64> = None;
    for ((first, day, e), s) in window {
        if current.is_some_and(|c| c != first) {
            insert.execute(rusqlite::params![current, packed])?;
            packed.clear();
        }
        current = Some(first);
        packed.extend(day.to_le_bytes());
        packed.extend(e.to_le_bytes());
        for v in [s.firsts, s.first_net, s.comebacks, s.orders, s.net] {
            packed.extend(v.to_le_bytes());
        }
    }
    if current.is_some() {
        insert.execute(rusqlite::params![current, packed])?;
    }
    Ok(())
}

/// The records of a packed window blob: (day, evidence, sums).
fn unpack(packed: &[u8]) -> impl Iterator<Item = (i32, i64, CohortSums)> + '_ {
    packed.chunks_exact(RECORD).map(|r| {
        let int = |at: usize| i64::from_le_bytes(r[at..at + 8].try_into().expect("8 bytes"));
        (
            i32::from_le_bytes(r[0..4].try_into().expect("4 bytes")),
            int(4),
            CohortSums {
                firsts: int(12),
                first_net: int(20),
                comebacks: int(28),
                orders: int(36),
                net: int(44),
            },
        )
    })
}

/// Offers each customer's counted orders to the builder, customer by customer in the order
/// she placed them (time, order number, id), as SQLite sorts them (spilling to disk, not to
/// memory, on a large shop). A customer whose first order the shop's own export marks as
/// not new (she bought before the export began) is no one's acquisition, as the
/// `new_customers` column counts her. Only the columns a cohort needs are read, the
/// counted-order rule applied in SQL ([`COUNTED`], which a test holds to
/// [`crate::metrics::counts`]).
fn add_customers(
    conn: &Connection,
    evidence: &HashMap<String, i64>,
    builder: &mut CohortBuilder<(i64, i32), i64>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT customer, placed_at, placed_on, codes, utm_source, subtotal_cents,
                refunded_cents, customer_new
         FROM shop_order WHERE customer IS NOT NULL AND {COUNTED}
         ORDER BY customer, placed_at, number, id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut key = String::new();
    // The current customer, the group her first order opens (none: she opens no cohort),
    // and her orders so far.
    let mut current: Option<(i64, Option<(i64, i32)>)> = None;
    let mut run: Vec<WindowOrder<i64>> = Vec::new();
    while let Some(r) = rows.next()? {
        // A row that cannot be read is left out, as every figure leaves it out.
        let Some(day) = readable_day(r, 2)? else {
            continue;
        };
        let customer: i64 = r.get(0)?;
        evidence_key(
            &mut key,
            r.get_ref(3)?.as_str()?,
            r.get_ref(4)?.as_str_or_null()?,
        );
        let e = evidence.get(&key).copied();
        if current.is_none_or(|(c, _)| c != customer) {
            if let Some((_, Some(group))) = current {
                builder.customer(group, &run);
            }
            run.clear();
            let new: Option<bool> = r.get(7)?;
            let opens = e.filter(|_| new != Some(false)).map(|e| (e, day));
            current = Some((customer, opens));
        }
        if let Some(e) = e {
            run.push(WindowOrder {
                placed_at: r.get(1)?,
                evidence: e,
                net: net_cents(r.get(5)?, r.get(6)?),
            });
        }
    }
    if let Some((_, Some(group))) = current {
        builder.customer(group, &run);
    }
    Ok(())
}

/// The day number in column `i`, or `None` when it is no day (a row a hand edit or an old
/// bug left unreadable, which every figure leaves out).
fn readable_day(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<i32>> {
    let day: i64 = r.get(i)?;
    Ok(i32::try_from(day)
        .ok()
        .filter(|&d| chrono::NaiveDate::from_num_days_from_ce_opt(d).is_some()))
}

/// Offers the counted orders without a customer that count as new: each a customer of its
/// own, acquired by itself.
fn add_anonymous(
    conn: &Connection,
    evidence: &HashMap<String, i64>,
    builder: &mut CohortBuilder<(i64, i32), i64>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT placed_at, placed_on, codes, utm_source, subtotal_cents, refunded_cents
         FROM shop_order
         WHERE customer IS NULL AND customer_new IS NOT 0 AND {COUNTED}"
    ))?;
    let mut rows = stmt.query([])?;
    let mut key = String::new();
    while let Some(r) = rows.next()? {
        evidence_key(
            &mut key,
            r.get_ref(2)?.as_str()?,
            r.get_ref(3)?.as_str_or_null()?,
        );
        let Some(&e) = evidence.get(&key) else {
            continue;
        };
        let order = WindowOrder {
            placed_at: r.get(0)?,
            evidence: e,
            net: net_cents(r.get(4)?, r.get(5)?),
        };
        if let Some(day) = readable_day(r, 1)? {
            builder.anonymous((e, day), &order);
        }
    }
    Ok(())
}

impl Store {
    /// Reads the cohort groups summed over the window into [`Facts::cohorts`] (only those
    /// whose first order carries a code or a source: the others credit no creator), with
    /// the window and the LTV:CAC thresholds. `evidence` is what the day groups were read
    /// with ([`Store::load_day_groups`]): the cohorts name the same.
    pub(super) fn load_cohorts(
        &self,
        facts: &mut Facts,
        evidence: &HashMap<i64, Evidence>,
    ) -> Result<()> {
        facts.ltv_days = ltv_setting(&self.conn)?;
        let read = |key: &str| self.amount_setting(key);
        let default = crate::metrics::LtvThresholds::default();
        facts.ltv_thresholds = crate::metrics::LtvThresholds {
            healthy: read(crate::domain::settings::LTV_HEALTHY)?.unwrap_or(default.healthy),
            thin: read(crate::domain::settings::LTV_THIN)?.unwrap_or(default.thin),
        };
        let within = facts.ltv_days();
        let mut out = Vec::new();
        let mut stmt = self
            .conn
            .prepare("SELECT first_evidence, packed FROM cohort_window")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(first) = evidence.get(&r.get::<_, i64>(0)?) else {
                continue;
            };
            let packed = r.get_ref(1)?.as_blob()?;
            out.reserve(packed.len() / RECORD);
            for (day, e, sums) in unpack(packed) {
                let (Some(first_on), Some(own)) = (
                    chrono::NaiveDate::from_num_days_from_ce_opt(day),
                    evidence.get(&e),
                ) else {
                    continue;
                };
                out.push(CohortFact {
                    first_on,
                    first_codes: first.0.clone(),
                    first_utm: first.1,
                    below: within,
                    codes: own.0.clone(),
                    utm: own.1,
                    sums,
                });
            }
        }
        facts.cohorts = out;
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
        let evidence = super::order_reader::read_evidence(&self.conn, &mut codes, &mut utms)?;
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
