//! What each creator really caused: orders over the shop's own baseline around her posts,
//! with her code or without it, less the uses of a code that leaked. Pure: facts in, a report
//! out; no store, no clock. docs/lift.md states the model, its assumptions and its limits.
//!
//! The model, in four steps:
//! 1. **Her coded orders** (her code or her link) are sorted into uses inside a post's window
//!    (caused), repeat uses by a buyer who used her code before (a fan: caused), and first
//!    uses outside every window.
//! 2. **The response to a post** is a short burst whose decay is fitted to the delays of
//!    coded orders, plus, where a platform's posts keep selling (a video, a pin), a long
//!    tail fitted to the shop (`lift_shape.rs`); each creator has her own strength in each.
//! 3. **A leak** is a step up in her first uses, from a day no post explains, that holds
//!    steady to the end (`lift_leak.rs`, a likelihood-ratio test); the step's uses, inside
//!    windows too, are discounted.
//! 4. **Orders without her code** are regressed, day by day, on each shop's own baseline
//!    (level, weekday, slow trend, over the days that shop sold) and each creator's response
//!    curve, each creator held to a prior fitted to the shop (empirical Bayes); each day's
//!    orders over the baseline are then shared between the creators whose curves reach it.
//!
//! Counts are estimated in `f64` (a statistical estimate, not money); money stays exact:
//! incremental revenue is the estimated orders, rounded to 2 decimals, times her average
//! order value as a `Decimal`.

use super::lift_events;
use super::lift_fit::{self, Kernel, Regression};
use super::lift_leak::Series;
use super::lift_rows::{build_row, rank_rows, with_code_in_flags};
use super::lift_shape::{Sample, Shapes};
use super::lift_uses::{Creator, Kind, Leak, Use, latest_post};
use super::{Facts, Period, ScorecardOptions, is_counted, net_revenue, scorecard};
use crate::domain::Platform;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

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
    /// The shop's organic orders a day (without any creator), on average.
    pub baseline_per_day: f64,
    /// How far a day's orders without a code stray from what the model expects (their
    /// standard deviation): the noise an effect must stand out of.
    pub day_noise: f64,
    /// What the seller should know about the whole report.
    pub notes: Vec<String>,
}

/// The lift of every creator in the period (see the module documentation). It reads the
/// shop's orders a day from [`Facts::days`] and her coded orders one by one from
/// [`Facts::orders`], which must hold at least every order with a code or a `utm_source`
/// (`Store::load_lift_facts` loads just those).
pub fn lift(facts: &Facts, options: &LiftOptions, today: NaiveDate) -> LiftReport {
    lift_with(facts, options, today, true)
}

/// The codes the model suspects of leaking, by influencer id, each with its flag in words
/// ("SARAH20 used 41 times by new buyers outside any post window since 12 May 2026 —
/// leaked?"). Only the coded orders matter here: the facts may hold just those, and no
/// regression is run, so it is cheap enough to run after every import.
pub fn leak_warnings(facts: &Facts, today: NaiveDate) -> Vec<(i64, String)> {
    lift_with(facts, &LiftOptions::default(), today, false)
        .rows
        .into_iter()
        .filter(|r| r.leak_suspected)
        .filter_map(|r| {
            let flag = r.flags.into_iter().find(|f| f.ends_with("leaked?"))?;
            Some((r.influencer_id, flag))
        })
        .collect()
}

