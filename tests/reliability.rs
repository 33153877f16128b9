//! Nothing lost, nothing doubled: migrations keep every row, backups restore, a process killed
//! mid-write leaves the database as it was before or after, two writers wait for each other,
//! and a crash in the terminal app writes a report and loses nothing.

mod common;
#[path = "../src/bin/shoutout-shopgen/generate.rs"]
#[allow(dead_code, reason = "each user of the generator uses part of it")]
mod generate;

use common::tmux::{Tmux, require_tmux};
use common::{Shop, fixture, roster};
use rusqlite::Connection;
use shoutout::store::SCHEMA_VERSION;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn count(db: &std::path::Path, table: &str) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn integrity(db: &std::path::Path) -> String {
    let conn = Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

const TABLES: [&str; 8] = [
    "influencer",
    "promo_code",
    "cost",
    "post",
    "link",
    "campaign",
    "shop_order",
    "customer",
];

#[test]
fn a_database_of_the_first_schema_upgrades_with_every_row_intact() {
    let shop = Shop::new();
    std::fs::copy(fixture("db/schema_v1.db"), &shop.db).unwrap();
    let before: Vec<i64> = TABLES.iter().map(|t| count(&shop.db, t)).collect();
    assert_eq!(before[6], 693);
    let codes_before = count(&shop.db, "order_code");
    assert!(codes_before > 200);
    let card = shop.scorecard_csv();
    assert_eq!(
        card,
        std::fs::read_to_string(fixture("db/schema_v1_scorecard.csv")).unwrap()
    );
    let after: Vec<i64> = TABLES.iter().map(|t| count(&shop.db, t)).collect();
    assert_eq!(before[..7], after[..7]);
    // Schema 4 deletes the bare SHA-256 keys of buyers' e-mails: orders keep keyed numbers.
    assert_eq!(after[7], 0);
    // Schema 3 keeps each order's codes in the order row.
    let conn = Connection::open(&shop.db).unwrap();
    let codes_after: i64 = conn
        .query_row(
            "SELECT SUM(length(codes) - length(replace(codes, char(10), '')) + 1)
             FROM shop_order WHERE codes <> ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(codes_after, codes_before);
    let conn = Connection::open(&shop.db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    // The state before the upgrade was kept.
    let kept = shop.dir.path().join(format!(
        "backups/shop-before-schema-{SCHEMA_VERSION}-from-1.db"
    ));
    let old = Connection::open(&kept).unwrap();
    let v: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    // And the upgraded database works: a re-import of the orders it was made from (the demo
    // shop's of that time) finds nothing changed.
    let out = shop.ok(&["import", &fixture("db/schema_v1_orders.csv"), "--dry-run"]);
    assert!(out.contains("0 new, 693 unchanged, 0 changed"), "{out}");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let shop = Shop::new();
    shop.ok(&["influencer", "list"]);
    Connection::open(&shop.db)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let err = shop.fails(&["influencer", "list"]);
    assert!(
        err.contains(&format!(
            "written by a newer shoutout (schema {}",
            SCHEMA_VERSION + 1
        )),
        "{err}"
    );
    let conn = Connection::open(&shop.db).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION + 1);
}

#[test]
fn backup_and_restore() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let card = shop.scorecard_csv();
    let copy = shop.path("copy.db");
    let out = shop.ok(&["backup", copy.to_str().unwrap()]);
    assert!(out.contains("backed up"), "{out}");
    assert_eq!(integrity(&copy), "ok");
    assert_eq!(count(&copy, "shop_order"), 8);
    let err = shop.fails(&["backup", copy.to_str().unwrap()]);
    assert!(err.contains("already there"), "{err}");

    shop.ok(&[
        "influencer",
        "add",
        "late",
        "--platform",
        "blog",
        "--followers",
        "5",
    ]);
    assert_ne!(shop.scorecard_csv(), card);
    // Without a terminal to ask on, restoring needs --yes.
    let err = shop.fails(&["restore", copy.to_str().unwrap()]);
    assert!(err.contains("not restored"), "{err}");
    let out = shop.ok(&["restore", copy.to_str().unwrap(), "--yes"]);
    assert!(out.contains("restored"), "{out}");
    assert!(out.contains("previous state is kept in"), "{out}");
    assert_eq!(shop.scorecard_csv(), card);
    let not_ours = shop.write("notes.db", "hello");
    let err = shop.fails(&["restore", &not_ours, "--yes"]);
    assert!(err.contains("is not a shoutout backup"), "{err}");
    assert_eq!(shop.scorecard_csv(), card);
}

#[test]
fn every_import_is_preceded_by_a_backup_and_the_last_five_are_kept() {
    let shop = Shop::new();
    roster(&shop);
    for _ in 0..7 {
        let out = shop.ok(&["import", &fixture("shopify/orders_later_79.csv")]);
        assert!(
            out.contains("backup of the database before this import"),
            "{out}"
        );
        shop.ok(&["import", "--undo-last"]);
    }
    let backups = std::fs::read_dir(shop.dir.path().join("backups"))
        .unwrap()
        .count();
    assert_eq!(backups, 5);
}

/// A shop with the roster entered and a generated export of `orders` orders (not imported);
/// returns the export's path.
fn roster_and_export(orders: usize, seed: u64) -> (Shop, String) {
    let shop = Shop::new();
    let spec = generate::ShopSpec {
        orders,
        influencers: 10,
        seed,
    };
    let generated = generate::write_shop(spec, &shop.path("gen")).unwrap();
    roster(&shop);
    let file = generated.orders.to_str().unwrap().to_string();
    (shop, file)
}

/// Kills `args` with SIGKILL after `delay` (or lets it finish first).
fn run_and_kill(shop: &Shop, args: &[&str], delay: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shoutout"))
        .arg("--db")
        .arg(&shop.db)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
}

#[test]
fn killing_an_import_at_random_moments_leaves_before_or_after_never_between() {
    let (shop, file) = roster_and_export(6_000, 11);
    // How long an import takes here, to aim the kills inside it.
    let start = Instant::now();
    shop.ok(&["import", &file]);
    let full = start.elapsed();
    shop.ok(&["import", "--undo-last"]);
    let mut rng = fastrand::Rng::with_seed(7);
    let (mut before_seen, mut after_seen) = (0, 0);
    for round in 0..20 {
        let delay = full.mul_f64(rng.f64() * 1.1);
        run_and_kill(&shop, &["import", &file], delay);
        assert_eq!(integrity(&shop.db), "ok", "round {round}");
        match count(&shop.db, "shop_order") {
            0 => before_seen += 1,
            6_000 => {
                after_seen += 1;
                shop.ok(&["import", "--undo-last"]);
            }
            n => panic!("round {round}: {n} orders, neither before (0) nor after (6000)"),
        }
        // The app opens and works.
        assert!(shop.ok(&["scorecard"]).contains("sarah"));
    }
    assert!(before_seen > 0, "no kill landed during an import");
    eprintln!("kills: {before_seen} before, {after_seen} after");
}

/// A shop's first import writes through a rollback journal (`store/first_import.rs`): large
/// enough to spill new pages into the file before it commits, then killed. The next open
/// rolls the file back (its length included) and puts the write-ahead log back.
#[test]
fn killing_a_first_import_that_wrote_into_the_file_rolls_it_back() {
    let (shop, file) = roster_and_export(30_000, 12);
    let roster_only = shop.path("roster.db");
    std::fs::copy(&shop.db, &roster_only).unwrap();
    let roster_size = std::fs::metadata(&roster_only).unwrap().len();
    let start = Instant::now();
    shop.ok(&["import", &file]);
    let full = start.elapsed();
    let mut rng = fastrand::Rng::with_seed(8);
    let mut before_seen = 0;
    for round in 0..5 {
        for leftover in ["shop.db-wal", "shop.db-shm", "shop.db-journal"] {
            let _ = std::fs::remove_file(shop.path(leftover));
        }
        std::fs::copy(&roster_only, &shop.db).unwrap();
        // Late in the import, when pages have gone into the file.
        let delay = full.mul_f64(0.5 + rng.f64() * 0.45);
        run_and_kill(&shop, &["import", &file], delay);
        assert!(shop.ok(&["scorecard"]).contains("sarah"), "round {round}");
        assert_eq!(integrity(&shop.db), "ok", "round {round}");
        let conn = Connection::open(&shop.db).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal", "round {round}");
        drop(conn);
        assert!(!shop.path("shop.db-journal").exists(), "round {round}");
        match count(&shop.db, "shop_order") {
            0 => {
                before_seen += 1;
                let size = std::fs::metadata(&shop.db).unwrap().len();
                assert!(
                    size <= roster_size,
                    "round {round}: {size} bytes, not rolled back"
                );
            }
            30_000 => {}
            n => panic!("round {round}: {n} orders, neither before (0) nor after (30000)"),
        }
    }
    assert!(before_seen > 0, "no kill landed during an import");
}

#[test]
fn killing_a_save_leaves_it_whole_or_absent() {
    let shop = Shop::new();
    roster(&shop);
    let mut rng = fastrand::Rng::with_seed(3);
    let mut expected = count(&shop.db, "cost");
    for round in 0..20 {
        let delay = Duration::from_micros(rng.u64(0..40_000));
        run_and_kill(
            &shop,
            &[
                "cost",
                "add",
                "--influencer",
                "milo",
                "--kind",
                "fee",
                "--amount",
                "1.00",
                "--date",
                "2026-05-01",
            ],
            delay,
        );
        assert_eq!(integrity(&shop.db), "ok", "round {round}");
        let n = count(&shop.db, "cost");
        assert!(
            n == expected || n == expected + 1,
            "round {round}: {n} costs"
        );
        expected = n;
    }
}

#[test]
fn a_second_writer_waits_for_the_first_then_succeeds_or_says_busy() {
    let shop = Shop::new();
    roster(&shop);
    let add_cost = || {
        Command::new(env!("CARGO_BIN_EXE_shoutout"))
            .arg("--db")
            .arg(&shop.db)
            .args([
                "cost",
                "add",
                "--influencer",
                "milo",
                "--kind",
                "fee",
                "--amount",
                "2",
                "--date",
                "2026-05-01",
            ])
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    // Another process holds the write lock for a second: the CLI waits, then saves.
    let conn = Connection::open(&shop.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1000));
        conn.execute_batch("COMMIT").unwrap();
    });
    let start = Instant::now();
    let out = add_cost();
    holder.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(start.elapsed() >= Duration::from_millis(900));
    // Held longer than the busy timeout: a clear message, non-zero exit, nothing broken.
    let conn = Connection::open(&shop.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = add_cost();
    conn.execute_batch("ROLLBACK").unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the database is busy"), "{err}");
    assert_eq!(integrity(&shop.db), "ok");
    assert_eq!(count(&shop.db, "cost"), 3);
}

