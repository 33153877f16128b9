//! End to end: the same shop exported by Shopify, Etsy, WooCommerce and a till with its own
//! CSV layout; files re-saved by Excel; several shops in one database; gift orders; bad files.

mod common;
use common::{Shop, fixture, read_fixture, roster};

/// The scorecard of `docs/metrics.md`'s worked example: what every export of that shop gives.
/// The profit columns stay empty: no cost of goods or fee is set.
const CARD: &str = "rank,influencer,platform,followers,posts,cost,orders,revenue,new_customers,roi_pct,roas,cac,aov,engagement_rate_pct,gross_profit,profit_roi_pct,breakeven_roas,gifts_sent,gifts_posted,content_value,roi_with_content_pct,repeat_orders,repeat_revenue,ltv,ltv_to_cac,roi_with_repeat_pct
1,milo,tiktok,48000,0,40.00,3.00,190.00,2.00,375.00,4.75,20.00,63.33,,,,,0,0,0.00,375.00,0.00,0.00,80.00,4.00,375.00
2,sarah,instagram,12000,1,112.05,2.00,120.50,2.00,7.54,1.08,56.03,60.25,4.50,,,,0,0,0.00,7.54,0.00,0.00,75.25,1.34,7.54
";

fn card_after_import(args: &[&str]) -> (String, String) {
    let shop = Shop::new();
    roster(&shop);
    let out = shop.ok(args);
    (shop.scorecard_csv(), out)
}

#[test]
fn the_same_shop_exported_from_every_platform_gives_the_same_scorecard() {
    let cases = [
        ("shopify/orders_79.csv", "Shopify orders export"),
        ("etsy/EtsySoldOrders2026.csv", "Etsy orders file"),
        ("etsy/EtsySoldOrderItems2026.csv", "Etsy order items file"),
        ("woocommerce/analytics_orders.csv", "WooCommerce Analytics"),
        (
            "woocommerce/analytics_orders_old.csv",
            "WooCommerce Analytics",
        ),
        (
            "woocommerce/order_export.csv",
            "WooCommerce Advanced Order Export",
        ),
    ];
    for (file, detected) in cases {
        let (card, out) = card_after_import(&["import", &fixture(file)]);
        assert!(out.contains(detected), "{file}: {out}");
        assert!(out.contains("0 invalid"), "{file}: {out}");
        assert_eq!(card, CARD, "{file}");
    }
}

#[test]
fn woocommerce_without_a_currency_column_says_which_currency_it_assumed() {
    let (_, out) = card_after_import(&["import", &fixture("woocommerce/analytics_orders.csv")]);
    assert!(
        out.contains("note: the file has no currency column: its orders are taken as USD"),
        "{out}"
    );
}

#[test]
fn files_re_saved_by_excel_import_as_the_original_did() {
    for (file, encoding, delimiter) in [
        ("excel/orders_utf8_bom_crlf.csv", "UTF-8", "','"),
        ("excel/orders_windows1252.csv", "windows-1252", "','"),
        ("excel/orders_utf16.txt", "UTF-16LE", "tab"),
        (
            "excel/orders_semicolon_decimal_comma.csv",
            "windows-1252",
            "';'",
        ),
    ] {
        let (card, out) = card_after_import(&["import", &fixture(file)]);
        assert!(
            out.contains(&format!("{encoding}, {delimiter}-separated")),
            "{file}: {out}"
        );
        assert!(out.contains("8 new"), "{file}: {out}");
        assert_eq!(card, CARD, "{file}");
    }
}

#[test]
fn a_mapped_csv_imports_and_its_mapping_is_remembered() {
    let shop = Shop::new();
    roster(&shop);
    let out = shop.ok(&[
        "import",
        &fixture("csv/pos_export.csv"),
        "--mapping",
        &fixture("csv/pos_mapping.toml"),
    ]);
    assert!(out.contains("Market stall POS (column mapping)"), "{out}");
    assert!(out.contains("mapping was saved"), "{out}");
    assert_eq!(shop.scorecard_csv(), CARD);
    // Next week's file with the same header needs no flag.
    let out = shop.ok(&["import", &fixture("csv/pos_export.csv"), "--dry-run"]);
    assert!(out.contains("Market stall POS (column mapping)"), "{out}");
    assert!(out.contains("0 new, 8 unchanged"), "{out}");
}

#[test]
fn an_unknown_layout_without_a_mapping_is_refused_with_what_to_do() {
    let shop = Shop::new();
    let err = shop.fails(&["import", &fixture("csv/pos_export.csv")]);
    assert!(
        err.contains("does not look like a known order export"),
        "{err}"
    );
    assert!(err.contains("Receipt, When, Client"), "{err}");
    assert!(err.contains("--mapping FILE"), "{err}");
    let bad = shop.write("bad.toml", "order_id = \"Receipt\"\n");
    let err = shop.fails(&["import", &fixture("csv/pos_export.csv"), "--mapping", &bad]);
    assert!(err.contains("bad.toml"), "{err}");
    assert!(err.contains("missing field"), "{err}");
    let wrong = shop.write(
        "wrong.toml",
        "order_id = \"Ticket\"\ndate = \"When\"\ndate_format = \"%d/%m/%Y\"\namount = \"Net\"\n",
    );
    let err = shop.fails(&[
        "import",
        &fixture("csv/pos_export.csv"),
        "--mapping",
        &wrong,
    ]);
    assert!(err.contains("missing the column(s) Ticket"), "{err}");
}

