//! A deal's plan in words: what the CLI's `plan` prints and the app's planner shows.

use crate::domain::fmt2;
use crate::metrics::{Plan, PlanRequest, Tiers};

/// The plan as lines of text: the deal, what an order leaves, the break-even, and what to
/// expect from `plan.basis` (with the most worth paying). `handle` names a creator the shop
/// has worked with; without one she is described by her tier.
pub fn plan_lines(
    p: &Plan,
    request: &PlanRequest,
    handle: Option<&str>,
    profit_known: bool,
    tiers: &Tiers,
) -> Vec<String> {
    let who = handle.map_or_else(
        || {
            format!(
                "a {} creator ({} followers)",
                tiers.of(request.followers),
                request.followers
            )
        },
        |h| format!("@{h}"),
    );
    let mut lines = vec![format!(
        "Plan for {who}: fee {} + product {} = {}",
        fmt2(request.fee),
        fmt2(request.product),
        fmt2(p.cost)
    )];
    if !profit_known {
        lines.push(
            "(no cost of goods or fee is set: revenue counts as profit; see `shoutout settings`)"
                .into(),
        );
    }
    lines.push(format!(
        "An order brings {} on average ({} average order) and leaves {} after goods, fees and \
         her {} % commission.",
        fmt2(p.aov),
        p.aov_basis,
        fmt2(p.profit_per_order),
        request.commission_pct.normalize()
    ));
    lines.push(match (p.breakeven_orders, p.breakeven_revenue) {
        (Some(o), Some(r)) => format!("Break-even: {} orders, {} of revenue.", fmt2(o), fmt2(r)),
        _ => "Break-even: never; an order leaves nothing at these costs.".into(),
    });
    lines.push(format!("Expected from {}:", p.basis));
    match (p.orders_per_post, p.expected_profit, p.max_fee) {
        (Some((l, t, h)), Some((pl, pt, ph)), Some(max)) => {
            lines.push(format!(
                "  orders per post {} / {} / {} (low / typical / high) over {} post(s)",
                fmt2(l),
                fmt2(t),
                fmt2(h),
                request.posts.max(1)
            ));
            lines.push(format!(
                "  profit of the deal {} / {} / {}",
                fmt2(pl),
                fmt2(pt),
                fmt2(ph)
            ));
            lines.push(format!(
                "  the most worth paying as a fee: {} (expected orders × AOV × margin − product)",
                fmt2(max)
            ));
        }
        _ => lines
            .push("  nothing to go on yet: log her posts, or hire a few of her tier first".into()),
    }
    lines
}
