//! Tests of the classifier: what an import counts and writes, order by order.

use super::*;

use crate::store::{BatchMeta, Store, fingerprint};

fn order(id: &str, currency: &str, subtotal: i64, codes: &[&str]) -> OrderRecord {
    OrderRecord {
        placed_at: chrono::DateTime::parse_from_rfc3339("2026-05-01T10:00:00-07:00").unwrap(),
        customer_key: crate::domain::customer_key(&format!("{id}@x.example")),
        currency: currency.into(),
        codes: codes.iter().map(|c| c.to_string()).collect(),
        ..OrderRecord::example(id, subtotal)
    }
}

fn meta() -> BatchMeta {
    BatchMeta {
        file_name: "t.csv".into(),
        format: "shopify".into(),
        source: "shopify".into(),
        imported_at: "2026-11-22T10:00:00+00:00".into(),
    }
}

fn summary() -> ImportSummary {
    ImportSummary::new(
        std::path::Path::new("t.csv"),
        crate::import::Format::Shopify,
        "UTF-8",
        ',',
        "shopify".into(),
    )
}

fn read(line: u64, o: OrderRecord) -> (ReadOrder, i64) {
    let fp = fingerprint(&o);
    (Ok((line, o)), fp)
}

#[test]
fn a_chunk_is_sorted_into_valid_and_invalid_and_each_order_counted_once() {
    let mut store = Store::open_in_memory().unwrap();
    let ana = store
        .add_influencer(&crate::domain::NewInfluencer::example("ana", 10))
        .unwrap();
    store.add_code("ANA10", ana, None).unwrap();
    let mut batch = store.begin_import(&meta()).unwrap();
    let mut c = Classifier::new(summary(), None, Decimal::from(40), "Name");
    let mut gift = order("#4", "USD", 0, &["ANA10"]);
    gift.gift_value = Some(5000);
    c.accept_chunk(
        &mut batch,
        vec![
            read(2, order("#1", "USD", 1000, &["ANA10"])),
            read(3, order("#2", "EUR", 1000, &[])),
            read(4, order("#3", "USD", -5, &[])),
            read(5, order("#1", "USD", 1000, &[])),
            read(6, gift),
            read(7, order("#5", "USD", 700, &["NOBODY"])),
        ],
    )
    .unwrap();
    let err = c.into_summary(&batch, false).unwrap_err();
    let ImportError::Invalid(s) = err else {
        panic!("{err}");
    };
    assert_eq!((s.counts.new, s.counts.invalid), (3, 3));
    let lines: Vec<u64> = s.errors.iter().map(|e| e.line).collect();
    assert_eq!(
        lines,
        [3, 4, 5],
        "currency, negative subtotal, repeated number"
    );
    assert_eq!(s.gifts, 1);
    assert_eq!(s.gift_cost, 2000, "40 % of the 50.00 retail value, once");
    assert_eq!(s.gift_owners, [(Some("ana".to_string()), 1)]);
    assert_eq!(s.unknown_codes, [("NOBODY".to_string(), 1)]);
}

#[test]
fn a_broken_file_stops_the_import_at_its_line() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = store.begin_import(&meta()).unwrap();
    let mut c = Classifier::new(summary(), Some("USD".into()), Decimal::ONE_HUNDRED, "Name");
    let mut broken = RowError::new(9, "", "", "this row has 3 fields but the header has 12");
    broken.fatal = true;
    let err = c
        .accept_chunk(&mut batch, vec![(Err(broken), 0)])
        .unwrap_err();
    assert!(err.to_string().starts_with("t.csv: line 9:"), "{err}");
}
