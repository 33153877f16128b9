//! The app's state and the one place it changes: keys become actions through the keymap,
//! and `update` applies an action. Every write goes through the same library functions as
//! the CLI; after each one the facts are reloaded so the scorecard is live.

mod confirm;
mod dispatch;
mod forms;
mod import_flow;
mod input;
mod leaks;
mod modal;
mod news;
mod selection;
mod view;

pub use modal::{Modal, Pending};

pub use import_flow::complete_path;

use super::action::{Action, Screen};
use super::form::FormKind;
use super::keymap::{self, Context};
pub use super::state::{Effect, GiftView, Lists, Shown};
use crate::import::Mapping;
use crate::metrics::{Facts, Prepared, ScoreRow, Scorecard, ScorecardOptions};
use crate::store::Store;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;
use tui_input::Input;

/// The message line under the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub store: Store,
    pub today: NaiveDate,
    /// Timestamp recorded on imports made in this session.
    pub now: String,
    /// Where exports are written (the directory the app was started in).
    pub export_dir: PathBuf,
    pub facts: Facts,
    /// The facts' option-independent work, done once per reload.
    prepared: Prepared,
    /// Every row, ranked, before the search: sorting and searching start from here.
    ranked: Vec<ScoreRow>,
    /// The lists, the gift ledger and the flags the screens show ([`Shown::read`]).
    pub shown: Shown,
    pub screen: Screen,
    pub options: ScorecardOptions,
    pub card: Scorecard,
    /// Selected row of each screen.
    pub selected: [usize; Screen::ALL.len()],
    pub detail: bool,
    pub searching: bool,
    pub search: Input,
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub quit: bool,
    pub effects: Vec<Effect>,
    /// Terminal size, for paging.
    pub size: (u16, u16),
    /// Codes the lift model suspects of leaking, by influencer: the flag in words.
    pub leak_flags: std::collections::HashMap<i64, String>,
    /// The leak check of the facts on screen (`leaks.rs`).
    leak_check: leaks::LeakCheck,
    /// Counts the reads of the entries: a leak check of older ones is done again.
    entries_epoch: u64,
    /// Whether the scorecard shows the shop's other channels below the creators.
    pub show_channels: bool,
    /// How many columns the tables are scrolled right (when the terminal is too narrow).
    pub col_scroll: usize,
    /// The entry deleted last in this session, for `z` to put back.
    last_deleted: Option<crate::store::Deleted>,
    /// The gift declined last in this session, for `z` to take back.
    last_declined: Option<i64>,
    /// Rates typed in the import preview (`r`) for the file being imported.
    import_rates: Vec<(String, rust_decimal::Decimal)>,
    /// What the preview was run with (mapping, repaired dates) while the rate form is open.
    import_rerun: Option<(Option<Mapping>, bool)>,
    /// The file whose preview the code form was opened from (`c`): previewed again once
    /// the code is saved.
    code_from_preview: Option<PathBuf>,
    /// The incremental view: the lift report for the period shown, while it is on.
    pub lift: Option<crate::metrics::LiftReport>,
    /// The three views side by side (`V`), while shown.
    pub compare: Option<Vec<crate::metrics::Compared>>,
    /// The shop the incremental view shows alone (`S`), with its facts; `None`: every shop.
    pub lift_shop: Option<(String, Facts)>,
    /// The shop of the file being imported, as the import box gave it.
    pub import_shop: Option<String>,
    /// SQLite's `data_version` when the facts were last read: a different value means
    /// another process changed the database since.
    seen_version: i64,
    /// The selected campaign's progress today, kept until the facts or entries change: it is
    /// a scorecard of its own, too dear for every frame or for every campaign at each save.
    campaign_cache: std::cell::RefCell<Option<(i64, crate::metrics::CampaignProgress)>>,
    /// The charted creator's series under the options it was computed for, likewise kept
    /// until the data changes (the charts are drawn on every frame).
    series_cache: std::cell::RefCell<Option<CachedSeries>>,
    /// The cohort groups bound by bound, read from the store the first time the cohort
    /// chart is drawn after a reload, and the charted creator's cohort, kept like the series.
    cohort_groups: std::cell::OnceCell<Vec<crate::metrics::CohortFact>>,
    cohort_cache: std::cell::RefCell<Option<CachedCohort>>,
    /// What the detail pane shows: her figures, her sales chart or her payback curve.
    pub chart: DetailChart,
    /// Whether the scorecard is drawn as bars of the sort key instead of a table.
    pub bars: bool,
    /// Each creator's attributed orders in each of the last 8 weeks (the table's trend
    /// column), by influencer id.
    pub trend: std::collections::HashMap<i64, Vec<rust_decimal::Decimal>>,
}

/// A creator's series, with whom and under which options it was computed.
type CachedCohort = (
    i64,
    crate::metrics::ScorecardOptions,
    Option<crate::metrics::CohortDetail>,
);

type CachedSeries = (
    i64,
    crate::metrics::ScorecardOptions,
    Option<crate::metrics::CreatorSeries>,
);

/// What the scorecard's detail pane shows (`t` cycles it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetailChart {
    #[default]
    Figures,
    Sales,
    Payback,
    /// Her customers' worth over time beside organic customers'.
    Cohort,
}

impl App {
    /// The app on `store`, its leak check done on this thread ([`App::open`], then the check).
    pub fn new(
        store: Store,
        today: NaiveDate,
        now: String,
        export_dir: PathBuf,
    ) -> anyhow::Result<App> {
        let mut app = App::open(store, today, now, export_dir)?;
        app.check_leaks_now()?;
        Ok(app)
    }

