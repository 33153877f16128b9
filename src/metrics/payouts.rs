//! What each creator is owed in commission: earned on orders old enough to be past the
//! refund hold, held on the recent ones, less what was paid. A payout settles commission that
//! is already part of her cost on the scorecard; it is never a second cost.

use super::Facts;
use super::attribution::Owners;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One creator's commission account on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutLine {
    pub influencer_id: i64,
    pub handle: String,
    /// Commission % × her attributed net revenue of counted orders placed more than the hold
    /// before `as_of`.
    pub commission_earned: Decimal,
    /// The same for orders placed within the hold (refunds may still come).
    pub commission_held: Decimal,
    /// Her payouts dated on or before `as_of`.
    pub paid: Decimal,
    /// `commission_earned` rounded to the cent, as shown, less `paid` (negative when she was
    /// paid ahead): paying exactly what is shown leaves 0.00.
    pub owed: Decimal,
}

/// Every creator's commission account as of `as_of`, with a refund hold of `hold_days`.
/// Orders are attributed as on the scorecard (codes and `utm_source`, shared equally);
/// orders placed after `as_of` do not count.
pub fn payouts(facts: &Facts, as_of: NaiveDate, hold_days: u32) -> Vec<PayoutLine> {
    let index = facts.influencer_index();
    let owners = Owners::new(facts, &index);
    // Net revenue in cents times 1 / sharers, kept exact: (earned, held) per creator.
    let mut revenue = vec![(Decimal::ZERO, Decimal::ZERO); facts.influencers.len()];
    let mut sharers: Vec<usize> = Vec::new();
    for day in facts.days.iter().filter(|d| d.has_evidence()) {
        let age = (as_of - day.placed_on).num_days();
        if age < 0 {
            continue;
        }
        sharers.clear();
        for (who, _) in owners.of(&day.codes, day.utm_source) {
            if !sharers.contains(&who) {
                sharers.push(who);
            }
        }
        if sharers.is_empty() {
            continue;
        }
        let share = crate::domain::from_cents(day.sums.net) / Decimal::from(sharers.len());
        for &who in &sharers {
            if age > i64::from(hold_days) {
                revenue[who].0 += share;
            } else {
                revenue[who].1 += share;
            }
        }
    }
    let mut paid = vec![Decimal::ZERO; facts.influencers.len()];
    for p in facts.payouts.iter().filter(|p| p.date <= as_of) {
        if let Some(&i) = index.get(&p.influencer_id) {
            paid[i] += crate::domain::from_cents(p.amount);
        }
    }
    facts
        .influencers
        .iter()
        .enumerate()
        .map(|(i, inf)| {
            let rate = inf.commission_pct / Decimal::ONE_HUNDRED;
            let earned = revenue[i].0 * rate;
            PayoutLine {
                influencer_id: inf.id,
                handle: inf.handle.clone(),
                commission_earned: earned,
                commission_held: revenue[i].1 * rate,
                paid: paid[i],
                owed: crate::domain::round2(earned) - paid[i],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;
    use crate::metrics::{CodeFact, InfluencerFact, OrderFact, PayoutFact};
    use rust_decimal_macros::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, d).unwrap()
    }

    fn order(d: u32, cents: i64, refunded: i64, codes: &[u32]) -> OrderFact {
        OrderFact {
            placed_at: i64::from(d) * 86_400,
            refunded,
            codes: codes.into(),
            ..OrderFact::paid(i64::from(d), day(d), cents)
        }
    }

    #[test]
    fn commission_is_earned_after_the_hold_and_payouts_settle_it() {
        let inf = |id: i64, handle: &str, pct| InfluencerFact {
            id,
            handle: handle.into(),
            name: String::new(),
            platform: Platform::Instagram,
            followers: 1,
            commission_pct: pct,
            archived: false,
            channel: false,
            notes: String::new(),
        };
        let mut facts = Facts {
            influencers: vec![inf(1, "ana", dec!(10)), inf(2, "bo", dec!(15))],
            codes: vec![
                CodeFact {
                    code: "ANA".into(),
                    influencer_id: 1,
                    campaign_id: None,
                },
                CodeFact {
                    code: "BO".into(),
                    influencer_id: 2,
                    campaign_id: None,
                },
            ],
            order_code_names: vec!["ANA".into(), "BO".into()],
            orders: vec![
                order(1, 10_000, 0, &[0]),       // ana, old: 100.00
                order(2, 5_000, 2_000, &[0, 1]), // shared, old: 30.00 net, 15.00 each
                order(20, 8_000, 0, &[0]),       // ana, inside the hold: 80.00
                order(31, 9_999, 0, &[0]),       // after as-of: not counted
            ],
            payouts: vec![
                PayoutFact {
                    influencer_id: 1,
                    amount: 500,
                    date: day(10),
                },
                PayoutFact {
                    influencer_id: 1,
                    amount: 9_999,
                    date: day(31),
                },
            ],
            ..Facts::default()
        };
        facts.derive_days();
        let lines = payouts(&facts, day(30), 14);
        let ana = &lines[0];
        assert_eq!(ana.commission_earned, dec!(11.5)); // 10 % of 115.00
        assert_eq!(ana.commission_held, dec!(8)); // 10 % of 80.00
        assert_eq!(ana.paid, dec!(5));
        assert_eq!(ana.owed, dec!(6.5));
        let bo = &lines[1];
        assert_eq!(bo.commission_earned, dec!(2.25)); // 15 % of 15.00
        assert_eq!((bo.commission_held, bo.paid), (dec!(0), dec!(0)));
        assert_eq!(bo.owed, dec!(2.25));
        // On the last day of its hold an order is still held (with the order of 31 May).
        let lines = payouts(&facts, day(20) + chrono::Days::new(14), 14);
        assert_eq!(lines[0].commission_held, dec!(17.999));
        assert_eq!(lines[0].commission_earned, dec!(11.5));
    }
}
