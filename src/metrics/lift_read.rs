//! The lift model's reading of the facts (steps 1–3 of the model in `lift.rs`): each
//! creator's posts and coded uses read against her windows, the shop's orders without a code
//! day by day, the response to a post and each creator's leak, and her row once the
//! regression has run.

use super::lift_events;
use super::lift_fit::Kernel;
use super::lift_leak::Series;
use super::lift_report::{LiftOptions, LiftRow, within};
use super::lift_rows::{build_row, with_code_in_flags};
use super::lift_shape::{Sample, Shapes};
use super::lift_uses::{Creator, Kind, Leak, Use, latest_post};
use super::{Facts, is_counted, net_revenue};
use crate::domain::Platform;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// What the model reads of the facts over a period of `days` days from `first`.
pub(super) struct Reading<'a> {
    facts: &'a Facts,
    options: &'a LiftOptions,
    first: NaiveDate,
    pub(super) days: i64,
    window: i64,
    /// Per creator: her posts (day, platform) in time order, and their days.
    posts: Vec<Vec<(i64, Platform)>>,
    post_days: Vec<Vec<i64>>,
    /// Per creator: her coded uses, each with whether its buyer used her code before, and
    /// how each is read.
    uses: Vec<Vec<(Use, bool)>>,
    kinds: Vec<Vec<Kind>>,
    /// New customers' orders a day that name no creator (nor a tool of the shop's own).
    pub(super) uncoded: Vec<f64>,
    /// The shop's average order, in cents.
    shop_aov: f64,
    /// The events' days in the period.
    pub(super) events: Vec<(i64, i64)>,
}

impl<'a> Reading<'a> {
    pub(super) fn new(
        facts: &'a Facts,
        options: &'a LiftOptions,
        first: NaiveDate,
        days: i64,
    ) -> Self {
        let window = i64::from(options.window_days.max(1));
        let index = facts.influencer_index();
        let code_owners = super::attribution::Owners::new(facts, &index);
        let posts = creator_posts(facts, &index, first);
        let post_days: Vec<Vec<i64>> = posts
            .iter()
            .map(|p| p.iter().map(|(d, _)| *d).collect())
            .collect();
        let (uncoded, shop_aov) = uncoded_days(facts, &code_owners, first, days);
        let uses = coded_uses(facts, &code_owners, first, days);
        // Each use read against her windows.
        let kinds = uses
            .iter()
            .zip(&post_days)
            .map(|(uses, posts)| {
                uses.iter()
                    .map(|(u, repeat)| {
                        let inside = latest_post(posts, u.day).is_some_and(|p| u.day - p < window);
                        match (inside, repeat) {
                            (true, _) => Kind::InWindow,
                            (false, true) => Kind::Fan,
                            (false, false) => Kind::Outside,
                        }
                    })
                    .collect()
            })
            .collect();
        let events = facts
            .events
            .iter()
            .filter_map(|e| within(first, days, e.first, e.last))
            .collect();
        Reading {
            facts,
            options,
            first,
            days,
            window,
            posts,
            post_days,
            uses,
            kinds,
            uncoded,
            shop_aov,
            events,
        }
    }

    pub(super) fn creators(&self) -> usize {
        self.facts.influencers.len()
    }

    pub(super) fn creator(&self, c: usize) -> Creator<'_> {
        Creator {
            uses: &self.uses[c],
            kinds: &self.kinds[c],
            posts: &self.post_days[c],
            first: self.first,
        }
    }

    /// The response to a post, by platform; each creator's curve; her leak, if any.
    pub(super) fn responses_and_leaks(&self) -> (Shapes, Vec<Vec<f64>>, Vec<Option<Leak>>) {
        let days = self.days as usize;
        let short = Kernel::fit_short(
            &delays(&self.uses, &self.kinds, &self.post_days),
            self.window,
        );
        let first_uses: Vec<Vec<(i64, f64)>> = (0..self.creators())
            .map(|c| self.creator(c).first_uses())
            .collect();
        let samples: Vec<Sample> = (0..self.creators())
            .map(|c| Sample {
                posts: &self.posts[c],
                uses: &first_uses[c],
            })
            .collect();
        let shapes = Shapes::fit(short, &samples, days);
        let curves: Vec<Vec<Vec<f64>>> = (0..self.creators())
            .map(|c| shapes.curves(&self.posts[c], days))
            .collect();
        let priors = shapes.share_priors(&samples, &curves);
        // Each creator's fit and leak test stands alone: they run on every core, each
        // thread a run of creators, their results in creator order.
        let one = |c: usize| {
            let series = Series {
                uses: &first_uses[c],
                curves: &curves[c],
                prior: priors[c],
            };
            let null = series.response_fit();
            let leak = self.creator(c).leak(&series, &null, self.options);
            (Shapes::response(&curves[c], &null.strengths), leak)
        };
        let (responses, leaks) = on_every_core(self.creators(), one).into_iter().unzip();
        (shapes, responses, leaks)
    }

    /// A quiet day: no post in the window before it and no event on it.
    pub(super) fn quiet(&self, t: i64) -> bool {
        !self
            .post_days
            .iter()
            .flatten()
            .any(|&p| p <= t && t - p < self.window)
            && !self.events.iter().any(|&(a, b)| (a..=b).contains(&t))
    }

    /// Her row: what the model found, her flags (events, posts never alone, her code's name)
    /// and her coded orders a day.
    pub(super) fn row(
        &self,
        c: usize,
        leak: Option<Leak>,
        uncoded: (f64, f64),
        cost: Decimal,
        burst: i64,
    ) -> LiftRow {
        let inf = &self.facts.influencers[c];
        let creator = self.creator(c);
        let mut row = build_row(
            inf,
            &creator,
            leak,
            uncoded,
            cost,
            self.shop_aov,
            self.options,
        );
        row.flags.extend(lift_events::overlap_flags(
            self.facts,
            creator.posts,
            self.first,
        ));
        row.flags.extend(lift_events::never_alone_flag(
            &self.post_days,
            c,
            &self.events,
            burst,
            &inf.handle,
        ));
        row.daily_coded = vec![0.0; self.days as usize];
        for (u, _) in creator.uses {
            row.daily_coded[u.day as usize] += u.weight;
        }
        with_code_in_flags(row, &codes_of(self.facts, inf.id))
    }
}

