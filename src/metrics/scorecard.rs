//! The scorecard: who brought what, at what cost, ranked.

use super::attribution::{Owners, Prepared, for_each_credit, in_campaign, prepare};
use super::formulas::{aov, cac, engagement_rate_pct, ltv, ltv_to_cac, roas, roi_pct};
use super::profit::{breakeven_roas, goods_cost, goods_share, gross_profit, profit_roi_pct};
use super::row::{ScoreRow, Scorecard, ScorecardOptions};
use super::{Facts, Period, PostFact, ProfitSettings, rank, search};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Sums for the orders an influencer shares with `k − 1` others.
#[derive(Debug, Default, Clone, Copy)]
struct Share {
    orders: i64,
    /// Wide enough that no number of orders can overflow it.
    cents: i128,
    new: i64,
    /// Refunded cents (as much as was refunded of the subtotal, never more).
    refunded: i128,
    /// Goods cost from product costs, and the base the shop-wide percent applies to, of the
    /// orders whose line items met product costs ([`order_goods`]); the others' base is
    /// their net revenue, `cents`.
    product_goods: Decimal,
    product_base: Decimal,
    /// Cents of the orders without line items met against product costs.
    plain_cents: i128,
}

#[derive(Debug, Default)]
struct Acc {
    /// At k − 1, the orders shared by k influencers; divided by k once at the end.
    shares: Vec<Share>,
    cost_by_kind: [i128; 5],
    posts: u64,
    engagements: u64,
    post_followers: u64,
    /// Whether product costs shaped the goods cost of any of her orders.
    per_product: bool,
    gifts_sent: u64,
    gifts_posted: u64,
    content_value: i128,
}

/// Computes the ranked scorecard.
///
/// * Attribution: a counted order placed in the period is credited to the distinct
///   influencers who own the distinct promo codes in it (current codes, compared
///   normalised), and, where the export carries a `utm_source`, to the influencer it names
///   (a saved link's source, else her handle). With k such influencers each gets 1/k of the order, of its net revenue and
///   of its new-customer flag. With a campaign filter, an influencer is credited only through
///   that campaign's codes, still with the 1/k share.
/// * New customer: the shop's own flag where the export has one; otherwise the order is the
///   first counted order of its customer in the whole database (by time, then order number);
///   an order without a customer counts as new ([`super::is_new`]; the store keeps each
///   customer's first order, and the orders summed by day, see [`super::DayFact`]).
/// * Cost = Σ cost entries in the period + commission % × attributed revenue.
/// * Rank by the sort key (ROI, engagement, revenue, profit, LTV:CAC descending; CAC
///   ascending), undefined
///   values last, ties by revenue descending then handle ascending. Every influencer appears.
pub fn scorecard(facts: &Facts, options: &ScorecardOptions, today: NaiveDate) -> Scorecard {
    let mut card = scorecard_prepared(facts, &prepare(facts), options, today);
    card.rows = search(&card.rows, &options.search);
    card
}

/// The ranked scorecard from prepared facts, before any search: [`scorecard`] without
/// repeating the work that options do not change.
pub fn scorecard_prepared(
    facts: &Facts,
    prepared: &Prepared,
    options: &ScorecardOptions,
    today: NaiveDate,
) -> Scorecard {
    let range = options.period.range(today);
    let index = facts.influencer_index();
    let mut acc: Vec<Acc> = facts.influencers.iter().map(|_| Acc::default()).collect();
    let owners = Owners::new(facts, &index);
    credit_orders(facts, prepared, &owners, options, range, &mut acc);
    add_costs_and_posts(facts, &index, options, (range, today), &mut acc);
    let within = facts.ltv_days();
    let cohorts = super::cohort::cohorts(facts, &owners, (&facts.cohorts, options), today, within);
    let (mut rows, mut channels): (Vec<ScoreRow>, Vec<ScoreRow>) = facts
        .influencers
        .iter()
        .zip(acc)
        .zip(cohorts)
        .filter(|((inf, _), _)| inf.channel || options.platform.is_none_or(|p| p == inf.platform))
        .map(|((inf, a), cohort)| {
            let mut row = score_row(inf, a, cohort, facts.profit.as_ref());
            row.ltv_health = row.ltv_to_cac.map(|r| facts.ltv_thresholds.health(r));
            row
        })
        .partition(|r| !r.channel);
    rank(&mut rows, options.sort);
    rank(&mut channels, options.sort);
    Scorecard {
        rows,
        channels,
        profit_known: facts.profit.is_some(),
        from: range.0,
        to: range.1,
        sort: options.sort,
    }
}

/// Credits every counted order of the period to its distinct influencers, an equal share
/// each (kept by how many share it, so the division happens once, exactly).
fn credit_orders(
    facts: &Facts,
    prepared: &Prepared,
    owners: &Owners,
    options: &ScorecardOptions,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    acc: &mut [Acc],
) {
    for_each_credit(facts, prepared, owners, options, range, |c| {
        let sums = &c.day.sums;
        let a = &mut acc[c.who];
        if a.shares.len() < c.k {
            a.shares.resize(c.k, Share::default());
        }
        let share = &mut a.shares[c.k - 1];
        share.orders += sums.orders;
        share.cents += i128::from(sums.net);
        share.new += sums.new;
        share.refunded += i128::from(sums.refunded);
        share.product_goods += sums.product_goods();
        share.product_base += sums.product_base();
        share.plain_cents += i128::from(sums.plain);
        a.per_product |= sums.goods_orders > 0;
    });
}

