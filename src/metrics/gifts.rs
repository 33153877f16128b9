//! The gift ledger's rules: each gift's status on a day (posted, declined, follow-up or
//! waiting), the seeding figures, and her gifts on the scorecard. See docs/metrics.md,
//! "Gifts".

use super::{Facts, GiftFact};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Days without a post after which a gift needs a follow-up, when no setting says otherwise.
pub const DEFAULT_FOLLOW_UP_DAYS: i64 = 21;

/// Where a gift stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GiftStatus {
    /// She posted on or after the gift's date, and on or before the day: her first such post.
    Posted(NaiveDate),
    Declined,
    /// Waiting this many days, at least the follow-up days.
    FollowUp(i64),
    /// Waiting this many days.
    Waiting(i64),
}

impl GiftStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            GiftStatus::Posted(_) => "posted",
            GiftStatus::Declined => "declined",
            GiftStatus::FollowUp(_) => "follow_up",
            GiftStatus::Waiting(_) => "waiting",
        }
    }

    /// Days waiting, for `waiting` and `follow_up`.
    pub fn days_waiting(self) -> Option<i64> {
        match self {
            GiftStatus::FollowUp(d) | GiftStatus::Waiting(d) => Some(d),
            _ => None,
        }
    }

    pub fn posted_on(self) -> Option<NaiveDate> {
        match self {
            GiftStatus::Posted(d) => Some(d),
            _ => None,
        }
    }
}

/// A gift's status on `as_of`, given her post days (any order): the first of posted,
/// declined, follow-up (waiting at least `follow_up_days`) and waiting that holds.
pub fn gift_status(
    gift: &GiftFact,
    post_days: &[NaiveDate],
    as_of: NaiveDate,
    follow_up_days: i64,
) -> GiftStatus {
    if let Some(day) = first_post(gift, post_days.iter().copied(), as_of) {
        return GiftStatus::Posted(day);
    }
    if gift.declined {
        return GiftStatus::Declined;
    }
    let waiting = (as_of - gift.given_on).num_days();
    if waiting >= follow_up_days {
        GiftStatus::FollowUp(waiting)
    } else {
        GiftStatus::Waiting(waiting)
    }
}

/// Her first post for a gift: the earliest of her post days on or after the gift's date and
/// on or before `as_of`.
pub fn first_post(
    gift: &GiftFact,
    post_days: impl IntoIterator<Item = NaiveDate>,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    post_days
        .into_iter()
        .filter(|d| *d >= gift.given_on && *d <= as_of)
        .min()
}

/// One row of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftLine<'a> {
    pub gift: &'a GiftFact,
    pub status: GiftStatus,
}

/// The ledger on `as_of`: every gift dated on or before it, by date then handle (the
/// caller's `handle` of an influencer id), each with its status.
pub fn gift_ledger<'a>(
    facts: &'a Facts,
    as_of: NaiveDate,
    follow_up_days: i64,
) -> Vec<GiftLine<'a>> {
    let handle = |id: i64| facts.handle(id).unwrap_or_default().to_lowercase();
    let mut lines: Vec<GiftLine> = facts
        .gifts
        .iter()
        .filter(|g| g.given_on <= as_of)
        .map(|g| GiftLine {
            gift: g,
            status: gift_status(g, &post_days(facts, g.influencer_id), as_of, follow_up_days),
        })
        .collect();
    lines.sort_by(|a, b| {
        (a.gift.given_on, handle(a.gift.influencer_id), a.gift.id).cmp(&(
            b.gift.given_on,
            handle(b.gift.influencer_id),
            b.gift.id,
        ))
    });
    lines
}

/// Her post days.
fn post_days(facts: &Facts, influencer_id: i64) -> Vec<NaiveDate> {
    facts
        .posts
        .iter()
        .filter(|p| p.influencer_id == influencer_id)
        .map(|p| p.posted_on)
        .collect()
}

/// What seeding brought, over some ledger lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedingFigures {
    pub sent: u64,
    pub posted: u64,
    /// posted / sent × 100; `None` without gifts.
    pub posted_pct: Option<Decimal>,
    /// The median of (post day − gift day) over posted gifts; `None` without any.
    pub median_days_to_post: Option<Decimal>,
    /// Σ (cost + shipping) of all the gifts / posted gifts; `None` without a posted gift.
    pub cost_per_post: Option<Decimal>,
}

