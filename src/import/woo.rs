//! WooCommerce: the Analytics › Orders "Download" CSV (one row per order) and the default
//! layout of the "Advanced Order Export For WooCommerce" plugin (one row per product).

use super::ImportError;
use super::codes::split_codes;
use super::columns::{Cells, Col, Columns, NumberStyle, RowError};
use super::links::LinkColumns;
use super::rows::Lacks;
use super::rows::{FirstRows, ParseRow};
use super::shopify::parse_time;
use crate::domain::{FinancialStatus, OrderRecord, customer_key};
use std::io::Read;

/// Whether a header is WooCommerce Analytics' orders download.
pub(crate) fn matches_analytics(columns: &Columns) -> bool {
    ["Date", "Order #"].iter().all(|c| columns.has(c))
        && (columns.has("Net sales") || columns.has("Net Sales"))
}

/// Whether a header is the Advanced Order Export plugin's, with any of its fields chosen: its
/// `Order Date` and a column that gives revenue (`Order Subtotal Amount` or `Order Total
/// Amount`).
pub(crate) fn matches_plugin(columns: &Columns) -> bool {
    columns.has("Order Date")
        && (columns.has("Order Subtotal Amount") || columns.has("Order Total Amount"))
}

/// What a WooCommerce status means for the scorecard: cancelled and failed orders are not
/// counted; a refunded order counts with its whole amount refunded; the rest are sales.
fn status(text: &str) -> (FinancialStatus, bool, bool) {
    let slug = text.trim().to_ascii_lowercase();
    let slug = slug.strip_prefix("wc-").unwrap_or(&slug).replace(' ', "-");
    match slug.as_str() {
        "cancelled" | "canceled" | "failed" | "trash" => (FinancialStatus::Voided, true, false),
        "refunded" => (FinancialStatus::Refunded, false, true),
        "pending" | "on-hold" | "pending-payment" => (FinancialStatus::Pending, false, false),
        "completed" | "processing" => (FinancialStatus::Paid, false, false),
        _ => (FinancialStatus::Other, false, false),
    }
}

/// The columns of WooCommerce Analytics' download, found by name: the date, order number
/// and net sales are needed, the rest (status, customer, customer type, coupons) may have
/// been trimmed away.
pub(crate) struct AnalyticsRows {
    date: Col,
    id: Col,
    net: Col,
    state: Option<Col>,
    customer: Option<Col>,
    kind: Option<Col>,
    coupons: Option<Col>,
    currency: String,
    links: LinkColumns,
}

impl AnalyticsRows {
    pub fn reader<'r, R: Read>(
        csv: &'r mut csv::Reader<R>,
        columns: &Columns,
        file: &str,
        style: NumberStyle,
        currency: String,
    ) -> Result<FirstRows<'r, R, Self>, ImportError> {
        let [date, id, net] = columns.require(
            [&["Date"], &["Order #"], &["Net sales", "Net Sales"]],
            file,
            "WooCommerce Analytics orders download",
        )?;
        Ok(FirstRows::new(
            csv,
            id,
            style,
            AnalyticsRows {
                date,
                id,
                net,
                state: columns.find(&["Status"]),
                customer: columns.find(&["Customer"]),
                kind: columns.find(&["Customer type"]),
                coupons: columns.find(&["Coupon(s)"]),
                currency,
                links: LinkColumns::find(columns),
            },
        ))
    }
}

impl ParseRow for AnalyticsRows {
    /// Its currency is said by a note of its own (the download has none; docs).
    fn lacks(&self) -> Lacks {
        Lacks {
            status: self.state.is_none().then_some("Status"),
            codes: self.coupons.is_none().then_some("Coupon(s)"),
            customer: self.customer.is_none().then_some("Customer"),
            currency: None,
        }
    }

    fn date_column(&self) -> &'static str {
        self.date.name
    }

    fn parse(&self, c: &Cells) -> Result<OrderRecord, RowError> {
        let (status, cancelled, refunded) = match self.state {
            Some(col) => status(c.text(col)),
            None => (FinancialStatus::Paid, false, false),
        };
        // A negative net (refund rows) counts as no revenue.
        let subtotal = c.amount_or_zero(self.net)?.max(0);
        let (utm_source, utm_campaign) = self.links.read(c);
        let customer_new = match c.opt_text(self.kind).to_ascii_lowercase().as_str() {
            "new" => Some(true),
            "returning" => Some(false),
            _ => None,
        };
        let customer = c.opt_text(self.customer);
        Ok(OrderRecord {
            external_id: c.text(self.id).to_string(),
            placed_at: parse_time(c.text(self.date))
                .or_else(|_| parse_time(&format!("{} 00:00:00", c.text(self.date))))
                .map_err(|e| c.err(self.date, e))?,
            customer_key: customer_key(&format!("woo:{customer}")).filter(|_| !customer.is_empty()),
            currency: self.currency.clone(),
            subtotal,
            refunded: if refunded { subtotal } else { 0 },
            status,
            cancelled,
            codes: split_codes(c.opt_text(self.coupons), ","),
            customer_new,
            gift_value: None,
            utm_source,
            utm_campaign,
            items: Vec::new(),
            original: None,
            former_id: None,
            hint: None,
        })
    }
}

