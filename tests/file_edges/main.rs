//! Files that slip through: values too long to be real, UTM values that are about a person,
//! rates given twice or too small, a header-only file, a column named twice, and `--json`
//! when the file cannot be read at all.

#[path = "../common/mod.rs"]
mod common;

use common::{Shop, fixture, roster};
use rusqlite::Connection;

mod odd_files;

/// The Shopify fixture `name` with `edit` applied to its rows (cells found by header name),
/// written into the shop's folder; returns its path.
fn edited(
    shop: &Shop,
    name: &str,
    edit: impl Fn(&dyn Fn(&str) -> usize, usize, &mut Vec<String>),
) -> String {
    let mut reader = csv::Reader::from_path(fixture(name)).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for (i, row) in reader.records().enumerate() {
        let mut cells: Vec<String> = row.unwrap().iter().map(String::from).collect();
        edit(&col, i, &mut cells);
        writer.write_record(&cells).unwrap();
    }
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let out = format!("edited-{}", name.replace('/', "-"));
    shop.write(&out, &text)
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{e}: {text:?}"))
}

#[test]
fn a_value_longer_than_200_characters_is_an_invalid_cell_quoted_as_an_excerpt() {
    let shop = Shop::new();
    roster(&shop);
    let long = "Z".repeat(300_000);
    // (Item names are kept only for gift orders; the same limit holds for them.)
    let cases = [("Discount Code", "promo code"), ("Lineitem sku", "SKU")];
    for (column, named) in cases {
        let file = edited(&shop, "shopify/orders_79.csv", |col, i, cells| {
            if i == 0 {
                cells[col(column)] = long.clone();
            }
        });
        let err = shop.fails(&["import", &file]);
        assert!(
            err.contains(&format!("line 2, column {named}")),
            "{column}: {err}"
        );
        assert!(err.contains("at most 200 characters"), "{err}");
        assert!(
            err.len() < 2_000,
            "the message quotes an excerpt: {} bytes",
            err.len()
        );
    }
    // With --skip-invalid the rest import and nothing that long is stored.
    shop.ok(&[
        "import",
        "--skip-invalid",
        &edited(&shop, "shopify/orders_79.csv", |col, i, cells| {
            if i == 0 {
                cells[col("Discount Code")] = long.clone();
            }
        }),
    ]);
    let conn = Connection::open(&shop.db).unwrap();
    let longest: i64 = conn
        .query_row(
            "SELECT max(length(codes) + length(items)) FROM shop_order",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(longest < 2_000, "{longest}");
}

#[test]
fn a_utm_value_that_is_an_email_an_ip_or_an_address_is_dropped() {
    let shop = Shop::new();
    roster(&shop);
    let personal = [
        "utm_source: ana.buyer@example.com",
        "utm_source: 203.0.113.7",
        "utm_source=12 Rose Lane, Leeds",
        "utm_source: [2001:db8::1]:443",
    ];
    let placed = std::cell::Cell::new(0);
    let file = edited(&shop, "shopify/utm_notes_79.csv", |col, _, cells| {
        if !cells[col("Subtotal")].is_empty()
            && let Some(note) = personal.get(placed.get())
        {
            cells[col("Note Attributes")] = (*note).to_string();
            placed.set(placed.get() + 1);
        }
    });
    assert_eq!(placed.get(), personal.len());
    shop.ok(&["import", &file]);
    let conn = Connection::open(&shop.db).unwrap();
    let mut stmt = conn
        .prepare("SELECT coalesce(utm_source, '') FROM order_evidence")
        .unwrap();
    let kept: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for value in &kept {
        let v = value.to_lowercase();
        assert!(
            !v.contains('@') && !v.contains("203.0") && !v.contains("rose") && !v.contains("db8"),
            "{kept:?}"
        );
    }
}

#[test]
fn a_rate_given_twice_or_one_that_makes_an_amount_zero_is_refused() {
    let shop = Shop::new();
    roster(&shop);
    let file = fixture("shopify/two_currencies_79.csv");
    let err = shop.fails(&["import", "--rate", "USD=1.1", "--rate", "usd=2", &file]);
    assert!(
        err.contains("--rate USD is given twice (1.1 and 2)"),
        "{err}"
    );
    let err = shop.fails(&["import", "--rate", "USD=0.0000001", &file]);
    assert!(err.contains("column subtotal"), "{err}");
    assert!(err.contains("above 0.00"), "{err}");
    let err = shop.fails(&[
        "import",
        "--rate",
        "USD=79228162514264337593543950335",
        &file,
    ]);
    assert!(err.contains("column subtotal"), "{err}");
    assert!(err.contains("in range"), "{err}");
    shop.fails(&["import", "--undo-last"]);
}

#[test]
fn a_header_only_file_imports_nothing_and_records_no_import() {
    let shop = Shop::new();
    roster(&shop);
    let header = std::fs::read_to_string(fixture("shopify/orders_79.csv")).unwrap();
    let header = header.lines().next().unwrap();
    let file = shop.write("header.csv", &format!("{header}\n"));
    let out = shop.ok(&["import", &file]);
    assert!(out.contains("no import was recorded"), "{out}");
    let err = shop.fails(&["import", "--undo-last"]);
    assert!(err.contains("no import to undo"), "{err}");
    let backups = std::fs::read_dir(shop.path("backups")).map_or(0, |d| d.count());
    assert_eq!(backups, 0);
}

#[test]
fn a_column_named_twice_is_refused_naming_both_positions() {
    let shop = Shop::new();
    roster(&shop);
    let text = std::fs::read_to_string(fixture("shopify/orders_79.csv")).unwrap();
    let (header, rest) = text.split_once('\n').unwrap();
    let header = header.replacen("Shipping,", "subtotal ,", 1);
    let file = shop.write("twice.csv", &format!("{header}\n{rest}"));
    let err = shop.fails(&["import", &file]);
    assert!(
        err.contains("'subtotal' is named twice (columns 9 and 10)"),
        "{err}"
    );
    shop.fails(&["import", "--undo-last"]);
}

#[test]
fn import_json_always_prints_one_object_even_when_the_file_cannot_be_read() {
    let shop = Shop::new();
    roster(&shop);
    let binary = shop.path("photo.csv");
    std::fs::write(&binary, [0x89u8, b'P', b'N', b'G', 0, 0, 1, 2].repeat(50)).unwrap();
    let unknown = shop.write("notes.csv", "when,what\nmonday,glaze\n");
    let truncated = shop.write(
        "cut.csv",
        "Name,Email,Financial Status,Subtotal,Created at\n\"#1001,a@b.c,paid,1",
    );
    for file in [binary.to_str().unwrap(), &unknown, &truncated] {
        let out = shop.run(&["import", "--json", file]);
        assert!(!out.status.success());
        let value = json(&String::from_utf8(out.stdout).unwrap());
        assert!(
            value["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{value}"
        );
        assert_eq!(value["written"], false);
    }
    // And when the database itself cannot be opened.
    let not_a_db = shop.write("notes.db", "clay, glaze\n");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoutout"))
        .args(["--db", &not_a_db, "import", "--json", &unknown])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let value = json(&String::from_utf8(out.stdout).unwrap());
    assert!(
        value["error"].as_str().unwrap().contains("not a database"),
        "{value}"
    );
}

/// `text` (LF line ends) as each way a file reaches a seller: LF, CRLF, CR only, and UTF-16LE
/// with a byte-order mark and CRLF (what Excel's "Unicode text" writes).
fn line_end_variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let crlf = text.replace('\n', "\r\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in crlf.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    vec![
        ("LF", text.as_bytes().to_vec()),
        ("CRLF", crlf.clone().into_bytes()),
        ("CR", text.replace('\n', "\r").into_bytes()),
        ("UTF-16", utf16),
    ]
}

/// Errors name the physical line a text editor shows, whatever the line ends and encoding,
/// in every format, with a cell over two lines earlier in the file.
#[test]
fn errors_name_the_line_an_editor_shows_for_every_format_and_line_end() {
    let shop = Shop::new();
    let cases = [
        ("shopify/orders_79.csv", "Name", "Subtotal"),
        ("etsy/EtsySoldOrders2026.csv", "Order ID", "Order Value"),
        ("etsy/EtsySoldOrderItems2026.csv", "Order ID", "Item Total"),
        ("woocommerce/analytics_orders.csv", "Order #", "Net sales"),
        (
            "woocommerce/order_export.csv",
            "Order Number",
            "Order Subtotal Amount",
        ),
    ];
    for (name, key, column) in cases {
        let mut reader = csv::Reader::from_path(fixture(name)).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let col = header.iter().position(|h| h == column).unwrap();
        let key = header.iter().position(|h| h == key).unwrap();
        let mut rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        // A cell over two lines in the first row, a bad amount in the first row of the
        // fourth order.
        let last = header.len() - 1;
        rows[0][last] = format!("{}\nsecond line", rows[0][last]);
        let bad = (0..rows.len())
            .filter(|&i| i == 0 || rows[i][key] != rows[i - 1][key])
            .nth(3)
            .unwrap();
        rows[bad][col] = "12x34".into();
        let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
        writer.write_record(&header).unwrap();
        for row in &rows {
            writer.write_record(row).unwrap();
        }
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        let expected = 1 + text.lines().position(|l| l.contains("12x34")).unwrap();
        for (ending, bytes) in line_end_variants(&text) {
            let path = shop.path("lines.csv");
            std::fs::write(&path, bytes).unwrap();
            let err = shop.fails(&["import", "--dry-run", path.to_str().unwrap()]);
            assert!(
                err.contains(&format!("line {expected}, column")),
                "{name} ({ending}): expected line {expected}: {err}"
            );
        }
    }
}

/// The shape of a real Shopify export re-saved by a spreadsheet in a `;` locale: every row
/// wrapped in quotes with a `;` after it, addresses holding commas inside doubled quotes, a
/// note over two lines inside a wrapped row. It imports as the original does.
#[test]
fn a_shopify_export_resaved_by_a_spreadsheet_imports_as_the_original() {
    let original = Shop::new();
    roster(&original);
    let resaved = Shop::new();
    roster(&resaved);
    let mut reader = csv::Reader::from_path(fixture("shopify/orders_79.csv")).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let at = |n: &str| header.iter().position(|h| h == n).unwrap();
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    for (i, row) in rows.iter_mut().enumerate() {
        if !row[at("Billing Street")].is_empty() {
            row[at("Billing Street")] = format!("{} \"Rose Cottage\", Flat {i}", i + 1);
        }
    }
    rows[1][at("Notes")] = "Gift, please\nwrap it \"nicely\"".into();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    // The spreadsheet: each row one cell (none holds a `;`), all wrapped in quotes, `;`
    // after each.
    let mut wrapped = String::new();
    for row in split_rows(&text) {
        wrapped.push_str(&format!("\"{}\";\r\n", row.replace('"', "\"\"")));
    }
    let a = original.write("orders.csv", &text);
    let b = resaved.write("resaved.csv", &wrapped);
    original.ok(&["import", &a]);
    let out = resaved.ok(&["import", &b]);
    assert!(out.contains("a spreadsheet re-saved this file"), "{out}");
    assert_eq!(resaved.scorecard_csv(), original.scorecard_csv());
}

/// The records of a CSV text as their raw text (a record may span lines).
fn split_rows(text: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let (mut current, mut quoted) = (String::new(), false);
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            '\n' if !quoted => rows.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        rows.push(current);
    }
    rows
}

