//! Three answers to "who is worth it?", side by side: *code* (last touch: the orders her
//! code or link carries, today's scorecard), *customer* (first touch: what the customers
//! she acquired spent over their window, [`super::cohort`]) and *incremental* (what the
//! lift model says she caused, [`super::lift`]). Each ranks creators by its ROI; the
//! comparison puts the three ranks on one line.

use super::row::undefined_last;
use super::{LiftReport, Scorecard, roi_pct};
use rust_decimal::Decimal;

/// Which answer a view gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Last touch: the scorecard as it is.
    #[default]
    Code,
    /// First touch: her acquired customers' window revenue.
    Customer,
    /// What the lift model says she caused.
    Incremental,
}

impl View {
    pub const ALL: [View; 3] = [View::Code, View::Customer, View::Incremental];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Code => "code",
            View::Customer => "customer",
            View::Incremental => "incremental",
        }
    }

    /// What its revenue is, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            View::Code => "orders with her code or link (last touch)",
            View::Customer => {
                "what the customers she brought spent over their window (first touch)"
            }
            View::Incremental => "orders the lift model says she caused",
        }
    }

    pub fn next(self) -> View {
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0);
        View::ALL[(i + 1) % View::ALL.len()]
    }
}

impl std::str::FromStr for View {
    type Err = crate::domain::ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        View::ALL
            .into_iter()
            .find(|v| v.as_str() == wanted)
            .ok_or_else(|| {
                crate::domain::ValueError::new(s, "a view: code, customer or incremental")
            })
    }
}

/// One creator under one view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewRow {
    /// From 1, by ROI under the view (undefined last, then revenue, then handle).
    pub rank: usize,
    pub influencer_id: i64,
    pub handle: String,
    pub cost: Decimal,
    /// Revenue as the view counts it.
    pub revenue: Decimal,
    /// (revenue − cost) / cost × 100; undefined when cost is 0.
    pub roi_pct: Option<Decimal>,
}

/// The creators of `card` under `view`, ranked by its ROI. The incremental view needs the
/// lift report (its cost is the scorecard's); without it, or for a creator it lacks, her
/// revenue is 0 and her ROI undefined.
pub fn view_rows(card: &Scorecard, lift: Option<&LiftReport>, view: View) -> Vec<ViewRow> {
    let mut rows: Vec<ViewRow> = card
        .rows
        .iter()
        .map(|r| {
            let (revenue, roi) = match view {
                View::Code => (r.revenue, r.roi_pct),
                View::Customer => (r.cohort.revenue, roi_pct(r.cohort.revenue, r.cost)),
                View::Incremental => {
                    let caused = lift
                        .and_then(|l| l.rows.iter().find(|l| l.influencer_id == r.influencer_id));
                    match caused {
                        Some(c) => (
                            c.incremental_revenue,
                            roi_pct(c.incremental_revenue, r.cost),
                        ),
                        None => (Decimal::ZERO, None),
                    }
                }
            };
            ViewRow {
                rank: 0,
                influencer_id: r.influencer_id,
                handle: r.handle.clone(),
                cost: r.cost,
                revenue,
                roi_pct: roi,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        undefined_last(a.roi_pct, b.roi_pct, true)
            .then_with(|| b.revenue.cmp(&a.revenue))
            .then_with(|| a.handle.to_lowercase().cmp(&b.handle.to_lowercase()))
    });
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = i + 1;
    }
    rows
}

/// One creator's rank and ROI under each view, in [`View::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    pub influencer_id: i64,
    pub handle: String,
    pub ranks: [usize; 3],
    pub rois: [Option<Decimal>; 3],
}

/// Every creator's rank under the three views, by her code rank.
pub fn compare_views(card: &Scorecard, lift: Option<&LiftReport>) -> Vec<Compared> {
    let views: Vec<Vec<ViewRow>> = View::ALL
        .iter()
        .map(|v| view_rows(card, lift, *v))
        .collect();
    let mut out: Vec<Compared> = views[0]
        .iter()
        .map(|first| {
            let under = |i: usize| {
                views[i]
                    .iter()
                    .find(|r| r.influencer_id == first.influencer_id)
                    .map_or((0, None), |r| (r.rank, r.roi_pct))
            };
            let [a, b, c] = [under(0), under(1), under(2)];
            Compared {
                influencer_id: first.influencer_id,
                handle: first.handle.clone(),
                ranks: [a.0, b.0, c.0],
                rois: [a.1, b.1, c.1],
            }
        })
        .collect();
    out.sort_by_key(|c| c.ranks[0]);
    out
}
