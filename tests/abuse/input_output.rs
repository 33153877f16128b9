//! The abuse suite, continued: amounts read only when unambiguous, bytes and names shown
//! safely, endless or foreign input refused, buyers not re-identifiable, and output to a
//! reader that goes away.

use super::*;

#[test]
fn amounts_are_read_only_when_unambiguous() {
    let shop = Shop::new();
    roster(&shop);
    // A ';' file: '.' groups thousands, ',' is the decimal separator, for every amount.
    let eu = shopify(
        "USD",
        &[
            Order(
                "#1",
                "a@x.example",
                "2026-05-01 10:00:00 -0700",
                "1.500|00",
                "1.505|00",
                "SARAH20",
                "0",
            ),
            Order(
                "#2",
                "b@x.example",
                "2026-05-02 10:00:00 -0700",
                "2.000",
                "2.005|00",
                "SARAH20",
                "0",
            ),
        ],
    )
    .replace(",5.00,", ",5|00,")
    .replace(",0.00\n", ",0|00\n")
    .replace(',', ";")
    .replace('|', ",");
    let path = shop.write("eu.csv", &eu);
    let out = shop.ok(&["import", &path, "--dry-run"]);
    assert!(out.contains("2 new"), "{out}");
    shop.ok(&["import", &shop.write("eu.csv", &eu)]);
    let card = shop.scorecard_csv();
    assert!(card.contains(",2.00,3500.00,"), "{card}");

    // A ',' file: 1.500 would be 3 decimals; refused with line and column.
    let shop = Shop::new();
    roster(&shop);
    let us = shopify(
        "USD",
        &[Order(
            "#1",
            "a@x.example",
            "2026-05-01 10:00:00 -0700",
            "1.500",
            "1.505",
            "",
            "0",
        )],
    );
    let err = shop.fails(&["import", &shop.write("us.csv", &us)]);
    assert!(err.contains("line 2, column Subtotal: '1.500'"), "{err}");

    // Years outside 1970-2100 and a 60th second are refused.
    for at in [
        "1969-12-31 10:00:00 -0700",
        "2101-01-01 10:00:00 -0700",
        "2026-05-01 10:00:60 -0700",
    ] {
        let file = shopify(
            "USD",
            &[Order("#1", "a@x.example", at, "10.00", "15.00", "", "0")],
        );
        let err = shop.fails(&["import", &shop.write("t.csv", &file)]);
        assert!(err.contains("line 2, column Created at"), "{at}: {err}");
    }
}