/// An Etsy orders export of one year (newest first, as Etsy writes it) with `per_day` orders
/// a day on average, and the same file as a spreadsheet leaves it: every `MM/DD/YY` date that
/// also reads as a `YY/MM/DD` one (a day of the month up to 12) rewritten as that date, so
/// the damage comes in runs of up to twelve days' orders. Returns (clean, damaged, how many
/// dates were damaged).
fn etsy_year(year: i32, per_day: u32, seed: u64) -> (String, String, usize) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let header = "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,\
        Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,\
        Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,\
        Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,\
        Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,\
        Order Type,Payment Type,InPerson Discount,InPerson Location,SKU";
    let mut days = Vec::new();
    let mut day = chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    while chrono::Datelike::year(&day) == year {
        for _ in 0..rng.u32(0..=2 * per_day) {
            days.push(day);
        }
        day = day.succ_opt().unwrap();
    }
    let (mut clean, mut damaged, mut count) =
        (vec![header.to_string()], vec![header.to_string()], 0);
    for (n, day) in days.iter().enumerate().rev() {
        use chrono::Datelike;
        let text = day.format("%m/%d/%y").to_string();
        let misread = chrono::NaiveDate::from_ymd_opt(
            2000 + day.month() as i32,
            day.day(),
            (day.year() % 100) as u32,
        );
        let row = |date: &str| {
            let value = 10 + n % 90;
            format!(
                "{date},{},{},Buyer Name,Buyer,Name,1,Etsy Payments,,1 Main St,,Portland,OR,97201,\
                 United States,USD,{value}.00,,,0.00,0,5,0,{value}.00,,0.3,1.00,0.00,0,0,b{n},\
                 online,online_cc,,,MUG",
                year as u64 * 100_000 + n as u64,
                100_000 + n % 700
            )
        };
        clean.push(row(&text));
        match misread {
            Some(m) => {
                damaged.push(row(&m.format("%Y-%m-%d").to_string()));
                count += 1;
            }
            None => damaged.push(row(&text)),
        }
    }
    (clean.join("\n") + "\n", damaged.join("\n") + "\n", count)
}

