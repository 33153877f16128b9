//! Property test of the derived facts (each customer's first order, the orders summed by day
//! and evidence): after any sequence of imports, later exports of the same orders, undos,
//! code changes and product cost changes, what the store keeps equals a recomputation from
//! every order, and the recomputation equals the metrics' own definition over the orders.

use proptest::prelude::*;
use rust_decimal::Decimal;
use shoutout::domain::NewInfluencer;
use shoutout::import::{ImportOptions, import_reader};
use shoutout::metrics::day_groups;
use shoutout::store::Store;
use std::path::Path;

const HEADER: &str = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,\
Lineitem name,Lineitem quantity,Lineitem price,Lineitem sku,Cancelled at,Refunded Amount,\
Note Attributes";

/// One order of a generated export; the same number in a later file is a later export of it.
#[derive(Debug, Clone)]
struct Order {
    number: u8,
    /// Index into the customers; past them, no e-mail.
    customer: u8,
    status: u8,
    cents: u32,
    codes: u8,
    day: u8,
    hour: u8,
    cancelled: bool,
    refund_pct: u8,
    utm: bool,
    second_line: bool,
}

const CUSTOMERS: [&str; 4] = ["ana@x.com", "bo@x.com", "cy@x.com", "di@x.com"];
const STATUSES: [&str; 5] = [
    "paid",
    "refunded",
    "partially_refunded",
    "voided",
    "pending",
];
const CODES: [&str; 5] = ["", "ANA10", "BO20", "ANA10, BO20", "WELCOME"];

fn order() -> impl Strategy<Value = Order> {
    (
        (0u8..12, 0u8..6, 0u8..5, 100u32..20_000, 0u8..5),
        (
            1u8..10,
            0u8..24,
            prop::bool::weighted(0.1),
            0u8..4,
            any::<bool>(),
        ),
        any::<bool>(),
    )
        .prop_map(
            |(
                (number, customer, status, cents, codes),
                (day, hour, cancelled, refund, utm),
                second_line,
            )| Order {
                number,
                // An order number keeps its customer (or loses it): never another shop's.
                customer: if customer >= 4 { customer } else { number % 4 },
                status,
                cents,
                codes,
                day,
                hour,
                cancelled,
                refund_pct: refund * 25,
                utm,
                second_line,
            },
        )
}

/// The export of `orders`. A number met again further down is the same order number
/// repeated in the file: the import leaves it out (`--skip-invalid`) and keeps the first.
fn csv(orders: &[Order]) -> String {
    let mut out = format!("{HEADER}\n");
    for o in orders {
        let email = CUSTOMERS.get(o.customer as usize).copied().unwrap_or("");
        let subtotal = Decimal::new(i64::from(o.cents), 2);
        let refunded = subtotal * Decimal::from(o.refund_pct) / Decimal::ONE_HUNDRED;
        let at = format!("2026-05-{:02} {:02}:00:00 -0700", o.day, o.hour);
        let cancelled = if o.cancelled { at.as_str() } else { "" };
        let note = if o.utm { "utm_source: bo" } else { "" };
        out += &format!(
            "#{},{email},{},USD,{subtotal},\"{}\",{at},Mug,1,{subtotal},MUG,{cancelled},{},{note}\n",
            1000 + u32::from(o.number),
            STATUSES[o.status as usize],
            CODES[o.codes as usize],
            refunded.round_dp(2),
        );
        if o.second_line {
            out += &format!(
                "#{},,,,,,{at},Vase,2,3.50,VASE,,,\n",
                1000 + u32::from(o.number)
            );
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Op {
    Import(Vec<Order>),
    Undo,
    /// Gives ANA10 to the other creator, or takes it back.
    MoveCode,
    /// Sets or removes a product's cost.
    ProductCost(bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => prop::collection::vec(order(), 1..10).prop_map(Op::Import),
        1 => Just(Op::Undo),
        1 => Just(Op::MoveCode),
        1 => any::<bool>().prop_map(Op::ProductCost),
    ]
}

/// The day groups as text with names, so two loads (which number codes apart) compare.
fn named_days(
    facts: &shoutout::metrics::Facts,
    days: &[shoutout::metrics::DayFact],
) -> Vec<String> {
    let mut out: Vec<String> = days
        .iter()
        .map(|d| {
            let codes: Vec<&str> = d
                .codes
                .iter()
                .map(|&c| facts.order_code_names[c as usize].as_str())
                .collect();
            let utm = d
                .utm_source
                .map(|u| facts.order_utm_names[u as usize].as_str());
            format!("{} {codes:?} {utm:?} {:?}", d.placed_on, d.sums)
        })
        .collect();
    out.sort();
    out
}

fn creator(handle: &str) -> NewInfluencer {
    NewInfluencer {
        handle: handle.into(),
        name: String::new(),
        platform: shoutout::domain::Platform::Instagram,
        followers: 1000,
        commission_pct: Decimal::TEN,
        notes: String::new(),
    }
}

fn check(store: &mut Store) -> Result<(), TestCaseError> {
    prop_assert!(
        store.derived_up_to_date().unwrap(),
        "the derived facts kept differ from a recomputation"
    );
    let every = store.load_every_order().unwrap();
    prop_assert_eq!(
        named_days(&every, &every.days),
        named_days(&every, &day_groups(&every.orders))
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn derived_facts_always_equal_a_full_recomputation(ops in prop::collection::vec(op(), 1..8)) {
        let mut store = Store::open_in_memory().unwrap();
        let ana = store.add_influencer(&creator("ana")).unwrap();
        let bo = store.add_influencer(&creator("bo")).unwrap();
        let mut code = store.add_code("ANA10", ana, None).unwrap();
        store.add_code("BO20", bo, None).unwrap();
        let mut code_with_ana = true;
        for op in ops {
            match op {
                Op::Import(orders) => {
                    let text = csv(&orders);
                    let options = ImportOptions {
                        skip_invalid: true,
                        ..ImportOptions::new("2026-11-22T10:00:00+00:00")
                    };
                    // A refused file leaves everything as it was; either way the facts hold.
                    let _ = import_reader(&mut store, Path::new("orders.csv"), text.as_bytes(), &options);
                }
                Op::Undo => {
                    let _ = store.undo_last_import();
                }
                Op::MoveCode => {
                    store.delete_code(code).unwrap();
                    code_with_ana = !code_with_ana;
                    code = store
                        .add_code("ANA10", if code_with_ana { ana } else { bo }, None)
                        .unwrap();
                }
                Op::ProductCost(set) => {
                    if set {
                        store.set_product_cost("mug", Decimal::new(450, 2)).unwrap();
                    } else {
                        store.delete_product_cost("MUG").unwrap();
                    }
                }
            }
            check(&mut store)?;
        }
    }
}
