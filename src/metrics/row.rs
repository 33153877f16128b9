//! What the scorecard is made of: its rows, the options it is computed under, the sort
//! keys, and the ranking.

use super::Period;
use crate::domain::Platform;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// What the ranking sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// ROI, highest first.
    #[default]
    Roi,
    /// CAC, lowest first.
    Cac,
    /// Engagement rate, highest first.
    Engagement,
    /// Attributed revenue, highest first.
    Revenue,
    /// Profit ROI (after cost of goods and payment fees), highest first.
    Profit,
    /// LTV:CAC (what her acquired customers are worth over what they cost), highest first.
    LtvCac,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Roi,
        SortKey::Cac,
        SortKey::Engagement,
        SortKey::Revenue,
        SortKey::Profit,
        SortKey::LtvCac,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Roi => "roi",
            SortKey::Cac => "cac",
            SortKey::Engagement => "engagement",
            SortKey::Revenue => "revenue",
            SortKey::Profit => "profit",
            SortKey::LtvCac => "ltv-cac",
        }
    }

    /// The next key in [`SortKey::ALL`], wrapping.
    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SortKey {
    type Err = crate::domain::ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        SortKey::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                crate::domain::ValueError::new(
                    s,
                    "a sort key: roi, cac, engagement, revenue, profit or ltv-cac",
                )
            })
    }
}

/// Which scorecard to compute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScorecardOptions {
    pub sort: SortKey,
    /// Orders placed, costs dated and posts posted inside the period count.
    pub period: Period,
    /// Only influencers on this platform.
    pub platform: Option<Platform>,
    /// Only costs and posts of this campaign, and orders credited through its codes.
    pub campaign: Option<i64>,
    /// Keep only rows whose handle or name contains this text (case-insensitive). Ranks are
    /// those of the unfiltered ranking, so a search never renumbers.
    pub search: String,
}

/// One influencer's line of the scorecard, with the numbers behind each figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    pub rank: usize,
    pub influencer_id: i64,
    pub handle: String,
    pub name: String,
    pub platform: Platform,
    pub followers: u64,
    pub archived: bool,
    /// A channel's row (see [`Scorecard::channels`]).
    pub channel: bool,
    pub posts: u64,
    /// Σ likes + comments + shares + saves over the posts counted.
    pub engagements: u64,
    /// Σ followers at post time over the posts counted.
    pub post_followers: u64,
    /// Cost entries by kind, in [`CostKind::ALL`] order.
    pub cost_by_kind: [Decimal; 5],
    pub commission_pct: Decimal,
    /// commission_pct / 100 × revenue.
    pub commission: Decimal,
    /// Σ cost entries + commission.
    pub cost: Decimal,
    /// Attributed counted orders (fractional when an order is shared).
    pub orders: Decimal,
    /// Attributed net revenue.
    pub revenue: Decimal,
    /// Attributed new customers (fractional when an order is shared).
    pub new_customers: Decimal,
    /// Her share of what was refunded of her orders (already taken out of `revenue`).
    pub refunded: Decimal,
    pub roi_pct: Option<Decimal>,
    pub roas: Option<Decimal>,
    pub cac: Option<Decimal>,
    pub aov: Option<Decimal>,
    pub engagement_rate_pct: Option<Decimal>,
    /// Revenue less cost of goods and payment fees; `None` until either is set.
    pub gross_profit: Option<Decimal>,
    /// (gross profit − cost) / cost × 100.
    pub profit_roi_pct: Option<Decimal>,
    /// The ROAS at which her gross profit pays exactly for her cost.
    pub breakeven_roas: Option<Decimal>,
    /// Her gifts dated in the period (and campaign), declined and imported ones included.
    pub gifts_sent: u64,
    /// Of those, the ones she posted for (by today).
    pub gifts_posted: u64,
    /// Σ content value of her posts in the period.
    pub content_value: Decimal,
    /// (revenue + content_value − cost) / cost × 100; undefined when cost is 0.
    pub roi_with_content_pct: Option<Decimal>,
    /// Her acquired customers over their window ([`super::cohort`]).
    pub cohort: super::Cohort,
    /// cohort revenue / new customers; undefined without new customers.
    pub ltv: Option<Decimal>,
    /// ltv / cac; undefined where either is, or cac is 0.
    pub ltv_to_cac: Option<Decimal>,
    /// How `ltv_to_cac` reads against the shop's thresholds.
    pub ltv_health: Option<super::Health>,
    /// (revenue + repeat revenue − cost) / cost × 100; undefined when cost is 0.
    pub roi_with_repeat_pct: Option<Decimal>,
}

