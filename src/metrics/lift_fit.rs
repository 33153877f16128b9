//! The lift model's fit (steps 2 and 4 of the model in `lift.rs`): a post's short burst as a
//! decaying curve fitted to coded orders' delays, and the regression of orders without a
//! code on each shop's baseline, the events and each creator's curve.

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

    /// The short burst of a post's response, `window` days long, its decay fitted to the
    /// delays under two weeks only: a long tail's late orders must not stretch it.
    pub(super) fn fit_short(delays: &[(f64, f64)], window: i64) -> Kernel {
        let cut = window.min(14);
        let early: Vec<(f64, f64)> = delays
            .iter()
            .copied()
            .filter(|(d, _)| *d < cut as f64)
            .collect();
        let fitted = Kernel::fit(&early, cut);
        // The decay of the fitted kernel, carried to the whole window.
        let q = match fitted.weights.as_slice() {
            [a, b, ..] if *a > 0.0 => b / a,
            _ => 0.5,
        };
        Kernel::with(q, window)
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
}

/// The fit of orders without codes: a baseline (level, weekday, trend) and each creator's
/// non-negative response to her posts.
///
/// Two creators who post on the same days cannot be told apart by the days alone, so each
/// creator's response is also held to what her coded orders suggest ([`Prior`]): the
/// shop-wide ratio of orders without a code to first buyers with one (fitted first, from all
/// creators together) times her first buyers per post, give or take a spread fitted to the
/// shop. Where the days do tell her apart, they win; where they cannot, her range says so.
pub(super) struct Regression {
    /// Per creator: her orders without a code put down to her posts, and its standard error.
    effects: Vec<Option<(f64, f64)>>,
    pub(super) baseline_per_day: f64,
    /// The orders without a code each day as fitted: baseline, events and creators.
    pub(super) expected: Vec<f64>,
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
        events: &Spans,
        responses: &[Vec<f64>],
        coded: &[f64],
    ) -> Option<Regression> {
        let n = y.len();
        let whole = [(0, n as i64 - 1)];
        let spans = if spans.len() > 1 { spans } else { &whole[..] };
        let sums: Vec<f64> = responses.iter().map(|r| r.iter().sum()).collect();
        let active: Vec<usize> = (0..responses.len()).filter(|&c| sums[c] > 0.0).collect();
        let base = BASELINE_COLUMNS * spans.len() + events.len();
        if active.is_empty() || n < base + 8 {
            return None;
        }
        let x = design(n, first, spans, events, responses, &active);
        // Coded orders per post (a post's curve sums to one): what each creator's curve is
        // worth in coded orders.
        let per_post: Vec<f64> = active.iter().map(|&c| coded[c] / sums[c]).collect();
        let (ratio, sigma2) = pooled_ratio(&x, y, base, &per_post);
        let (mut a, mut b) = x.normal_equations(y);
        for v in a.data.iter_mut().chain(b.iter_mut()) {
            *v /= sigma2;
        }
        let prior = Prior {
            base,
            means: per_post.iter().map(|m| ratio * m).collect(),
            scales: per_post.iter().map(|m| ratio * m + 1.0).collect(),
        };
        let spread = prior.spread(&a, &b);
        let (beta, variance) = prior.fit(&a, &b, spread);
        let mut effects = vec![None; responses.len()];
        for (j, (orders, variance)) in allocate(&x, y, &beta, &variance, base)
            .into_iter()
            .enumerate()
        {
            effects[active[j]] = Some((orders, variance.sqrt()));
        }
        let expected = x.times(&beta);
        let mut base_beta = beta;
        for v in base_beta.iter_mut().skip(base) {
            *v = 0.0;
        }
        let baseline_per_day = x.times(&base_beta).iter().sum::<f64>() / n as f64;
        Some(Regression {
            effects,
            baseline_per_day,
            expected,
        })
    }

    /// A creator's orders without her code over the baseline, and its standard error.
    pub(super) fn uncoded(&self, c: usize) -> (f64, f64) {
        self.effects[c].unwrap_or((0.0, 0.0))
    }
}

/// The standard deviation of `y` around `expected`.
pub(super) fn residual_sd(y: &[f64], expected: &[f64]) -> f64 {
    let n = y.len().max(1) as f64;
    let rss: f64 = y.iter().zip(expected).map(|(a, b)| (a - b).powi(2)).sum();
    (rss / n).sqrt()
}

/// All creators together: the shop's ratio of orders without a code to coded orders after
/// posts (each creator's curve weighted by her coded orders per post), and the variance of a
/// day's orders around that fit.
fn pooled_ratio(x: &Matrix, y: &[f64], base: usize, per_post: &[f64]) -> (f64, f64) {
    let n = y.len();
    let mut pooled = Matrix::zeros(n, base + 1);
    for t in 0..n {
        for j in 0..base {
            pooled.set(t, j, x.at(t, j));
        }
        let z: f64 = (0..per_post.len())
            .map(|j| x.at(t, base + j) * per_post[j])
            .sum();
        pooled.set(t, base, z);
    }
    let (g, h) = pooled.normal_equations(y);
    let non_negative: Vec<bool> = (0..=base).map(|j| j == base).collect();
    let beta = bounded_least_squares(&g, &h, &non_negative);
    let fitted = pooled.times(&beta);
    let rss: f64 = y.iter().zip(&fitted).map(|(a, b)| (a - b).powi(2)).sum();
    (beta[base], (rss / (n - base - 1).max(1) as f64).max(1e-6))
}