#[test]
fn the_app_sees_another_process_changes_on_refresh() {
    use shoutout::tui::action::Action;
    let shop = Shop::new();
    roster(&shop);
    let store = shoutout::store::Store::open(&shop.db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut app = shoutout::tui::app::App::new(
        store,
        today,
        "2026-11-22T10:00:00+00:00".into(),
        shop.dir.path().into(),
    )
    .unwrap();
    assert_eq!(app.card.rows.len(), 2);
    shop.ok(&[
        "influencer",
        "add",
        "zoe",
        "--platform",
        "blog",
        "--followers",
        "5",
    ]);
    app.update(Action::Refresh);
    assert_eq!(app.card.rows.len(), 3);
}

#[test]
fn a_panic_in_the_app_restores_the_terminal_writes_a_report_and_keeps_saved_data() {
    if !require_tmux() {
        return;
    }
    let shop = Shop::new();
    let data = shop.path("data-home");
    let exit_file = shop.path("exit-code");
    let t = Tmux::start(
        &shop,
        &exit_file,
        &[
            ("SHOUTOUT_CRASH_TEST", "1"),
            ("XDG_DATA_HOME", data.to_str().unwrap()),
        ],
    );
    t.wait_for("Getting started");
    t.keys(&["2", "a"]);
    t.text("saved_before_crash");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.text("100");
    t.keys(&["Enter"]);
    t.wait_for("added @saved_before_crash");
    t.keys(&["!"]);
    let screen = t.wait_for("A crash report was written to");
    assert!(screen.contains("Your data is safe"), "{screen}");
    assert!(
        !screen.contains("Getting started"),
        "the app's screen is gone: {screen}"
    );
    let start = Instant::now();
    while !exit_file.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the app did not exit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_ne!(std::fs::read_to_string(&exit_file).unwrap().trim(), "0");
    let reports: Vec<_> = std::fs::read_dir(data.join("shoutout"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("crash-"))
        .collect();
    assert_eq!(reports.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&reports[0].path()), 0o600, "the report is private");
        assert_eq!(
            mode(&data.join("shoutout")),
            0o700,
            "so is the data directory"
        );
    }
    let report = std::fs::read_to_string(reports[0].path()).unwrap();
    assert!(report.contains("crash test"), "{report}");
    assert!(
        shop.ok(&["influencer", "list"])
            .contains("@saved_before_crash")
    );
}
