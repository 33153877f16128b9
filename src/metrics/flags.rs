//! Engagement anomaly flags, each with its reason in words: a post's engagement rate far
//! outside its tier's usual range, followers that jump without engagement to match, and
//! engagement far above the creator's own history. See docs/metrics.md, "Engagement flags".

use super::{Facts, PostFact, Tiers, engagement_rate_pct};
use crate::domain::Platform;
use crate::domain::fmt2;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The usual engagement rate of each tier, low and high, in percent: on Instagram and every
/// platform without ranges of its own (settings `eng-nano`, `eng-micro`, `eng-macro`,
/// `eng-mega`), and on TikTok, YouTube and Pinterest, whose audiences engage very
/// differently (settings `eng-tiktok`, `eng-youtube`, `eng-pinterest`: four ranges, nano to
/// mega).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementRanges {
    pub nano: (Decimal, Decimal),
    pub micro: (Decimal, Decimal),
    pub macro_: (Decimal, Decimal),
    pub mega: (Decimal, Decimal),
    /// Each platform with ranges of its own, nano to mega.
    pub platforms: [(Platform, TierRanges); 3],
}

/// A range for each tier, nano to mega, low and high, in percent.
pub type TierRanges = [(Decimal, Decimal); 4];

/// The platforms with ranges of their own, in [`EngagementRanges::platforms`] order.
pub const RANGED_PLATFORMS: [Platform; 3] =
    [Platform::Tiktok, Platform::Youtube, Platform::Pinterest];

/// The default ranges of [`RANGED_PLATFORMS`], in tenths of a percent. Rounded from the
/// 2024–25 benchmark reports (Influencer Marketing Hub's TikTok and YouTube benchmarks,
/// HypeAuditor's State of Influencer Marketing, Pinterest's business guidance): TikTok's
/// rates by followers run two to three times Instagram's, YouTube's (engagements over
/// subscribers) about half, Pinterest's (saves and reactions over followers) a fifth.
const PLATFORM_DEFAULTS: [[(i64, i64); 4]; 3] = [
    [(80, 250), (50, 180), (40, 120), (20, 80)],
    [(20, 80), (15, 60), (10, 40), (5, 30)],
    [(5, 40), (3, 25), (2, 15), (1, 10)],
];

impl Default for EngagementRanges {
    /// The field's 2025–26 guidance: nano 5–15 %, micro 3–8 %, macro 2–5 %, mega 1–3 %.
    fn default() -> Self {
        let r = |lo: i64, hi: i64| (Decimal::from(lo), Decimal::from(hi));
        let tenths = |(lo, hi): (i64, i64)| (Decimal::new(lo, 1), Decimal::new(hi, 1));
        EngagementRanges {
            nano: r(5, 15),
            micro: r(3, 8),
            macro_: r(2, 5),
            mega: r(1, 3),
            platforms: std::array::from_fn(|i| {
                (RANGED_PLATFORMS[i], PLATFORM_DEFAULTS[i].map(tenths))
            }),
        }
    }
}

impl EngagementRanges {
    /// The range of a tier by its name (as [`Tiers::of`] gives it), on `platform`: its own
    /// where it has them, else the shared ones.
    pub fn of(&self, platform: Platform, tier: &str) -> (Decimal, Decimal) {
        let i = match tier {
            "nano" => 0,
            "micro" => 1,
            "macro" => 2,
            _ => 3,
        };
        match self.platforms.iter().find(|(p, _)| *p == platform) {
            Some((_, ranges)) => ranges[i],
            None => [self.nano, self.micro, self.macro_, self.mega][i],
        }
    }
}

/// A rate above `FAR_ABOVE` × the range's high end, or below its low end / `FAR_BELOW`, is
/// far outside it.
pub const FAR_ABOVE: Decimal = Decimal::from_parts(15, 0, 0, false, 1);
pub const FAR_BELOW: Decimal = Decimal::TWO;
/// Followers that grow by at least this share between two posts...
pub const FOLLOWER_JUMP: Decimal = Decimal::from_parts(25, 0, 0, false, 2);
/// ...while engagement grows by less than this part of that growth, jump without match.
pub const MATCH_SHARE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);
/// A rate above this many times the median of her earlier posts is far above her history...
pub const ABOVE_HISTORY: Decimal = Decimal::from_parts(3, 0, 0, false, 0);
/// ...once she has at least this many earlier posts.
pub const HISTORY_POSTS: usize = 3;

