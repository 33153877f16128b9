//! The abuse suite: what a careless user or a hostile file can do, run against the real
//! binary. Every case here was once seen to lose data, lie, or reach the terminal.

#[path = "../common/mod.rs"]
mod common;

use common::{Shop, fixture, roster};

mod input_output;

#[test]
fn export_refuses_an_order_export_and_the_database() {
    let shop = Shop::new();
    roster(&shop);
    let orders = shop.path("orders_export.csv");
    std::fs::copy(fixture("shopify/orders_79.csv"), &orders).unwrap();
    let before = std::fs::read(&orders).unwrap();
    let err = shop.fails(&["scorecard", "--csv", orders.to_str().unwrap()]);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&orders).unwrap(), before);

    for target in ["shop.db", "shop.db-wal", "shop.db-shm"] {
        let path = shop.path(target);
        let err = shop.fails(&["scorecard", "--csv", path.to_str().unwrap(), "--force"]);
        assert!(err.contains("database"), "{target}: {err}");
    }
    // The database still opens with every influencer.
    assert!(shop.ok(&["influencer", "list"]).contains("@sarah"));

    // --force replaces a file that is not ours; afterwards it is ours and needs no --force.
    shop.ok(&["scorecard", "--csv", orders.to_str().unwrap(), "--force"]);
    assert!(
        std::fs::read_to_string(&orders)
            .unwrap()
            .starts_with("rank,influencer")
    );
    shop.ok(&["scorecard", "--csv", orders.to_str().unwrap()]);
}

#[cfg(unix)]
#[test]
fn export_writes_through_symlinks_and_into_fifos() {
    let shop = Shop::new();
    roster(&shop);
    let real = shop.path("real.csv");
    let link = shop.path("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    shop.ok(&["scorecard", "--csv", link.to_str().unwrap()]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        shop.scorecard_csv()
    );

    let fifo = shop.path("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    shop.ok(&["scorecard", "--csv", fifo.to_str().unwrap()]);
    assert_eq!(reader.join().unwrap(), shop.scorecard_csv());
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "still a FIFO"
    );
}

#[test]
fn a_refused_import_takes_no_backup() {
    let shop = Shop::new();
    roster(&shop);
    let backups = shop.path("backups");
    let count = || std::fs::read_dir(&backups).map_or(0, |d| d.count());
    shop.fails(&["import", shop.path("missing.csv").to_str().unwrap()]);
    let bad = shop.write(
        "bad.csv",
        &common::read_fixture("shopify/orders_79.csv").replace("2026-05-", "2026-13-"),
    );
    shop.fails(&["import", &bad]);
    shop.fails(&["import", &shop.write("empty.csv", "")]);
    assert_eq!(count(), 0, "refused imports left backups");
    let out = shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    assert!(
        out.contains("backup of the database before this import"),
        "{out}"
    );
    assert_eq!(count(), 1);
}

#[test]
fn no_count_can_make_the_database_unreadable() {
    let shop = Shop::new();
    roster(&shop);
    let max = "9223372036854775807";
    let err = shop.fails(&[
        "post",
        "add",
        "--influencer",
        "sarah",
        "--date",
        "2026-05-03",
        "--likes",
        max,
        "--comments",
        max,
    ]);
    assert!(err.contains("a count of at most 1000000000000"), "{err}");
    // The largest counts allowed, on several posts, still give a scorecard.
    for day in ["2026-05-04", "2026-05-05", "2026-05-06"] {
        let mut args = vec!["post", "add", "--influencer", "sarah", "--date", day];
        for flag in [
            "--likes",
            "--comments",
            "--shares",
            "--saves",
            "--followers",
        ] {
            args.extend([flag, "1000000000000"]);
        }
        shop.ok(&args);
    }
    let card = shop.scorecard_csv();
    assert!(card.contains("sarah"), "{card}");
    assert!(shop.ok(&["post", "list"]).contains("1000000000000"));
    // A row written by an older version with an overflowing sum is left out by name.
    rusqlite::Connection::open(&shop.db)
        .unwrap()
        .execute_batch(
            "INSERT INTO post (influencer_id, platform, posted_on, followers, likes, comments)
             SELECT id, 'instagram', '2026-05-07', 10, 9223372036854775807, 9223372036854775807
             FROM influencer WHERE handle = 'sarah'",
        )
        .unwrap();
    let out = shop.run(&["scorecard"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("post") && err.contains("left out"), "{err}");
}

/// One Shopify order: number, e-mail, created at, subtotal, total, codes, discount.
struct Order<'a>(
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
);

