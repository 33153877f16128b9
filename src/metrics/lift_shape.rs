//! The response to a post, by platform (step 2 of the model in `lift.rs`): a short burst
//! whose decay is fitted to the delays of coded orders after posts, and, where the shop's
//! data shows it, a long tail (a YouTube video or a Pinterest pin that keeps selling for
//! months at a falling rate). Each platform's tail (whether it has one, and its mean delay)
//! is chosen from a small grid by the likelihood of every creator's first uses on that
//! platform, each with her own strength in burst and tail and allowed a leak step of her
//! own, so that a leak is not mistaken for a tail.

use super::lift_fit::Kernel;
use super::lift_leak::{Series, SharePrior, Weekly};
use crate::domain::Platform;

/// The weight of the prior on a creator's tail share, in pseudo-uses (`SharePrior`), and
/// the first uses a creator needs for her share to count towards her platform's prior.
const SHARE_WEIGHT: f64 = 10.0;
const PRIOR_USES: f64 = 5.0;
/// The mean delays of a long tail tried per platform, in days.
const TAIL_MEANS: [f64; 3] = [20.0, 45.0, 90.0];
/// The log-likelihood a tail must gain over all of a platform's creators to be taken: a
/// little for the tail's mean, and a little for each creator's strength in it.
const TAIL_GAIN: f64 = 3.0;
const TAIL_GAIN_PER_CREATOR: f64 = 1.5;
/// What a creator's leak step costs while the tail is chosen (half the leak test's
/// threshold): where a step explains her uses better, it does, and a tail is not bent to
/// fit a leak.
const STEP_COST: f64 = super::lift_uses::LEAK_STATISTIC / 2.0;
/// How many weeks a step may start in, at most, while a shape is chosen (what a step would
/// gain is all the choice needs, roughly).
const SHAPE_SCANNED: usize = 26;

/// The response to a post on each platform.
#[derive(Debug, Clone)]
pub(super) struct Shapes {
    short: Kernel,
    /// (platform, the tail's mean delay in days) where a platform's posts have a tail.
    tails: Vec<(Platform, f64)>,
}

/// One creator as the fit sees her: her posts (day, platform) and her first uses by day.
pub(super) struct Sample<'a> {
    pub(super) posts: &'a [(i64, Platform)],
    pub(super) uses: &'a [(i64, f64)],
}

impl Shapes {
    /// The short burst alone on every platform; then, platform by platform, the tail the
    /// shop's first uses support best, if any.
    pub(super) fn fit(short: Kernel, samples: &[Sample], days: usize) -> Shapes {
        let mut shapes = Shapes {
            short,
            tails: Vec::new(),
        };
        let mut platforms: Vec<Platform> = samples
            .iter()
            .flat_map(|s| s.posts.iter().map(|p| p.1))
            .collect();
        platforms.sort_by_key(|p| p.as_str());
        platforms.dedup();
        for platform in platforms {
            let on: Vec<&Sample> = samples
                .iter()
                .filter(|s| s.posts.iter().any(|p| p.1 == platform) && !s.uses.is_empty())
                .collect();
            let score = |shapes: &Shapes| -> f64 {
                on.iter()
                    .map(|s| {
                        let curves = shapes.curves(s.posts, days);
                        let daily = Series {
                            uses: s.uses,
                            curves: &curves,
                            prior: None,
                        };
                        // By week: the shape needs the likelihood, not the day of a step.
                        let weekly = Weekly::of(&daily);
                        let series = weekly.series();
                        let null = series.response_fit();
                        let gain = series
                            .scan(&null, SHAPE_SCANNED)
                            .map_or(0.0, |st| (st.statistic / 2.0 - STEP_COST).max(0.0));
                        null.log_likelihood + gain
                    })
                    .sum()
            };
            // Where posts are known to keep selling (a video, a pin, a blog post), the
            // tail is there and only its length is chosen: a creator without one has no
            // strength in it. Elsewhere a tail must earn its place.
            let evergreen = matches!(
                platform,
                Platform::Youtube | Platform::Pinterest | Platform::Blog
            );
            let needed = TAIL_GAIN + TAIL_GAIN_PER_CREATOR * on.len() as f64;
            let mut best = if evergreen {
                (f64::NEG_INFINITY, None)
            } else {
                (score(&shapes) + needed, None)
            };
            for mean in TAIL_MEANS {
                let mut tried = shapes.clone();
                tried.tails.push((platform, mean));
                let s = score(&tried);
                if s > best.0 {
                    best = (s, Some((platform, mean)));
                }
            }
            shapes.tails.extend(best.1);
        }
        shapes
    }

