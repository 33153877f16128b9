//! Shops simulated with a known truth, for the lift model's tests: organic orders with a
//! weekly rhythm and a slow trend, posts whose effect decays (on YouTube and Pinterest with a
//! long evergreen tail), fans who use the code only sometimes and come back with it, buyers
//! who carry her link instead, and codes that leak from a day on (anywhere, late in the data,
//! or inside a post window; a few uses a week in a small shop). Every run is seeded.

use super::*;
use crate::domain::{CostKind, Platform};
use crate::metrics::{CodeFact, CostFact, InfluencerFact, LinkFact, OrderFact, PostFact};

/// What kind of shop to simulate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scenario {
    pub creators: usize,
    /// Organic orders a day, on average.
    pub organic: f64,
    pub days: i64,
    /// The share of buyers she caused who use no code but carry her link's `utm_source`.
    pub link_capture: f64,
    /// YouTube and Pinterest posts keep bringing buyers for months at a falling rate.
    pub evergreen: bool,
    /// Sales of two days (three times the organic orders) starting the day after a post, and
    /// whether they are marked as events.
    pub sales: usize,
    pub sales_marked: bool,
}

impl Scenario {
    pub(super) fn plain(creators: usize, organic: f64) -> Scenario {
        Scenario {
            creators,
            organic,
            days: 180,
            link_capture: 0.0,
            evergreen: false,
            sales: 0,
            sales_marked: false,
        }
    }
}

/// What the simulation knows and the model must find.
pub(super) struct Truth {
    /// Per creator: the orders her posts caused (with her code or not, and fans' repeats).
    pub incremental: Vec<f64>,
    /// Per creator: (incremental revenue − cost) / cost.
    pub roi: Vec<f64>,
    /// Per creator: the day her code leaked from.
    pub leaked: Vec<Option<i64>>,
    /// Per creator: of the orders she caused, those carrying her code or link.
    pub owned: Vec<f64>,
}

pub(super) fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

/// An order of the simulation: day, customer, cents, whose code, whose link.
type SimOrder = (i64, u32, i64, Option<usize>, Option<usize>);

/// The plain scenario of `creators` creators and `organic` orders a day.
pub(super) fn simulate(seed: u64, creators: usize, organic: f64) -> (Facts, Truth) {
    run(seed, Scenario::plain(creators, organic))
}

/// One simulated shop.
pub(super) fn run(seed: u64, s: Scenario) -> (Facts, Truth) {
    let mut sim = Sim {
        rng: fastrand::Rng::with_seed(seed),
        s,
        facts: Facts::default(),
        orders: Vec::new(),
        customers: 0,
        truth: Truth {
            incremental: vec![0.0; s.creators],
            roi: vec![0.0; s.creators],
            leaked: vec![None; s.creators],
            owned: vec![0.0; s.creators],
        },
        revenue: vec![0.0; s.creators],
    };
    sim.organic();
    for c in 0..s.creators {
        sim.creator(c);
    }
    sim.sales();
    sim.finish()
}

struct Sim {
    rng: fastrand::Rng,
    s: Scenario,
    facts: Facts,
    orders: Vec<SimOrder>,
    customers: u32,
    truth: Truth,
    /// Per creator: the revenue of the orders she caused, in cents.
    revenue: Vec<f64>,
}

/// How one creator's posts act.
struct Response {
    code_use: f64,
    strength: f64,
    decay: f64,
    /// The evergreen part: orders per post and its mean delay in days.
    tail: Option<(f64, f64)>,
}

impl Sim {
    fn customer(&mut self) -> u32 {
        self.customers += 1;
        self.customers
    }

    /// The sale days: two days from the day after a post of a creator picked at random, on
    /// which the shop sells twice its organic orders again.
    fn sales(&mut self) {
        for _ in 0..self.s.sales {
            let post = &self.facts.posts[self.rng.usize(0..self.facts.posts.len())];
            let first = post.posted_on + chrono::Days::new(1);
            let day = (first - start()).num_days();
            for t in day..(day + 2).min(self.s.days) {
                for _ in 0..poisson(&mut self.rng, 2.0 * self.s.organic) {
                    let who = self.customer();
                    let p = price(&mut self.rng);
                    self.orders.push((t, who, p, None, None));
                }
            }
            if self.s.sales_marked {
                self.facts.events.push(crate::metrics::EventFact {
                    name: format!("sale {}", self.facts.events.len() + 1),
                    first,
                    last: first + chrono::Days::new(1),
                });
            }
        }
    }

