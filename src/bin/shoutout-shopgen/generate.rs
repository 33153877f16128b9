//! A deterministic shop generator: a Shopify-layout export (79 columns, one row per line item,
//! promo codes, refunds, cancellations, repeat customers) and a matching roster, so every
//! benchmark and large test can be reproduced from `--orders N --influencers M --seed S`.
//!
//! Not part of the product: it lives with the `shoutout-shopgen` binary, and the benchmarks
//! and the crash tests include this file as a module of their own.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The 79 columns of the current Shopify orders export.
pub const SHOPIFY_HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct ShopSpec {
    pub orders: usize,
    pub influencers: usize,
    pub seed: u64,
}

/// The files written.
#[derive(Debug, Clone)]
pub struct GeneratedShop {
    pub orders: PathBuf,
    pub influencers: PathBuf,
    pub costs: PathBuf,
    pub posts: PathBuf,
    /// Line-item rows written (the header not counted).
    pub rows: usize,
}

const ITEMS: [(&str, i64); 8] = [
    ("Speckled Mug", 3400),
    ("Bud Vase", 2800),
    ("Serving Bowl", 9600),
    ("Soy Candle", 2200),
    ("Planter", 4800),
    ("Dinner Plate", 3800),
    ("Tea Bowl", 2600),
    ("Pendant Necklace", 5400),
];
const PLATFORMS: [&str; 5] = ["instagram", "tiktok", "youtube", "pinterest", "blog"];

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The promo code of generated influencer `i`.
pub fn code_of(i: usize) -> String {
    format!("CREATOR{i:03}")
}

/// Writes `shopify_orders.csv`, `influencers.csv`, `costs.csv` and `posts.csv` into `dir`.
/// The same spec always writes the same bytes.
pub fn write_shop(spec: ShopSpec, dir: &Path) -> std::io::Result<GeneratedShop> {
    std::fs::create_dir_all(dir)?;
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let influencers = spec.influencers.max(1);

    let paths = GeneratedShop {
        orders: dir.join("shopify_orders.csv"),
        influencers: dir.join("influencers.csv"),
        costs: dir.join("costs.csv"),
        posts: dir.join("posts.csv"),
        rows: 0,
    };
    write_roster(&mut rng, influencers, &paths)?;
    let rows = write_orders(&mut rng, spec.orders, influencers, &paths.orders)?;
    Ok(GeneratedShop { rows, ..paths })
}

/// The roster: influencers with their codes, two costs each and three posts each.
fn write_roster(
    rng: &mut fastrand::Rng,
    influencers: usize,
    paths: &GeneratedShop,
) -> std::io::Result<()> {
    let mut roster = BufWriter::new(File::create(&paths.influencers)?);
    writeln!(
        roster,
        "handle,name,platform,followers,commission_pct,codes"
    )?;
    let mut costs = BufWriter::new(File::create(&paths.costs)?);
    writeln!(costs, "handle,kind,amount,date,note")?;
    let mut posts = BufWriter::new(File::create(&paths.posts)?);
    writeln!(
        posts,
        "handle,date,platform,followers,likes,comments,shares,saves,views,reach,impressions,clicks,url"
    )?;
    for i in 0..influencers {
        let followers = 1_000 * rng.u64(1..2_000);
        let platform = PLATFORMS[i % PLATFORMS.len()];
        let commission = if i % 4 == 0 { "10" } else { "0" };
        writeln!(
            roster,
            "creator{i:03},Creator {i},{platform},{followers},{commission},{}",
            code_of(i)
        )?;
        writeln!(
            costs,
            "creator{i:03},fee,{},2025-{:02}-01,posts",
            money(rng.i64(100..3_000) * 100),
            1 + i % 12
        )?;
        writeln!(
            costs,
            "creator{i:03},product,{},2025-{:02}-01,samples",
            money(rng.i64(2_000..12_000)),
            1 + i % 12
        )?;
        for p in 0..3 {
            let engagements = followers * rng.u64(5..80) / 1_000;
            writeln!(
                posts,
                "creator{i:03},2025-{:02}-{:02},{platform},{followers},{},{},{},{},,,,,",
                1 + (i + p) % 12,
                1 + p * 9,
                engagements * 8 / 10,
                engagements / 10,
                engagements / 20,
                engagements - engagements * 8 / 10 - engagements / 10 - engagements / 20,
            )?;
        }
    }
    roster.flush()?;
    costs.flush()?;
    posts.flush()?;
    Ok(())
}

/// The orders export: `orders` orders from 2025-01-01 to 2026-11-01, one row per line item; returns how
/// many rows were written.
fn write_orders(
    rng: &mut fastrand::Rng,
    orders: usize,
    influencers: usize,
    path: &Path,
) -> std::io::Result<usize> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, "{SHOPIFY_HEADER}")?;
    let customers = (orders / 3).max(1);
    let mut rows = 0;
    for n in 0..orders {
        let (order, lines) = random_order(rng, n, (orders, influencers, customers));
        for (row, &(item, qty)) in lines.iter().enumerate() {
            let fields = order.row(row == 0, item, qty);
            let line = fields.join(",");
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            rows += 1;
        }
    }
    out.flush()?;
    Ok(rows)
}