/// Long runs of dates a spreadsheet misread are found whole, not only at their edges; with
/// `--fix-dates` they import as the dates they meant, exactly as the undamaged file does.
#[test]
fn runs_of_misread_dates_are_found_whole_and_fix_dates_repairs_them() {
    for (year, per_day, seed) in [(2020, 4, 1), (2021, 12, 2), (2020, 25, 3), (2022, 1, 4)] {
        let (clean, damaged, count) = etsy_year(year, per_day, seed);
        assert!(count > 20, "{year}: {count}");
        let shop = Shop::new();
        let file = shop.write("damaged.csv", &damaged);
        let out = shop.run(&["import", "--dry-run", "--json", &file]);
        let found = json(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(
            found["orders_invalid"], count as u64,
            "{year}/{per_day}: {found}"
        );
        assert_eq!(found["dates_damaged"], count as u64, "{year}/{per_day}");
        let fixed = json(&shop.ok(&["import", "--json", "--fix-dates", &file]));
        assert_eq!(
            fixed["dates_fixed"], count as u64,
            "{year}/{per_day}: {fixed}"
        );
        assert_eq!(fixed["orders_invalid"], 0);
        let reference = Shop::new();
        let clean_file = reference.write("clean.csv", &clean);
        let expected = json(&reference.ok(&["import", "--json", &clean_file]));
        for key in [
            "orders_new",
            "net_revenue",
            "date_from",
            "date_to",
            "counted_orders",
        ] {
            assert_eq!(fixed[key], expected[key], "{year}/{per_day}: {key}");
        }
        assert_eq!(shop.scorecard_csv(), reference.scorecard_csv());
    }
}

/// A shop whose real dates are in 2011 (where every date also reads as another) is not
/// "repaired", alone or beside later years whose dates read back into them.
#[test]
fn real_dates_of_an_early_year_are_not_called_damaged() {
    let (old, _, _) = etsy_year(2011, 3, 9);
    let (later, _, _) = etsy_year(2013, 3, 10);
    let (_, later_rows) = later.split_once('\n').unwrap();
    for (name, text) in [
        ("2011", old.clone()),
        (
            "2011-2013",
            format!("{later}{}", old.split_once('\n').unwrap().1),
        ),
        ("2013-2011", format!("{old}{later_rows}")),
    ] {
        let shop = Shop::new();
        let file = shop.write("old.csv", &text);
        let out = json(&shop.ok(&["import", "--json", "--fix-dates", &file]));
        assert_eq!(out["orders_invalid"], 0, "{name}: {out}");
        assert_eq!(out["dates_fixed"], 0, "{name}: {out}");
        assert_eq!(out["date_from"], "2011-01-01", "{name}");
    }
}

/// The plugin's default layout without an order number: one row per product.
const PLUGIN_HEADER: &str = "Order Date,Order Status,First Name (Billing),Last Name (Billing),\
    Email (Billing),Item Name,Quantity,Item Cost,Coupon Code,Order Subtotal Amount,\
    Order Refund Amount";

fn plugin_file(shop: &Shop, name: &str, rows: &[&str]) -> String {
    shop.write(name, &format!("{PLUGIN_HEADER}\n{}\n", rows.join("\n")))
}
