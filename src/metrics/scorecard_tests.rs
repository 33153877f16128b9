//! Unit tests of every scorecard formula and edge case, on hand-built facts.

use super::*;
use crate::domain::{CostKind, FinancialStatus, Platform};
use crate::metrics::{
    CodeFact, CostFact, InfluencerFact, OrderFact, OrderGoods, PostFact, order_goods,
};
use crate::metrics::{Metric, SortKey};
use rust_decimal_macros::dec;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

const TODAY: (u32, u32) = (11, 22);

/// A small builder so each test states only what it is about.
#[derive(Default)]
struct Shop {
    facts: Facts,
}

impl Shop {
    fn influencer(mut self, id: i64, handle: &str) -> Self {
        self.facts.influencers.push(InfluencerFact {
            id,
            handle: handle.into(),
            name: String::new(),
            platform: Platform::Instagram,
            followers: 10_000,
            commission_pct: Decimal::ZERO,
            archived: false,
            channel: false,
            notes: String::new(),
        });
        self
    }
    fn commission(mut self, id: i64, pct: Decimal) -> Self {
        let inf = self
            .facts
            .influencers
            .iter_mut()
            .find(|i| i.id == id)
            .unwrap();
        inf.commission_pct = pct;
        self
    }
    fn code(mut self, code: &str, influencer_id: i64) -> Self {
        self.facts.codes.push(CodeFact {
            code: code.into(),
            influencer_id,
            campaign_id: None,
        });
        self
    }
    fn cost(mut self, influencer_id: i64, kind: CostKind, cents: i64, date: NaiveDate) -> Self {
        self.facts.costs.push(CostFact {
            influencer_id,
            campaign_id: None,
            kind,
            amount: cents,
            date,
        });
        self
    }
    fn post(mut self, influencer_id: i64, followers: u64, engagements: u64) -> Self {
        let id = self.facts.posts.len() as i64 + 1;
        self.facts.posts.push(PostFact {
            id,
            influencer_id,
            campaign_id: None,
            platform: Platform::Instagram,
            posted_on: day(5, 1),
            followers,
            engagements,
            reach: 0,
            impressions: 0,
            content_value: 0,
            sentiment: None,
            note: String::new(),
        });
        self
    }
    /// An order on `date` by `customer` for `subtotal` cents with `codes`.
    fn order(self, date: NaiveDate, customer: Option<u32>, subtotal: i64, codes: &[&str]) -> Self {
        self.order_with(date, customer, subtotal, codes, |_| {})
    }
    fn order_with(
        mut self,
        date: NaiveDate,
        customer: Option<u32>,
        subtotal: i64,
        codes: &[&str],
        tweak: impl FnOnce(&mut OrderFact),
    ) -> Self {
        let code_ids: Vec<u32> = codes
            .iter()
            .map(|c| {
                match self.facts.order_code_names.iter().position(|n| n == c) {
                    Some(i) => i,
                    None => {
                        self.facts.order_code_names.push((*c).into());
                        self.facts.order_code_names.len() - 1
                    }
                }
                .try_into()
                .unwrap()
            })
            .collect();
        let number = self.facts.orders.len() as i64 + 1001;
        let mut order = OrderFact {
            placed_at: date.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp(),
            customer,
            codes: code_ids.into(),
            ..OrderFact::paid(number, date, subtotal)
        };
        tweak(&mut order);
        self.facts.orders.push(order);
        self.facts.derive_days();
        self
    }
    fn card(&self, options: &ScorecardOptions) -> Scorecard {
        scorecard(&self.facts, options, day(TODAY.0, TODAY.1))
    }
    fn row(&self, handle: &str) -> ScoreRow {
        self.card(&ScorecardOptions::default())
            .rows
            .into_iter()
            .find(|r| r.handle == handle)
            .unwrap()
    }
}