    /// Organic orders: a weekly rhythm and a slow trend; regulars buy again.
    fn organic(&mut self) {
        let weekday = [1.0, 0.9, 0.9, 1.0, 1.1, 1.3, 1.2];
        let regulars: Vec<u32> = (0..(self.s.organic * 20.0) as usize)
            .map(|_| self.customer())
            .collect();
        let days = self.s.days;
        for t in 0..days {
            let trend = 0.85 + 0.3 * t as f64 / days as f64;
            let mean = self.s.organic * weekday[(t % 7) as usize] * trend;
            for _ in 0..poisson(&mut self.rng, mean) {
                let who = if self.rng.bool() {
                    regulars[self.rng.usize(0..regulars.len())]
                } else {
                    self.customer()
                };
                let p = price(&mut self.rng);
                self.orders.push((t, who, p, None, None));
            }
        }
    }

    /// A creator: her code, link, cost and posts, the buyers they bring, maybe a leak.
    fn creator(&mut self, c: usize) {
        let id = c as i64 + 1;
        let evergreen = self.s.evergreen && self.rng.f64() < 0.4;
        let platform = match (evergreen, self.rng.bool()) {
            (true, true) => Platform::Youtube,
            (true, false) => Platform::Pinterest,
            (false, true) => Platform::Instagram,
            (false, false) => Platform::Tiktok,
        };
        self.enter(c, platform);
        let cost = self.rng.i64(5_000..60_000);
        self.facts.costs.push(CostFact {
            influencer_id: id,
            campaign_id: None,
            kind: CostKind::Fee,
            amount: cost,
            date: start(),
        });
        let strength = 3.0 + 27.0 * self.rng.f64();
        let response = Response {
            code_use: 0.25 + 0.6 * self.rng.f64(),
            strength,
            decay: 0.55 + 0.25 * self.rng.f64(),
            tail: evergreen.then(|| {
                (
                    strength * (0.5 + self.rng.f64()),
                    30.0 + 60.0 * self.rng.f64(),
                )
            }),
        };
        let mut posts = Vec::new();
        for _ in 0..self.rng.usize(1..5) {
            let post = self.rng.i64(0..self.s.days - 20);
            posts.push(post);
            self.post(c, id, platform, post, &response);
        }
        if self.rng.f64() < 0.25 {
            self.leak(c, &posts);
        }
        self.truth.roi[c] = (self.revenue[c] - cost as f64) / cost as f64;
    }

    fn enter(&mut self, c: usize, platform: Platform) {
        let id = c as i64 + 1;
        self.facts.influencers.push(InfluencerFact {
            id,
            handle: format!("creator{c}"),
            name: String::new(),
            platform,
            followers: 10_000,
            commission_pct: Decimal::ZERO,
            archived: false,
            channel: false,
            notes: String::new(),
        });
        self.facts.codes.push(CodeFact {
            code: format!("CODE{c}"),
            influencer_id: id,
            campaign_id: None,
        });
        self.facts.links.push(LinkFact {
            influencer_id: id,
            campaign_id: None,
            utm_source: format!("CREATOR{c}"),
        });
    }

    /// One post and the buyers it brings: a short burst, and on an evergreen platform a
    /// long tail.
    fn post(&mut self, c: usize, id: i64, platform: Platform, post: i64, r: &Response) {
        self.facts.posts.push(PostFact {
            id: self.facts.posts.len() as i64 + 1,
            influencer_id: id,
            campaign_id: None,
            platform,
            posted_on: start() + chrono::Days::new(post as u64),
            followers: 10_000,
            engagements: 500,
            reach: 0,
            impressions: 0,
            content_value: 0,
            sentiment: None,
            note: String::new(),
        });
        for _ in 0..poisson(&mut self.rng, r.strength) {
            let delay = geometric(&mut self.rng, r.decay).min(27);
            self.buyer(c, post + delay, r.code_use);
        }
        if let Some((orders, mean)) = r.tail {
            let stay = mean / (mean + 1.0);
            for _ in 0..poisson(&mut self.rng, orders) {
                let delay = geometric(&mut self.rng, stay);
                self.buyer(c, post + delay, r.code_use);
            }
        }
    }