/// The seeding figures of ledger lines.
pub fn seeding_figures(lines: &[GiftLine]) -> SeedingFigures {
    let sent = lines.len() as u64;
    let mut days: Vec<i64> = lines
        .iter()
        .filter_map(|l| {
            l.status
                .posted_on()
                .map(|d| (d - l.gift.given_on).num_days())
        })
        .collect();
    days.sort_unstable();
    let posted = days.len() as u64;
    let median = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(Decimal::from(days[n / 2])),
        n => Some(Decimal::from(days[n / 2 - 1] + days[n / 2]) / Decimal::TWO),
    };
    let cost: i128 = lines
        .iter()
        .map(|l| i128::from(l.gift.cost) + i128::from(l.gift.shipping))
        .sum();
    SeedingFigures {
        sent,
        posted,
        posted_pct: (sent > 0)
            .then(|| Decimal::from(posted) * Decimal::ONE_HUNDRED / Decimal::from(sent)),
        median_days_to_post: median,
        cost_per_post: (posted > 0)
            .then(|| crate::domain::from_wide_cents(cost) / Decimal::from(posted)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn gift(id: i64, on: NaiveDate, declined: bool) -> GiftFact {
        GiftFact {
            id,
            influencer_id: 1,
            campaign_id: None,
            given_on: on,
            item: "Mug".into(),
            retail: 3_000,
            cost: 1_200,
            shipping: 500,
            declined,
        }
    }

    #[test]
    fn the_status_rules_at_their_edges() {
        let as_of = day(6, 30);
        // A post on the gift day counts; one before the gift does not.
        let g = gift(1, day(6, 1), false);
        assert_eq!(
            gift_status(&g, &[day(6, 1)], as_of, 21),
            GiftStatus::Posted(day(6, 1))
        );
        assert_eq!(
            gift_status(&g, &[day(5, 31)], as_of, 21),
            GiftStatus::FollowUp(29)
        );
        // A post after --as-of does not count yet.
        assert_eq!(
            gift_status(&g, &[day(7, 1)], as_of, 21),
            GiftStatus::FollowUp(29)
        );
        // Two gifts before one post: both posted, on that post.
        let (a, b) = (gift(1, day(6, 1), false), gift(2, day(6, 5), false));
        for g in [&a, &b] {
            assert_eq!(
                gift_status(g, &[day(6, 10)], as_of, 21),
                GiftStatus::Posted(day(6, 10))
            );
        }
        // A decline followed by a post: posted wins.
        let declined = gift(3, day(6, 1), true);
        assert_eq!(
            gift_status(&declined, &[day(6, 20)], as_of, 21),
            GiftStatus::Posted(day(6, 20))
        );
        assert_eq!(gift_status(&declined, &[], as_of, 21), GiftStatus::Declined);
        // The follow-up day itself: 21 days waiting is follow-up, 20 is waiting.
        let g = gift(4, day(6, 9), false);
        assert_eq!(
            gift_status(&g, &[], day(6, 30), 21),
            GiftStatus::FollowUp(21)
        );
        assert_eq!(
            gift_status(&g, &[], day(6, 29), 21),
            GiftStatus::Waiting(20)
        );
        assert_eq!(GiftStatus::Waiting(20).days_waiting(), Some(20));
        assert_eq!(GiftStatus::Posted(day(6, 1)).days_waiting(), None);
    }

    #[test]
    fn seeding_figures_count_posts_days_and_cost() {
        let facts = Facts {
            gifts: vec![
                gift(1, day(6, 1), false),
                gift(2, day(6, 2), false),
                gift(3, day(6, 3), true),
            ],
            posts: vec![crate::metrics::PostFact {
                id: 1,
                influencer_id: 1,
                campaign_id: None,
                platform: crate::domain::Platform::Instagram,
                posted_on: day(6, 6),
                followers: 1_000,
                engagements: 10,
                reach: 0,
                impressions: 0,
                content_value: 0,
                sentiment: None,
                note: String::new(),
            }],
            ..Facts::default()
        };
        let lines = gift_ledger(&facts, day(6, 30), 21);
        // The post on 6 June answers all three (a decline followed by a post is posted).
        let f = seeding_figures(&lines);
        assert_eq!((f.sent, f.posted), (3, 3));
        assert_eq!(f.posted_pct, Some(Decimal::ONE_HUNDRED));
        // 5, 4 and 3 days: median 4.
        assert_eq!(f.median_days_to_post, Some(Decimal::from(4)));
        // (12.00 + 5.00) × 3 / 3 posted.
        assert_eq!(f.cost_per_post, Some(Decimal::new(1700, 2)));
        // Gifts after the day are left out.
        assert_eq!(gift_ledger(&facts, day(6, 1), 21).len(), 1);
    }
}
