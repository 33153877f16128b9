//! Lifetime value end to end, through the command line: docs/metrics.md's worked example
//! to the cent, at the default window and at 90 days, and the rules at their edges (an order
//! exactly D days later, a shared first order, a customer without an e-mail, a later order
//! with another creator's code, a refund inside the window, undo of an import).

mod common;
use common::Shop;

/// The worked example of docs/metrics.md ("Lifetime value"), as a Shopify export.
const ORDERS: &str = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,\
Cancelled at,Refunded Amount
#1001,a@example.com,paid,USD,100.00,ANA,2026-01-10 10:00:00 -0700,,0.00
#1002,a@example.com,paid,USD,40.00,,2026-02-10 10:00:00 -0700,,0.00
#1003,a@example.com,partially_refunded,USD,60.00,,2026-04-10 10:00:00 -0700,,10.00
#1004,a@example.com,paid,USD,30.00,BO,2026-03-01 10:00:00 -0700,,0.00
#1005,b@example.com,paid,USD,80.00,ANA + BO,2026-01-15 10:00:00 -0700,,0.00
#1006,b@example.com,paid,USD,20.00,,2026-01-20 10:00:00 -0700,,0.00
#1007,,paid,USD,25.00,BO,2026-01-12 10:00:00 -0700,,0.00
#1008,c@example.com,paid,USD,70.00,,2026-01-05 10:00:00 -0700,,0.00
#1009,c@example.com,paid,USD,35.00,ANA,2026-01-25 10:00:00 -0700,,0.00
";

/// Ana (code ANA, 100.00 fee) and Bo (code BO, 50.00 fee), and the orders above.
fn shop() -> Shop {
    let shop = Shop::new();
    for (handle, code, fee) in [("ana", "ANA", "100"), ("bo", "BO", "50")] {
        shop.ok(&[
            "influencer",
            "add",
            handle,
            "--platform",
            "instagram",
            "--followers",
            "5000",
        ]);
        shop.ok(&["code", "add", code, "--influencer", handle]);
        shop.ok(&[
            "cost",
            "add",
            "--influencer",
            handle,
            "--kind",
            "fee",
            "--amount",
            fee,
            "--date",
            "2026-01-01",
        ]);
    }
    let file = shop.write("orders.csv", ORDERS);
    shop.ok(&["import", &file]);
    shop
}

/// The five new columns of each creator's row, by handle.
fn ltv_columns(shop: &Shop) -> Vec<(String, Vec<String>)> {
    let card = shop.scorecard_csv();
    let mut rows = csv::Reader::from_reader(card.as_bytes());
    let header = rows.headers().unwrap().clone();
    assert_eq!(
        header.iter().skip(21).collect::<Vec<_>>(),
        [
            "repeat_orders",
            "repeat_revenue",
            "ltv",
            "ltv_to_cac",
            "roi_with_repeat_pct"
        ]
    );
    let mut out: Vec<(String, Vec<String>)> = rows
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[1].to_string(),
                r.iter().skip(21).map(str::to_string).collect(),
            )
        })
        .collect();
    out.sort();
    out
}

fn row(handle: &str, cells: [&str; 5]) -> (String, Vec<String>) {
    (
        handle.to_string(),
        cells.iter().map(|c| c.to_string()).collect(),
    )
}

/// ana: a's window (#1001 100 + #1002 40 + #1003 50 after its refund + #1004 30, Bo's
/// code: in her cohort, not a repeat) and half of b's (80 + 20): 270.00 over 1.5 new
/// customers = 180.00; cac 100 / 1.5; repeats #1002, #1003 and half of #1006.
/// bo: half of b's (50.00) and #1007 without an e-mail (25.00): 75.00 / 1.5 = 50.00.
#[test]
fn the_worked_example_to_the_cent() {
    let shop = shop();
    assert_eq!(
        ltv_columns(&shop),
        [
            row("ana", ["2.50", "100.00", "180.00", "2.70", "175.00"]),
            row("bo", ["0.50", "10.00", "50.00", "1.50", "110.00"]),
        ]
    );
}

/// With a 90-day window, #1003 (placed exactly 90 × 24 hours after a's first order) is
/// outside: ana's cohort is 220.00, her repeats 1.5 orders and 50.00.
#[test]
fn an_order_exactly_d_days_later_is_outside_the_window() {
    let shop = shop();
    shop.ok(&["settings", "set", "ltv-days", "90"]);
    assert_eq!(
        ltv_columns(&shop),
        [
            row("ana", ["1.50", "50.00", "146.67", "2.20", "125.00"]),
            row("bo", ["0.50", "10.00", "50.00", "1.50", "110.00"]),
        ]
    );
    shop.ok(&["settings", "unset", "ltv-days"]);
    assert_eq!(ltv_columns(&shop)[0].1[2], "180.00");
}

