//! Campaign goals: progress toward a campaign's targets (revenue, orders, new customers,
//! reach, impressions), its spend against its budget, and whether it is on track for the days
//! elapsed. The goal decides which figures lead. See docs/metrics.md, "Campaign goals".

use super::{Facts, Period, ScorecardOptions, scorecard};
use crate::domain::{CampaignGoal, CampaignTargets};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A campaign as the progress needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignPlan {
    pub id: i64,
    pub goal: CampaignGoal,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget: Option<Decimal>,
    pub targets: CampaignTargets,
}

/// One figure of a campaign and its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    pub name: &'static str,
    pub actual: Decimal,
    pub target: Option<Decimal>,
    /// An amount of money (shown with 2 decimals) rather than a count.
    pub money: bool,
}

impl Measure {
    /// actual / target; `None` without a target (or a target of 0).
    pub fn share(&self) -> Option<Decimal> {
        self.target
            .filter(|t| !t.is_zero())
            .map(|t| self.actual / t)
    }
}

/// Where a figure stands against the days elapsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// The target is met.
    Reached,
    /// At least the share of the target that the share of days elapsed asks.
    OnTrack,
    Behind,
    /// No target, or no start and end to measure days by.
    Unknown,
}

/// A campaign's progress on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignProgress {
    /// Costs of the campaign (entries filed under it, plus commission on its revenue).
    pub spend: Decimal,
    pub budget: Option<Decimal>,
    /// Share of the campaign's days elapsed (0 before it starts, 1 after it ends); `None`
    /// without a start and an end.
    pub elapsed: Option<Decimal>,
    /// Every figure, the goal's own first: sales leads with revenue, orders and new
    /// customers; awareness with reach and impressions.
    pub measures: Vec<Measure>,
    /// The pace of the first leading figure with a target.
    pub verdict: Pace,
}

impl CampaignProgress {
    /// The pace of a figure.
    pub fn pace(&self, m: &Measure) -> Pace {
        match (m.share(), self.elapsed) {
            (Some(s), _) if s >= Decimal::ONE => Pace::Reached,
            (Some(s), Some(e)) if s >= e => Pace::OnTrack,
            (Some(_), Some(_)) => Pace::Behind,
            _ => Pace::Unknown,
        }
    }

    /// Whether the spend passed the budget.
    pub fn over_budget(&self) -> bool {
        self.budget.is_some_and(|b| self.spend > b)
    }
}

/// The campaign's figures from its own costs, codes and posts, over its dates (open ends
/// open), on `today`.
pub fn campaign_progress(facts: &Facts, plan: &CampaignPlan, today: NaiveDate) -> CampaignProgress {
    let (sales, spend) = sales_measures(facts, plan, today);
    let awareness = awareness_measures(facts, plan);
    let (lead, rest): (&[Measure], &[Measure]) = match plan.goal {
        CampaignGoal::Sales => (&sales, &awareness),
        CampaignGoal::Awareness => (&awareness, &sales),
    };
    let elapsed = match (plan.starts_on, plan.ends_on) {
        (Some(start), Some(end)) => {
            let total = (end - start).num_days() + 1;
            let done = ((today - start).num_days() + 1).clamp(0, total);
            Some(Decimal::from(done) / Decimal::from(total))
        }
        _ => None,
    };
    let mut progress = CampaignProgress {
        spend,
        budget: plan.budget,
        elapsed,
        measures: lead.iter().chain(rest).copied().collect(),
        verdict: Pace::Unknown,
    };
    progress.verdict = lead
        .iter()
        .find(|m| m.target.is_some())
        .map_or(Pace::Unknown, |m| progress.pace(m));
    progress
}

/// The campaign's revenue, orders and new customers against their targets, from the
/// scorecard filtered to it over its dates; and what it spent.
fn sales_measures(facts: &Facts, plan: &CampaignPlan, today: NaiveDate) -> ([Measure; 3], Decimal) {
    let options = ScorecardOptions {
        campaign: Some(plan.id),
        period: Period::Custom {
            from: plan.starts_on,
            to: plan.ends_on,
        },
        ..ScorecardOptions::default()
    };
    let card = scorecard(facts, &options, today);
    let (mut revenue, mut orders, mut new, mut spend) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for r in card.rows.iter().chain(&card.channels) {
        revenue += r.revenue;
        orders += r.orders;
        new += r.new_customers;
        spend += r.cost;
    }
    let t = &plan.targets;
    let count = |n: Option<u64>| n.map(Decimal::from);
    let measure = |name, actual, target, money| Measure {
        name,
        actual,
        target,
        money,
    };
    let sales = [
        measure("Revenue", revenue, t.revenue, true),
        measure("Orders", orders, count(t.orders), false),
        measure("New customers", new, count(t.new_customers), false),
    ];
    (sales, spend)
}

