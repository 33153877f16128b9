//! The gift ledger end to end through the real binary: gifts sent, a decline, a post with
//! its content value, a gift order found by an import, the ledger as CSV (whole and `--due`)
//! and the scorecard's gift columns.

mod common;

use common::{Shop, roster};

fn shop() -> Shop {
    let shop = Shop::new();
    roster(&shop);
    let gift = |who: &str, date: &str, item: &str, retail: &str, cost: &str, ship: Option<&str>| {
        let mut args = vec![
            "gift",
            "add",
            "--influencer",
            who,
            "--date",
            date,
            "--item",
            item,
            "--retail",
            retail,
            "--cost",
            cost,
        ];
        if let Some(s) = ship {
            args.extend(["--shipping", s]);
        }
        shop.ok(&args);
    };
    gift("sarah", "2026-05-01", "Speckled mug", "30", "12", Some("5"));
    gift("milo", "2026-05-02", "Bud vase", "40", "15", None);
    gift("sarah", "2026-05-20", "Candle", "20", "6", Some("4"));
    shop.ok(&[
        "gift",
        "decline",
        "--influencer",
        "milo",
        "--date",
        "2026-05-02",
    ]);
    shop.ok(&[
        "post",
        "add",
        "--influencer",
        "sarah",
        "--date",
        "2026-05-05",
        "--likes",
        "400",
        "--content-value",
        "150",
        "--sentiment",
        "positive",
        "--note",
        "loved the glaze",
    ]);
    // A 100 %-off order with milo's code: a gift the import finds (retail 30.00, recorded at
    // the default 100 % as a 30.00 product cost).
    let orders = shop.write(
        "gift_order.csv",
        "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Cancelled at,Refunded Amount,Total,Discount Amount\n\
         #5001,creator@example.com,paid,USD,0.00,MILO15,2026-05-10 10:00:00 +0000,1,Speckled Mug,30.00,SPECKLED-MUG,,0.00,0.00,30.00\n",
    );
    shop.ok(&["import", &orders]);
    shop
}

#[test]
fn the_ledger_lists_every_gift_with_its_status() {
    let shop = shop();
    let csv = shop.ok(&["gift", "list", "--as-of", "2026-06-15", "--csv", "-"]);
    assert_eq!(
        csv,
        "id,influencer,date,item,retail,cost,shipping,status,posted_on,days_waiting\n\
         1,sarah,2026-05-01,Speckled mug,30.00,12.00,5.00,posted,2026-05-02,\n\
         2,milo,2026-05-02,Bud vase,40.00,15.00,0.00,declined,,\n\
         4,milo,2026-05-10,Speckled Mug,30.00,30.00,0.00,follow_up,,36\n\
         3,sarah,2026-05-20,Candle,20.00,6.00,4.00,follow_up,,26\n"
    );
    // The week's to-do, and a day when the last gift still waits.
    let due = shop.ok(&[
        "gift",
        "list",
        "--due",
        "--as-of",
        "2026-06-05",
        "--csv",
        "-",
    ]);
    assert_eq!(
        due,
        "id,influencer,date,item,retail,cost,shipping,status,posted_on,days_waiting\n\
         4,milo,2026-05-10,Speckled Mug,30.00,30.00,0.00,follow_up,,26\n"
    );
    let early = shop.ok(&["gift", "list", "--as-of", "2026-05-03", "--csv", "-"]);
    assert_eq!(
        early.lines().count(),
        3,
        "gifts after --as-of are left out: {early}"
    );
    // The table ends with the seeding figures: 4 sent, 1 posted (25 %; her roster post of
    // 2 May answers the mug of 1 May), 1 day to it, (17 + 15 + 30 + 10) / 1 = 72.00 of
    // gifts per post.
    let table = shop.ok(&["gift", "list", "--as-of", "2026-06-15"]);
    assert!(
        table.contains(
            "4 gift(s) sent, 25.00 % posted, median 1.00 days to a post, gift cost per post 72.00"
        ),
        "{table}"
    );
    // The follow-up days are a setting.
    shop.ok(&["settings", "set", "gift-follow-up-days", "30"]);
    let csv = shop.ok(&["gift", "list", "--as-of", "2026-06-15", "--csv", "-"]);
    assert!(
        csv.contains("sarah,2026-05-20,Candle,20.00,6.00,4.00,waiting,,26\n"),
        "{csv}"
    );
    // Post list shows the content value, sentiment and note.
    let posts = shop.ok(&["post", "list"]);
    assert!(
        posts.contains("150.00") && posts.contains("positive") && posts.contains("loved the glaze"),
        "{posts}"
    );
}