/// A later file adds a repeat of a's; undoing it puts every column back.
#[test]
fn undo_of_an_import_puts_the_cohorts_back() {
    let shop = shop();
    let before = shop.scorecard_csv();
    let later = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,\
                 Cancelled at,Refunded Amount\n\
                 #1010,a@example.com,paid,USD,15.00,,2026-03-15 10:00:00 -0700,,0.00\n";
    let file = shop.write("later.csv", later);
    shop.ok(&["import", &file]);
    assert_eq!(
        ltv_columns(&shop)[0],
        row("ana", ["3.50", "115.00", "190.00", "2.85", "190.00"])
    );
    shop.ok(&["import", "--undo-last"]);
    assert_eq!(shop.scorecard_csv(), before);
}

/// A period takes the customers whose first order falls in it; their windows run past its
/// end (#1002–#1004 are in a's window though placed after January 10).
#[test]
fn a_period_takes_the_customers_acquired_in_it() {
    let shop = shop();
    let card = shop.ok(&[
        "scorecard",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-10",
        "--csv",
        "-",
    ]);
    let ana = card.lines().find(|l| l.contains(",ana,")).unwrap();
    // Her cost (dated January 1) and one new customer, a: 100 + 40 + 50 + 30 = 220.00;
    // repeats #1002 and #1003 (90.00); (100 + 90 − 100) / 100 = 90 %.
    assert!(ana.ends_with(",2.00,90.00,220.00,2.20,90.00"), "{ana}");
}

/// `--view customer` ranks by what each creator's customers spent over their window;
/// `--compare` puts the three ranks on one line each.
#[test]
fn the_three_views_rank_side_by_side() {
    let shop = shop();
    let customer = shop.ok(&["scorecard", "--view", "customer", "--csv", "-"]);
    // ana: 270.00 over 100.00 of cost (170 %); bo: 75.00 over 50.00 (50 %).
    assert_eq!(
        customer,
        "rank,influencer,cost,revenue,roi_pct\n1,ana,100.00,270.00,170.00\n2,bo,50.00,75.00,50.00\n"
    );
    let compare = shop.ok(&["scorecard", "--compare", "--csv", "-"]);
    let mut lines = compare.lines();
    assert_eq!(
        lines.next(),
        Some(
            "influencer,code_rank,code_roi_pct,customer_rank,customer_roi_pct,incremental_rank,\
             incremental_roi_pct"
        )
    );
    // By code: bo 90 % over ana 75 %; by her customers, ana first.
    assert!(
        lines.next().unwrap().starts_with("bo,1,90.00,2,50.00,"),
        "{compare}"
    );
    assert!(
        lines.next().unwrap().starts_with("ana,2,75.00,1,170.00,"),
        "{compare}"
    );
    let table = shop.ok(&["scorecard", "--compare"]);
    assert!(table.contains("Customer #"), "{table}");
    let err = shop.fails(&["scorecard", "--view", "lifetime"]);
    assert!(err.contains("code, customer or incremental"), "{err}");
}

/// A shop that says who was new (WooCommerce's "Customer type"): a returning customer's
/// first order in the file acquires no one, so her orders are in no creator's cohort, as
/// `new_customers` does not count her.
#[test]
fn a_customer_the_shop_calls_returning_is_no_ones_acquisition() {
    let shop = Shop::new();
    shop.ok(&[
        "influencer",
        "add",
        "ana",
        "--platform",
        "instagram",
        "--followers",
        "5000",
    ]);
    shop.ok(&["code", "add", "ANA", "--influencer", "ana"]);
    let file = shop.write(
        "analytics.csv",
        "Date,Order #,Status,Customer,Customer type,Payment method,Product(s),Items sold,\
         Coupon(s),Net sales,Attribution\n\
         2026-05-01 10:00:00,1001,completed,Ana Buyer,new,Stripe,1× Mug,1,ana,50.00,Direct\n\
         2026-05-03 10:00:00,1002,completed,Cy Buyer,returning,Stripe,1× Mug,1,ana,30.00,Direct\n\
         2026-05-10 10:00:00,1003,completed,Cy Buyer,returning,Stripe,1× Mug,1,,20.00,Direct\n",
    );
    shop.ok(&["import", &file]);
    let card = shop.scorecard_csv();
    let ana = card.lines().find(|l| l.contains(",ana,")).unwrap();
    let cells: Vec<&str> = ana.split(',').collect();
    // Revenue 80.00 over one new customer; her cohort is Ana Buyer's 50.00 alone.
    assert_eq!((cells[7], cells[8]), ("80.00", "1.00"), "{ana}");
    assert_eq!(&cells[21..24], ["0.00", "0.00", "50.00"], "{ana}");
}
