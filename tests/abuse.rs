//! The abuse suite: what a careless user or a hostile file can do, run against the real
//! binary. Every case here was once seen to lose data, lie, or reach the terminal.

mod common;

use common::{Shop, fixture, roster};

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
