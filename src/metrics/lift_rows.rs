//! The last step of the lift model in `lift.rs`: each creator's row of the report from what
//! the model found (incremental orders and revenue with their 80 % range, ROI, the share a
//! leak took, the flags in words), and the ranking of the rows.

use super::lift_report::{LiftOptions, LiftRow, Z80};
use super::lift_uses::{Creator, Kind, Leak};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The calibration of the 80 % range (docs/lift.md, "Ranges"): the model's own standard
/// errors cover too little, because a creator's share of buyers who type her code is not
/// the shop's. Her orders without a code are taken as known to within this share of
/// themselves, and as this many times more variable than a Poisson count; both fitted on
/// the simulated shops of `lift_sim.rs` for 80–90 % coverage.
const RANGE_SHARE: f64 = 0.2;
const RANGE_DISPERSION: f64 = 6.0;

/// Her row from what the model found.
pub(super) fn build_row(
    inf: &super::InfluencerFact,
    creator: &Creator,
    leak: Option<Leak>,
    (uncoded, uncoded_se): (f64, f64),
    cost: Decimal,
    shop_aov_cents: f64,
    options: &LiftOptions,
) -> LiftRow {
    let code_orders = creator.total(None);
    let leak_orders = leak.map_or(0.0, |l| l.orders);
    let coded = (code_orders - leak_orders).max(0.0);
    let incremental = coded + uncoded;
    let sd = (uncoded_se.powi(2)
        + leak.map_or(0.0, |l| l.variance)
        + (RANGE_SHARE * uncoded).powi(2)
        + RANGE_DISPERSION * uncoded)
        .sqrt();
    let low = (incremental - Z80 * sd).max(0.0);
    let high = incremental + Z80 * sd;
    let aov_cents = her_average_order(creator, leak, shop_aov_cents);
    let aov =
        Decimal::from_f64_retain(aov_cents.round()).unwrap_or_default() / Decimal::ONE_HUNDRED;
    let orders_dec = Decimal::from_f64_retain(incremental)
        .unwrap_or_default()
        .round_dp(2);
    let incremental_revenue = orders_dec * aov;
    let incremental_roi_pct =
        (!cost.is_zero()).then(|| (incremental_revenue - cost) * Decimal::ONE_HUNDRED / cost);
    let mut flags = evidence_flags(creator, leak, code_orders);
    let uncertain = incremental < f64::from(options.min_orders) || low <= 0.0;
    if uncertain {
        flags.push(format!(
            "too little to rank with confidence ({incremental:.1} incremental orders, \
             80 % range {low:.1}–{high:.1})"
        ));
    }
    let basis = basis(creator, leak, uncoded);
    LiftRow {
        rank: 0,
        influencer_id: inf.id,
        handle: inf.handle.clone(),
        posts: creator.posts.len(),
        code_orders,
        leak_orders,
        coded_orders: coded,
        uncoded_orders: uncoded,
        incremental_orders: incremental,
        incremental_low: low,
        incremental_high: high,
        incremental_revenue,
        cost,
        incremental_roi_pct,
        leak_suspected: leak.is_some(),
        leak_since: leak.map(|l| creator.first + chrono::Days::new(l.since as u64)),
        uncertain,
        flags,
        basis,
        daily_coded: Vec::new(),
        post_days: creator.posts.to_vec(),
    }
}

/// Her average order in cents: her caused coded orders' (every one before a leak's start),
/// else the shop's.
fn her_average_order(creator: &Creator, leak: Option<Leak>, shop_aov_cents: f64) -> f64 {
    let (cents, count) = creator
        .uses
        .iter()
        .zip(creator.kinds)
        .filter(|((u, _), k)| **k != Kind::Outside || leak.is_none_or(|l| u.day < l.since))
        .fold((0.0, 0.0), |(c, n), ((u, _), _)| {
            (c + u.cents, n + u.weight)
        });
    if count > 0.0 {
        cents / count
    } else {
        shop_aov_cents
    }
}

/// What her coded orders say of her in words: a leaked code, her orders from one or two
/// customers only (her own code, or a friend's?), no posts logged.
fn evidence_flags(creator: &Creator, leak: Option<Leak>, code_orders: f64) -> Vec<String> {
    let mut flags = Vec::new();
    if let Some(l) = leak {
        let since = creator.first + chrono::Days::new(l.since as u64);
        flags.push(format!(
            "{CODE} used {:.0} times by new buyers outside any post window since {} — leaked?",
            l.outside,
            since.format("%-d %b %Y")
        ));
    }
    let customers: HashMap<Option<u32>, f64> =
        creator.uses.iter().fold(HashMap::new(), |mut m, (u, _)| {
            *m.entry(u.customer).or_default() += u.weight;
            m
        });
    let mut per_customer: Vec<f64> = customers
        .iter()
        .filter(|(k, _)| k.is_some())
        .map(|(_, n)| *n)
        .collect();
    per_customer.sort_by(|a, b| b.total_cmp(a));
    let top_two: f64 = per_customer.iter().take(2).sum();
    if code_orders >= 4.0 && top_two >= 0.8 * code_orders {
        flags.push(format!(
            "{code_orders:.0} coded orders from {} customer(s): her own code, or a friend's?",
            per_customer.len()
        ));
    }
    if creator.posts.is_empty() {
        flags.push(
            "no posts logged: only her coded orders are counted (log her posts to estimate \
             the rest)"
                .to_string(),
        );
    }
    flags
}

/// What her estimate rests on, in words ([`LiftRow::basis`]).
fn basis(creator: &Creator, leak: Option<Leak>, uncoded: f64) -> String {
    let count = |kind| creator.total(Some(kind));
    let (window, fans, outside) = (
        count(Kind::InWindow),
        count(Kind::Fan),
        count(Kind::Outside),
    );
    let mut parts = Vec::new();
    if window > 0.0 {
        parts.push(format!(
            "{window:.0} order(s) with her code or link inside her post windows"
        ));
    }
    if fans > 0.0 {
        parts.push(format!("{fans:.0} repeat order(s) of her code's buyers"));
    }
    if outside > 0.0 {
        parts.push(format!(
            "{outside:.0} first use(s) of her code outside her windows"
        ));
    }
    if uncoded >= 0.05 {
        parts.push(format!(
            "{uncoded:.1} order(s) without her code over the baseline after her posts"
        ));
    }
    let mut words = if parts.is_empty() {
        "rests on nothing yet (no orders with her code or link, and no lift after her posts)"
            .to_string()
    } else {
        format!("rests on {}", parts.join(", "))
    };
    if let Some(l) = leak {
        words.push_str(&format!("; less {:.1} put down to a leaked code", l.orders));
    }
    words
}

/// Where a flag names her code.
const CODE: &str = "{code}";

/// Her flags with her code's name in them (`SARAH20 used 41 times…`).
pub(super) fn with_code_in_flags(mut row: LiftRow, code: &str) -> LiftRow {
    let name = if code.is_empty() { "her code" } else { code };
    for f in &mut row.flags {
        *f = f.replace(CODE, name);
    }
    row
}

/// Ranks by incremental ROI (highest first; undefined last), then incremental revenue.
pub(super) fn rank_rows(rows: &mut [LiftRow]) {
    rows.sort_by(|a, b| {
        match (a.incremental_roi_pct, b.incremental_roi_pct) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| b.incremental_revenue.cmp(&a.incremental_revenue))
        .then_with(|| a.handle.to_lowercase().cmp(&b.handle.to_lowercase()))
    });
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
}
