//! The leak test of the lift model (step 2 in `lift.rs`): is there a step up in a code's
//! first uses, from a day no post explains, that holds steady to the end?
//!
//! A creator's first uses a day (new buyers with her code or link; fans' repeats left out)
//! are read as a Poisson count whose rate is
//!
//! `λ(t) = ε + a₁·R₁(t) + a₂·R₂(t) + b·[t ≥ s]`
//!
//! where `R₁` is the short burst after each of her posts (the shop's fitted decay), `R₂` the
//! long tail after them where her platform's posts keep selling (fitted to the shop in
//! `lift_shape.rs`), `a ≥ 0` her strength in each, and `b ≥ 0` a leak's steady rate from day
//! `s`. `ε` is a floor: a few stray uses
//! of any code, a small share of her own average rate. Both fits are maximum likelihood
//! (EM over the two parts); the test statistic is twice the log-likelihood gained by the
//! step at its best start. Uses that fall off with time since a post are her response, not
//! a step: a step must hold its rate to the end of the data, which a tail does not.

/// A creator's first uses, by day, against her response.
pub(super) struct Series<'a> {
    /// (day, uses), days ascending and distinct; uses may be fractions (shared orders).
    pub(super) uses: &'a [(i64, f64)],
    /// The parts of her response, each over every day of the period: the short burst after
    /// her posts, and the long tail where her platform has one. Each has a strength of its
    /// own, so her own mix of burst and tail is hers.
    pub(super) curves: &'a [Vec<f64>],
}

/// Her response alone, as fitted: each part's strength and the log-likelihood.
#[derive(Debug, Clone)]
pub(super) struct Fit {
    pub(super) strengths: Vec<f64>,
    pub(super) log_likelihood: f64,
}

/// The best step found.
#[derive(Debug, Clone, Copy)]
pub(super) struct Step {
    /// The day it starts.
    pub(super) since: i64,
    /// Its uses a day.
    pub(super) rate: f64,
    /// Twice the log-likelihood it gains over her response alone.
    pub(super) statistic: f64,
}

/// The floor's share of her own average uses a day.
const FLOOR_SHARE: f64 = 0.03;
const ITERATIONS: usize = 40;