/// What kind of anomaly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    OutsideTier,
    FollowerJump,
    AboveHistory,
}

/// One anomaly of one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub influencer_id: i64,
    pub post_id: i64,
    pub posted_on: NaiveDate,
    pub kind: FlagKind,
    /// The reason in words, with the figures.
    pub reason: String,
}

/// A post's engagement rate, `None` when nothing was counted (not judged) or no followers.
fn rate(post: &PostFact) -> Option<Decimal> {
    if post.engagements == 0 {
        return None;
    }
    engagement_rate_pct(1, post.engagements, post.followers)
}

/// Every flag of every post, by influencer and then date.
pub fn engagement_flags(facts: &Facts, tiers: &Tiers, ranges: &EngagementRanges) -> Vec<Flag> {
    let mut posts: Vec<&PostFact> = facts.posts.iter().collect();
    posts.sort_by_key(|p| (p.influencer_id, p.posted_on, p.id));
    let mut flags = Vec::new();
    for hers in posts.chunk_by(|a, b| a.influencer_id == b.influencer_id) {
        let mut history: Vec<Decimal> = Vec::new();
        for (i, post) in hers.iter().enumerate() {
            let flag = |kind, reason| Flag {
                influencer_id: post.influencer_id,
                post_id: post.id,
                posted_on: post.posted_on,
                kind,
                reason,
            };
            let r = rate(post);
            if let Some(r) = r {
                let tier = tiers.of(post.followers);
                let (lo, hi) = ranges.of(post.platform, tier);
                let outside = if r > hi * FAR_ABOVE {
                    Some(("above", "bought likes or a giveaway?"))
                } else if r < lo / FAR_BELOW {
                    Some(("below", "an inactive or bought audience?"))
                } else {
                    None
                };
                if let Some((way, guess)) = outside {
                    flags.push(flag(
                        FlagKind::OutsideTier,
                        format!(
                            "engagement {} % is far {way} the usual {}–{} % of a {tier} \
                             creator on {}: {guess}",
                            fmt2(r),
                            lo.normalize(),
                            hi.normalize(),
                            post.platform
                        ),
                    ));
                }
                if history.len() >= HISTORY_POSTS {
                    let median = median(&mut history.clone());
                    if r > median * ABOVE_HISTORY {
                        flags.push(flag(
                            FlagKind::AboveHistory,
                            format!(
                                "engagement {} % is over {}× her usual {} % (median of {} \
                                 earlier posts)",
                                fmt2(r),
                                ABOVE_HISTORY,
                                fmt2(median),
                                history.len()
                            ),
                        ));
                    }
                }
            }
            if let Some(before) = i.checked_sub(1).map(|j| hers[j])
                && let Some(flag_reason) = follower_jump(before, post)
            {
                flags.push(flag(FlagKind::FollowerJump, flag_reason));
            }
            history.extend(r);
        }
    }
    flags
}

/// "followers +40 % since the post of 1 May, engagements −5 %" when followers grew by at
/// least [`FOLLOWER_JUMP`] and engagements by less than [`MATCH_SHARE`] of that.
fn follower_jump(before: &PostFact, after: &PostFact) -> Option<String> {
    if before.followers == 0 || before.engagements == 0 || after.engagements == 0 {
        return None;
    }
    let growth = |a: u64, b: u64| (Decimal::from(b) - Decimal::from(a)) / Decimal::from(a);
    let followers = growth(before.followers, after.followers);
    let engagements = growth(before.engagements, after.engagements);
    (followers >= FOLLOWER_JUMP && engagements < followers * MATCH_SHARE).then(|| {
        format!(
            "followers {:+} % since the post of {}, but engagements {:+} %: bought followers?",
            fmt2(followers * Decimal::ONE_HUNDRED),
            before.posted_on,
            fmt2(engagements * Decimal::ONE_HUNDRED)
        )
    })
}

