//! The readers under a flood of hostile rows: real-layout exports whose cells are replaced by
//! escapes, NULs, huge and negative amounts, mixed separators, odd dates and random bytes.
//! Whatever a reader is given, it yields orders or errors, never panics, and an error quotes
//! at most a short excerpt.
//!
//! `cargo test --release -- --ignored readers_survive_a_million` runs 10⁶ inputs per reader
//! (docs/fuzzing.md has the figures); the plain test suite runs a few thousand of the same.

use super::*;
use crate::import::columns::Columns;
use crate::import::layout::{Layout, open_reader};

/// One real export of each reader, and the format it is read as.
const LAYOUTS: [(&str, Format); 6] = [
    ("shopify/orders_79.csv", Format::Shopify),
    ("etsy/EtsySoldOrders2026.csv", Format::EtsyOrders),
    ("etsy/EtsySoldOrderItems2026.csv", Format::EtsyItems),
    ("woocommerce/analytics_orders.csv", Format::WooAnalytics),
    ("woocommerce/order_export.csv", Format::WooPlugin),
    ("csv/pos_export.csv", Format::Mapped),
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Cells an attacker or a broken spreadsheet puts in an export.
const HOSTILE: &[&str] = &[
    "",
    "-1",
    "-0.01",
    "0",
    "1.500",
    "1.500,00",
    "2.000",
    "1,500",
    "1,234.56",
    "1.234.567,89",
    "12,5O",
    "1e9",
    "NaN",
    "9223372036854775807",
    "-9223372036854775808",
    "89999999999999.99",
    "99999999999999999999999999999",
    "0.001",
    "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}",
    "\u{1b}[2J\u{1b}[H",
    "\u{9b}31m",
    "gpj\u{202e}exe",
    "\0",
    "\0\0\0\0",
    "\"",
    "\"\"",
    ",",
    ";",
    "\r\n",
    "=HYPERLINK(\"x\")",
    "1969-12-31 23:59:59 +0000",
    "2101-01-01 00:00:00 +0000",
    "2026-05-12 23:59:60 -0700",
    "2026-02-30 10:00:00 -0700",
    "0000-00-00",
    "31/12/2026",
    "12/31/26",
    "#1001",
    "SARAH20 + sarah20 + ",
    "USD",
    "usd",
    "XXXX",
    "€",
    "paid",
    "refunded",
];

/// A random cell: a hostile one, random bytes as text, a long run, or a number.
fn cell(rng: &mut fastrand::Rng) -> String {
    match rng.u8(0..10) {
        0..=4 => HOSTILE[rng.usize(0..HOSTILE.len())].to_string(),
        5 => (0..rng.usize(0..12))
            .map(|_| char::from_u32(rng.u32(0..0x3000)).unwrap_or('?'))
            .collect(),
        6 => "9".repeat(rng.usize(1..400)),
        7 => format!(
            "{}.{:02}",
            rng.i64(-1_000_000..1_000_000_000),
            rng.u8(0..100)
        ),
        8 => format!("{},{:02}", rng.i64(-1_000..1_000_000), rng.u8(0..100)),
        _ => format!("{}", rng.i64(..)),
    }
}

/// A hostile file of a layout: its header, then a few of its rows with cells replaced, rows
/// cut, fields added or removed.
fn hostile_file(rng: &mut fastrand::Rng, header: &str, rows: &[&str]) -> Vec<u8> {
    let mut out = String::from(header);
    out.push('\n');
    for _ in 0..rng.usize(1..4) {
        let row = rows[rng.usize(0..rows.len())];
        let mut cells: Vec<String> = row.split(',').map(str::to_string).collect();
        for _ in 0..rng.usize(1..4) {
            let i = rng.usize(0..cells.len());
            let mut c = cell(rng);
            if c.contains([',', '"', '\n', '\r']) && rng.bool() {
                c = format!("\"{}\"", c.replace('"', "\"\""));
            }
            cells[i] = c;
        }
        match rng.u8(0..20) {
            0 => {
                cells.pop();
            }
            1 => cells.push(cell(rng)),
            _ => {}
        }
        let mut line = cells.join(",");
        if rng.u8(0..30) == 0 {
            let mut cut = rng.usize(0..line.len().max(1));
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            line.truncate(cut);
        }
        out.push_str(&line);
        out.push('\n');
    }
    let mut bytes = out.into_bytes();
    if rng.u8(0..25) == 0 && !bytes.is_empty() {
        // A stray byte that is not UTF-8 (Windows-1252 is then assumed).
        let i = rng.usize(0..bytes.len());
        bytes[i] = 0xff;
    }
    bytes
}

/// Reads `bytes` as `format` to the end; returns how many orders and errors it yielded.
/// Panics (the failure this test looks for) propagate.
fn read_through(bytes: &[u8], format: Format, mapping: &Mapping) -> usize {
    let Ok(sniffed) = text::sniff(bytes) else {
        return 0;
    };
    let delimiter = sniffed.delimiter;
    let decimal_comma = sniffed.decimal_comma();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(sniffed.reader);
    let Ok(header) = csv.headers().cloned() else {
        return 0;
    };
    let columns = Columns::new(&header);
    let layout = match format {
        Format::Mapped => Layout::Mapped(Box::new(mapping.clone())),
        Format::Shopify => Layout::Shopify,
        Format::EtsyOrders => Layout::EtsyOrders,
        Format::EtsyItems => Layout::EtsyItems,
        Format::WooAnalytics => Layout::WooAnalytics,
        _ => Layout::WooPlugin,
    };
    let Ok(mut reader) = open_reader(
        &layout,
        &mut csv,
        &columns,
        "fuzz.csv",
        decimal_comma,
        "USD".into(),
    ) else {
        return 0;
    };
    let mut n = 0;
    while let Some(item) = reader.next_order() {
        n += 1;
        match item {
            Ok((_, order)) => {
                let _ = fingerprint(&order);
                if order.gift_value.is_some() {
                    assert!(!order.codes.is_empty(), "a gift carries a creator's code");
                }
            }
            Err(e) => {
                let message = e.to_string();
                assert!(
                    message.chars().count() < 400,
                    "an error quotes a short excerpt: {} chars",
                    message.chars().count()
                );
                if e.fatal {
                    break;
                }
            }
        }
    }
    n
}

/// Feeds `cases` hostile files of every layout to its reader.
fn flood(cases: u64, seed: u64) -> Vec<(Format, u64, usize)> {
    let mapping = Mapping::from_toml(&fixture("csv/pos_mapping.toml")).unwrap();
    let mut rng = fastrand::Rng::with_seed(seed);
    LAYOUTS
        .iter()
        .map(|(name, format)| {
            let text = fixture(name);
            let mut lines = text.lines();
            let header = lines.next().unwrap().to_string();
            let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
            let mut items = 0;
            for _ in 0..cases {
                let bytes = hostile_file(&mut rng, &header, &rows);
                items += read_through(&bytes, *format, &mapping);
            }
            (*format, cases, items)
        })
        .collect()
}

#[test]
fn readers_survive_hostile_rows() {
    for (format, cases, items) in flood(2_000, 7) {
        assert!(items > 0, "{format:?}: {cases} files read nothing");
    }
}

/// 10⁶ hostile files per reader (`SHOUTOUT_FUZZ_CASES` to change the count). Run it in
/// release: `cargo test --release -- --ignored readers_survive_a_million`.
#[test]
#[ignore = "long: a million inputs per reader; run with --release -- --ignored"]
fn readers_survive_a_million_hostile_files_each() {
    let cases = std::env::var("SHOUTOUT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let started = std::time::Instant::now();
    for (format, cases, items) in flood(cases, 2026) {
        eprintln!("{format:?}: {cases} files, {items} orders and errors, no panic");
        assert!(items > 0);
    }
    eprintln!("in {:.0?}", started.elapsed());
}
