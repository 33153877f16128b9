//! The app's state and the one place it changes: keys become actions through the keymap,
//! and `update` applies an action. Every write goes through the same library functions as
//! the CLI; after each one the facts are reloaded so the scorecard is live.

use super::action::{Action, Screen};
use super::form::{Field, Form, FormKind};
use super::keymap::{self, Context};
use crate::domain::{
    CostKind, NewCampaign, NewCost, NewInfluencer, NewPost, Platform, ValueError, fmt2,
    parse_amount, parse_count, parse_date,
};
use crate::import::{ImportError, ImportOptions, ImportSummary, Mapping, import_file};
use crate::metrics::{
    Facts, Period, Prepared, ScoreRow, Scorecard, ScorecardOptions, prepare, rank,
    scorecard_prepared, search,
};
use crate::store::{CampaignRow, CodeRow, CostRow, InfluencerRow, PostRow, Store, StoreError};
use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
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
    pub links: Vec<(String, String)>,
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
}

type FieldError = (&'static str, String);

fn field_err((field, e): (&'static str, ValueError)) -> FieldError {
    (field, e.to_string())
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
        };
        app.reload()?;
        Ok(app)
    }

    /// Reads everything again from the database and recomputes the scorecard.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.facts = self.store.load_facts()?;
        self.prepared = prepare(&self.facts);
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
            Screen::Codes => self.lists.codes.len(),
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
        let context = self.context();
        if let Some(action) = keymap::lookup(context, &key) {
            self.update(action);
            return;
        }
        self.type_key(key);
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
            Some(Modal::ImportPath { input, error, .. }) => {
                input.handle_event(&event);
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
        let n = self.len(screen);
        let page = self.page();
        let sel = &mut self.selected[screen.index()];
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
            Action::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
            Action::Up => *sel = sel.saturating_sub(1),
            Action::Top => *sel = 0,
            Action::Bottom => *sel = n.saturating_sub(1),
            Action::PageDown => *sel = (*sel + page).min(n.saturating_sub(1)),
            Action::PageUp => *sel = sel.saturating_sub(page),
            Action::CycleSort => {
                self.options.sort = self.options.sort.next();
                self.resort();
                self.say(format!("sorted by {}", self.options.sort));
            }
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
            Action::CustomPeriod => self.open_period_form(),
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
                    return Ok(());
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
                })
            }
            Action::UndoImport => {
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
            }
            Action::LoadDemo => {
                if !self.store.is_empty()? {
                    self.fail("the demo loads only into an empty database (try `shoutout --demo`)");
                } else {
                    self.modal = Some(Modal::Confirm {
                        question: "Load the demo shop (6 creators, 8 months of orders) into this database?".into(),
                        pending: Pending::LoadDemo,
                    });
                }
            }
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
    fn current_handle(&self) -> Option<String> {
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

    fn export(&mut self) -> anyhow::Result<()> {
        let path = self
            .export_dir
            .join(format!("shoutout-scorecard-{}.csv", self.today));
        let card = &self.card;
        let written = crate::export::write_atomically(&path, |w| {
            crate::export::write_csv(card, w).map_err(std::io::Error::other)
        })
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
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
                    self.reload()?;
                    self.say(format!("restored @{}", row.handle));
                } else if self.store.delete_or_archive_influencer(row.id)? {
                    self.reload()?;
                    self.say(format!("deleted @{}", row.handle));
                } else {
                    self.reload()?;
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
                if let Some(c) = self.lists.codes.get(s) {
                    self.modal = Some(Modal::Confirm {
                        question: format!(
                            "Delete code {} of @{}? Its orders stop counting for her.",
                            c.code, c.handle
                        ),
                        pending: Pending::DeleteCode(c.id),
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
                        self.reload()?;
                        self.say("cost deleted");
                    }
                    Pending::DeleteCode(id) => {
                        self.store.delete_code(id)?;
                        self.reload()?;
                        self.say("code deleted");
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

    fn update_import_path(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::ImportPath { input, .. }) = &self.modal else {
            return Ok(());
        };
        let typed = input.value().to_string();
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.modal = None,
            Action::Complete => {
                let (completed, candidates) = complete_path(&typed);
                if let Some(Modal::ImportPath {
                    input,
                    candidates: c,
                    error,
                }) = &mut self.modal
                {
                    *input = Input::new(completed);
                    *error = (candidates.is_empty() && !typed.is_empty())
                        .then(|| "no file matches".to_string());
                    *c = candidates;
                }
            }
            Action::Submit => {
                let path = expand_home(&typed);
                match self.preview(&path, None) {
                    Err(ImportError::UnknownFormat { header, .. }) => {
                        self.open_mapping_form(path, &header);
                    }
                    Err(e) => {
                        if let Some(Modal::ImportPath { error, .. }) = &mut self.modal {
                            *error = Some(e.to_string());
                        }
                    }
                    Ok(()) => {}
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Runs a dry run and opens its preview; errors other than invalid orders are returned.
    fn preview(&mut self, path: &Path, mapping: Option<Mapping>) -> Result<(), ImportError> {
        let (summary, invalid) = match self.run_import(path, true, false, mapping.clone()) {
            Ok(summary) => (Box::new(summary), false),
            Err(ImportError::Invalid(summary)) => (summary, true),
            Err(e) => return Err(e),
        };
        self.modal = Some(Modal::ImportPreview {
            path: path.to_path_buf(),
            summary,
            invalid,
            mapping: mapping.map(Box::new),
        });
        Ok(())
    }

    fn run_import(
        &mut self,
        path: &Path,
        dry_run: bool,
        skip_invalid: bool,
        mapping: Option<Mapping>,
    ) -> Result<ImportSummary, ImportError> {
        let options = ImportOptions {
            dry_run,
            skip_invalid,
            mapping,
            ..ImportOptions::new(self.now.clone())
        };
        import_file(&mut self.store, path, &options)
    }

    /// The mapping step: one choice per role, among the file's own columns, pre-selected by
    /// their names where they say what they hold.
    fn open_mapping_form(&mut self, path: PathBuf, header: &[String]) {
        let none = "(none)".to_string();
        let columns: Vec<String> = header.iter().filter(|h| !h.is_empty()).cloned().collect();
        let optional: Vec<String> = std::iter::once(none.clone())
            .chain(columns.clone())
            .collect();
        let guess = |words: &[&str], list: &[String]| -> String {
            list.iter()
                .find(|h| {
                    let h = h.to_lowercase();
                    words.iter().any(|w| h.contains(w))
                })
                .cloned()
                .unwrap_or_else(|| list.first().cloned().unwrap_or_default())
        };
        let opt_guess = |words: &[&str]| -> String {
            let found = guess(words, &columns);
            if words.iter().any(|w| found.to_lowercase().contains(w)) {
                found
            } else {
                none.clone()
            }
        };
        let currency = self
            .store
            .setting("currency")
            .ok()
            .flatten()
            .unwrap_or_else(|| "USD".into());
        let name = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let fields = vec![
            Field::text("name", "Layout name", &name, "shown in previews"),
            Field::choice(
                "order_id",
                "Order id",
                columns.clone(),
                &guess(&["order", "receipt", "number", "id"], &columns),
            ),
            Field::choice(
                "date",
                "Date",
                columns.clone(),
                &guess(&["date", "when", "time", "created"], &columns),
            ),
            Field::text(
                "date_format",
                "Date format",
                "%Y-%m-%d",
                "e.g. %d/%m/%Y or %Y-%m-%d %H:%M:%S",
            ),
            Field::choice(
                "amount",
                "Amount",
                columns.clone(),
                &guess(&["net", "total", "amount", "sales", "subtotal"], &columns),
            ),
            Field::choice(
                "customer",
                "Customer",
                optional.clone(),
                &opt_guess(&["email", "customer", "client", "buyer"]),
            ),
            Field::choice(
                "codes",
                "Codes",
                optional.clone(),
                &opt_guess(&["code", "coupon", "promo", "discount"]),
            ),
            Field::text(
                "codes_separator",
                "Code separator",
                ",",
                "between several codes in a cell",
            ),
            Field::choice(
                "status",
                "Status",
                optional.clone(),
                &opt_guess(&["status", "state"]),
            ),
            Field::text(
                "cancelled",
                "Cancelled when",
                "cancelled, canceled, voided, void, failed",
                "status values that do not count",
            ),
            Field::choice(
                "refunded",
                "Refunded",
                optional.clone(),
                &opt_guess(&["refund"]),
            ),
            Field::text(
                "currency",
                "Currency",
                &currency,
                "of every order in the file",
            ),
            Field::choice(
                "utm_source",
                "UTM source",
                optional.clone(),
                &opt_guess(&["utm_source", "source"]),
            ),
            Field::choice(
                "utm_campaign",
                "UTM campaign",
                optional,
                &opt_guess(&["utm_campaign"]),
            ),
        ];
        let mut form = Form::new(
            FormKind::Mapping { path },
            "Map the columns of this file (saved for files with the same header)",
            fields,
        );
        form.error = Some("this layout is new to shoutout: say which column holds what".into());
        self.modal = Some(Modal::Form(form));
    }

    /// Builds the mapping the form describes.
    fn mapping_from(form: &Form) -> Result<Mapping, FieldError> {
        let opt = |key: &str| match form.value(key) {
            "" | "(none)" => None,
            v => Some(v.to_string()),
        };
        let date_format = form.value("date_format").to_string();
        if !date_format.contains('%') {
            return Err((
                "date_format",
                ValueError::new(&date_format, "a date format like %d/%m/%Y").to_string(),
            ));
        }
        let currency = form.value("currency").to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err((
                "currency",
                ValueError::new(&currency, "a currency code like USD").to_string(),
            ));
        }
        Ok(Mapping {
            name: form.value("name").to_string(),
            order_id: form.value("order_id").to_string(),
            date: form.value("date").to_string(),
            date_format,
            amount: form.value("amount").to_string(),
            customer: opt("customer"),
            codes: opt("codes"),
            codes_separator: match form.value("codes_separator") {
                "" => ",".into(),
                s => s.to_string(),
            },
            status: opt("status"),
            cancelled_statuses: form
                .value("cancelled")
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            refunded: opt("refunded"),
            currency_column: None,
            currency: Some(currency),
            utm_source: opt("utm_source"),
            utm_campaign: opt("utm_campaign"),
            decimal_comma: None,
        })
    }

    fn update_preview(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::ImportPreview {
            path,
            invalid,
            mapping,
            ..
        }) = self.modal.clone()
        else {
            return Ok(());
        };
        let skip = match action {
            Action::Quit => {
                self.quit = true;
                return Ok(());
            }
            Action::Back => {
                self.modal = None;
                self.say("import cancelled: nothing was written");
                return Ok(());
            }
            Action::Confirm if invalid => {
                self.fail("some orders are invalid: press s to import the others, or n to cancel");
                return Ok(());
            }
            Action::Confirm => false,
            Action::ConfirmSkipInvalid => true,
            _ => return Ok(()),
        };
        self.modal = None;
        self.store
            .auto_backup(&format!("before-import-{}", self.now))?;
        let summary = self.run_import(&path, false, skip, mapping.map(|m| *m))?;
        self.reload()?;
        self.screen = Screen::Scorecard;
        let c = &summary.counts;
        self.say(format!(
            "imported {}: {} new, {} changed, {} unchanged, {} invalid skipped",
            path.display(),
            c.new,
            c.changed,
            c.unchanged,
            c.invalid
        ));
        Ok(())
    }

    // ----- forms -----

    fn open_add_form(&mut self) {
        let kind = match self.screen {
            Screen::Influencers => FormKind::Influencer { id: None },
            Screen::Costs => FormKind::Cost { id: None },
            Screen::Posts => FormKind::Post { id: None },
            Screen::Codes => FormKind::Code,
            Screen::Campaigns => FormKind::Campaign,
            Screen::Scorecard => return,
        };
        self.open_form(kind);
    }

    fn open_edit_form(&mut self) {
        let s = self.selected[self.screen.index()];
        match self.screen {
            Screen::Influencers => {
                if let Some(id) = self.lists.influencers.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Influencer { id: Some(id) });
                }
            }
            Screen::Posts => {
                if let Some(id) = self.lists.posts.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Post { id: Some(id) });
                }
            }
            Screen::Costs => {
                if let Some(id) = self.lists.costs.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Cost { id: Some(id) });
                }
            }
            _ => {}
        }
    }

    fn handles(&self) -> Vec<String> {
        self.lists
            .influencers
            .iter()
            .filter(|i| !i.archived)
            .map(|i| format!("@{}", i.handle))
            .collect()
    }

    fn campaign_choices(&self) -> Vec<String> {
        std::iter::once("(none)".to_string())
            .chain(self.lists.campaigns.iter().map(|c| c.name.clone()))
            .collect()
    }

    /// Opens a form, pre-filled for an edit or with today's date and the selected creator.
    pub fn open_form(&mut self, kind: FormKind) {
        let handles = self.handles();
        let needs_influencer = !matches!(
            kind,
            FormKind::Influencer { .. } | FormKind::Campaign | FormKind::Period
        );
        if needs_influencer && handles.is_empty() {
            self.fail("add an influencer first (screen 2, then a)");
            return;
        }
        let who = self
            .current_handle()
            .map(|h| format!("@{h}"))
            .unwrap_or_default();
        let today = self.today.to_string();
        let campaigns = self.campaign_choices();
        let platforms: Vec<String> = Platform::ALL.iter().map(|p| p.to_string()).collect();
        let form = match kind {
            FormKind::Influencer { id } => {
                let row = id.and_then(|id| self.lists.influencers.iter().find(|r| r.id == id));
                let v = |f: fn(&InfluencerRow) -> String| row.map(f).unwrap_or_default();
                Form::new(
                    kind.clone(),
                    if row.is_some() {
                        "Edit influencer"
                    } else {
                        "Add influencer"
                    },
                    vec![
                        Field::text(
                            "handle",
                            "Handle",
                            &v(|r| r.handle.clone()),
                            "e.g. @clayandkiln",
                        ),
                        Field::text("name", "Name", &v(|r| r.name.clone()), "optional"),
                        Field::choice(
                            "platform",
                            "Platform",
                            platforms,
                            &v(|r| r.platform.to_string()),
                        ),
                        Field::text(
                            "followers",
                            "Followers",
                            &v(|r| r.followers.to_string()),
                            "whole number",
                        ),
                        Field::text(
                            "commission",
                            "Commission %",
                            &v(|r| r.commission_pct.normalize().to_string()),
                            "of attributed revenue; blank = 0",
                        ),
                        Field::text("notes", "Notes", &v(|r| r.notes.clone()), "optional"),
                    ],
                )
            }
            FormKind::Cost { id } => {
                let row = id.and_then(|id| self.lists.costs.iter().find(|r| r.id == id));
                Form::new(
                    kind.clone(),
                    if row.is_some() {
                        "Edit a cost"
                    } else {
                        "Record a cost"
                    },
                    vec![
                        Field::choice(
                            "influencer",
                            "Influencer",
                            handles,
                            &row.map_or(who.clone(), |r| format!("@{}", r.handle)),
                        ),
                        Field::choice(
                            "kind",
                            "Kind",
                            CostKind::ALL.iter().map(|k| k.to_string()).collect(),
                            &row.map_or("fee".into(), |r| r.kind.to_string()),
                        ),
                        Field::text(
                            "amount",
                            "Amount",
                            &row.map_or(String::new(), |r| fmt2(r.amount)),
                            "like 250.00",
                        ),
                        Field::text(
                            "date",
                            "Date",
                            &row.map_or(today.clone(), |r| r.date.to_string()),
                            "YYYY-MM-DD",
                        ),
                        Field::text(
                            "note",
                            "Note",
                            &row.map_or(String::new(), |r| r.note.clone()),
                            "optional",
                        ),
                        Field::choice(
                            "campaign",
                            "Campaign",
                            campaigns,
                            &row.and_then(|r| r.campaign.clone()).unwrap_or_default(),
                        ),
                    ],
                )
            }
            FormKind::Post { id } => {
                let row = id.and_then(|id| self.lists.posts.iter().find(|r| r.id == id));
                let n = |f: fn(&NewPost) -> Option<u64>| {
                    row.and_then(|r| f(&r.post))
                        .map_or(String::new(), |v| v.to_string())
                };
                let owner = row.map_or(who.clone(), |r| format!("@{}", r.handle));
                let mut fields = vec![
                    Field::choice("influencer", "Influencer", handles, &owner),
                    Field::text(
                        "date",
                        "Date",
                        &row.map_or(today.clone(), |r| r.post.posted_on.to_string()),
                        "YYYY-MM-DD",
                    ),
                    Field::choice(
                        "platform",
                        "Platform",
                        std::iter::once("(influencer's)".to_string())
                            .chain(platforms)
                            .collect(),
                        &row.map_or("(influencer's)".into(), |r| r.post.platform.to_string()),
                    ),
                    Field::text(
                        "followers",
                        "Followers",
                        &n(|p| Some(p.followers)),
                        "at post time; blank = the influencer's count",
                    ),
                ];
                for (key, label, get) in [
                    (
                        "likes",
                        "Likes",
                        (|p: &NewPost| p.likes) as fn(&NewPost) -> Option<u64>,
                    ),
                    ("comments", "Comments", |p| p.comments),
                    ("shares", "Shares", |p| p.shares),
                    ("saves", "Saves", |p| p.saves),
                    ("views", "Views", |p| p.views),
                    ("reach", "Reach", |p| p.reach),
                    ("impressions", "Impressions", |p| p.impressions),
                    ("clicks", "Clicks", |p| p.clicks),
                ] {
                    fields.push(Field::text(key, label, &n(get), ""));
                }
                fields.push(Field::text(
                    "url",
                    "URL",
                    &row.map_or(String::new(), |r| r.post.url.clone()),
                    "optional",
                ));
                fields.push(Field::choice(
                    "campaign",
                    "Campaign",
                    campaigns,
                    &row.and_then(|r| r.campaign.clone()).unwrap_or_default(),
                ));
                Form::new(
                    kind.clone(),
                    if row.is_some() {
                        "Update post"
                    } else {
                        "Log a post"
                    },
                    fields,
                )
            }
            FormKind::Code => Form::new(
                kind.clone(),
                "Add a promo code",
                vec![
                    Field::text(
                        "code",
                        "Code",
                        "",
                        "e.g. MAYA15; matched in any letter case",
                    ),
                    Field::choice("influencer", "Influencer", handles, &who),
                    Field::choice("campaign", "Campaign", campaigns, "(none)"),
                ],
            ),
            FormKind::Link => Form::new(
                kind.clone(),
                "UTM link builder",
                vec![
                    Field::choice("influencer", "Influencer (source)", handles, &who),
                    Field::text("url", "Base URL", "", "e.g. https://shop.example/mugs"),
                    Field::text("medium", "Medium", "", "blank = the influencer's platform"),
                    Field::choice("campaign", "Campaign", campaigns, "(none)"),
                    Field::text("content", "Content", "", "e.g. story_jan15"),
                ],
            ),
            FormKind::Campaign => Form::new(
                kind.clone(),
                "Create a campaign",
                vec![
                    Field::text("name", "Name", "", "e.g. Spring launch"),
                    Field::choice(
                        "goal",
                        "Goal",
                        vec!["sales".into(), "awareness".into()],
                        "sales",
                    ),
                    Field::text("start", "Start", "", "YYYY-MM-DD, optional"),
                    Field::text("end", "End", "", "YYYY-MM-DD, optional"),
                    Field::text("budget", "Budget", "", "optional, like 1500.00"),
                ],
            ),
            // Built from the file's header by `open_mapping_form`.
            FormKind::Mapping { .. } => return,
            FormKind::Period => {
                let (from, to) = self.options.period.range(self.today);
                Form::new(
                    kind.clone(),
                    "Custom period",
                    vec![
                        Field::text(
                            "from",
                            "From",
                            &from.map_or(String::new(), |d| d.to_string()),
                            "YYYY-MM-DD; blank = open",
                        ),
                        Field::text(
                            "to",
                            "To",
                            &to.map_or(String::new(), |d| d.to_string()),
                            "YYYY-MM-DD; blank = open",
                        ),
                    ],
                )
            }
        };
        self.modal = Some(Modal::Form(form));
    }

    fn open_period_form(&mut self) {
        self.open_form(FormKind::Period);
    }

    fn update_form(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::Form(form)) = &mut self.modal else {
            return Ok(());
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Back => {
                self.modal = None;
                self.say("cancelled: nothing saved");
            }
            Action::ChoiceLeft | Action::ChoiceRight => {
                let field = form.focused();
                if field.is_choice() {
                    field.cycle(action == Action::ChoiceRight);
                } else {
                    let code = if action == Action::ChoiceRight {
                        KeyCode::Right
                    } else {
                        KeyCode::Left
                    };
                    field
                        .input
                        .handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
                }
            }
            Action::NextField => form.next_field(true),
            Action::PrevField => form.next_field(false),
            Action::Copy if form.kind == FormKind::Link => {
                let form = form.clone();
                let link = self.built_link(&form);
                self.effects.push(Effect::Copy(link));
                self.say("link copied (if your terminal allows clipboard access)");
            }
            Action::Submit if matches!(form.kind, FormKind::Mapping { .. }) => {
                let mut form = form.clone();
                form.clear_errors();
                let FormKind::Mapping { path } = form.kind.clone() else {
                    unreachable!("matched above")
                };
                let outcome = Self::mapping_from(&form).and_then(|m| {
                    self.preview(&path, Some(m))
                        .map_err(|e| ("", e.to_string()))
                });
                if let Err((field, message)) = outcome {
                    form.set_error(field, message);
                    self.modal = Some(Modal::Form(form));
                }
            }
            Action::Submit => {
                let mut form = form.clone();
                form.clear_errors();
                match self.save(&form) {
                    Ok(message) => {
                        self.modal = None;
                        self.reload()?;
                        if let FormKind::Influencer { .. } = form.kind {
                            self.select_influencer(form.value("handle"));
                        }
                        self.say(message);
                    }
                    Err((field, message)) => {
                        form.set_error(field, message);
                        self.modal = Some(Modal::Form(form));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Selects an influencer on the influencer list (after adding or renaming one).
    fn select_influencer(&mut self, handle: &str) {
        let wanted = handle.trim().trim_start_matches('@').to_lowercase();
        if let Some(i) = self
            .lists
            .influencers
            .iter()
            .position(|r| r.handle.to_lowercase() == wanted)
        {
            self.selected[Screen::Influencers.index()] = i;
        }
    }

    /// The link the builder shows for the current fields.
    pub fn built_link(&self, form: &Form) -> String {
        let handle = form.value("influencer").trim_start_matches('@');
        let medium = match form.value("medium") {
            "" => self
                .lists
                .influencers
                .iter()
                .find(|i| i.handle == handle)
                .map_or(String::new(), |i| i.platform.to_string()),
            m => m.to_string(),
        };
        let campaign = match form.value("campaign") {
            "(none)" => "",
            c => c,
        };
        crate::domain::utm_link(
            form.value("url"),
            handle,
            &medium,
            campaign,
            form.value("content"),
        )
    }

    fn influencer_id(&self, form: &Form) -> Result<InfluencerRow, FieldError> {
        self.store
            .influencer_by_handle(form.value("influencer"))
            .map_err(|e| ("influencer", e.to_string()))
    }

    fn campaign_id(&self, form: &Form) -> Result<Option<i64>, FieldError> {
        match form.value("campaign") {
            "" | "(none)" => Ok(None),
            name => self
                .store
                .campaign_by_name(name)
                .map(Some)
                .map_err(|e| ("campaign", e.to_string())),
        }
    }

    /// Validates and saves a form; on failure names the field to show the error next to.
    fn save(&mut self, form: &Form) -> Result<String, FieldError> {
        let store_err = |field: &'static str| move |e: StoreError| (field, e.to_string());
        match &form.kind {
            FormKind::Influencer { id } => {
                let mut new = NewInfluencer::parse(
                    form.value("handle"),
                    form.value("name"),
                    form.value("platform"),
                    form.value("followers"),
                    form.value("commission"),
                )
                .map_err(field_err)?;
                new.notes = form.value("notes").to_string();
                match id {
                    Some(id) => {
                        self.store
                            .update_influencer(*id, &new)
                            .map_err(store_err("handle"))?;
                        Ok(format!("saved @{}", new.handle))
                    }
                    None => {
                        self.store
                            .add_influencer(&new)
                            .map_err(store_err("handle"))?;
                        Ok(format!("added @{} — give them a code with c", new.handle))
                    }
                }
            }
            FormKind::Cost { id } => {
                let who = self.influencer_id(form)?;
                let cost = NewCost::parse(
                    form.value("kind"),
                    form.value("amount"),
                    form.value("date"),
                    form.value("note"),
                )
                .map_err(field_err)?;
                let campaign = self.campaign_id(form)?;
                match id {
                    Some(id) => self
                        .store
                        .update_cost(*id, who.id, &cost, campaign)
                        .map_err(store_err("amount"))?,
                    None => {
                        self.store
                            .add_cost(who.id, &cost, campaign)
                            .map_err(store_err("amount"))?;
                    }
                }
                Ok(format!(
                    "{} {} {} for @{}",
                    if id.is_some() { "saved" } else { "recorded" },
                    cost.kind,
                    fmt2(cost.amount),
                    who.handle
                ))
            }
            FormKind::Post { id } => {
                let who = self.influencer_id(form)?;
                let count = |key: &'static str| -> Result<Option<u64>, FieldError> {
                    match form.value(key) {
                        "" => Ok(None),
                        v => parse_count(v).map(Some).map_err(|e| (key, e.to_string())),
                    }
                };
                let post = NewPost {
                    platform: match form.value("platform") {
                        "(influencer's)" | "" => who.platform,
                        p => p
                            .parse()
                            .map_err(|e: ValueError| ("platform", e.to_string()))?,
                    },
                    posted_on: parse_date(form.value("date"))
                        .map_err(|e| ("date", e.to_string()))?,
                    followers: count("followers")?.unwrap_or(who.followers),
                    likes: count("likes")?,
                    comments: count("comments")?,
                    shares: count("shares")?,
                    saves: count("saves")?,
                    views: count("views")?,
                    reach: count("reach")?,
                    impressions: count("impressions")?,
                    clicks: count("clicks")?,
                    url: form.value("url").to_string(),
                    format: String::new(),
                };
                let campaign = self.campaign_id(form)?;
                match id {
                    Some(id) => {
                        self.store
                            .update_post(*id, who.id, &post, campaign)
                            .map_err(store_err("date"))?;
                        Ok(format!("updated the post of @{}", who.handle))
                    }
                    None => {
                        self.store
                            .add_post(who.id, &post, campaign)
                            .map_err(store_err("date"))?;
                        Ok(format!("logged a post of @{}", who.handle))
                    }
                }
            }
            FormKind::Code => {
                let code = form.value("code");
                if code.is_empty() || code.contains(char::is_whitespace) {
                    return Err((
                        "code",
                        ValueError::new(code, "one word, like SARAH20").to_string(),
                    ));
                }
                let who = self.influencer_id(form)?;
                let campaign = self.campaign_id(form)?;
                self.store
                    .add_code(code, who.id, campaign)
                    .map_err(store_err("code"))?;
                Ok(format!("code {code} now credits @{}", who.handle))
            }
            FormKind::Link => {
                let who = self.influencer_id(form)?;
                let url = form.value("url");
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err((
                        "url",
                        ValueError::new(url, "a web address starting with https://").to_string(),
                    ));
                }
                let link = self.built_link(form);
                let campaign = self.campaign_id(form)?;
                let medium = match form.value("medium") {
                    "" => who.platform.to_string(),
                    m => m.to_string(),
                };
                let campaign_name = match form.value("campaign") {
                    "(none)" => "",
                    c => c,
                };
                self.store
                    .add_link(
                        who.id,
                        campaign,
                        url,
                        &who.handle,
                        &medium,
                        campaign_name,
                        form.value("content"),
                    )
                    .map_err(store_err("url"))?;
                self.effects.push(Effect::Copy(link.clone()));
                Ok(format!(
                    "saved and copied (if your terminal allows): {link}"
                ))
            }
            FormKind::Campaign => {
                let date = |key: &'static str| -> Result<Option<NaiveDate>, FieldError> {
                    match form.value(key) {
                        "" => Ok(None),
                        v => parse_date(v).map(Some).map_err(|e| (key, e.to_string())),
                    }
                };
                let new = NewCampaign {
                    name: form.value("name").to_string(),
                    goal: form
                        .value("goal")
                        .parse()
                        .map_err(|e: ValueError| ("goal", e.to_string()))?,
                    starts_on: date("start")?,
                    ends_on: date("end")?,
                    budget: match form.value("budget") {
                        "" => None,
                        v => Some(parse_amount(v).map_err(|e| ("budget", e.to_string()))?),
                    },
                };
                new.validate().map_err(field_err)?;
                self.store.add_campaign(&new).map_err(store_err("name"))?;
                Ok(format!("created campaign '{}'", new.name))
            }
            FormKind::Mapping { .. } => unreachable!("the mapping form previews, it does not save"),
            FormKind::Period => {
                let date = |key: &'static str| -> Result<Option<NaiveDate>, FieldError> {
                    match form.value(key) {
                        "" => Ok(None),
                        v => parse_date(v).map(Some).map_err(|e| (key, e.to_string())),
                    }
                };
                let (from, to) = (date("from")?, date("to")?);
                if let (Some(f), Some(t)) = (from, to)
                    && t < f
                {
                    return Err(("to", format!("'{t}' is before the start {f}")));
                }
                self.options.period = Period::Custom { from, to };
                self.recompute();
                Ok(format!("period: {}", self.period_label()))
            }
        }
    }
}