#[test]
fn seed_example_roi_400_and_roas_5() {
    // $10,000 cost and $50,000 revenue: ROI 400 %, ROAS 5.
    let shop = Shop::default()
        .influencer(1, "big")
        .code("BIG", 1)
        .cost(1, CostKind::Fee, 1_000_000, day(5, 1))
        .order(day(5, 2), Some(1), 5_000_000, &["BIG"]);
    let row = shop.row("big");
    assert_eq!(crate::domain::fmt2(row.roi_pct.unwrap()), "400.00");
    assert_eq!(crate::domain::fmt2(row.roas.unwrap()), "5.00");
}

#[test]
fn seed_example_roi_300() {
    let shop = Shop::default()
        .influencer(1, "mid")
        .code("MID", 1)
        .cost(1, CostKind::Product, 50_000, day(5, 1))
        .order(day(5, 2), Some(1), 120_000, &["MID"])
        .order(day(5, 3), Some(2), 80_000, &["MID"]);
    assert_eq!(shop.row("mid").roi_pct, Some(dec!(300)));
}

#[test]
fn seed_example_cac_5_over_40_new_customers() {
    let mut shop = Shop::default().influencer(1, "nano").code("NANO", 1).cost(
        1,
        CostKind::Fee,
        20_000,
        day(5, 1),
    );
    for customer in 0..40 {
        shop = shop.order(day(5, 2), Some(customer), 1_000, &["NANO"]);
    }
    let row = shop.row("nano");
    assert_eq!(row.new_customers, dec!(40));
    assert_eq!(row.cac, Some(dec!(5)));
    assert_eq!(row.aov, Some(dec!(10)));
}

#[test]
fn zero_cost_leaves_roi_roas_undefined_and_ranks_last() {
    let shop = Shop::default()
        .influencer(1, "free")
        .influencer(2, "paid")
        .code("FREE", 1)
        .code("PAID", 2)
        .cost(2, CostKind::Fee, 10_000, day(5, 1))
        .order(day(5, 2), Some(1), 90_000, &["FREE"])
        .order(day(5, 2), Some(2), 5_000, &["PAID"]);
    let card = shop.card(&ScorecardOptions::default());
    assert_eq!(card.rows[0].handle, "paid");
    assert_eq!(card.rows[0].roi_pct, Some(dec!(-50)));
    assert_eq!(card.rows[1].handle, "free");
    assert_eq!(card.rows[1].roi_pct, None);
    assert_eq!(card.rows[1].roas, None);
    assert_eq!(
        card.rows[1].why_undefined(Metric::Roi),
        Some("no cost recorded")
    );
}

#[test]
fn influencer_without_orders_still_appears_with_undefined_aov() {
    let shop = Shop::default()
        .influencer(1, "quiet")
        .cost(1, CostKind::Fee, 10_000, day(5, 1));
    let row = shop.row("quiet");
    assert_eq!(row.orders, Decimal::ZERO);
    assert_eq!(row.roi_pct, Some(dec!(-100)));
    assert_eq!(row.aov, None);
    assert_eq!(row.cac, None);
    assert_eq!(row.engagement_rate_pct, None);
    assert_eq!(
        row.why_undefined(Metric::Engagement),
        Some("no posts logged")
    );
}

#[test]
fn two_influencers_codes_on_one_order_split_it_in_half() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .influencer(2, "ben")
        .code("ANA10", 1)
        .code("BEN10", 2)
        .order(day(5, 2), Some(7), 10_001, &["ANA10", "BEN10"]);
    for handle in ["ana", "ben"] {
        let row = shop.row(handle);
        assert_eq!(row.orders, dec!(0.5));
        assert_eq!(row.revenue, dec!(50.005));
        assert_eq!(row.new_customers, dec!(0.5));
    }
}

#[test]
fn one_influencer_with_two_codes_on_one_order_gets_it_whole() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .code("ANA10", 1)
        .code("ANA20", 1)
        .order(day(5, 2), Some(7), 5_000, &["ANA10", "ANA20"]);
    assert_eq!(shop.row("ana").orders, dec!(1));
    assert_eq!(shop.row("ana").revenue, dec!(50));
}

