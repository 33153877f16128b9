//! The Shopify import, continued: damaged, re-saved, trimmed and second-currency files, link
//! evidence in notes, the doctor of the derived facts, and lift shop by shop.

use super::*;

#[test]
fn import_json_reports_a_damaged_file_without_writing() {
    let shop = Shop::new();
    let text = read_fixture("shopify/orders_79.csv");
    // Break one order's date (#1002's, on its first row).
    let broken = text.replace("2026-05-02 13:01:07", "2026-13-02 13:01:07");
    assert_ne!(broken, text);
    let file = shop.write("broken.csv", &broken);
    let out: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &file])).unwrap();
    assert_eq!(out["orders_invalid"], 1, "{out}");
    assert_eq!(out["errors"].as_array().unwrap().len(), 1);
    assert_eq!(out["written"], false);
    // A real import of it fails and writes nothing; --skip-invalid imports the rest.
    shop.fails(&["import", "--json", &file]);
    let done: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--json", "--skip-invalid", &file])).unwrap();
    assert_eq!(done["orders_new"], 7);
    assert_eq!(done["written"], true);
}

#[test]
fn an_export_a_spreadsheet_resaved_imports_as_the_original() {
    // Every data row wrapped in quotes (inner quotes doubled) and every line ended in `;`,
    // with Windows line ends: what a `;`-locale spreadsheet writes back.
    let json = |file: &str| -> serde_json::Value {
        let shop = Shop::new();
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &fixture(file)])).unwrap()
    };
    let original = json("shopify/orders_79.csv");
    let resaved = json("shopify/excel_resaved_79.csv");
    for key in [
        "orders_new",
        "orders_invalid",
        "counted_orders",
        "net_revenue",
        "date_from",
        "date_to",
        "unknown_codes",
    ] {
        assert_eq!(resaved[key], original[key], "{key}: {resaved}");
    }
    assert_eq!(resaved["net_revenue"], "400.50");
}

#[test]
fn link_evidence_in_note_attributes_credits_the_creator() {
    let shop = Shop::new();
    roster(&shop);
    // No codes: #3001 (30.00) and #3002 (40.00) came through sarah's link, #3003 (30.00)
    // through milo's landing URL, #3004 (40.00) from facebook (nobody's).
    let file = fixture("shopify/utm_notes_79.csv");
    let preview: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &file])).unwrap();
    assert_eq!(preview["link_orders"], 4, "{preview}");
    assert_eq!(
        preview["link_sources"],
        serde_json::json!({"SARAH": 2, "MILO": 1, "FACEBOOK": 1})
    );
    assert_eq!(
        preview["link_owners"],
        serde_json::json!({"SARAH": "sarah", "MILO": "milo"})
    );
    let text = shop.ok(&["import", &file]);
    assert!(
        text.contains(
            "link evidence (utm_source): 4 orders: SARAH (2, @sarah), FACEBOOK (1, nobody's), \
             MILO (1, @milo)"
        ),
        "{text}"
    );
    let card = shop.scorecard_csv();
    // sarah: 100.00 of costs + 10 % of 70.00.
    assert!(
        card.contains(",sarah,instagram,12000,1,107.00,2.00,70.00,"),
        "{card}"
    );
    assert!(
        card.contains(",milo,tiktok,48000,0,40.00,1.00,30.00,"),
        "{card}"
    );
    // Only the utm values are kept: nothing of the addresses or IP reaches the database.
    let mut db = std::fs::read(&shop.db).unwrap();
    db.extend(std::fs::read(shop.db.with_extension("db-wal")).unwrap_or_default());
    for private in ["203.0.113.7", "Example Road"] {
        assert!(
            !db.windows(private.len()).any(|w| w == private.as_bytes()),
            "{private} was stored"
        );
    }
}

#[test]
fn a_trimmed_shopify_export_reads_and_says_what_it_lacks() {
    let shop = Shop::new();
    // No Email, Subtotal or Discount Amount: revenue is Total − Shipping − Taxes.
    let file = fixture("shopify/trimmed_79.csv");
    let json: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &file])).unwrap();
    assert_eq!(json["format"], "shopify");
    assert_eq!(json["counted_orders"], 6);
    assert_eq!(json["net_revenue"], "400.50");
    assert_eq!(
        json["missing"],
        serde_json::json!(["no customer column (Email): every order counts as a new customer's"])
    );
    let text = shop.ok(&["import", "--dry-run", &file]);
    assert!(
        text.contains("missing: no customer column (Email)"),
        "{text}"
    );
    // Without any column that gives revenue, the file is refused, saying what to re-export.
    let bare = shop.write(
        "bare.csv",
        "Name,Created at,Financial Status,Discount Code\n#1,2026-05-01 10:00:00 +0000,paid,ANA\n",
    );
    let err = shop.fails(&["import", &bare]);
    assert!(
        err.contains("Subtotal (or Total)") && err.contains("export"),
        "{err}"
    );
}

