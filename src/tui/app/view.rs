//! What the app shows: the facts read from the database (and read again when another
//! process changed them), the scorecard computed from them under the filters, their labels,
//! the export of what is shown and the report; the gifts and the opening summary are in
//! `news.rs`.

use super::{App, Shown};
use crate::domain::Platform;
use crate::metrics::{Period, prepare, rank, scorecard_prepared, search};
use crate::store::StoreError;
use crate::tui::action::{Action, Screen};

/// How many weeks the table's trend column shows.
pub const TREND_WEEKS: usize = 8;

impl App {
    /// Reads everything again from the database and recomputes the scorecard.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.seen_version = self.store.data_version()?;
        // A shop shown alone is read again too (an import may have changed its orders).
        if let Some((shop, facts)) = &mut self.lift_shop {
            *facts = self.store.load_lift_facts(Some(shop))?;
        }
        let profit_was_known = self.facts.profit.is_some();
        self.facts = self.store.load_facts()?;
        self.prepared = prepare(&self.facts);
        self.cohort_groups = Default::default();
        self.compare = None;
        // Once a cost of goods or a fee is known, money means profit: rank by it.
        if self.facts.profit.is_some() && !profit_was_known {
            self.options.sort = crate::metrics::SortKey::Profit;
        }
        // The lift model's leak check, once per read of the orders, on its own thread after
        // the next frame (`leaks.rs`); the lift view needs the coded orders at once.
        self.leak_check = super::leaks::LeakCheck::Due;
        self.entries_epoch += 1;
        if self.lift.is_some() {
            self.check_leaks_now()?;
        }
        self.refresh_entries()
    }

    /// Reads again only what the seller enters by hand, after she saved or deleted one: the
    /// orders (and what was prepared from them) stay, so a save is instant in a big shop.
    pub fn reload_entries(&mut self) -> Result<(), StoreError> {
        self.store.load_entries(&mut self.facts)?;
        // A shop shown alone counts with the same posts, costs and codes.
        if let Some((_, facts)) = &mut self.lift_shop {
            self.store.load_entries(facts)?;
        }
        self.entries_epoch += 1;
        self.refresh_entries()
    }

    /// The lists and the scorecard after the entries changed.
    pub(super) fn refresh_entries(&mut self) -> Result<(), StoreError> {
        self.shown = Shown::read(&self.store, &self.facts, self.today)?;
        *self.campaign_cache.get_mut() = None;
        *self.series_cache.get_mut() = None;
        *self.cohort_cache.get_mut() = None;
        if let Some(c) = self.options.campaign
            && !self.facts.campaigns.iter().any(|k| k.id == c)
        {
            self.options.campaign = None;
        }
        self.refresh_trend();
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

    /// The trend column's weeks: they follow the facts and the campaign filter only, so a
    /// change of period, platform or sort does not redo them.
    fn refresh_trend(&mut self) {
        self.trend = crate::metrics::weekly_orders(
            &self.facts,
            &self.prepared,
            &self.options,
            self.today,
            TREND_WEEKS,
        );
    }

    /// Recomputes the scorecard from the facts, keeping the same creator selected.
    pub fn recompute(&mut self) {
        let card = scorecard_prepared(&self.facts, &self.prepared, &self.options, self.today);
        self.ranked = card.rows;
        self.card.from = card.from;
        self.card.to = card.to;
        self.card.profit_known = card.profit_known;
        self.card.channels = card.channels;
        self.refilter();
        if self.lift.is_some() {
            self.lift = Some(self.lift_report());
        }
    }

    /// The lift report for the period shown (the lift model's default assumptions), of every
    /// shop or of the one chosen with `S`.
    pub(super) fn lift_report(&self) -> crate::metrics::LiftReport {
        let (from, to) = self.options.period.range(self.today);
        let options = crate::metrics::LiftOptions {
            from,
            to,
            ..Default::default()
        };
        let Some((shop, facts)) = &self.lift_shop else {
            return crate::metrics::lift(&self.facts, &options, self.today);
        };
        let mut report = crate::metrics::lift(facts, &options, self.today);
        report
            .notes
            .insert(0, format!("only the orders of shop '{shop}'"));
        report
    }

    /// In the incremental view, the next shop to show alone: every shop, then each in turn.
    pub(super) fn next_shop(&mut self) -> Result<(), StoreError> {
        let names = self.store.shop_names()?;
        if names.len() < 2 {
            self.say("one shop only: the incremental view already shows just its orders");
            return Ok(());
        }
        let next = match &self.lift_shop {
            None => Some(&names[0]),
            Some((shop, _)) => names
                .iter()
                .position(|n| n == shop)
                .and_then(|i| names.get(i + 1)),
        };
        self.lift_shop = match next {
            Some(name) => Some((name.clone(), self.store.load_lift_facts(Some(name))?)),
            None => None,
        };
        if self.lift.is_none() && self.settling() {
            self.check_leaks_now()?;
        }
        self.lift = Some(self.lift_report());
        self.selected[Screen::Scorecard.index()] = 0;
        let which = match &self.lift_shop {
            Some((shop, _)) => format!("shop '{shop}' only"),
            None => "all shops, each on its own baseline".into(),
        };
        self.say(format!(
            "incremental, {which} (S: next shop, L: back to by code)"
        ));
        Ok(())
    }

    /// Figures → sales chart → payback curve in the detail pane (opening it if closed).
    pub(super) fn cycle_chart(&mut self) {
        use super::DetailChart as D;
        if !self.detail {
            self.detail = true;
            self.chart = D::Sales;
            return;
        }
        self.chart = match self.chart {
            D::Figures => D::Sales,
            D::Sales => D::Payback,
            D::Payback => D::Cohort,
            D::Cohort => D::Figures,
        };
    }

    /// Shows or hides the shop's other channels below the creators.
    pub(super) fn toggle_channels(&mut self) {
        self.show_channels = !self.show_channels;
        if self.show_channels && self.card.channels.is_empty() {
            self.say("no channels yet: `shoutout channel add \"Meta ads\"` adds one");
        }
    }

    /// Switches the scorecard between "by code" and "incremental".
    pub(super) fn toggle_lift(&mut self) {
        // The lift model reads the coded orders: if the leak check has not brought them yet,
        // they are read now.
        if self.lift.is_none()
            && self.settling()
            && let Err(e) = self.check_leaks_now()
        {
            self.say(format!("the orders could not be read: {e}"));
            return;
        }
        self.lift = match self.lift {
            Some(_) => None,
            None => Some(self.lift_report()),
        };
        self.selected[Screen::Scorecard.index()] = 0;
        self.say(match self.lift {
            Some(_) => "incremental: what each creator caused, codes or not (L: back to by code)",
            None => "by code: orders that carry each creator's code",
        });
    }

    /// Shows (or hides) each creator's rank under the three views: the lift model runs over
    /// the orders as the incremental view does.
    pub(super) fn toggle_compare(&mut self) {
        if self.compare.take().is_some() {
            return;
        }
        if self.settling()
            && let Err(e) = self.check_leaks_now()
        {
            self.say(format!("the orders could not be read: {e}"));
            return;
        }
        let lift = self.lift_report();
        self.compare = Some(crate::metrics::compare_views(&self.card, Some(&lift)));
        self.say("rank by code, by her customers and by what she caused (V: back)");
    }

    /// Ranks the rows again for a new sort key: the figures do not change.
    pub(super) fn resort(&mut self) {
        rank(&mut self.ranked, self.options.sort);
        self.card.sort = self.options.sort;
        self.refilter();
    }

    /// Applies the search to the ranked rows, keeping the same creator selected.
    pub(super) fn refilter(&mut self) {
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

    /// Steps the period, platform or campaign filter to its next value.
    pub(super) fn cycle_filter(&mut self, action: Action) {
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
                // Only the platforms the shop's creators are on.
                let all: Vec<Option<Platform>> = std::iter::once(None)
                    .chain(
                        Platform::ALL
                            .into_iter()
                            .filter(|p| self.facts.influencers.iter().any(|i| i.platform == *p))
                            .map(Some),
                    )
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
                self.refresh_trend();
                self.recompute();
                self.say(format!("campaign: {}", self.campaign_label()));
            }
            _ => {}
        }
    }

    pub fn period_label(&self) -> String {
        match self.options.period {
            Period::ThisWeek => {
                let (from, to) = self.options.period.range(self.today);
                let d = |d: Option<chrono::NaiveDate>| {
                    d.map_or("…".into(), |d| d.format("%-d %b").to_string())
                };
                format!("this week ({} – {})", d(from), d(to))
            }
            Period::Custom {
                from: None,
                to: None,
            } => "all time".into(),
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

    /// `shoutout-scorecard-2026-Q2-instagram-spring-launch`: the period (today's date for all
    /// time), then the platform and campaign filters.
    pub fn export_stem(&self) -> String {
        use chrono::Datelike;
        let (from, to) = self.options.period.range(self.today);
        let period = match self.options.period {
            Period::AllTime => self.today.to_string(),
            Period::ThisWeek => format!(
                "{}-W{:02}",
                self.today.iso_week().year(),
                self.today.iso_week().week()
            ),
            Period::ThisMonth => self.today.format("%Y-%m").to_string(),
            Period::ThisQuarter => {
                format!("{}-Q{}", self.today.year(), self.today.month0() / 3 + 1)
            }
            Period::Custom { .. } => format!(
                "{}_{}",
                from.map_or("start".into(), |d| d.to_string()),
                to.map_or("today".into(), |d| d.to_string())
            ),
        };
        let mut stem = format!("shoutout-scorecard-{period}");
        if let Some(p) = self.options.platform {
            stem.push_str(&format!("-{p}"));
        }
        if self.options.campaign.is_some() {
            let slug: String = self
                .campaign_label()
                .to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            let slug = slug
                .split('-')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>();
            stem.push('-');
            stem.push_str(&slug.join("-"));
        }
        stem
    }

    pub fn campaign_label(&self) -> String {
        self.options
            .campaign
            .and_then(|id| self.facts.campaigns.iter().find(|c| c.id == id))
            .map_or("all".into(), |c| c.name.clone())
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

    pub(super) fn export(&mut self) -> anyhow::Result<()> {
        // Never export figures older than the database: another process may have written.
        self.reload_if_changed_elsewhere()?;
        if self.card.rows.is_empty() {
            self.fail("nothing to export: no creator is on the scorecard with these filters");
            return Ok(());
        }
        // A name that says what it holds, new every time: nothing is ever replaced.
        let path = crate::export::unused_name(&self.export_dir, &self.export_stem(), "csv");
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

    /// Writes the HTML report of what is shown (period, campaign), or with the detail pane
    /// open, the selected creator's own page; never over an earlier file.
    pub(super) fn write_report(&mut self) -> anyhow::Result<()> {
        self.reload_if_changed_elsewhere()?;
        let creator = self
            .detail
            .then(|| {
                self.selected_row()
                    .map(|r| (r.influencer_id, r.handle.clone()))
            })
            .flatten();
        if creator.is_none() && self.card.rows.is_empty() {
            self.fail("nothing to report: no creator is on the scorecard with these filters");
            return Ok(());
        }
        let campaign = self.options.campaign.map(|_| self.campaign_label());
        // The lift model needs the coded orders one by one.
        if self.settling() {
            self.check_leaks_now()?;
        }
        let lift = self.lift_report();
        let html = crate::export::report_html(
            &self.facts,
            &self.options,
            self.today,
            creator.as_ref().map(|c| c.0),
            campaign.as_deref(),
            Some(&lift),
            &self.store.load_cohort_groups(&self.facts)?,
        );
        let mut stem = self
            .export_stem()
            .replace("shoutout-scorecard", "shoutout-report");
        if let Some((_, handle)) = &creator {
            let slug: String = handle
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            stem.push('-');
            stem.push_str(&slug);
        }
        let path = crate::export::unused_name(&self.export_dir, &stem, "html");
        let target = crate::export::ExportTarget {
            database: self.store.path().map(std::path::Path::to_path_buf),
            force: false,
        };
        let written =
            crate::export::write_export(&path, &target, |w| w.write_all(html.as_bytes()))?;
        let whose = creator.map_or("the report".into(), |(_, h)| {
            format!("@{}'s page", crate::domain::visible(&h))
        });
        self.say(format!("wrote {whose} to {}", written.display()));
        Ok(())
    }
}
