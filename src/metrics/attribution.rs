//! Attribution: who an order credits. Its promo codes (the current owners, compared
//! normalised) and its `utm_source` (a saved link's source, else a handle) name creators;
//! each of an order's distinct creators gets 1/k of it. The scorecard, the series and the
//! lift model all read orders through here.

use super::{DayFact, Facts, OrderFact, Period, ScorecardOptions};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Whether an entry filed under `campaign` counts under the options' campaign filter.
pub(super) fn in_campaign(options: &ScorecardOptions, campaign: Option<i64>) -> bool {
    options.campaign.is_none() || options.campaign == campaign
}

/// Who the codes and `utm_source`s that orders use point at: (influencer index, campaign).
pub(super) struct Owners {
    /// By [`Facts::order_code_names`] index.
    code: Vec<Option<(usize, Option<i64>)>>,
    /// By [`Facts::order_utm_names`] index: a saved link's source, else a handle.
    utm: Vec<Option<(usize, Option<i64>)>>,
}

impl Owners {
    pub(super) fn new(facts: &Facts, index: &HashMap<i64, usize>) -> Owners {
        let owners: HashMap<&str, (usize, Option<i64>)> = facts
            .codes
            .iter()
            .filter_map(|c| {
                index
                    .get(&c.influencer_id)
                    .map(|&i| (c.code.as_str(), (i, c.campaign_id)))
            })
            .collect();
        let code = facts
            .order_code_names
            .iter()
            .map(|name| owners.get(name.as_str()).copied())
            .collect();
        let mut utm_owners: HashMap<String, (usize, Option<i64>)> = facts
            .influencers
            .iter()
            .enumerate()
            .map(|(i, f)| (crate::domain::normalize_code(&f.handle), (i, None)))
            .collect();
        for link in &facts.links {
            if let Some(&i) = index.get(&link.influencer_id) {
                utm_owners.insert(link.utm_source.clone(), (i, link.campaign_id));
            }
        }
        let utm = facts
            .order_utm_names
            .iter()
            .map(|name| utm_owners.get(name).copied())
            .collect();
        Owners { code, utm }
    }

    /// The (influencer, campaign) pairs an order credits: through its codes, then its
    /// `utm_source` (an influencer may come twice).
    pub(super) fn of_order<'a>(
        &'a self,
        order: &'a OrderFact,
    ) -> impl Iterator<Item = (usize, Option<i64>)> + 'a {
        self.of(&order.codes, order.utm_source)
    }

    /// [`Owners::of_order`] for the evidence of a day group (or of any order).
    pub(super) fn of<'a>(
        &'a self,
        codes: &'a [u32],
        utm_source: Option<u32>,
    ) -> impl Iterator<Item = (usize, Option<i64>)> + 'a {
        let utm = utm_source.and_then(|u| self.utm.get(u as usize).copied().flatten());
        codes
            .iter()
            .filter_map(|&code| self.code.get(code as usize).copied().flatten())
            .chain(utm)
    }
}

/// One creator's share of one day group of counted orders of the period.
pub(super) struct Credit<'a> {
    /// Her position in [`Facts::influencers`].
    pub who: usize,
    pub day: &'a DayFact,
    /// How many creators share each of its orders (each gets 1/k).
    pub k: usize,
}

/// Calls `credit` for each creator credited with each day group of counted orders of the
/// period: its orders' distinct influencers, each with 1/k of them, only through the campaign
/// filter's codes when there is one. The one place attribution happens.
pub(super) fn for_each_credit<'a>(
    facts: &'a Facts,
    prepared: &Prepared,
    owners: &Owners,
    options: &ScorecardOptions,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    mut credit: impl FnMut(Credit<'a>),
) {
    let mut who: Vec<(usize, bool)> = Vec::new();
    for &position in &prepared.days {
        let day = &facts.days[position as usize];
        if !Period::contains(range, day.placed_on) {
            continue;
        }
        credited(owners, options, (&day.codes, day.utm_source), &mut who);
        let k = who.len();
        for &(who, counts) in &who {
            if counts {
                credit(Credit { who, day, k });
            }
        }
    }
}

/// The distinct influencers an order with this evidence credits, and whether each is
/// credited under the options' campaign filter (each of them counts in the share's k).
/// They are written into `credited`, emptied first.
pub(super) fn credited(
    owners: &Owners,
    options: &ScorecardOptions,
    (codes, utm_source): (&[u32], Option<u32>),
    credited: &mut Vec<(usize, bool)>,
) {
    credited.clear();
    for (who, campaign) in owners.of(codes, utm_source) {
        let counts = in_campaign(options, campaign);
        match credited.iter_mut().find(|(i, _)| *i == who) {
            Some(entry) => entry.1 |= counts,
            None => credited.push((who, counts)),
        }
    }
}

/// What the scorecard needs from the facts that no option changes, worked out once per set
/// of facts: the day groups that could credit someone (they carry a code or a `utm_source`).
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Positions in `Facts::days`.
    pub(super) days: Vec<u32>,
}

/// Prepares [`Facts`] for [`super::scorecard_prepared`].
pub fn prepare(facts: &Facts) -> Prepared {
    let days = facts
        .days
        .iter()
        .enumerate()
        .filter(|(_, d)| d.has_evidence())
        .map(|(position, _)| position as u32)
        .collect();
    Prepared { days }
}