/// A Shopify export with the columns shoutout reads (found by name, so a subset is a real
/// layout), one row per order, in `currency`.
fn shopify(currency: &str, orders: &[Order]) -> String {
    let mut out = String::from(
        "Name,Email,Financial Status,Currency,Subtotal,Shipping,Total,Discount Code,\
         Discount Amount,Created at,Lineitem name,Cancelled at,Refunded Amount\n",
    );
    for Order(name, email, at, subtotal, total, code, discount) in orders {
        out.push_str(&format!(
            "{name},{email},paid,{currency},{subtotal},5.00,{total},{code},{discount},{at},Mug,,0.00\n"
        ));
    }
    out
}

fn shop_a() -> String {
    shopify(
        "USD",
        &[
            Order(
                "#1001",
                "a1@x.example",
                "2026-05-01 10:00:00 -0700",
                "40.00",
                "45.00",
                "SARAH20",
                "10.00",
            ),
            Order(
                "#1002",
                "a2@x.example",
                "2026-05-02 10:00:00 -0700",
                "60.00",
                "65.00",
                "MILO15",
                "9.00",
            ),
            Order(
                "#1003",
                "a3@x.example",
                "2026-05-03 10:00:00 -0700",
                "30.00",
                "35.00",
                "SARAH20",
                "7.50",
            ),
        ],
    )
}

fn shop_b() -> String {
    shopify(
        "USD",
        &[
            Order(
                "#1001",
                "b1@y.example",
                "2025-11-20 10:00:00 +0100",
                "99.00",
                "104.00",
                "",
                "0.00",
            ),
            Order(
                "#1002",
                "b2@y.example",
                "2025-11-21 10:00:00 +0100",
                "12.00",
                "17.00",
                "",
                "0.00",
            ),
            Order(
                "#1003",
                "b3@y.example",
                "2025-11-22 10:00:00 +0100",
                "18.00",
                "23.00",
                "MILO15",
                "2.00",
            ),
        ],
    )
}

#[test]
fn a_second_shop_never_rewrites_the_first_shops_orders() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &shop.write("a.csv", &shop_a())]);
    let card = shop.scorecard_csv();
    let b = shop.write("b.csv", &shop_b());
    for args in [
        vec!["import", b.as_str()],
        vec!["import", b.as_str(), "--dry-run"],
    ] {
        let err = shop.fails(&args);
        assert!(
            err.contains("another shop") && err.contains("--shop"),
            "{err}"
        );
        assert_eq!(shop.scorecard_csv(), card, "nothing changed");
    }
    // Under its own name it imports beside shop A.
    let out = shop.ok(&["import", &b, "--shop", "market-stall"]);
    assert!(out.contains("3 new"), "{out}");
    // Shop B's #1003 (18.00, MILO15) is milo's: one more order, 18.00 more revenue.
    let milo = |card: &str| -> (f64, f64) {
        let row = card
            .lines()
            .find(|l| l.contains(",milo,"))
            .unwrap()
            .to_string();
        let cells: Vec<&str> = row.split(',').collect();
        (cells[6].parse().unwrap(), cells[7].parse().unwrap())
    };
    let (before, after) = (milo(&card), milo(&shop.scorecard_csv()));
    assert_eq!(after.0 - before.0, 1.0);
    assert!(
        (after.1 - before.1 - 18.0).abs() < 1e-9,
        "{before:?} {after:?}"
    );
    // A later export of shop A itself (one refund) is still an ordinary update.
    let later = shop_a().replace(
        "MILO15,9.00,2026-05-02 10:00:00 -0700,Mug,,0.00",
        "MILO15,9.00,2026-05-02 10:00:00 -0700,Mug,,60.00",
    );
    let out = shop.ok(&["import", &shop.write("a-later.csv", &later)]);
    assert!(out.contains("1 changed"), "{out}");
}

