//! What each creator really caused: orders over the shop's own baseline around her posts,
//! with her code or without it, less the uses of a code that leaked. Pure: facts in, a report
//! out; no store, no clock. docs/lift.md states the model, its assumptions and its limits.
//!
//! The model, in four steps:
//! 1. **Her coded orders** are sorted into uses inside a post's window (caused), repeat uses
//!    by a buyer who used her code before (a fan: caused), and first uses outside every
//!    window (the ones a leak would bring).
//! 2. **A leak** is suspected when such outside uses are many and steady (several weeks);
//!    from the day they start, they and the same rate inside windows are discounted.
//! 3. **The response to a post** is a decaying curve whose shape (a geometric decay) is
//!    estimated from the delays between posts and coded orders.
//! 4. **Orders without her code** are regressed, day by day, on the shop's baseline (level,
//!    weekday, slow trend) and each creator's post-response curve, with non-negative
//!    effects: several creators' overlapping posts share the days they overlap.
//!
//! Counts are estimated in `f64` (a statistical estimate, not money); money stays exact:
//! incremental revenue is the estimated orders, rounded to 2 decimals, times her average
//! order value as a `Decimal`.

use super::lift_fit::{Kernel, Regression};
use super::lift_rows::{build_row, rank_rows, with_code_in_flags};
use super::lift_uses::{Creator, Kind, Leak, Use, latest_post};
use super::{Facts, Period, ScorecardOptions, is_counted, net_revenue, scorecard};
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
    /// How many first uses of a code outside every window (over at least 3 weeks) make a
    /// leak suspected.
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
            leak_min_uses: 5,
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
    let (Some(first), Some(last)) = (
        options
            .from
            .or_else(|| facts.days.iter().map(|d| d.placed_on).min()),
        options
            .to
            .or_else(|| facts.days.iter().map(|d| d.placed_on).max()),
    ) else {
        return empty_report(options, "no orders in the period");
    };
    if last < first {
        return empty_report(options, "the period is empty");
    }
    let days = (last - first).num_days() + 1;
    let day_of = |d: NaiveDate| (d - first).num_days();

    let index = facts.influencer_index();
    let code_owners = super::attribution::Owners::new(facts, &index);
    let creators = facts.influencers.len();
    let mut post_days: Vec<Vec<i64>> = vec![Vec::new(); creators];
    for p in &facts.posts {
        if let Some(&i) = index.get(&p.influencer_id) {
            post_days[i].push(day_of(p.posted_on));
        }
    }
    for d in &mut post_days {
        d.sort_unstable();
    }

    let (uncoded, shop_aov) = uncoded_days(facts, &code_owners, first, days);
    // Her coded orders one by one, in time order: whether a buyer used a code before
    // depends on it.
    let mut ordered: Vec<&super::OrderFact> =
        facts.orders.iter().filter(|o| is_counted(o)).collect();
    ordered.sort_by_key(|o| (o.placed_at, o.number));
    let mut uses: Vec<Vec<(Use, bool)>> = vec![Vec::new(); creators];
    let mut seen: Vec<HashSet<u32>> = vec![HashSet::new(); creators];
    for o in ordered {
        let day = day_of(o.placed_on);
        // Her code or her link (`utm_source`): both are evidence she brought the order.
        let mut owners: Vec<usize> = code_owners.of_order(o).map(|(who, _)| who).collect();
        owners.sort_unstable();
        owners.dedup();
        if owners.is_empty() {
            continue;
        }
        let inside = (0..days).contains(&day);
        let cents = net_revenue(o) as f64;
        let weight = 1.0 / owners.len() as f64;
        for &c in &owners {
            let repeat = o.customer.is_some_and(|k| !seen[c].insert(k));
            if inside {
                let u = Use {
                    day,
                    customer: o.customer,
                    weight,
                    cents: cents * weight,
                };
                uses[c].push((u, repeat));
            }
        }
    }
    // Each use read against her windows; the response curve from the delays in windows.
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
        window,
        first,
    };
    // The curve from the delays of coded orders in windows; fitted again without the days
    // of suspected leaks, whose orders come whatever the posts.
    let kernel = Kernel::fit(
        &delays(&uses, &kinds, &post_days, &vec![None; creators]),
        window,
    );
    let leaks: Vec<Option<Leak>> = (0..creators)
        .map(|c| creator(c).leak(&kernel, options))
        .collect();
    let since: Vec<Option<i64>> = leaks.iter().map(|l| l.map(|l| l.since)).collect();
    let kernel = Kernel::fit(&delays(&uses, &kinds, &post_days, &since), window);
    let coded: Vec<f64> = (0..creators)
        .map(|c| (creator(c).total(None) - leaks[c].map_or(0.0, |l| l.orders)).max(0.0))
        .collect();

    // Orders without any creator's code, on the baseline and every creator's curve.
    let (regression, period_cost) = if full {
        (
            Regression::fit(
                &uncoded,
                first,
                &shop_spans(facts, first, days),
                &post_days,
                &kernel,
                &coded,
            ),
            costs(facts, first, last, today),
        )
    } else {
        (None, HashMap::new())
    };

    let notes = model_notes(facts, regression.is_some());
    let mut rows: Vec<LiftRow> = (0..creators)
        .map(|c| {
            let inf = &facts.influencers[c];
            let creator = creator(c);
            let leak = leaks[c];
            let uncoded = regression.as_ref().map_or((0.0, 0.0), |r| r.uncoded(c));
            let cost = period_cost.get(&inf.id).copied().unwrap_or_default();
            let code = facts
                .codes
                .iter()
                .filter(|k| k.influencer_id == inf.id)
                .map(|k| k.code.as_str())
                .collect::<Vec<_>>()
                .join("/");
            let mut row = build_row(inf, &creator, leak, uncoded, cost, shop_aov, options);
            row.daily_coded = vec![0.0; days as usize];
            for (u, _) in creator.uses {
                row.daily_coded[u.day as usize] += u.weight;
            }
            with_code_in_flags(row, &code)
        })
        .collect();
    rank_rows(&mut rows);
    LiftReport {
        rows,
        from: Some(first),
        to: Some(last),
        mean_delay_days: kernel.mean(),
        baseline_per_day: regression
            .as_ref()
            .map_or(uncoded.iter().sum::<f64>() / days as f64, |r| {
                r.baseline_per_day
            }),
        notes,
    }
}

/// The days of the period each shop sold on (from its first counted order to its last), as
/// day numbers from `first`; the shops that sold on none of the period's `days` are left out.
fn shop_spans(facts: &Facts, first: NaiveDate, days: i64) -> Vec<(i64, i64)> {
    facts
        .shop_spans
        .iter()
        .map(|s| ((s.first - first).num_days(), (s.last - first).num_days()))
        .filter(|&(from, to)| to >= 0 && from < days)
        .map(|(from, to)| (from.max(0), to.min(days - 1)))
        .collect()
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
fn model_notes(facts: &Facts, regressed: bool) -> Vec<String> {
    let mut notes = Vec::new();
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
        notes: vec![why.to_string()],
    }
}

/// The delays between posts and the coded orders in their windows (weighted by the order's
/// share), leaving out each creator's orders from the start of a suspected leak.
fn delays(
    uses: &[Vec<(Use, bool)>],
    kinds: &[Vec<Kind>],
    posts: &[Vec<i64>],
    leak_since: &[Option<i64>],
) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for c in 0..uses.len() {
        for ((u, _), k) in uses[c].iter().zip(&kinds[c]) {
            if *k == Kind::InWindow
                && leak_since[c].is_none_or(|s| u.day < s)
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
