//! Property tests: random bytes and mutated real exports fed to every reader. Whatever the
//! input, an import ends in a clear error or a correct import, never a panic, and a refused
//! import leaves the database as it was.

use proptest::prelude::*;
use shoutout::import::{Format, ImportOptions, import_reader};
use shoutout::store::Store;
use std::path::Path;

const FIXTURES: [&str; 9] = [
    "shopify/orders_79.csv",
    "shopify/orders_73.csv",
    "etsy/EtsySoldOrders2026.csv",
    "etsy/EtsySoldOrderItems2026.csv",
    "woocommerce/analytics_orders.csv",
    "woocommerce/order_export.csv",
    "csv/pos_export.csv",
    "excel/orders_utf16.txt",
    "excel/orders_semicolon_decimal_comma.csv",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Imports `bytes` as every format in turn; panics propagate and fail the property.
fn import_every_way(bytes: &[u8]) {
    let mapping = shoutout::import::Mapping::from_toml(
        &String::from_utf8(fixture("csv/pos_mapping.toml")).unwrap(),
    )
    .unwrap();
    for format in Format::ALL {
        let mut store = Store::open_in_memory().unwrap();
        let options = ImportOptions {
            format,
            mapping: (format == Format::Mapped).then(|| mapping.clone()),
            ..ImportOptions::new("2026-11-22T10:00:00+00:00")
        };
        match import_reader(&mut store, Path::new("fuzz.csv"), bytes, &options) {
            Ok(summary) => {
                // Only a file with no orders at all (a header alone) records no import.
                assert_eq!(summary.written, summary.counts.total() > 0);
                let facts = store.load_every_order().unwrap();
                assert_eq!(facts.orders.len() as i64, summary.counts.new);
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                assert_eq!(
                    store.order_count().unwrap(),
                    0,
                    "a refused import writes nothing"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        import_every_way(&bytes);
    }

    #[test]
    fn mutated_exports_never_panic(
        which in 0..FIXTURES.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = fixture(FIXTURES[which]);
        for (at, value) in edits {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        import_every_way(&bytes);
    }

    #[test]
    fn mutated_cells_never_panic(
        which in 0..FIXTURES.len(),
        cell in "[0-9,.;+\\-eE$€ ]{0,12}|\\PC{0,20}",
        at in any::<prop::sample::Index>(),
    ) {
        // Replace one comma-separated stretch with an arbitrary cell value.
        let text = String::from_utf8_lossy(&fixture(FIXTURES[which])).into_owned();
        let commas: Vec<usize> = text.match_indices(',').map(|(i, _)| i).collect();
        prop_assume!(commas.len() > 2);
        let k = at.index(commas.len() - 1);
        let mut out = text[..commas[k] + 1].to_string();
        out.push_str(&cell);
        out.push_str(&text[commas[k + 1]..]);
        import_every_way(out.as_bytes());
    }
}

#[test]
fn huge_cells_many_columns_and_nul_bytes_are_refused_or_read_without_panic() {
    let mut huge = fixture("shopify/orders_79.csv");
    let cell = "9".repeat(10 * 1024 * 1024);
    huge.extend_from_slice(format!("#9999,x@y.z,paid,,,,,,USD,{cell}\n").as_bytes());
    import_every_way(&huge);
    let wide: String = (0..5000).map(|i| format!("c{i},")).collect::<String>() + "\n1,2\n";
    import_every_way(wide.as_bytes());
    import_every_way(b"Name,Email\0,Subtotal\n\0\0\0\n");
    import_every_way(&[0xFF; 4096]);
}