/// The reach and impressions of the campaign's posts over its dates, against their targets.
fn awareness_measures(facts: &Facts, plan: &CampaignPlan) -> [Measure; 2] {
    let range = (plan.starts_on, plan.ends_on);
    let (reach, impressions) = facts
        .posts
        .iter()
        .filter(|p| p.campaign_id == Some(plan.id) && Period::contains(range, p.posted_on))
        .fold((0u64, 0u64), |(r, i), p| {
            (r.saturating_add(p.reach), i.saturating_add(p.impressions))
        });
    let t = &plan.targets;
    let count = |n: Option<u64>| n.map(Decimal::from);
    [
        Measure {
            name: "Reach",
            actual: Decimal::from(reach),
            target: count(t.reach),
            money: false,
        },
        Measure {
            name: "Impressions",
            actual: Decimal::from(impressions),
            target: count(t.impressions),
            money: false,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CostKind, Platform};
    use crate::metrics::{CampaignFact, CodeFact, CostFact, InfluencerFact, OrderFact, PostFact};
    use rust_decimal_macros::dec;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    /// Campaign 7 runs 1–30 June: ana's code SPRING brings 3 orders of 100.00 by 10 June, a
    /// 150.00 fee is filed under it, and her post reaches 4,000 people.
    fn facts() -> Facts {
        let mut f = Facts::default();
        f.influencers.push(InfluencerFact {
            id: 1,
            handle: "ana".into(),
            name: String::new(),
            platform: Platform::Instagram,
            followers: 5_000,
            commission_pct: Decimal::ZERO,
            archived: false,
            channel: false,
            notes: String::new(),
        });
        f.campaigns.push(CampaignFact {
            id: 7,
            name: "June".into(),
        });
        f.codes.push(CodeFact {
            code: "SPRING".into(),
            influencer_id: 1,
            campaign_id: Some(7),
        });
        f.order_code_names = vec!["SPRING".into()];
        for (n, d) in [2, 5, 10].into_iter().enumerate() {
            f.orders.push(OrderFact {
                codes: Box::new([0]),
                customer: Some(n as u32),
                ..OrderFact::paid(n as i64 + 1, day(6, d), 10_000)
            });
        }
        // Before the campaign: not its order.
        f.orders.push(OrderFact {
            codes: Box::new([0]),
            ..OrderFact::paid(9, day(5, 20), 10_000)
        });
        f.costs.push(CostFact {
            influencer_id: 1,
            campaign_id: Some(7),
            kind: CostKind::Fee,
            amount: 15_000,
            date: day(6, 1),
        });
        f.posts.push(PostFact {
            id: 1,
            influencer_id: 1,
            campaign_id: Some(7),
            platform: Platform::Instagram,
            posted_on: day(6, 3),
            followers: 5_000,
            engagements: 300,
            reach: 4_000,
            impressions: 6_000,
            content_value: 0,
            sentiment: None,
            note: String::new(),
        });
        f.derive_days();
        f
    }

    fn plan(goal: CampaignGoal) -> CampaignPlan {
        CampaignPlan {
            id: 7,
            goal,
            starts_on: Some(day(6, 1)),
            ends_on: Some(day(6, 30)),
            budget: Some(dec!(200)),
            targets: CampaignTargets {
                revenue: Some(dec!(1000)),
                orders: Some(10),
                new_customers: None,
                reach: Some(5_000),
                impressions: None,
            },
        }
    }

    #[test]
    fn progress_is_judged_against_the_days_elapsed() {
        let f = facts();
        // 10 June: a third of the days gone; revenue 300 of 1000 is 30 %: behind.
        let p = campaign_progress(&f, &plan(CampaignGoal::Sales), day(6, 10));
        assert_eq!(p.elapsed, Some(dec!(10) / dec!(30)));
        assert_eq!(p.measures[0].name, "Revenue");
        assert_eq!(p.measures[0].actual, dec!(300));
        assert_eq!(p.measures[0].share(), Some(dec!(0.3)));
        assert_eq!(p.verdict, Pace::Behind);
        assert_eq!(p.spend, dec!(150));
        assert!(!p.over_budget());
        // 8 June: 8/30 = 26.7 % of the days, and 30 % of the revenue: on track.
        assert_eq!(
            campaign_progress(&f, &plan(CampaignGoal::Sales), day(6, 8)).verdict,
            Pace::OnTrack
        );
        // Before it starts nothing is expected yet.
        let before = campaign_progress(&f, &plan(CampaignGoal::Sales), day(5, 25));
        assert_eq!(before.elapsed, Some(Decimal::ZERO));
    }

    #[test]
    fn the_goal_decides_which_figures_lead() {
        let f = facts();
        let p = campaign_progress(&f, &plan(CampaignGoal::Awareness), day(6, 10));
        let names: Vec<&str> = p.measures.iter().map(|m| m.name).collect();
        assert_eq!(
            names,
            ["Reach", "Impressions", "Revenue", "Orders", "New customers"]
        );
        // Reach 4,000 of 5,000 (80 %) after a third of the days: on track on awareness.
        assert_eq!(p.measures[0].actual, dec!(4000));
        assert_eq!(p.verdict, Pace::OnTrack);
        // A reached target, and a budget passed.
        let mut small = plan(CampaignGoal::Awareness);
        small.targets.reach = Some(3_000);
        small.budget = Some(dec!(100));
        let p = campaign_progress(&f, &small, day(6, 10));
        assert_eq!(p.verdict, Pace::Reached);
        assert!(p.over_budget());
        // Without dates there is no pace.
        let open = CampaignPlan {
            starts_on: None,
            ends_on: None,
            ..plan(CampaignGoal::Sales)
        };
        assert_eq!(
            campaign_progress(&f, &open, day(6, 10)).verdict,
            Pace::Unknown
        );
    }
}
