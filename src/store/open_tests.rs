//! Tests of opening a database: a new file's schema and settings, older and foreign files,
//! read-only use.

use super::*;

#[test]
fn a_new_file_gets_the_schema_and_safe_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("shop.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        migrations::MIGRATIONS.len() as i64
    );
    let fk: i64 = store
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let page: i64 = store
        .conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(page, PAGE_SIZE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        let dir = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!((file, dir), (0o600, 0o700));
    }
    drop(store);
    // Re-opening keeps the version and migrates nothing (no upgrade backup is taken).
    let again = Store::open(&path).unwrap();
    assert_eq!(
        again.schema_version().unwrap(),
        migrations::MIGRATIONS.len() as i64
    );
    assert!(!backup_dir(&path).exists());
}

#[cfg(unix)]
#[test]
fn a_loose_database_file_is_tightened_on_open() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    drop(Store::open(&path).unwrap());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(Store::open(&path).unwrap());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn an_existing_file_keeps_its_page_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    // A file SQLite already laid out in 4 KiB pages, as older shoutouts made them.
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA page_size = 4096; CREATE TABLE t (x); DROP TABLE t;")
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    store
        .add_influencer(&crate::domain::NewInfluencer::example("ana", 1))
        .unwrap();
    let page: i64 = store
        .conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(page, 4096);
}

#[test]
fn another_program_s_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE album (id INTEGER PRIMARY KEY); INSERT INTO album VALUES (1);",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // An empty file is a new database.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(Store::open(&empty).is_ok());
}

#[test]
fn a_database_is_read_without_writing_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .add_influencer(&crate::domain::NewInfluencer::example("ana", 1))
            .unwrap();
    }
    // Closed cleanly: no -wal or -shm beside it, as in a folder copied read-only.
    assert!(!dir.path().join("shop.db-shm").exists());
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.load_facts().unwrap().influencers.len(), 1);
    assert!(store.conn.execute("DELETE FROM influencer", []).is_err());
    assert!(Store::open_read_only(&dir.path().join("none.db")).is_err());
}

/// A crash in the middle of a write through a rollback journal (a shop's first import)
/// leaves the file half-written and a journal to roll it back with. A read-only open cannot
/// roll back: it says so instead of reading the file as it is (as immutable); the next
/// ordinary open rolls it back and puts the write-ahead log back.
#[test]
fn a_crashed_journal_write_is_rolled_back_never_read_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    drop(Store::open(&path).unwrap());
    let writer = Connection::open(&path).unwrap();
    let mode: String = writer
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    writer.pragma_update(None, "cache_size", 10).unwrap();
    let before = std::fs::metadata(&path).unwrap().len();
    writer.execute_batch("BEGIN EXCLUSIVE").unwrap();
    for i in 0..20_000 {
        writer
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                (format!("half-written {i:05}"), "x".repeat(100)),
            )
            .unwrap();
    }
    assert!(
        std::fs::metadata(&path).unwrap().len() > before,
        "pages in the file"
    );
    // The files as a crash at this moment leaves them.
    let crashed = dir.path().join("crashed.db");
    std::fs::copy(&path, &crashed).unwrap();
    std::fs::copy(
        dir.path().join("shop.db-journal"),
        dir.path().join("crashed.db-journal"),
    )
    .unwrap();
    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);

    assert!(Store::open_read_only(&crashed).is_err());
    let store = Store::open(&crashed).unwrap();
    let half: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM settings WHERE key LIKE 'half-written%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(half, 0);
    assert_eq!(
        store
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "ok"
    );
    assert!(!dir.path().join("crashed.db-journal").exists());
    assert_eq!(first_import::journal_mode(&store.conn).unwrap(), "wal");
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    let conn = Connection::open(&path).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 99);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_to_read_and_a_write_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    let mut store = Store::open(&path).unwrap();
    store
        .add_influencer(&crate::domain::NewInfluencer::example("ana", 1))
        .unwrap();
    drop(store);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::ReadOnlyFile { .. })
    ));
    let mut store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.influencers().unwrap().len(), 1);
    assert!(store.derived_up_to_date().unwrap());
    let err = store
        .add_influencer(&crate::domain::NewInfluencer::example("ben", 2))
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err}");
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o400
    );
}
