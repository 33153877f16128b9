//! The Shopify import, continued: profit, payouts, the planner, channels, product costs and
//! combined codes, to the cent; defaults, JSON, completions and the man page.

use super::*;

#[test]
fn profit_columns_payouts_and_settings_to_the_cent() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    // No cost of goods or fee yet: the three profit cells are empty.
    assert_eq!(shop.scorecard_csv(), first_import_card());
    shop.ok(&["settings", "set", "cogs-pct", "40"]);
    shop.ok(&["settings", "set", "payment-fee-pct", "2.9"]);
    shop.ok(&["settings", "set", "payment-fee-fixed", "0.30"]);
    let list = shop.ok(&["settings", "list"]);
    assert!(list.contains("cogs-pct             40"), "{list}");
    assert!(
        shop.fails(&["settings", "set", "cogs-pct", "140"])
            .contains("percentage")
    );
    assert!(
        shop.fails(&["settings", "set", "tax", "5"])
            .contains("not a setting")
    );
    let card = shop.ok(&["scorecard", "--csv", "-", "--sort", "profit"]);
    // milo: 190.00 × (1 − 0.40 − 0.029) − 3 × 0.30 = 107.59; (107.59 − 40) / 40 = 168.98 %;
    // break-even ROAS (1 + 0.90 / 40) / 0.571 = 1.79.
    assert!(
        card.contains(",63.33,,107.59,168.98,1.79,0,0,0.00,"),
        "{card}"
    );
    // sarah: 120.50 × 0.571 − 0.60 = 68.21 (68.2055); (68.2055 − 112.05) / 112.05 = −39.13 %;
    // (1 + 0.60 / 112.05) / 0.571 = 1.76.
    assert!(card.contains(",4.50,68.21,-39.13,1.76,0,0,0.00,"), "{card}");
    let table = shop.ok(&["scorecard"]);
    assert!(
        table.contains("@sarah: ROI 7.54 % on revenue but -39.13 % on profit"),
        "{table}"
    );
    // Commission: sarah's 10 % of 120.50 = 12.05, earned once the 30-day hold has passed.
    shop.ok(&[
        "payout",
        "add",
        "--influencer",
        "sarah",
        "--amount",
        "5",
        "--date",
        "2026-05-20",
    ]);
    let held = shop.ok(&["payout", "list", "--as-of", "2026-05-25", "--csv", "-"]);
    assert!(held.contains("sarah,0.00,12.05,5.00,-5.00"), "{held}");
    let earned = shop.ok(&["payout", "list", "--as-of", "2026-06-30", "--csv", "-"]);
    assert!(
        earned.starts_with("influencer,commission_earned,commission_held,paid,owed\n"),
        "{earned}"
    );
    assert!(earned.contains("sarah,12.05,0.00,5.00,7.05"), "{earned}");
    assert!(earned.contains("milo,0.00,0.00,0.00,0.00"), "{earned}");
    shop.ok(&["settings", "set", "refund-hold-days", "0"]);
    let now = shop.ok(&["payout", "list", "--as-of", "2026-05-25", "--csv", "-"]);
    assert!(now.contains("sarah,12.05,0.00,5.00,7.05"), "{now}");
    // A payout settles commission: the scorecard's cost is unchanged by it.
    assert!(
        shop.scorecard_csv()
            .contains(",sarah,instagram,12000,1,112.05,")
    );
}

#[test]
fn the_planner_says_what_a_deal_must_bring() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    shop.ok(&["settings", "set", "cogs-pct", "40"]);
    // The shop's counted orders average 66.75; milo takes no commission, so an order leaves
    // 66.75 × 0.6 = 40.05, and 200.00 / 40.05 = 4.99 orders break even.
    let out = shop.ok(&[
        "plan",
        "--influencer",
        "milo",
        "--fee",
        "180",
        "--product",
        "20",
    ]);
    assert!(out.contains("leaves 40.05"), "{out}");
    assert!(
        out.contains("Break-even: 4.99 orders, 333.33 of revenue"),
        "{out}"
    );
    // milo has no posts: sarah, the other micro creator, is the guide (2 orders a post).
    assert!(out.contains("1 other micro creator"), "{out}");
    assert!(
        out.contains("the most worth paying as a fee: 60.10"),
        "{out}"
    );
    // A creator not yet hired, of sarah's tier (micro: 12,000 followers).
    let out = shop.ok(&[
        "plan",
        "--followers",
        "20000",
        "--platform",
        "instagram",
        "--fee",
        "50",
    ]);
    assert!(
        out.contains("a micro creator") && out.contains("1 other micro creator"),
        "{out}"
    );
    assert!(out.contains("orders per post 2.00 / 2.00 / 2.00"), "{out}");
}

