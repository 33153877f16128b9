//! The lift model's fit (steps 3 and 4 of the model in `lift.rs`): the response to a post as a
//! decaying curve fitted to coded orders' delays, and the regression of orders without a
//! code on the shop's baseline and each creator's curve.

use super::linalg::{Matrix, bounded_least_squares, inverse_diagonal};
use chrono::{Datelike, NaiveDate};

/// The response to a post: a geometric decay over the window, `k(d) ∝ q^d`, its rate fitted
/// to the mean delay of coded orders after posts.
#[derive(Debug, Clone)]
pub(super) struct Kernel {
    pub(super) weights: Vec<f64>,
}

impl Kernel {
    pub(super) fn fit(delays: &[(f64, f64)], window: i64) -> Kernel {
        let total: f64 = delays.iter().map(|(_, w)| w).sum();
        let mean = if total > 0.0 {
            delays.iter().map(|(d, w)| d * w).sum::<f64>() / total
        } else {
            3.0 // no coded orders after posts: a few days, as posts usually act
        };
        // The decay q whose truncated mean is the one seen, by bisection.
        let (mut lo, mut hi) = (1e-6, 0.999_999);
        for _ in 0..100 {
            let q = (lo + hi) / 2.0;
            if Kernel::with(q, window).mean() < mean {
                lo = q;
            } else {
                hi = q;
            }
        }
        Kernel::with((lo + hi) / 2.0, window)
    }

    fn with(q: f64, window: i64) -> Kernel {
        let raw: Vec<f64> = (0..window).map(|d| q.powi(d as i32)).collect();
        let sum: f64 = raw.iter().sum();
        Kernel {
            weights: raw.iter().map(|w| w / sum).collect(),
        }
    }

    pub(super) fn mean(&self) -> f64 {
        self.weights
            .iter()
            .enumerate()
            .map(|(d, w)| d as f64 * w)
            .sum()
    }

    fn at(&self, delay: i64) -> f64 {
        usize::try_from(delay)
            .ok()
            .and_then(|d| self.weights.get(d))
            .copied()
            .unwrap_or(0.0)
    }
}

/// The fit of orders without codes: a baseline (level, weekday, trend) and each creator's
/// non-negative response to her posts.
///
/// Two creators who post on the same days cannot be told apart by the days alone, so each
/// creator's response is also held to what her coded orders suggest: the shop-wide ratio of
/// orders without a code to orders with one (fitted first, from all creators together) times
/// her coded orders per post, give or take 75 % of it plus 2 orders. Where the days do tell
/// her apart, they win; where they cannot, her range says so.
pub(super) struct Regression {
    /// Per creator: her orders without a code put down to her posts, and its standard error.
    effects: Vec<Option<(f64, f64)>>,
    pub(super) baseline_per_day: f64,
}

/// The baseline's columns for one shop: level, six weekdays, trend and its square.
const BASELINE_COLUMNS: usize = 9;

/// The days (from the period's first, inclusive) each shop sold on: each has a baseline of
/// its own, zero outside them.
pub(super) type Spans = [(i64, i64)];

