//! Nothing lost, doubled or obeyed: restores check what they restore and take any page size,
//! commands that fail or have nothing to do leave no backup, opening never loosens or touches
//! a file that is not shoutout's, and argument errors never reach the terminal raw.

mod common;

use common::{Shop, fixture, roster};
use rusqlite::Connection;
use std::path::Path;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn backups(shop: &Shop) -> Vec<String> {
    names_in(&shop.path("backups"))
}

/// A shop with the roster and one Shopify import, and a backup of it at `copy.db`.
fn shop_with_backup() -> (Shop, std::path::PathBuf) {
    let shop = Shop::new();
    roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    let copy = shop.path("copy.db");
    shop.ok(&["backup", copy.to_str().unwrap()]);
    (shop, copy)
}

/// Overwrites the first half of the last page (its header too) of `db` with garbage: the file still opens, but
/// its integrity check fails.
fn damage(db: &Path) {
    let conn = Connection::open(db).unwrap();
    let page: u64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(db).unwrap();
    let last = bytes.len() as u64 - page;
    for b in &mut bytes[last as usize..(last + page / 2) as usize] {
        *b = 0xA5;
    }
    std::fs::write(db, bytes).unwrap();
}

#[test]
fn a_damaged_backup_is_refused_and_the_database_is_left_as_it_was() {
    let (shop, copy) = shop_with_backup();
    let card = shop.scorecard_csv();
    damage(&copy);
    let before = backups(&shop);
    let err = shop.fails(&["restore", copy.to_str().unwrap(), "--yes"]);
    assert!(err.contains("is not a shoutout backup"), "{err}");
    assert!(err.contains("integrity"), "{err}");
    assert_eq!(shop.scorecard_csv(), card);
    shop.ok(&["doctor"]);
    // A refused restore takes no backup of its own.
    assert_eq!(backups(&shop), before);
}

#[test]
fn a_backup_with_4096_byte_pages_restores_into_an_existing_database_and_a_new_path() {
    let shop = Shop::new();
    roster(&shop);
    let old = shop.path("old.db");
    std::fs::copy(fixture("db/schema_v1.db"), &old).unwrap();
    let out = shop.ok(&["restore", old.to_str().unwrap(), "--yes"]);
    assert!(out.contains("restored"), "{out}");
    let expected = std::fs::read_to_string(fixture("db/schema_v1_scorecard.csv")).unwrap();
    assert_eq!(shop.scorecard_csv(), expected);
    shop.ok(&["doctor"]);
    // Into a path that holds no database yet.
    let fresh = Shop::new();
    let old = fresh.path("old.db");
    std::fs::copy(fixture("db/schema_v1.db"), &old).unwrap();
    fresh.ok(&["restore", old.to_str().unwrap(), "--yes"]);
    assert_eq!(fresh.scorecard_csv(), expected);
    // And a backup of one upgraded in place (4096-byte pages, the current schema) too.
    let in_place = Shop::new();
    std::fs::copy(fixture("db/schema_v1.db"), &in_place.db).unwrap();
    let upgraded = in_place.path("upgraded.db");
    in_place.ok(&["backup", upgraded.to_str().unwrap()]);
    let page: i64 = Connection::open(&upgraded)
        .unwrap()
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(page, 4096);
    let third = Shop::new();
    third.ok(&["restore", upgraded.to_str().unwrap(), "--yes"]);
    assert_eq!(third.scorecard_csv(), expected);
}

#[test]
fn undo_with_nothing_to_undo_and_a_failed_restore_take_no_backup_and_prune_none() {
    let (shop, _) = shop_with_backup();
    let before = backups(&shop);
    assert_eq!(before.len(), 1, "{before:?}");
    shop.ok(&["import", "--undo-last"]);
    for _ in 0..6 {
        let err = shop.fails(&["import", "--undo-last"]);
        assert!(err.contains("no import to undo"), "{err}");
    }
    let after_undo = backups(&shop);
    assert_eq!(after_undo.len(), 2, "{after_undo:?}");
    let not_ours = shop.write("notes.db", "hello");
    shop.fails(&["restore", &not_ours, "--yes"]);
    assert_eq!(backups(&shop), after_undo);
    assert!(!after_undo.iter().any(|n| n.contains("before-restore")));
}