/// [`lift`], or with `full` false only what the coded orders tell (no regression, no costs).
fn lift_with(facts: &Facts, options: &LiftOptions, today: NaiveDate, full: bool) -> LiftReport {
    let window = i64::from(options.window_days.max(1));
    let Some((first, last)) = period(facts, options) else {
        return empty_report(options, "no orders in the period");
    };
    if last < first {
        return empty_report(options, "the period is empty");
    }
    let days = (last - first).num_days() + 1;
    let index = facts.influencer_index();
    let code_owners = super::attribution::Owners::new(facts, &index);
    let creators = facts.influencers.len();
    let posts = creator_posts(facts, &index, first);
    let post_days: Vec<Vec<i64>> = posts
        .iter()
        .map(|p| p.iter().map(|(d, _)| *d).collect())
        .collect();
    let (uncoded, shop_aov) = uncoded_days(facts, &code_owners, first, days);
    let uses = coded_uses(facts, &code_owners, first, days);
    // Each use read against her windows.
    let in_window =
        |c: usize, day: i64| latest_post(&post_days[c], day).is_some_and(|p| day - p < window);
    let kinds: Vec<Vec<Kind>> = (0..creators)
        .map(|c| {
            uses[c]
                .iter()
                .map(|(u, repeat)| match (in_window(c, u.day), repeat) {
                    (true, _) => Kind::InWindow,
                    (false, true) => Kind::Fan,
                    (false, false) => Kind::Outside,
                })
                .collect()
        })
        .collect();
    let creator = |c: usize| Creator {
        uses: &uses[c],
        kinds: &kinds[c],
        posts: &post_days[c],
        first,
    };
    // The response to a post, by platform; each creator's curve; her leak, if any.
    let short = Kernel::fit_short(&delays(&uses, &kinds, &post_days), window);
    let first_uses: Vec<Vec<(i64, f64)>> = (0..creators).map(|c| creator(c).first_uses()).collect();
    let samples: Vec<Sample> = (0..creators)
        .map(|c| Sample {
            posts: &posts[c],
            uses: &first_uses[c],
        })
        .collect();
    let shapes = Shapes::fit(short, &samples, days as usize);
    let (responses, leaks): (Vec<Vec<f64>>, Vec<Option<Leak>>) = (0..creators)
        .map(|c| {
            let curves = shapes.curves(&posts[c], days as usize);
            let series = Series {
                uses: &first_uses[c],
                curves: &curves,
            };
            let null = series.response_fit();
            let leak = creator(c).leak(&series, &null, options);
            (Shapes::response(&curves, &null.strengths), leak)
        })
        .unzip();
    let coded: Vec<f64> = (0..creators)
        .map(|c| (creator(c).total(None) - leaks[c].map_or(0.0, |l| l.orders)).max(0.0))
        .collect();

    // Orders without any creator's code, on the baseline, the events and every creator's
    // curve.
    let events: Vec<(i64, i64)> = facts
        .events
        .iter()
        .filter_map(|e| within(first, days, e.first, e.last))
        .collect();
    let (regression, period_cost) = if full {
        let spans = shop_spans(facts, first, days);
        (
            Regression::fit(&uncoded, first, &spans, &events, &responses, &coded),
            costs(facts, first, last, today),
        )
    } else {
        (None, HashMap::new())
    };

    let mut notes = model_notes(facts, &shapes, regression.is_some());
    if let Some(r) = &regression {
        // A quiet day: no post in the window before it and no event on it.
        let quiet = |t: i64| {
            !post_days
                .iter()
                .flatten()
                .any(|&p| p <= t && t - p < window)
                && !events.iter().any(|&(a, b)| (a..=b).contains(&t))
        };
        notes.extend(lift_events::spike_notes(
            &uncoded,
            &r.expected,
            quiet,
            first,
        ));
    }
    let mut rows: Vec<LiftRow> = (0..creators)
        .map(|c| {
            let inf = &facts.influencers[c];
            let creator = creator(c);
            let uncoded = regression.as_ref().map_or((0.0, 0.0), |r| r.uncoded(c));
            let cost = period_cost.get(&inf.id).copied().unwrap_or_default();
            let mut row = build_row(inf, &creator, leaks[c], uncoded, cost, shop_aov, options);
            row.flags
                .extend(lift_events::overlap_flags(facts, creator.posts, first));
            row.flags.extend(lift_events::never_alone_flag(
                &post_days,
                c,
                &events,
                super::burst_days(shapes.mean_delay()),
                &inf.handle,
            ));
            row.daily_coded = vec![0.0; days as usize];
            for (u, _) in creator.uses {
                row.daily_coded[u.day as usize] += u.weight;
            }
            with_code_in_flags(row, &codes_of(facts, inf.id))
        })
        .collect();
    rank_rows(&mut rows);
    LiftReport {
        rows,
        from: Some(first),
        to: Some(last),
        mean_delay_days: shapes.mean_delay(),
        day_noise: regression
            .as_ref()
            .map_or(0.0, |r| lift_fit::residual_sd(&uncoded, &r.expected)),
        baseline_per_day: regression
            .as_ref()
            .map_or(uncoded.iter().sum::<f64>() / days as f64, |r| {
                r.baseline_per_day
            }),
        notes,
    }
}

