//! The leak test of the lift model (step 3 in `lift.rs`): is there a step up in a code's
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
//! `s`. `ε` is a floor: a few stray uses of any code, a small share of her own average rate.
//! Both fits are maximum likelihood (EM over the parts); the test statistic is twice the log-likelihood gained by the
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
    /// Where her response has a tail: what the shop's other creators on her platform say
    /// of the tail's share of a post's buyers. Without it a tail is free to take any share,
    /// and a leak's steady uses after a post can pass for a tail of twenty times the burst.
    pub(super) prior: Option<SharePrior>,
}

/// A Beta prior on the tail's share of her strengths, `a₂ / (a₁ + a₂)`: mean `share`,
/// weight `weight` (as many pseudo-uses).
#[derive(Debug, Clone, Copy)]
pub(super) struct SharePrior {
    pub(super) share: f64,
    pub(super) weight: f64,
}

impl SharePrior {
    /// The log-density (up to a constant) of strengths `a`; zero without two parts.
    fn log_density(prior: Option<Self>, a: &[f64]) -> f64 {
        match (prior, a) {
            (Some(p), [burst, tail]) if burst + tail > 0.0 => {
                let w = (tail / (burst + tail)).clamp(1e-9, 1.0 - 1e-9);
                (p.weight * p.share - 1.0) * w.ln()
                    + (p.weight * (1.0 - p.share) - 1.0) * (-w).ln_1p()
            }
            _ => 0.0,
        }
    }

