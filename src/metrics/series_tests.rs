//! Unit tests of the creator series: buckets, post days, the payback curve and break-even.

use super::*;
use crate::domain::{CostKind, Platform};
use crate::metrics::{
    CodeFact, CostFact, InfluencerFact, OrderFact, Period, PostFact, ProfitSettings, prepare,
    scorecard,
};
use rust_decimal_macros::dec;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Ana (code ANA, 10 % commission): a 100.00 fee on 1 May, a post on 10 May, orders of
/// 40.00 (3 May), 50.00 (10 May, shared with Bo) and 30.00 (12 May).
fn shop() -> Facts {
    let mut facts = Facts::default();
    for (id, handle) in [(1, "ana"), (2, "bo")] {
        facts.influencers.push(InfluencerFact {
            id,
            handle: handle.into(),
            name: String::new(),
            platform: Platform::Instagram,
            followers: 5_000,
            commission_pct: if id == 1 { dec!(10) } else { Decimal::ZERO },
            archived: false,
            channel: false,
            notes: String::new(),
        });
    }
    for (code, who) in [("ANA", 1), ("BO", 2)] {
        facts.codes.push(CodeFact {
            code: code.into(),
            influencer_id: who,
            campaign_id: None,
        });
    }
    facts.order_code_names = vec!["ANA".into(), "BO".into()];
    facts.costs.push(CostFact {
        influencer_id: 1,
        campaign_id: None,
        kind: CostKind::Fee,
        amount: 10_000,
        date: day(5, 1),
    });
    facts.posts.push(PostFact {
        id: 1,
        influencer_id: 1,
        campaign_id: None,
        platform: Platform::Instagram,
        posted_on: day(5, 10),
        followers: 5_000,
        engagements: 300,
        reach: 0,
        impressions: 0,
        content_value: 0,
        sentiment: None,
        note: String::new(),
    });
    for (n, (date, cents, codes)) in [
        (day(5, 3), 4_000, vec![0]),
        (day(5, 10), 10_000, vec![0, 1]),
        (day(5, 12), 3_000, vec![0]),
    ]
    .into_iter()
    .enumerate()
    {
        facts.orders.push(OrderFact {
            codes: codes.into(),
            ..OrderFact::paid(1001 + n as i64, date, cents)
        });
    }
    facts.derive_days();
    facts
}

fn options(from: NaiveDate, to: NaiveDate) -> ScorecardOptions {
    ScorecardOptions {
        period: Period::Custom {
            from: Some(from),
            to: Some(to),
        },
        ..ScorecardOptions::default()
    }
}

fn series(facts: &Facts, options: &ScorecardOptions) -> CreatorSeries {
    creator_series(facts, &prepare(facts), options, day(11, 1), 1).unwrap()
}

#[test]
fn sales_fall_in_their_day_and_posts_on_theirs() {
    let facts = shop();
    let s = series(&facts, &options(day(5, 1), day(5, 20)));
    assert_eq!((s.bucket_days, s.buckets.len()), (1, 20));
    // The shared 100.00 order counts half: 50.00 and half an order on 10 May (day 10).
    assert_eq!(s.buckets[9].start, day(5, 10));
    assert_eq!(
        (s.buckets[9].orders, s.buckets[9].revenue),
        (dec!(0.5), dec!(50))
    );
    assert_eq!(s.buckets[2].revenue, dec!(40));
    assert_eq!(s.post_days, [day(5, 10)]);
    assert_eq!(s.bucket_of(day(5, 10)), Some(9));
}