/// The period: the options' days, else the first and last day with orders.
fn period(facts: &Facts, options: &LiftOptions) -> Option<(NaiveDate, NaiveDate)> {
    let first = options
        .from
        .or_else(|| facts.days.iter().map(|d| d.placed_on).min())?;
    let last = options
        .to
        .or_else(|| facts.days.iter().map(|d| d.placed_on).max())?;
    Some((first, last))
}

/// Her codes, as a flag names them (`SARAH20/SARAH15`).
fn codes_of(facts: &Facts, influencer_id: i64) -> String {
    facts
        .codes
        .iter()
        .filter(|k| k.influencer_id == influencer_id)
        .map(|k| k.code.as_str())
        .collect::<Vec<_>>()
        .join("/")
}

/// Each creator's posts (day from `first`, platform), in time order.
fn creator_posts(
    facts: &Facts,
    index: &HashMap<i64, usize>,
    first: NaiveDate,
) -> Vec<Vec<(i64, Platform)>> {
    let mut posts: Vec<Vec<(i64, Platform)>> = vec![Vec::new(); facts.influencers.len()];
    for p in &facts.posts {
        if let Some(&i) = index.get(&p.influencer_id) {
            posts[i].push(((p.posted_on - first).num_days(), p.platform));
        }
    }
    for p in &mut posts {
        p.sort_unstable_by_key(|(d, _)| *d);
    }
    posts
}

/// Each creator's coded orders in the period one by one, in time order, each with whether
/// its buyer had used her code before (a fan's repeat). An order with several creators'
/// codes or links is shared between them.
fn coded_uses(
    facts: &Facts,
    code_owners: &super::attribution::Owners,
    first: NaiveDate,
    days: i64,
) -> Vec<Vec<(Use, bool)>> {
    let creators = facts.influencers.len();
    // In time order: whether a buyer used a code before depends on it.
    let mut ordered: Vec<&super::OrderFact> =
        facts.orders.iter().filter(|o| is_counted(o)).collect();
    ordered.sort_by_key(|o| (o.placed_at, o.number));
    let mut uses: Vec<Vec<(Use, bool)>> = vec![Vec::new(); creators];
    let mut seen: Vec<HashSet<u32>> = vec![HashSet::new(); creators];
    for o in ordered {
        let day = (o.placed_on - first).num_days();
        // Her code or her link (`utm_source`): both are evidence she brought the order.
        let mut owners: Vec<usize> = code_owners.of_order(o).map(|(who, _)| who).collect();
        owners.sort_unstable();
        owners.dedup();
        let weight = 1.0 / owners.len().max(1) as f64;
        let cents = net_revenue(o) as f64 * weight;
        for &c in &owners {
            let repeat = o.customer.is_some_and(|k| !seen[c].insert(k));
            if (0..days).contains(&day) {
                let customer = o.customer;
                uses[c].push((
                    Use {
                        day,
                        customer,
                        weight,
                        cents,
                    },
                    repeat,
                ));
            }
        }
    }
    uses
}