/// The columns of the Advanced Order Export plugin, found by name. The plugin lets each shop
/// choose its fields, so only the date and a revenue column are needed.
pub(crate) struct PluginRows {
    /// `None`: a file without an order number, one row per order, keyed by its content.
    id: Option<Col>,
    date: Col,
    revenue: PluginRevenue,
    status: Option<Col>,
    email: Option<Col>,
    coupon: Option<Col>,
    refund: Option<Col>,
    currency_col: Option<Col>,
    currency: String,
    links: LinkColumns,
    /// Without order numbers: what tells one order from another, and the rows of one order.
    keyless: Keyless,
}

/// How the plugin's rows are told apart without an order number. An order keeps its moment
/// and its buyer (the date, the e-mail, every billing and customer field) from one export to
/// the next, while its status and amounts change: those name it. The rows of one order (one
/// per product) also share its order-level totals.
#[derive(Default)]
struct Keyless {
    /// The columns that name an order: the date, the buyer's fields.
    identity: Vec<usize>,
    /// The order-level amounts every row of an order repeats.
    totals: Vec<usize>,
    /// How many orders of the file had each identity so far.
    seen: std::cell::RefCell<std::collections::HashMap<String, u32>>,
    /// Orders that shared their identity with an earlier one.
    alike: std::cell::Cell<u64>,
}

/// Whether a plugin column is part of what names an order: the buyer's billing and customer
/// fields, but not those that change as she buys again or the order moves on (totals, counts,
/// notes, statuses, dates paid or completed).
fn names_the_buyer(header: &str) -> bool {
    let h = header.to_ascii_lowercase();
    let about_buyer = h.contains("billing") || h.starts_with("customer");
    let changes = [
        "total", "spent", "orders", "amount", "count", "note", "status", "paid", "date",
    ];
    about_buyer && !changes.iter().any(|w| h.contains(w))
}

impl Keyless {
    fn new(columns: &Columns, date: Col) -> Self {
        let mut identity = vec![date.index];
        identity.extend(columns.positions(names_the_buyer));
        let totals = columns.positions(|h| {
            let h = h.to_ascii_lowercase();
            h.starts_with("order ") && h.ends_with(" amount")
        });
        Keyless {
            identity,
            totals,
            ..Keyless::default()
        }
    }

    fn cells<'c>(c: &'c Cells, at: &[usize]) -> impl Iterator<Item = &'c str> {
        at.iter().map(|&i| c.record.get(i).unwrap_or("").trim())
    }

    /// The key of the order whose first row is `c`: `woo-` and 12 hex digits of the
    /// SHA-256 of its identity, `-2`, `-3` … for later orders of the file with the same one.
    fn key(&self, c: &Cells) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for (i, cell) in Self::cells(c, &self.identity).enumerate() {
            // The e-mail in any case, like the customer key.
            let cell = if i > 0 {
                cell.to_lowercase()
            } else {
                cell.to_string()
            };
            h.update(cell.as_bytes());
            h.update([0x1f]);
        }
        let key = format!("woo-{}", &crate::domain::order::hex(&h.finalize())[..12]);
        let mut seen = self.seen.borrow_mut();
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        if *n == 1 {
            return key;
        }
        self.alike.set(self.alike.get() + 1);
        format!("{key}-{n}")
    }

    fn same_order(&self, first: &Cells, next: &Cells) -> bool {
        let same = |at: &[usize]| Self::cells(first, at).eq(Self::cells(next, at));
        same(&self.identity) && same(&self.totals)
    }
}

/// Where a plugin order's revenue comes from.
#[derive(Clone, Copy)]
enum PluginRevenue {
    /// `Order Subtotal Amount` less `Cart Discount Amount`.
    Subtotal {
        subtotal: Col,
        discount: Option<Col>,
    },
    /// `Order Total Amount` less `Order Shipping Amount` and `Order Total Tax Amount`.
    Total {
        total: Col,
        shipping: Option<Col>,
        tax: Option<Col>,
    },
}

