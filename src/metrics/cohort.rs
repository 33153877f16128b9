//! Customer cohorts: what the buyers a creator acquired went on to spend (docs/metrics.md,
//! "Lifetime value").
//!
//! * A customer is *acquired* by her first counted order (the one the `new_customers` column
//!   counts; an order without a customer is its own customer). That order's creators share
//!   her as they share the order: 1/k each, through the campaign filter's codes.
//! * Her *window* is every counted order of hers placed less than D × 24 hours after the
//!   first, the first included (D = the `ltv-days` setting, default 365).
//! * A creator's *cohort revenue* is Σ share × net revenue of her acquired customers' window
//!   orders; *repeat orders* and *repeat revenue* count only the later window orders that
//!   credit no creator (an order with a creator's code or link is already that creator's).
//!
//! The store keeps the window orders summed by the first order's day and evidence, the
//! order's own evidence and the bound of days its age falls under ([`CohortFact`], built by
//! [`CohortBuilder`]); every figure here is computed from those sums.

use super::attribution::{Owners, credited};
use super::row::ScorecardOptions;
use super::{Facts, Period};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The window, in days, when `ltv-days` is not set.
pub const DEFAULT_LTV_DAYS: u32 = 365;
/// The longest window `ltv-days` may set (two years): the setting's own bound.
pub use crate::domain::settings::MAX_LTV_DAYS;
/// The windows the detail pane reads a cohort at, in days.
pub const DETAIL_DAYS: [u32; 3] = [30, 90, 365];
/// The cohort chart's months: 30 days each, twelve of them.
pub const MONTH_DAYS: u32 = 30;
pub const CHART_MONTHS: u32 = 12;

/// The bounds, in days, the store sums window orders under: every 30-day month of a year,
/// the detail pane's windows, and `ltv_days`; ascending, each once.
pub fn cohort_bounds(ltv_days: u32) -> Vec<u32> {
    let mut bounds: Vec<u32> = (1..=CHART_MONTHS).map(|m| m * MONTH_DAYS).collect();
    bounds.extend(DETAIL_DAYS);
    bounds.push(ltv_days.max(1));
    bounds.sort_unstable();
    bounds.dedup();
    bounds
}

/// The bound an order `age` seconds after the first falls under: the smallest bound `b`
/// with `age < b × 24 h`; `None` past the last (never in a window).
pub fn bound_of(age: i64, bounds: &[u32]) -> Option<u32> {
    let days = age.max(0) / 86_400;
    bounds.iter().copied().find(|&b| days < i64::from(b))
}

/// How LTV:CAC reads: what her customers are worth against what they cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// At least `healthy` (3 by default): worth their cost with room to spare.
    Healthy,
    /// From `thin` (1) up to `healthy`: they pay for themselves, thinly.
    Thin,
    /// Below `thin`: they cost more than they bring.
    Losing,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::Thin => "thin",
            Health::Losing => "losing",
        }
    }
}

/// The LTV:CAC thresholds (the settings `ltv-healthy` and `ltv-thin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LtvThresholds {
    pub healthy: Decimal,
    pub thin: Decimal,
}

impl Default for LtvThresholds {
    fn default() -> Self {
        LtvThresholds {
            healthy: Decimal::from(3),
            thin: Decimal::ONE,
        }
    }
}

impl LtvThresholds {
    /// How an LTV:CAC reads.
    pub fn health(&self, ltv_to_cac: Decimal) -> Health {
        if ltv_to_cac >= self.healthy {
            Health::Healthy
        } else if ltv_to_cac >= self.thin {
            Health::Thin
        } else {
            Health::Losing
        }
    }
}

/// What a cohort group adds up, in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CohortSums {
    /// First orders (customers acquired) and their net revenue.
    pub firsts: i64,
    pub first_net: i64,
    /// Customers whose second counted order is in this group (they came back).
    pub comebacks: i64,
    /// Window orders, first orders included, and their net revenue.
    pub orders: i64,
    pub net: i64,
}

impl CohortSums {
    pub fn add(&mut self, other: &CohortSums) {
        self.firsts += other.firsts;
        self.first_net += other.first_net;
        self.comebacks += other.comebacks;
        self.orders += other.orders;
        self.net += other.net;
    }
}

/// The window orders of the customers acquired on one day by one evidence (codes and
/// `utm_source`, as in [`super::DayFact`]), with one evidence of their own, whose age is
/// under `below` days (and at least the bound before it, for the store's rows; the
/// scorecard's rows hold everything under the window).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortFact {
    pub first_on: NaiveDate,
    pub first_codes: Arc<[u32]>,
    pub first_utm: Option<u32>,
    pub below: u32,
    pub codes: Arc<[u32]>,
    pub utm: Option<u32>,
    pub sums: CohortSums,
}

/// A cohort group: the first order's group, an order's evidence, the bound of its age.
pub type GroupKey<G, E> = (G, E, u32);

/// One counted order offered to the builder: when it was placed (seconds), its evidence
/// and its net revenue.
#[derive(Debug, Clone)]
pub struct WindowOrder<E> {
    pub placed_at: i64,
    pub evidence: E,
    pub net: i64,
}

