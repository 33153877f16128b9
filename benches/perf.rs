//! The performance figures of docs/performance.md, measured on a generated shop.
//!
//! `cargo bench --bench perf` (add `-- --orders 50000` for a quicker run). Every figure is the
//! median of several runs; nothing here asserts a time (machines are noisy): it measures.
//!
//! The shop: 200 creators over two years (2025-01-01 to 2026-11-01). Each figure that depends
//! on what the store holds is taken for both kinds of store: an empty one (orders only) and
//! one with the 200 creators, their costs and posts entered before the import.

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

/// What the stages share: the shop, where its databases go, the runs and the table.
struct Bench {
    runs: usize,
    orders: usize,
    today: chrono::NaiveDate,
    dir: PathBuf,
    shop: generate::GeneratedShop,
    rows: Vec<(String, String)>,
}

/// The two kinds of store a figure is taken on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    WithCreators,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Empty => "empty store",
            Kind::WithCreators => "200 creators stored",
        }
    }

    fn db(self, dir: &Path) -> PathBuf {
        match self {
            Kind::Empty => dir.join("bench-empty.db"),
            Kind::WithCreators => dir.join("bench.db"),
        }
    }
}

impl Bench {
    fn push(&mut self, what: impl Into<String>, value: String) {
        self.rows.push((what.into(), value));
    }

    fn file(&self) -> String {
        self.shop.orders.to_str().unwrap().to_string()
    }

    /// A fresh database of this kind, before the import: creators, costs and posts entered
    /// when it has them.
    fn fresh(&self, kind: Kind) -> PathBuf {
        let db = kind.db(&self.dir);
        remove_db(&db);
        let mut store = Store::open(&db).unwrap();
        if kind == Kind::WithCreators {
            shoutout::demo::load_roster(
                &mut store,
                &std::fs::read_to_string(&self.shop.influencers).unwrap(),
                &std::fs::read_to_string(&self.shop.costs).unwrap(),
                &std::fs::read_to_string(&self.shop.posts).unwrap(),
            )
            .unwrap();
        }
        db
    }

    /// The floor: reading the file, and reading and parsing it as the import's reading
    /// thread does (hash, decoding, CSV, every field, fingerprints), writing nothing.
    fn floor(&mut self) -> Duration {
        let file = self.file();
        let read: Vec<Duration> = (0..self.runs)
            .map(|_| run_measured(Command::new("cat").arg(&file)).0)
            .collect();
        self.push("read the file (`cat`)", ms(median(read)));
        let parse: Vec<Duration> = (0..self.runs)
            .map(|_| {
                let start = Instant::now();
                let options = shoutout::import::ImportOptions::new("2026-11-22T10:00:00+00:00");
                let n = shoutout::import::parse_file(Path::new(&file), &options).unwrap();
                assert_eq!(n, self.orders as u64);
                start.elapsed()
            })
            .collect();
        let parse = median(parse);
        self.push("read and parse it, one thread, nothing written", ms(parse));
        parse
    }