/// Adds the costs, posts and gifts of the period (and campaign) to their influencers; a
/// gift is posted when she posted on or after its date, by `today`.
fn add_costs_and_posts(
    facts: &Facts,
    index: &HashMap<i64, usize>,
    options: &ScorecardOptions,
    (range, today): ((Option<NaiveDate>, Option<NaiveDate>), NaiveDate),
    acc: &mut [Acc],
) {
    for gift in &facts.gifts {
        if let Some(&i) = index.get(&gift.influencer_id)
            && in_campaign(options, gift.campaign_id)
            && Period::contains(range, gift.given_on)
        {
            acc[i].gifts_sent += 1;
            let hers = facts
                .posts
                .iter()
                .filter(|p| p.influencer_id == gift.influencer_id)
                .map(|p| p.posted_on);
            acc[i].gifts_posted += u64::from(super::gifts::first_post(gift, hers, today).is_some());
        }
    }
    for cost in &facts.costs {
        if let Some(&i) = index.get(&cost.influencer_id)
            && in_campaign(options, cost.campaign_id)
            && Period::contains(range, cost.date)
        {
            acc[i].cost_by_kind[cost.kind.index()] += i128::from(cost.amount);
        }
    }
    for post in &facts.posts {
        if let Some(&i) = index.get(&post.influencer_id)
            && post_in_scope(post, options, range)
        {
            acc[i].posts += 1;
            acc[i].content_value += i128::from(post.content_value);
            acc[i].engagements = acc[i].engagements.saturating_add(post.engagements);
            acc[i].post_followers = acc[i].post_followers.saturating_add(post.followers);
        }
    }
}

/// An influencer's row from what was added up: shares divided, commission and every ratio.
fn score_row(
    inf: &super::InfluencerFact,
    a: Acc,
    cohort: super::Cohort,
    profit: Option<&ProfitSettings>,
) -> ScoreRow {
    let (mut orders, mut revenue, mut new_customers, mut refunded) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let (mut product_goods, mut goods_base) = (Decimal::ZERO, Decimal::ZERO);
    for (i, s) in a.shares.iter().enumerate().filter(|(_, s)| s.orders > 0) {
        let k = Decimal::from(i as u64 + 1);
        orders += Decimal::from(s.orders) / k;
        revenue += cents_wide(s.cents) / k;
        new_customers += Decimal::from(s.new) / k;
        refunded += cents_wide(s.refunded) / k;
        product_goods += s.product_goods / k;
        goods_base += (cents_wide(s.plain_cents) + s.product_base) / k;
    }
    let cost_by_kind = a.cost_by_kind.map(cents_wide);
    let commission = inf.commission_pct * revenue / Decimal::ONE_HUNDRED;
    let cost = cost_by_kind.iter().copied().sum::<Decimal>() + commission;
    let goods = profit.map(|p| goods_cost(product_goods, goods_base, p));
    let (row_cac, row_ltv) = (cac(cost, new_customers), ltv(cohort.revenue, new_customers));
    let gross = profit
        .zip(goods)
        .map(|(p, g)| gross_profit(revenue, orders, g, p));
    ScoreRow {
        rank: 0,
        influencer_id: inf.id,
        handle: inf.handle.clone(),
        name: inf.name.clone(),
        platform: inf.platform,
        followers: inf.followers,
        archived: inf.archived,
        channel: inf.channel,
        posts: a.posts,
        engagements: a.engagements,
        post_followers: a.post_followers,
        cost_by_kind,
        commission_pct: inf.commission_pct,
        commission,
        cost,
        orders,
        revenue,
        new_customers,
        refunded,
        roi_pct: roi_pct(revenue, cost),
        roas: roas(revenue, cost),
        cac: row_cac,
        aov: aov(revenue, orders),
        engagement_rate_pct: engagement_rate_pct(a.posts, a.engagements, a.post_followers),
        gross_profit: gross,
        profit_roi_pct: gross.and_then(|g| profit_roi_pct(g, cost)),
        breakeven_roas: profit.zip(goods).and_then(|(p, g)| {
            breakeven_roas(orders, cost, goods_share(g, revenue, a.per_product, p), p)
        }),
        gifts_sent: a.gifts_sent,
        gifts_posted: a.gifts_posted,
        content_value: cents_wide(a.content_value),
        roi_with_content_pct: roi_pct(revenue + cents_wide(a.content_value), cost),
        cohort,
        ltv: row_ltv,
        ltv_to_cac: row_ltv.zip(row_cac).and_then(|(l, c)| ltv_to_cac(l, c)),
        ltv_health: None,
        roi_with_repeat_pct: roi_pct(revenue + cohort.repeat_revenue, cost),
    }
}

/// An amount of cents summed over many rows, as an exact decimal.
fn cents_wide(cents: i128) -> Decimal {
    crate::domain::from_wide_cents(cents)
}

/// Whether a post counts under these options: posted inside the period and, with a campaign
/// filter, logged under that campaign.
pub(super) fn post_in_scope(
    post: &PostFact,
    options: &ScorecardOptions,
    range: (Option<NaiveDate>, Option<NaiveDate>),
) -> bool {
    (options.campaign.is_none() || options.campaign == post.campaign_id)
        && Period::contains(range, post.posted_on)
}

/// The posts of one influencer that the scorecard counts, newest first (the detail view
/// lists them with their own engagement rate).
pub fn posts_in_scope<'a>(
    facts: &'a Facts,
    options: &ScorecardOptions,
    today: NaiveDate,
    influencer_id: i64,
) -> Vec<&'a PostFact> {
    let range = options.period.range(today);
    let mut posts: Vec<&PostFact> = facts
        .posts
        .iter()
        .filter(|p| p.influencer_id == influencer_id && post_in_scope(p, options, range))
        .collect();
    posts.sort_by(|a, b| b.posted_on.cmp(&a.posted_on).then(b.id.cmp(&a.id)));
    posts
}

#[cfg(test)]
#[path = "scorecard_tests.rs"]
mod tests;