/// Sums window orders into cohort groups, customer by customer: each customer's counted
/// orders in the order she placed them ([`CohortBuilder::customer`]), and the orders
/// without a customer ([`CohortBuilder::anonymous`]). `G` is the group a first order opens
/// (its day and evidence), `E` an order's evidence. Only the groups are kept, in key order:
/// nothing grows with the customers.
pub struct CohortBuilder<G, E> {
    bounds: Vec<u32>,
    groups: std::collections::BTreeMap<GroupKey<G, E>, CohortSums>,
}

impl<G: Ord + Clone, E: Ord + Clone> CohortBuilder<G, E> {
    pub fn new(ltv_days: u32) -> Self {
        CohortBuilder {
            bounds: cohort_bounds(ltv_days),
            groups: Default::default(),
        }
    }

    /// One customer's counted orders in the order she placed them (time, order number,
    /// id), her first first: it opens her cohort in `group`; every order falls under the
    /// bound of its age (none past the last); her earliest later order, inside the window,
    /// marks her come-back.
    pub fn customer(&mut self, group: G, orders: &[WindowOrder<E>]) {
        let Some(first) = orders.first() else {
            return;
        };
        for (i, order) in orders.iter().enumerate() {
            let Some(below) = bound_of(order.placed_at - first.placed_at, &self.bounds) else {
                continue;
            };
            let sums = self
                .groups
                .entry((group.clone(), order.evidence.clone(), below))
                .or_default();
            sums.orders += 1;
            sums.net += order.net;
            match i {
                0 => {
                    sums.firsts += 1;
                    sums.first_net += order.net;
                }
                1 => sums.comebacks += 1,
                _ => {}
            }
        }
    }

    /// A counted order without a customer, counted new: a customer of its own, acquired by
    /// itself, in `group`.
    pub fn anonymous(&mut self, group: G, order: &WindowOrder<E>) {
        let key = (group, order.evidence.clone(), self.bounds[0]);
        self.groups.entry(key).or_default().add(&CohortSums {
            firsts: 1,
            first_net: order.net,
            comebacks: 0,
            orders: 1,
            net: order.net,
        });
    }

    /// The groups, in key order: (first order's group, evidence, bound) and their sums.
    pub fn finish(self) -> std::collections::BTreeMap<GroupKey<G, E>, CohortSums> {
        self.groups
    }
}

/// A creator's cohort, added up over her share of each acquired customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cohort {
    /// Customers acquired (her share of them).
    pub customers: Decimal,
    /// Of them, those who placed another counted order inside the window.
    pub came_back: Decimal,
    /// Σ share × net revenue of the window orders.
    pub revenue: Decimal,
    /// Later window orders that credit no creator, and their net revenue.
    pub repeat_orders: Decimal,
    pub repeat_revenue: Decimal,
}

impl Cohort {
    /// Revenue per acquired customer over the window; undefined without customers.
    pub fn per_customer(&self) -> Option<Decimal> {
        (!self.customers.is_zero()).then(|| self.revenue / self.customers)
    }
}

/// The cohorts of a period (customers whose first order falls in it; their windows run past
/// its end) under `within` days: one per influencer of [`Facts::influencers`], and the
/// organic one (customers whose first order credits no creator), at the end. `owners` is
/// the scorecard's own ([`Owners::new`] of these facts).
pub(super) fn cohorts(
    facts: &Facts,
    owners: &Owners,
    (groups, options): (&[CohortFact], &ScorecardOptions),
    today: NaiveDate,
    within: u32,
) -> Vec<Cohort> {
    owned_cohorts(facts, owners, (groups, options), today, &[within])
        .pop()
        .unwrap_or_default()
}

/// [`cohorts`] under each of `withins` days at once (one pass over the groups): by window,
/// then by influencer, organic last.
pub fn cohorts_within(
    facts: &Facts,
    groups: &[CohortFact],
    options: &ScorecardOptions,
    today: NaiveDate,
    withins: &[u32],
) -> Vec<Vec<Cohort>> {
    let owners = Owners::new(facts, &facts.influencer_index());
    owned_cohorts(facts, &owners, (groups, options), today, withins)
}

