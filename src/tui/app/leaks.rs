//! The lift model's leak check behind the scorecard's `⚠` marks. It reads every order that
//! carries a code or a `utm_source`, which takes seconds in a shop of millions of orders, so
//! the app runs it on a thread of its own, with its own read-only connection, and keeps
//! answering keys meanwhile: the scorecard shows at once, its marks a moment later.

use super::App;
use crate::metrics::{Facts, leak_warnings};
use crate::store::{Store, StoreError};
use std::sync::mpsc::{Receiver, TryRecvError};

/// What the check's thread hands back: the facts it read (with the coded orders) and the
/// codes suspected of leaking, by influencer.
type Checked = Result<(Facts, Vec<(i64, String)>), StoreError>;

/// Where the leak check of the facts on screen stands.
#[derive(Debug, Default)]
pub(crate) enum LeakCheck {
    #[default]
    Done,
    /// The facts were read again; the check is still to start.
    Due,
    /// On its thread, started when the entries were at this epoch.
    Running(Receiver<Checked>, u64),
}

impl App {
    /// Moves the leak check on: starts it on its thread, or takes its result. Returns whether
    /// the result came in (the screen changes).
    pub fn settle(&mut self) -> Result<bool, StoreError> {
        match std::mem::take(&mut self.leak_check) {
            LeakCheck::Done => Ok(false),
            LeakCheck::Due => match self.store.path() {
                Some(path) => {
                    let job = spawn(path.to_path_buf(), self.today);
                    self.leak_check = LeakCheck::Running(job, self.entries_epoch);
                    Ok(false)
                }
                None => {
                    self.check_leaks_now()?;
                    Ok(true)
                }
            },
            LeakCheck::Running(job, epoch) => match job.try_recv() {
                Err(TryRecvError::Empty) => {
                    self.leak_check = LeakCheck::Running(job, epoch);
                    Ok(false)
                }
                Err(TryRecvError::Disconnected) => {
                    self.check_leaks_now()?;
                    Ok(true)
                }
                Ok(checked) => {
                    let (read, flags) = checked?;
                    // Entries saved meanwhile (a code, a post) can change the verdict.
                    if epoch != self.entries_epoch || !self.adopt_orders(read) {
                        self.leak_check = LeakCheck::Due;
                        return Ok(false);
                    }
                    self.leak_flags = flags.into_iter().collect();
                    self.after_coded_orders();
                    Ok(true)
                }
            },
        }
    }

    /// Whether the leak check of the facts on screen is still to come.
    pub fn settling(&self) -> bool {
        !matches!(self.leak_check, LeakCheck::Done)
    }

    /// The leak check on this thread, now: for the lift view (which needs the coded orders
    /// at once), a database in memory, and tests.
    pub(super) fn check_leaks_now(&mut self) -> Result<(), StoreError> {
        self.leak_check = LeakCheck::Done;
        self.store.load_coded_orders(&mut self.facts)?;
        self.facts.shop_spans = self.store.lift_spans()?;
        self.leak_flags = leak_warnings(&self.facts, self.today).into_iter().collect();
        self.after_coded_orders();
        Ok(())
    }

    fn after_coded_orders(&mut self) {
        if self.lift.is_some() {
            self.lift = Some(self.lift_report());
        }
    }

    /// Takes the coded orders another read of the same data found, if it numbered codes and
    /// sources as these facts do (the same day groups read first, then the orders).
    fn adopt_orders(&mut self, read: Facts) -> bool {
        let same = read
            .order_code_names
            .starts_with(&self.facts.order_code_names)
            && read
                .order_utm_names
                .starts_with(&self.facts.order_utm_names);
        if same {
            self.facts.orders = read.orders;
            self.facts.shop_spans = read.shop_spans;
            self.facts.order_code_names = read.order_code_names;
            self.facts.order_utm_names = read.order_utm_names;
        }
        same
    }
}

/// Runs the leak check on a thread of its own over the database at `path`.
fn spawn(path: std::path::PathBuf, today: chrono::NaiveDate) -> Receiver<Checked> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let checked = Store::open_read_only(&path)
            .and_then(|store| store.load_lift_facts(None))
            .map(|facts| {
                let flags = leak_warnings(&facts, today);
                (facts, flags)
            });
        // The app may have moved on (quit, or read the facts again): then nobody listens.
        let _ = send.send(checked);
    });
    receive
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    const NOW: &str = "2026-11-22T10:00:00+00:00";

    /// A shop in a file (the check's thread opens its own connection to it), with coded
    /// orders.
    fn shop() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        let mut store = Store::open(&path).unwrap();
        let orders = format!(
            "{}/tests/fixtures/shopify/orders_79.csv",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::import::import_file(
            &mut store,
            std::path::Path::new(&orders),
            &crate::import::ImportOptions::new(NOW),
        )
        .unwrap();
        (dir, path)
    }

    fn open(path: &std::path::Path, dir: &tempfile::TempDir) -> App {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        App::open(
            Store::open(path).unwrap(),
            today,
            NOW.into(),
            dir.path().into(),
        )
        .unwrap()
    }

    /// Looks in on the check until `done` says so (at most 10 s).
    fn wait(app: &mut App, mut done: impl FnMut(&mut App) -> bool) {
        let start = Instant::now();
        while !done(app) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the check never came"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn the_check_runs_on_its_own_thread_and_brings_what_a_check_here_finds() {
        let (dir, path) = shop();
        let mut app = open(&path, &dir);
        assert!(app.settling() && app.facts.orders.is_empty());
        assert!(!app.settle().unwrap(), "started, not finished");
        wait(&mut app, |app| app.settle().unwrap());
        assert!(!app.settling());
        let mut here = open(&path, &dir);
        here.check_leaks_now().unwrap();
        assert!(!here.facts.orders.is_empty());
        assert_eq!(app.facts.orders, here.facts.orders);
        assert_eq!(app.facts.order_code_names, here.facts.order_code_names);
        assert_eq!(app.leak_flags, here.leak_flags);
    }

    #[test]
    fn a_check_started_before_a_save_is_done_again() {
        let (dir, path) = shop();
        let mut app = open(&path, &dir);
        app.settle().unwrap();
        assert!(matches!(app.leak_check, LeakCheck::Running(..)));
        // A code or a post saved meanwhile: the running check's verdict is stale.
        app.reload_entries().unwrap();
        wait(&mut app, |app| {
            !app.settle().unwrap() && matches!(app.leak_check, LeakCheck::Due)
        });
        assert!(
            app.facts.orders.is_empty(),
            "the stale result was not taken"
        );
        wait(&mut app, |app| app.settle().unwrap());
        assert!(!app.facts.orders.is_empty());
    }
}