/// A figure of a row, to ask why it is undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Roi,
    Roas,
    Cac,
    Aov,
    Engagement,
}

impl ScoreRow {
    /// Her ROI and profit ROI when her orders pay back on revenue but not on profit: ROI
    /// above 0, profit ROI below 0 (goods and fees take more than the gain). The one rule
    /// behind the scorecard's ▼, the detail's "Loss" line and the CLI's note.
    pub fn loses_on_profit(&self) -> Option<(Decimal, Decimal)> {
        let (roi, profit_roi) = (self.roi_pct?, self.profit_roi_pct?);
        (roi > Decimal::ZERO && profit_roi < Decimal::ZERO).then_some((roi, profit_roi))
    }

    /// The value the row is ranked by under `sort`.
    pub fn sort_value(&self, sort: SortKey) -> Option<Decimal> {
        match sort {
            SortKey::Roi => self.roi_pct,
            SortKey::Cac => self.cac,
            SortKey::Engagement => self.engagement_rate_pct,
            SortKey::Revenue => Some(self.revenue),
            SortKey::Profit => self.profit_roi_pct,
            SortKey::LtvCac => self.ltv_to_cac,
        }
    }

    /// Why a figure is undefined, in words for the seller; `None` when it is defined.
    pub fn why_undefined(&self, metric: Metric) -> Option<&'static str> {
        match metric {
            Metric::Roi | Metric::Roas if self.cost.is_zero() => Some("no cost recorded"),
            Metric::Cac if self.new_customers.is_zero() => Some("no new customers attributed"),
            Metric::Aov if self.orders.is_zero() => Some("no attributed orders"),
            Metric::Engagement if self.posts == 0 => Some("no posts logged"),
            Metric::Engagement if self.post_followers == 0 => Some("posts have 0 followers"),
            _ => None,
        }
    }
}

/// The ranked scorecard and what it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scorecard {
    /// The creators, ranked.
    pub rows: Vec<ScoreRow>,
    /// The shop's other channels (Meta ads, a newsletter), by the same sort but never in
    /// the creators' ranks.
    pub channels: Vec<ScoreRow>,
    /// Whether a cost of goods or a payment fee is set (the profit figures exist).
    pub profit_known: bool,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: SortKey,
}

/// Ranks rows by a sort key (see [`scorecard`]) and numbers them from 1.
pub fn rank(rows: &mut [ScoreRow], sort: SortKey) {
    rows.sort_by(|a, b| compare(a, b, sort));
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = i + 1;
    }
}

/// The rows whose handle or name contains `text` (case-insensitive), keeping their ranks.
pub fn search(rows: &[ScoreRow], text: &str) -> Vec<ScoreRow> {
    let text = text.trim().to_lowercase();
    rows.iter()
        .filter(|r| {
            text.is_empty()
                || r.handle.to_lowercase().contains(&text)
                || r.name.to_lowercase().contains(&text)
        })
        .cloned()
        .collect()
}

fn compare(a: &ScoreRow, b: &ScoreRow, sort: SortKey) -> Ordering {
    let primary = match sort {
        SortKey::Roi => undefined_last(a.roi_pct, b.roi_pct, true),
        SortKey::Cac => undefined_last(a.cac, b.cac, false),
        SortKey::Engagement => undefined_last(a.engagement_rate_pct, b.engagement_rate_pct, true),
        SortKey::Revenue => Ordering::Equal,
        SortKey::Profit => undefined_last(a.profit_roi_pct, b.profit_roi_pct, true),
        SortKey::LtvCac => undefined_last(a.ltv_to_cac, b.ltv_to_cac, true),
    };
    primary
        .then_with(|| b.revenue.cmp(&a.revenue))
        .then_with(|| a.handle.to_lowercase().cmp(&b.handle.to_lowercase()))
        .then_with(|| a.handle.cmp(&b.handle))
}

pub(super) fn undefined_last(a: Option<Decimal>, b: Option<Decimal>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if descending => y.cmp(&x),
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