impl Regression {
    /// Fits the orders without a code, `y` a day from `first`, on one baseline per shop of
    /// `spans` (one over every day when there is at most one) and each creator's curve.
    pub(super) fn fit(
        y: &[f64],
        first: NaiveDate,
        spans: &Spans,
        posts: &[Vec<i64>],
        kernel: &Kernel,
        coded: &[f64],
    ) -> Option<Regression> {
        let n = y.len();
        let whole = [(0, n as i64 - 1)];
        let spans = if spans.len() > 1 { spans } else { &whole[..] };
        let active: Vec<usize> = (0..posts.len()).filter(|&c| !posts[c].is_empty()).collect();
        let base = BASELINE_COLUMNS * spans.len();
        let p = base + active.len();
        if active.is_empty() || n < base + 8 {
            return None;
        }
        let x = design(n, first, spans, posts, &active, kernel);
        // Coded orders per post: what each creator's curve is worth in coded orders.
        let per_post: Vec<f64> = active
            .iter()
            .map(|&c| coded[c] / posts[c].len() as f64)
            .collect();
        // First, all creators together: the shop's ratio of uncoded to coded lift.
        let mut pooled = Matrix::zeros(n, base + 1);
        for t in 0..n {
            for j in 0..base {
                pooled.set(t, j, x.at(t, j));
            }
            let z: f64 = (0..active.len())
                .map(|j| x.at(t, base + j) * per_post[j])
                .sum();
            pooled.set(t, base, z);
        }
        let (g, h) = pooled.normal_equations(y);
        let non_negative: Vec<bool> = (0..=base).map(|j| j == base).collect();
        let beta = bounded_least_squares(&g, &h, &non_negative);
        let fitted = pooled.times(&beta);
        let rss: f64 = y.iter().zip(&fitted).map(|(a, b)| (a - b).powi(2)).sum();
        let sigma2 = (rss / (n - base - 1) as f64).max(1e-6);
        let ratio = beta[base];
        // Then each creator, held to her prior where the days cannot tell.
        let (mut a, mut b) = x.normal_equations(y);
        for v in &mut a.data {
            *v /= sigma2;
        }
        for v in &mut b {
            *v /= sigma2;
        }
        for (j, &pp) in per_post.iter().enumerate() {
            let mean = ratio * pp;
            let sd = mean + 3.0;
            let k = base + j;
            let precision = 1.0 / (sd * sd);
            a.set(k, k, a.at(k, k) + precision);
            b[k] += precision * mean;
        }
        let non_negative: Vec<bool> = (0..p).map(|j| j >= base).collect();
        let beta = bounded_least_squares(&a, &b, &non_negative);
        let variance = inverse_diagonal(&a);
        let mut effects = vec![None; posts.len()];
        for (j, &c) in active.iter().enumerate() {
            let total: f64 = (0..n).map(|t| x.at(t, base + j)).sum();
            let se = variance[base + j].max(0.0).sqrt();
            effects[c] = Some((beta[base + j] * total, se * total));
        }
        let mut base_beta = beta;
        for v in base_beta.iter_mut().skip(base) {
            *v = 0.0;
        }
        let baseline_per_day = x.times(&base_beta).iter().sum::<f64>() / n as f64;
        Some(Regression {
            effects,
            baseline_per_day,
        })
    }

    /// A creator's orders without her code over the baseline, and its standard error.
    pub(super) fn uncoded(&self, c: usize) -> (f64, f64) {
        self.effects[c].unwrap_or((0.0, 0.0))
    }
}

/// The design matrix: each shop's baseline columns (over its own days), then one column per
/// active creator holding her response curve (the kernel after each of her posts, summed).
fn design(
    n: usize,
    first: NaiveDate,
    spans: &Spans,
    posts: &[Vec<i64>],
    active: &[usize],
    kernel: &Kernel,
) -> Matrix {
    let base = BASELINE_COLUMNS * spans.len();
    let mut x = Matrix::zeros(n, base + active.len());
    for (k, &(from, to)) in spans.iter().enumerate() {
        let (from, to) = (from.max(0), to.min(n as i64 - 1));
        let length = (to - from + 1).max(1) as f64;
        let at = BASELINE_COLUMNS * k;
        for t in from..=to {
            let date = first + chrono::Days::new(t as u64);
            let s = (t - from) as f64 / length - 0.5;
            let t = t as usize;
            x.set(t, at, 1.0);
            let weekday = date.weekday().num_days_from_monday() as usize;
            if weekday > 0 {
                x.set(t, at + weekday, 1.0);
            }
            x.set(t, at + 7, s);
            x.set(t, at + 8, s * s);
        }
    }
    for (j, &c) in active.iter().enumerate() {
        for &post in &posts[c] {
            for d in 0..kernel.weights.len() as i64 {
                let t = post + d;
                if (0..n as i64).contains(&t) {
                    let v = x.at(t as usize, base + j) + kernel.at(d);
                    x.set(t as usize, base + j, v);
                }
            }
        }
    }
    x
}
