//! File edges, continued: keyless plugin files, another shop's look-alike exports, re-saved
//! files, tracking values in notes, hand-typed discounts and a mapped layout.

use super::*;

/// The rows of one order are one order with several items; a later export where an order
/// moved on (processing → completed) or was refunded updates it instead of adding it again.
#[test]
fn a_keyless_plugin_file_keeps_an_orders_rows_together_and_a_later_export_updates_it() {
    let shop = Shop::new();
    roster(&shop);
    let first = plugin_file(
        &shop,
        "may.csv",
        &[
            "2026-05-01 10:00,Processing,Ana,Buyer,ana@example.com,Mug,1,20.00,SARAH20,50.00,0",
            "2026-05-01 10:00,Processing,Ana,Buyer,ana@example.com,Bowl,1,30.00,SARAH20,50.00,0",
            "2026-05-02 11:30,Completed,Ben,Potter,ben@example.com,Vase,1,40.00,milo15,40.00,0",
            "2026-05-03 09:00,Completed,Cy,Glaze,cy@example.com,Mug,1,20.00,SARAH20,20.00,0",
        ],
    );
    let out = json(&shop.ok(&["import", "--json", &first]));
    assert_eq!(out["orders_new"], 3, "{out}");
    assert_eq!(out["net_revenue"], "110.00", "{out}");
    let later = plugin_file(
        &shop,
        "june.csv",
        &[
            "2026-05-01 10:00,Completed,Ana,Buyer,ana@example.com,Mug,1,20.00,SARAH20,50.00,0",
            "2026-05-01 10:00,Completed,Ana,Buyer,ana@example.com,Bowl,1,30.00,SARAH20,50.00,0",
            "2026-05-02 11:30,Refunded,Ben,Potter,ben@example.com,Vase,1,40.00,milo15,40.00,40.00",
            "2026-05-03 09:00,Completed,Cy,Glaze,cy@example.com,Mug,1,20.00,SARAH20,20.00,0",
            "2026-06-01 15:00,Completed,Di,Kiln,di@example.com,Mug,2,20.00,,40.00,0",
        ],
    );
    // Processing → completed changes nothing the scorecard reads (both are sales): the
    // order is the same one, unchanged; the refund changes Ben's.
    let out = json(&shop.ok(&["import", "--json", &later]));
    assert_eq!(
        (
            &out["orders_new"],
            &out["orders_changed"],
            &out["orders_unchanged"]
        ),
        (&1.into(), &1.into(), &2.into()),
        "{out}"
    );
    let card = shop.scorecard_csv();
    let sarah = card.lines().find(|l| l.contains(",sarah,")).unwrap();
    assert!(
        sarah.contains(",2.00,70.00,"),
        "sarah's two orders, 50.00 + 20.00: {sarah}"
    );
}

/// Two orders of the same moment and buyer that nothing else tells apart: both are kept,
/// and the preview says so.
#[test]
fn keyless_orders_that_cannot_be_told_apart_are_both_kept_and_named() {
    let shop = Shop::new();
    let file = plugin_file(
        &shop,
        "twins.csv",
        &[
            "2026-05-01 10:00,Completed,Ana,Buyer,ana@example.com,Mug,1,20.00,,20.00,0",
            "2026-05-01 10:00,Completed,Ana,Buyer,ana@example.com,Bowl,1,30.00,,30.00,0",
        ],
    );
    let out = json(&shop.ok(&["import", "--json", &file]));
    assert_eq!(out["orders_new"], 2, "{out}");
    let warnings = out["warnings"].to_string();
    assert!(
        warnings.contains("cannot") || warnings.contains("nothing else"),
        "{warnings}"
    );
    let again = json(&shop.ok(&["import", "--json", &file]));
    assert_eq!(again["orders_unchanged"], 2, "{again}");
}