#[test]
fn no_byte_of_a_file_reaches_the_terminal_as_a_control() {
    let shop = Shop::new();
    roster(&shop);
    let osc52 = "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}";
    // An escape in an amount: the error names it, visibly.
    let file = shopify(
        "USD",
        &[Order(
            "#1",
            "a@x.example",
            "2026-05-01 10:00:00 -0700",
            osc52,
            "1.00",
            "",
            "0",
        )],
    );
    let out = shop.run(&["import", &shop.write("osc.csv", &file)]);
    assert!(!out.status.success());
    assert!(
        !has_raw_escapes(&raw(&out)),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("␛]52"));
    // Escapes and overrides in codes: listed as codes of nobody, visibly.
    let file = shopify(
        "USD",
        &[
            Order(
                "#2",
                "a@x.example",
                "2026-05-01 10:00:00 -0700",
                "10.00",
                "15.00",
                "EVIL\u{1b}[2J",
                "0",
            ),
            Order(
                "#3",
                "b@x.example",
                "2026-05-01 10:00:00 -0700",
                "10.00",
                "15.00",
                "GPJ\u{202e}EXE",
                "0",
            ),
        ],
    );
    let out = shop.run(&["import", &shop.write("codes.csv", &file), "--dry-run"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!has_raw_escapes(&raw(&out)), "{text:?}");
    assert!(
        text.contains("EVIL␛[2J") && text.contains("GPJ<U+202E>EXE"),
        "{text}"
    );
    // A file whose very name holds an escape.
    let named = shop.write("bad\u{1b}]0;title\u{7}.csv", "just,a,header\n");
    let out = shop.run(&["import", &named]);
    assert!(
        !has_raw_escapes(&raw(&out)),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hostile_names_are_refused_or_shown_visibly() {
    let shop = Shop::new();
    for handle in ["gpj\u{202e}exe", "a\u{1b}[31mb", "tab\there"] {
        let err = shop.fails(&[
            "influencer",
            "add",
            handle,
            "--platform",
            "instagram",
            "--followers",
            "1",
        ]);
        assert!(err.contains("is not a handle"), "{err}");
    }
    shop.ok(&[
        "influencer",
        "add",
        "ana",
        "--platform",
        "instagram",
        "--followers",
        "1",
        "--name",
        "Ana\u{202e}evil\u{1b}]52;c;x\u{7}",
    ]);
    assert!(
        shop.fails(&["code", "add", "X\u{1b}Y", "--influencer", "ana"])
            .contains("one word")
    );
    shop.ok(&["campaign", "add", "spring\u{1b}[2J"]);
    for list in [&["influencer", "list"][..], &["campaign", "list"]] {
        let out = shop.run(list);
        assert!(out.status.success());
        assert!(
            !has_raw_escapes(&raw(&out)),
            "{:?}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    assert!(
        shop.ok(&["influencer", "list"])
            .contains("Ana<U+202E>evil␛]52")
    );
}

#[test]
fn an_error_quotes_a_short_excerpt_of_a_huge_cell() {
    let shop = Shop::new();
    roster(&shop);
    let huge = "9".repeat(20 << 20) + "x";
    let file = shopify(
        "USD",
        &[Order(
            "#1",
            "a@x.example",
            "2026-05-01 10:00:00 -0700",
            &huge,
            "1.00",
            "",
            "0",
        )],
    );
    let out = shop.run(&["import", &shop.write("huge.csv", &file)]);
    assert!(!out.status.success());
    assert!(
        out.stderr.len() < 2_000,
        "{} bytes of error",
        out.stderr.len()
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2, column Subtotal"));
}

#[cfg(unix)]
#[test]
fn an_endless_source_stops_with_a_clear_error() {
    // The zero device's bytes, and a line of text that never ends.
    for (byte, says) in [(0u8, "this is a binary file"), (b'x', "not a CSV export")] {
        let shop = Shop::new();
        let fifo = shop.path("endless");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                use std::io::Write;
                let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
                let chunk = vec![byte; 1 << 16];
                // For ever, until the reader gives up (a broken pipe), at most 1 GiB.
                for _ in 0..(1 << 14) {
                    if f.write_all(&chunk).is_err() {
                        return true;
                    }
                }
                false
            })
        };
        let err = shop.fails(&["import", fifo.to_str().unwrap()]);
        assert!(err.contains(says), "{err}");
        assert!(writer.join().unwrap(), "the import stopped reading");
    }
}

#[test]
fn small_ones_errors_once_negative_amounts_read_only_folders() {
    let shop = Shop::new();
    roster(&shop);
    // The cause of an error is said once.
    let err = shop.fails(&["import", shop.path("missing.csv").to_str().unwrap()]);
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
    // `--amount -5` is read like `--amount=-5`.
    let args = |amount: &'static str| {
        [
            "cost",
            "add",
            "--influencer",
            "sarah",
            "--kind",
            "fee",
            amount,
            "--date",
            "2026-05-01",
        ]
    };
    let spaced = shop.fails(&[&args("--amount")[..7], &["-5"], &args("x")[7..]].concat());
    let joined = shop.fails(&[&args("--amount=-5")[..7], &args("x")[7..]].concat());
    assert_eq!(spaced, joined);
    assert!(spaced.contains("an amount of 0 or more"), "{spaced}");
    // A folder that cannot be written still gives a scorecard.
    let card = shop.scorecard_csv();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = shop.dir.path();
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = shop.run(&["scorecard", "--csv", "-"]);
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap(), card);
    }
}

