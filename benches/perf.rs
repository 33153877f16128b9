//! The performance figures of docs/performance.md, measured on a generated shop.
//!
//! `cargo bench --bench perf` (add `-- --orders 50000` for a quicker run). Every figure is the
//! median of several runs; nothing here asserts a time (machines are noisy): it measures.

#[path = "../src/bin/shoutout-shopgen/generate.rs"]
#[allow(dead_code, reason = "each user of the generator uses part of it")]
mod generate;

use generate::{ShopSpec, write_shop};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shoutout::metrics::{Period, ScorecardOptions, SortKey, scorecard};
use shoutout::store::Store;
use shoutout::tui::action::{Action, Screen};
use shoutout::tui::app::App;
use shoutout::tui::theme::Theme;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let _ = std::fs::remove_dir_all(db.with_file_name("backups"));
}

/// Runs the real binary; returns its wall time and its own peak memory (KiB).
fn run_cli(db: &Path, args: &[&str]) -> (Duration, i64) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shoutout"));
    command.arg("--db").arg(db).args(args);
    run_measured(&mut command)
}

/// Runs a command to its end, its output dropped; returns its wall time and its own peak
/// memory in KiB, from `/usr/bin/time` (a child spawned straight from this large process
/// would count this process's pages as its own); -1 without it.
fn run_measured(command: &mut Command) -> (Duration, i64) {
    let time = Path::new("/usr/bin/time");
    let out = tempfile::NamedTempFile::new().unwrap();
    let mut timed = if time.exists() {
        let mut timed = Command::new(time);
        timed.arg("-f").arg("%M").arg("-o").arg(out.path());
        timed.arg(command.get_program()).args(command.get_args());
        timed
    } else {
        let mut plain = Command::new(command.get_program());
        plain.args(command.get_args());
        plain
    };
    let start = Instant::now();
    let status = timed
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the command runs");
    let took = start.elapsed();
    assert!(status.success(), "{command:?} failed");
    let kib = std::fs::read_to_string(out.path()).unwrap_or_default();
    (took, kib.trim().parse().unwrap_or(-1))
}