impl PluginRows {
    pub fn reader<'r, R: Read>(
        csv: &'r mut csv::Reader<R>,
        columns: &Columns,
        file: &str,
        style: NumberStyle,
        currency: String,
    ) -> Result<FirstRows<'r, R, Self>, ImportError> {
        let [date] = columns.require(
            [&["Order Date"]],
            file,
            "WooCommerce order export (Advanced Order Export plugin)",
        )?;
        let revenue = match (
            columns.find(&["Order Subtotal Amount"]),
            columns.find(&["Order Total Amount"]),
        ) {
            (Some(subtotal), _) => PluginRevenue::Subtotal {
                subtotal,
                discount: columns.find(&["Cart Discount Amount"]),
            },
            (None, Some(total)) => PluginRevenue::Total {
                total,
                shipping: columns.find(&["Order Shipping Amount"]),
                tax: columns.find(&["Order Total Tax Amount"]),
            },
            (None, None) => {
                return Err(ImportError::MissingColumns {
                    file: file.to_string(),
                    format: "WooCommerce order export (Advanced Order Export plugin)",
                    missing: "Order Subtotal Amount (or Order Total Amount): no column gives \
                              the orders' revenue; add it to the export's fields"
                        .into(),
                });
            }
        };
        let id = columns.find(&["Order Number", "Order ID", "Order #"]);
        let rows = PluginRows {
            id,
            date,
            revenue,
            status: columns.find(&["Order Status", "Status"]),
            email: columns.find(&["Email (Billing)", "Customer User Email", "Customer Email"]),
            coupon: columns.find(&["Coupon Code", "Coupon Codes", "Coupons"]),
            refund: columns.find(&["Order Refund Amount"]),
            currency_col: columns.find(&["Order Currency", "Currency"]),
            currency,
            links: LinkColumns::find(columns),
            keyless: Keyless::new(columns, date),
        };
        Ok(match id {
            Some(key) => FirstRows::new(csv, key, style, rows),
            None => FirstRows::keyless(csv, style, rows),
        })
    }
}

/// The key shoutout gave a row of a plugin file without order numbers before it keyed them
/// by what an order keeps ([`Keyless`]): `row-` and 12 hex digits of the SHA-256 of all its
/// cells. Orders stored under it are renamed as they are met again.
fn legacy_row_key(cells: &Cells) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for cell in cells.record.iter() {
        h.update(cell.trim().as_bytes());
        h.update([0x1f]);
    }
    format!("row-{}", &crate::domain::order::hex(&h.finalize())[..12])
}

/// The plugin's dates: `2025-12-31 11:23:45`, and what Excel leaves of them
/// (`2025/12/31 11:23`, `2025/12/31`).
fn plugin_time(
    text: &str,
) -> Result<chrono::DateTime<chrono::FixedOffset>, crate::domain::ValueError> {
    if let Ok(t) = parse_time(text) {
        return Ok(t);
    }
    let normal = text.trim().replace('/', "-");
    parse_time(&normal)
        .or_else(|_| parse_time(&format!("{normal} 00:00:00")))
        .map_err(|_| {
            crate::domain::ValueError::new(
                text,
                "a date like 2025-12-31 11:23 (or 2025/12/31 11:23)",
            )
        })
}

impl ParseRow for PluginRows {
    /// A missing currency column is said by a note of its own, with the currency taken.
    fn lacks(&self) -> Lacks {
        Lacks {
            status: self.status.is_none().then_some("Order Status"),
            codes: self.coupon.is_none().then_some("Coupon Code"),
            customer: self.email.is_none().then_some("Email (Billing)"),
            currency: None,
        }
    }

    fn date_column(&self) -> &'static str {
        self.date.name
    }

    fn same_order(&self, first: &Cells, next: &Cells) -> bool {
        self.keyless.same_order(first, next)
    }

    fn notes(&self) -> Vec<String> {
        match self.keyless.alike.get() {
            0 => Vec::new(),
            n => vec![format!(
                "{n} order(s) have the moment and buyer of another order of the file and \
                 nothing else an export keeps tells them apart: they are keyed by their place \
                 among those in the file (a later export that lists them in another order \
                 would show them as changed)"
            )],
        }
    }

    fn parse(&self, c: &Cells) -> Result<OrderRecord, RowError> {
        let (status, cancelled, _) = status(c.opt_text(self.status));
        let status = if self.status.is_none() {
            FinancialStatus::Paid
        } else {
            status
        };
        // The plugin leaves the currency empty on some rows: the shop's then.
        let currency = match self.currency_col {
            Some(col) if !c.text(col).is_empty() => c.currency(col)?,
            _ => self.currency.clone(),
        };
        let subtotal = match self.revenue {
            PluginRevenue::Subtotal { subtotal, discount } => {
                c.amount_or_zero(subtotal)? - c.opt_amount(discount)?
            }
            PluginRevenue::Total {
                total,
                shipping,
                tax,
            } => c.amount_or_zero(total)? - c.opt_amount(shipping)? - c.opt_amount(tax)?,
        };
        let (utm_source, utm_campaign) = self.links.read(c);
        Ok(OrderRecord {
            external_id: match self.id {
                Some(id) => c.text(id).to_string(),
                None => self.keyless.key(c),
            },
            placed_at: plugin_time(c.text(self.date)).map_err(|e| c.err(self.date, e))?,
            customer_key: customer_key(c.opt_text(self.email)),
            currency,
            subtotal,
            refunded: c.opt_amount(self.refund)?.abs(),
            status,
            cancelled,
            codes: split_codes(c.opt_text(self.coupon), ","),
            customer_new: None,
            gift_value: None,
            utm_source,
            utm_campaign,
            items: Vec::new(),
            original: None,
            former_id: self.id.is_none().then(|| legacy_row_key(c)),
            hint: None,
        })
    }
}