#[test]
fn a_foreign_sqlite_file_is_refused() {
    let shop = Shop::new();
    rusqlite::Connection::open(&shop.db)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    let err = shop.fails(&["influencer", "list"]);
    assert!(err.contains("another program"), "{err}");
    let conn = rusqlite::Connection::open(&shop.db).unwrap();
    let body: String = conn
        .query_row("SELECT body FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(body, "mine");
}

#[test]
fn buyers_cannot_be_re_identified_from_the_database() {
    use sha2::{Digest, Sha256};
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &shop.write("a.csv", &shop_a())]);
    let conn = rusqlite::Connection::open(&shop.db).unwrap();
    let secret: String = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'customer_secret'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(secret.len(), 64);
    // The bare hash of a buyer's e-mail (what an attacker can compute) is stored nowhere.
    let digest = Sha256::digest(b"a1@x.example");
    let bare = u64::from_be_bytes(digest[..8].try_into().unwrap()) as i64;
    let found: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM shop_order WHERE customer = ?1",
            [bare],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 0);
    let keyed: i64 = conn
        .query_row("SELECT COUNT(DISTINCT customer) FROM shop_order", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(keyed, 3);
    // Another database keys the same buyer differently.
    let other = Shop::new();
    roster(&other);
    other.ok(&["import", &other.write("a.csv", &shop_a())]);
    let theirs: Vec<i64> = rusqlite::Connection::open(&other.db)
        .unwrap()
        .prepare("SELECT customer FROM shop_order")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let ours: Vec<i64> = conn
        .prepare("SELECT customer FROM shop_order")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(theirs.iter().all(|c| !ours.contains(c)));
}

#[test]
fn the_link_builder_keeps_the_page_s_query_and_fragment() {
    let shop = Shop::new();
    roster(&shop);
    let out = shop.ok(&[
        "link",
        "add",
        "--influencer",
        "sarah",
        "--url",
        "https://shop.example/mugs?variant=7#reviews",
    ]);
    assert_eq!(
        out.trim(),
        "https://shop.example/mugs?variant=7&utm_source=sarah&utm_medium=instagram#reviews"
    );
    let err = shop.fails(&[
        "link",
        "add",
        "--influencer",
        "sarah",
        "--url",
        "https://shop.example/",
        "--campaign",
        "sprnig",
    ]);
    assert!(err.contains("no campaign named 'sprnig'"), "{err}");
    assert!(
        shop.fails(&[
            "link",
            "add",
            "--influencer",
            "sarah",
            "--url",
            "shop.example"
        ])
        .contains("--url")
    );
}

#[test]
fn a_mistake_can_be_deleted_after_a_yes() {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&[
        "link",
        "add",
        "--influencer",
        "milo",
        "--url",
        "https://shop.example/",
    ]);
    let id_of = |list: &str, needle: &str| -> String {
        let out = shop.ok(&[list, "list"]);
        let line = out
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{out}"));
        line.split_whitespace().next().unwrap().to_string()
    };
    let post = id_of("post", "@sarah");
    // Without a terminal nobody can say yes: nothing is deleted.
    let err = shop.fails(&["post", "delete", &post]);
    assert!(err.contains("--yes"), "{err}");
    assert!(shop.ok(&["post", "list"]).contains("@sarah"));
    let out = shop.ok(&["post", "delete", &post, "--yes"]);
    assert!(
        out.contains("deleted the instagram post of @sarah on 2026-05-02"),
        "{out}"
    );
    assert!(shop.ok(&["post", "list"]).contains("(none yet)"));

    let cost = id_of("cost", "@milo");
    shop.ok(&["cost", "delete", &cost, "--yes"]);
    assert!(!shop.ok(&["cost", "list"]).contains("@milo"));
    shop.ok(&["code", "delete", "milo15", "--yes"]);
    assert!(!shop.ok(&["code", "list"]).contains("MILO15"));
    let link = id_of("link", "@milo");
    shop.ok(&["link", "delete", &link, "--yes"]);
    assert!(shop.ok(&["link", "list"]).contains("(none yet)"));
    let err = shop.fails(&["cost", "delete", "999", "--yes"]);
    assert!(err.contains("no cost with id 999"), "{err}");
}

#[test]
fn a_reader_that_goes_away_ends_output_quietly() {
    // `shoutout completions bash | head -1`, made certain: the reading end is closed before
    // the command writes a byte.
    let shop = Shop::new();
    roster(&shop);
    for args in [&["completions", "bash"][..], &["man"], &["scorecard"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoutout"))
            .arg("--db")
            .arg(&shop.db)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
}