    /// The M-step for two parts under the prior: `to` the uses each part took, `sums` each
    /// curve's sum. The total strength follows from the share; the share is the root of the
    /// expected log-posterior's slope, found by bisection (it runs from +∞ to −∞).
    fn strengths(self, to: [f64; 2], sums: [f64; 2]) -> [f64; 2] {
        let n = to[0] + to[1];
        let up = to[1] + self.weight * self.share - 1.0;
        let down = to[0] + self.weight * (1.0 - self.share) - 1.0;
        let slope = |w: f64| {
            -n * (sums[1] - sums[0]) / ((1.0 - w) * sums[0] + w * sums[1]) + up / w
                - down / (1.0 - w)
        };
        let (mut lo, mut hi) = (1e-9, 1.0 - 1e-9);
        for _ in 0..40 {
            let mid = 0.5 * (lo + hi);
            if slope(mid) > 0.0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let w = 0.5 * (lo + hi);
        let total = n / ((1.0 - w) * sums[0] + w * sums[1]);
        [total * (1.0 - w), total * w]
    }
}

/// Her response alone, as fitted: each part's strength and the log-likelihood (and each
/// curve's sum, which every fit from it needs).
#[derive(Debug, Clone)]
pub(super) struct Fit {
    pub(super) strengths: Vec<f64>,
    pub(super) log_likelihood: f64,
    sums: Vec<f64>,
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
const ITERATIONS: usize = 25;
/// The iterations of a rough fit, when the start of a step is looked for.
const SCAN_ITERATIONS: usize = 8;

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
    fn log_likelihood(&self, floor: f64, sums: &[f64], a: &[f64], b: f64, s: i64) -> f64 {
        let step_days = (self.days() as f64 - s as f64).max(0.0);
        let observed: f64 = self
            .uses
            .iter()
            .map(|&(t, y)| y * self.rate(floor, a, b, s, t).ln())
            .sum();
        let expected: f64 = sums.iter().zip(a).map(|(c, a)| a * c).sum();
        observed - floor * self.days() as f64 - expected - b * step_days
            + SharePrior::log_density(self.prior, a)
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
    fn fit(
        &self,
        (floor, sums): (f64, &[f64]),
        mut a: Vec<f64>,
        s: Option<i64>,
        iterations: usize,
    ) -> (Vec<f64>, f64) {
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
        // Her curves on the days of her uses, once: the loop below reads only these.
        let k = self.curves.len();
        let values: Vec<f64> = self
            .uses
            .iter()
            .flat_map(|&(t, _)| self.curves.iter().map(move |c| Self::at(c, t)))
            .collect();
        let mut to_a = vec![0.0; k];
        for _ in 0..iterations {
            to_a.fill(0.0);
            let mut to_b = 0.0;
            for (i, &(t, y)) in self.uses.iter().enumerate() {
                let v = &values[i * k..(i + 1) * k];
                let step = if t >= s_day { b } else { 0.0 };
                let rate = floor + step + a.iter().zip(v).map(|(a, v)| a * v).sum::<f64>();
                let share = y / rate;
                for j in 0..k {
                    to_a[j] += share * a[j] * v[j];
                }
                to_b += share * step;
            }
            match (self.prior, sums) {
                (Some(prior), &[s1, s2]) if s1 > 0.0 && s2 > 0.0 => {
                    a.copy_from_slice(&prior.strengths([to_a[0], to_a[1]], [s1, s2]));
                }
                _ => {
                    for j in 0..a.len() {
                        a[j] = if sums[j] > 0.0 {
                            to_a[j] / sums[j]
                        } else {
                            0.0
                        };
                    }
                }
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
        let (a, _) = self.fit((floor, &sums), start, None, ITERATIONS);
        Fit {
            log_likelihood: self.log_likelihood(floor, &sums, &a, 0.0, i64::MAX),
            strengths: a,
            sums,
        }
    }

    /// The step that gains most over her response alone (`null`, from
    /// [`Series::response_fit`]), starting on a day one of her uses falls on (where the best
    /// start of a step always lies): first the week it starts in, from her uses and curves
    /// summed by week ([`Weekly`]); then every use day around that week, fitted roughly; the
    /// best of them fitted fully.
    pub(super) fn best_step(&self, null: &Fit) -> Option<Step> {
        let weekly = Weekly::of(self);
        let series = weekly.series();
        let week = series.scan(&series.response_fit(), usize::MAX)?.since;
        let near = self
            .uses
            .iter()
            .map(|&(t, _)| t)
            .filter(|t| (week * 7 - 3..week * 7 + 10).contains(t))
            .map(|s| self.step_at(null, s, SCAN_ITERATIONS))
            .max_by(|x, y| x.statistic.total_cmp(&y.statistic))?;
        Some(self.step_at(null, near.since, ITERATIONS))
    }

    /// A rough scan: a step from each day one of her uses falls on (every so many, for at
    /// most `most` starts), fitted in a few iterations; the best. On a [`Weekly`] series, a
    /// step from each week.
    pub(super) fn scan(&self, null: &Fit, most: usize) -> Option<Step> {
        let every = self.uses.len().div_ceil(most.max(1)).max(1);
        self.uses
            .iter()
            .step_by(every)
            .map(|&(s, _)| self.step_at(null, s, SCAN_ITERATIONS))
            .max_by(|x, y| x.statistic.total_cmp(&y.statistic))
    }

    /// A step from `s`, fitted in `iterations` from her response alone.
    fn step_at(&self, null: &Fit, s: i64, iterations: usize) -> Step {
        let floor = self.floor();
        let sums = &null.sums;
        let (a, b) = self.fit((floor, sums), null.strengths.clone(), Some(s), iterations);
        let gained = self.log_likelihood(floor, sums, &a, b, s) - null.log_likelihood;
        Step {
            since: s,
            rate: b,
            statistic: 2.0 * gained,
        }
    }
}

/// A creator's uses and curves summed by week (days 0–6 are week 0): the same model, a
/// seventh of the work, for finding the week a step starts in and for choosing a response
/// shape (a sum of Poisson counts is a Poisson count, so a weekly step is the model exactly
/// when the step starts on a week's first day).
pub(super) struct Weekly {
    uses: Vec<(i64, f64)>,
    curves: Vec<Vec<f64>>,
    prior: Option<SharePrior>,
}

impl Weekly {
    pub(super) fn of(daily: &Series) -> Weekly {
        let weeks = daily.days().div_ceil(7);
        let mut uses: Vec<(i64, f64)> = Vec::new();
        for &(t, y) in daily.uses {
            match uses.last_mut() {
                Some(last) if last.0 == t.div_euclid(7) => last.1 += y,
                _ => uses.push((t.div_euclid(7), y)),
            }
        }
        let curves = daily
            .curves
            .iter()
            .map(|c| {
                (0..weeks)
                    .map(|w| c[w * 7..(w * 7 + 7).min(c.len())].iter().sum())
                    .collect()
            })
            .collect();
        Weekly {
            uses,
            curves,
            prior: daily.prior,
        }
    }

    pub(super) fn series(&self) -> Series<'_> {
        Series {
            uses: &self.uses,
            curves: &self.curves,
            prior: self.prior,
        }
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
            prior: None,
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
            prior: None,
        };
        let step = series.best_step(&series.response_fit()).unwrap();
        assert!(step.statistic < 6.0, "{step:?}");
    }

    /// With curves of equal sums the prior's M-step has a closed form: the share is the
    /// tail's uses plus the prior's pseudo-uses over all of them.
    #[test]
    fn the_share_prior_adds_its_pseudo_uses() {
        let prior = SharePrior {
            share: 0.5,
            weight: 10.0,
        };
        let [burst, tail] = prior.strengths([2.0, 38.0], [4.0, 4.0]);
        let share = tail / (burst + tail);
        assert!(
            (share - (38.0 + 4.0) / (40.0 + 8.0)).abs() < 1e-6,
            "{share}"
        );
        assert!(((burst + tail) * 4.0 - 40.0).abs() < 1e-6);
    }

    /// A post, a long flat tail, and a steady step of uses from day 100: without a prior the
    /// tail takes nearly all of her strength and hides the step; with the shop's prior
    /// (tails carry about half of a post's buyers) the step stands out.
    #[test]
    fn a_tail_held_to_the_shops_share_does_not_hide_a_leak() {
        let days = 180;
        let burst = response(days, &[60], 0.6);
        let tail = response(days, &[60], 0.99);
        let mut uses: Vec<(i64, f64)> = vec![(60, 3.0), (61, 2.0), (62, 1.0), (75, 1.0)];
        uses.extend((100..180).step_by(2).map(|t| (t, 1.0)));
        let curves = [burst, tail];
        let statistic = |prior| {
            let series = Series {
                uses: &uses,
                curves: &curves,
                prior,
            };
            series.best_step(&series.response_fit()).unwrap().statistic
        };
        let free = statistic(None);
        let held = statistic(Some(SharePrior {
            share: 0.5,
            weight: 10.0,
        }));
        assert!(held > free + 2.0, "held {held:.1}, free {free:.1}");
        assert!(held > super::super::lift_uses::LEAK_STATISTIC, "{held:.1}");
    }
}
