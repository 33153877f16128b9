//! The app's state and the one place it changes: keys become actions through the keymap,
//! and `update` applies an action. Every write goes through the same library functions as
//! the CLI; after each one the facts are reloaded so the scorecard is live.

mod forms;
mod import_flow;

pub use import_flow::complete_path;

use super::action::{Action, Screen};
use super::form::{Form, FormKind};
use super::keymap::{self, Context};
use crate::domain::{Platform, fmt2};
use crate::import::{ImportSummary, Mapping};
use crate::metrics::{
    Facts, Period, Prepared, ScoreRow, Scorecard, ScorecardOptions, prepare, rank,
    scorecard_prepared, search,
};
use crate::store::{
    CampaignRow, CodeRow, CostRow, InfluencerRow, LinkRow, PostRow, Store, StoreError,
};
use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// Something the runner must do outside the state (it touches the terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard with OSC 52.
    Copy(String),
}

/// What a confirmation will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    UndoImport,
    DeleteCost(i64),
    DeleteCode(i64),
    DeletePost(i64),
    DeleteLink(i64),
    LoadDemo,
}

/// A dialog over the screen.
#[derive(Debug, Clone)]
pub enum Modal {
    Form(Form),
    ImportPath {
        input: Input,
        error: Option<String>,
        candidates: Vec<String>,
        /// The shop the file comes from (empty: the one remembered for its layout, or the
        /// format's name); the arrow keys move between the two fields.
        shop: Input,
        on_shop: bool,
    },
    ImportPreview {
        path: PathBuf,
        summary: Box<ImportSummary>,
        /// Some orders are invalid: a plain confirm would be refused.
        invalid: bool,
        /// The column mapping made in the import flow, saved when the import is confirmed.
        mapping: Option<Box<Mapping>>,
    },
    Confirm {
        question: String,
        pending: Pending,
    },
    Help {
        context: Context,
        scroll: usize,
    },
}

/// The message line under the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The lists behind the data-entry screens.
#[derive(Debug, Default)]
pub struct Lists {
    pub influencers: Vec<InfluencerRow>,
    pub costs: Vec<CostRow>,
    pub posts: Vec<PostRow>,
    pub codes: Vec<CodeRow>,
    /// Saved links, newest first: on the Codes screen they follow the codes.
    pub links: Vec<LinkRow>,
    pub campaigns: Vec<CampaignRow>,
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
    pub lists: Lists,
    pub screen: Screen,
    pub options: ScorecardOptions,
    pub card: Scorecard,
    /// Selected row of each screen.
    pub selected: [usize; 6],
    pub detail: bool,
    pub searching: bool,
    pub search: Input,
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub quit: bool,
    pub effects: Vec<Effect>,
    /// Terminal size, for paging.
    pub size: (u16, u16),
    /// The shop of the file being imported, as the import box gave it.
    pub import_shop: Option<String>,
    /// SQLite's `data_version` when the facts were last read: a different value means
    /// another process changed the database since.
    seen_version: i64,
}