fn median(values: &mut [Decimal]) -> Decimal {
    values.sort_unstable();
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / Decimal::TWO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: i64, day: u32, followers: u64, engagements: u64) -> PostFact {
        PostFact {
            id,
            influencer_id: 1,
            campaign_id: None,
            platform: Platform::Instagram,
            posted_on: NaiveDate::from_ymd_opt(2026, 5, day).unwrap(),
            followers,
            engagements,
            reach: 0,
            impressions: 0,
            content_value: 0,
            sentiment: None,
            note: String::new(),
        }
    }

    fn flags(posts: Vec<PostFact>) -> Vec<(i64, FlagKind)> {
        let facts = Facts {
            posts,
            ..Facts::default()
        };
        engagement_flags(&facts, &Tiers::default(), &EngagementRanges::default())
            .into_iter()
            .map(|f| (f.post_id, f.kind))
            .collect()
    }

    #[test]
    fn a_rate_far_outside_the_tier_range_is_flagged_and_one_inside_is_not() {
        // Nano (5,000 followers) 5–15 %: 22.6 % is far above (> 22.5 %), 22.5 % is not;
        // 2.4 % is far below (< 2.5 %), 2.5 % is not. Micro (20,000) 3–8 %: 13 % is above 12.
        let out = flags(vec![
            post(1, 1, 5_000, 1_130),
            post(2, 2, 5_000, 1_125),
            post(3, 3, 5_000, 120),
            post(4, 4, 5_000, 125),
        ]);
        assert_eq!(
            out,
            [(1, FlagKind::OutsideTier), (3, FlagKind::OutsideTier)]
        );
        let micro = flags(vec![post(1, 1, 20_000, 2_600)]);
        assert_eq!(micro, [(1, FlagKind::OutsideTier)]);
        // A post with nothing counted is not judged.
        assert!(flags(vec![post(1, 1, 5_000, 0)]).is_empty());
    }

    /// A micro creator's 17 % is far above Instagram's 3–8 %, but inside TikTok's 5–18 %;
    /// Pinterest's 0.9 % is far below Instagram's range, and usual for a pin.
    #[test]
    fn each_platform_is_judged_against_its_own_range() {
        let on = |platform, engagements| {
            let mut p = post(1, 1, 20_000, engagements);
            p.platform = platform;
            flags(vec![p])
        };
        assert_eq!(on(Platform::Instagram, 3_400), [(1, FlagKind::OutsideTier)]);
        assert!(on(Platform::Tiktok, 3_400).is_empty());
        assert_eq!(on(Platform::Instagram, 180), [(1, FlagKind::OutsideTier)]);
        assert!(on(Platform::Pinterest, 180).is_empty());
        let ranges = EngagementRanges::default();
        let (lo, hi) = ranges.of(Platform::Tiktok, "micro");
        assert_eq!((lo, hi), (Decimal::new(50, 1), Decimal::new(180, 1)));
        assert_eq!(ranges.of(Platform::Blog, "micro"), ranges.micro);
    }

    #[test]
    fn followers_that_jump_without_engagement_are_flagged() {
        // +50 % followers, +10 % engagements (< 25 %): flagged. +50 % and +30 %: not.
        assert_eq!(
            flags(vec![post(1, 1, 8_000, 600), post(2, 9, 12_000, 660)]),
            [(2, FlagKind::FollowerJump)]
        );
        assert!(flags(vec![post(1, 1, 8_000, 600), post(2, 9, 12_000, 780)]).is_empty());
        // +20 % followers is no jump.
        assert!(flags(vec![post(1, 1, 8_000, 600), post(2, 9, 9_600, 600)]).is_empty());
    }

    #[test]
    fn engagement_far_above_her_own_history_is_flagged_after_three_posts() {
        // 6 %, 7 %, 8 % (median 7 %), then 22 % > 21 %: flagged; 20 % would not be.
        let base = || {
            vec![
                post(1, 1, 5_000, 300),
                post(2, 2, 5_000, 350),
                post(3, 3, 5_000, 400),
            ]
        };
        let mut high = base();
        high.push(post(4, 4, 5_000, 1_100));
        assert_eq!(flags(high), [(4, FlagKind::AboveHistory)]);
        let mut fine = base();
        fine.push(post(4, 4, 5_000, 1_000));
        assert!(flags(fine).is_empty());
        // After two earlier posts there is no history to judge by.
        assert!(flags(vec![post(1, 1, 5_000, 300), post(2, 2, 5_000, 1_100)]).is_empty());
    }
}