    /// The prior on each creator's tail share (`None` without a tail): the median share
    /// of her platform's creators fitted freely, from those with [`PRIOR_USES`] first uses
    /// or more, held within the prior's bounds; no prior where none has that many.
    pub(super) fn share_priors(
        &self,
        samples: &[Sample],
        curves: &[Vec<Vec<f64>>],
    ) -> Vec<Option<SharePrior>> {
        let tailed = |s: &Sample| {
            s.posts
                .iter()
                .find_map(|p| self.tails.iter().find(|t| t.0 == p.1).map(|t| t.0))
        };
        let mut shares: Vec<(Platform, f64)> = Vec::new();
        for (s, c) in samples.iter().zip(curves) {
            let total: f64 = s.uses.iter().map(|u| u.1).sum();
            if let (Some(platform), true) = (tailed(s), total >= PRIOR_USES) {
                let fit = Series {
                    uses: s.uses,
                    curves: c,
                    prior: None,
                }
                .response_fit();
                if let [burst, tail] = fit.strengths[..]
                    && burst + tail > 0.0
                {
                    shares.push((platform, tail / (burst + tail)));
                }
            }
        }
        let bound = 1.0 / SHARE_WEIGHT;
        samples
            .iter()
            .map(|s| {
                let platform = tailed(s)?;
                let mut on: Vec<f64> = shares
                    .iter()
                    .filter(|x| x.0 == platform)
                    .map(|x| x.1)
                    .collect();
                on.sort_by(f64::total_cmp);
                let median = *on.get(on.len() / 2)?;
                Some(SharePrior {
                    share: median.clamp(bound, 1.0 - bound),
                    weight: SHARE_WEIGHT,
                })
            })
            .collect()
    }

    /// The short burst's mean delay, in days.
    pub(super) fn mean_delay(&self) -> f64 {
        self.short.mean()
    }

    /// The platforms whose posts have a long tail, with its mean delay.
    pub(super) fn tails(&self) -> &[(Platform, f64)] {
        &self.tails
    }

    /// The parts of a creator's response over `days` days: the short burst after each of
    /// her posts, and the long tail after those on a platform that has one (if any).
    pub(super) fn curves(&self, posts: &[(i64, Platform)], days: usize) -> Vec<Vec<f64>> {
        let mut short = vec![0.0; days];
        let mut tail = vec![0.0; days];
        let mut tailed = false;
        for &(day, platform) in posts {
            add_from(&mut short, day, &self.short.weights);
            if let Some(&(_, mean)) = self.tails.iter().find(|t| t.0 == platform) {
                add_from(&mut tail, day, &geometric(mean, days));
                tailed = true;
            }
        }
        if tailed {
            vec![short, tail]
        } else {
            vec![short]
        }
    }

    /// Her response curve, each post's summing to one: the parts mixed as her strengths
    /// in them are (an even mix where she has none).
    pub(super) fn response(curves: &[Vec<f64>], strengths: &[f64]) -> Vec<f64> {
        let total: f64 = strengths.iter().sum();
        let days = curves.first().map_or(0, Vec::len);
        (0..days)
            .map(|t| {
                curves
                    .iter()
                    .zip(strengths)
                    .map(|(c, a)| {
                        let share = if total > 0.0 {
                            a / total
                        } else {
                            1.0 / curves.len() as f64
                        };
                        share * c[t]
                    })
                    .sum()
            })
            .collect()
    }
}

/// Adds `kernel` to `curve` from `day` on.
fn add_from(curve: &mut [f64], day: i64, kernel: &[f64]) {
    for (d, k) in kernel.iter().enumerate() {
        if let Ok(t) = usize::try_from(day + d as i64)
            && t < curve.len()
        {
            curve[t] += k;
        }
    }
}

/// A geometric decay with mean delay `mean` days, summing to one (cut at five means, or at
/// `days`).
fn geometric(mean: f64, days: usize) -> Vec<f64> {
    let stay = mean / (mean + 1.0);
    let length = ((5.0 * mean) as usize).min(days.max(1));
    let raw: Vec<f64> = (0..length).map(|d| stay.powi(d as i32)).collect();
    let sum: f64 = raw.iter().sum();
    raw.iter().map(|w| w / sum).collect()
}
