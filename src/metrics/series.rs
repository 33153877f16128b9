//! A creator's figures over time: her sales per day (or week) with her post days, and the
//! payback curve (cumulative cost against cumulative revenue and gross profit) with its
//! break-even day. The app's charts and the HTML report draw these; the last point of the
//! payback curve is her scorecard row's cost, revenue and gross profit.

use super::attribution::{Owners, for_each_credit, in_campaign};
use super::profit::{goods_cost, gross_profit};
use super::scorecard::post_in_scope;
use super::{Facts, Prepared, ScorecardOptions};
use crate::domain::from_cents;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Up to this many days the sales chart has a bar a day; beyond, a bar a week.
pub const DAILY_UP_TO: i64 = 62;

/// What one creator brought and cost over the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatorSeries {
    /// The first and last day shown: the period's bounds, or where her activity starts and
    /// ends when the period is open.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// 1 or 7.
    pub bucket_days: i64,
    /// One per bucket, from `from`.
    pub buckets: Vec<SalesBucket>,
    /// Her post days in the period, ascending.
    pub post_days: Vec<NaiveDate>,
    /// One point per day from `from` to `to`.
    pub payback: Vec<PaybackPoint>,
    /// The day from which her cumulative gross profit (revenue, when no cost of goods or
    /// fee is set) stays at or above her cumulative cost; `None`: not yet, or no cost.
    pub breakeven: Option<NaiveDate>,
    /// Whether break-even is judged on gross profit (else on revenue).
    pub on_profit: bool,
    /// Her usual revenue per bucket without a post: the lower and upper quartile over the
    /// buckets that start outside every post's window (the lift model's, 28 days); `None`
    /// without posts or with fewer than 4 such buckets.
    pub baseline: Option<(Decimal, Decimal)>,
}

/// Her attributed orders and revenue in one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SalesBucket {
    pub start: NaiveDate,
    pub orders: Decimal,
    pub revenue: Decimal,
}

/// Her cumulative figures at the end of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaybackPoint {
    pub day: NaiveDate,
    /// Cost entries so far + commission on revenue so far.
    pub cost: Decimal,
    pub revenue: Decimal,
    /// `None` until a cost of goods or fee is set.
    pub gross_profit: Option<Decimal>,
}

/// Where her payback stands at the end of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payback {
    /// Broke even on this day and stayed there.
    Since(NaiveDate),
    /// Costs more than she brought so far.
    NotYet,
    /// She has cost nothing.
    NoCost,
}

/// The lowest and highest of some values, with 0 always inside: a chart's value axis.
pub fn extent(values: impl IntoIterator<Item = Decimal>) -> (Decimal, Decimal) {
    values
        .into_iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}

impl CreatorSeries {
    /// Whether and since when she pays back.
    pub fn payback_state(&self) -> Payback {
        match self.breakeven {
            Some(day) => Payback::Since(day),
            None if self.payback.last().is_none_or(|p| p.cost.is_zero()) => Payback::NoCost,
            None => Payback::NotYet,
        }
    }

    /// The value axis of the payback curve: every cost, revenue and gross profit, and 0.
    pub fn payback_extent(&self) -> (Decimal, Decimal) {
        extent(self.payback.iter().flat_map(|p| {
            [Some(p.cost), Some(p.revenue), p.gross_profit]
                .into_iter()
                .flatten()
        }))
    }

    /// The highest revenue of a bucket (0 without any).
    pub fn max_revenue(&self) -> Decimal {
        self.buckets
            .iter()
            .map(|b| b.revenue)
            .max()
            .unwrap_or_default()
    }

    /// The bucket a day falls in.
    pub fn bucket_of(&self, day: NaiveDate) -> Option<usize> {
        let offset = (day - self.from).num_days();
        (offset >= 0 && day <= self.to).then(|| (offset / self.bucket_days) as usize)
    }
}

/// Per day: (orders, revenue, goods, cost entries).
#[derive(Default, Clone, Copy)]
struct Day {
    orders: Decimal,
    revenue: Decimal,
    goods: Decimal,
    costs: i128,
}

/// Her series under the scorecard's options (period, campaign), `None` when she is not in
/// the facts or nothing of hers falls in the period.
pub fn creator_series(
    facts: &Facts,
    prepared: &Prepared,
    options: &ScorecardOptions,
    today: NaiveDate,
    influencer_id: i64,
) -> Option<CreatorSeries> {
    let index = facts.influencer_index();
    let me = *index.get(&influencer_id)?;
    let range = options.period.range(today);
    let days = her_days(facts, prepared, options, range, &index, me);
    let post_days = her_post_days(facts, options, range, influencer_id);
    let first = days
        .keys()
        .next()
        .into_iter()
        .chain(post_days.first())
        .min();
    let last = days.keys().last().into_iter().chain(post_days.last()).max();
    let from = range.0.or(first.copied())?;
    let to = range.1.or(last.copied())?.max(from);
    let span = (to - from).num_days() + 1;
    let bucket_days = if span <= DAILY_UP_TO { 1 } else { 7 };
    let mut series = CreatorSeries {
        from,
        to,
        bucket_days,
        buckets: (0..(span + bucket_days - 1) / bucket_days)
            .map(|i| SalesBucket {
                start: from + chrono::Duration::days(i * bucket_days),
                orders: Decimal::ZERO,
                revenue: Decimal::ZERO,
            })
            .collect(),
        post_days,
        payback: Vec::with_capacity(span as usize),
        breakeven: None,
        on_profit: facts.profit.is_some(),
        baseline: None,
    };
    fill_payback(
        &mut series,
        &days,
        facts,
        facts.influencers[me].commission_pct,
    );
    series.baseline = quiet_band(&series);
    Some(series)
}

