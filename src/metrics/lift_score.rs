//! How the lift model did on simulated shops (`lift_sim.rs`) whose truth is known: Kendall's
//! τ against the true ROI ranking, leaks found and falsely flagged, the 80 % ranges'
//! coverage and width, and how much a second shop's orders move the first shop's figures.

use super::super::*;
use super::sim::{self, Scenario, kendall, poisson, price, run, simulate};
use crate::metrics::{OrderFact, ShopSpan};

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// What the model scored, per creator in simulation order.
pub(super) fn by_creator(report: &LiftReport, creators: usize) -> Vec<&LiftRow> {
    (0..creators)
        .map(|c| {
            report
                .rows
                .iter()
                .find(|r| r.influencer_id == c as i64 + 1)
                .unwrap()
        })
        .collect()
}

pub(super) fn roi(row: &LiftRow) -> f64 {
    row.incremental_roi_pct
        .map_or(f64::NEG_INFINITY, |d| d.to_string().parse().unwrap())
}

/// How the model did over several simulated shops.
#[derive(Default)]
pub(super) struct Score {
    pub(super) tau_lift: f64,
    pub(super) tau_code: f64,
    pub(super) recall: f64,
    pub(super) false_rate: f64,
    /// Of the leaks found, the share whose start was found within a week of the truth.
    pub(super) start_within_week: f64,
    pub(super) coverage: f64,
    pub(super) mean_width: f64,
    pub(super) mean_truth: f64,
    /// The mean error of her orders with her code or link she caused, in orders.
    pub(super) owned_error: f64,
    /// The mean error of her incremental orders.
    pub(super) abs_error: f64,
}

/// The shop sizes the hidden checks use: 8 to 20 creators, 5 to 50 organic orders a day.
pub(super) const SIZES: [(usize, f64); 6] = [
    (20, 25.0),
    (12, 12.0),
    (8, 5.0),
    (16, 18.0),
    (10, 50.0),
    (14, 8.0),
];