#[test]
fn a_forced_format_names_the_missing_columns() {
    let shop = Shop::new();
    let err = shop.fails(&[
        "import",
        &fixture("shopify/orders_79.csv"),
        "--format",
        "etsy",
    ]);
    assert!(
        err.contains("this Etsy orders file is missing the column(s) Sale Date, Order ID"),
        "{err}"
    );
}

#[test]
fn two_shops_side_by_side_never_collide_and_add_up() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let out = shop.ok(&["import", &fixture("etsy/EtsySoldOrders2026.csv")]);
    // Etsy's 1001 is not Shopify's #1001.
    assert!(out.contains("6 new, 0 unchanged"), "{out}");
    let card = shop.scorecard_csv();
    // Revenue doubles; Etsy buyers are other customers, so they are new too.
    assert!(
        card.contains(",milo,tiktok,48000,0,40.00,6.00,380.00,4.00,"),
        "{card}"
    );
    assert!(
        card.contains(",sarah,instagram,12000,1,124.10,4.00,241.00,4.00,"),
        "{card}"
    );
    // The same file under another shop name would count every order twice: refused by
    // its content.
    let err = shop.fails(&[
        "import",
        &fixture("shopify/orders_79.csv"),
        "--shop",
        "second-store",
    ]);
    assert!(err.contains("already imported for shop 'shopify'"), "{err}");
    assert_eq!(shop.scorecard_csv(), card);
}

#[test]
fn etsy_refunds_come_from_a_non_zero_adjusted_order_total() {
    let shop = Shop::new();
    roster(&shop);
    // #1003 (MILO15, order total 125.00): adjusted to 105.00 is a 20.00 refund.
    let text = read_fixture("etsy/EtsySoldOrders2026.csv");
    let line = text.lines().find(|l| l.contains(",1003,")).unwrap();
    let refunded = line
        .replace(",0.0,0,0,", ",105.00,0,0,")
        .replace(",0.00,0,0,", ",105.00,0,0,");
    assert_ne!(line, refunded);
    let file = shop.write("EtsySoldOrders2026.csv", &text.replace(line, &refunded));
    shop.ok(&["import", &file]);
    assert!(
        shop.scorecard_csv()
            .contains(",milo,tiktok,48000,0,40.00,3.00,170.00,"),
        "{}",
        shop.scorecard_csv()
    );
}

#[test]
fn gift_orders_become_product_cost_once_and_undo_takes_it_back() {
    let shop = Shop::new();
    roster(&shop);
    let mut text = read_fixture("shopify/orders_79.csv");
    // A 100 %-off draft order for sarah: Subtotal 0, Total 0, Discount Amount 45.00.
    let first = text.lines().nth(1).unwrap().to_string();
    let gift = first
        .replace("#1001", "#1100")
        .replace(
            ",48.00,5.00,0.00,53.00,SARAH20,12.00,",
            ",0.00,0.00,0.00,0.00,SARAH20,45.00,",
        )
        .replace(",web,", ",shopify_draft_order,");
    assert_ne!(gift, first.replace("#1001", "#1100"));
    text.push_str(&gift);
    text.push('\n');
    let file = shop.write("with_gift.csv", &text);
    let out = shop.ok(&["import", &file, "--gift-cost-pct", "40"]);
    assert!(
        out.contains("gift orders: 1 (not sales; 18.00 recorded as product cost)"),
        "{out}"
    );
    // 100 fee + 18.00 product + 12.05 commission; the gift is no order and no new customer.
    assert!(
        shop.scorecard_csv()
            .contains(",sarah,instagram,12000,1,130.05,2.00,120.50,2.00,"),
        "{}",
        shop.scorecard_csv()
    );
    let out = shop.ok(&["import", &file]);
    assert!(out.contains("9 unchanged"), "{out}");
    assert!(
        shop.scorecard_csv().contains(",130.05,"),
        "re-import adds no cost"
    );
    let costs = shop.ok(&["cost", "list"]);
    assert!(
        costs.contains("gift order #1100 (retail 45.00, code SARAH20)"),
        "{costs}"
    );
    shop.ok(&["import", "--undo-last"]);
    assert!(
        shop.scorecard_csv()
            .contains(",sarah,instagram,12000,1,100.00,0.00,")
    );
}

