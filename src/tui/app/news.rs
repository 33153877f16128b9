//! The week's news in the app: what waits (gifts overdue) and what moved since the app was
//! last opened.

use super::App;
use crate::metrics::Period;
use crate::metrics::scorecard_prepared;
use crate::store::StoreError;
use crate::tui::action::Screen;

impl App {
    /// How many gifts wait past the follow-up days, in words (for "since last time").
    fn overdue_text(&self) -> Option<String> {
        let n = self
            .shown
            .gifts
            .iter()
            .filter(|g| matches!(g.status, crate::metrics::GiftStatus::FollowUp(_)))
            .count();
        let days = self
            .store
            .follow_up_days()
            .unwrap_or(crate::metrics::DEFAULT_FOLLOW_UP_DAYS);
        (n > 0).then(|| format!("{n} gift(s) waiting {days} days or more for a post"))
    }

    /// `p` on a gift: the post form for her, dated today.
    pub(super) fn log_gift_post(&mut self) {
        if self.screen == Screen::Gifts && !self.shown.gifts.is_empty() {
            self.open_form(crate::tui::form::FormKind::Post { id: None });
        }
    }

    /// `x` on a gift: asks, then marks it declined (`z` takes it back).
    pub(super) fn decline_gift(&mut self) -> Result<(), StoreError> {
        let Some(g) = self.shown.gifts.get(self.selected[Screen::Gifts.index()]) else {
            return Ok(());
        };
        self.modal = Some(super::Modal::Confirm {
            question: format!(
                "Mark the gift of {} to @{} on {} declined (no post will come)?",
                crate::domain::visible(&g.gift.item),
                g.handle,
                g.gift.given_on
            ),
            pending: super::Pending::DeclineGift(g.gift.id),
        });
        Ok(())
    }

    /// The flags raised now, in words: suspected leaks and engagement anomalies.
    fn flag_texts(&self) -> Vec<String> {
        let handle = |id: i64| self.facts.handle(id).unwrap_or_default();
        let mut out: Vec<String> = self
            .leak_flags
            .iter()
            .map(|(id, flag)| format!("@{}: {flag}", handle(*id)))
            .collect();
        for flag in self.shown.flags.values().flatten() {
            out.push(format!(
                "@{}, post of {}: {}",
                handle(flag.influencer_id),
                flag.posted_on,
                flag.reason
            ));
        }
        out.extend(self.overdue_text());
        out.sort();
        out
    }

    /// On opening: what moved since the app was last opened on this database (unless the
    /// `since-last-time` setting is off), then remembers what it knows now. Nothing is shown
    /// the first time, or when nothing moved.
    pub fn greet(&mut self) {
        // The all-time rows: the ones already ranked when no filter is on (as at start), else
        // computed once here.
        let unfiltered = self.options.period == Period::AllTime
            && self.options.platform.is_none()
            && self.options.campaign.is_none();
        let computed;
        let rows = if unfiltered {
            &self.ranked
        } else {
            let all_time = crate::metrics::ScorecardOptions::default();
            computed = scorecard_prepared(&self.facts, &self.prepared, &all_time, self.today).rows;
            &computed
        };
        let now = crate::metrics::snapshot(rows, self.flag_texts());
        let off = self
            .store
            .setting(crate::domain::settings::SINCE_LAST_TIME)
            .ok()
            .flatten()
            .is_some_and(|v| v == "off");
        if let Ok(Some((at, then))) = self.store.last_session()
            && !off
        {
            let since = crate::metrics::since_last(&then, &now);
            if !since.is_empty() && self.modal.is_none() {
                let day = at.get(..10).unwrap_or(&at).to_string();
                let mut lines = crate::export::since_lines(&since);
                // The week's to-do, said whenever the summary shows (a new count is a flag).
                if let Some(overdue) = self.overdue_text()
                    && !since.new_flags.contains(&overdue)
                {
                    lines.insert(0, format!("To follow up: {overdue}."));
                    lines.insert(1, String::new());
                }
                self.modal = Some(super::Modal::Note {
                    title: format!("Since last time ({day})"),
                    lines,
                });
            }
        }
        // Not being able to remember is no reason to stop her working.
        let _ = self.store.save_session(&self.now, &now);
    }
}
