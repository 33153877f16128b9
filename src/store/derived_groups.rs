//! The day groups of the derived facts as they are summed: orders grouped by day and
//! evidence (their codes and `utm_source` as stored, each text numbered once), and written to
//! `order_day` with each distinct evidence once in `order_evidence`. `derived.rs` decides
//! which orders go in; this is where they are added up and stored.

use super::order_reader::{Interner, OrderReader};
use crate::metrics::DayGroups;
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// The day groups being summed, keyed by (day, codes, source) with the texts numbered.
pub(super) struct Groups {
    groups: DayGroups<(i32, u32, Option<u32>)>,
    codes: Interner,
    utms: Interner,
}

impl Groups {
    pub(super) fn new() -> Groups {
        Groups {
            groups: DayGroups::default(),
            codes: Interner::default(),
            utms: Interner::default(),
        }
    }

    /// The group of orders placed on `day` (as stored) with `codes` and `utm` as stored.
    pub(super) fn of(&mut self, day: i32, codes: &str, utm: Option<&str>) -> usize {
        let codes = self.codes.id(codes);
        let utm = utm.map(|u| self.utms.id(u));
        self.groups.group_of((day, codes, utm))
    }

    /// [`Groups::of`] the order in row `r` of [`OrderReader::select`].
    pub(super) fn of_row(&mut self, r: &rusqlite::Row) -> rusqlite::Result<usize> {
        Ok(self.of(
            r.get(OrderReader::PLACED_ON)?,
            r.get_ref(OrderReader::CODES)?.as_str()?,
            r.get_ref(OrderReader::UTM_SOURCE)?.as_str_or_null()?,
        ))
    }

    pub(super) fn sums(&mut self, g: usize) -> &mut crate::metrics::DaySums {
        self.groups.sums(g)
    }

    /// Writes the groups to `order_day`, each pair of codes and source once in
    /// `order_evidence`.
    pub(super) fn write(self, conn: &Connection) -> rusqlite::Result<()> {
        let mut known: HashMap<(String, Option<String>), i64> = conn
            .prepare("SELECT id, codes, utm_source FROM order_evidence")?
            .query_map([], |r| Ok(((r.get(1)?, r.get(2)?), r.get(0)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut new_evidence =
            conn.prepare_cached("INSERT INTO order_evidence (codes, utm_source) VALUES (?1, ?2)")?;
        let (codes, utms) = (self.codes.names, self.utms.names);
        let mut ids: HashMap<(u32, Option<u32>), i64> = HashMap::new();
        let rows = self.groups.into_groups().map(|((day, c, u), s)| {
            let evidence = match ids.get(&(c, u)) {
                Some(&id) => id,
                None => {
                    let key = (
                        codes[c as usize].clone(),
                        u.map(|u| utms[u as usize].clone()),
                    );
                    let id = match known.get(&key) {
                        Some(&id) => id,
                        None => {
                            new_evidence.execute(params![key.0, key.1])?;
                            let id = conn.last_insert_rowid();
                            known.insert(key, id);
                            id
                        }
                    };
                    ids.insert((c, u), id);
                    id
                }
            };
            Ok((day, evidence, s))
        });
        insert_rows(
            conn,
            "INSERT INTO order_day (placed_on, evidence, orders, net_cents, new_orders,
                                    refunded_cents, plain_cents, goods_orders, product_goods,
                                    product_base)",
            10,
            rows,
            |stmt, (day, evidence, s), p| {
                stmt.raw_bind_parameter(p, day)?;
                stmt.raw_bind_parameter(p + 1, evidence)?;
                stmt.raw_bind_parameter(p + 2, s.orders)?;
                stmt.raw_bind_parameter(p + 3, s.net)?;
                stmt.raw_bind_parameter(p + 4, s.new)?;
                stmt.raw_bind_parameter(p + 5, s.refunded)?;
                stmt.raw_bind_parameter(p + 6, s.plain)?;
                stmt.raw_bind_parameter(p + 7, s.goods_orders)?;
                match &s.goods {
                    // Most groups, and every group of a shop without product costs.
                    None => {
                        stmt.raw_bind_parameter(p + 8, "0")?;
                        stmt.raw_bind_parameter(p + 9, "0")
                    }
                    Some(g) => {
                        stmt.raw_bind_parameter(p + 8, g.product.to_string())?;
                        stmt.raw_bind_parameter(p + 9, g.base.to_string())
                    }
                }
            },
        )?;
        Ok(())
    }
}

/// Rows a multi-row insert of [`insert_rows`] writes at a time.
const ROWS_A_STATEMENT: usize = 256;

/// Inserts `rows` of `width` values each, [`ROWS_A_STATEMENT`] a statement (several times
/// quicker than a statement a row), holding no more than a statement's rows at a time:
/// `head` is the statement up to `VALUES`, and `bind(statement, row, p)` binds a row from
/// parameter `p` on.
pub(super) fn insert_rows<R>(
    conn: &Connection,
    head: &str,
    width: usize,
    rows: impl IntoIterator<Item = rusqlite::Result<R>>,
    mut bind: impl FnMut(&mut rusqlite::CachedStatement, &R, usize) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let one = format!("({})", vec!["?"; width].join(","));
    let mut write = |batch: &mut Vec<R>| -> rusqlite::Result<()> {
        let sql = format!(
            "{head} VALUES {}",
            vec![one.as_str(); batch.len()].join(",")
        );
        let mut statement = conn.prepare_cached(&sql)?;
        for (i, row) in batch.iter().enumerate() {
            bind(&mut statement, row, 1 + i * width)?;
        }
        statement.raw_execute()?;
        batch.clear();
        Ok(())
    };
    let mut batch = Vec::with_capacity(ROWS_A_STATEMENT);
    for row in rows {
        batch.push(row?);
        if batch.len() == ROWS_A_STATEMENT {
            write(&mut batch)?;
        }
    }
    if !batch.is_empty() {
        write(&mut batch)?;
    }
    Ok(())
}