/// The days of the period each shop sold on (from its first counted order to its last), as
/// day numbers from `first`; the shops that sold on none of the period's `days` are left out.
fn shop_spans(facts: &Facts, first: NaiveDate, days: i64) -> Vec<(i64, i64)> {
    facts
        .shop_spans
        .iter()
        .filter_map(|s| within(first, days, s.first, s.last))
        .collect()
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

/// The orders a day of the period that name no creator (nor a marketing tool of the shop's
/// own), from the day groups, and the shop's average order in cents.
fn uncoded_days(
    facts: &Facts,
    owners: &super::attribution::Owners,
    first: NaiveDate,
    days: i64,
) -> (Vec<f64>, f64) {
    let mut uncoded = vec![0.0f64; days as usize];
    let (mut shop_cents, mut shop_orders) = (0.0, 0.0);
    for d in &facts.days {
        let day = (d.placed_on - first).num_days();
        if !(0..days).contains(&day) {
            continue;
        }
        shop_cents += d.sums.net as f64;
        shop_orders += d.sums.orders as f64;
        // Orders of the shop's own e-mail, affiliate or ads tools leave the pool too.
        let tool = d
            .utm_source
            .and_then(|u| facts.order_utm_names.get(u as usize))
            .is_some_and(|name| super::marketing_tool(name).is_some());
        if !tool && owners.of(&d.codes, d.utm_source).next().is_none() {
            uncoded[day as usize] += d.sums.orders as f64;
        }
    }
    let aov = if shop_orders > 0.0 {
        shop_cents / shop_orders
    } else {
        0.0
    };
    (uncoded, aov)
}

/// What the seller should know about the whole report: several shops, no posts, too little
/// to regress on.
fn model_notes(facts: &Facts, shapes: &Shapes, regressed: bool) -> Vec<String> {
    let mut notes = Vec::new();
    for (platform, mean) in shapes.tails() {
        notes.push(format!(
            "posts on {} keep selling: a long tail of orders, {mean:.0} days after the post \
             on average, is credited to her, not called a leak",
            platform.as_str(),
        ));
    }
    if facts.shop_spans.len() > 1 {
        notes.push(format!(
            "{} shops, each on a baseline of its own over the days it sold (a day before a \
             shop opened is not a day it sold nothing); a creator's figures sum them",
            facts.shop_spans.len()
        ));
    }
    if facts.posts.is_empty() {
        notes.push(
            "no posts are logged: only coded orders can be counted; log posts (date and \
             creator) to estimate the orders her fans placed without her code"
                .to_string(),
        );
    } else if !regressed {
        notes.push(
            "too few days or posts to estimate orders without codes: the figures are her \
             coded orders only"
                .to_string(),
        );
    }
    notes
}

fn empty_report(options: &LiftOptions, why: &str) -> LiftReport {
    LiftReport {
        rows: Vec::new(),
        from: options.from,
        to: options.to,
        mean_delay_days: 0.0,
        baseline_per_day: 0.0,
        day_noise: 0.0,
        notes: vec![why.to_string()],
    }
}

/// The delays between posts and the coded orders in their windows (weighted by the order's
/// share).
fn delays(uses: &[Vec<(Use, bool)>], kinds: &[Vec<Kind>], posts: &[Vec<i64>]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for c in 0..uses.len() {
        for ((u, _), k) in uses[c].iter().zip(&kinds[c]) {
            if *k == Kind::InWindow
                && let Some(p) = latest_post(&posts[c], u.day)
            {
                out.push(((u.day - p) as f64, u.weight));
            }
        }
    }
    out
}

/// What each creator cost in the period, as the scorecard counts it.
fn costs(
    facts: &Facts,
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
) -> HashMap<i64, Decimal> {
    let options = ScorecardOptions {
        period: Period::Custom {
            from: Some(first),
            to: Some(last),
        },
        ..ScorecardOptions::default()
    };
    scorecard(facts, &options, today)
        .rows
        .into_iter()
        .map(|r| (r.influencer_id, r.cost))
        .collect()
}

#[cfg(test)]
#[path = "lift_tests.rs"]
mod tests;
