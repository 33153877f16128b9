//! The plain data the metrics read: what `store` loads and the tests build by hand.

use crate::domain::{Cents, CostKind, FinancialStatus, Platform};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Everything the scorecard is computed from.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub influencers: Vec<InfluencerFact>,
    pub campaigns: Vec<CampaignFact>,
    /// The current promo codes and who owns them.
    pub codes: Vec<CodeFact>,
    pub costs: Vec<CostFact>,
    pub posts: Vec<PostFact>,
    /// The counted orders grouped by day and evidence ([`super::DayFact`]): what every
    /// figure but the lift model is computed from.
    pub days: Vec<super::DayFact>,
    /// Imported orders one by one, where a computation needs them (the lift model and its
    /// leak check read the orders that carry a code or a `utm_source`); empty otherwise.
    pub orders: Vec<OrderFact>,
    /// The distinct normalised codes used by orders; [`OrderFact::codes`] and
    /// [`super::DayFact::codes`] index into it.
    pub order_code_names: Vec<String>,
    /// Saved tracking links: whose `utm_source` is whose.
    pub links: Vec<LinkFact>,
    /// The distinct normalised `utm_source` values of orders; [`OrderFact::utm_source`]
    /// indexes into it.
    pub order_utm_names: Vec<String>,
    /// The shop's cost of goods and payment fees, once either was set.
    pub profit: Option<ProfitSettings>,
    /// Commission payouts made to creators.
    pub payouts: Vec<PayoutFact>,
    /// Gifts sent (and gift orders imports found).
    pub gifts: Vec<GiftFact>,
    /// Hand-entered rows that could not be read (named, e.g. "post 12 was left out: …"):
    /// the scorecard is computed without them and the seller is told.
    pub skipped_entries: Vec<String>,
    /// Order rows that could not be read, likewise.
    pub skipped_orders: Vec<String>,
    /// Each shop (import source) with the first and last day it has counted orders on, where
    /// the lift model needs them (`Store::load_lift_facts`): a day outside a shop's span is
    /// not a day it sold nothing. Empty otherwise.
    pub shop_spans: Vec<ShopSpan>,
    /// Shop-wide events (sales, markets, mentions): the lift model's baseline absorbs them.
    pub events: Vec<EventFact>,
    /// The customers' window orders summed by cohort group over the whole window
    /// ([`super::CohortFact`]); the scorecard's lifetime value reads them.
    pub cohorts: Vec<super::CohortFact>,
    /// The window of lifetime value in days (`ltv-days`); `None` for the default.
    pub ltv_days: Option<u32>,
    /// How LTV:CAC reads (`ltv-healthy`, `ltv-thin`).
    pub ltv_thresholds: super::LtvThresholds,
}

/// A shop-wide event and its days, first to last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFact {
    pub name: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// A shop (import source) and the days it sold on, first to last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopSpan {
    pub name: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Facts {
    /// Each influencer's position in [`Facts::influencers`], by id: where per-creator sums
    /// are kept.
    pub fn influencer_index(&self) -> std::collections::HashMap<i64, usize> {
        self.influencers
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id, i))
            .collect()
    }

    /// The handle of influencer `id`, if there is one.
    pub fn handle(&self, id: i64) -> Option<&str> {
        self.influencers
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.handle.as_str())
    }

    /// The window of lifetime value in days: the setting, else the default (365).
    pub fn ltv_days(&self) -> u32 {
        self.ltv_days.unwrap_or(super::cohort::DEFAULT_LTV_DAYS)
    }

    /// Every row left out, entries first.
    pub fn skipped(&self) -> impl Iterator<Item = &String> {
        self.skipped_entries.iter().chain(&self.skipped_orders)
    }
}

/// What every counted order costs the shop besides the creator: goods and the payment fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProfitSettings {
    /// Cost of goods, percent of net revenue.
    pub cogs_pct: Decimal,
    /// Payment fee, percent of net revenue.
    pub fee_pct: Decimal,
    /// Payment fee per counted order.
    pub fee_fixed: Decimal,
}

/// A commission payout to a creator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutFact {
    pub influencer_id: i64,
    pub amount: Cents,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkFact {
    pub influencer_id: i64,
    pub campaign_id: Option<i64>,
    /// Normalised like a code (trimmed, upper-cased).
    pub utm_source: String,
}

