//! The budget planner: what a deal with a creator must bring to break even, what it can be
//! expected to bring (from her own history, or from the shop's creators of her tier), and the
//! most it is worth paying. Pure: the scorecard's rows and the shop's settings in, a plan out.

use super::{Facts, ProfitSettings, ScoreRow, goods_cost, goods_share};
use crate::domain::{Platform, from_cents};
use rust_decimal::Decimal;

/// Follower tiers: nano below the first boundary, micro below the second, macro below the
/// third, mega beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tiers {
    pub micro: u64,
    pub macro_: u64,
    pub mega: u64,
}

impl Default for Tiers {
    fn default() -> Self {
        Tiers {
            micro: 10_000,
            macro_: 100_000,
            mega: 1_000_000,
        }
    }
}

impl Tiers {
    /// The tier's name for a follower count.
    pub fn of(&self, followers: u64) -> &'static str {
        match followers {
            f if f < self.micro => "nano",
            f if f < self.macro_ => "micro",
            f if f < self.mega => "macro",
            _ => "mega",
        }
    }
}

/// What a deal would be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRequest {
    /// Her influencer id, when she has worked with the shop.
    pub influencer_id: Option<i64>,
    pub followers: u64,
    pub platform: Platform,
    pub fee: Decimal,
    pub product: Decimal,
    /// Her commission, percent of her attributed revenue.
    pub commission_pct: Decimal,
    /// Posts the deal buys.
    pub posts: u32,
}

/// What the deal must bring and can be expected to bring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The average order the plan counts with: hers when she has at least
    /// [`OWN_AOV_ORDERS`] orders, else the shop's (net revenue of counted orders).
    pub aov: Decimal,
    /// Whose average order it is, in words ("her own, over 12 orders", "the shop's").
    pub aov_basis: String,
    /// What an order leaves after goods, fees and her commission.
    pub profit_per_order: Decimal,
    /// fee + product.
    pub cost: Decimal,
    /// Orders to break even (`None`: an order leaves nothing, no number of them pays).
    pub breakeven_orders: Option<Decimal>,
    pub breakeven_revenue: Option<Decimal>,
    /// Where the expectation comes from, in words.
    pub basis: String,
    /// Expected orders per post: low, typical, high (`None`: nothing to go on).
    pub orders_per_post: Option<(Decimal, Decimal, Decimal)>,
    /// Expected profit of the deal: low, typical, high.
    pub expected_profit: Option<(Decimal, Decimal, Decimal)>,
    /// (expected conversions × AOV × margin) − the other costs: the most worth paying as a
    /// fee, at the typical expectation.
    pub max_fee: Option<Decimal>,
}

/// How many orders of hers make her own average order the one a plan counts with.
pub const OWN_AOV_ORDERS: i64 = 10;

/// Her own average order once she has [`OWN_AOV_ORDERS`] orders to tell it, else the
/// shop's; with whose it is, in words.
fn average_order(rows: &[ScoreRow], her: Option<i64>, shop_aov: Decimal) -> (Decimal, String) {
    let hers = her
        .and_then(|id| rows.iter().find(|r| r.influencer_id == id))
        .filter(|r| r.orders >= Decimal::from(OWN_AOV_ORDERS))
        .and_then(|r| r.aov.map(|aov| (aov, r.orders)));
    match hers {
        Some((aov, orders)) => (aov, format!("her own, over {} orders", orders.normalize())),
        None => (shop_aov, "the shop's".to_string()),
    }
}

/// The shop's average order and its goods share (cogs_pct/100, or what its product costs
/// make of its revenue), over every order.
fn shop_figures(facts: &Facts, p: &ProfitSettings) -> (Decimal, Decimal) {
    let (mut sum, mut count) = (0i128, 0i64);
    let (mut product_goods, mut goods_base) = (Decimal::ZERO, Decimal::ZERO);
    let mut per_product = false;
    for day in &facts.days {
        let sums = &day.sums;
        sum += i128::from(sums.net);
        count += sums.orders;
        product_goods += sums.product_goods();
        goods_base += sums.product_base() + from_cents(sums.plain);
        per_product |= sums.goods_orders > 0;
    }
    let revenue = crate::domain::from_wide_cents(sum);
    let shop_aov = if count > 0 {
        revenue / Decimal::from(count)
    } else {
        Decimal::ZERO
    };
    let goods = goods_share(
        goods_cost(product_goods, goods_base, p),
        revenue,
        per_product,
        p,
    );
    (shop_aov, goods)
}

