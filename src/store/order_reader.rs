//! Reading stored orders back: each row of `shop_order` into an [`OrderFact`], with codes and
//! sources interned, customers numbered densely and line items met against the unit costs.
//! The loader (`facts.rs`) and the derived facts (`derived.rs`) read orders through it, so
//! both see the same order.

use crate::domain::{Cents, FinancialStatus};
use crate::metrics::{DaySums, GoodsParts, OrderFact, OrderGoods};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Customer numbers are already the bits of a SHA-256: hashing them again is wasted work.
#[derive(Default)]
pub(super) struct NumberHasher(u64);

/// Hash maps keyed by customer numbers use [`NumberHasher`].
pub(super) type ByNumber = BuildHasherDefault<NumberHasher>;

impl Hasher for NumberHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_i64(&mut self, n: i64) {
        self.0 = n as u64;
    }
}

/// A day stored as days from 0001-01-01 (day 1).
pub(super) fn day_col(r: &rusqlite::Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let days: i32 = r.get(i)?;
    NaiveDate::from_num_days_from_ce_opt(days)
        .ok_or(rusqlite::Error::IntegralValueOutOfRange(i, i64::from(days)))
}

/// Reads stored orders into [`OrderFact`]s: codes and sources interned, customers numbered
/// densely, line items met against the unit costs. The loader and the derived facts
/// (`derived.rs`) read orders through it, so both see the same order.
pub(super) struct OrderReader {
    codes: Interner,
    utms: Interner,
    statuses: HashMap<String, FinancialStatus>,
    customers: HashMap<i64, u32, BuildHasherDefault<NumberHasher>>,
    unit_costs: HashMap<String, Cents>,
    /// Only what sums need (the derived facts): codes and source are left empty and every
    /// customer is numbered 0, which saves an allocation and a lookup an order.
    lean: bool,
}

impl OrderReader {
    /// The columns [`OrderReader::select`] puts each order's id, day (as stored), stored
    /// customer number, `utm_source` and codes (as stored) in.
    pub(super) const ID: usize = 0;
    pub(super) const PLACED_ON: usize = 3;
    pub(super) const CUSTOMER: usize = 4;
    pub(super) const UTM_SOURCE: usize = 11;
    pub(super) const CODES: usize = 12;

    pub(super) fn new(
        unit_costs: HashMap<String, Cents>,
        code_names: Vec<String>,
        utm_names: Vec<String>,
    ) -> OrderReader {
        OrderReader {
            codes: Interner::from(code_names),
            utms: Interner::from(utm_names),
            statuses: HashMap::new(),
            customers: HashMap::default(),
            unit_costs,
            lean: false,
        }
    }

    /// A reader for sums only (see `lean`); the caller reads codes and source as text.
    pub(super) fn lean(unit_costs: HashMap<String, Cents>) -> OrderReader {
        OrderReader {
            lean: true,
            ..OrderReader::new(unit_costs, Vec::new(), Vec::new())
        }
    }

    /// The query of the orders `filter` (a `WHERE` clause, or empty) keeps, by id, in the
    /// columns [`OrderReader::read`] reads.
    pub(super) fn select(&self, filter: &str) -> String {
        // Line items are read only when some product has a cost: nothing else needs them.
        let items = if self.unit_costs.is_empty() {
            "''"
        } else {
            "items"
        };
        format!(
            "SELECT id, placed_at, number, placed_on, customer, status, cancelled,
                    subtotal_cents, refunded_cents, customer_new, gift, utm_source, codes,
                    {items}
             FROM shop_order {filter} ORDER BY id"
        )
    }

    /// One row of [`OrderReader::select`].
    pub(super) fn read(&mut self, r: &rusqlite::Row) -> rusqlite::Result<OrderFact> {
        let codes_text = r.get_ref(12)?.as_str()?;
        let codes: Box<[u32]> = if self.lean {
            Box::new([])
        } else {
            codes_text
                .split('\n')
                .filter(|c| !c.is_empty())
                .map(|code| self.codes.id(code))
                .collect()
        };
        let status_text = r.get_ref(5)?.as_str()?;
        let status = match self.statuses.get(status_text) {
            Some(s) => *s,
            None => {
                let s = FinancialStatus::from_name(status_text);
                self.statuses.insert(status_text.to_string(), s);
                s
            }
        };
        let utm_text = r.get_ref(11)?.as_str_or_null()?;
        let utm_source = utm_text.filter(|_| !self.lean).map(|u| self.utms.id(u));
        let goods = order_goods(r.get_ref(13)?.as_str()?, &self.unit_costs)
            .ok_or(rusqlite::Error::InvalidColumnType(
                13,
                "items".into(),
                rusqlite::types::Type::Text,
            ))?
            .map(Box::new);
        let customers = &mut self.customers;
        let lean = self.lean;
        Ok(OrderFact {
            placed_at: r.get(1)?,
            number: r.get(2)?,
            placed_on: day_col(r, 3)?,
            customer: r.get::<_, Option<i64>>(Self::CUSTOMER)?.map(|c| {
                if lean {
                    return 0;
                }
                let next = customers.len() as u32;
                *customers.entry(c).or_insert(next)
            }),
            status,
            cancelled: r.get(6)?,
            subtotal: r.get(7)?,
            refunded: r.get(8)?,
            codes,
            customer_new: r.get(9)?,
            gift: r.get(10)?,
            utm_source,
            goods,
        })
    }

    /// The code names and source names the orders read index into.
    pub(super) fn into_names(self) -> (Vec<String>, Vec<String>) {
        (self.codes.names, self.utms.names)
    }
}

