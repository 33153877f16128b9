//! The cohort rules on hand-made orders: the window's edge, the bounds, who came back.

use super::*;

const DAY: i64 = 86_400;

#[test]
fn the_bounds_are_months_the_detail_windows_and_the_setting() {
    assert_eq!(
        cohort_bounds(365),
        [30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360, 365]
    );
    assert_eq!(cohort_bounds(45).len(), 14);
    assert_eq!(*cohort_bounds(730).last().unwrap(), 730);
}

/// "Less than D × 24 hours after the first": a second before is inside, the moment itself
/// is not.
#[test]
fn an_order_exactly_d_days_later_is_outside_the_window() {
    let bounds = cohort_bounds(90);
    assert_eq!(bound_of(0, &bounds), Some(30));
    assert_eq!(bound_of(90 * DAY - 1, &bounds), Some(90));
    assert_eq!(bound_of(90 * DAY, &bounds), Some(120));
    assert_eq!(bound_of(365 * DAY, &bounds), None);
}

fn order(at: i64, evidence: u8, net: i64) -> WindowOrder<u8> {
    WindowOrder {
        placed_at: at,
        evidence,
        net,
    }
}

/// The first order opens her cohort; later orders fall under their bounds; the earliest
/// later one marks her come-back; an order past the last bound is in no group.
#[test]
fn the_builder_sums_a_customers_window_by_bound() {
    let mut b: CohortBuilder<&str, u8> = CohortBuilder::new(365);
    b.customer(
        "ana's day",
        &[
            order(0, 1, 1000),
            order(10 * DAY, 0, 250),
            order(40 * DAY, 0, 500),
            order(400 * DAY, 0, 9999),
        ],
    );
    b.anonymous("own day", &order(5 * DAY, 1, 700));
    let groups: Vec<_> = b.finish().into_iter().collect();
    let keys: Vec<_> = groups.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [
            ("ana's day", 0, 30),
            ("ana's day", 0, 60),
            ("ana's day", 1, 30),
            ("own day", 1, 30)
        ]
    );
    // Order 2 (day 10) is her second: she came back inside the first month.
    assert_eq!(groups[0].1.comebacks, 1);
    assert_eq!((groups[0].1.orders, groups[0].1.net), (1, 250));
    assert_eq!(
        groups[2].1,
        CohortSums {
            firsts: 1,
            first_net: 1000,
            comebacks: 0,
            orders: 1,
            net: 1000
        }
    );
    // A customer-less order is a customer of its own, acquired by itself.
    assert_eq!((groups[3].1.firsts, groups[3].1.net), (1, 700));
}
