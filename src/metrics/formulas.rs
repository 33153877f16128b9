//! The metric definitions, one small pure function each, as docs/metrics.md states them:
//! which orders count, net revenue, ROI, ROAS, CAC, AOV, engagement, LTV and LTV:CAC. The
//! scorecard, profit, the derived facts and the views all compute through these.

use super::OrderFact;
use crate::domain::FinancialStatus;
use rust_decimal::Decimal;

/// A *counted order*: not cancelled, its financial status is not `voided`, and it is not a
/// gift order (product seeded through the shop, recorded as a cost instead).
pub fn is_counted(order: &OrderFact) -> bool {
    counts(order.cancelled, order.status, order.gift)
}

/// The counted-order rule on its parts (an import applies it to orders as read).
pub fn counts(cancelled: bool, status: FinancialStatus, gift: bool) -> bool {
    !cancelled && status != FinancialStatus::Voided && !gift
}

/// *Net revenue* of an order: `Subtotal − min(Refunded, Subtotal)` (never below zero for a
/// non-negative subtotal).
pub fn net_revenue(order: &OrderFact) -> i64 {
    net_cents(order.subtotal, order.refunded)
}

/// [`net_revenue`] on its parts, in cents.
pub fn net_cents(subtotal: i64, refunded: i64) -> i64 {
    subtotal - refunded.clamp(0, subtotal.max(0))
}

/// *roi_pct* = (revenue − cost) / cost × 100; undefined when cost is 0.
pub fn roi_pct(revenue: Decimal, cost: Decimal) -> Option<Decimal> {
    (!cost.is_zero()).then(|| (revenue - cost) * Decimal::ONE_HUNDRED / cost)
}

/// *roas* = revenue / cost; undefined when cost is 0.
pub fn roas(revenue: Decimal, cost: Decimal) -> Option<Decimal> {
    (!cost.is_zero()).then(|| revenue / cost)
}

/// *cac* = cost / new customers; undefined when there are no new customers.
pub fn cac(cost: Decimal, new_customers: Decimal) -> Option<Decimal> {
    (!new_customers.is_zero()).then(|| cost / new_customers)
}

/// *aov* = revenue / orders; undefined when there are no orders.
pub fn aov(revenue: Decimal, orders: Decimal) -> Option<Decimal> {
    (!orders.is_zero()).then(|| revenue / orders)
}

/// *engagements* of a post = likes + comments + shares + saves, a missing count as 0. The
/// one place they are summed; each count is at most [`crate::domain::MAX_COUNT`], so the sum
/// fits, and it saturates rather than wrap if a caller passes more.
pub fn engagements(counts: [Option<u64>; 4]) -> u64 {
    counts
        .iter()
        .map(|c| c.unwrap_or(0))
        .fold(0u64, u64::saturating_add)
}

/// *engagement_rate_pct* = Σ(likes + comments + shares + saves) / Σ(followers at post) × 100;
/// undefined without posts (or when their followers add up to 0).
pub fn engagement_rate_pct(posts: u64, engagements: u64, followers: u64) -> Option<Decimal> {
    (posts > 0 && followers > 0)
        .then(|| Decimal::from(engagements) * Decimal::ONE_HUNDRED / Decimal::from(followers))
}

/// *ltv* = cohort revenue / new customers; undefined without new customers.
pub fn ltv(cohort_revenue: Decimal, new_customers: Decimal) -> Option<Decimal> {
    (!new_customers.is_zero()).then(|| cohort_revenue / new_customers)
}

/// *ltv_to_cac* = ltv / cac; undefined when cac is 0.
pub fn ltv_to_cac(ltv: Decimal, cac: Decimal) -> Option<Decimal> {
    (!cac.is_zero()).then(|| ltv / cac)
}