/// Order `n` of `orders`: its time, buyer, line items, codes and status drawn from `rng`,
/// in the same order every time (the shop is deterministic); with its line items.
fn random_order(
    rng: &mut fastrand::Rng,
    n: usize,
    (orders, influencers, customers): (usize, usize, usize),
) -> (Order, Vec<(usize, i64)>) {
    let start = 1_735_689_600i64; // 2025-01-01 00:00:00 UTC
    // To 2026-11-01: every order before the day the tests and benches import on (an import
    // refuses orders dated after it runs).
    let span = 669 * 86_400i64;
    // Orders spread over 22 months, in order.
    let t = start + span * n as i64 / orders.max(1) as i64 + rng.i64(0..600);
    let time = chrono::DateTime::from_timestamp(t, 0)
        .expect("in range")
        .with_timezone(&chrono::FixedOffset::west_opt(7 * 3600).expect("offset"))
        .format("%Y-%m-%d %H:%M:%S %z")
        .to_string();
    let customer = rng.usize(0..customers);
    let email = if rng.u8(0..100) < 3 {
        String::new()
    } else {
        format!("buyer{customer}@example.com")
    };
    let lines: Vec<(usize, i64)> = (0..[1, 1, 1, 2, 2, 3][rng.usize(0..6)])
        .map(|_| (rng.usize(0..ITEMS.len()), rng.i64(1..3)))
        .collect();
    let gross: i64 = lines.iter().map(|&(i, q)| ITEMS[i].1 * q).sum();
    let mut codes = Vec::new();
    if rng.u8(0..100) < 30 {
        codes.push(code_of(rng.usize(0..influencers)));
        if rng.u8(0..100) < 4 {
            codes.push(code_of(rng.usize(0..influencers)));
        }
    } else if rng.u8(0..100) < 10 {
        codes.push("WELCOME10".to_string());
    }
    let discount = if codes.is_empty() {
        0
    } else {
        gross * 15 / 100
    };
    let subtotal = gross - discount;
    let shipping = 650;
    let taxes = subtotal * 8 / 100;
    let roll = rng.u8(0..100);
    let (status, cancelled, refunded) = match roll {
        0..2 => ("voided", time.clone(), 0),
        2..6 => ("refunded", String::new(), subtotal),
        6..9 => ("partially_refunded", String::new(), subtotal / 3),
        _ => ("paid", String::new(), 0),
    };
    let order = Order {
        n,
        name: format!("#{}", 1001 + n),
        email,
        customer,
        time,
        status,
        cancelled,
        codes: codes.join(" + "),
        subtotal,
        discount,
        shipping,
        taxes,
        refunded,
    };
    (order, lines)
}

/// What the rows of one generated order share.
struct Order {
    n: usize,
    name: String,
    email: String,
    customer: usize,
    time: String,
    status: &'static str,
    cancelled: String,
    codes: String,
    subtotal: i64,
    discount: i64,
    shipping: i64,
    taxes: i64,
    refunded: i64,
}

impl Order {
    /// One line item's row in Shopify's 79-column layout; order-level cells only on the
    /// first row, as Shopify writes them.
    fn row(&self, first: bool, item: usize, qty: i64) -> [String; 79] {
        let (item_name, price) = ITEMS[item];
        let f = |s: String| if first { s } else { String::new() };
        let mut cells = self.order_cells(first);
        cells.extend([
            self.time.clone(),
            qty.to_string(),
            item_name.into(),
            money(price),
            String::new(),
            format!("SKU-{item:03}"),
            "true".into(),
            "true".into(),
            "fulfilled".into(),
        ]);
        // Billing, then shipping: the same buyer at the same address.
        let address = self.address(first);
        cells.extend(address.clone());
        cells.extend(address);
        cells.extend(self.payment_cells(first));
        cells.extend(std::iter::repeat_n(String::new(), 11));
        cells.extend([
            f("Oregon".into()),
            f("Oregon".into()),
            f(format!("p{}", self.n)),
            String::new(),
            String::new(),
            f(format!("p{}", self.n)),
        ]);
        cells.try_into().expect("Shopify's layout has 79 columns")
    }

    /// The order's own cells, from its name to its shipping method.
    fn order_cells(&self, first: bool) -> Vec<String> {
        let f = |s: String| if first { s } else { String::new() };
        let (subtotal, shipping, taxes) = (self.subtotal, self.shipping, self.taxes);
        vec![
            self.name.clone(),
            self.email.clone(),
            f(self.status.into()),
            f(self.time.clone()),
            f("fulfilled".into()),
            f(self.time.clone()),
            f("no".into()),
            f("USD".into()),
            f(money(subtotal)),
            f(money(shipping)),
            f(money(taxes)),
            f(money(subtotal + shipping + taxes)),
            f(self.codes.clone()),
            f(money(self.discount)),
            f("Standard Shipping".into()),
        ]
    }

    /// A billing or shipping address: name, two street lines, company, phone-less, city,
    /// zip, province, country, and an empty cell.
    fn address(&self, first: bool) -> Vec<String> {
        let f = |s: String| if first { s } else { String::new() };
        let customer = self.customer;
        vec![
            f(format!("Buyer {customer}")),
            f(format!("{} Maple Street", 10 + customer % 900)),
            f(format!("{} Maple Street", 10 + customer % 900)),
            String::new(),
            String::new(),
            f("Portland".into()),
            f(format!("'97{:03}", customer % 1000)),
            f("OR".into()),
            f("US".into()),
            String::new(),
        ]
    }

    /// Notes, cancellation, payment, refund, vendor and the tax line.
    fn payment_cells(&self, first: bool) -> Vec<String> {
        let f = |s: String| if first { s } else { String::new() };
        let n = self.n;
        vec![
            String::new(),
            String::new(),
            f(self.cancelled.clone()),
            f("Shopify Payments".into()),
            f(format!("c{}.1", 30_000_000 + n)),
            f(money(self.refunded)),
            "Kiln & Clay".into(),
            f("0.00".into()),
            String::new(),
            String::new(),
            String::new(),
            f((5_000_000_000u64 + n as u64).to_string()),
            String::new(),
            f("Low".into()),
            f("web".into()),
            "0.00".into(),
            f("OR State Tax 8%".into()),
            f(money(self.taxes)),
        ]
    }
}
