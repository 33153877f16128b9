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
        table.contains("views") && table.contains("12000"),
        "{table}"
    );
}
