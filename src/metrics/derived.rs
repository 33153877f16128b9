//! The derived facts: what the store keeps up to date at every import, undo and product cost
//! change, so that opening the scorecard never reads every order. Defined here, once, as pure
//! functions; `store::derived` folds the stored orders through them, and a property test
//! checks that what it keeps always equals a full recomputation.
//!
//! * **First orders.** Each identified customer's first counted order, by time, then order
//!   number, then position (id). An order is a new customer's when the shop says so, else when
//!   it has no customer, else when it is its customer's first ([`is_new`]).
//! * **Day sums.** The counted orders grouped by the day they were placed (shop time) and
//!   their exact evidence: the set of codes they carry and their `utm_source`. Keyed by the
//!   codes' text, not by who owns them, a group never changes when a code changes hands; the
//!   scorecard credits each group to its codes' current owners.

use super::dense::{Dense, Keyed};
use super::formulas::{is_counted, net_revenue};
use super::profit::order_goods;
use super::{Facts, OrderFact};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::hash::Hash;

/// The counted orders of one day with the same codes and `utm_source`, added up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayFact {
    pub placed_on: NaiveDate,
    /// Indexes into [`Facts::order_code_names`], as the orders carry them (shared by the
    /// groups of every day with the same codes).
    pub codes: std::sync::Arc<[u32]>,
    /// Index into [`Facts::order_utm_names`].
    pub utm_source: Option<u32>,
    pub sums: DaySums,
}

impl DayFact {
    /// Whether its orders name anyone: a code or a `utm_source`.
    pub fn has_evidence(&self) -> bool {
        !self.codes.is_empty() || self.utm_source.is_some()
    }
}

/// What the scorecard adds up over counted orders, in cents: exact, so groups add up to the
/// same totals as their orders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DaySums {
    pub orders: i64,
    /// Net revenue ([`net_revenue`]).
    pub net: i64,
    /// New customers' orders ([`is_new`]).
    pub new: i64,
    /// Refunded, as far as it counts: subtotal − net.
    pub refunded: i64,
    /// Net revenue of the orders whose goods cost is the shop-wide percent of it.
    pub plain: i64,
    /// Orders whose line items met product costs, and the two parts of their goods cost
    /// ([`order_goods`]); `None` while there are none (most groups, and every group of a
    /// shop without product costs, which keeps a group small).
    pub goods_orders: i64,
    pub goods: Option<Box<GoodsParts>>,
}

/// The two parts of the goods cost of some orders ([`order_goods`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GoodsParts {
    pub product: Decimal,
    pub base: Decimal,
}

impl DaySums {
    /// The product part of the goods cost of its orders (0 without product costs).
    pub fn product_goods(&self) -> Decimal {
        self.goods.as_ref().map_or(Decimal::ZERO, |g| g.product)
    }

    /// The shop-wide base of the goods cost of its orders whose line items met product
    /// costs (0 without any).
    pub fn product_base(&self) -> Decimal {
        self.goods.as_ref().map_or(Decimal::ZERO, |g| g.base)
    }
}

impl DaySums {
    /// Adds another group's sums (the same orders counted once: groups never overlap).
    pub fn merge(&mut self, other: &DaySums) {
        self.orders += other.orders;
        self.net += other.net;
        self.new += other.new;
        self.refunded += other.refunded;
        self.plain += other.plain;
        self.goods_orders += other.goods_orders;
        if let Some(g) = &other.goods {
            let goods = self.goods.get_or_insert_with(Box::default);
            goods.product += g.product;
            goods.base += g.base;
        }
    }

    /// Adds one counted order; `new` from [`is_new`].
    pub fn add(&mut self, order: &OrderFact, new: bool) {
        let net = net_revenue(order);
        self.orders += 1;
        self.net += net;
        self.new += i64::from(new);
        self.refunded += order.subtotal - net;
        if order.goods.is_some() {
            let (product, base) = order_goods(order);
            self.goods_orders += 1;
            let goods = self.goods.get_or_insert_with(Box::default);
            goods.product += product;
            goods.base += base;
        } else {
            self.plain += net;
        }
    }
}

/// Whether a counted order is a new customer's: the shop's own flag where the export gives
/// one; otherwise an order without a customer is new, and one with a customer is new when it
/// is its customer's first counted order (`first`).
pub fn is_new(order: &OrderFact, first: bool) -> bool {
    order
        .customer_new
        .unwrap_or(order.customer.is_none() || first)
}

/// Where an order stands among its customer's orders: time, then order number, then id.
pub type Precedence = (i64, i64, i64);

/// Each customer's first counted order, offered one order at a time in any order. `S` hashes
/// the customer (the store's numbers are already hashes and need no more mixing).
#[derive(Debug, Clone)]
pub struct FirstOrders<C, V, S = std::hash::RandomState> {
    first: Dense<First<C, V>, S>,
}