#[test]
fn a_second_currency_is_converted_at_the_rate_given() {
    let shop = Shop::new();
    roster(&shop);
    // A lira shop whose #1003 (120.00) and #1007 (40.00) were paid in dollars.
    let file = fixture("shopify/two_currencies_79.csv");
    let out: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--dry-run", "--json", &file])).unwrap();
    assert_eq!(out["orders_invalid"], 2, "{out}");
    let errors = out["errors"].to_string();
    assert!(errors.contains("--rate USD="), "{errors}");
    // With the rate: 120.00 × 32.10 = 3852.00 and 40.00 × 32.10 = 1284.00 lira; the other
    // counted orders bring 48.00 + 72.50 + 30.00 + 90.00 = 240.50.
    let out: serde_json::Value =
        serde_json::from_str(&shop.ok(&["import", "--json", "--rate", "USD=32.10", &file]))
            .unwrap();
    assert_eq!(out["orders_invalid"], 0, "{out}");
    assert_eq!(out["currency"], "TRY");
    assert_eq!(out["net_revenue"], "5376.50");
    assert_eq!(
        out["converted"],
        serde_json::json!([{"currency": "USD", "orders": 2, "rate": "32.10"}])
    );
    // milo's orders were #1003, #1004 and #1007: 3852.00 + 30.00 + 1284.00.
    assert!(
        shop.scorecard_csv()
            .contains(",milo,tiktok,48000,0,40.00,3.00,5166.00,")
    );
    // A rate must be a currency and a positive number.
    let err = shop.fails(&["import", "--rate", "USD=-2", &file]);
    assert!(err.contains("USD=32.10"), "{err}");
}

#[test]
fn doctor_finds_derived_facts_gone_wrong_and_rebuild_mends_them() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let card = shop.scorecard_csv();
    let healthy = shop.ok(&["doctor"]);
    assert!(healthy.contains("integrity: ok"), "{healthy}");
    assert!(
        healthy.contains("orders: every one can be read"),
        "{healthy}"
    );
    assert!(healthy.contains("derived facts: up to date"), "{healthy}");
    // What a bug or a hand edit could leave: sums that no longer match the orders, and an
    // order whose day cannot be read.
    let conn = rusqlite::Connection::open(&shop.db).unwrap();
    let day = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row(
            "SELECT placed_on FROM shop_order WHERE external_id = '#1002'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let placed_on = day(&conn);
    conn.execute_batch(
        "UPDATE order_day SET orders = orders + 1, net_cents = net_cents + 100;
         UPDATE shop_order SET placed_on = 99999999999 WHERE external_id = '#1002';",
    )
    .unwrap();
    drop(conn);
    let err = shop.fails(&["doctor"]);
    assert!(err.contains("doctor --rebuild"), "{err}");
    let mended = shop.ok(&["doctor", "--rebuild"]);
    assert!(mended.contains("orders: 1 cannot be read"), "{mended}");
    assert!(mended.contains("derived facts: rebuilt"), "{mended}");
    assert!(shop.ok(&["doctor"]).contains("derived facts: up to date"));
    // With the unreadable order left out, as the scorecard always left such rows out.
    assert_ne!(shop.scorecard_csv(), card);
    let conn = rusqlite::Connection::open(&shop.db).unwrap();
    assert_eq!(day(&conn), 99_999_999_999);
    conn.execute(
        "UPDATE shop_order SET placed_on = ?1 WHERE external_id = '#1002'",
        [placed_on],
    )
    .unwrap();
    drop(conn);
    shop.ok(&["doctor", "--rebuild"]);
    assert_eq!(
        shop.scorecard_csv(),
        card,
        "mended, the figures are the first ones"
    );
}

#[test]
fn lift_keeps_each_shop_on_its_own_baseline_and_can_show_one() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    shop.ok(&[
        "import",
        "--shop",
        "old-etsy",
        &fixture("etsy/EtsySoldOrders2026.csv"),
    ]);
    let table = shop.ok(&["lift"]);
    assert!(
        table.contains("2 shops, each on a baseline of its own"),
        "{table}"
    );
    let one = shop.ok(&["lift", "--shop", "shopify"]);
    assert!(one.contains("only the orders of shop 'shopify'"), "{one}");
    assert!(!one.contains("2 shops"), "{one}");
    let err = shop.fails(&["lift", "--shop", "nope"]);
    assert!(
        err.contains("no orders were imported for a shop named 'nope'"),
        "{err}"
    );
    assert!(err.contains("old-etsy, shopify"), "{err}");
}