/// [`cohorts_within`] with whom codes and sources credit already worked out.
fn owned_cohorts(
    facts: &Facts,
    owners: &Owners,
    (groups, options): (&[CohortFact], &ScorecardOptions),
    today: NaiveDate,
    withins: &[u32],
) -> Vec<Vec<Cohort>> {
    let range = options.period.range(today);
    let organic = facts.influencers.len();
    // By window, by creator (organic last) and by how many share the first order, in cents:
    // divided once at the end, exactly.
    let mut wide: Vec<Vec<Vec<[i128; 5]>>> = vec![vec![Vec::new(); organic + 1]; withins.len()];
    let mut who: Vec<(usize, bool)> = Vec::new();
    let mut shares: Vec<(usize, usize)> = Vec::new();
    let mut last_first: Option<(Arc<[u32]>, Option<u32>)> = None;
    let mut free: hashbrown::HashMap<(usize, Option<u32>), bool> = hashbrown::HashMap::new();
    for c in groups
        .iter()
        .filter(|c| Period::contains(range, c.first_on))
    {
        // The store gives a first order's groups one after another: whom it credits is
        // worked out once for them.
        let same_first = last_first
            .as_ref()
            .is_some_and(|(codes, utm)| Arc::ptr_eq(codes, &c.first_codes) && *utm == c.first_utm);
        if !same_first {
            credited(owners, options, (&c.first_codes, c.first_utm), &mut who);
            shares.clear();
            if who.is_empty() {
                shares.push((organic, 1));
            }
            let k = who.len();
            shares.extend(
                who.iter()
                    .filter(|(_, counts)| *counts)
                    .map(|&(i, _)| (i, k)),
            );
            last_first = Some((c.first_codes.clone(), c.first_utm));
        }
        // Whether the group's own evidence credits no creator, once per evidence.
        let later_free = *free
            .entry((Arc::as_ptr(&c.codes) as *const u32 as usize, c.utm))
            .or_insert_with(|| owners.of(&c.codes, c.utm).next().is_none());
        for (w, _) in withins.iter().enumerate().filter(|(_, d)| c.below <= **d) {
            for &(i, k) in &shares {
                add_share(&mut wide[w][i], k, &c.sums, later_free);
            }
        }
    }
    wide.into_iter()
        .map(|by_who| by_who.iter().map(|shares| divided(shares)).collect())
        .collect()
}

/// Adds a group to a creator's sums at share 1/k (kept at k − 1).
fn add_share(shares: &mut Vec<[i128; 5]>, k: usize, s: &CohortSums, later_free: bool) {
    if shares.len() < k {
        shares.resize(k, [0; 5]);
    }
    let w = &mut shares[k - 1];
    w[0] += i128::from(s.firsts);
    w[1] += i128::from(s.comebacks);
    w[2] += i128::from(s.net);
    if later_free {
        w[3] += i128::from(s.orders - s.firsts);
        w[4] += i128::from(s.net - s.first_net);
    }
}

/// A creator's cohort beside the organic one (customers whose first order credits no
/// creator), for the detail pane and the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortDetail {
    /// At each of [`DETAIL_DAYS`]: the window's days, hers, organic.
    pub at: Vec<(u32, Cohort, Cohort)>,
    /// Cumulative revenue per acquired customer at the end of each 30-day month since the
    /// first order (1 to [`CHART_MONTHS`]): hers, organic; undefined without customers.
    pub months: Vec<(Option<Decimal>, Option<Decimal>)>,
}

impl CohortDetail {
    /// How many times an organic customer hers is worth over `days` (the last of
    /// [`DETAIL_DAYS`] the window reaches); undefined where either has no customers or the
    /// organic one is worth nothing.
    pub fn times_organic(&self) -> Option<(u32, Decimal)> {
        let (days, hers, organic) = self.at.last()?;
        let (h, o) = (hers.per_customer()?, organic.per_customer()?);
        (!o.is_zero()).then(|| (*days, h / o))
    }
}

/// The cohort of influencer `id` and the organic one, from the store's groups bound by
/// bound ([`CohortFact`]); `None` for an id not on the roster.
pub fn cohort_detail(
    facts: &Facts,
    groups: &[CohortFact],
    options: &ScorecardOptions,
    today: NaiveDate,
    id: i64,
) -> Option<CohortDetail> {
    let who = facts.influencers.iter().position(|i| i.id == id)?;
    let organic = facts.influencers.len();
    let months: Vec<u32> = (1..=CHART_MONTHS).map(|m| m * MONTH_DAYS).collect();
    let withins: Vec<u32> = DETAIL_DAYS.iter().chain(&months).copied().collect();
    let table = cohorts_within(facts, groups, options, today, &withins);
    let pair = |i: usize| (table[i][who], table[i][organic]);
    Some(CohortDetail {
        at: DETAIL_DAYS
            .iter()
            .enumerate()
            .map(|(i, &d)| (d, pair(i).0, pair(i).1))
            .collect(),
        months: (0..months.len())
            .map(|m| {
                let (h, o) = pair(DETAIL_DAYS.len() + m);
                (h.per_customer(), o.per_customer())
            })
            .collect(),
    })
}

/// Sums kept by share (at k − 1, what k creators share), each divided once.
fn divided(shares: &[[i128; 5]]) -> Cohort {
    let mut out = Cohort::default();
    let cents = crate::domain::from_wide_cents;
    for (i, s) in shares.iter().enumerate() {
        let k = Decimal::from(i as u64 + 1);
        out.customers += Decimal::from_i128_with_scale(s[0], 0) / k;
        out.came_back += Decimal::from_i128_with_scale(s[1], 0) / k;
        out.revenue += cents(s[2]) / k;
        out.repeat_orders += Decimal::from_i128_with_scale(s[3], 0) / k;
        out.repeat_revenue += cents(s[4]) / k;
    }
    out
}

#[cfg(test)]
#[path = "cohort_tests.rs"]
mod tests;
