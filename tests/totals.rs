//! The all-time scorecard reads each evidence's stored totals, not its days: through every
//! change of the orders (imports of several shops, a changed file, an undo, a product cost,
//! a rebuild) it must give exactly the figures the day groups give.

mod common;
use common::{Shop, fixture};

/// The scorecard as CSV all time (from the totals), and over a period that covers every
/// order (from the day groups).
fn both(shop: &Shop) -> (String, String) {
    (
        shop.ok(&["scorecard", "--csv", "-"]),
        shop.ok(&["scorecard", "--csv", "-", "--from", "2000-01-01"]),
    )
}

fn assert_same(shop: &Shop, when: &str) {
    let (totals, days) = both(shop);
    assert_eq!(totals, days, "{when}");
    assert!(totals.lines().count() > 1, "{when}: {totals}");
}

#[test]
fn the_totals_give_the_figures_of_the_days_through_every_change() {
    let shop = Shop::new();
    shop.ok(&["demo"]);
    assert_same(&shop, "the demo shop");
    shop.ok(&["code", "add", "SARAH20", "--influencer", "clayandkiln"]);
    shop.ok(&[
        "import",
        &fixture("shopify/orders_79.csv"),
        "--shop",
        "second",
    ]);
    assert_same(&shop, "a second shop's file");
    shop.ok(&[
        "import",
        &fixture("shopify/orders_later_79.csv"),
        "--shop",
        "second",
    ]);
    assert_same(&shop, "the second shop's later export");
    shop.ok(&["product", "cost", "set", "MUG-01", "7.25"]);
    assert_same(&shop, "a product cost");
    shop.ok(&["import", "--undo-last"]);
    assert_same(&shop, "an undo");
    let (before, _) = both(&shop);
    shop.ok(&["doctor", "--rebuild"]);
    assert_eq!(both(&shop).0, before, "a rebuild changes nothing");
    let json = shop.ok(&["scorecard", "--json"]);
    let json_days = shop.ok(&["scorecard", "--json", "--from", "2000-01-01"]);
    assert_eq!(json, json_days);
}