    /// Import into a fresh store of this kind, through the real binary, paired with
    /// sqlite3's own CSV import of the same file: A B A B …, the median of the ratios.
    fn import(&mut self, kind: Kind, parse: Duration) {
        let file = self.file();
        let sqlite3 = Command::new("sqlite3").arg("-version").output().is_ok();
        let (mut ours, mut theirs, mut ratios, mut peak) = (Vec::new(), Vec::new(), Vec::new(), 0);
        for _ in 0..self.runs {
            let db = self.fresh(kind);
            let (took, rss) = run_cli(&db, &["import", &file]);
            ours.push(took);
            peak = peak.max(rss);
            if sqlite3 {
                let target = self.dir.join("sqlite3-import.db");
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
        let label = kind.label();
        let ours = median(ours);
        self.push(format!("import, {label}"), ms(ours));
        self.push(format!("peak memory during import, {label}"), mib(peak));
        self.push(
            format!("import / read and parse, {label}"),
            format!("{:.2}", ours.as_secs_f64() / parse.as_secs_f64()),
        );
        if sqlite3 {
            self.push("`sqlite3 .import` of the same file", ms(median(theirs)));
            ratios.sort_by(f64::total_cmp);
            self.push(
                format!("ratio import / sqlite3 .import (paired, median), {label}"),
                format!("{:.2}", ratios[ratios.len() / 2]),
            );
        }
    }

    /// Re-import of the unchanged file, and the derived facts rebuilt from every order.
    fn reimport(&mut self, db: &Path) {
        let file = self.file();
        let reimport: Vec<Duration> = (0..self.runs)
            .map(|_| run_cli(db, &["import", &file]).0)
            .collect();
        self.push("re-import, all unchanged", ms(median(reimport)));
        let rebuilds: Vec<Duration> = (0..self.runs)
            .map(|_| {
                let mut store = Store::open(db).unwrap();
                let start = Instant::now();
                store.rebuild_derived().unwrap();
                start.elapsed()
            })
            .collect();
        self.push(
            "derived facts rebuilt from every order",
            ms(median(rebuilds)),
        );
    }

    /// Whole processes on a store of this kind: the scorecard as CSV, the lift report; wall
    /// time and peak memory.
    fn reads(&mut self, kind: Kind) {
        let db = kind.db(&self.dir);
        let label = kind.label();
        for (what, args, runs) in [
            (
                "scorecard --csv -",
                ["scorecard", "--csv", "-"],
                self.runs.max(11),
            ),
            ("lift --csv -", ["lift", "--csv", "-"], self.runs),
        ] {
            let (mut times, mut peak) = (Vec::new(), 0);
            for _ in 0..runs {
                let (took, rss) = run_cli(&db, &args);
                times.push(took);
                peak = peak.max(rss);
            }
            self.push(
                format!("`{what}`, whole process, {label}"),
                ms(median(times)),
            );
            self.push(format!("`{what}`, peak memory, {label}"), mib(peak));
        }
    }

    /// In memory: loading the facts, then each scorecard and the lift model.
    fn compute(&mut self, db: &Path) {
        let store = Store::open(db).unwrap();
        let runs = self.runs;
        let loads = timed(runs, || {
            assert!(store.load_facts().unwrap().counted_orders() > 0);
        });
        self.push("load facts (day groups) from SQLite", loads);
        let coded = timed(runs, || drop(store.load_lift_facts(None).unwrap()));
        self.push("load facts and the coded orders (for lift)", coded);
        let facts = store.load_lift_facts(None).unwrap();
        let today = self.today;
        let card = |options: &ScorecardOptions| {
            timed(21, || {
                assert_eq!(scorecard(&facts, options, today).rows.len(), 200);
            })
        };
        for sort in SortKey::ALL {
            let options = ScorecardOptions {
                sort,
                ..Default::default()
            };
            self.push(format!("scorecard, sort by {sort}"), card(&options));
        }
        let quarter = ScorecardOptions {
            period: Period::Custom {
                from: chrono::NaiveDate::from_ymd_opt(2026, 4, 1),
                to: chrono::NaiveDate::from_ymd_opt(2026, 6, 30),
            },
            ..Default::default()
        };
        self.push("scorecard, one quarter", card(&quarter));
        let lift = timed(11, || {
            let report = shoutout::metrics::lift(&facts, &Default::default(), today);
            assert_eq!(report.rows.len(), 200);
        });
        self.push("lift (incremental model), all time", lift);
    }

    fn app(&self, store: Store) -> App {
        App::new(
            store,
            self.today,
            "2026-11-22T10:00:00+00:00".into(),
            self.dir.clone(),
        )
        .unwrap()
    }

    /// The terminal app as it starts: open the database, draw the loading frame, read, draw
    /// the scorecard; then, as `tui::run` does, the leak check on its thread, looked in on
    /// between frames, and the frame with its marks.
    fn app_start(&mut self, db: &Path) {
        let (mut firsts, mut fulls, mut settles) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..self.runs {
            let start = Instant::now();
            let store = Store::open(db).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal
                .draw(|f| shoutout::tui::ui::draw_loading(f, Theme::PLAIN))
                .unwrap();
            firsts.push(start.elapsed());
            let mut app = App::open(
                store,
                self.today,
                "2026-11-22T10:00:00+00:00".into(),
                self.dir.clone(),
            )
            .unwrap();
            draw(&mut terminal, &app);
            fulls.push(start.elapsed());
            let after = Instant::now();
            while !app.settle().unwrap() {
                std::thread::sleep(Duration::from_millis(1));
            }
            draw(&mut terminal, &app);
            settles.push(after.elapsed());
        }
        self.push("app start to first frame (loading)", ms(median(firsts)));
        self.push("app start to the scorecard frame", ms(median(fulls)));
        self.push(
            "then the leak check (its own thread) to the frame with its marks",
            ms(median(settles)),
        );
    }

    /// A key to the next frame, and a save in a form (the entries are read again, the
    /// orders are not).
    fn app_keys(&mut self, db: &Path) {
        let mut app = self.app(Store::open(db).unwrap());
        for (what, key) in [
            ("change the sort (s)", KeyCode::Char('s')),
            ("move the selection (j)", KeyCode::Char('j')),
            ("cycle the period (p)", KeyCode::Char('p')),
        ] {
            self.push(format!("key to frame: {what}"), key_time(&mut app, key));
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let saves = timed(11, || {
            let cost =
                shoutout::domain::NewCost::parse("fee", "1.00", "2026-05-01", "bench").unwrap();
            let id = app.facts.influencers[0].id;
            app.store.add_cost(id, &cost, None).unwrap();
            app.reload_entries().unwrap();
            draw(&mut terminal, &app);
        });
        self.push("save a cost to the next frame", saves);
    }

    /// A list of 10k influencers: moving, paging, sorting.
    fn big_list(&mut self) {
        let big_db = self.dir.join("influencers.db");
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
        let mut app = self.app(Store::open(&big_db).unwrap());
        app.update(Action::GoTo(Screen::Influencers));
        let j = key_time(&mut app, KeyCode::Char('j'));
        self.push("key to frame: 10k influencers, move (j)", j);
        let page = key_time(&mut app, KeyCode::PageDown);
        self.push("key to frame: 10k influencers, page (PgDn)", page);
        app.update(Action::GoTo(Screen::Scorecard));
        let sort = key_time(&mut app, KeyCode::Char('s'));
        self.push("key to frame: 10k-row scorecard, sort (s)", sort);
    }
}

/// The median time of `n` runs of `f`, as text.
fn timed(n: usize, mut f: impl FnMut()) -> String {
    let times: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    ms(median(times))
}

/// The median time from a key to the next frame, over 51 presses.
fn key_time(app: &mut App, key: KeyCode) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    timed(51, || {
        app.handle_key(KeyEvent::new(key, KeyModifiers::NONE));
        draw(&mut terminal, app);
    })
}

/// `--orders N` and `--runs N` (cargo bench passes `--bench`, ignored).
fn arguments() -> (usize, usize) {
    let mut args = std::env::args().skip(1);
    let (mut orders, mut runs) = (500_000, 5);
    while let Some(a) = args.next() {
        let mut number = |flag: &str| args.next().and_then(|n| n.parse().ok()).expect(flag);
        match a.as_str() {
            "--orders" => orders = number("--orders N"),
            "--runs" => runs = number("--runs N"),
            _ => {}
        }
    }
    (orders, runs)
}

fn main() {
    let (orders, runs) = arguments();
    let spec = ShopSpec {
        orders,
        influencers: 200,
        seed: 1,
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("shop-{orders}"));
    let shop = write_shop(spec, &dir).expect("generate the shop");
    let size = std::fs::metadata(&shop.orders).unwrap().len();
    println!(
        "shop: {orders} orders, {} rows, {:.0} MB, 200 influencers over two years (seed 1)",
        shop.rows,
        size as f64 / 1e6
    );
    let mut b = Bench {
        runs,
        orders,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        dir,
        shop,
        rows: Vec::new(),
    };
    let parse = b.floor();
    for kind in [Kind::Empty, Kind::WithCreators] {
        b.import(kind, parse);
        b.reads(kind);
    }
    let db = Kind::WithCreators.db(&b.dir);
    b.reimport(&db);
    b.compute(&db);
    b.app_start(&db);
    b.app_keys(&db);
    b.big_list();
    println!("\n| measure | median of {runs} runs (21/51 for in-memory steps) |\n|---|---|");
    for (what, value) in &b.rows {
        println!("| {what} | {value} |");
    }
}