/// Orders an older shoutout stored from a keyless plugin file (keyed by all their cells) are
/// recognised and renamed when the file is imported again, never added a second time.
#[test]
fn keyless_orders_stored_under_the_old_keys_are_not_doubled() {
    use sha2::{Digest, Sha256};
    let shop = Shop::new();
    roster(&shop);
    let file = fixture("woocommerce/plugin_no_order_number.csv");
    shop.ok(&["import", &file]);
    let card = shop.scorecard_csv();
    // As an older version keyed them: the SHA-256 of every cell of the row.
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let legacy: Vec<String> = reader
        .records()
        .map(|r| {
            let mut h = Sha256::new();
            for cell in r.unwrap().iter() {
                h.update(cell.trim().as_bytes());
                h.update([0x1f]);
            }
            let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
            format!("row-{}", &hex[..12])
        })
        .collect();
    let conn = Connection::open(&shop.db).unwrap();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM shop_order ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids.len(), legacy.len());
    for (id, key) in ids.iter().zip(&legacy) {
        conn.execute(
            "UPDATE shop_order SET external_id = ?2 WHERE id = ?1",
            rusqlite::params![id, key],
        )
        .unwrap();
    }
    drop(conn);
    let out = json(&shop.ok(&["import", "--json", &file]));
    assert_eq!(out["orders_new"], 0, "{out}");
    let conn = Connection::open(&shop.db).unwrap();
    let old: i64 = conn
        .query_row(
            "SELECT count(*) FROM shop_order WHERE external_id LIKE 'row-%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old, 0);
    assert_eq!(shop.scorecard_csv(), card);
}

/// Another shop's export under the same order numbers and dates (two shops opened the same
/// month both start at #1001) is recognised by its other customers and refused.
#[test]
fn another_shops_export_with_the_same_numbers_and_dates_is_refused() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let card = shop.scorecard_csv();
    let other = edited(&shop, "shopify/orders_79.csv", |col, i, cells| {
        if !cells[col("Email")].is_empty() {
            cells[col("Email")] = format!("someone{i}@other-shop.example");
        }
    });
    let err = shop.fails(&["import", &other]);
    assert!(err.contains("looks like another shop's export"), "{err}");
    assert_eq!(shop.scorecard_csv(), card);
    // Under its own name it imports.
    shop.ok(&["import", "--shop", "second-shop", &other]);
}

/// A trimmed copy of an imported export (fewer columns, no line items) under another shop
/// name is the same orders: refused, not doubled.
#[test]
fn a_trimmed_copy_under_another_shop_name_is_recognised_as_already_imported() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let card = shop.scorecard_csv();
    let err = shop.fails(&[
        "import",
        "--shop",
        "copy",
        &fixture("shopify/trimmed_79.csv"),
    ]);
    assert!(err.contains("already imported for shop 'shopify'"), "{err}");
    assert_eq!(shop.scorecard_csv(), card);
}

