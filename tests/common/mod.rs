//! Helpers shared by the end-to-end tests: a temporary database and a way to run the real
//! binary against it.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the helpers"
)]

pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Shop {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Default for Shop {
    fn default() -> Self {
        Shop::new()
    }
}

impl Shop {
    pub fn new() -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.db");
        Shop { dir, db }
    }

    /// Runs `shoutout --db <db> args...` with no terminal and no standard input.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_shoutout"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("SHOUTOUT_DB")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    }

    /// Runs and insists on success, returning standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "shoutout {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and insists on failure, returning standard error.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            !out.status.success(),
            "shoutout {args:?} should have failed:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the shop's directory and returns its path as text.
    pub fn write(&self, name: &str, contents: &str) -> String {
        let p = self.path(name);
        std::fs::write(&p, contents).unwrap();
        p.display().to_string()
    }

    pub fn scorecard_csv(&self) -> String {
        self.ok(&["scorecard", "--csv", "-"])
    }
}

pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

pub fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// The two-creator roster the Shopify fixtures are written for.
pub fn roster(shop: &Shop) {
    shop.ok(&[
        "influencer",
        "add",
        "@sarah",
        "--platform",
        "instagram",
        "--followers",
        "12000",
        "--name",
        "Sarah K",
        "--commission",
        "10",
    ]);
    shop.ok(&[
        "influencer",
        "add",
        "milo",
        "--platform",
        "tiktok",
        "--followers",
        "48000",
    ]);
    shop.ok(&["code", "add", "SARAH20", "--influencer", "sarah"]);
    shop.ok(&["code", "add", "milo15", "--influencer", "MILO"]);
    shop.ok(&[
        "cost",
        "add",
        "--influencer",
        "sarah",
        "--kind",
        "fee",
        "--amount",
        "100",
        "--date",
        "2026-05-01",
    ]);
    shop.ok(&[
        "cost",
        "add",
        "--influencer",
        "milo",
        "--kind",
        "product",
        "--amount",
        "40.00",
        "--date",
        "2026-05-01",
    ]);
    shop.ok(&[
        "post",
        "add",
        "--influencer",
        "sarah",
        "--date",
        "2026-05-02",
        "--likes",
        "500",
        "--comments",
        "40",
    ]);
}