#[test]
fn thirds_add_back_up_exactly() {
    let mut shop = Shop::default()
        .influencer(1, "a")
        .influencer(2, "b")
        .influencer(3, "c")
        .code("A", 1)
        .code("B", 2)
        .code("C", 3);
    for c in 0..3 {
        shop = shop.order(day(5, 2), Some(c), 1_000, &["A", "B", "C"]);
    }
    assert_eq!(shop.row("a").orders, dec!(1));
    assert_eq!(shop.row("a").revenue, dec!(10));
}

#[test]
fn refund_larger_than_subtotal_gives_zero_revenue_not_negative() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .code("ANA", 1)
        .order_with(day(5, 2), Some(1), 4_000, &["ANA"], |o| o.refunded = 9_999)
        .order_with(day(5, 3), Some(2), 4_000, &["ANA"], |o| o.refunded = 1_050);
    let row = shop.row("ana");
    assert_eq!(row.revenue, dec!(29.50));
    assert_eq!(
        row.orders,
        dec!(2),
        "a refunded order still counts as an order"
    );
}

#[test]
fn cancelled_and_voided_orders_do_not_count() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .code("ANA", 1)
        .order_with(day(5, 2), Some(1), 4_000, &["ANA"], |o| o.cancelled = true)
        .order_with(day(5, 3), Some(2), 4_000, &["ANA"], |o| {
            o.status = FinancialStatus::Voided
        })
        .order_with(day(5, 4), Some(3), 4_000, &["ANA"], |o| {
            o.status = FinancialStatus::Refunded
        });
    let row = shop.row("ana");
    assert_eq!(row.orders, dec!(1));
    assert_eq!(row.revenue, dec!(40));
}

#[test]
fn new_customer_is_the_first_counted_order_in_the_whole_database() {
    // Customer 1 first bought without a code, then with one: not new.
    // Customer 2's first order was cancelled, so the coded second one is the first counted.
    // An order without a customer counts as new.
    let shop = Shop::default()
        .influencer(1, "ana")
        .code("ANA", 1)
        .order(day(3, 1), Some(1), 1_000, &[])
        .order(day(5, 2), Some(1), 1_000, &["ANA"])
        .order_with(day(3, 1), Some(2), 1_000, &[], |o| o.cancelled = true)
        .order(day(5, 2), Some(2), 1_000, &["ANA"])
        .order(day(5, 2), None, 1_000, &["ANA"]);
    assert_eq!(shop.row("ana").new_customers, dec!(2));
    // Restricting the period does not make an old customer new.
    let card = shop.card(&ScorecardOptions {
        period: Period::Custom {
            from: Some(day(5, 1)),
            to: None,
        },
        ..Default::default()
    });
    assert_eq!(card.rows[0].new_customers, dec!(2));
    assert_eq!(card.rows[0].orders, dec!(3));
}

#[test]
fn same_moment_orders_are_ordered_by_order_number() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .influencer(2, "ben")
        .code("ANA", 1)
        .code("BEN", 2)
        .order_with(day(5, 2), Some(1), 1_000, &["BEN"], |o| o.number = 2000)
        .order_with(day(5, 2), Some(1), 1_000, &["ANA"], |o| o.number = 1999);
    assert_eq!(shop.row("ana").new_customers, dec!(1));
    assert_eq!(shop.row("ben").new_customers, dec!(0));
}

#[test]
fn shop_flag_for_new_customer_wins_where_present() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .code("ANA", 1)
        .order_with(day(5, 2), None, 1_000, &["ANA"], |o| {
            o.customer_new = Some(false)
        });
    assert_eq!(shop.row("ana").new_customers, dec!(0));
}

#[test]
fn unknown_codes_credit_no_one() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .code("ANA", 1)
        .order(day(5, 2), Some(1), 1_000, &["SPRING10"])
        .order(day(5, 2), Some(2), 1_000, &["SPRING10", "ANA"]);
    let row = shop.row("ana");
    assert_eq!(
        row.orders,
        dec!(1),
        "the unknown code does not take a share"
    );
    assert_eq!(row.revenue, dec!(10));
}