#[test]
fn gifts_and_content_value_reach_the_scorecard() {
    let shop = shop();
    let card = shop.scorecard_csv();
    assert!(
        card.starts_with(
            "rank,influencer,platform,followers,posts,cost,orders,revenue,new_customers,roi_pct,\
             roas,cac,aov,engagement_rate_pct,gross_profit,profit_roi_pct,breakeven_roas,\
             gifts_sent,gifts_posted,content_value,roi_with_content_pct,repeat_orders,\
             repeat_revenue,ltv,ltv_to_cac,roi_with_repeat_pct\n"
        ),
        "{card}"
    );
    // sarah: cost 100.00 + gifts 12 + 5 + 6 + 4 = 127.00, no revenue; content 150.00:
    // (0 + 150 − 127) / 127 = 18.11 %. Her revenue ROI stays −100 %.
    assert!(card.contains(",sarah,instagram,12000,2,127.00,"), "{card}");
    assert!(card.contains(",-100.00,0.00,,,"), "{card}");
    assert!(
        card.contains(",,,,2,1,150.00,18.11,0.00,0.00,,,-100.00\n"),
        "{card}"
    );
    // milo: cost 40.00 + 15.00 + 30.00 (the gift order) = 85.00; both gifts sent, declined
    // and imported included, none posted.
    assert!(card.contains(",milo,tiktok,48000,0,85.00,"), "{card}");
    assert!(
        card.contains(",,,,2,0,0.00,-100.00,0.00,0.00,,,-100.00\n"),
        "{card}"
    );
    // The period filters gifts by their dates.
    let may_early = shop.ok(&[
        "scorecard",
        "--csv",
        "-",
        "--from",
        "2026-05-01",
        "--to",
        "2026-05-09",
    ]);
    assert!(may_early.contains(",1,1,150.00,"), "{may_early}");
    // Undoing the import takes its gift out of the ledger.
    shop.ok(&["import", "--undo-last"]);
    let csv = shop.ok(&["gift", "list", "--as-of", "2026-06-15", "--csv", "-"]);
    assert!(!csv.contains("2026-05-10"), "{csv}");
}

/// A gift's id is in the ledger; by it a gift is deleted (its cost entries with it) or taken
/// back from "declined".
#[test]
fn a_gift_is_deleted_or_undeclined_by_its_id() {
    let shop = shop();
    let costs_before = shop.ok(&["cost", "list"]).lines().count();
    let ledger = |shop: &Shop| shop.ok(&["gift", "list", "--as-of", "2026-06-15", "--csv", "-"]);
    let row = |text: &str, item: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.contains(item))
            .unwrap_or_else(|| panic!("{item} in {text}"))
            .split(',')
            .map(String::from)
            .collect()
    };
    let vase = row(&ledger(&shop), "Bud vase");
    assert_eq!(vase[7], "declined");
    shop.ok(&["gift", "undecline", &vase[0]]);
    assert_ne!(row(&ledger(&shop), "Bud vase")[7], "declined");
    let candle = row(&ledger(&shop), "Candle");
    let err = shop.fails(&["gift", "delete", &candle[0]]);
    assert!(err.contains("--yes"), "{err}");
    shop.ok(&["gift", "delete", &candle[0], "--yes"]);
    assert!(!ledger(&shop).contains("Candle"));
    // Its product cost and its shipping went with it.
    assert_eq!(shop.ok(&["cost", "list"]).lines().count(), costs_before - 2);
    let err = shop.fails(&["gift", "undecline", "999"]);
    assert!(err.contains("no gift with id 999"), "{err}");
}