/// A re-saved file whose quotes do not pair up says what it is and how to export again,
/// not that it is cut short.
#[test]
fn a_resaved_file_that_cannot_be_read_says_to_export_again() {
    let shop = Shop::new();
    let text = std::fs::read_to_string(fixture("shopify/orders_79.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(|l| format!("{l};")).collect();
    // A row wrapped by the spreadsheet, then cut inside its quotes by hand.
    lines[2] = format!("\"{},\"\"1 Main St, Apt;", lines[2].trim_end_matches(';'));
    let file = shop.write("broken.csv", &(lines.join("\r\n") + "\r\n"));
    let err = shop.fails(&["import", &file]);
    assert!(err.contains("a spreadsheet re-saved this file"), "{err}");
    assert!(err.contains("without opening it in a spreadsheet"), "{err}");
    assert!(!err.contains("cut short"), "{err}");
}

/// A tracking app's visit, as JSON inside Note Attributes: its utm_source is link evidence
/// the import counts; nothing else of it is kept.
#[test]
fn utm_values_inside_a_tracking_apps_json_are_counted() {
    let shop = Shop::new();
    roster(&shop);
    let sources = ["sarah", "klaviyo", "sarah"];
    let placed = std::cell::Cell::new(0);
    let file = edited(&shop, "shopify/orders_79.csv", |col, _, cells| {
        if !cells[col("Subtotal")].is_empty()
            && let Some(source) = sources.get(placed.get())
        {
            cells[col("Note Attributes")] = format!(
                "_elevar_visitor_info: {{\"user_id\":\"u{n}\",\"referrer\":\"https://l.instagram.com/?u=1\",\"utm_source\":\"{source}\",\"utm_medium\":\"social\",\"fbclid\":\"IwAR{n}\"}}",
                n = placed.get()
            );
            placed.set(placed.get() + 1);
        }
    });
    let out = json(&shop.ok(&["import", "--dry-run", "--json", &file]));
    assert_eq!(out["link_orders"], 3, "{out}");
    assert_eq!(out["link_sources"]["SARAH"], 2, "{out}");
    assert_eq!(out["link_sources"]["KLAVIYO"], 1, "{out}");
    assert_eq!(out["link_owners"]["SARAH"], "sarah", "{out}");
    let text = shop.ok(&["import", "--dry-run", &file]);
    assert!(
        text.contains("KLAVIYO (1, an e-mail or SMS tool, not a creator)"),
        "{text}"
    );
}

/// Shopify writes "Custom discount" for a discount typed in by hand: no code anyone could
/// own, so it is never listed as a code of no influencer.
#[test]
fn a_hand_typed_shopify_discount_is_not_a_code() {
    let shop = Shop::new();
    roster(&shop);
    let file = edited(&shop, "shopify/orders_79.csv", |col, i, cells| {
        if i == 0 {
            cells[col("Discount Code")] = "Custom discount".into();
        }
    });
    let out = shop.ok(&["import", "--dry-run", &file]);
    assert!(!out.to_uppercase().contains("CUSTOM DISCOUNT"), "{out}");
}

/// Visits without a utm_source: a paid click id makes the order the shop's own paid channel,
/// a referrer alone an organic visit; the import counts both, and neither the click id nor
/// the referrer is ever stored.
#[test]
fn click_ids_and_referrers_are_hints_and_are_never_stored() {
    let shop = Shop::new();
    roster(&shop);
    let visits = [
        "_elevar_visitor_info: {\"referrer\":\"https://www.google.com/\",\"gclid\":\"Cj0KCQzz9\"}",
        "landing_site: https://shop.example/?msclkid=mzz77",
        "_elevar_visitor_info: {\"referrer\":\"https://www.pinterest.com/pin/zz42\",\"fbclid\":\"IwARzz5\"}",
    ];
    let placed = std::cell::Cell::new(0);
    let file = edited(&shop, "shopify/orders_79.csv", |col, _, cells| {
        if !cells[col("Subtotal")].is_empty()
            && let Some(visit) = visits.get(placed.get())
        {
            cells[col("Note Attributes")] = (*visit).to_string();
            placed.set(placed.get() + 1);
        }
    });
    let out = json(&shop.ok(&["import", "--dry-run", "--json", &file]));
    assert_eq!(out["channel_hints"]["paid"], 2, "{out}");
    assert_eq!(out["channel_hints"]["organic"], 1, "{out}");
    assert_eq!(out["link_orders"], 0, "hints are not link sources: {out}");
    let text = shop.ok(&["import", &file]);
    assert!(
        text.contains("2 orders came through a paid ad's click"),
        "{text}"
    );
    let mut stored = std::fs::read(shop.path("shop.db")).unwrap();
    stored.extend(std::fs::read(shop.path("shop.db-wal")).unwrap_or_default());
    let stored = String::from_utf8_lossy(&stored);
    for raw in [
        "Cj0KCQzz9",
        "mzz77",
        "IwARzz5",
        "pinterest.com/pin/zz42",
        "google.com",
    ] {
        assert!(!stored.contains(raw), "{raw} was stored");
    }
}

/// The mapping `import --help` shows imports a file as it says, so an installed shoutout
/// carries what a file of another layout needs; the error for an unknown header points to
/// it, not to a docs/ file the user does not have.
#[test]
fn the_mapping_in_import_help_imports_a_file_of_another_layout() {
    let shop = Shop::new();
    roster(&shop);
    let help = shop.ok(&["import", "--help"]);
    let toml: String = help
        .lines()
        .map(str::trim)
        .filter(|l| l.contains(" = ") && !l.starts_with("--"))
        .map(|l| format!("{}\n", l.split(" #").next().unwrap().trim()))
        .collect();
    assert!(toml.contains("order_id = \"Receipt\""), "{help}");
    let mapping = shop.write("pos.toml", &toml);
    let file = shop.write(
        "pos.csv",
        "Receipt,When,Net,Client,Promo,State,Refund,utm_source\n\
         R1,03/05/2026,\"40,00\",a@x.com,SARAH20,paid,0,\n\
         R2,04/05/2026,\"25,50\",b@x.com,,void,0,\n",
    );
    let err = shop.fails(&["import", &file]);
    assert!(err.contains("shoutout import --help"), "{err}");
    assert!(!err.contains("docs/"), "{err}");
    let out = shop.ok(&["import", &file, "--mapping", &mapping]);
    assert!(out.contains("2 new"), "{out}");
    assert!(
        shop.scorecard_csv().contains("40.00"),
        "{}",
        shop.scorecard_csv()
    );
}
