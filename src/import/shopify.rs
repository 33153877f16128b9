//! Shopify admin › Orders › Export: one row per line item; order-level fields only on an
//! order's first row. Columns are found by name, so the 73, 78 and 79-column layouts all read.

use super::ImportError;
use super::codes::split_codes_any;
use super::columns::{Cells, Col, Columns, NumberStyle, RowError};
use super::links::utm_from_notes;
use super::rows::Lacks;
use super::rows::{FirstRows, ParseRow};
use crate::domain::{
    FinancialStatus, LineItem, OrderRecord, ValueError, customer_key, parse_count,
};
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use std::io::Read;

/// Whether a header is a Shopify orders export, whole or trimmed: `Name` and `Created at`
/// and one more column only Shopify's export has.
pub(crate) fn matches(columns: &Columns) -> bool {
    columns.has("Name")
        && columns.has("Created at")
        && [
            "Financial Status",
            "Lineitem name",
            "Lineitem quantity",
            "Fulfillment Status",
            "Discount Code",
            "Subtotal",
        ]
        .iter()
        .any(|c| columns.has(c))
}

/// The columns of a Shopify export, found by name; all but the order number, the time and
/// one that gives revenue may be missing (a trimmed export).
pub(crate) struct ShopifyRows {
    name: Col,
    created: Col,
    revenue: Revenue,
    email: Option<Col>,
    status: Option<Col>,
    currency: Option<Col>,
    /// Taken by orders of a file without a currency column.
    fallback_currency: String,
    codes: Option<Col>,
    cancelled: Option<Col>,
    refunded: Option<Col>,
    total: Option<Col>,
    discount: Option<Col>,
    items: Option<ItemColumns>,
    /// `Note Attributes`, where UTM-capture apps leave `utm_source`.
    notes: Option<Col>,
}

/// Where an order's revenue comes from.
#[derive(Clone, Copy)]
enum Revenue {
    Subtotal(Col),
    /// `Total`, less `Shipping` and `Taxes` where the file has them.
    TotalLess {
        total: Col,
        shipping: Option<Col>,
        taxes: Option<Col>,
    },
}

/// The line-item columns, where the export has them (every row of an order carries one).
struct ItemColumns {
    quantity: Col,
    price: Col,
    sku: Option<Col>,
    name: Option<Col>,
}

impl ShopifyRows {
    pub fn reader<'r, R: Read>(
        csv: &'r mut csv::Reader<R>,
        columns: &Columns,
        file: &str,
        style: NumberStyle,
        fallback_currency: String,
    ) -> Result<FirstRows<'r, R, Self>, ImportError> {
        let [name, created] =
            columns.require([&["Name"], &["Created at"]], file, "Shopify orders export")?;
        let revenue = match (columns.find(&["Subtotal"]), columns.find(&["Total"])) {
            (Some(subtotal), _) => Revenue::Subtotal(subtotal),
            (None, Some(total)) => Revenue::TotalLess {
                total,
                shipping: columns.find(&["Shipping"]),
                taxes: columns.find(&["Taxes"]),
            },
            (None, None) => {
                return Err(ImportError::MissingColumns {
                    file: file.to_string(),
                    format: "Shopify orders export",
                    missing: "Subtotal (or Total): no column gives the orders' revenue; \
                              export the orders again with Subtotal"
                        .into(),
                });
            }
        };
        let items = match (
            columns.find(&["Lineitem quantity"]),
            columns.find(&["Lineitem price"]),
        ) {
            (Some(quantity), Some(price)) => Some(ItemColumns {
                quantity,
                price,
                sku: columns.find(&["Lineitem sku"]),
                name: columns.find(&["Lineitem name"]),
            }),
            _ => None,
        };
        let rows = ShopifyRows {
            name,
            created,
            revenue,
            email: columns.find(&["Email"]),
            status: columns.find(&["Financial Status"]),
            currency: columns.find(&["Currency"]),
            fallback_currency,
            codes: columns.find(&["Discount Code"]),
            cancelled: columns.find(&["Cancelled at"]),
            refunded: columns.find(&["Refunded Amount"]),
            total: columns.find(&["Total"]),
            discount: columns.find(&["Discount Amount"]),
            items,
            notes: columns.find(&["Note Attributes"]),
        };
        Ok(FirstRows::new(csv, name, style, rows))
    }
}

impl ParseRow for ShopifyRows {
    fn lacks(&self) -> Lacks {
        Lacks {
            status: self.status.is_none().then_some("Financial Status"),
            codes: self.codes.is_none().then_some("Discount Code"),
            customer: self.email.is_none().then_some("Email"),
            currency: self.currency.is_none().then_some("Currency"),
        }
    }