#[test]
fn the_payback_curve_ends_on_her_scorecard_figures_and_breaks_even_on_the_right_day() {
    let facts = shop();
    let opts = options(day(5, 1), day(5, 20));
    let s = series(&facts, &opts);
    let row = scorecard(&facts, &opts, day(11, 1))
        .rows
        .into_iter()
        .find(|r| r.handle == "ana")
        .unwrap();
    let last = s.payback.last().unwrap();
    assert_eq!((last.cost, last.revenue), (row.cost, row.revenue));
    // Revenue 40 + 50 = 90 on 10 May against 100 + 9.00 commission; 120 on 12 May against
    // 112.00: break-even on 12 May.
    assert_eq!(s.breakeven, Some(day(5, 12)));
    assert!(!s.on_profit);
    // A later cost that puts her back under: not yet.
    let mut later = facts.clone();
    later.costs.push(CostFact {
        date: day(5, 15),
        amount: 5_000,
        ..later.costs[0].clone()
    });
    assert_eq!(series(&later, &opts).breakeven, None);
}

#[test]
fn with_a_cost_of_goods_break_even_is_judged_on_gross_profit() {
    let mut facts = shop();
    facts.profit = Some(ProfitSettings {
        cogs_pct: dec!(50),
        ..ProfitSettings::default()
    });
    let opts = options(day(5, 1), day(5, 20));
    let s = series(&facts, &opts);
    let row = scorecard(&facts, &opts, day(11, 1))
        .rows
        .into_iter()
        .find(|r| r.handle == "ana")
        .unwrap();
    assert!(s.on_profit);
    assert_eq!(s.payback.last().unwrap().gross_profit, row.gross_profit);
    // Gross profit 60 never reaches a cost of 112.
    assert_eq!(s.breakeven, None);
}

#[test]
fn a_long_period_is_shown_by_the_week_and_an_open_one_spans_her_activity() {
    let facts = shop();
    let s = series(&facts, &options(day(1, 1), day(6, 30)));
    assert_eq!(s.bucket_days, 7);
    // Weeks start on 1 January: 7–13 May holds the 10 May share and the 12 May order.
    let week = s.bucket_of(day(5, 10)).unwrap();
    assert_eq!(s.buckets[week].start, day(5, 7));
    assert_eq!(s.buckets[week].revenue, dec!(80));
    assert_eq!(s.bucket_of(day(5, 12)), Some(week));
    let open = series(&facts, &ScorecardOptions::default());
    assert_eq!((open.from, open.to), (day(5, 1), day(5, 12)));
    assert_eq!(
        creator_series(
            &facts,
            &prepare(&facts),
            &ScorecardOptions::default(),
            day(11, 1),
            99
        ),
        None
    );
}

#[test]
fn weekly_orders_count_the_last_weeks_whatever_the_period() {
    let facts = shop();
    let weeks = weekly_orders(
        &facts,
        &prepare(&facts),
        &ScorecardOptions::default(),
        day(5, 14),
        2,
    );
    // 8–14 May: half of the shared order and the 12 May one; 1–7 May: the 3 May one.
    assert_eq!(weeks[&1], [dec!(1), dec!(1.5)]);
    assert_eq!(weeks[&2], [dec!(0), dec!(0.5)]);
}

#[test]
fn the_baseline_band_comes_from_the_buckets_outside_her_posts_windows() {
    let mut facts = shop();
    let opts = options(day(5, 1), day(5, 20));
    // 1–9 May are before her post of 10 May: quiet. Their revenues are 0 but for the 40.00
    // of 3 May, so both quartiles are 0.
    assert_eq!(
        series(&facts, &opts).baseline,
        Some((Decimal::ZERO, Decimal::ZERO))
    );
    // More sales on quiet days lift the band: 3 of the 9 quiet days at 40.00.
    for (n, d) in [4, 6].into_iter().enumerate() {
        facts.orders.push(OrderFact {
            codes: Box::new([0]),
            ..OrderFact::paid(2001 + n as i64, day(5, d), 4_000)
        });
    }
    facts.derive_days();
    assert_eq!(series(&facts, &opts).baseline, Some((dec!(0), dec!(40))));
    // Without posts there is nothing to compare with.
    facts.posts.clear();
    assert_eq!(series(&facts, &opts).baseline, None);
}