/// An influencer as stored: what the app and the CLI list (`store::InfluencerRow` is this
/// shape) and what the metrics read. What she types before she is stored is
/// [`crate::domain::NewInfluencer`] (no id, not archived, never a channel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfluencerFact {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub platform: Platform,
    pub followers: u64,
    /// Percent of attributed net revenue paid as commission (10 = 10 %).
    pub commission_pct: Decimal,
    pub archived: bool,
    /// A channel (Meta ads, a newsletter): on the scorecard below the creators, never ranked
    /// among them.
    pub channel: bool,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignFact {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeFact {
    /// Normalised (trimmed, upper-cased) code.
    pub code: String,
    pub influencer_id: i64,
    pub campaign_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostFact {
    pub influencer_id: i64,
    pub campaign_id: Option<i64>,
    pub kind: CostKind,
    pub amount: Cents,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFact {
    pub id: i64,
    pub influencer_id: i64,
    pub campaign_id: Option<i64>,
    pub platform: Platform,
    pub posted_on: NaiveDate,
    pub followers: u64,
    /// likes + comments + shares + saves (missing counts as 0).
    pub engagements: u64,
    /// Reach and impressions as logged (missing: 0).
    pub reach: u64,
    pub impressions: u64,
    /// What reusing her content saved, in cents (missing: 0).
    pub content_value: crate::domain::Cents,
    pub sentiment: Option<crate::domain::Sentiment>,
    /// What people said (may be empty).
    pub note: String,
}

/// A gift in the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftFact {
    pub id: i64,
    pub influencer_id: i64,
    pub campaign_id: Option<i64>,
    pub given_on: NaiveDate,
    pub item: String,
    pub retail: Cents,
    pub cost: Cents,
    pub shipping: Cents,
    pub declined: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFact {
    /// When it was placed, as seconds since the Unix epoch (UTC): orders by time.
    pub placed_at: i64,
    /// The order number's digits, to order orders placed at the same moment.
    pub number: i64,
    /// The date it was placed in the shop's own time zone: the period filter uses this.
    pub placed_on: NaiveDate,
    /// Dense id of the customer; `None` for an order without e-mail or buyer id.
    pub customer: Option<u32>,
    pub status: FinancialStatus,
    pub cancelled: bool,
    pub subtotal: Cents,
    pub refunded: Cents,
    /// Indexes into [`Facts::order_code_names`].
    pub codes: Box<[u32]>,
    /// The shop's own new/returning flag where it gives one (WooCommerce).
    pub customer_new: Option<bool>,
    /// Product gifted through the shop: not a sale (its value is a product cost).
    pub gift: bool,
    /// Index into [`Facts::order_utm_names`] when the export had a `utm_source`.
    pub utm_source: Option<u32>,
    /// What its line items say about its goods cost, when product costs are known and the
    /// export listed its line items.
    pub goods: Option<Box<OrderGoods>>,
}

/// An order's line items against the product costs (see docs/metrics.md, "Cost of goods").
/// Sums saturate at `i64::MAX` cents, far past any real order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OrderGoods {
    /// Σ quantity × unit cost over the lines whose SKU has a cost, in cents.
    pub known_cost: i64,
    /// Σ quantity × unit price over the lines whose SKU has none, in cents.
    pub other_value: i64,
    /// Σ quantity × unit price over all lines, in cents.
    pub line_value: i64,
}

#[cfg(test)]
impl OrderFact {
    /// A paid order for tests: order `number` for `subtotal` cents on `placed_on` (at its
    /// midnight, UTC), no customer, code, refund or `utm_source`. Tests set what they are about
    /// with `..OrderFact::paid(..)`.
    pub(crate) fn paid(number: i64, placed_on: NaiveDate, subtotal: Cents) -> OrderFact {
        OrderFact {
            placed_at: placed_on
                .and_time(chrono::NaiveTime::MIN)
                .and_utc()
                .timestamp(),
            number,
            placed_on,
            customer: None,
            status: FinancialStatus::Paid,
            cancelled: false,
            subtotal,
            refunded: 0,
            codes: Box::new([]),
            customer_new: None,
            gift: false,
            utm_source: None,
            goods: None,
        }
    }
}
