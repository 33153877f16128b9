//! What the lift model says of shop-wide events: a post that overlaps a marked event (its
//! orders went to the shop's baseline), and a day far above what was expected with no post
//! and no event near ("unexplained spike: a sale or a mention?").

use super::{EventFact, Facts};
use chrono::NaiveDate;

/// The days after a post that its burst mostly falls on: an event then overlaps it.
const BURST_DAYS: i64 = 7;
/// The most spikes a report lists.
const MOST_SPIKES: usize = 5;

/// Her flags for posts whose first week overlaps an event.
pub(super) fn overlap_flags(facts: &Facts, posts: &[i64], first: NaiveDate) -> Vec<String> {
    let mut flags = Vec::new();
    for e in &facts.events {
        let (from, to) = ((e.first - first).num_days(), (e.last - first).num_days());
        if let Some(&p) = posts.iter().find(|&&p| p <= to && p + BURST_DAYS > from) {
            let on = first + chrono::Days::new(p.max(0) as u64);
            flags.push(format!(
                "her post on {} overlaps {}: its orders went to the shop's baseline, not to her",
                on.format("%-d %b %Y"),
                describe(e)
            ));
        }
    }
    flags
}

/// Her flag when none of her posts stood alone: each had another creator's post within a
/// burst of it (`burst` days) or an event over its burst, so the days cannot tell her effect
/// from theirs.
pub(super) fn never_alone_flag(
    posts: &[Vec<i64>],
    c: usize,
    events: &[(i64, i64)],
    burst: i64,
    handle: &str,
) -> Option<String> {
    let crowded = |p: i64| {
        posts
            .iter()
            .enumerate()
            .any(|(o, theirs)| o != c && theirs.iter().any(|q| (q - p).abs() < burst))
            || events.iter().any(|&(a, b)| a < p + burst && b >= p)
    };
    (!posts[c].is_empty() && posts[c].iter().all(|&p| crowded(p))).then(|| {
        format!(
            "never posted alone: her range is wide (another creator or an event shared each \
             of her posts' first {burst} days; `shoutout plan --schedule --influencer \
             {handle}` finds a day of her own)"
        )
    })
}

/// "Black Friday (27 Nov – 30 Nov 2026)", "Market (2 May 2026)".
pub(super) fn describe(e: &EventFact) -> String {
    if e.first == e.last {
        format!("{} ({})", e.name, e.first.format("%-d %b %Y"))
    } else {
        format!(
            "{} ({} – {})",
            e.name,
            e.first.format("%-d %b"),
            e.last.format("%-d %b %Y")
        )
    }
}

/// The days whose new customers' orders without a code stood far above what the model expected (four
/// standard deviations of a Poisson count, and half again as many), with no post in the
/// window before and no event: the largest few, as notes.
pub(super) fn spike_notes(
    uncoded: &[f64],
    expected: &[f64],
    quiet: impl Fn(i64) -> bool,
    first: NaiveDate,
) -> Vec<String> {
    let mut spikes: Vec<(i64, f64, f64)> = uncoded
        .iter()
        .zip(expected)
        .enumerate()
        .map(|(t, (&y, &e))| (t as i64, y, e.max(0.5)))
        .filter(|&(t, y, e)| y > e + 4.0 * e.sqrt() && y > 1.5 * e && quiet(t))
        .collect();
    spikes.sort_by(|a, b| (b.1 - b.2).total_cmp(&(a.1 - a.2)));
    spikes
        .into_iter()
        .take(MOST_SPIKES)
        .map(|(t, y, e)| {
            let day = first + chrono::Days::new(t as u64);
            format!(
                "unexplained spike on {}: {y:.0} new customers' orders without a code, {e:.0} \
                 expected, and no post or event near — a sale or a mention? (`shoutout event add \
                 --date {day} --name …` marks it)",
                day.format("%-d %b %Y")
            )
        })
        .collect()
}
