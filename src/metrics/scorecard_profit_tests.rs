//! Unit tests of the profit figures: gross profit, its ROI and break-even ROAS with their
//! undefined cases, and an order's goods cost from its line items, on hand-built facts.

use super::*;

fn settings(cogs: Decimal, fee_pct: Decimal, fee_fixed: Decimal) -> ProfitSettings {
    ProfitSettings {
        cogs_pct: cogs,
        fee_pct,
        fee_fixed,
    }
}

fn goods(known_cost: i64, other_value: i64, line_value: i64) -> Option<Box<OrderGoods>> {
    Some(Box::new(OrderGoods {
        known_cost,
        other_value,
        line_value,
    }))
}

#[test]
fn profit_formulas_and_their_undefined_cases() {
    let p = settings(dec!(40), dec!(2.9), dec!(0.30));
    // 190 × (1 − 0.029) − 76 (40 % of 190) − 3 × 0.30 = 107.59.
    let goods_190 = goods_cost(Decimal::ZERO, dec!(190), &p);
    assert_eq!(goods_190, dec!(76));
    assert_eq!(
        gross_profit(dec!(190), dec!(3), goods_190, &p),
        dec!(107.59)
    );
    assert_eq!(profit_roi_pct(dec!(107.59), dec!(40)), Some(dec!(168.975)));
    assert_eq!(profit_roi_pct(dec!(107.59), Decimal::ZERO), None);
    let share = goods_share(goods_190, dec!(190), false, &p);
    assert_eq!(share, dec!(0.4));
    assert_eq!(
        breakeven_roas(dec!(3), dec!(40), share, &p).map(crate::domain::round2),
        Some(dec!(1.79))
    );
    assert_eq!(breakeven_roas(dec!(3), Decimal::ZERO, share, &p), None);
    // A margin of 0 or less: no ROAS breaks even.
    let all = settings(dec!(97.1), dec!(2.9), Decimal::ZERO);
    assert_eq!(breakeven_roas(dec!(1), dec!(10), dec!(0.971), &all), None);
    // With product costs the share is what they make of her revenue.
    assert_eq!(
        goods_share(dec!(60), dec!(190), true, &p),
        dec!(60) / dec!(190)
    );
    assert_eq!(goods_share(dec!(0), dec!(0), true, &p), dec!(0.4));
}

#[test]
fn an_orders_goods_come_from_its_products_scaled_for_refunds() {
    let on = day(5, 2);
    // 48.00 after discount; a mug costing 9.00 and an uncosted line worth half the lines.
    let order = OrderFact {
        goods: goods(900, 3000, 6000),
        ..OrderFact::paid(1, on, 4800)
    };
    assert_eq!(order_goods(&order), (dec!(9.00), dec!(24.00)));
    // A quarter refunded: a quarter of the goods come back.
    let refunded = OrderFact {
        refunded: 1200,
        ..order.clone()
    };
    assert_eq!(order_goods(&refunded), (dec!(6.75), dec!(18.00)));
    // No line items: all of the net is the shop-wide base.
    assert_eq!(
        order_goods(&OrderFact::paid(2, on, 4800)),
        (Decimal::ZERO, dec!(48))
    );
    // Lines worth nothing: the base is the whole net without a costed line, else nothing.
    let free = OrderFact {
        goods: goods(0, 0, 0),
        ..OrderFact::paid(3, on, 1000)
    };
    assert_eq!(order_goods(&free), (Decimal::ZERO, dec!(10)));
    let free_costed = OrderFact {
        goods: goods(500, 0, 0),
        ..OrderFact::paid(4, on, 1000)
    };
    assert_eq!(order_goods(&free_costed), (dec!(5), Decimal::ZERO));
    // A subtotal of 0 costs nothing here (a gift's cost is a cost entry).
    let zero = OrderFact {
        goods: goods(900, 0, 3000),
        ..OrderFact::paid(5, on, 0)
    };
    assert_eq!(order_goods(&zero), (Decimal::ZERO, Decimal::ZERO));
}

#[test]
fn a_shared_order_splits_its_goods_like_its_revenue() {
    let mut shop = Shop::default()
        .influencer(1, "ana")
        .influencer(2, "bo")
        .code("ANA", 1)
        .code("BO", 2)
        .cost(1, CostKind::Fee, 1000, day(5, 1))
        .order_with(day(5, 2), None, 6000, &["ANA", "BO"], |o| {
            o.goods = goods(1200, 3000, 6000)
        })
        .order(day(5, 3), None, 2000, &["ANA"]);
    shop.facts.profit = Some(settings(dec!(50), Decimal::ZERO, Decimal::ZERO));
    let ana = shop.row("ana");
    // Shared order: 12.00 + 50 % of 30.00 = 27.00, half each = 13.50; her own 20.00 order
    // without line items: 50 % = 10.00. Revenue 30 + 20 = 50; gross 50 − 23.50 = 26.50.
    assert_eq!(ana.revenue, dec!(50));
    assert_eq!(ana.gross_profit, Some(dec!(26.50)));
    assert_eq!(ana.profit_roi_pct, Some(dec!(165)));
    // Break-even ROAS: 1 / (1 − 23.50 / 50) = 1.8868…
    assert_eq!(
        ana.breakeven_roas.map(crate::domain::round2),
        Some(dec!(1.89))
    );
    assert_eq!(shop.row("bo").gross_profit, Some(dec!(16.50)));
    // Without any profit setting the cells stay empty.
    shop.facts.profit = None;
    assert_eq!(shop.row("ana").gross_profit, None);
}
