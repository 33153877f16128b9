//! The selection: which row of each screen is selected, moving it (a row, a page, to an
//! end, to another screen), and what it points at (the scorecard row and its series, the
//! influencer to pre-select in a form).

use super::App;
use crate::tui::action::{Action, Screen};

impl App {
    pub fn selected_row(&self) -> Option<&crate::metrics::ScoreRow> {
        self.card.rows.get(self.selected[0])
    }

    /// The selected creator's sales and payback over the period shown (for the charts).
    pub fn selected_series(&self) -> Option<crate::metrics::CreatorSeries> {
        let id = self.selected_row()?.influencer_id;
        let mut cache = self.series_cache.borrow_mut();
        if let Some((for_id, options, series)) = cache.as_ref()
            && *for_id == id
            && *options == self.options
        {
            return series.clone();
        }
        let series = crate::metrics::creator_series(
            &self.facts,
            &self.prepared,
            &self.options,
            self.today,
            id,
        );
        *cache = Some((id, self.options.clone(), series.clone()));
        series
    }

    /// The selected creator's cohort beside the organic one (for the cohort chart). The
    /// groups are read from the store the first time; a store that cannot be read gives
    /// none (the chart says there is nothing to show).
    pub fn selected_cohort(&self) -> Option<crate::metrics::CohortDetail> {
        let id = self.selected_row()?.influencer_id;
        let mut cache = self.cohort_cache.borrow_mut();
        if let Some((for_id, options, detail)) = cache.as_ref()
            && *for_id == id
            && *options == self.options
        {
            return detail.clone();
        }
        let groups = self.cohort_groups.get_or_init(|| {
            self.store
                .load_cohort_groups(&self.facts)
                .unwrap_or_default()
        });
        let detail =
            crate::metrics::cohort_detail(&self.facts, groups, &self.options, self.today, id);
        *cache = Some((id, self.options.clone(), detail.clone()));
        detail
    }

    /// How many rows the table of `screen` has.
    pub(crate) fn len(&self, screen: Screen) -> usize {
        match screen {
            Screen::Scorecard => match &self.lift {
                Some(report) => report.rows.len(),
                None => self.card.rows.len(),
            },
            Screen::Influencers => self.shown.lists.influencers.len(),
            Screen::Costs => self.shown.lists.costs.len(),
            Screen::Posts => self.shown.lists.posts.len(),
            Screen::Codes => self.shown.lists.codes.len() + self.shown.lists.links.len(),
            Screen::Campaigns => self.shown.lists.campaigns.len(),
            Screen::Events => self.shown.lists.events.len(),
            Screen::Gifts => self.shown.gifts.len(),
        }
    }

    pub(super) fn clamp(&mut self, screen: Screen) {
        let n = self.len(screen);
        let s = &mut self.selected[screen.index()];
        *s = (*s).min(n.saturating_sub(1));
    }

    /// Rows a page holds, from the terminal height.
    pub(super) fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(8)).max(1)
    }

    /// Moves the selection of the current screen.
    pub(super) fn navigate(&mut self, action: Action) {
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

    pub(super) fn go(&mut self, index: usize) {
        self.screen = Screen::ALL[index];
        self.detail = false;
        self.col_scroll = 0;
    }

    /// The influencer the current screen points at, to pre-select in forms.
    pub(crate) fn current_handle(&self) -> Option<String> {
        let s = self.selected[self.screen.index()];
        match self.screen {
            Screen::Scorecard => match &self.lift {
                Some(report) => report.rows.get(s).map(|r| r.handle.clone()),
                None => self.card.rows.get(s).map(|r| r.handle.clone()),
            },
            Screen::Influencers => self
                .shown
                .lists
                .influencers
                .get(s)
                .map(|r| r.handle.clone()),
            Screen::Costs => self.shown.lists.costs.get(s).map(|r| r.handle.clone()),
            Screen::Posts => self.shown.lists.posts.get(s).map(|r| r.handle.clone()),
            Screen::Codes => self.shown.lists.codes.get(s).map(|r| r.handle.clone()),
            Screen::Campaigns | Screen::Events => None,
            Screen::Gifts => self.shown.gifts.get(s).map(|g| g.handle.clone()),
        }
    }
}