/// The orders a post brings (low, typical, high) and what that rests on: her own history,
/// else her tier's other creators of the shop, else nothing.
fn orders_per_post(
    rows: &[ScoreRow],
    request: &PlanRequest,
    tiers: &Tiers,
) -> (String, Option<(Decimal, Decimal, Decimal)>) {
    let per_post = |r: &ScoreRow| (r.posts > 0).then(|| r.orders / Decimal::from(r.posts));
    let own = request
        .influencer_id
        .and_then(|id| rows.iter().find(|r| r.influencer_id == id))
        .and_then(per_post);
    let tier = tiers.of(request.followers);
    let mut peers: Vec<Decimal> = rows
        .iter()
        .filter(|r| Some(r.influencer_id) != request.influencer_id)
        .filter(|r| tiers.of(r.followers) == tier)
        .filter_map(per_post)
        .collect();
    peers.sort();
    match (own, peers.is_empty()) {
        (Some(o), _) => (
            "her own history (orders per post; the range is ±50 %)".to_string(),
            Some((o / Decimal::TWO, o, o * Decimal::new(15, 1))),
        ),
        (None, false) => (
            format!(
                "the shop's {} other {tier} creator(s) (lowest, median and highest orders per post)",
                peers.len()
            ),
            Some((peers[0], peers[peers.len() / 2], peers[peers.len() - 1])),
        ),
        (None, true) => (
            format!("nothing: no {tier} creator of this shop has posts yet"),
            None,
        ),
    }
}

/// Plans a deal (see the module documentation). `rows` is the all-time scorecard.
pub fn plan(
    facts: &Facts,
    rows: &[ScoreRow],
    request: &PlanRequest,
    profit: Option<&ProfitSettings>,
    tiers: &Tiers,
) -> Plan {
    let p = profit.copied().unwrap_or_default();
    let (shop_aov, goods) = shop_figures(facts, &p);
    let (aov, aov_basis) = average_order(rows, request.influencer_id, shop_aov);
    let margin = Decimal::ONE - goods - p.fee_pct / Decimal::ONE_HUNDRED;
    let commission = request.commission_pct / Decimal::ONE_HUNDRED;
    let profit_per_order = aov * (margin - commission) - p.fee_fixed;
    let cost = request.fee + request.product;
    let breakeven_orders = (profit_per_order > Decimal::ZERO).then(|| cost / profit_per_order);
    let (basis, orders_per_post) = orders_per_post(rows, request, tiers);
    let posts = Decimal::from(request.posts.max(1));
    let expected_profit = orders_per_post.map(|(l, t, h)| {
        (
            l * posts * profit_per_order - cost,
            t * posts * profit_per_order - cost,
            h * posts * profit_per_order - cost,
        )
    });
    let max_fee = orders_per_post.map(|(_, t, _)| t * posts * profit_per_order - request.product);
    Plan {
        aov,
        aov_basis,
        profit_per_order,
        cost,
        breakeven_orders,
        breakeven_revenue: breakeven_orders.map(|o| o * aov),
        basis,
        orders_per_post,
        expected_profit,
        max_fee,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn tiers_follow_their_boundaries() {
        let t = Tiers::default();
        assert_eq!(
            [
                t.of(9_999),
                t.of(10_000),
                t.of(99_999),
                t.of(100_000),
                t.of(1_000_000)
            ],
            ["nano", "micro", "micro", "macro", "mega"]
        );
    }

    #[test]
    fn break_even_and_the_most_worth_paying() {
        // A shop with one order of 50.00, 40 % goods, 10 % commission: 25.00 left an order.
        let mut facts = Facts::default();
        facts.orders.push(crate::metrics::OrderFact {
            placed_at: 0,
            ..crate::metrics::OrderFact::paid(
                1,
                chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
                5_000,
            )
        });
        facts.derive_days();
        let request = PlanRequest {
            influencer_id: None,
            followers: 5_000,
            platform: Platform::Instagram,
            fee: dec!(100),
            product: dec!(25),
            commission_pct: dec!(10),
            posts: 1,
        };
        let settings = ProfitSettings {
            cogs_pct: dec!(40),
            ..Default::default()
        };
        let p = plan(&facts, &[], &request, Some(&settings), &Tiers::default());
        assert_eq!(p.aov, dec!(50));
        assert_eq!(p.profit_per_order, dec!(25));
        assert_eq!(p.breakeven_orders, Some(dec!(5)));
        assert_eq!(p.breakeven_revenue, Some(dec!(250)));
        assert_eq!(p.orders_per_post, None, "no nano creator to go on");
        assert!(p.basis.starts_with("nothing"));
    }
}