#[test]
fn a_channel_sits_below_the_creators_and_never_takes_a_rank() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["channel", "add", "Meta ads"]);
    shop.ok(&["code", "add", "FREESHIP", "--influencer", "meta-ads"]);
    shop.ok(&[
        "cost",
        "add",
        "--channel",
        "Meta ads",
        "--kind",
        "fee",
        "--amount",
        "10",
        "--date",
        "2026-05-01",
    ]);
    assert!(
        shop.fails(&[
            "cost",
            "add",
            "--channel",
            "sarah",
            "--kind",
            "fee",
            "--amount",
            "1",
            "--date",
            "2026-05-01"
        ])
        .contains("not a channel")
    );
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    // Without --channels the scorecard is the creators' only, exactly as before.
    assert_eq!(shop.scorecard_csv(), first_import_card());
    let card = shop.ok(&["scorecard", "--channels", "--csv", "-"]);
    let last = card.lines().last().unwrap();
    assert!(last.starts_with(",meta-ads,channel,0,0,10.00,"), "{card}");
    assert!(
        card.contains("\n1,milo,") && card.contains("\n2,sarah,"),
        "ranks unchanged: {card}"
    );
    assert!(shop.ok(&["channel", "list"]).contains("Meta ads"));
    assert!(!shop.ok(&["influencer", "list"]).contains("meta-ads"));
}

#[test]
fn costs_and_posts_default_to_today() {
    let shop = Shop::new();
    roster(&shop);
    let today = chrono::Local::now().date_naive().to_string();
    shop.ok(&[
        "cost",
        "add",
        "--influencer",
        "milo",
        "--kind",
        "bonus",
        "--amount",
        "$1,250.00",
    ]);
    shop.ok(&["post", "add", "--influencer", "milo", "--likes", "12.5k"]);
    let costs = shop.ok(&["cost", "list"]);
    let line = costs.lines().find(|l| l.contains("bonus")).unwrap();
    assert!(line.contains(&today) && line.contains("1250.00"), "{costs}");
    let posts = shop.ok(&["post", "list"]);
    let line = posts.lines().find(|l| l.contains("@milo")).unwrap();
    assert!(line.contains(&today) && line.contains("12500"), "{posts}");
}

#[test]
fn json_completions_and_man_page_for_scripts_and_shells() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let json: serde_json::Value =
        serde_json::from_str(&shop.ok(&["scorecard", "--json"])).expect("scorecard --json");
    let rows = json.as_array().expect("an array of rows");
    assert_eq!(rows.len(), 2);
    // The same figures as the CSV, amounts as exact decimal strings, never floats.
    assert_eq!(rows[0]["influencer"], "milo");
    assert_eq!(rows[0]["rank"], "1");
    assert_eq!(rows[0]["revenue"], "190.00");
    assert_eq!(rows[1]["cac"], "56.03");
    assert!(rows[0]["engagement_rate_pct"].is_null());
    let lift: serde_json::Value =
        serde_json::from_str(&shop.ok(&["lift", "--json"])).expect("lift --json");
    assert!(lift.is_array());

    let bash = shop.ok(&["completions", "bash"]);
    assert!(
        bash.contains("_shoutout") && bash.contains("scorecard"),
        "{bash}"
    );
    let man = shop.ok(&["man"]);
    assert!(man.contains(".TH") && man.contains("scorecard"), "{man}");
}

