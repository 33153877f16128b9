//! The next post, planned (`shoutout plan --schedule`, the app's `W`): the days on which a
//! creator's post would stand alone — no other creator's burst and no marked event over its
//! own — and the smallest effect such a post could show, told from zero at 80 %, given the
//! shop's own day-to-day noise. A post on a crowded day cannot be told apart from the others;
//! the lift model can only share what the days show between them.

use super::{Facts, LiftReport};
use chrono::NaiveDate;

/// A run of days with the same answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// What a post on these days would overlap: other creators' posts and events, in words
    /// ("@milo's post of 12 May 2026", "Black Friday (27 Nov 2026)"); empty: it stands alone.
    pub overlaps: Vec<String>,
    /// For a post standing alone: the fewest incremental orders over its burst the model
    /// could tell from zero at 80 %; `None` where it overlaps, or the noise is not known.
    pub smallest_effect: Option<f64>,
}

/// The plan of her next post.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub handle: String,
    /// The days a post's burst mostly falls on (90 % of it), from the shop's fitted response.
    pub burst_days: i64,
    /// The shop's day-to-day noise in orders without a code (a standard deviation).
    pub day_noise: f64,
    pub slots: Vec<Slot>,
}

/// How many days ahead the plan looks.
pub const SCHEDULE_DAYS: i64 = 56;

/// The days that hold 90 % of a post's burst, for a burst of `mean_delay` days on average
/// (a geometric decay): at least 1, at most 28.
pub fn burst_days(mean_delay: f64) -> i64 {
    let q = mean_delay.max(0.01) / (1.0 + mean_delay.max(0.01));
    ((0.1f64.ln() / q.ln()).ceil() as i64).clamp(1, 28)
}

/// The fewest incremental orders over a lone post's burst that stand out of `day_noise` at
/// 80 %: the standard error of a burst's size fitted to the days after it (`σ / √Σk²` for a
/// geometric burst `k` of mean `mean_delay`), times the 80 % quantile.
pub fn smallest_effect(day_noise: f64, mean_delay: f64) -> f64 {
    let q = mean_delay.max(0.01) / (1.0 + mean_delay.max(0.01));
    let sum_k2 = (1.0 - q) / (1.0 + q);
    super::lift_report::Z80 * day_noise / sum_k2.sqrt()
}

/// Her schedule from `from`, for [`SCHEDULE_DAYS`] days, against the other creators' posts
/// (logged ones, past or planned) and the shop's events, with the lift `report`'s fitted
/// response and noise.
pub fn schedule(
    facts: &Facts,
    report: &LiftReport,
    influencer_id: i64,
    from: NaiveDate,
) -> Schedule {
    let burst = burst_days(report.mean_delay_days);
    let handle = facts.handle(influencer_id).unwrap_or_default().to_string();
    let effect =
        (report.day_noise > 0.0).then(|| smallest_effect(report.day_noise, report.mean_delay_days));
    let mut slots: Vec<Slot> = Vec::new();
    for d in 0..SCHEDULE_DAYS {
        let day = from + chrono::Days::new(d as u64);
        let overlaps = overlaps_on(facts, influencer_id, day, burst);
        match slots.last_mut() {
            Some(last) if last.overlaps == overlaps => last.to = day,
            _ => slots.push(Slot {
                from: day,
                to: day,
                smallest_effect: if overlaps.is_empty() { effect } else { None },
                overlaps,
            }),
        }
    }
    Schedule {
        handle,
        burst_days: burst,
        day_noise: report.day_noise,
        slots,
    }
}

/// What a post of hers on `day` would overlap: another creator's post whose burst meets
/// hers (`burst` days each), or an event over her burst.
fn overlaps_on(facts: &Facts, influencer_id: i64, day: NaiveDate, burst: i64) -> Vec<String> {
    let handle = |id: i64| facts.handle(id).unwrap_or("?");
    let mut out: Vec<String> = facts
        .posts
        .iter()
        .filter(|p| p.influencer_id != influencer_id)
        .filter(|p| (p.posted_on - day).num_days().abs() < burst)
        .map(|p| {
            format!(
                "@{}'s post of {}",
                handle(p.influencer_id),
                p.posted_on.format("%-d %b %Y")
            )
        })
        .collect();
    let end = day + chrono::Days::new(burst as u64 - 1);
    out.extend(
        facts
            .events
            .iter()
            .filter(|e| e.first <= end && e.last >= day)
            .map(super::lift_events::describe),
    );
    out.dedup();
    out
}

