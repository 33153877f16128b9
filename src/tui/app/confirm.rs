//! Questions the app asks before it acts: deleting an entry, undoing an import, loading the
//! demo; and what it does on a yes.

use super::{App, Modal, Pending};
use crate::domain::fmt2;
use crate::launch::moment;
use crate::tui::action::{Action, Screen};

impl App {
    /// Asks before undoing the last import.
    pub(super) fn ask_undo_import(&mut self) -> anyhow::Result<()> {
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
    pub(super) fn ask_load_demo(&mut self) -> anyhow::Result<()> {
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

    pub(super) fn delete_selected(&mut self) -> anyhow::Result<()> {
        let s = self.selected[self.screen.index()];
        match self.screen {
            Screen::Influencers => {
                let Some(row) = self.shown.lists.influencers.get(s).cloned() else {
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
            _ => {
                if let Some((question, pending)) = self.delete_question(s) {
                    self.modal = Some(Modal::Confirm { question, pending });
                }
            }
        }
        Ok(())
    }

    /// What deleting row `s` of the screen asks, and what it will do (every screen but the
    /// influencers', which archive or restore without asking).
    fn delete_question(&self, s: usize) -> Option<(String, Pending)> {
        match self.screen {
            Screen::Costs => {
                if let Some(c) = self.shown.lists.costs.get(s) {
                    return Some((
                        format!(
                            "Delete the {} of {} for @{} on {}?",
                            c.kind,
                            fmt2(c.amount),
                            c.handle,
                            c.date
                        ),
                        Pending::DeleteCost(c.id),
                    ));
                }
            }
            Screen::Codes => {
                let codes = self.shown.lists.codes.len();
                if let Some(c) = self.shown.lists.codes.get(s) {
                    return Some((
                        format!(
                            "Delete code {} of @{}? Its orders stop counting for her.",
                            c.code, c.handle
                        ),
                        Pending::DeleteCode(c.id),
                    ));
                } else if let Some(l) = self.shown.lists.links.get(s - codes) {
                    return Some((
                        format!("Delete the link of @{}? {}", l.handle, l.url),
                        Pending::DeleteLink(l.id),
                    ));
                }
            }
            Screen::Gifts => {
                if let Some(g) = self.shown.gifts.get(s) {
                    return Some((
                        format!(
                            "Delete the gift of {} to @{} on {}, with its cost entries?",
                            crate::domain::visible(&g.gift.item),
                            g.handle,
                            g.gift.given_on
                        ),
                        Pending::DeleteGift(g.gift.id),
                    ));
                }
            }
            Screen::Events => {
                if let Some(e) = self.shown.lists.events.get(s) {
                    return Some((
                        format!(
                            "Delete the event {} ({} to {})? Its orders count as the days \
                             around them again.",
                            e.name, e.first, e.last
                        ),
                        Pending::DeleteEvent(e.id),
                    ));
                }
            }
            Screen::Posts => {
                if let Some(p) = self.shown.lists.posts.get(s) {
                    return Some((
                        format!(
                            "Delete the {} post of @{} on {}? Its engagement stops counting.",
                            p.post.platform, p.handle, p.post.posted_on
                        ),
                        Pending::DeletePost(p.id),
                    ));
                }
            }
            _ => {}
        }
        None
    }

    /// After a delete: keep the row for `z`, and say how to get it back.
    fn deleted(&mut self, row: crate::store::Deleted) -> anyhow::Result<()> {
        self.reload_entries()?;
        self.say(format!("{} deleted (z puts it back)", row.what));
        self.last_deleted = Some(row);
        self.last_declined = None;
        Ok(())
    }

    /// `z`: puts back the entry deleted last in this session.
    pub(super) fn put_back(&mut self) -> anyhow::Result<()> {
        if let Some(id) = self.last_declined.take() {
            let gift = self.store.undecline_gift(id)?;
            self.reload_entries()?;
            self.say(format!(
                "the gift of {} to @{} is no longer declined",
                crate::domain::visible(&gift.item),
                gift.handle
            ));
            return Ok(());
        }
        let Some(row) = self.last_deleted.take() else {
            self.fail("nothing deleted to put back");
            return Ok(());
        };
        match self.store.put_back(&row) {
            Ok(()) => {
                self.reload_entries()?;
                self.say(format!("{} put back", row.what));
            }
            Err(e) => self.fail(e.to_string()),
        }
        Ok(())
    }

    pub(super) fn update_confirm(&mut self, action: Action) -> anyhow::Result<()> {
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
                        let b = self
                            .store
                            .undo_last_import_backed_up(&format!("before-undo-{}", moment()))?;
                        self.reload()?;
                        self.say(format!(
                            "undid the import of {}: removed {} orders, restored {}",
                            b.file_name, b.new_count, b.changed_count
                        ));
                    }
                    Pending::DeleteCost(id) => {
                        let row = self.store.delete_cost(id)?;
                        self.deleted(row)?;
                    }
                    Pending::DeleteCode(id) => {
                        let row = self.store.delete_code(id)?;
                        self.deleted(row)?;
                    }
                    Pending::DeletePost(id) => {
                        let row = self.store.delete_post(id)?;
                        self.deleted(row)?;
                    }
                    Pending::DeleteLink(id) => {
                        let row = self.store.delete_link(id)?;
                        self.deleted(row)?;
                    }
                    Pending::DeleteEvent(id) => {
                        let row = self.store.delete_event(id)?;
                        self.deleted(row)?;
                    }
                    Pending::DeleteGift(id) => {
                        let row = self.store.delete_gift(id)?;
                        self.deleted(row)?;
                    }
                    Pending::DeclineGift(id) => {
                        self.store.decline_gift_id(id)?;
                        self.reload_entries()?;
                        self.last_declined = Some(id);
                        self.last_deleted = None;
                        self.say("the gift is marked declined (z takes it back)");
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