/// Each creator's posts (day from `first`, platform), in time order.
fn creator_posts(
    facts: &Facts,
    index: &HashMap<i64, usize>,
    first: NaiveDate,
) -> Vec<Vec<(i64, Platform)>> {
    let mut posts: Vec<Vec<(i64, Platform)>> = vec![Vec::new(); facts.influencers.len()];
    for p in &facts.posts {
        if let Some(&i) = index.get(&p.influencer_id) {
            posts[i].push(((p.posted_on - first).num_days(), p.platform));
        }
    }
    for p in &mut posts {
        p.sort_unstable_by_key(|(d, _)| *d);
    }
    posts
}

/// Each creator's coded orders in the period one by one, in time order, each with whether
/// its buyer had used her code before (a fan's repeat). An order with several creators'
/// codes or links is shared between them.
fn coded_uses(
    facts: &Facts,
    code_owners: &super::attribution::Owners,
    first: NaiveDate,
    days: i64,
) -> Vec<Vec<(Use, bool)>> {
    let creators = facts.influencers.len();
    // In time order: whether a buyer used a code before depends on it.
    let mut ordered: Vec<&super::OrderFact> =
        facts.orders.iter().filter(|o| is_counted(o)).collect();
    ordered.sort_by_key(|o| (o.placed_at, o.number));
    let mut uses: Vec<Vec<(Use, bool)>> = vec![Vec::new(); creators];
    let mut seen: Vec<HashSet<u32>> = vec![HashSet::new(); creators];
    for o in ordered {
        let day = (o.placed_on - first).num_days();
        // Her code or her link (`utm_source`): both are evidence she brought the order.
        let mut owners: Vec<usize> = code_owners.of_order(o).map(|(who, _)| who).collect();
        owners.sort_unstable();
        owners.dedup();
        let weight = 1.0 / owners.len().max(1) as f64;
        let cents = net_revenue(o) as f64 * weight;
        for &c in &owners {
            let repeat = o.customer.is_some_and(|k| !seen[c].insert(k));
            if (0..days).contains(&day) {
                let customer = o.customer;
                uses[c].push((
                    Use {
                        day,
                        customer,
                        weight,
                        cents,
                    },
                    repeat,
                ));
            }
        }
    }
    uses
}

/// The new customers' orders a day of the period that name no creator (nor a marketing tool
/// of the shop's own), from the day groups, and the shop's average order in cents. (An order
/// without a customer counts as a new customer's, so a shop whose export names no buyers
/// gives all its orders.)
fn uncoded_days(
    facts: &Facts,
    owners: &super::attribution::Owners,
    first: NaiveDate,
    days: i64,
) -> (Vec<f64>, f64) {
    let mut uncoded = vec![0.0f64; days as usize];
    let (mut shop_cents, mut shop_orders) = (0.0, 0.0);
    for d in &facts.days {
        let day = (d.placed_on - first).num_days();
        if !(0..days).contains(&day) {
            continue;
        }
        shop_cents += d.sums.net as f64;
        shop_orders += d.sums.orders as f64;
        // Orders of the shop's own e-mail, affiliate or ads tools leave the pool too.
        let tool = d
            .utm_source
            .and_then(|u| facts.order_utm_names.get(u as usize))
            .is_some_and(|name| super::marketing_tool(name).is_some());
        // New customers' orders only: the buyers a post brings are new to the shop, and a
        // regular's repeat order is noise a creator's effect must stand out of.
        if !tool && owners.of(&d.codes, d.utm_source).next().is_none() {
            uncoded[day as usize] += d.sums.new as f64;
        }
    }
    let aov = if shop_orders > 0.0 {
        shop_cents / shop_orders
    } else {
        0.0
    };
    (uncoded, aov)
}

/// The delays between posts and the coded orders in their windows (weighted by the order's
/// share).
fn delays(uses: &[Vec<(Use, bool)>], kinds: &[Vec<Kind>], posts: &[Vec<i64>]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for c in 0..uses.len() {
        for ((u, _), k) in uses[c].iter().zip(&kinds[c]) {
            if *k == Kind::InWindow
                && let Some(p) = latest_post(&posts[c], u.day)
            {
                out.push(((u.day - p) as f64, u.weight));
            }
        }
    }
    out
}

/// Her codes, as a flag names them (`SARAH20/SARAH15`).
fn codes_of(facts: &Facts, influencer_id: i64) -> String {
    facts
        .codes
        .iter()
        .filter(|k| k.influencer_id == influencer_id)
        .map(|k| k.code.as_str())
        .collect::<Vec<_>>()
        .join("/")
}

/// `work(i)` for every `i` below `n`, in order, spread over the machine's cores in runs of
/// consecutive `i` (one thread when there is one core or little work).
fn on_every_core<T: Send>(n: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let cores = std::thread::available_parallelism()
        .map_or(1, |c| c.get())
        .min(8);
    if cores < 2 || n < 8 {
        return (0..n).map(work).collect();
    }
    let run = n.div_ceil(cores);
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = (0..n)
            .step_by(run)
            .map(|start| {
                scope.spawn(move || (start..(start + run).min(n)).map(work).collect::<Vec<T>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