fn mib(kib: i64) -> String {
    if kib < 0 {
        return "n/a (no /usr/bin/time)".into();
    }
    format!("{:.0} MB", kib as f64 / 1024.0)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| shoutout::tui::ui::draw(f, app, Theme::PLAIN))
        .unwrap();
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut orders = 500_000;
    let mut runs = 5;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--orders" => {
                orders = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--orders N")
            }
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            _ => {} // cargo bench passes --bench
        }
    }
    let spec = ShopSpec {
        orders,
        influencers: 200,
        seed: 1,
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("shop-{orders}"));
    let shop = write_shop(spec, &dir).expect("generate the shop");
    let file = shop.orders.to_str().unwrap().to_string();
    let size = std::fs::metadata(&shop.orders).unwrap().len();
    println!(
        "shop: {orders} orders, {} rows, {:.0} MB, 200 influencers (seed 1)",
        shop.rows,
        size as f64 / 1e6
    );
    let db = dir.join("bench.db");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut rows: Vec<(String, String)> = Vec::new();

    // The floor: reading the file, and reading and parsing it as the import's reading
    // thread does (hash, decoding, CSV, every field, fingerprints), writing nothing.
    let read: Vec<Duration> = (0..runs)
        .map(|_| run_measured(Command::new("cat").arg(&file)).0)
        .collect();
    rows.push(("read the file (`cat`)".into(), ms(median(read))));
    let parse: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let options = shoutout::import::ImportOptions::new("2026-11-22T10:00:00+00:00");
            let n = shoutout::import::parse_file(Path::new(&file), &options).unwrap();
            assert_eq!(n, orders as u64);
            start.elapsed()
        })
        .collect();
    let parse = median(parse);
    rows.push((
        "read and parse it, one thread, nothing written".into(),
        ms(parse),
    ));

    // Import, cold database, through the real binary, paired with sqlite3's own CSV import
    // of the same file: A B A B …, the median of the ratios.
    let sqlite3 = Command::new("sqlite3").arg("-version").output().is_ok();
    let (mut cold, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut peak = 0;
    for _ in 0..runs {
        remove_db(&db);
        let (took, rss) = run_cli(&db, &["import", &file]);
        cold.push(took);
        peak = peak.max(rss);
        if sqlite3 {
            let target = dir.join("sqlite3-import.db");
            let _ = std::fs::remove_file(&target);
            let (t, _) = run_measured(Command::new("sqlite3").arg(&target).args([
                "-cmd",
                ".mode csv",
                &format!(".import {file} orders"),
            ]));
            theirs.push(t);
            ratios.push(took.as_secs_f64() / t.as_secs_f64());
        }
    }
    let cold = median(cold);
    rows.push(("import, cold database".into(), ms(cold)));
    rows.push(("peak memory during import".into(), mib(peak)));
    rows.push((
        "import / read and parse".into(),
        format!("{:.2}", cold.as_secs_f64() / parse.as_secs_f64()),
    ));
    if sqlite3 {
        rows.push((
            "`sqlite3 .import` of the same file".into(),
            ms(median(theirs)),
        ));
        ratios.sort_by(f64::total_cmp);
        rows.push((
            "ratio import / sqlite3 .import (paired, median)".into(),
            format!("{:.2}", ratios[ratios.len() / 2]),
        ));
    }

    // Re-import of the unchanged file (the database from the last cold run).
    let roster = |store: &mut Store| {
        shoutout::demo::load_roster(
            store,
            &std::fs::read_to_string(&shop.influencers).unwrap(),
            &std::fs::read_to_string(&shop.costs).unwrap(),
            &std::fs::read_to_string(&shop.posts).unwrap(),
        )
        .unwrap();
    };
    {
        let mut store = Store::open(&db).unwrap();
        roster(&mut store);
    }
    let reimport: Vec<Duration> = (0..runs)
        .map(|_| run_cli(&db, &["import", &file]).0)
        .collect();
    rows.push(("re-import, all unchanged".into(), ms(median(reimport))));
    let rebuilds: Vec<Duration> = (0..runs)
        .map(|_| {
            let mut store = Store::open(&db).unwrap();
            let start = Instant::now();
            store.rebuild_derived().unwrap();
            start.elapsed()
        })
        .collect();
    rows.push((
        "derived facts rebuilt from every order".into(),
        ms(median(rebuilds)),
    ));

    // Whole processes: the scorecard as CSV, the lift report.
    let mut csv = Vec::new();
    let mut csv_peak = 0;
    for _ in 0..runs.max(11) {
        let (took, rss) = run_cli(&db, &["scorecard", "--csv", "-"]);
        csv.push(took);
        csv_peak = csv_peak.max(rss);
    }
    rows.push(("`scorecard --csv -`, whole process".into(), ms(median(csv))));
    rows.push(("`scorecard --csv -`, peak memory".into(), mib(csv_peak)));
    let lift_cli: Vec<Duration> = (0..runs)
        .map(|_| run_cli(&db, &["lift", "--csv", "-"]).0)
        .collect();
    rows.push(("`lift --csv -`, whole process".into(), ms(median(lift_cli))));

    // Scorecard: loading the facts, then computing them.
    let store = Store::open(&db).unwrap();
    let loads: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let facts = store.load_facts().unwrap();
            assert!(facts.counted_orders() > 0);
            start.elapsed()
        })
        .collect();
    rows.push((
        "load facts (day groups) from SQLite".into(),
        ms(median(loads)),
    ));
    let coded: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            store.load_lift_facts(None).unwrap();
            start.elapsed()
        })
        .collect();
    rows.push((
        "load facts and the coded orders (for lift)".into(),
        ms(median(coded)),
    ));
    let facts = store.load_lift_facts(None).unwrap();
    let card_time = |options: ScorecardOptions| {
        let times: Vec<Duration> = (0..21)
            .map(|_| {
                let start = Instant::now();
                let card = scorecard(&facts, &options, today);
                assert_eq!(card.rows.len(), 200);
                start.elapsed()
            })
            .collect();
        ms(median(times))
    };
    for sort in SortKey::ALL {
        rows.push((
            format!("scorecard, sort by {sort}"),
            card_time(ScorecardOptions {
                sort,
                ..Default::default()
            }),
        ));
    }
    rows.push((
        "scorecard, one quarter".into(),
        card_time(ScorecardOptions {
            period: Period::Custom {
                from: chrono::NaiveDate::from_ymd_opt(2026, 4, 1),
                to: chrono::NaiveDate::from_ymd_opt(2026, 6, 30),
            },
            ..Default::default()
        }),
    ));
    let lifts: Vec<Duration> = (0..11)
        .map(|_| {
            let start = Instant::now();
            let report = shoutout::metrics::lift(&facts, &Default::default(), today);
            assert_eq!(report.rows.len(), 200);
            start.elapsed()
        })
        .collect();
    rows.push((
        "lift (incremental model), all time".into(),
        ms(median(lifts)),
    ));
    drop(store);

    // The terminal app: start to first frame, then a key to the next frame.
    // As the app starts: open the database, draw the loading frame, read, draw the scorecard.
    let (mut firsts, mut fulls, mut settles) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let start = Instant::now();
        let store = Store::open(&db).unwrap();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|f| shoutout::tui::ui::draw_loading(f, Theme::PLAIN))
            .unwrap();
        firsts.push(start.elapsed());
        let mut app = App::open(
            store,
            today,
            "2026-11-22T10:00:00+00:00".into(),
            dir.clone(),
        )
        .unwrap();
        draw(&mut terminal, &app);
        fulls.push(start.elapsed());
        // Then, as `tui::run` does, the leak check on its thread, looked in on between
        // frames, and the frame with its marks.
        let after = Instant::now();
        while !app.settle().unwrap() {
            std::thread::sleep(Duration::from_millis(1));
        }
        draw(&mut terminal, &app);
        settles.push(after.elapsed());
    }
    rows.push((
        "app start to first frame (loading)".into(),
        ms(median(firsts)),
    ));
    rows.push(("app start to the scorecard frame".into(), ms(median(fulls))));
    rows.push((
        "then the leak check (its own thread) to the frame with its marks".into(),
        ms(median(settles)),
    ));
    let store = Store::open(&db).unwrap();
    let mut app = App::new(
        store,
        today,
        "2026-11-22T10:00:00+00:00".into(),
        dir.clone(),
    )
    .unwrap();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut key_time = |app: &mut App, key: KeyCode| {
        let times: Vec<Duration> = (0..51)
            .map(|_| {
                let start = Instant::now();
                app.handle_key(KeyEvent::new(key, KeyModifiers::NONE));
                draw(&mut terminal, app);
                start.elapsed()
            })
            .collect();
        ms(median(times))
    };
    rows.push((
        "key to frame: change the sort (s)".into(),
        key_time(&mut app, KeyCode::Char('s')),
    ));
    rows.push((
        "key to frame: move the selection (j)".into(),
        key_time(&mut app, KeyCode::Char('j')),
    ));
    rows.push((
        "key to frame: cycle the period (p)".into(),
        key_time(&mut app, KeyCode::Char('p')),
    ));
    // A save in a form: the entries are read again, the orders are not.
    let mut save_terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let saves: Vec<Duration> = (0..11)
        .map(|_| {
            let start = Instant::now();
            let cost =
                shoutout::domain::NewCost::parse("fee", "1.00", "2026-05-01", "bench").unwrap();
            let id = app.facts.influencers[0].id;
            app.store.add_cost(id, &cost, None).unwrap();
            app.reload_entries().unwrap();
            draw(&mut save_terminal, &app);
            start.elapsed()
        })
        .collect();
    rows.push(("save a cost to the next frame".into(), ms(median(saves))));

    // A list of 10k influencers.
    let big_db = dir.join("influencers.db");
    remove_db(&big_db);
    {
        let mut store = Store::open(&big_db).unwrap();
        for i in 0..10_000 {
            let new = shoutout::domain::NewInfluencer::parse(
                &format!("creator{i:05}"),
                &format!("Creator {i}"),
                "instagram",
                "1000",
                "",
            )
            .unwrap();
            store.add_influencer(&new).unwrap();
        }
    }
    let store = Store::open(&big_db).unwrap();
    let mut app = App::new(
        store,
        today,
        "2026-11-22T10:00:00+00:00".into(),
        dir.clone(),
    )
    .unwrap();
    app.update(Action::GoTo(Screen::Influencers));
    rows.push((
        "key to frame: 10k influencers, move (j)".into(),
        key_time(&mut app, KeyCode::Char('j')),
    ));
    rows.push((
        "key to frame: 10k influencers, page (PgDn)".into(),
        key_time(&mut app, KeyCode::PageDown),
    ));
    app.update(Action::GoTo(Screen::Scorecard));
    rows.push((
        "key to frame: 10k-row scorecard, sort (s)".into(),
        key_time(&mut app, KeyCode::Char('s')),
    ));

    println!("\n| measure | median of {runs} runs (21/51 for in-memory steps) |\n|---|---|");
    for (what, value) in rows {
        println!("| {what} | {value} |");
    }
}