/// Her credited orders, revenue and goods cost, and her costs, day by day in the range.
fn her_days(
    facts: &Facts,
    prepared: &Prepared,
    options: &ScorecardOptions,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    index: &std::collections::HashMap<i64, usize>,
    me: usize,
) -> BTreeMap<NaiveDate, Day> {
    let owners = Owners::new(facts, index);
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for_each_credit(facts, prepared, &owners, options, range, |c| {
        if c.who != me {
            return;
        }
        let k = Decimal::from(c.k as u64);
        let sums = &c.day.sums;
        let day = days.entry(c.day.placed_on).or_default();
        day.orders += Decimal::from(sums.orders) / k;
        day.revenue += from_cents(sums.net) / k;
        if let Some(p) = &facts.profit {
            let base = sums.product_base() + from_cents(sums.plain);
            day.goods += goods_cost(sums.product_goods(), base, p) / k;
        }
    });
    let id = facts.influencers[me].id;
    for cost in &facts.costs {
        if cost.influencer_id == id
            && in_campaign(options, cost.campaign_id)
            && super::Period::contains(range, cost.date)
        {
            days.entry(cost.date).or_default().costs += i128::from(cost.amount);
        }
    }
    days
}

/// The days she posted in scope, in order, each once.
fn her_post_days(
    facts: &Facts,
    options: &ScorecardOptions,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    influencer_id: i64,
) -> Vec<NaiveDate> {
    let mut post_days: Vec<NaiveDate> = facts
        .posts
        .iter()
        .filter(|p| p.influencer_id == influencer_id && post_in_scope(p, options, range))
        .map(|p| p.posted_on)
        .collect();
    post_days.sort_unstable();
    post_days.dedup();
    post_days
}

/// Adds her days into the buckets and builds the payback curve day by day: her cumulative
/// cost (entries and commission), revenue and gross profit, and the day since which it has
/// stayed at or above cost.
fn fill_payback(
    series: &mut CreatorSeries,
    days: &BTreeMap<NaiveDate, Day>,
    facts: &Facts,
    commission_pct: Decimal,
) {
    let span = (series.to - series.from).num_days() + 1;
    let (mut orders, mut revenue, mut goods, mut costs) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, 0i128);
    let mut above_since: Option<NaiveDate> = None;
    for day in series.from.iter_days().take(span as usize) {
        if let Some(d) = days.get(&day) {
            if let Some(b) = series.bucket_of(day) {
                series.buckets[b].orders += d.orders;
                series.buckets[b].revenue += d.revenue;
            }
            orders += d.orders;
            revenue += d.revenue;
            goods += d.goods;
            costs += d.costs;
        }
        let cost =
            crate::domain::from_wide_cents(costs) + commission_pct * revenue / Decimal::ONE_HUNDRED;
        let gross = facts
            .profit
            .as_ref()
            .map(|p| gross_profit(revenue, orders, goods, p));
        let measure = gross.unwrap_or(revenue);
        if cost > Decimal::ZERO && measure >= cost {
            above_since.get_or_insert(day);
        } else {
            above_since = None;
        }
        series.payback.push(PaybackPoint {
            day,
            cost,
            revenue,
            gross_profit: gross,
        });
    }
    series.breakeven = above_since;
}

/// The quartiles of her revenue over the buckets that start outside every post's window.
fn quiet_band(s: &CreatorSeries) -> Option<(Decimal, Decimal)> {
    if s.post_days.is_empty() {
        return None;
    }
    let window = i64::from(super::LiftOptions::default().window_days);
    let mut quiet: Vec<Decimal> = s
        .buckets
        .iter()
        .filter(|b| {
            let end = b.start + chrono::Duration::days(s.bucket_days - 1);
            !s.post_days
                .iter()
                .any(|p| *p <= end && (b.start - *p).num_days() < window)
        })
        .map(|b| b.revenue)
        .collect();
    if quiet.len() < 4 {
        return None;
    }
    quiet.sort();
    let n = quiet.len();
    Some((quiet[n / 4], quiet[(3 * n) / 4]))
}

/// Each creator's attributed orders in each of the last `weeks` weeks ending `today` (oldest
/// first), under the options' campaign filter but whatever the period: the table's trend
/// column. By influencer id.
pub fn weekly_orders(
    facts: &Facts,
    prepared: &Prepared,
    options: &ScorecardOptions,
    today: NaiveDate,
    weeks: usize,
) -> std::collections::HashMap<i64, Vec<Decimal>> {
    let index = facts.influencer_index();
    let owners = Owners::new(facts, &index);
    let start = today - chrono::Duration::days(7 * weeks as i64 - 1);
    let mut out: std::collections::HashMap<i64, Vec<Decimal>> = facts
        .influencers
        .iter()
        .map(|f| (f.id, vec![Decimal::ZERO; weeks]))
        .collect();
    for_each_credit(
        facts,
        prepared,
        &owners,
        options,
        (Some(start), Some(today)),
        |c| {
            let week = ((c.day.placed_on - start).num_days() / 7) as usize;
            if let Some(w) = out
                .get_mut(&facts.influencers[c.who].id)
                .and_then(|v| v.get_mut(week))
            {
                *w += Decimal::from(c.day.sums.orders) / Decimal::from(c.k as u64);
            }
        },
    );
    out
}

#[cfg(test)]
#[path = "series_tests.rs"]
mod tests;