/// A customer's first order so far, and what it carries.
#[derive(Debug, Clone)]
struct First<C, V> {
    customer: C,
    at: Precedence,
    value: V,
}

impl<C: Eq + Hash, V> Keyed for First<C, V> {
    type Key = C;
    fn key(&self) -> &C {
        &self.customer
    }
}

impl<C, V, S: Default> Default for FirstOrders<C, V, S> {
    fn default() -> Self {
        FirstOrders {
            first: Dense::default(),
        }
    }
}

impl<C: Eq + Hash + Clone, V, S: std::hash::BuildHasher> FirstOrders<C, V, S> {
    /// Offers a counted order of `customer` at `at`, carrying `value`: kept when it comes
    /// before every order offered for that customer so far.
    pub fn offer(&mut self, customer: C, at: Precedence, value: V) {
        let mut value = Some(value);
        let (position, new) = self.first.position_or_insert(&customer, || First {
            customer: customer.clone(),
            at,
            value: value.take().expect("made once"),
        });
        let first = self.first.get_mut(position);
        if !new && at < first.at {
            first.at = at;
            first.value = value.take().expect("not taken: the entry was there");
        }
    }

    /// The first order of `customer`, if one was offered.
    pub fn get(&self, customer: &C) -> Option<(Precedence, &V)> {
        let first = self.first.get(self.first.position(customer)?);
        Some((first.at, &first.value))
    }
}

impl<C, V, S> FirstOrders<C, V, S> {
    /// How many customers have a first order.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// Every customer with the first order offered.
    pub fn into_firsts(self) -> impl Iterator<Item = (C, Precedence, V)> {
        self.first
            .into_entries()
            .map(|f| (f.customer, f.at, f.value))
    }
}

/// Sums of counted orders by a key (a day group's day and evidence), built one order at a
/// time, in the order keys are first met; each key stored once, with its sums.
#[derive(Debug)]
pub struct DayGroups<K> {
    /// Hashed by foldhash: the keys are small, and nothing outside the program chooses them.
    groups: Dense<Group<K>, hashbrown::DefaultHashBuilder>,
}

/// A group's key and sums.
#[derive(Debug)]
struct Group<K> {
    key: K,
    sums: DaySums,
}

impl<K: Eq + Hash> Keyed for Group<K> {
    type Key = K;
    fn key(&self) -> &K {
        &self.key
    }
}

impl<K> Default for DayGroups<K> {
    fn default() -> Self {
        DayGroups {
            groups: Dense::default(),
        }
    }
}

impl<K: Eq + Hash + Clone> DayGroups<K> {
    /// The position of the group of `key`, made empty when it is new.
    pub fn group_of(&mut self, key: K) -> usize {
        self.groups
            .position_or_insert(&key, || Group {
                key: key.clone(),
                sums: DaySums::default(),
            })
            .0
    }
}

impl<K> DayGroups<K> {
    /// The sums of the group at `position` (from [`DayGroups::group_of`]).
    pub fn sums(&mut self, position: usize) -> &mut DaySums {
        &mut self.groups.get_mut(position).sums
    }

    /// The groups with their keys, in the order they were made.
    pub fn into_groups(self) -> impl Iterator<Item = (K, DaySums)> {
        self.groups.into_entries().map(|g| (g.key, g.sums))
    }
}

/// The day groups of `orders` (positions stand for ids): what the store keeps, computed
/// from scratch.
pub fn day_groups(orders: &[OrderFact]) -> Vec<DayFact> {
    let mut first: FirstOrders<u32, usize> = FirstOrders::default();
    for (position, o) in orders.iter().enumerate() {
        if let Some(customer) = o.customer.filter(|_| is_counted(o)) {
            first.offer(customer, (o.placed_at, o.number, position as i64), position);
        }
    }
    let mut groups = DayGroups::default();
    for (position, o) in orders.iter().enumerate().filter(|(_, o)| is_counted(o)) {
        let first = o
            .customer
            .and_then(|c| first.get(&c))
            .is_some_and(|(_, &p)| p == position);
        let g = groups.group_of((o.placed_on, o.codes.clone(), o.utm_source));
        groups.sums(g).add(o, is_new(o, first));
    }
    let mut days: Vec<DayFact> = groups
        .into_groups()
        .map(|((placed_on, codes, utm_source), sums)| DayFact {
            placed_on,
            codes: codes.into(),
            utm_source,
            sums,
        })
        .collect();
    days.sort_by(|a, b| {
        (a.placed_on, &a.codes, a.utm_source).cmp(&(b.placed_on, &b.codes, b.utm_source))
    });
    days
}

impl Facts {
    /// How many counted orders the day groups hold.
    pub fn counted_orders(&self) -> i64 {
        self.days.iter().map(|d| d.sums.orders).sum()
    }

    /// Fills [`Facts::days`] from [`Facts::orders`]: for facts built by hand (the store
    /// loads the groups it keeps instead).
    pub fn derive_days(&mut self) {
        self.days = day_groups(&self.orders);
    }
}
