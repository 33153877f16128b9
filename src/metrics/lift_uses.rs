//! Steps 1 and 2 of the lift model in `lift.rs`: a creator's coded uses read against her
//! posts (inside a window, a fan's repeat, or outside every window), and the check for a
//! leaked code.

use super::LiftOptions;
use super::lift_fit::Kernel;
use chrono::NaiveDate;
use std::collections::HashSet;

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
    pub(super) window: i64,
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

    pub(super) fn in_window(&self, day: i64) -> bool {
        latest_post(self.posts, day).is_some_and(|p| day - p < self.window)
    }

    /// A leak is suspected when first uses outside every window come steadily: a run of them
    /// (no three free weeks without one) with more uses than the end of the response curve
    /// explains (and at least `leak_min_uses`), over at least three weeks. It starts where
    /// the last such run starts.
    pub(super) fn leak(&self, kernel: &Kernel, options: &LiftOptions) -> Option<Leak> {
        let outside: Vec<(i64, f64)> = self
            .uses
            .iter()
            .zip(self.kinds)
            .filter(|(_, k)| **k == Kind::Outside)
            .map(|((u, _), _)| (u.day, u.weight))
            .collect();
        let in_window = self.total(Some(Kind::InWindow));
        // What the tail of the curve past the window would bring (the curve is cut there,
        // so this is the geometric tail beyond its last day).
        let last = kernel.weights.last().copied().unwrap_or(0.0);
        let tail = in_window * last * 3.0;
        let threshold = f64::from(options.leak_min_uses).max(2.0 * tail + 3.0);
        // Gaps are counted in days outside every window: a window has no outside uses by
        // definition, so it must not break a run.
        let end = self
            .uses
            .last()
            .map_or(0, |(u, _)| u.day)
            .max(outside.last()?.0);
        let mut free_before = vec![0i64; (end + 2).max(1) as usize];
        for d in 0..=end.max(0) {
            let free = i64::from(!self.in_window(d));
            free_before[(d + 1) as usize] = free_before[d as usize] + free;
        }
        let free_at = |d: i64| free_before[d.clamp(0, end + 1) as usize];
        // Runs of outside uses, broken by three free weeks without one; the leak is the last
        // run that is steady: enough uses, over at least three weeks.
        let mut runs: Vec<&[(i64, f64)]> = Vec::new();
        let mut start = 0;
        for i in 1..=outside.len() {
            if i == outside.len() || free_at(outside[i].0) - free_at(outside[i - 1].0) > 21 {
                runs.push(&outside[start..i]);
                start = i;
            }
        }
        let run = runs.into_iter().rev().find(|run| {
            let count: f64 = run.iter().map(|(_, w)| w).sum();
            let weeks: HashSet<i64> = run.iter().map(|(d, _)| d.div_euclid(7)).collect();
            count >= threshold && weeks.len() >= 3
        })?;
        let since = run[0].0;
        let after: f64 = outside
            .iter()
            .filter(|(d, _)| *d >= since)
            .map(|(_, w)| w)
            .sum();
        let (mut free_days, mut window_days) = (0.0f64, 0.0f64);
        for d in since..=end {
            if self.in_window(d) {
                window_days += 1.0;
            } else {
                free_days += 1.0;
            }
        }
        let rate = after / free_days.max(1.0);
        let in_window_after: f64 = self
            .uses
            .iter()
            .zip(self.kinds)
            .filter(|((u, _), k)| **k == Kind::InWindow && u.day >= since)
            .map(|((u, _), _)| u.weight)
            .sum();
        let hidden = (rate * window_days).min(in_window_after);

        Some(Leak {
            since,
            orders: after + hidden,
            variance: hidden + rate * rate * window_days * window_days / free_days.max(1.0),
            outside: after,
        })
    }
}
