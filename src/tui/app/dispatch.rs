//! Which function each action of a screen calls: the actions that change how the app looks
//! at its data, and the ones that change or write it.

use super::{App, FormKind, Input, Modal};
use crate::tui::action::{Action, Screen};

impl App {
    pub(super) fn update_screen(&mut self, action: Action) -> anyhow::Result<()> {
        if self.update_view(action) {
            return Ok(());
        }
        self.update_entries(action)
    }

    /// The actions that change how the app looks at its data (screens, selection, sort,
    /// filters, panels); whether `action` was one.
    fn update_view(&mut self, action: Action) -> bool {
        let screen = self.screen;
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.modal = Some(Modal::Help {
                    context: self.context(),
                    scroll: 0,
                })
            }
            Action::Back => self.back(),
            Action::NextScreen => self.go((screen.index() + 1) % Screen::ALL.len()),
            Action::PrevScreen => {
                self.go((screen.index() + Screen::ALL.len() - 1) % Screen::ALL.len())
            }
            Action::GoTo(s) => self.go(s.index()),
            // Past the last column the table shows it alone; 16 is more than any table has.
            Action::ColumnsRight => self.col_scroll = (self.col_scroll + 1).min(16),
            Action::ColumnsLeft => self.col_scroll = self.col_scroll.saturating_sub(1),
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => self.navigate(action),
            Action::Select(i) => {
                let n = self.len(self.screen);
                self.selected[self.screen.index()] = i.min(n.saturating_sub(1));
            }
            Action::CycleSort => self.cycle_sort(),
            Action::CyclePeriod | Action::CyclePlatform | Action::CycleCampaign => {
                self.cycle_filter(action)
            }
            Action::CustomPeriod => self.open_form(FormKind::Period),
            Action::Search => {
                // A new search: what she types replaces the last one, never adds to it.
                self.searching = true;
                self.search = Input::default();
            }
            Action::ToggleDetail => {
                if self.len(Screen::Scorecard) == 0 {
                    self.fail("no creator selected");
                } else {
                    self.detail = !self.detail;
                }
            }
            Action::ToggleLift => self.toggle_lift(),
            Action::ToggleCompare => self.toggle_compare(),
            Action::ToggleChannels => self.toggle_channels(),
            Action::CycleChart => self.cycle_chart(),
            Action::ToggleBars => self.bars = !self.bars,
            _ => return false,
        }
        true
    }

    /// `Esc` on a screen: closes the detail, else clears the search.
    fn back(&mut self) {
        if self.detail {
            self.detail = false;
        } else if !self.options.search.is_empty() {
            self.search = Input::default();
            self.options.search.clear();
            self.refilter();
        }
    }

    /// The next sort key, said on the status line.
    fn cycle_sort(&mut self) {
        self.options.sort = self.options.sort.next();
        self.resort();
        // Profit ROI needs a cost of goods or a fee: without one it is revenue ROI.
        let note =
            if self.options.sort == crate::metrics::SortKey::Profit && !self.card.profit_known {
                " (no cost of goods or fee is set, so profit is revenue: `shoutout settings`)"
            } else {
                ""
            };
        self.say(format!("sorted by {}{note}", self.options.sort));
    }

    /// Opens the import dialog in the folder she last imported from.
    fn open_import(&mut self) {
        let start = self.import_folder().unwrap_or_default();
        self.modal = Some(Modal::ImportPath {
            input: Input::new(start.clone()),
            start,
            error: None,
            candidates: Vec::new(),
            shop: Input::default(),
            on_shop: false,
        })
    }

    /// The actions that change or write data: forms, imports, exports, gifts, undo.
    fn update_entries(&mut self, action: Action) -> anyhow::Result<()> {
        match action {
            Action::NextShop => self.next_shop()?,
            Action::LogGiftPost => self.log_gift_post(),
            Action::DeclineGift => self.decline_gift()?,
            Action::Export => self.export()?,
            Action::Report => self.write_report()?,
            Action::Import => self.open_import(),
            Action::UndoImport => self.ask_undo_import()?,
            Action::PutBack => self.put_back()?,
            Action::LoadDemo => self.ask_load_demo()?,
            Action::Refresh => {
                self.reload()?;
                self.say("reloaded from the database");
            }
            Action::Add => self.open_add_form(),
            Action::Edit => self.open_edit_form(),
            Action::Delete => self.delete_selected()?,
            Action::AddCode => self.open_form(FormKind::Code { id: None }),
            Action::AddCost => self.open_form(FormKind::Cost { id: None }),
            Action::AddPost => self.open_form(FormKind::Post { id: None }),
            Action::AddLink => self.open_form(FormKind::Link),
            Action::MoneySettings => self.open_form(FormKind::Settings),
            Action::AddPayout => self.open_form(FormKind::Payout),
            Action::PlanDeal => self.open_form(FormKind::Plan),
            Action::ShowPayouts => self.show_payouts(),
            Action::ScheduleNext => self.show_schedule(),
            _ => {}
        }
        Ok(())
    }
}
