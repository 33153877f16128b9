//! Data entry in the app: opening a form (blank, or filled for an edit), moving through it,
//! and saving it through the store, with any error put back next to its field.

use super::{App, Effect, Modal};
use crate::tui::action::{Action, Screen};
use crate::tui::form::{Form, FormKind};
use crate::tui::forms::{self, FieldError};
use crate::tui::state::{Changed, Ctx, Edit, Saved, Seen};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::EventHandler;

impl App {
    pub(super) fn open_add_form(&mut self) {
        let kind = match self.screen {
            Screen::Influencers => FormKind::Influencer { id: None },
            Screen::Costs => FormKind::Cost { id: None },
            Screen::Posts => FormKind::Post { id: None },
            Screen::Codes => FormKind::Code { id: None },
            Screen::Campaigns => FormKind::Campaign,
            Screen::Gifts => FormKind::Gift { id: None },
            Screen::Events => FormKind::Event { id: None },
            Screen::Scorecard => return,
        };
        self.open_form(kind);
    }

    pub(super) fn open_edit_form(&mut self) {
        let s = self.selected[self.screen.index()];
        match self.screen {
            Screen::Influencers => {
                if let Some(id) = self.shown.lists.influencers.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Influencer { id: Some(id) });
                }
            }
            Screen::Posts => {
                if let Some(id) = self.shown.lists.posts.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Post { id: Some(id) });
                }
            }
            Screen::Costs => {
                if let Some(id) = self.shown.lists.costs.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Cost { id: Some(id) });
                }
            }
            Screen::Codes => {
                // The codes come first on the screen, then the links (which have no edit).
                if let Some(id) = self.shown.lists.codes.get(s).map(|c| c.id) {
                    self.open_form(FormKind::Code { id: Some(id) });
                }
            }
            Screen::Gifts => {
                if let Some(id) = self.shown.gifts.get(s).map(|g| g.gift.id) {
                    self.open_form(FormKind::Gift { id: Some(id) });
                }
            }
            Screen::Events => {
                if let Some(id) = self.shown.lists.events.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Event { id: Some(id) });
                }
            }
            _ => {}
        }
    }

    /// The money a form holds, read for this shop: another currency's sign, or a decimal
    /// comma in a shop that writes `.`, is refused next to its field before anything saves.
    fn check_money_fields(&self, form: &Form) -> Result<(), FieldError> {
        const MONEY: [&str; 5] = ["amount", "retail", "cost", "shipping", "budget"];
        if matches!(form.kind, FormKind::Mapping { .. } | FormKind::Settings) {
            return Ok(());
        }
        let currency = self.store.setting("currency").ok().flatten();
        for f in form.fields.iter().filter(|f| MONEY.contains(&f.key.0)) {
            let value = f.input.value().trim();
            if !value.is_empty() {
                crate::domain::parse_shop_amount(value, currency.as_deref())
                    .map_err(|e| (f.key.0, e.to_string()))?;
            }
        }
        Ok(())
    }

    /// The planner's submit: the plan in a note, or the form back with what is wrong.
    fn show_plan(&mut self, mut form: Form) {
        form.clear_errors();
        let outcome = if form.check_fields() {
            forms::plan::plan(&self.seen(), &form)
        } else {
            Err(("", String::new()))
        };
        self.modal = Some(match outcome {
            Ok(lines) => Modal::Note {
                title: "Plan (any key closes)".into(),
                lines,
            },
            Err((field, message)) => {
                if !message.is_empty() {
                    form.set_error(field, message);
                }
                Modal::Form(form)
            }
        });
    }

    /// The schedule note: the next days the selected creator's post would stand alone, and
    /// the smallest effect the lift model could tell from zero on each.
    pub(super) fn show_schedule(&mut self) {
        let Some(handle) = self.current_handle() else {
            self.fail("select a creator first");
            return;
        };
        let Some(id) = self
            .facts
            .influencers
            .iter()
            .find(|i| i.handle == handle)
            .map(|i| i.id)
        else {
            return;
        };
        // The lift model needs the coded orders one by one.
        if self.settling()
            && let Err(e) = self.check_leaks_now()
        {
            self.fail(e.to_string());
            return;
        }
        let report = match &self.lift {
            Some(r) => r.clone(),
            None => self.lift_report(),
        };
        let plan = crate::metrics::schedule(&self.facts, &report, id, self.today);
        self.modal = Some(Modal::Note {
            title: format!("@{handle}'s next post (any key closes)"),
            lines: crate::metrics::schedule_lines(&plan),
        });
    }

    /// The payouts note: every creator's commission earned, held, paid and owed today.
    pub(super) fn show_payouts(&mut self) {
        let hold = self
            .store
            .hold_days()
            .unwrap_or(crate::domain::settings::DEFAULT_HOLD_DAYS);
        let payouts = crate::metrics::payouts(&self.facts, self.today, hold);
        let mut lines = vec![format!(
            "As of {} (orders within {hold} days are held for refunds):",
            self.today
        )];
        lines.extend(crate::export::payout_table(&payouts));
        lines.push(String::new());
        lines.push("o on a creator records a payout to her.".into());
        self.modal = Some(Modal::Note {
            title: "Payouts (any key closes)".into(),
            lines,
        });
    }

    /// Opens a form, pre-filled for an edit or with today's date and the selected creator.
    pub fn open_form(&mut self, kind: FormKind) {
        let needs_influencer = !matches!(
            kind,
            FormKind::Influencer { .. }
                | FormKind::Campaign
                | FormKind::Event { .. }
                | FormKind::Period
                | FormKind::Settings
        );
        if needs_influencer && forms::handles(&self.seen()).is_empty() {
            self.fail("add an influencer first (screen 2, then a)");
            return;
        }
        let who = self
            .current_handle()
            .map(|h| format!("@{h}"))
            .unwrap_or_default();
        let ctx = self.seen();
        let form = match kind {
            FormKind::Influencer { id } => forms::influencer::build(&ctx, id),
            FormKind::Cost { id } => forms::cost::build(&ctx, id, &who),
            FormKind::Post { id } => forms::post::build(&ctx, id, &who),
            FormKind::Code { id } => forms::code::build(&ctx, id, &who),
            FormKind::Link => forms::link::build(&ctx, &who),
            FormKind::Campaign => forms::campaign::build(),
            FormKind::Event { id } => forms::event::build(&ctx, id),
            FormKind::Gift { id } => forms::gift::build(&ctx, id, &who),
            FormKind::Settings => forms::settings::build(&ctx),
            FormKind::Payout => forms::payout::build(&ctx, &who),
            FormKind::Plan => forms::plan::build(&ctx, &who),
            FormKind::Period => forms::period::build(&self.options.period, self.today),
            // Built from the file's header when an unknown layout is met; the rate form from
            // the import preview.
            FormKind::Mapping { .. } | FormKind::Rate { .. } => return,
        };
        self.modal = Some(Modal::Form(form));
    }

    pub(super) fn update_form(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::Form(form)) = &mut self.modal else {
            return Ok(());
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Back => {
                // Changes are not thrown away by one stray Esc.
                if form.signature() != form.opened && !form.leaving {
                    form.leaving = true;
                    form.error = Some(
                        "You have unsaved changes: Esc again discards them, Enter saves.".into(),
                    );
                } else {
                    self.modal = None;
                    self.say("cancelled: nothing saved");
                    // A code form opened from the import preview goes back to it.
                    self.back_to_preview()?;
                }
            }
            Action::ChoiceLeft | Action::ChoiceRight => {
                let field = form.focused();
                if field.is_choice() {
                    field.cycle(action == Action::ChoiceRight);
                } else {
                    field.selected = false;
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
                let link = forms::link::shown(&self.seen(), &form);
                self.effects.push(Effect::Copy(link));
                self.say("link copied (if your terminal allows clipboard access)");
            }
            Action::Submit => {
                let form = form.clone();
                self.submit(form)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Enter on a form, by what the form is for: a mapping or a rate previews the file
    /// again, the planner shows its plan, every other form saves.
    fn submit(&mut self, mut form: Form) -> anyhow::Result<()> {
        match form.kind.clone() {
            FormKind::Mapping { path } => {
                form.clear_errors();
                let outcome = forms::mapping::mapping_of(&form).and_then(|m| {
                    self.preview(&path, Some(m), false)
                        .map_err(|e| ("", e.to_string()))
                });
                if let Err((field, message)) = outcome {
                    form.set_error(field, message);
                    self.modal = Some(Modal::Form(form));
                }
            }
            FormKind::Rate { path } => {
                form.clear_errors();
                let outcome = forms::rate::rate_of(&form).and_then(|rate| {
                    self.preview_with_rate(&path, rate)
                        .map_err(|e| (forms::rate::RATE.0, e.to_string()))
                });
                if let Err((field, message)) = outcome {
                    form.set_error(field, message);
                    self.modal = Some(Modal::Form(form));
                }
            }
            FormKind::Plan => self.show_plan(form),
            FormKind::Period => self.apply_period(form),
            _ => self.submit_form(form)?,
        }
        Ok(())
    }

    /// Saves a form: the checks of its fields, then the store; the form back with what is
    /// wrong, or closed with what was saved said (and the import preview again after a code
    /// given from it).
    fn submit_form(&mut self, mut form: Form) -> anyhow::Result<()> {
        form.clear_errors();
        if !form.check_fields() {
            self.modal = Some(Modal::Form(form));
            return Ok(());
        }
        match self.save(&form) {
            Ok(saved) => {
                self.modal = None;
                match saved.changed {
                    Changed::Entries => self.reload_entries()?,
                    Changed::Settings => self.reload()?,
                }
                self.effects.extend(saved.effect);
                let message = saved.message;
                if let FormKind::Influencer { .. } = form.kind {
                    self.select_influencer(form.value(forms::influencer::HANDLE));
                }
                self.say(message);
                if let FormKind::Code { .. } = form.kind {
                    self.back_to_preview()?;
                }
            }
            Err((field, message)) => {
                if field == forms::CONFIRM {
                    // Saving these same values again means yes.
                    form.armed = Some(form.signature());
                    form.error = Some(message);
                } else {
                    form.set_error(field, message);
                }
                self.modal = Some(Modal::Form(form));
            }
        }
        Ok(())
    }

    /// Selects an influencer on the influencer list (after adding or renaming one).
    fn select_influencer(&mut self, handle: &str) {
        let wanted = handle.trim().trim_start_matches('@').to_lowercase();
        if let Some(i) = self
            .shown
            .lists
            .influencers
            .iter()
            .position(|r| r.handle.to_lowercase() == wanted)
        {
            self.selected[Screen::Influencers.index()] = i;
        }
    }

    /// What a form sees: the store, the lists and facts on screen, today.
    pub(crate) fn seen(&self) -> Seen<'_> {
        Ctx {
            store: &self.store,
            lists: &self.shown.lists,
            facts: &self.facts,
            gifts: &self.shown.gifts,
            today: self.today,
        }
    }

    /// What a form's save changes: the store, with the rest as [`App::seen`].
    fn edit(&mut self) -> Edit<'_> {
        Ctx {
            store: &mut self.store,
            lists: &self.shown.lists,
            facts: &self.facts,
            gifts: &self.shown.gifts,
            today: self.today,
        }
    }

    /// Validates and saves a form through its module; on failure names the field to show
    /// the error next to.
    fn save(&mut self, form: &Form) -> Result<Saved, FieldError> {
        self.check_money_fields(form)?;
        let ctx = &mut self.edit();
        let entries = |saved: Result<String, FieldError>| saved.map(Saved::entries);
        match form.kind.clone() {
            FormKind::Influencer { id } => entries(forms::influencer::submit(ctx, id, form)),
            FormKind::Cost { id } => entries(forms::cost::submit(ctx, id, form)),
            FormKind::Post { id } => entries(forms::post::submit(ctx, id, form)),
            FormKind::Code { id } => entries(forms::code::submit(ctx, id, form)),
            FormKind::Link => forms::link::submit(ctx, form),
            FormKind::Campaign => entries(forms::campaign::submit(ctx, form)),
            FormKind::Event { id } => entries(forms::event::submit(ctx, id, form)),
            FormKind::Gift { id } => entries(forms::gift::submit(ctx, id, form)),
            FormKind::Settings => forms::settings::submit(ctx, form),
            FormKind::Payout => entries(forms::payout::submit(ctx, form)),
            // `submit` sends these elsewhere; should one arrive, it is refused, not saved.
            FormKind::Period
            | FormKind::Mapping { .. }
            | FormKind::Rate { .. }
            | FormKind::Plan => Err(("", "this form shows or previews; it saves nothing".into())),
        }
    }

    /// The custom period's submit: the scorecard for the period typed, or the form back
    /// with what is wrong.
    fn apply_period(&mut self, mut form: Form) {
        form.clear_errors();
        if !form.check_fields() {
            self.modal = Some(Modal::Form(form));
            return;
        }
        match forms::period::submit(&form) {
            Ok(period) => {
                self.modal = None;
                self.options.period = period;
                self.recompute();
                self.say(format!("period: {}", self.period_label()));
            }
            Err((field, message)) => {
                form.set_error(field, message);
                self.modal = Some(Modal::Form(form));
            }
        }
    }
}