impl App {
    pub fn new(
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
            lists: Lists::default(),
            screen: Screen::Scorecard,
            options: ScorecardOptions::default(),
            card: Scorecard {
                rows: Vec::new(),
                from: None,
                to: None,
                sort: Default::default(),
            },
            selected: [0; 6],
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
        };
        app.reload()?;
        Ok(app)
    }

    /// Reads everything again from the database and recomputes the scorecard.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.seen_version = self.store.data_version()?;
        self.facts = self.store.load_facts()?;
        self.prepared = prepare(&self.facts);
        self.refresh_entries()
    }

    /// Reads again only what the seller enters by hand, after she saved or deleted one: the
    /// orders (and what was prepared from them) stay, so a save is instant in a big shop.
    pub fn reload_entries(&mut self) -> Result<(), StoreError> {
        self.store.load_entries(&mut self.facts)?;
        self.refresh_entries()
    }

    /// The lists and the scorecard after the entries changed.
    fn refresh_entries(&mut self) -> Result<(), StoreError> {
        self.lists = Lists {
            influencers: self.store.influencers()?,
            costs: self.store.costs()?,
            posts: self.store.posts()?,
            codes: self.store.codes()?,
            links: self.store.links()?,
            campaigns: self.store.campaigns()?,
        };
        if let Some(c) = self.options.campaign
            && !self.facts.campaigns.iter().any(|k| k.id == c)
        {
            self.options.campaign = None;
        }
        self.recompute();
        for s in Screen::ALL {
            self.clamp(s);
        }
        let skipped = self.facts.skipped().count();
        let first = self.facts.skipped().next().cloned();
        if let Some(first) = first {
            let more = if skipped > 1 {
                format!(" (and {} more)", skipped - 1)
            } else {
                String::new()
            };
            self.fail(format!("{first}{more}"));
        }
        Ok(())
    }

    /// Recomputes the scorecard from the facts, keeping the same creator selected.
    pub fn recompute(&mut self) {
        let card = scorecard_prepared(&self.facts, &self.prepared, &self.options, self.today);
        self.ranked = card.rows;
        self.card.from = card.from;
        self.card.to = card.to;
        self.refilter();
    }

    /// Ranks the rows again for a new sort key: the figures do not change.
    fn resort(&mut self) {
        rank(&mut self.ranked, self.options.sort);
        self.card.sort = self.options.sort;
        self.refilter();
    }

    /// Applies the search to the ranked rows, keeping the same creator selected.
    fn refilter(&mut self) {
        let keep = self.selected_row().map(|r| r.influencer_id);
        self.card.rows = search(&self.ranked, &self.options.search);
        self.card.sort = self.options.sort;
        if let Some(id) = keep
            && let Some(i) = self.card.rows.iter().position(|r| r.influencer_id == id)
        {
            self.selected[0] = i;
        }
        self.clamp(Screen::Scorecard);
    }

    pub fn selected_row(&self) -> Option<&crate::metrics::ScoreRow> {
        self.card.rows.get(self.selected[0])
    }

    /// Whether the database holds nothing yet (the scorecard shows the welcome view).
    pub fn is_empty(&self) -> bool {
        self.facts.influencers.is_empty() && self.facts.orders.is_empty()
    }

    fn len(&self, screen: Screen) -> usize {
        match screen {
            Screen::Scorecard => self.card.rows.len(),
            Screen::Influencers => self.lists.influencers.len(),
            Screen::Costs => self.lists.costs.len(),
            Screen::Posts => self.lists.posts.len(),
            Screen::Codes => self.lists.codes.len() + self.lists.links.len(),
            Screen::Campaigns => self.lists.campaigns.len(),
        }
    }

    fn clamp(&mut self, screen: Screen) {
        let n = self.len(screen);
        let s = &mut self.selected[screen.index()];
        *s = (*s).min(n.saturating_sub(1));
    }

    /// The context that decides what keys mean now.
    pub fn context(&self) -> Context {
        match &self.modal {
            Some(Modal::Form(_)) => Context::Form,
            Some(Modal::ImportPath { .. }) => Context::ImportPath,
            Some(Modal::ImportPreview { .. }) => Context::ImportPreview,
            Some(Modal::Confirm { .. }) => Context::Confirm,
            Some(Modal::Help { .. }) => Context::Help,
            None if self.searching => Context::Search,
            None if self.detail && self.screen == Screen::Scorecard => Context::Detail,
            None => Context::Screen(self.screen),
        }
    }

    /// Rows a page holds, from the terminal height.
    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(8)).max(1)
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

    fn type_key(&mut self, key: KeyEvent) {
        let event = Event::Key(key);
        match &mut self.modal {
            Some(Modal::Form(form)) => {
                let field = form.focused();
                if field.is_choice() {
                    match key.code {
                        KeyCode::Char(' ') => field.cycle(true),
                        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                            field.jump(c)
                        }
                        _ => {}
                    }
                } else {
                    field.input.handle_event(&event);
                    field.error = None;
                }
            }
            Some(Modal::ImportPath {
                input,
                error,
                shop,
                on_shop,
                ..
            }) => {
                if *on_shop {
                    shop.handle_event(&event);
                } else {
                    input.handle_event(&event);
                }
                *error = None;
            }
            None if self.searching => {
                self.search.handle_event(&event);
                self.options.search = self.search.value().to_string();
                self.selected[0] = 0;
                self.refilter();
            }
            _ => {}
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

    fn say(&mut self, text: impl Into<String>) {
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

    fn update_screen(&mut self, action: Action) -> anyhow::Result<()> {
        let screen = self.screen;
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.modal = Some(Modal::Help {
                    context: self.context(),
                    scroll: 0,
                })
            }
            Action::Back => {
                if self.detail {
                    self.detail = false;
                } else if !self.options.search.is_empty() {
                    self.search = Input::default();
                    self.options.search.clear();
                    self.refilter();
                }
            }
            Action::NextScreen => self.go((screen.index() + 1) % Screen::ALL.len()),
            Action::PrevScreen => {
                self.go((screen.index() + Screen::ALL.len() - 1) % Screen::ALL.len())
            }
            Action::GoTo(s) => self.go(s.index()),
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => self.navigate(action),
            Action::CycleSort => {
                self.options.sort = self.options.sort.next();
                self.resort();
                self.say(format!("sorted by {}", self.options.sort));
            }
            Action::CyclePeriod | Action::CyclePlatform | Action::CycleCampaign => {
                self.cycle_filter(action)
            }
            Action::CustomPeriod => self.open_form(FormKind::Period),
            Action::Search => {
                self.searching = true;
                self.search = Input::new(self.options.search.clone());
            }
            Action::ToggleDetail => {
                if self.card.rows.is_empty() {
                    self.fail("no creator selected");
                } else {
                    self.detail = !self.detail;
                }
            }
            Action::Export => self.export()?,
            Action::Import => {
                self.modal = Some(Modal::ImportPath {
                    input: Input::default(),
                    error: None,
                    candidates: Vec::new(),
                    shop: Input::default(),
                    on_shop: false,
                })
            }
            Action::UndoImport => self.ask_undo_import()?,
            Action::LoadDemo => self.ask_load_demo()?,
            Action::Refresh => {
                self.reload()?;
                self.say("reloaded from the database");
            }
            Action::Add => self.open_add_form(),
            Action::Edit => self.open_edit_form(),
            Action::Delete => self.delete_selected()?,
            Action::AddCode => self.open_form(FormKind::Code),
            Action::AddCost => self.open_form(FormKind::Cost { id: None }),
            Action::AddPost => self.open_form(FormKind::Post { id: None }),
            Action::AddLink => self.open_form(FormKind::Link),
            _ => {}
        }
        Ok(())
    }

    /// Moves the selection of the current screen.
    fn navigate(&mut self, action: Action) {
        let n = self.len(self.screen);
        let page = self.page();
        let sel = &mut self.selected[self.screen.index()];
        *sel = match action {
            Action::Down => (*sel + 1).min(n.saturating_sub(1)),
            Action::Up => sel.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => n.saturating_sub(1),
            Action::PageDown => (*sel + page).min(n.saturating_sub(1)),
            Action::PageUp => sel.saturating_sub(page),
            _ => *sel,
        };
    }

    /// Steps the period, platform or campaign filter to its next value.
    fn cycle_filter(&mut self, action: Action) {
        match action {
            Action::CyclePeriod => {
                self.options.period = match self.options.period {
                    Period::AllTime => Period::ThisWeek,
                    Period::ThisWeek => Period::ThisMonth,
                    Period::ThisMonth => Period::ThisQuarter,
                    Period::ThisQuarter | Period::Custom { .. } => Period::AllTime,
                };
                self.recompute();
                self.say(format!("period: {}", self.period_label()));
            }
            Action::CyclePlatform => {
                let all: Vec<Option<Platform>> = std::iter::once(None)
                    .chain(Platform::ALL.into_iter().map(Some))
                    .collect();
                let i = all
                    .iter()
                    .position(|p| *p == self.options.platform)
                    .unwrap_or(0);
                self.options.platform = all[(i + 1) % all.len()];
                self.recompute();
                self.say(format!(
                    "platform: {}",
                    self.options
                        .platform
                        .map_or("all".into(), |p| p.to_string())
                ));
            }
            Action::CycleCampaign => {
                if self.facts.campaigns.is_empty() {
                    self.fail("no campaigns yet: create one on screen 6");
                    return;
                }
                let all: Vec<Option<i64>> = std::iter::once(None)
                    .chain(self.facts.campaigns.iter().map(|c| Some(c.id)))
                    .collect();
                let i = all
                    .iter()
                    .position(|c| *c == self.options.campaign)
                    .unwrap_or(0);
                self.options.campaign = all[(i + 1) % all.len()];
                self.recompute();
                self.say(format!("campaign: {}", self.campaign_label()));
            }
            _ => {}
        }
    }

    /// Asks before undoing the last import.
    fn ask_undo_import(&mut self) -> anyhow::Result<()> {
        let Some(last) = self.store.batches()?.into_iter().next() else {
            self.fail("there is no import to undo");
            return Ok(());
        };
        self.modal = Some(Modal::Confirm {
            question: format!(
                "Undo the import of {} ({} new, {} changed orders)?",
                last.file_name, last.new_count, last.changed_count
            ),
            pending: Pending::UndoImport,
        });
        Ok(())
    }

    /// Asks before loading the demo shop (into an empty database only).
    fn ask_load_demo(&mut self) -> anyhow::Result<()> {
        if !self.store.is_empty()? {
            self.fail("the demo loads only into an empty database (try `shoutout --demo`)");
        } else {
            self.modal = Some(Modal::Confirm {
                question: "Load the demo shop (6 creators, 8 months of orders) into this database?"
                    .into(),
                pending: Pending::LoadDemo,
            });
        }
        Ok(())
    }

    fn go(&mut self, index: usize) {
        self.screen = Screen::ALL[index];
        self.detail = false;
    }

    pub fn period_label(&self) -> String {
        match self.options.period {
            Period::Custom { .. } => {
                let (from, to) = self.options.period.range(self.today);
                format!(
                    "{} – {}",
                    from.map_or("…".into(), |d| d.to_string()),
                    to.map_or("…".into(), |d| d.to_string())
                )
            }
            p => p.label(),
        }
    }

    pub fn campaign_label(&self) -> String {
        self.options
            .campaign
            .and_then(|id| self.facts.campaigns.iter().find(|c| c.id == id))
            .map_or("all".into(), |c| c.name.clone())
    }

    /// The influencer the current screen points at, to pre-select in forms.
    pub(crate) fn current_handle(&self) -> Option<String> {
        let s = self.selected[self.screen.index()];
        match self.screen {
            Screen::Scorecard => self.card.rows.get(s).map(|r| r.handle.clone()),
            Screen::Influencers => self.lists.influencers.get(s).map(|r| r.handle.clone()),
            Screen::Costs => self.lists.costs.get(s).map(|r| r.handle.clone()),
            Screen::Posts => self.lists.posts.get(s).map(|r| r.handle.clone()),
            Screen::Codes => self.lists.codes.get(s).map(|r| r.handle.clone()),
            Screen::Campaigns => None,
        }
    }

    /// Reads the database again if another process (the CLI, a second app) changed it since
    /// the facts were read. Returns whether it did.
    pub fn reload_if_changed_elsewhere(&mut self) -> Result<bool, StoreError> {
        if self.store.data_version()? == self.seen_version {
            return Ok(false);
        }
        self.reload()?;
        Ok(true)
    }

    fn export(&mut self) -> anyhow::Result<()> {
        // Never export figures older than the database: another process may have written.
        self.reload_if_changed_elsewhere()?;
        // A new name every time: an earlier export (or anything else) is never replaced.
        let path = crate::export::unused_name(
            &self.export_dir,
            &format!("shoutout-scorecard-{}", self.today),
            "csv",
        );
        let card = &self.card;
        let target = crate::export::ExportTarget {
            database: self.store.path().map(std::path::Path::to_path_buf),
            force: false,
        };
        let written = crate::export::write_export(&path, &target, |w| {
            crate::export::write_csv(card, w).map_err(std::io::Error::other)
        })?;
        self.say(format!(
            "wrote {} rows to {}",
            self.card.rows.len(),
            written.display()
        ));
        Ok(())
    }

    fn delete_selected(&mut self) -> anyhow::Result<()> {
        let s = self.selected[self.screen.index()];
        match self.screen {
            Screen::Influencers => {
                let Some(row) = self.lists.influencers.get(s).cloned() else {
                    return Ok(());
                };
                if row.archived {
                    self.store.set_archived(row.id, false)?;
                    self.reload_entries()?;
                    self.say(format!("restored @{}", row.handle));
                } else if self.store.delete_or_archive_influencer(row.id)? {
                    self.reload_entries()?;
                    self.say(format!("deleted @{}", row.handle));
                } else {
                    self.reload_entries()?;
                    self.say(format!(
                        "archived @{} (they have history; d again restores)",
                        row.handle
                    ));
                }
            }
            Screen::Costs => {
                if let Some(c) = self.lists.costs.get(s) {
                    self.modal = Some(Modal::Confirm {
                        question: format!(
                            "Delete the {} of {} for @{} on {}?",
                            c.kind,
                            fmt2(c.amount),
                            c.handle,
                            c.date
                        ),
                        pending: Pending::DeleteCost(c.id),
                    });
                }
            }
            Screen::Codes => {
                let codes = self.lists.codes.len();
                if let Some(c) = self.lists.codes.get(s) {
                    self.modal = Some(Modal::Confirm {
                        question: format!(
                            "Delete code {} of @{}? Its orders stop counting for her.",
                            c.code, c.handle
                        ),
                        pending: Pending::DeleteCode(c.id),
                    });
                } else if let Some(l) = self.lists.links.get(s - codes) {
                    self.modal = Some(Modal::Confirm {
                        question: format!("Delete the link of @{}? {}", l.handle, l.url),
                        pending: Pending::DeleteLink(l.id),
                    });
                }
            }
            Screen::Posts => {
                if let Some(p) = self.lists.posts.get(s) {
                    self.modal = Some(Modal::Confirm {
                        question: format!(
                            "Delete the {} post of @{} on {}? Its engagement stops counting.",
                            p.post.platform, p.handle, p.post.posted_on
                        ),
                        pending: Pending::DeletePost(p.id),
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn update_confirm(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::Confirm { pending, .. }) = self.modal.clone() else {
            return Ok(());
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.modal = None,
            Action::Confirm => {
                self.modal = None;
                match pending {
                    Pending::UndoImport => {
                        self.store
                            .auto_backup(&format!("before-undo-{}", self.now))?;
                        let b = self.store.undo_last_import()?;
                        self.reload()?;
                        self.say(format!(
                            "undid the import of {}: removed {} orders, restored {}",
                            b.file_name, b.new_count, b.changed_count
                        ));
                    }
                    Pending::DeleteCost(id) => {
                        self.store.delete_cost(id)?;
                        self.reload_entries()?;
                        self.say("cost deleted");
                    }
                    Pending::DeleteCode(id) => {
                        self.store.delete_code(id)?;
                        self.reload_entries()?;
                        self.say("code deleted");
                    }
                    Pending::DeletePost(id) => {
                        self.store.delete_post(id)?;
                        self.reload_entries()?;
                        self.say("post deleted");
                    }
                    Pending::DeleteLink(id) => {
                        self.store.delete_link(id)?;
                        self.reload_entries()?;
                        self.say("link deleted");
                    }
                    Pending::LoadDemo => {
                        let s = crate::demo::load(&mut self.store, &self.now)?;
                        self.reload()?;
                        self.say(format!("demo shop loaded: {} orders", s.counts.new));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    // ----- import -----

    // ----- forms -----
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
