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

/// Overwrites the middle of the last page of `db` with garbage: the file still opens, but
/// its integrity check fails.
fn damage(db: &Path) {
    let conn = Connection::open(db).unwrap();
    let page: u64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(db).unwrap();
    let last = bytes.len() as u64 - page;
    for b in &mut bytes[(last + 8) as usize..(last + page / 2) as usize] {
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
    shop.ok(&["import", &fixture("shopify/orders_later_79.csv")]);
    let left: Vec<String> = backups(&shop)
        .into_iter()
        .filter(|n| n.contains(".partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