#[test]
fn undo_restores_exactly_what_a_later_export_changed() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let before = shop.scorecard_csv();
    let lists = shop.ok(&["cost", "list"]);
    shop.ok(&["import", &fixture("shopify/orders_later_79.csv")]);
    assert_ne!(shop.scorecard_csv(), before);
    let out = shop.ok(&["import", "--undo-last"]);
    assert!(
        out.contains("removed 2 new orders, restored 2 changed ones"),
        "{out}"
    );
    assert_eq!(shop.scorecard_csv(), before);
    assert_eq!(shop.ok(&["cost", "list"]), lists);
}

#[test]
fn trimmed_etsy_files_count_every_order() {
    let json = |file: &str| -> serde_json::Value {
        let shop = Shop::new();
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &fixture(file)])).unwrap()
    };
    // The same orders with 21 of Etsy's 36 columns: no buyer, names or addresses.
    let full = json("etsy/EtsySoldOrders2026.csv");
    let trimmed = json("etsy/EtsySoldOrders2026_trimmed.csv");
    for key in [
        "orders_new",
        "counted_orders",
        "net_revenue",
        "unknown_codes",
    ] {
        assert_eq!(trimmed[key], full[key], "{key}");
    }
    assert_eq!(
        trimmed["missing"],
        serde_json::json!([
            "no customer column (Buyer User ID): every order counts as a new customer's"
        ])
    );
}

#[test]
fn dates_a_spreadsheet_misread_are_invalid_with_a_hint() {
    let shop = Shop::new();
    // 20 orders of November 2020; a spreadsheet turned 6 of them (11/02/20 … 11/12/20) into
    // 2011-02-20 … 2011-12-20.
    let file = fixture("etsy/EtsySoldOrders2020_excel_dates.csv");
    let out: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &file])).unwrap();
    assert_eq!(out["orders_invalid"], 6, "{out}");
    let errors = out["errors"].to_string();
    assert!(
        errors.contains("line 13, column Sale Date: '2011-12-20'")
            && errors.contains("looks like a spreadsheet read 11/12/20 as 2011-12-20"),
        "{errors}"
    );
    // The rest imports with --skip-invalid.
    let done: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--json", "--skip-invalid", &file])).unwrap();
    assert_eq!(done["orders_new"], 14);
    assert_eq!(done["date_from"], "2020-11-01");
}

#[test]
fn the_plugin_reads_with_any_chosen_fields_and_as_excel_left_it() {
    // The same 8 orders: the plugin's own layout re-saved by Excel (`;`, decimal commas,
    // 2026/05/01 10:00 dates), and a chosen subset with no order number (one row per order,
    // products joined by line breaks; revenue from total less shipping and tax).
    for file in [
        "woocommerce/order_export_excel_semicolon.csv",
        "woocommerce/plugin_no_order_number.csv",
    ] {
        let shop = Shop::new();
        roster(&shop);
        let out: serde_json::Value =
            serde_json::from_str(&shop.ok(&["import", "--json", &fixture(file)])).unwrap();
        assert_eq!(out["format"], "woocommerce-export", "{file}");
        assert_eq!(out["orders_new"], 8, "{file}: {out}");
        assert_eq!(out["counted_orders"], 6, "{file}");
        assert_eq!(out["net_revenue"], "400.50", "{file}");
        assert_eq!(shop.scorecard_csv(), CARD, "{file}");
        // Without order numbers the rows' content keys them: importing again changes nothing.
        let again: serde_json::Value =
            serde_json::from_str(&shop.ok(&["import", "--json", &fixture(file)])).unwrap();
        assert_eq!(again["orders_unchanged"], 8, "{file}: {again}");
        assert_eq!(again["orders_new"], 0, "{file}");
    }
}

#[test]
fn a_trimmed_analytics_download_says_what_it_cannot_tell() {
    let shop = Shop::new();
    // Only Date, Order #, Coupon(s) and Net sales: no status, so the cancelled and refunded
    // orders count too, and no customer.
    let out: serde_json::Value = serde_json::from_str(&shop.ok(&[
        "import",
        "--dry-run",
        "--json",
        &fixture("woocommerce/analytics_orders_trimmed.csv"),
    ]))
    .unwrap();
    assert_eq!(out["format"], "woocommerce", "{out}");
    assert_eq!(out["counted_orders"], 8);
    let missing = out["missing"].to_string();
    assert!(
        missing.contains("no status column (Status)") && missing.contains("no customer column"),
        "{missing}"
    );
}

#[test]
fn etsy_item_rows_give_line_items_for_product_costs() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("etsy/EtsySoldOrderItems2026.csv")]);
    shop.ok(&["settings", "set", "cogs-pct", "40"]);
    // Every item is SKU MUG: with a unit cost of 0 the goods cost nothing, so gross profit
    // is the whole revenue (without line items it would be 60 % of it).
    shop.ok(&["product", "cost", "set", "MUG", "0"]);
    let card = shop.scorecard_csv();
    assert!(card.contains(",63.33,,190.00,375.00,"), "{card}");
}