/// The schedule in words: "a post on 14 May – 19 May 2026 would overlap @milo's post of 12
/// May 2026: it cannot be told apart" and "from 20 May 2026 to …: a post stands alone; an
/// effect of 4 orders or more can be told from zero".
pub fn schedule_lines(s: &Schedule) -> Vec<String> {
    let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    let mut lines = vec![format!(
        "@{}'s next post: a post's burst lasts about {} days here, and the shop's new \
         customers' orders stray by {:.1} a day",
        s.handle, s.burst_days, s.day_noise
    )];
    for slot in &s.slots {
        let when = if slot.from == slot.to {
            format!("on {}", day(slot.from))
        } else {
            format!("from {} to {}", day(slot.from), day(slot.to))
        };
        lines.push(match (&slot.smallest_effect, slot.overlaps.is_empty()) {
            (_, false) => format!(
                "{when}: a post would overlap {}: it cannot be told apart",
                slot.overlaps.join(", ")
            ),
            (Some(e), true) => format!(
                "{when}: a post stands alone; an effect of {:.0} orders or more can be told from zero (80 %)",
                e.ceil()
            ),
            (None, true) => format!(
                "{when}: a post stands alone (too few days of orders yet to say how large an effect must be)"
            ),
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;
    use crate::metrics::{EventFact, InfluencerFact, PostFact};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn creator(id: i64, handle: &str) -> InfluencerFact {
        InfluencerFact {
            id,
            handle: handle.into(),
            name: String::new(),
            platform: Platform::Instagram,
            followers: 1_000,
            commission_pct: Default::default(),
            archived: false,
            channel: false,
            notes: String::new(),
        }
    }

    fn post(id: i64, influencer_id: i64, on: NaiveDate) -> PostFact {
        PostFact {
            id,
            influencer_id,
            campaign_id: None,
            platform: Platform::Instagram,
            posted_on: on,
            followers: 1_000,
            engagements: 0,
            reach: 0,
            impressions: 0,
            content_value: 0,
            sentiment: None,
            note: String::new(),
        }
    }

    fn report(mean_delay: f64, noise: f64) -> LiftReport {
        LiftReport {
            rows: Vec::new(),
            from: None,
            to: None,
            mean_delay_days: mean_delay,
            baseline_per_day: 10.0,
            day_noise: noise,
            notes: Vec::new(),
        }
    }

    /// @milo posts on 12 May and a sale runs 1–2 June: a post of @ana's overlaps him until
    /// his burst is over, stands alone after it, and overlaps the sale from the days its
    /// burst would reach it.
    #[test]
    fn a_post_stands_alone_between_others_bursts_and_events() {
        let facts = Facts {
            influencers: vec![creator(1, "ana"), creator(2, "milo")],
            posts: vec![post(1, 2, day(5, 12)), post(2, 1, day(5, 1))],
            events: vec![EventFact {
                name: "Sale".into(),
                first: day(6, 1),
                last: day(6, 2),
            }],
            ..Facts::default()
        };
        // A mean delay of 2 days: 90 % of a burst in 6 days.
        let s = schedule(&facts, &report(2.0, 3.0), 1, day(5, 10));
        assert_eq!(s.burst_days, 6);
        let first = &s.slots[0];
        assert_eq!((first.from, first.to), (day(5, 10), day(5, 17)));
        assert_eq!(
            first.overlaps,
            vec!["@milo's post of 12 May 2026".to_string()]
        );
        assert_eq!(
            first.smallest_effect, None,
            "her own post of 1 May does not count"
        );
        let alone = &s.slots[1];
        assert_eq!((alone.from, alone.to), (day(5, 18), day(5, 26)));
        assert!(alone.overlaps.is_empty());
        let sale = &s.slots[2];
        assert_eq!((sale.from, sale.to), (day(5, 27), day(6, 2)));
        assert_eq!(sale.overlaps, vec!["Sale (1 Jun – 2 Jun 2026)".to_string()]);
        let words = schedule_lines(&s);
        assert!(words[1].contains("cannot be told apart"), "{words:?}");
        assert!(
            words[2].starts_with("from 18 May 2026 to 26 May 2026: a post stands alone"),
            "{words:?}"
        );
    }

    /// The smallest effect grows with the shop's noise and with a longer burst: for a shop
    /// whose days stray by σ with a burst of mean delay m, it is 1.28 σ √((1+q)/(1−q)),
    /// q = m/(1+m).
    #[test]
    fn the_smallest_effect_follows_the_shops_noise() {
        let e = smallest_effect(3.0, 2.0);
        // q = 2/3: √(5/3 / (1/3)) = √5.
        assert!(
            (e - 1.281_551_565_545 * 3.0 * 5f64.sqrt()).abs() < 1e-9,
            "{e}"
        );
        assert!(smallest_effect(6.0, 2.0) > e);
        assert!(smallest_effect(3.0, 4.0) > e);
        assert_eq!(burst_days(0.5), 3);
    }
}