fn expand_home(typed: &str) -> PathBuf {
    let typed = typed.trim();
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    PathBuf::from(typed)
}

/// Completes a typed path: the longest common prefix of the matching entries, and the
/// matching names when more than one fits. Directories end in `/`.
pub fn complete_path(typed: &str) -> (String, Vec<String>) {
    let expanded = expand_home(typed);
    let text = expanded.to_string_lossy().to_string();
    let (dir, prefix) = match text.rfind('/') {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => ("", text.as_str()),
    };
    let read_from = if dir.is_empty() { "." } else { dir };
    let Ok(entries) = std::fs::read_dir(read_from) else {
        return (typed.to_string(), Vec::new());
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            Some(if is_dir { format!("{name}/") } else { name })
        })
        .collect();
    names.sort();
    let Some(first) = names.first() else {
        return (typed.to_string(), names);
    };
    let mut common = first.clone();
    for n in &names[1..] {
        while !n.starts_with(&common) {
            common.pop();
        }
    }
    let completed = if typed.trim().starts_with("~/") {
        format!(
            "{}{common}",
            &typed.trim()[..typed.trim().rfind('/').unwrap_or(0) + 1]
        )
    } else {
        format!("{dir}{common}")
    };
    let shown = if names.len() > 1 { names } else { Vec::new() };
    (completed, shown)
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