#[test]
fn a_code_added_later_credits_orders_already_there() {
    let mut shop = Shop::default()
        .influencer(1, "ana")
        .order(day(5, 2), Some(1), 1_000, &["LATE"]);
    assert_eq!(shop.row("ana").orders, dec!(0));
    shop = shop.code("LATE", 1);
    assert_eq!(shop.row("ana").orders, dec!(1));
}

#[test]
fn commission_is_part_of_cost() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .commission(1, dec!(10))
        .code("ANA", 1)
        .cost(1, CostKind::Fee, 5_000, day(5, 1))
        .cost(1, CostKind::Shipping, 1_000, day(5, 1))
        .order(day(5, 2), Some(1), 20_000, &["ANA"]);
    let row = shop.row("ana");
    assert_eq!(row.commission, dec!(20));
    assert_eq!(row.cost, dec!(80));
    assert_eq!(row.cost_by_kind[CostKind::Fee.index()], dec!(50));
    assert_eq!(row.roi_pct, Some(dec!(150)));
}

#[test]
fn engagement_rate_is_engagements_over_followers_at_post() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .post(1, 10_000, 450)
        .post(1, 20_000, 150);
    let row = shop.row("ana");
    assert_eq!(row.posts, 2);
    assert_eq!(row.engagement_rate_pct, Some(dec!(2)));
}

#[test]
fn gift_orders_are_not_sales() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .code("ANA", 1)
        .order_with(day(5, 1), Some(1), 0, &["ANA"], |o| o.gift = true)
        .order(day(5, 2), Some(1), 3_000, &["ANA"]);
    let row = shop.row("ana");
    assert_eq!(row.orders, dec!(1));
    assert_eq!(
        row.new_customers,
        dec!(1),
        "the gift was not her first order"
    );
}

#[test]
fn a_utm_source_credits_the_influencer_it_names() {
    let mut shop = Shop::default()
        .influencer(1, "ana")
        .influencer(2, "ben")
        .code("BEN", 2)
        .order(day(5, 2), Some(1), 3_000, &[])
        .order(day(5, 3), Some(2), 1_000, &["BEN"]);
    shop.facts.order_utm_names = vec!["ANA".into(), "IG_STORY".into()];
    shop.facts.orders[0].utm_source = Some(0);
    shop.facts.orders[1].utm_source = Some(1);
    shop.facts.derive_days();
    shop.facts.links.push(crate::metrics::LinkFact {
        influencer_id: 1,
        campaign_id: None,
        utm_source: "IG_STORY".into(),
    });
    assert_eq!(
        shop.row("ana").revenue,
        dec!(35),
        "30 by handle + half of 10 by link"
    );
    assert_eq!(shop.row("ben").revenue, dec!(5));
}

#[test]
fn the_detail_counts_refunds_and_distinct_customers() {
    let shop = Shop::default()
        .influencer(1, "ana")
        .influencer(2, "bo")
        .code("ANA", 1)
        .code("BO", 2)
        // Customer 7 buys twice; customer 8 once, with both codes; one buyer unknown.
        .order_with(day(5, 2), Some(7), 10_000, &["ANA"], |o| o.refunded = 2_500)
        .order(day(5, 3), Some(7), 4_000, &["ANA"])
        .order_with(day(5, 4), Some(8), 6_000, &["ANA", "BO"], |o| {
            o.refunded = 1_000
        })
        .order(day(5, 5), None, 3_000, &["ANA"]);
    let ana = shop.row("ana");
    // 25.00 + half of 10.00; the refunds are already out of revenue.
    assert_eq!(ana.refunded, dec!(30.00));
    assert_eq!(
        ana.revenue,
        dec!(75.00) + dec!(40.00) + dec!(25.00) + dec!(30.00)
    );
    let bo = shop.row("bo");
    assert_eq!(bo.refunded, dec!(5.00));
}

/// Periods, ranking, search and the platform and campaign filters.
#[path = "scorecard_view_tests.rs"]
mod view;

/// Gross profit, its ROI and break-even ROAS, and goods cost from line items.
#[path = "scorecard_profit_tests.rs"]
mod profit;
