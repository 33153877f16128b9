//! Steps 1 and 3 of the lift model in `lift.rs`: a creator's coded uses read against her
//! posts (inside a window, a fan's repeat, or outside every window), and the decision on a
//! leaked code from the step test of `lift_leak.rs`.

use super::LiftOptions;
use super::lift_leak::{Fit, Series};
use chrono::NaiveDate;

/// Twice the log-likelihood a leak's step must gain over her response alone: tuned on the
/// simulated shops of `lift_sim.rs` for at most 5 % false flags (docs/lift.md).
pub(super) const LEAK_STATISTIC: f64 = 6.0;

/// A use of a creator's code: the day (from the start), the customer, the share of the order
/// (1 / the number of creators on it) and its net revenue share in cents.
#[derive(Debug, Clone, Copy)]
pub(super) struct Use {
    pub(super) day: i64,
    pub(super) customer: Option<u32>,
    pub(super) weight: f64,
    pub(super) cents: f64,
}

/// How a coded use is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    InWindow,
    Fan,
    Outside,
}

/// The latest post on or before `day`.
pub(super) fn latest_post(posts: &[i64], day: i64) -> Option<i64> {
    match posts.partition_point(|&p| p <= day) {
        0 => None,
        i => Some(posts[i - 1]),
    }
}

/// One creator's coded uses, read against her posts.
pub(super) struct Creator<'a> {
    pub(super) uses: &'a [(Use, bool)],
    pub(super) kinds: &'a [Kind],
    pub(super) posts: &'a [i64],
    pub(super) first: NaiveDate,
}

/// A suspected leak: from when, how many orders it brought, and the variance of that count.
#[derive(Debug, Clone, Copy)]
pub(super) struct Leak {
    pub(super) since: i64,
    pub(super) orders: f64,
    pub(super) variance: f64,
    pub(super) outside: f64,
}

impl Creator<'_> {
    pub(super) fn total(&self, kind: Option<Kind>) -> f64 {
        self.uses
            .iter()
            .zip(self.kinds)
            .filter(|(_, k)| kind.is_none_or(|want| **k == want))
            .map(|((u, _), _)| u.weight)
            .sum()
    }

    /// Her first uses (fans' repeats left out), summed by day.
    pub(super) fn first_uses(&self) -> Vec<(i64, f64)> {
        let mut out: Vec<(i64, f64)> = Vec::new();
        for (u, repeat) in self.uses {
            if *repeat {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.0 == u.day => last.1 += u.weight,
                _ => out.push((u.day, u.weight)),
            }
        }
        out
    }

    /// A leak is suspected when her first uses step up from a day and hold steady, more
    /// than her response to her posts explains: the step test of `lift_leak.rs` against
    /// `null` (her response alone, fitted to `series`), at [`LEAK_STATISTIC`], with at least
    /// `leak_min_uses` first uses since the step. It took the step's rate times the days
    /// since (at most the first uses there were).
    pub(super) fn leak(&self, series: &Series, null: &Fit, options: &LiftOptions) -> Option<Leak> {
        let step = series.best_step(null)?;
        let after: f64 = series
            .uses
            .iter()
            .filter(|(d, _)| *d >= step.since)
            .map(|(_, y)| y)
            .sum();
        if step.statistic < LEAK_STATISTIC || after < f64::from(options.leak_min_uses) {
            return None;
        }
        let days = series.curves.first().map_or(0, Vec::len) as i64;
        let orders = (step.rate * (days - step.since) as f64).min(after);
        let outside = self
            .uses
            .iter()
            .zip(self.kinds)
            .filter(|((u, _), k)| **k == Kind::Outside && u.day >= step.since)
            .map(|((u, _), _)| u.weight)
            .sum();
        Some(Leak {
            since: step.since,
            orders,
            variance: orders,
            outside,
        })
    }
}