#[test]
fn undo_puts_back_the_currency_the_import_set() {
    let shop = Shop::new();
    roster(&shop);
    let eur = shopify(
        "EUR",
        &[Order(
            "#1",
            "e@x.example",
            "2026-05-01 10:00:00 +0200",
            "10.00",
            "15.00",
            "",
            "0.00",
        )],
    );
    shop.ok(&["import", &shop.write("eur.csv", &eur)]);
    let usd = shop_a();
    assert!(
        shop.fails(&["import", &shop.write("usd.csv", &usd)])
            .contains("EUR")
    );
    shop.ok(&["import", "--undo-last"]);
    let out = shop.ok(&["import", &shop.write("usd.csv", &usd)]);
    assert!(out.contains("3 new"), "{out}");
}

#[test]
fn a_gift_whose_buyer_paid_shipping_is_a_gift_and_stays_one() {
    let shop = Shop::new();
    roster(&shop);
    let gift = shopify(
        "USD",
        &[
            Order(
                "#1100",
                "creator@x.example",
                "2026-05-01 10:00:00 -0700",
                "0.00",
                "5.00",
                "SARAH20",
                "45.00",
            ),
            Order(
                "#1101",
                "b@x.example",
                "2026-05-02 10:00:00 -0700",
                "40.00",
                "45.00",
                "SARAH20",
                "10.00",
            ),
        ],
    );
    let out = shop.ok(&["import", &shop.write("gift.csv", &gift)]);
    assert!(
        out.contains("gift orders: 1") && out.contains("@sarah 1"),
        "{out}"
    );
    let row = |card: &str| {
        card.lines()
            .find(|l| l.contains(",sarah,"))
            .unwrap()
            .to_string()
    };
    let card = shop.scorecard_csv();
    // One sale (40.00), not two; the gift's 45.00 is her product cost (100 + 45 + 4 commission).
    assert!(row(&card).contains(",1.00,40.00,"), "{card}");
    assert!(row(&card).contains(",149.00,"), "{card}");
    // Re-exported later as a paid sale, it is still a gift with its cost.
    let resold = gift.replace(
        "0.00,5.00,5.00,SARAH20,45.00",
        "45.00,5.00,50.00,SARAH20,0.00",
    );
    assert_ne!(resold, gift);
    shop.ok(&["import", &shop.write("gift-later.csv", &resold)]);
    let again = shop.scorecard_csv();
    assert!(row(&again).contains(",1.00,40.00,"), "{again}");
    assert!(row(&again).contains(",149.00,"), "{again}");
}

#[test]
fn negative_subtotals_are_refused_by_line_and_column() {
    let shop = Shop::new();
    roster(&shop);
    let bad = shopify(
        "USD",
        &[Order(
            "#1",
            "a@x.example",
            "2026-05-01 10:00:00 -0700",
            "-40.00",
            "0.00",
            "",
            "0.00",
        )],
    );
    let err = shop.fails(&["import", &shop.write("neg.csv", &bad)]);
    assert!(err.contains("line 2, column Subtotal: '-40.00'"), "{err}");
}

#[test]
fn summaries_never_overflow() {
    let shop = Shop::new();
    roster(&shop);
    let orders: Vec<String> = (0..1100).map(|n| format!("#{}", 5000 + n)).collect();
    let rows: Vec<Order> = orders
        .iter()
        .map(|n| {
            Order(
                n,
                "c@x.example",
                "2026-05-01 10:00:00 -0700",
                "0.00",
                "0.00",
                "SARAH20",
                "89999999999999.99",
            )
        })
        .collect();
    let out = shop.ok(&[
        "import",
        &shop.write("huge.csv", &shopify("USD", &rows)),
        "--dry-run",
    ]);
    // 1,100 × 89,999,999,999,999.99, exactly.
    assert!(
        out.contains("98999999999999989.00 recorded as product cost"),
        "{out}"
    );
}

/// Standard output and error of a run, as bytes (to look for raw escape bytes).
fn raw(out: &std::process::Output) -> Vec<u8> {
    let mut all = out.stdout.clone();
    all.extend_from_slice(&out.stderr);
    all
}

fn has_raw_escapes(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}
