//! The lift report's shapes: the model's options, a creator's row and the whole report,
//! with the 80 % quantile and the day-range rule the model's stages share. `lift.rs` fills
//! them; `lift_read.rs` and `lift_rows.rs` read and build them.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The assumptions of the model, all visible and changeable (`shoutout lift --help`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiftOptions {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The longest a post can act, in days (its window).
    pub window_days: u32,
    /// The fewest first uses of a code since a leak's start for a leak to be suspected.
    pub leak_min_uses: u32,
    /// Fewer incremental orders than this (or a range reaching 0) mark a rank as uncertain.
    pub min_orders: u32,
}

impl Default for LiftOptions {
    fn default() -> Self {
        LiftOptions {
            from: None,
            to: None,
            window_days: 28,
            leak_min_uses: 2,
            min_orders: 5,
        }
    }
}

/// The two-sided probability mass outside an 80 % interval: its normal quantile.
pub(super) const Z80: f64 = 1.281_551_565_545;

/// One creator's lift.
#[derive(Debug, Clone, PartialEq)]
pub struct LiftRow {
    pub rank: usize,
    pub influencer_id: i64,
    pub handle: String,
    pub posts: usize,
    /// Counted orders carrying her code in the period (split between creators when an order
    /// has several).
    pub code_orders: f64,
    /// Of those, the ones put down to a leak.
    pub leak_orders: f64,
    /// Her coded orders she caused (inside windows, and fans' repeat uses).
    pub coded_orders: f64,
    /// Orders without her code over the baseline, put down to her posts.
    pub uncoded_orders: f64,
    pub incremental_orders: f64,
    /// The 80 % interval of `incremental_orders`.
    pub incremental_low: f64,
    pub incremental_high: f64,
    pub incremental_revenue: Decimal,
    /// What she cost in the period (as the scorecard counts it).
    pub cost: Decimal,
    /// (incremental revenue − cost) / cost × 100; undefined without a cost.
    pub incremental_roi_pct: Option<Decimal>,
    pub leak_suspected: bool,
    pub leak_since: Option<NaiveDate>,
    /// Too little to rank her with confidence: shown as "?" beside her rank.
    pub uncertain: bool,
    /// Each flag in words a seller understands.
    pub flags: Vec<String>,
    /// What the estimate rests on, in words: her orders with her code or link inside her
    /// post windows, her buyers' repeat orders, first uses outside her windows, orders
    /// without them over the baseline, and what a leak took.
    pub basis: String,
    /// Her coded orders on each day of the period (leaked ones included), for a chart.
    pub daily_coded: Vec<f64>,
    /// Her post days, as days from the start of the period (before it: negative).
    pub post_days: Vec<i64>,
}

/// The lift of every creator, with what the model found about the shop.
#[derive(Debug, Clone, PartialEq)]
pub struct LiftReport {
    pub rows: Vec<LiftRow>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The average delay between a post and the orders it brings, in days.
    pub mean_delay_days: f64,
    /// The shop's organic new customers' orders a day (without any creator's code), on
    /// average.
    pub baseline_per_day: f64,
    /// How far a day's new customers' orders without a code stray from what the model
    /// expects (their standard deviation): the noise an effect must stand out of.
    pub day_noise: f64,
    /// What the seller should know about the whole report.
    pub notes: Vec<String>,
}

/// The days from `from` to `to` that fall in the period of `days` days from `first`, as day
/// numbers; `None` when none do.
pub(super) fn within(
    first: NaiveDate,
    days: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<(i64, i64)> {
    let (from, to) = ((from - first).num_days(), (to - first).num_days());
    (to >= 0 && from < days).then(|| (from.max(0), to.min(days - 1)))
}