    fn date_column(&self) -> &'static str {
        self.created.name
    }

    fn parse(&self, cells: &Cells) -> Result<OrderRecord, RowError> {
        let nonnegative = |col: Col, v: i64| {
            if v < 0 {
                Err(cells.err(
                    col,
                    ValueError::new(cells.text(col), "an amount of 0 or more"),
                ))
            } else {
                Ok(v)
            }
        };
        let refunded = cells.opt_amount(self.refunded)?;
        if let Some(col) = self.refunded {
            nonnegative(col, refunded)?;
        }
        let subtotal = match self.revenue {
            Revenue::Subtotal(col) => nonnegative(col, cells.amount(col)?)?,
            Revenue::TotalLess {
                total,
                shipping,
                taxes,
            } => {
                let net =
                    cells.amount(total)? - cells.opt_amount(shipping)? - cells.opt_amount(taxes)?;
                nonnegative(total, net)?
            }
        };
        // Combined discounts: `", "` in newer exports, `" + "` in older ones.
        let mut codes = split_codes_any(cells.opt_text(self.codes), &[", ", " + "]);
        // A discount the shop typed in by hand: no code anyone could own.
        codes.retain(|c| c != "CUSTOM DISCOUNT");
        let total = cells.opt_amount(self.total)?;
        let discount = cells.opt_amount(self.discount)?;
        // 100 % off with a creator's code: nothing paid for the goods, whether or not the
        // buyer paid the shipping (then Total is the shipping, and Subtotal 0).
        let gift = self.total.is_some()
            && (total == 0 || subtotal == 0)
            && discount > 0
            && !codes.is_empty();
        let notes = cells.opt_text(self.notes);
        let (mut utm_source, utm_campaign) = utm_from_notes(notes);
        // No utm_source: what the visit's click id or referrer hints at, and a paid click
        // kept as the shop's own paid channel.
        let hint = utm_source
            .is_none()
            .then(|| super::links::channel_hint(notes))
            .flatten();
        if hint == Some(crate::domain::ChannelHint::Paid) {
            utm_source = Some(crate::domain::PAID_CLICK.to_string());
        }
        Ok(OrderRecord {
            external_id: cells.text(self.name).to_string(),
            placed_at: parse_time(cells.text(self.created))
                .map_err(|e| cells.err(self.created, e))?,
            customer_key: customer_key(cells.opt_text(self.email)),
            currency: cells.currency_or(self.currency, &self.fallback_currency)?,
            subtotal,
            refunded,
            status: match self.status {
                Some(col) => FinancialStatus::from_name(cells.text(col)),
                None => FinancialStatus::Paid,
            },
            cancelled: !cells.opt_text(self.cancelled).is_empty(),
            codes,
            customer_new: None,
            gift_value: gift.then_some(discount),
            utm_source,
            utm_campaign,
            items: Vec::new(),
            original: None,
            former_id: None,
            hint,
        })
    }

    fn item(&self, cells: &Cells, names: bool) -> Result<Option<LineItem>, RowError> {
        let Some(at) = &self.items else {
            return Ok(None);
        };
        let quantity_text = cells.text(at.quantity);
        if quantity_text.is_empty() {
            return Ok(None);
        }
        let quantity = parse_count(quantity_text).map_err(|e| cells.err(at.quantity, e))?;
        let price = cells.amount_or_zero(at.price)?;
        if price < 0 {
            return Err(cells.err(
                at.price,
                ValueError::new(cells.text(at.price), "an amount of 0 or more"),
            ));
        }
        Ok(Some(LineItem {
            sku: cells.opt_text(at.sku).to_string(),
            name: if names {
                cells.opt_text(at.name).to_string()
            } else {
                String::new()
            },
            quantity: quantity as i64,
            price,
        }))
    }
}

/// Shopify's `2026-05-12 12:54:07 -0700`; also the forms Excel leaves after re-saving
/// (`2026-05-12 12:54:07`, `2026-05-12 12:54`, read as UTC).
pub(crate) fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, ValueError> {
    let time = any_time(text)?;
    crate::domain::check_order_time(text, &time)?;
    Ok(time)
}

fn any_time(text: &str) -> Result<DateTime<FixedOffset>, ValueError> {
    if let Some(t) = fast_time(text) {
        return Ok(t);
    }
    if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S %z") {
        return Ok(t);
    }
    for form in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, form) {
            return Ok(t.and_utc().fixed_offset());
        }
    }
    Err(ValueError::new(
        text,
        "a time like 2026-05-12 12:54:07 -0700",
    ))
}

/// `2026-05-12 12:54:07 -0700` read by position: Shopify writes every time this way, and
/// this is several times quicker than a format string. Anything else is left to chrono.
fn fast_time(text: &str) -> Option<DateTime<FixedOffset>> {
    let b = text.as_bytes();
    if b.len() != 25 || b[4] != b'-' || b[7] != b'-' || b[10] != b' ' || b[13] != b':' {
        return None;
    }
    if b[16] != b':' || b[19] != b' ' || !matches!(b[20], b'+' | b'-') {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = date.and_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
    let offset = (num(21..23)? * 3600 + num(23..25)? * 60) as i32;
    let offset = if b[20] == b'-' { -offset } else { offset };
    let zone = FixedOffset::east_opt(offset)?;
    time.and_local_timezone(zone).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_time_path_agrees_with_chrono() {
        for text in [
            "2026-05-12 12:54:07 -0700",
            "2026-01-01 00:00:00 +0530",
            "2024-02-29 23:59:59 +0000",
        ] {
            assert_eq!(
                fast_time(text),
                DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S %z").ok(),
                "{text}"
            );
        }
        assert_eq!(fast_time("2026-02-30 12:00:00 -0700"), None);
        assert_eq!(fast_time("2026-05-12T12:54:07 -0700"), None);
        assert!(parse_time("2026-05-12 12:54").is_ok());
        for bad in [
            "1969-12-31 23:59:59 +0000",
            "2101-01-01 00:00:00 +0000",
            "0001-01-01 00:00:00 +0000",
            "2026-05-12 23:59:60 -0700",
            "2026-05-12 23:59:60",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }
}