impl Series<'_> {
    fn days(&self) -> usize {
        self.curves.first().map_or(0, Vec::len)
    }

    fn floor(&self) -> f64 {
        let total: f64 = self.uses.iter().map(|(_, y)| y).sum();
        FLOOR_SHARE * total / (self.days() as f64).max(1.0) + 1e-4
    }

    fn at(curve: &[f64], day: i64) -> f64 {
        usize::try_from(day)
            .ok()
            .and_then(|d| curve.get(d))
            .copied()
            .unwrap_or(0.0)
    }

    /// The log-likelihood (up to a constant) of strengths `a`, and a step of `b` from `s`.
    fn log_likelihood(&self, floor: f64, a: &[f64], b: f64, s: i64) -> f64 {
        let step_days = (self.days() as f64 - s as f64).max(0.0);
        let observed: f64 = self
            .uses
            .iter()
            .map(|&(t, y)| y * self.rate(floor, a, b, s, t).ln())
            .sum();
        let expected: f64 = self
            .curves
            .iter()
            .zip(a)
            .map(|(c, a)| a * c.iter().sum::<f64>())
            .sum();
        observed - floor * self.days() as f64 - expected - b * step_days
    }

    fn rate(&self, floor: f64, a: &[f64], b: f64, s: i64, t: i64) -> f64 {
        let step = if t >= s { b } else { 0.0 };
        floor
            + self
                .curves
                .iter()
                .zip(a)
                .map(|(c, a)| a * Self::at(c, t))
                .sum::<f64>()
            + step
    }

    /// Her strengths and a step from `s` (none when `s` is `None`), by EM from `a`.
    fn fit(&self, floor: f64, mut a: Vec<f64>, s: Option<i64>) -> (Vec<f64>, f64) {
        let sums: Vec<f64> = self.curves.iter().map(|c| c.iter().sum()).collect();
        let s_day = s.unwrap_or(i64::MAX);
        let step_days = (self.days() as f64 - s_day as f64).max(1.0);
        let after: f64 = self
            .uses
            .iter()
            .filter(|(t, _)| *t >= s_day)
            .map(|(_, y)| y)
            .sum();
        let mut b = if s.is_some() {
            0.5 * after / step_days
        } else {
            0.0
        };
        for _ in 0..ITERATIONS {
            let mut to_a = vec![0.0; a.len()];
            let mut to_b = 0.0;
            for &(t, y) in self.uses {
                let share = y / self.rate(floor, &a, b, s_day, t);
                for (j, c) in self.curves.iter().enumerate() {
                    to_a[j] += share * a[j] * Self::at(c, t);
                }
                if t >= s_day {
                    to_b += share * b;
                }
            }
            for j in 0..a.len() {
                a[j] = if sums[j] > 0.0 {
                    to_a[j] / sums[j]
                } else {
                    0.0
                };
            }
            b = to_b / step_days;
        }
        (a, b)
    }

    /// Her response alone, as fitted.
    pub(super) fn response_fit(&self) -> Fit {
        let floor = self.floor();
        let total: f64 = self.uses.iter().map(|(_, y)| y).sum();
        let sums: Vec<f64> = self.curves.iter().map(|c| c.iter().sum()).collect();
        let all: f64 = sums.iter().sum();
        let start = vec![if all > 0.0 { total / all } else { 0.0 }; self.curves.len()];
        let (a, _) = self.fit(floor, start, None);
        Fit {
            log_likelihood: self.log_likelihood(floor, &a, 0.0, i64::MAX),
            strengths: a,
        }
    }

    /// The step that gains most over her response alone (`null`, from
    /// [`Series::response_fit`]), at any day one of her uses falls on (where the best start
    /// of a step always lies).
    pub(super) fn best_step(&self, null: &Fit) -> Option<Step> {
        let floor = self.floor();
        self.uses
            .iter()
            .map(|&(s, _)| {
                let (a, b) = self.fit(floor, null.strengths.clone(), Some(s));
                Step {
                    since: s,
                    rate: b,
                    statistic: 2.0 * (self.log_likelihood(floor, &a, b, s) - null.log_likelihood),
                }
            })
            .max_by(|x, y| x.statistic.total_cmp(&y.statistic))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(n: usize, posts: &[usize], decay: f64) -> Vec<f64> {
        let mut r = vec![0.0; n];
        for &p in posts {
            for (d, v) in r.iter_mut().skip(p).enumerate() {
                *v += (1.0 - decay) * decay.powi(d as i32);
            }
        }
        r
    }

    /// A code used after each post, falling off, and then used steadily from day 120 with no
    /// post near: the step is found, at day 120.
    #[test]
    fn a_steady_step_from_a_day_no_post_explains_is_found_where_it_starts() {
        let r = response(180, &[10, 60], 0.6);
        let mut uses: Vec<(i64, f64)> = vec![(10, 4.0), (11, 2.0), (12, 1.0), (60, 3.0), (61, 2.0)];
        uses.extend((120..180).step_by(3).map(|t| (t, 1.0)));
        let curves = [r];
        let series = Series {
            uses: &uses,
            curves: &curves,
        };
        let step = series.best_step(&series.response_fit()).unwrap();
        assert_eq!(step.since, 120);
        assert!(step.statistic > 20.0, "{step:?}");
        assert!((step.rate - 1.0 / 3.0).abs() < 0.05, "{step:?}");
    }

    /// Uses that fall off with time since a post (a long tail) are her response: a step
    /// gains little over a response curve of that shape.
    #[test]
    fn a_tail_that_falls_off_is_not_a_step() {
        let r = response(180, &[20], 0.97);
        // About 30 uses, spread as the curve falls: denser early, sparse late.
        let uses: Vec<(i64, f64)> = [
            20, 21, 22, 24, 25, 27, 29, 31, 34, 37, 40, 44, 48, 53, 58, 64, 71, 79, 88, 99, 112,
            128, 150,
        ]
        .iter()
        .map(|&t| (t, 1.0))
        .collect();
        let curves = [r];
        let series = Series {
            uses: &uses,
            curves: &curves,
        };
        let step = series.best_step(&series.response_fit()).unwrap();
        assert!(step.statistic < 6.0, "{step:?}");
    }
}
