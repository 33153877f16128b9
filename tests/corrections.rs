//! What she can add, she can fix: a post is updated in place (never logged twice), and
//! listed with every field, as a table or as CSV.

mod common;

use common::{Shop, roster};

fn post_rows(shop: &Shop) -> Vec<csv::StringRecord> {
    let text = shop.ok(&["post", "list", "--csv", "-"]);
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_post_is_updated_in_place_and_the_same_post_twice_is_refused() {
    let shop = Shop::new();
    roster(&shop);
    let rows = post_rows(&shop);
    assert_eq!(rows.len(), 1);
    let id = rows[0][0].to_string();
    let card = shop.scorecard_csv();
    // The same post again (same creator, day, no link): refused, naming the update.
    let err = shop.fails(&[
        "post",
        "add",
        "--influencer",
        "sarah",
        "--date",
        "2026-05-02",
        "--likes",
        "900",
    ]);
    assert!(err.contains(&format!("post update {id}")), "{err}");
    assert_eq!(post_rows(&shop).len(), 1);
    // Updated: the likes change, every other field stays.
    let out = shop.ok(&[
        "post",
        "update",
        &id,
        "--likes",
        "900",
        "--views",
        "12000",
        "--reach",
        "8000",
        "--clicks",
        "140",
        "--note",
        "reel, pinned",
    ]);
    assert!(
        out.contains(&format!("updated post {id} of @sarah on 2026-05-02")),
        "{out}"
    );
    let rows = post_rows(&shop);
    assert_eq!(rows.len(), 1);
    let header = csv::Reader::from_reader(shop.ok(&["post", "list", "--csv", "-"]).as_bytes())
        .headers()
        .unwrap()
        .clone();
    let cell = |name: &str| rows[0][header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("likes"), "900");
    assert_eq!(cell("comments"), "40", "not given, so kept");
    assert_eq!(cell("views"), "12000");
    assert_eq!(cell("reach"), "8000");
    assert_eq!(cell("clicks"), "140");
    assert_eq!(cell("note"), "reel, pinned");
    assert_eq!(cell("date"), "2026-05-02");
    assert_ne!(
        shop.scorecard_csv(),
        card,
        "the engagement rate follows the update"
    );
    // A post with its own link on the same day is another post.
    shop.ok(&[
        "post",
        "add",
        "--influencer",
        "sarah",
        "--date",
        "2026-05-02",
        "--url",
        "https://example.com/p/2",
    ]);
    assert_eq!(post_rows(&shop).len(), 2);
    let err = shop.fails(&["post", "update", "999", "--likes", "1"]);
    assert!(err.contains("no post with id 999"), "{err}");
    // The table shows every field too.
    let table = shop.ok(&["post", "list"]);
    assert!(
        table.contains("Views") && table.contains("Sentiment") && table.contains("12000"),
        "{table}"
    );
}

/// Paying exactly the owed amount shown leaves nothing owed, even when the commission has a
/// fraction of a cent; a payout to someone with no commission is refused without --force,
/// and the date defaults to today.
#[test]
fn paying_what_is_shown_leaves_nothing_owed() {
    let shop = Shop::new();
    shop.ok(&[
        "influencer",
        "add",
        "ana",
        "--platform",
        "instagram",
        "--followers",
        "900",
        "--commission",
        "15",
    ]);
    shop.ok(&[
        "influencer",
        "add",
        "bo",
        "--platform",
        "tiktok",
        "--followers",
        "900",
    ]);
    shop.ok(&["code", "add", "SARAH20", "--influencer", "ana"]);
    shop.ok(&["import", &common::fixture("shopify/orders_79.csv")]);
    let list = |shop: &Shop| shop.ok(&["payout", "list", "--as-of", "2026-07-30", "--csv", "-"]);
    // 15 % of 120.50 = 18.075, shown 18.08 (half a cent, rounded away from zero).
    let before = list(&shop);
    assert!(before.contains("ana,18.08,0.00,0.00,18.08"), "{before}");
    shop.ok(&[
        "payout",
        "add",
        "--influencer",
        "ana",
        "--amount",
        "18.08",
        "--date",
        "2026-07-30",
    ]);
    let after = list(&shop);
    assert!(after.contains("ana,18.08,0.00,18.08,0.00"), "{after}");
    let err = shop.fails(&["payout", "add", "--influencer", "bo", "--amount", "50"]);
    assert!(err.contains("--force"), "{err}");
    shop.ok(&[
        "payout",
        "add",
        "--influencer",
        "bo",
        "--amount",
        "50",
        "--force",
    ]);
    let table = shop.ok(&["payout", "list"]);
    assert!(table.ends_with('\n'), "{table:?}");
}

/// A code is moved into a campaign, out of it, or to another influencer; adding it again
/// names the update.
#[test]
fn a_code_is_moved_into_a_campaign_or_to_another_influencer() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&[
        "campaign",
        "add",
        "Spring",
        "--goal",
        "sales",
        "--start",
        "2026-05-01",
        "--end",
        "2026-05-31",
    ]);
    let err = shop.fails(&[
        "code",
        "add",
        "SARAH20",
        "--influencer",
        "sarah",
        "--campaign",
        "Spring",
    ]);
    assert!(err.contains("code update SARAH20 --campaign"), "{err}");
    let out = shop.ok(&["code", "update", "sarah20", "--campaign", "Spring"]);
    assert!(
        out.contains("code SARAH20 now credits @sarah in campaign Spring"),
        "{out}"
    );
    let list = shop.ok(&["code", "list"]);
    let line = list.lines().find(|l| l.contains("SARAH20")).unwrap();
    assert!(line.contains("Spring"), "{list}");
    shop.ok(&[
        "code",
        "update",
        "SARAH20",
        "--no-campaign",
        "--influencer",
        "milo",
    ]);
    let list = shop.ok(&["code", "list"]);
    let line = list.lines().find(|l| l.contains("SARAH20")).unwrap();
    assert!(line.contains("@milo") && !line.contains("Spring"), "{list}");
    let err = shop.fails(&["code", "update", "NOPE", "--no-campaign"]);
    assert!(err.contains("no promo code 'NOPE'"), "{err}");
}