/// Runs the model on shops of every size of [`SIZES`], seeds `seeds`, each scenario made by
/// `shape` from the plain one.
pub(super) fn evaluate(seeds: std::ops::Range<u64>, shape: impl Fn(Scenario) -> Scenario) -> Score {
    let mut tau_lift = Vec::new();
    let mut tau_code = Vec::new();
    let (mut leaks, mut found, mut clean, mut false_flags, mut near) = (0, 0, 0, 0, 0);
    let (mut covered, mut seen, mut width, mut truth_total) = (0, 0, 0.0, 0.0);
    let (mut owned_error, mut abs_error) = (0.0, 0.0);
    for seed in seeds {
        let (creators, organic) = SIZES[seed as usize % SIZES.len()];
        let (facts, truth) = run(seed, shape(Scenario::plain(creators, organic)));
        let report = lift(&facts, &LiftOptions::default(), today());
        let rows = by_creator(&report, creators);
        let model: Vec<f64> = rows.iter().map(|r| roi(r)).collect();
        tau_lift.push(kendall(&model, &truth.roi));
        tau_code.push(kendall(&code_only(&facts, creators), &truth.roi));
        for (c, row) in rows.iter().enumerate() {
            if let Some(from) = truth.leaked[c] {
                leaks += 1;
                found += usize::from(row.leak_suspected);
                let start = sim::start() + chrono::Days::new(from as u64);
                near += usize::from(
                    row.leak_since
                        .is_some_and(|s| (s - start).num_days().abs() <= 7),
                );
            } else {
                clean += 1;
                false_flags += usize::from(row.leak_suspected);
            }
            owned_error += (row.coded_orders - truth.owned[c]).abs();
            abs_error += (row.incremental_orders - truth.incremental[c]).abs();
            seen += 1;
            covered += usize::from(
                row.incremental_low <= truth.incremental[c]
                    && truth.incremental[c] <= row.incremental_high,
            );
            width += row.incremental_high - row.incremental_low;
            truth_total += truth.incremental[c];
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    Score {
        tau_lift: mean(&tau_lift),
        tau_code: mean(&tau_code),
        recall: found as f64 / leaks.max(1) as f64,
        false_rate: false_flags as f64 / clean.max(1) as f64,
        start_within_week: near as f64 / found.max(1) as f64,
        coverage: covered as f64 / seen as f64,
        mean_width: width / seen as f64,
        mean_truth: truth_total / seen as f64,
        owned_error: owned_error / seen as f64,
        abs_error: abs_error / seen as f64,
    }
}

/// The code-only scorecard's ROI, per creator in simulation order.
pub(super) fn code_only(facts: &Facts, creators: usize) -> Vec<f64> {
    let card = scorecard(facts, &ScorecardOptions::default(), today());
    (0..creators)
        .map(|c| {
            card.rows
                .iter()
                .find(|r| r.influencer_id == c as i64 + 1)
                .and_then(|r| r.roi_pct)
                .map_or(f64::NEG_INFINITY, |d| d.to_string().parse().unwrap())
        })
        .collect()
}

pub(super) fn report(s: &Score) -> String {
    format!(
        "τ lift {:.3} vs code {:.3}; leak recall {:.2} (start within a week {:.2}), false \
         flags {:.2}; coverage {:.2}, mean width {:.1} vs mean truth {:.1} ({:.2}×)",
        s.tau_lift,
        s.tau_code,
        s.recall,
        s.start_within_week,
        s.false_rate,
        s.coverage,
        s.mean_width,
        s.mean_truth,
        s.mean_width / s.mean_truth
    )
}

/// The shapes of shop the checks run: plain, 40 % of caused buyers carrying her link, and
/// YouTube and Pinterest posts with evergreen tails.
pub(super) fn plain(s: Scenario) -> Scenario {
    s
}
pub(super) fn linked(s: Scenario) -> Scenario {
    Scenario {
        link_capture: 0.4,
        ..s
    }
}
pub(super) fn evergreen(s: Scenario) -> Scenario {
    Scenario {
        evergreen: true,
        ..s
    }
}

/// Another shop's orders (no creator's code), 180 days of `per_day` a day from `start`.
pub(super) fn add_shop(facts: &mut Facts, start: NaiveDate, per_day: f64, seed: u64) -> ShopSpan {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut n = facts.orders.len() as i64;
    for t in 0..180u64 {
        let day = start + chrono::Days::new(t);
        for _ in 0..poisson(&mut rng, per_day) {
            n += 1;
            let at = (day - NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()).num_days();
            facts.orders.push(OrderFact {
                placed_at: at * 86_400 + n,
                ..OrderFact::paid(1_000_000 + n, day, price(&mut rng))
            });
        }
    }
    facts.orders.sort_by_key(|o| o.placed_at);
    facts.derive_days();
    ShopSpan {
        name: "second".into(),
        first: start,
        last: start + chrono::Days::new(179),
    }
}

/// The median and 90th percentile relative change of every creator's estimate when a second
/// shop's orders are added before the first shop's, after them or overlapping them (seeds
/// `seeds`, 12 creators, 12 orders a day).
pub(super) fn second_shop_change(seeds: std::ops::Range<u64>) -> (f64, f64) {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let mut changes = Vec::new();
    for seed in seeds {
        let (mut alone, _) = simulate(100 + seed, 12, 12.0);
        let first = ShopSpan {
            name: "first".into(),
            first: start,
            last: start + chrono::Days::new(179),
        };
        alone.shop_spans = vec![first.clone()];
        let before = lift(&alone, &LiftOptions::default(), today());
        for offset in [-400i64, -90, 0, 90, 400] {
            let mut both = alone.clone();
            let other_start = start
                .checked_add_signed(chrono::Duration::days(offset))
                .unwrap();
            let second = add_shop(&mut both, other_start, 20.0, seed + 7);
            both.shop_spans = vec![first.clone(), second];
            let after = lift(&both, &LiftOptions::default(), today());
            for c in 0..12 {
                let (a, b) = (
                    by_creator(&before, 12)[c].incremental_orders,
                    by_creator(&after, 12)[c].incremental_orders,
                );
                changes.push((a - b).abs() / a.max(5.0));
            }
        }
    }
    changes.sort_by(f64::total_cmp);
    (changes[changes.len() / 2], changes[changes.len() * 9 / 10])
}
