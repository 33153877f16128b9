//! Profit: what an order's goods cost (from product costs or the shop-wide percent, scaled
//! for refunds), gross profit, profit ROI and the break-even ROAS. See docs/metrics.md,
//! "Profit" and "Cost of goods".

use super::formulas::{net_revenue, roi_pct};
use super::{OrderFact, ProfitSettings};
use crate::domain::from_cents;
use rust_decimal::Decimal;

/// *gross_profit* = revenue × (1 − fee_pct/100) − goods_cost − orders × fee_fixed, where
/// `goods_cost` comes from [`goods_cost`] (revenue × cogs_pct/100 when no product costs are
/// known, which makes it revenue × (1 − cogs_pct/100 − fee_pct/100) − orders × fee_fixed).
pub fn gross_profit(
    revenue: Decimal,
    orders: Decimal,
    goods_cost: Decimal,
    p: &ProfitSettings,
) -> Decimal {
    revenue * (Decimal::ONE - p.fee_pct / Decimal::ONE_HUNDRED) - goods_cost - orders * p.fee_fixed
}

/// *goods_cost* of some orders = Σ their product part + cogs_pct/100 × Σ their shop-wide
/// base, the parts of each order given by [`order_goods`].
pub fn goods_cost(product_part: Decimal, shop_wide_base: Decimal, p: &ProfitSettings) -> Decimal {
    product_part + shop_wide_base * p.cogs_pct / Decimal::ONE_HUNDRED
}

/// The two parts of a counted order's goods cost, already scaled for refunds:
/// `(product part, shop-wide base)`.
///
/// * Without line items matched against product costs: `(0, net)`; its goods cost is then
///   cogs_pct/100 × net.
/// * With them: product part = Σ quantity × unit cost over the lines whose SKU has a cost,
///   × net / subtotal; shop-wide base = net × (Σ quantity × price over the other lines) /
///   (Σ quantity × price over all lines), i.e. the other lines' share of the subtotal, scaled
///   for refunds likewise. When the lines' prices add up to 0, the base is the whole net if
///   no line has a cost, else 0. A subtotal of 0 makes both 0.
pub fn order_goods(order: &OrderFact) -> (Decimal, Decimal) {
    let net = net_revenue(order);
    let Some(g) = order.goods.as_deref() else {
        return (Decimal::ZERO, from_cents(net));
    };
    if order.subtotal <= 0 {
        return (Decimal::ZERO, Decimal::ZERO);
    }
    let kept = Decimal::from(net) / Decimal::from(order.subtotal);
    let product = from_cents(g.known_cost) * kept;
    let base = if g.line_value > 0 {
        from_cents(net) * (Decimal::from(g.other_value) / Decimal::from(g.line_value))
    } else if g.known_cost == 0 {
        from_cents(net)
    } else {
        Decimal::ZERO
    };
    (product, base)
}

/// The share of revenue that goods cost: goods_cost / revenue where product costs shaped it
/// and there is revenue, else cogs_pct/100.
pub fn goods_share(
    goods_cost: Decimal,
    revenue: Decimal,
    per_product: bool,
    p: &ProfitSettings,
) -> Decimal {
    if per_product && revenue > Decimal::ZERO {
        goods_cost / revenue
    } else {
        p.cogs_pct / Decimal::ONE_HUNDRED
    }
}

/// *profit_roi_pct* = (gross_profit − cost) / cost × 100; undefined when cost is 0.
pub fn profit_roi_pct(gross_profit: Decimal, cost: Decimal) -> Option<Decimal> {
    roi_pct(gross_profit, cost)
}

/// *breakeven_roas* = (1 + orders × fee_fixed / cost) / (1 − goods_share − fee_pct/100): the
/// ROAS at which her gross profit pays exactly for her cost, `goods_share` from
/// [`goods_share`] (cogs_pct/100 without product costs). Undefined when cost is 0 or the
/// margin is 0 or less.
pub fn breakeven_roas(
    orders: Decimal,
    cost: Decimal,
    goods_share: Decimal,
    p: &ProfitSettings,
) -> Option<Decimal> {
    let margin = Decimal::ONE - goods_share - p.fee_pct / Decimal::ONE_HUNDRED;
    (!cost.is_zero() && margin > Decimal::ZERO)
        .then(|| (Decimal::ONE + orders * p.fee_fixed / cost) / margin)
}
