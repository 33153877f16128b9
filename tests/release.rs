//! What a release archive holds, checked without a release: the man page and completions in
//! `assets/` are exactly what the binary prints (generated from the same definitions, so
//! they never drift), and the host's archive — laid out as `dist` lays it out (the files
//! `dist-workspace.toml` asks it to include beside the binary), packed with `tar`, unpacked
//! in a temp dir — runs: `--version`, `demo` into a temp database, `scorecard`.

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_shoutout");

/// The generated files of the archive, and the command that prints each.
const GENERATED: [(&str, &[&str]); 4] = [
    ("assets/man/shoutout.1", &["man"]),
    ("assets/completions/shoutout.bash", &["completions", "bash"]),
    ("assets/completions/_shoutout", &["completions", "zsh"]),
    ("assets/completions/shoutout.fish", &["completions", "fish"]),
];

fn run(bin: &Path, args: &[&str], home: &Path) -> String {
    let out = Command::new(bin)
        .args(args)
        .env_remove("SHOUTOUT_DB")
        // Nothing outside the temp dir: the data directory is under it too.
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_man_page_and_completions_are_what_the_binary_prints() {
    let home = tempfile::tempdir().unwrap();
    for (file, args) in GENERATED {
        let committed = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        assert_eq!(
            committed,
            run(Path::new(BIN), args, home.path()),
            "{file} is stale: regenerate it with `shoutout {}`",
            args.join(" ")
        );
    }
}

/// The files every archive holds beside the binary: those the release set-up
/// (`dist-workspace.toml`, `[dist] include`) lists, and the README and LICENSE `dist` adds
/// by itself.
fn included() -> Vec<String> {
    let config = std::fs::read_to_string(Path::new(ROOT).join("dist-workspace.toml")).unwrap();
    let table: toml::Table = config.parse().unwrap();
    table["dist"]["include"]
        .as_array()
        .expect("the release set-up lists what archives include")
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .chain(["README.md".to_string(), "LICENSE".to_string()])
        .collect()
}

#[test]
fn the_host_archive_unpacks_and_runs() {
    let include = included();
    for (needed, _) in GENERATED {
        assert!(include.iter().any(|i| i == needed), "{needed} not included");
    }
    let work = tempfile::tempdir().unwrap();
    let stage = work.path().join("shoutout-host");
    std::fs::create_dir_all(&stage).unwrap();
    std::fs::copy(BIN, stage.join("shoutout")).unwrap();
    for file in &include {
        let name = Path::new(file).file_name().unwrap();
        std::fs::copy(Path::new(ROOT).join(file), stage.join(name)).unwrap();
    }
    let archive = work.path().join("shoutout-host.tar.gz");
    let packed = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(work.path())
        .arg("shoutout-host")
        .status();
    let Ok(packed) = packed else {
        eprintln!("no tar on this machine: the archive is not checked");
        return;
    };
    assert!(packed.success());
    let unpacked = work.path().join("unpacked");
    std::fs::create_dir_all(&unpacked).unwrap();
    assert!(
        Command::new("tar")
            .arg("-xzf")
            .arg(&archive)
            .arg("-C")
            .arg(&unpacked)
            .status()
            .unwrap()
            .success()
    );
    let dir: PathBuf = unpacked.join("shoutout-host");
    let bin = dir.join("shoutout");
    let home = work.path().join("home");
    assert!(run(&bin, &["--version"], &home).starts_with("shoutout "));
    let db = work.path().join("demo.db");
    let db = db.to_str().unwrap();
    run(&bin, &["--db", db, "demo"], &home);
    let card = run(&bin, &["--db", db, "scorecard", "--csv", "-"], &home);
    assert!(card.starts_with("rank,influencer,"), "{card}");
    assert_eq!(card.lines().count(), 7, "six creators: {card}");
    for name in [
        "shoutout.1",
        "shoutout.bash",
        "_shoutout",
        "shoutout.fish",
        "README.md",
        "LICENSE",
    ] {
        assert!(dir.join(name).is_file(), "{name} is in the archive");
    }
}