/// What each creator's effect (per post) is expected to be before her days are read: the
/// shop's ratio times her coded orders per post, give or take `spread` times her scale.
/// The spread is fitted to the shop (empirical Bayes): how far its creators' own estimates
/// stray from the ratio, beyond what their standard errors explain.
struct Prior {
    base: usize,
    means: Vec<f64>,
    scales: Vec<f64>,
}

impl Prior {
    /// Adds the prior, `spread` wide, to the scaled normal equations and solves them: the
    /// coefficients (creators' non-negative) and their variances.
    fn fit(&self, a: &Matrix, b: &[f64], spread: f64) -> (Vec<f64>, Vec<f64>) {
        let (mut a, mut b) = (a.clone(), b.to_vec());
        for (j, (mean, scale)) in self.means.iter().zip(&self.scales).enumerate() {
            let k = self.base + j;
            let precision = 1.0 / (spread * scale).powi(2);
            a.set(k, k, a.at(k, k) + precision);
            b[k] += precision * mean;
        }
        let non_negative: Vec<bool> = (0..b.len()).map(|j| j >= self.base).collect();
        (
            bounded_least_squares(&a, &b, &non_negative),
            inverse_diagonal(&a),
        )
    }

    /// The spread, by the method of moments over creators' nearly free estimates (each
    /// deviation from her prior mean, squared, less its variance, in units of her scale),
    /// weighted by how well each is known; between 0.5 and 3 (the method of moments alone
    /// reads it too small where creators' own estimates are noisy; the floor was chosen on
    /// the simulated shops of `lift_sim.rs`).
    fn spread(&self, a: &Matrix, b: &[f64]) -> f64 {
        let (free, variance) = self.fit(a, b, 30.0);
        let deviations: Vec<(f64, f64)> = (0..self.means.len())
            .map(|j| {
                let k = self.base + j;
                let scale = self.scales[j];
                (
                    ((free[k] - self.means[j]) / scale).powi(2),
                    variance[k] / scale.powi(2),
                )
            })
            .collect();
        let mut spread2: f64 = 1.0;
        for _ in 0..20 {
            let (mut num, mut den) = (0.0, 0.0);
            for &(d2, v) in &deviations {
                let w = 1.0 / (v + spread2).powi(2);
                num += w * (d2 - v);
                den += w;
            }
            spread2 = (num / den.max(1e-12)).clamp(0.25, 9.0);
        }
        spread2.sqrt()
    }
}

/// Each day's orders over the baseline, shared between the creators whose curves reach it
/// in proportion to what each is expected to bring that day (each buyer without a code is
/// hers with the chance her expected orders are of the day's): per creator, the orders so
/// credited and their variance (her coefficient's, and the sharing's).
fn allocate(x: &Matrix, y: &[f64], beta: &[f64], variance: &[f64], base: usize) -> Vec<(f64, f64)> {
    let creators = beta.len() - base;
    let mut out = vec![(0.0, 0.0); creators];
    for (t, &orders) in y.iter().enumerate() {
        let baseline: f64 = (0..base)
            .map(|k| x.at(t, k) * beta[k])
            .sum::<f64>()
            .max(0.0);
        let expected: Vec<f64> = (0..creators)
            .map(|j| x.at(t, base + j) * beta[base + j])
            .collect();
        let total = baseline + expected.iter().sum::<f64>();
        if total <= 0.0 {
            continue;
        }
        for (j, e) in expected.iter().enumerate() {
            let share = e / total;
            out[j].0 += orders * share;
            out[j].1 += orders * share * (1.0 - share);
        }
    }
    for (j, o) in out.iter_mut().enumerate() {
        let reach: f64 = (0..y.len()).map(|t| x.at(t, base + j)).sum();
        o.1 += variance[base + j].max(0.0) * reach * reach;
    }
    out
}

/// The design matrix: each shop's baseline columns (over its own days), one column per
/// event (1 on its days), then one column per active creator holding her response curve.
fn design(
    n: usize,
    first: NaiveDate,
    spans: &Spans,
    events: &Spans,
    responses: &[Vec<f64>],
    active: &[usize],
) -> Matrix {
    let base = BASELINE_COLUMNS * spans.len() + events.len();
    let mut x = Matrix::zeros(n, base + active.len());
    for (k, &(from, to)) in events.iter().enumerate() {
        for t in from.max(0)..=to.min(n as i64 - 1) {
            x.set(t as usize, BASELINE_COLUMNS * spans.len() + k, 1.0);
        }
    }
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
        for (t, &v) in responses[c].iter().enumerate().take(n) {
            x.set(t, base + j, v);
        }
    }
    x
}