#[test]
fn product_costs_shape_the_goods_cost_of_each_order() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    shop.ok(&["settings", "set", "cogs-pct", "40"]);
    shop.ok(&["settings", "set", "payment-fee-pct", "2.9"]);
    shop.ok(&["settings", "set", "payment-fee-fixed", "0.30"]);
    // A Shopify product export: the mug and the candle costed, the bud vase and the planter
    // not; an image row without a variant is skipped.
    let products = shop.write(
        "products_export.csv",
        "Handle,Title,Variant SKU,Variant Price,Cost per item,Image Src\n\
         speckled-mug,Speckled mug,SPECKLED-MUG,30.00,9.00,https://example.com/m.jpg\n\
         speckled-mug,,,,,https://example.com/m2.jpg\n\
         candle,Candle,CANDLE,20.50,4.00,\n\
         bud-vase,Bud vase,BUD-VASE,30.00,,\n",
    );
    let out = shop.ok(&["product", "cost", "import", &products]);
    assert!(out.contains("2 added, 0 changed, 0 unchanged"), "{out}");
    assert!(
        out.contains("2 row(s) without a SKU or cost skipped"),
        "{out}"
    );
    let plain = shop.write("costs.csv", "sku,cost\nserving-bowl,35\n");
    shop.ok(&["product", "cost", "import", &plain]);
    let list = shop.ok(&["product", "cost", "list"]);
    assert!(list.contains("SPECKLED-MUG  9.00"), "{list}");
    let card = shop.ok(&["scorecard", "--csv", "-"]);
    // milo: #1003 bowl 35.00 + #1004 mug 9.00 + #1007 vase (no cost) 40 % of 40.00 = 60.00 of
    // goods; 190.00 × 0.971 − 60.00 − 3 × 0.30 = 123.59; (123.59 − 40) / 40 = 208.98 %;
    // break-even (1 + 0.90 / 40) / (1 − 60 / 190 − 0.029) = 1.56.
    assert!(
        card.contains(",63.33,,123.59,208.98,1.56,0,0,0.00,"),
        "{card}"
    );
    // sarah: #1001 mug 9.00 + 40 % of the vase's half of 48.00 (9.60) = 18.60; #1002 two mugs
    // and a candle 22.00: 40.60 of goods; 120.50 × 0.971 − 40.60 − 0.60 = 75.8055;
    // (75.8055 − 112.05) / 112.05 = −32.35 %; (1 + 0.60 / 112.05) / (1 − 40.60 / 120.50 −
    // 0.029) = 1.59.
    assert!(card.contains(",4.50,75.81,-32.35,1.59,0,0,0.00,"), "{card}");
    // A cost set by hand (any case) replaces the shop-wide percent for that product.
    shop.ok(&["product", "cost", "set", "bud-vase", "12"]);
    let card = shop.ok(&["scorecard", "--csv", "-"]);
    // sarah's #1001 now: 9.00 + 12.00 = 21.00, so 43.00 of goods: 120.50 × 0.971 − 43.00 −
    // 0.60 = 73.4055.
    assert!(card.contains(",4.50,73.41,"), "{card}");
    shop.ok(&["product", "cost", "delete", "BUD-VASE"]);
    assert!(
        shop.fails(&["product", "cost", "delete", "BUD-VASE"])
            .contains("has no cost")
    );
    // A bad cost names the file, the line and the column, and writes nothing.
    let bad = shop.write("bad.csv", "sku,cost\nPLANTER,11\nCANDLE,4.0.0\n");
    let err = shop.fails(&["product", "cost", "import", &bad]);
    assert!(err.contains("bad.csv: line 3: column cost"), "{err}");
    assert!(!shop.ok(&["product", "cost", "list"]).contains("PLANTER"));
    // A refund gives goods back in proportion: the later export refunds 20.00 of milo's
    // 120.00 bowl order (#1003) and voids #1004. Goods: 35.00 × 100 / 120 + 16.00 = 45.1667;
    // 140.00 × 0.971 − 45.1667 − 0.60 = 90.17; (90.1733 − 40) / 40 = 125.43 %; break-even
    // (1 + 0.60 / 40) / (1 − 45.1667 / 140 − 0.029) = 1.57.
    shop.ok(&["import", &fixture("shopify/orders_later_79.csv")]);
    let card = shop.ok(&["scorecard", "--csv", "-"]);
    assert!(card.contains(",90.17,125.43,1.57,0,0,0.00,"), "{card}");
    // Undoing that import gives the orders, and so the goods, their earlier state back.
    shop.ok(&["import", "--undo-last"]);
    let card = shop.ok(&["scorecard", "--csv", "-"]);
    assert!(
        card.contains(",63.33,,123.59,208.98,1.56,0,0,0.00,"),
        "{card}"
    );
    assert!(shop.ok(&["product", "cost", "list"]).contains("CANDLE"));
}

#[test]
fn combined_codes_are_split_both_ways_and_each_credited() {
    let shop = Shop::new();
    roster(&shop);
    // #2001 "SARAH20, MILO15" (48.00, newer exports' ", "), #2002 "CYBERCASA, sarah20"
    // (120.00), #2003 "MILO15 + SPRING10" (120.00, older exports' " + ").
    let file = fixture("shopify/combined_codes_79.csv");
    let preview: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &file])).unwrap();
    assert_eq!(preview["orders_new"], 3);
    assert_eq!(preview["counted_orders"], 3);
    assert_eq!(preview["net_revenue"], "288.00");
    // The preview lists single codes, never a joined cell.
    assert_eq!(
        preview["unknown_codes"],
        serde_json::json!({"CYBERCASA": 1, "SPRING10": 1})
    );
    assert_eq!(preview["written"], false);
    shop.ok(&["import", &file]);
    let card = shop.scorecard_csv();
    // Each creator: half of #2001 (24.00) and one whole order (120.00): 1.5 orders, 144.00.
    assert!(
        card.contains(",milo,tiktok,48000,0,40.00,1.50,144.00,"),
        "{card}"
    );
    assert!(card.contains(",sarah,instagram,12000,1,"), "{card}");
    assert!(card.contains(",1.50,144.00,"), "{card}");
}