    /// The app on `store` with its scorecard computed from the day sums: ready to draw at
    /// once, whatever the shop's size. The leak check, which reads coded orders one by one,
    /// runs on its own thread once [`App::settle`] starts it, after the first frame.
    pub fn open(
        store: Store,
        today: NaiveDate,
        now: String,
        export_dir: PathBuf,
    ) -> anyhow::Result<App> {
        let mut app = App {
            store,
            today,
            now,
            export_dir,
            facts: Facts::default(),
            prepared: Prepared::default(),
            ranked: Vec::new(),
            shown: Shown::default(),
            screen: Screen::Scorecard,
            options: ScorecardOptions::default(),
            card: Scorecard {
                rows: Vec::new(),
                channels: Vec::new(),
                profit_known: false,
                from: None,
                to: None,
                sort: Default::default(),
            },
            selected: [0; Screen::ALL.len()],
            detail: false,
            searching: false,
            search: Input::default(),
            modal: None,
            status: None,
            quit: false,
            effects: Vec::new(),
            size: (80, 24),
            seen_version: 0,
            import_shop: None,
            lift: None,
            compare: None,
            lift_shop: None,
            show_channels: false,
            col_scroll: 0,
            last_deleted: None,
            last_declined: None,
            import_rates: Vec::new(),
            import_rerun: None,
            code_from_preview: None,
            leak_flags: Default::default(),
            leak_check: Default::default(),
            entries_epoch: 0,
            chart: DetailChart::Figures,
            campaign_cache: Default::default(),
            series_cache: Default::default(),
            cohort_groups: Default::default(),
            cohort_cache: Default::default(),
            bars: false,
            trend: Default::default(),
        };
        app.reload()?;
        Ok(app)
    }

    /// A campaign's progress today (computed once per campaign until the data changes).
    pub fn campaign_progress(
        &self,
        campaign: &crate::store::CampaignRow,
    ) -> crate::metrics::CampaignProgress {
        let mut cache = self.campaign_cache.borrow_mut();
        match cache.as_ref() {
            Some((id, progress)) if *id == campaign.id => progress.clone(),
            _ => {
                let progress =
                    crate::metrics::campaign_progress(&self.facts, &campaign.plan(), self.today);
                *cache = Some((campaign.id, progress.clone()));
                progress
            }
        }
    }

    /// Her engagement flags on posts inside the period shown.
    pub fn flags_in_period(&self, influencer_id: i64) -> Vec<&crate::metrics::Flag> {
        let range = self.options.period.range(self.today);
        self.shown
            .flags
            .get(&influencer_id)
            .map_or(Vec::new(), |f| {
                f.iter()
                    .filter(|f| crate::metrics::Period::contains(range, f.posted_on))
                    .collect()
            })
    }

    /// Whether the database holds nothing yet (the scorecard shows the welcome view).
    pub fn is_empty(&self) -> bool {
        self.facts.influencers.is_empty() && self.facts.orders.is_empty()
    }

    /// The context that decides what keys mean now.
    pub fn context(&self) -> Context {
        match &self.modal {
            Some(Modal::Form(_)) => Context::Form,
            Some(Modal::ImportPath { .. }) => Context::ImportPath,
            Some(Modal::ImportPreview { .. }) => Context::ImportPreview,
            Some(Modal::Confirm { .. }) => Context::Confirm,
            Some(Modal::Help { .. } | Modal::Note { .. }) => Context::Help,
            None if self.searching => Context::Search,
            None if self.detail && self.screen == Screen::Scorecard => Context::Detail,
            None => Context::Screen(self.screen),
        }
    }

    /// Handles a key: an action from the keymap, or typing into the focused text field.
    pub fn handle_key(&mut self, key: KeyEvent) {
        // Another process may have written since the last key: show its changes.
        let stale = match self.modal {
            None => self.reload_if_changed_elsewhere().err(),
            Some(_) => None,
        };
        let context = self.context();
        match keymap::lookup(context, &key) {
            Some(action) => self.update(action),
            None => self.type_key(key),
        }
        if let Some(e) = stale {
            self.fail(e.to_string());
        }
    }

    /// Applies an action: the only place the state changes.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Help) {
            self.status = None;
        }
        let result = match &self.modal {
            Some(Modal::Form(_)) => self.update_form(action),
            Some(Modal::ImportPath { .. }) => self.update_import_path(action),
            Some(Modal::ImportPreview { .. }) => self.update_preview(action),
            Some(Modal::Confirm { .. }) => self.update_confirm(action),
            Some(Modal::Note { .. }) => {
                match action {
                    Action::Quit => self.quit = true,
                    _ => self.modal = None,
                }
                Ok(())
            }
            Some(Modal::Help { .. }) => {
                match action {
                    Action::Quit => self.quit = true,
                    Action::Down | Action::Up => {
                        if let Some(Modal::Help { scroll, .. }) = &mut self.modal {
                            *scroll = if action == Action::Down {
                                *scroll + 1
                            } else {
                                scroll.saturating_sub(1)
                            };
                        }
                    }
                    _ => self.modal = None,
                }
                Ok(())
            }
            None if self.searching => {
                match action {
                    Action::Quit => self.quit = true,
                    Action::Submit => self.searching = false,
                    Action::Back => {
                        self.searching = false;
                        self.search = Input::default();
                        self.options.search.clear();
                        self.refilter();
                    }
                    _ => {}
                }
                Ok(())
            }
            None => self.update_screen(action),
        };
        if let Err(e) = result {
            self.fail(e.to_string());
        }
    }

    /// Shows a message on the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
