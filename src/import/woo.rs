//! WooCommerce: the Analytics › Orders "Download" CSV (one row per order) and the default
//! layout of the "Advanced Order Export For WooCommerce" plugin (one row per product).

use super::ImportError;
use super::columns::{Cells, Col, Columns, NumberStyle, RowError, split_codes};
use super::rows::{FirstRows, ParseRow};
use super::shopify::parse_time;
use crate::domain::{FinancialStatus, OrderRecord, customer_key};
use std::io::Read;

/// Whether a header is WooCommerce Analytics' orders download.
pub(crate) fn matches_analytics(columns: &Columns) -> bool {
    ["Date", "Order #", "Status", "Customer type"]
        .iter()
        .all(|c| columns.has(c))
        && (columns.has("Net sales") || columns.has("Net Sales"))
}

/// Whether a header is the Advanced Order Export plugin's default layout.
pub(crate) fn matches_plugin(columns: &Columns) -> bool {
    [
        "Order Number",
        "Order Status",
        "Order Date",
        "Order Subtotal Amount",
    ]
    .iter()
    .all(|c| columns.has(c))
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

/// Where a WooCommerce file keeps link evidence: a `utm_source` column (the plugin can export
/// the order attribution meta), or the Analytics `Attribution`/`Origin` column whose
/// `Source: x` is the visit's utm_source.
#[derive(Clone, Copy, Default)]
struct LinkColumns {
    source: Option<Col>,
    campaign: Option<Col>,
    origin: Option<Col>,
}

impl LinkColumns {
    fn find(columns: &Columns) -> Self {
        LinkColumns {
            source: columns.find(&[
                "utm_source",
                "UTM Source",
                "_wc_order_attribution_utm_source",
                "Meta: _wc_order_attribution_utm_source",
                "Attribution Source",
            ]),
            campaign: columns.find(&[
                "utm_campaign",
                "UTM Campaign",
                "_wc_order_attribution_utm_campaign",
                "Meta: _wc_order_attribution_utm_campaign",
            ]),
            origin: columns.find(&["Attribution", "Origin"]),
        }
    }

    /// The row's `utm_source` and `utm_campaign`, normalised like codes.
    fn read(&self, c: &Cells) -> (Option<String>, Option<String>) {
        let tag = |text: &str| Some(crate::domain::normalize_code(text)).filter(|t| !t.is_empty());
        let origin = c.opt_text(self.origin);
        let from_origin = origin
            .split_once(':')
            .filter(|(kind, _)| kind.trim().eq_ignore_ascii_case("source"))
            .and_then(|(_, v)| tag(v));
        (
            tag(c.opt_text(self.source)).or(from_origin),
            tag(c.opt_text(self.campaign)),
        )
    }
}

/// The columns of WooCommerce Analytics' download, found by name.
pub(crate) struct AnalyticsRows {
    at: [Col; 7],
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
        let at = columns.require(
            [
                &["Date"],
                &["Order #"],
                &["Status"],
                &["Customer"],
                &["Customer type"],
                &["Coupon(s)"],
                &["Net sales", "Net Sales"],
            ],
            file,
            "WooCommerce Analytics orders download",
        )?;
        Ok(FirstRows::new(
            csv,
            at[1],
            style,
            AnalyticsRows {
                at,
                currency,
                links: LinkColumns::find(columns),
            },
        ))
    }
}

impl ParseRow for AnalyticsRows {
    fn parse(&self, c: &Cells) -> Result<OrderRecord, RowError> {
        let [date, id, state, customer, kind, coupons, net] = self.at;
        let (status, cancelled, refunded) = status(c.text(state));
        // A negative net (refund rows) counts as no revenue.
        let subtotal = c.amount_or_zero(net)?.max(0);
        let (utm_source, utm_campaign) = self.links.read(c);
        let customer_new = match c.text(kind).to_ascii_lowercase().as_str() {
            "new" => Some(true),
            "returning" => Some(false),
            _ => None,
        };
        Ok(OrderRecord {
            external_id: c.text(id).to_string(),
            placed_at: parse_time(c.text(date))
                .or_else(|_| parse_time(&format!("{} 00:00:00", c.text(date))))
                .map_err(|e| c.err(date, e))?,
            customer_key: customer_key(&format!("woo:{}", c.text(customer)))
                .filter(|_| !c.text(customer).is_empty()),
            currency: self.currency.clone(),
            subtotal,
            refunded: if refunded { subtotal } else { 0 },
            status,
            cancelled,
            codes: split_codes(c.text(coupons), ","),
            customer_new,
            gift_value: None,
            utm_source,
            utm_campaign,
            items: Vec::new(),
            original: None,
        })
    }
}

/// The columns of the Advanced Order Export plugin's layout, found by name.
pub(crate) struct PluginRows {
    at: [Col; 8],
    currency_col: Option<Col>,
    currency: String,
    links: LinkColumns,
}

impl PluginRows {
    pub fn reader<'r, R: Read>(
        csv: &'r mut csv::Reader<R>,
        columns: &Columns,
        file: &str,
        style: NumberStyle,
        currency: String,
    ) -> Result<FirstRows<'r, R, Self>, ImportError> {
        let at = columns.require(
            [
                &["Order Number"],
                &["Order Status"],
                &["Order Date"],
                &["Email (Billing)"],
                &["Coupon Code"],
                &["Order Subtotal Amount"],
                &["Cart Discount Amount"],
                &["Order Refund Amount"],
            ],
            file,
            "WooCommerce order export (Advanced Order Export plugin)",
        )?;
        let rows = PluginRows {
            at,
            currency_col: columns.find(&["Order Currency", "Currency"]),
            currency,
            links: LinkColumns::find(columns),
        };
        Ok(FirstRows::new(csv, at[0], style, rows))
    }
}

impl ParseRow for PluginRows {
    fn parse(&self, c: &Cells) -> Result<OrderRecord, RowError> {
        let [id, state, date, email, coupon, subtotal, discount, refund] = self.at;
        let (status, cancelled, _) = status(c.text(state));
        let currency = match self.currency_col {
            Some(col) if !c.text(col).is_empty() => c.currency(col)?,
            _ => self.currency.clone(),
        };
        let (utm_source, utm_campaign) = self.links.read(c);
        Ok(OrderRecord {
            external_id: c.text(id).to_string(),
            placed_at: parse_time(c.text(date))
                .or_else(|_| parse_time(&format!("{} 00:00:00", c.text(date))))
                .map_err(|e| c.err(date, e))?,
            customer_key: customer_key(c.text(email)),
            currency,
            subtotal: c.amount_or_zero(subtotal)? - c.amount_or_zero(discount)?,
            refunded: c.amount_or_zero(refund)?.abs(),
            status,
            cancelled,
            codes: split_codes(c.text(coupon), ","),
            customer_new: None,
            gift_value: None,
            utm_source,
            utm_campaign,
            items: Vec::new(),
            original: None,
        })
    }
}