    /// A buyer she caused on `day`: with her code, her link or neither; a fan who kept the
    /// code comes back with it.
    fn buyer(&mut self, c: usize, day: i64, code_use: f64) {
        if day >= self.s.days {
            return;
        }
        let who = self.customer();
        let coded = self.rng.f64() < code_use;
        let linked = !coded && self.rng.f64() < self.s.link_capture;
        let p = price(&mut self.rng);
        self.orders
            .push((day, who, p, coded.then_some(c), linked.then_some(c)));
        self.truth.incremental[c] += 1.0;
        self.truth.owned[c] += f64::from(u8::from(coded || linked));
        self.revenue[c] += p as f64;
        if coded && self.rng.f64() < 0.2 {
            let later = day + self.rng.i64(20..60);
            if later < self.s.days {
                let p = price(&mut self.rng);
                self.orders.push((later, who, p, Some(c), None));
                self.truth.incremental[c] += 1.0;
                self.truth.owned[c] += 1.0;
                self.revenue[c] += p as f64;
            }
        }
    }

    /// Her code leaks to a coupon site: anywhere, in the last three weeks, or inside or
    /// just after a post window; 1–3 uses a week in a small shop, more in a large one.
    fn leak(&mut self, c: usize, posts: &[i64]) {
        let days = self.s.days;
        let from = match self.rng.u8(0..3) {
            0 => self.rng.i64(20..days - 21),
            1 => self.rng.i64(days - 21..days - 7),
            _ => (posts[self.rng.usize(0..posts.len())] + self.rng.i64(0..35)).min(days - 7),
        };
        self.truth.leaked[c] = Some(from);
        let per_week = (1.0 + 2.0 * self.rng.f64()) * (self.s.organic / 5.0).sqrt();
        for t in from..days {
            for _ in 0..poisson(&mut self.rng, per_week / 7.0) {
                let who = self.customer();
                let p = price(&mut self.rng);
                self.orders.push((t, who, p, Some(c), None));
            }
        }
    }

    fn finish(mut self) -> (Facts, Truth) {
        let creators = self.s.creators;
        self.orders.sort_by_key(|o| o.0);
        for (n, (t, customer, cents, code, link)) in self.orders.into_iter().enumerate() {
            self.facts.orders.push(OrderFact {
                placed_at: t * 86_400 + n as i64,
                customer: Some(customer),
                codes: code.map_or(Box::new([]), |c| Box::new([c as u32])),
                utm_source: link.map(|c| c as u32),
                ..OrderFact::paid(n as i64, start() + chrono::Days::new(t as u64), cents)
            });
        }
        self.facts.order_code_names = (0..creators).map(|c| format!("CODE{c}")).collect();
        self.facts.order_utm_names = (0..creators).map(|c| format!("CREATOR{c}")).collect();
        self.facts.derive_days();
        (self.facts, self.truth)
    }
}

pub(super) fn price(rng: &mut fastrand::Rng) -> i64 {
    rng.i64(2_000..8_000)
}

pub(super) fn poisson(rng: &mut fastrand::Rng, mean: f64) -> usize {
    // Knuth's method, in pieces so a large mean does not underflow.
    let mut n = 0;
    let mut left = mean;
    while left > 0.0 {
        let step = left.min(30.0);
        left -= step;
        let limit = (-step).exp();
        let mut p = rng.f64();
        while p > limit {
            n += 1;
            p *= rng.f64();
        }
    }
    n
}

fn geometric(rng: &mut fastrand::Rng, stay: f64) -> i64 {
    let mut d = 0;
    while rng.f64() < stay {
        d += 1;
    }
    d
}

/// Kendall's τ between two scorings of the same items.
pub(super) fn kendall(a: &[f64], b: &[f64]) -> f64 {
    let (mut concordant, mut discordant) = (0.0f64, 0.0f64);
    for i in 0..a.len() {
        for j in i + 1..a.len() {
            let s = (a[i] - a[j]) * (b[i] - b[j]);
            if s > 0.0 {
                concordant += 1.0;
            } else if s < 0.0 {
                discordant += 1.0;
            }
        }
    }
    (concordant - discordant) / (concordant + discordant).max(1.0)
}