/// The planner counts with her own average order once she has 10 orders, else the shop's,
/// and says which.
#[test]
fn the_planner_uses_her_own_average_order_when_she_has_enough() {
    let shop = Shop::new();
    shop.ok(&["demo"]);
    let card = shop.scorecard_csv();
    let aov = |handle: &str| {
        card.lines()
            .find(|l| l.split(',').nth(1) == Some(handle))
            .and_then(|l| l.split(',').nth(12))
            .unwrap()
            .to_string()
    };
    let plan = shop.ok(&["plan", "--influencer", "potterywithpia", "--fee", "100"]);
    assert!(
        plan.contains(&format!(
            "brings {} on average (her own, over 20.5 orders",
            aov("potterywithpia")
        )),
        "{plan}"
    );
    let new = shop.ok(&[
        "plan",
        "--followers",
        "5000",
        "--platform",
        "instagram",
        "--fee",
        "100",
    ]);
    assert!(new.contains("(the shop's average order)"), "{new}");
}

/// Sorting by profit ROI without a cost of goods or fee says that profit is revenue.
#[test]
fn sorting_by_profit_without_costs_of_goods_says_so() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &common::fixture("shopify/orders_79.csv")]);
    let out = shop.ok(&["scorecard", "--sort", "profit"]);
    assert!(
        out.contains("no cost of goods or fee is set, so profit is revenue"),
        "{out}"
    );
    shop.ok(&["settings", "set", "cogs-pct", "40"]);
    let out = shop.ok(&["scorecard", "--sort", "profit"]);
    assert!(!out.contains("so profit is revenue"), "{out}");
}