/// An order's stored line items against the unit costs: `Some(None)` when it lists none,
/// `None` when the text cannot be read.
pub(super) fn order_goods(
    items: &str,
    unit_costs: &HashMap<String, Cents>,
) -> Option<Option<OrderGoods>> {
    if items.is_empty() {
        return Some(None);
    }
    let mut goods = OrderGoods::default();
    for item in crate::domain::decode_items(items)? {
        let value = item.quantity.saturating_mul(item.price);
        goods.line_value = goods.line_value.saturating_add(value);
        match unit_costs.get(&crate::domain::sku_key(&item.sku)) {
            Some(&unit) if !item.sku.trim().is_empty() => {
                let cost = item.quantity.saturating_mul(unit);
                goods.known_cost = goods.known_cost.saturating_add(cost);
            }
            _ => goods.other_value = goods.other_value.saturating_add(value),
        }
    }
    Some(Some(goods))
}

/// Distinct strings numbered in the order they are first seen (hashed by foldhash: they
/// are looked up once an order, and nothing outside the program chooses them to collide).
#[derive(Default)]
pub(super) struct Interner {
    ids: hashbrown::HashMap<String, u32>,
    pub(super) names: Vec<String>,
    /// The number of the empty string once seen: most orders carry no code, and this spares
    /// them the lookup.
    empty: Option<u32>,
}

impl From<Vec<String>> for Interner {
    fn from(names: Vec<String>) -> Interner {
        let ids: hashbrown::HashMap<String, u32> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let empty = ids.get("").copied();
        Interner { ids, names, empty }
    }
}

impl Interner {
    pub(super) fn id(&mut self, name: &str) -> u32 {
        if name.is_empty()
            && let Some(id) = self.empty
        {
            return id;
        }
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        if name.is_empty() {
            self.empty = Some(id);
        }
        id
    }
}

/// [`crate::metrics::counts`] as SQL over `shop_order`, for the one query that needs it
/// there; `first_orders_agree_in_memory_and_in_sql` checks they agree.
pub(super) const COUNTED: &str = "cancelled = 0 AND gift = 0 AND lower(trim(status)) <> 'voided'";

/// `Store::product_cost_map` on any connection (a migration has only its transaction).
pub(super) fn unit_costs(conn: &rusqlite::Connection) -> rusqlite::Result<HashMap<String, Cents>> {
    let mut stmt = conn.prepare("SELECT sku, unit_cents FROM product_cost")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            crate::domain::sku_key(&r.get::<_, String>(0)?),
            r.get::<_, Cents>(1)?,
        ))
    })?;
    rows.collect()
}

/// An evidence's codes and source, numbered.
pub(super) type Evidence = (Arc<[u32]>, Option<u32>);

/// Each evidence (a distinct pair of codes and source) the derived facts share, by id, its
/// texts numbered by `codes` and `utms`.
pub(super) fn read_evidence(
    conn: &rusqlite::Connection,
    codes: &mut Interner,
    utms: &mut Interner,
) -> rusqlite::Result<HashMap<i64, Evidence>> {
    let mut evidence = HashMap::new();
    let mut stmt = conn.prepare("SELECT id, codes, utm_source FROM order_evidence")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let ids: Arc<[u32]> = r
            .get_ref(1)?
            .as_str()?
            .split('\n')
            .filter(|c| !c.is_empty())
            .map(|code| codes.id(code))
            .collect();
        let utm = r.get_ref(2)?.as_str_or_null()?.map(|u| utms.id(u));
        evidence.insert(r.get(0)?, (ids, utm));
    }
    Ok(evidence)
}

/// The columns of a group's [`DaySums`], in the order [`read_sums`] reads them.
pub(super) const SUMS_COLUMNS: &str = "orders, net_cents, new_orders, refunded_cents, plain_cents, \
     goods_orders, product_goods, product_base";

/// A group's sums from [`SUMS_COLUMNS`], starting at column `first`. The goods parts are
/// decimals as text, read exactly (`"0"` for every group until product costs are known).
pub(super) fn read_sums(r: &rusqlite::Row, first: usize) -> rusqlite::Result<DaySums> {
    let decimal = |i: usize| -> rusqlite::Result<rust_decimal::Decimal> {
        let text = r.get_ref(i)?.as_str()?;
        if text == "0" {
            return Ok(rust_decimal::Decimal::ZERO);
        }
        text.parse().map_err(|_| {
            rusqlite::Error::InvalidColumnType(i, "decimal".into(), rusqlite::types::Type::Text)
        })
    };
    let goods_orders: i64 = r.get(first + 5)?;
    Ok(DaySums {
        orders: r.get(first)?,
        net: r.get(first + 1)?,
        new: r.get(first + 2)?,
        refunded: r.get(first + 3)?,
        plain: r.get(first + 4)?,
        goods_orders,
        // As summed: parts once an order met product costs.
        goods: match goods_orders {
            0 => None,
            _ => Some(Box::new(GoodsParts {
                product: decimal(first + 6)?,
                base: decimal(first + 7)?,
            })),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn texts_are_numbered_once_in_the_order_first_seen_the_empty_one_too() {
        let mut codes = Interner::default();
        let ids: Vec<u32> = ["MAYA10", "", "ZED5", "", "MAYA10", ""]
            .iter()
            .map(|c| codes.id(c))
            .collect();
        assert_eq!(ids, [0, 1, 2, 1, 0, 1]);
        assert_eq!(codes.names, ["MAYA10", "", "ZED5"]);
        // Numbered as loaded, the empty text among them.
        let mut loaded = Interner::from(vec!["A".to_string(), String::new()]);
        assert_eq!((loaded.id(""), loaded.id("A"), loaded.id("B")), (1, 0, 2));
    }
}