#[test]
fn what_an_interrupted_backup_left_is_removed_by_the_next_backup() {
    let (shop, _) = shop_with_backup();
    let dir = shop.path("backups");
    std::fs::create_dir_all(&dir).unwrap();
    let partial = dir.join(".shoutout-backup-k1lled.partial");
    std::fs::write(&partial, vec![7u8; 64 * 1024]).unwrap();
    for side in ["-journal", "-wal", "-shm"] {
        std::fs::write(
            dir.join(format!(".shoutout-backup-k1lled.partial{side}")),
            b"x",
        )
        .unwrap();
    }
    // A journal whose partial file is already gone goes too.
    std::fs::write(dir.join(".shoutout-backup-gone.partial-journal"), b"x").unwrap();
    // And a killed restore's staged copy beside the database.
    std::fs::write(
        shop.path(".shoutout-backup-staged.partial"),
        vec![1u8; 4096],
    )
    .unwrap();
    shop.ok(&["import", &fixture("shopify/orders_later_79.csv")]);
    let left: Vec<String> = backups(&shop)
        .into_iter()
        .chain(names_in(shop.dir.path()))
        .filter(|n| n.contains(".partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A database its owner made read-only stays read-only: reads work, a write says why and
/// changes nothing. (The tests run as root too, which the permission bits do not stop: the
/// bits themselves are what shoutout honours.)
#[cfg(unix)]
#[test]
fn a_read_only_database_is_read_never_made_writable() {
    let (shop, _) = shop_with_backup();
    let card = shop.scorecard_csv();
    for m in [0o444, 0o440, 0o400] {
        set_mode(&shop.db, m);
        let bytes = std::fs::read(&shop.db).unwrap();
        assert_eq!(shop.scorecard_csv(), card);
        let out = shop.ok(&["doctor"]);
        assert!(out.contains("integrity: ok"), "{out}");
        shop.ok(&["influencer", "list"]);
        let err = shop.fails(&[
            "cost",
            "add",
            "--influencer",
            "sarah",
            "--kind",
            "fee",
            "--amount",
            "5",
            "--date",
            "2026-05-03",
        ]);
        assert!(err.contains("read-only"), "{err}");
        assert_eq!(mode(&shop.db), m & !0o077, "mode {m:o}");
        assert_eq!(std::fs::read(&shop.db).unwrap(), bytes);
    }
    set_mode(&shop.db, 0o644);
    shop.ok(&["influencer", "list"]);
    assert_eq!(
        mode(&shop.db),
        0o600,
        "a looser file is tightened, never loosened"
    );
}

/// Files that are not shoutout's are refused before anything changes them: no new mode, no
/// journal switch, nothing written beside them.
#[cfg(unix)]
#[test]
fn a_file_that_is_not_shoutouts_is_refused_untouched() {
    let shop = Shop::new();
    let foreign = |name: &str, version: i64, wal: bool| {
        let path = shop.path(name);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);")
            .unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        }
        drop(conn);
        path
    };
    let text = shop.path("notes.txt");
    std::fs::write(&text, "shopping list\nclay, glaze\n").unwrap();
    let binary = shop.path("photo.bin");
    std::fs::write(
        &binary,
        [0x89u8, b'P', b'N', b'G', 0, 1, 2, 250, 251].repeat(20),
    )
    .unwrap();
    let files = [
        foreign("other.db", 0, false),
        foreign("versioned.db", 7, false),
        foreign("walled.db", 3, true),
        text,
        binary,
    ];
    for file in &files {
        set_mode(file, 0o644);
        let bytes = std::fs::read(file).unwrap();
        let before = names_in(shop.dir.path());
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoutout"))
            .arg("--db")
            .arg(file)
            .args(["cost", "list"])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}", file.display());
        assert!(err.contains("left untouched"), "{err}");
        assert_eq!(std::fs::read(file).unwrap(), bytes, "{}", file.display());
        assert_eq!(mode(file), 0o644, "{}", file.display());
        assert_eq!(names_in(shop.dir.path()), before, "{}", file.display());
    }
}

/// Runs the binary with its standard output and error on a new pseudo-terminal (as a person
/// at a terminal would) and returns all it wrote there.
#[cfg(unix)]
fn on_a_terminal(shop: &Shop, args: &[&str]) -> Vec<u8> {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two new descriptors, owned from here on.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: both descriptors were just opened and nothing else owns them.
    let (mut master, slave) = unsafe {
        (
            std::fs::File::from_raw_fd(master),
            OwnedFd::from_raw_fd(slave),
        )
    };
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_shoutout"))
        .arg("--db")
        .arg(&shop.db)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave)
        .spawn()
        .unwrap();
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        // Ends with EIO once the child (the last holder of the terminal's other side) exits.
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
        }
        seen
    });
    child.wait().unwrap();
    reader.join().unwrap()
}

#[cfg(unix)]
#[test]
fn argument_errors_show_escapes_and_overrides_instead_of_obeying_them() {
    let shop = Shop::new();
    let osc52 = "\u{1b}]52;c;aGVsbG8=\u{7}";
    let red = "\u{1b}[31mred";
    let bidi = "gpj\u{202E}.exe";
    let cases: [&[&str]; 4] = [
        &[osc52],
        &[
            "influencer",
            "add",
            "x",
            "--platform",
            red,
            "--followers",
            "5",
        ],
        &[
            "influencer",
            "add",
            bidi,
            "--platform",
            bidi,
            "--followers",
            "5",
        ],
        &["scorecard", "--sort", osc52],
    ];
    for args in cases {
        let tty = on_a_terminal(&shop, args);
        let piped = shop.run(args);
        for seen in [tty, piped.stderr] {
            let text = String::from_utf8_lossy(&seen);
            assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
            assert!(!text.contains('\u{7}'), "{args:?}: {text:?}");
            assert!(!text.contains('\u{202E}'), "{args:?}: {text:?}");
            assert!(
                text.contains('␛') || text.contains("<U+202E>"),
                "{args:?}: {text:?}"
            );
        }
    }
}

/// An import that changes nothing (the same file again) keeps no backup and prunes none.
#[test]
fn an_import_that_changes_nothing_keeps_no_backup() {
    let (shop, _) = shop_with_backup();
    let before = backups(&shop);
    for _ in 0..6 {
        let out = shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
        assert!(out.contains("0 new, 8 unchanged, 0 changed"), "{out}");
        assert!(!out.contains("backup of the database"), "{out}");
    }
    assert_eq!(backups(&shop), before);
}