fn event_rows(shop: &Shop) -> Vec<Vec<String>> {
    let text = shop.ok(&["event", "list", "--csv", "-"]);
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A sale is marked, moved, renamed, refused when its days are backwards, and deleted; the
/// lift report reads it (a post overlapping it says so).
#[test]
fn an_event_is_marked_changed_and_deleted_and_lift_reads_it() {
    let shop = Shop::new();
    roster(&shop);
    let out = shop.ok(&[
        "event",
        "add",
        "--date",
        "2026-05-02",
        "--to",
        "2026-05-04",
        "--name",
        "Spring sale",
    ]);
    assert!(
        out.contains("marked event 1: Spring sale, 2026-05-02 to 2026-05-04"),
        "{out}"
    );
    assert_eq!(
        event_rows(&shop),
        vec![vec!["1", "Spring sale", "2026-05-02", "2026-05-04", "3"]]
    );
    let err = shop.fails(&["event", "update", "1", "--to", "2026-05-01"]);
    assert!(err.contains("--to") && err.contains("on or after"), "{err}");
    shop.ok(&["event", "update", "1", "--name", "Spring market"]);
    assert_eq!(
        event_rows(&shop),
        vec![vec!["1", "Spring market", "2026-05-02", "2026-05-04", "3"]]
    );
    shop.ok(&["import", &common::fixture("shopify/orders_79.csv")]);
    let lift = shop.ok(&["lift", "--json"]);
    assert!(lift.contains("overlaps Spring market"), "{lift}");
    let err = shop.fails(&["event", "delete", "1"]);
    assert!(err.contains("--yes"), "{err}");
    shop.ok(&["event", "delete", "1", "--yes"]);
    assert!(event_rows(&shop).is_empty());
    let err = shop.fails(&["event", "delete", "1", "--yes"]);
    assert!(err.contains("no event with id 1"), "{err}");
}

/// `plan --schedule`: the next days her post stands alone, in words and as CSV; a fee is not
/// asked for, and a deal's arguments are refused beside it.
#[test]
fn plan_schedule_lists_the_days_her_post_would_stand_alone() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &common::fixture("shopify/orders_79.csv")]);
    shop.ok(&[
        "post",
        "add",
        "--influencer",
        "milo",
        "--date",
        "2026-05-05",
    ]);
    let words = shop.ok(&[
        "plan",
        "--schedule",
        "--influencer",
        "sarah",
        "--from",
        "2026-05-01",
    ]);
    assert!(words.starts_with("@sarah's next post"), "{words}");
    assert!(words.contains("overlap @milo's post of"), "{words}");
    let csv = shop.ok(&[
        "plan",
        "--schedule",
        "--influencer",
        "sarah",
        "--from",
        "2026-05-01",
        "--csv",
        "-",
    ]);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows[0].get(0), Some("2026-05-01"));
    let days: i64 = rows
        .iter()
        .map(|r| {
            let d = |i: usize| chrono::NaiveDate::parse_from_str(&r[i], "%Y-%m-%d").unwrap();
            (d(1) - d(0)).num_days() + 1
        })
        .sum();
    assert_eq!(days, 56, "the slots cover the 8 weeks ahead without a gap");
    let err = shop.fails(&[
        "plan",
        "--schedule",
        "--influencer",
        "sarah",
        "--fee",
        "100",
    ]);
    assert!(err.contains("--fee"), "{err}");
}

/// Her cost on the scorecard, as the CSV gives it.
fn cost_of(shop: &Shop, handle: &str) -> String {
    let card = shop.scorecard_csv();
    let mut rows = csv::Reader::from_reader(card.as_bytes());
    let header = rows.headers().unwrap().clone();
    let cost = header.iter().position(|h| h == "cost").unwrap();
    let who = header.iter().position(|h| h == "influencer").unwrap();
    rows.records()
        .map(Result::unwrap)
        .find(|r| r[who].trim_start_matches('@') == handle)
        .map(|r| r[cost].to_string())
        .unwrap()
}

/// A gift is corrected in place: its cost entries follow (a shipping cost set to 0 goes, one
/// set again comes back), and the scorecard's cost with them.
#[test]
fn a_gift_is_corrected_and_its_costs_follow() {
    let shop = Shop::new();
    roster(&shop);
    let before = cost_of(&shop, "sarah");
    shop.ok(&[
        "gift",
        "add",
        "--influencer",
        "sarah",
        "--date",
        "2026-05-03",
        "--item",
        "Blue mug",
        "--retail",
        "45",
        "--cost",
        "10",
        "--shipping",
        "5",
    ]);
    let with_gift = cost_of(&shop, "sarah");
    let list = shop.ok(&["gift", "list", "--csv", "-"]);
    let id = list
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let out = shop.ok(&[
        "gift",
        "update",
        &id,
        "--cost",
        "12",
        "--shipping",
        "0",
        "--item",
        "Green mug",
    ]);
    assert!(
        out.contains("Green mug (cost 12.00 + shipping 0.00)"),
        "{out}"
    );
    let after = cost_of(&shop, "sarah");
    let n = |s: &str| s.parse::<f64>().unwrap();
    assert!(
        (n(&with_gift) - n(&before) - 15.0).abs() < 1e-9,
        "{before} → {with_gift}"
    );
    assert!(
        (n(&after) - n(&before) - 12.0).abs() < 1e-9,
        "{before} → {after}"
    );
    let entries = |shop: &Shop| {
        shop.ok(&["cost", "list"])
            .matches("gift: Green mug")
            .count()
    };
    assert_eq!(
        entries(&shop),
        1,
        "the product cost only: shipping 0 has no entry"
    );
    shop.ok(&["gift", "update", &id, "--shipping", "4.50"]);
    assert!((n(&cost_of(&shop, "sarah")) - n(&before) - 16.5).abs() < 1e-9);
    assert_eq!(entries(&shop), 2);
    let err = shop.fails(&["gift", "update", "999", "--cost", "1"]);
    assert!(err.contains("no gift with id 999"), "{err}");
    let err = shop.fails(&["gift", "update", &id, "--cost", "-1"]);
    assert!(err.contains("--cost"), "{err}");
}
