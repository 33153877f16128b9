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
use super::lift_fit::{self, Regression};
use super::lift_read::Reading;
use super::lift_report::{LiftOptions, LiftReport, LiftRow, within};
use super::lift_rows::rank_rows;
use super::lift_shape::Shapes;
use super::{Facts, Period, ScorecardOptions, scorecard};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

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
    let Some((first, last)) = period(facts, options) else {
        return empty_report(options, "no orders in the period");
    };
    if last < first {
        return empty_report(options, "the period is empty");
    }
    let read = Reading::new(facts, options, first, (last - first).num_days() + 1);
    let (shapes, responses, leaks) = read.responses_and_leaks();
    // Her first buyers with her code or link (less a leak's): what her buyers without one
    // are expected in proportion to (a fan's repeat order brings no new buyer).
    let coded: Vec<f64> = (0..read.creators())
        .map(|c| {
            let first: f64 = read.creator(c).first_uses().iter().map(|(_, y)| y).sum();
            (first - leaks[c].map_or(0.0, |l| l.orders)).max(0.0)
        })
        .collect();
    // Orders without any creator's code, on the baseline, the events and every creator's
    // curve.
    let (regression, period_cost) = if full {
        let spans = shop_spans(facts, first, read.days);
        (
            Regression::fit(
                &read.uncoded,
                first,
                &spans,
                &read.events,
                &responses,
                &coded,
            ),
            costs(facts, first, last, today),
        )
    } else {
        (None, HashMap::new())
    };
    let mut notes = model_notes(facts, &shapes, regression.is_some());
    if let Some(r) = &regression {
        notes.extend(lift_events::spike_notes(
            &read.uncoded,
            &r.expected,
            |t| read.quiet(t),
            first,
        ));
    }
    let burst = super::burst_days(shapes.mean_delay());
    let mut rows: Vec<LiftRow> = (0..read.creators())
        .map(|c| {
            let uncoded = regression.as_ref().map_or((0.0, 0.0), |r| r.uncoded(c));
            let id = facts.influencers[c].id;
            let cost = period_cost.get(&id).copied().unwrap_or_default();
            read.row(c, leaks[c], uncoded, cost, burst)
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
            .map_or(0.0, |r| lift_fit::residual_sd(&read.uncoded, &r.expected)),
        baseline_per_day: regression
            .as_ref()
            .map_or(read.uncoded.iter().sum::<f64>() / read.days as f64, |r| {
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

/// The days of the period each shop sold on (from its first counted order to its last), as
/// day numbers from `first`; the shops that sold on none of the period's `days` are left out.
fn shop_spans(facts: &Facts, first: NaiveDate, days: i64) -> Vec<(i64, i64)> {
    facts
        .shop_spans
        .iter()
        .filter_map(|s| within(first, days, s.first, s.last))
        .collect()
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
