//! Etsy › Shop Manager › Settings › Options › Download Data: the orders file
//! (`EtsySoldOrders<YYYY>.csv`, one row per order) and the items file
//! (`EtsySoldOrderItems<YYYY>.csv`, one row per item, order amounts on one row per order).

use super::codes::split_codes;
use super::columns::{Cells, Col, Columns, NumberStyle, RowError, fatal_row};
use super::rows::Lacks;
use super::rows::{FirstRows, ParseRow};
use super::{ImportError, OrderReader};
use crate::domain::{FinancialStatus, OrderRecord, customer_key};
use chrono::{DateTime, FixedOffset, NaiveDate};
use csv::StringRecord;
use std::collections::HashMap;
use std::io::Read;

const SALE_DATE_FORMS: [&str; 3] = ["%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"];
const SALE_DATE: &str = "a date like 05/12/26 (MM/DD/YY)";

/// Whether a header is Etsy's orders file, whole or trimmed (its sale date, order id and
/// order value).
pub(crate) fn matches_orders(columns: &Columns) -> bool {
    ["Sale Date", "Order ID", "Order Value"]
        .iter()
        .all(|c| columns.has(c))
        && !columns.has("Transaction ID")
}

/// Whether a header is Etsy's order items file, whole or trimmed (its sale date, order id,
/// transaction id and item total).
pub(crate) fn matches_items(columns: &Columns) -> bool {
    ["Sale Date", "Order ID", "Transaction ID", "Item Total"]
        .iter()
        .all(|c| columns.has(c))
}

/// A sale date as a time: midnight UTC of that day (Etsy gives no time of day; orders of one
/// day are then ordered by order number).
fn day_start(date: NaiveDate) -> DateTime<FixedOffset> {
    date.and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .fixed_offset()
}

fn buyer_key(buyer: &str) -> Option<String> {
    (!buyer.is_empty())
        .then(|| customer_key(&format!("etsy:{buyer}")))
        .flatten()
}

/// The columns of Etsy's orders file, found by name: the sale date, order id and value are
/// needed; a trimmed file may lack the rest (no buyer: orders count as new customers'; no
/// coupon: baseline only; no totals: no refunds read).
pub(crate) struct EtsyOrderRows {
    date: Col,
    id: Col,
    value: Col,
    buyer: Option<Col>,
    currency: Option<Col>,
    fallback_currency: String,
    coupon: Option<Col>,
    discount: Option<Col>,
    total: Option<Col>,
    adjusted: Option<Col>,
    status: Option<Col>,
}

impl EtsyOrderRows {
    pub fn reader<'r, R: Read>(
        csv: &'r mut csv::Reader<R>,
        columns: &Columns,
        file: &str,
        style: NumberStyle,
        fallback_currency: String,
    ) -> Result<FirstRows<'r, R, Self>, ImportError> {
        let [date, id, value] = columns.require(
            [&["Sale Date"], &["Order ID"], &["Order Value"]],
            file,
            "Etsy orders file",
        )?;
        let rows = EtsyOrderRows {
            date,
            id,
            value,
            buyer: columns.find(&["Buyer User ID"]),
            currency: columns.find(&["Currency"]),
            fallback_currency,
            coupon: columns.find(&["Coupon Code"]),
            discount: columns.find(&["Discount Amount"]),
            total: columns.find(&["Order Total"]),
            adjusted: columns.find(&["Adjusted Order Total"]),
            status: columns.find(&["Status"]),
        };
        Ok(FirstRows::new(csv, id, style, rows))
    }
}

impl ParseRow for EtsyOrderRows {
    fn lacks(&self) -> Lacks {
        Lacks {
            status: None,
            codes: self.coupon.is_none().then_some("Coupon Code"),
            customer: self.buyer.is_none().then_some("Buyer User ID"),
            currency: self.currency.is_none().then_some("Currency"),
        }
    }

    fn date_column(&self) -> &'static str {
        self.date.name
    }

    fn parse(&self, c: &Cells) -> Result<OrderRecord, RowError> {
        let discount_amount = c.opt_amount(self.discount)?;
        let order_total = c.opt_amount(self.total)?;
        let adjusted_total = c.opt_amount(self.adjusted)?;
        // Real files hold 0.00 in Adjusted Order Total when nothing was adjusted.
        let refund = if adjusted_total == 0 || self.total.is_none() {
            0
        } else {
            (order_total - adjusted_total).max(0)
        };
        let codes = split_codes(c.opt_text(self.coupon), ";");
        let status = c.opt_text(self.status).to_ascii_lowercase();
        let subtotal = c.amount_or_zero(self.value)? - discount_amount;
        if subtotal < 0
            && let Some(discount) = self.discount
        {
            return Err(c.err(
                discount,
                crate::domain::ValueError::new(
                    c.text(discount),
                    "a discount no larger than the order value",
                ),
            ));
        }
        let gift = (order_total == 0 || subtotal == 0)
            && self.total.is_some()
            && discount_amount > 0
            && !codes.is_empty();
        Ok(OrderRecord {
            external_id: c.text(self.id).to_string(),
            placed_at: day_start(c.date(self.date, &SALE_DATE_FORMS, SALE_DATE)?),
            customer_key: buyer_key(c.opt_text(self.buyer)),
            currency: c.currency_or(self.currency, &self.fallback_currency)?,
            subtotal,
            refunded: refund,
            status: if status.contains("refund") {
                FinancialStatus::Refunded
            } else {
                FinancialStatus::Paid
            },
            cancelled: status.starts_with("cancel"),
            codes,
            customer_new: None,
            gift_value: gift.then_some(discount_amount),
            utm_source: None,
            utm_campaign: None,
            items: Vec::new(),
            original: None,
            former_id: None,
            hint: None,
        })
    }
}

/// The columns of the items file, found by name: the sale date, order id and item total are
/// needed; a trimmed file may lack the rest.
struct ItemColumns {
    date: Col,
    id: Col,
    total: Col,
    buyer: Option<Col>,
    discount: Option<Col>,
    currency: Option<Col>,
    coupon: Option<Col>,
    /// The item's SKU, quantity and unit price, for goods costs by product.
    sku: Option<Col>,
    quantity: Option<Col>,
    price: Option<Col>,
    /// Taken by the orders of a file without a currency column.
    fallback_currency: String,
}

type ReadOrder = Result<(u64, OrderRecord), RowError>;

/// One item row: its total, its share of the discount, and the order as far as the row
/// tells it.
fn item_row(c: &Cells, at: &ItemColumns, key: &str) -> Result<(i64, i64, OrderRecord), RowError> {
    let amount = c.amount_or_zero(at.total)?;
    let off = c.opt_amount(at.discount)?;
    // The row's line item, where the file has quantity and price.
    let items = match (at.quantity, at.price) {
        (Some(q), Some(p)) if !c.text(q).is_empty() => vec![crate::domain::LineItem {
            sku: c.opt_text(at.sku).to_string(),
            name: String::new(),
            quantity: crate::domain::parse_count(c.text(q)).map_err(|e| c.err(q, e))? as i64,
            price: c.amount_or_zero(p)?,
        }],
        _ => Vec::new(),
    };
    Ok((
        amount,
        off,
        OrderRecord {
            external_id: key.to_string(),
            placed_at: day_start(c.date(at.date, &SALE_DATE_FORMS, SALE_DATE)?),
            customer_key: buyer_key(c.opt_text(at.buyer)),
            currency: c.currency_or(at.currency, &at.fallback_currency)?,
            subtotal: 0,
            refunded: 0,
            status: FinancialStatus::Paid,
            cancelled: false,
            codes: split_codes(c.opt_text(at.coupon), ";"),
            customer_new: None,
            gift_value: None,
            utm_source: None,
            utm_campaign: None,
            items,
            original: None,
            former_id: None,
            hint: None,
        },
    ))
}

/// Adds an item row to its order (the first row of an order number starts it; an error in
/// any row makes the whole order an error). The row's line, cells and total
/// column, to name an overflowing sum.
fn merge_item(
    out: &mut Vec<ReadOrder>,
    index: &mut HashMap<String, usize>,
    key: String,
    (line, c, item_total): (u64, &Cells, Col),
    row: Result<(i64, i64, OrderRecord), RowError>,
) {
    match (row, index.get(&key)) {
        (Err(e), Some(&i)) => out[i] = Err(e),
        (Err(e), None) => {
            index.insert(key, out.len());
            out.push(Err(e));
        }
        (Ok((amount, off, row)), Some(&i)) => {
            if let Ok((_, order)) = &mut out[i] {
                order.items.extend(row.items);
                match order.subtotal.checked_add(amount - off) {
                    Some(sum) => order.subtotal = sum,
                    None => {
                        out[i] = Err(c.err(
                            item_total,
                            crate::domain::ValueError::new(
                                c.text(item_total),
                                "item totals that add up to less than 90 trillion",
                            ),
                        ))
                    }
                }
            }
        }
        (Ok((amount, off, mut order)), None) => {
            order.subtotal = amount - off;
            index.insert(key, out.len());
            out.push(Ok((line, order)));
        }
    }
}

/// The items file: rows of one order are summed (item totals less the order's discount), so
/// an order is counted once however many items it has. The file is read whole before the
/// first order is yielded (items files are small: one row per item sold).
pub(crate) struct EtsyItemsReader {
    orders: std::vec::IntoIter<ReadOrder>,
    lacks: Lacks,
}

impl EtsyItemsReader {
    pub fn new<R: Read>(
        csv: &mut csv::Reader<R>,
        columns: &Columns,
        file: &str,
        style: NumberStyle,
        fallback_currency: String,
    ) -> Result<Self, ImportError> {
        let [date, id, total] = columns.require(
            [&["Sale Date"], &["Order ID"], &["Item Total"]],
            file,
            "Etsy order items file",
        )?;
        let at = ItemColumns {
            date,
            id,
            total,
            buyer: columns.find(&["Buyer"]),
            discount: columns.find(&["Discount Amount"]),
            currency: columns.find(&["Currency"]),
            coupon: columns.find(&["Coupon Code"]),
            sku: columns.find(&["SKU"]),
            quantity: columns.find(&["Quantity"]),
            price: columns.find(&["Price"]),
            fallback_currency,
        };
        let item_total = at.total;
        let lacks = Lacks {
            status: None,
            codes: at.coupon.is_none().then_some("Coupon Code"),
            customer: at.buyer.is_none().then_some("Buyer"),
            currency: at.currency.is_none().then_some("Currency"),
        };
        let mut out: Vec<ReadOrder> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut record = StringRecord::new();
        loop {
            match csv.read_record(&mut record) {
                Ok(false) => break,
                Err(e) => {
                    out.push(Err(fatal_row(&e)));
                    break;
                }
                Ok(true) => {}
            }
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = record.position().map_or(0, |p| p.line());
            let c = Cells {
                record: &record,
                line,
                style: &style,
            };
            let key = c.text(at.id).to_string();
            if key.is_empty() {
                out.push(Err(RowError::new(line, "Order ID", "", "an order number")));
                continue;
            }
            let row = item_row(&c, &at, &key);
            merge_item(&mut out, &mut index, key, (line, &c, item_total), row);
        }
        Ok(EtsyItemsReader {
            orders: out.into_iter(),
            lacks,
        })
    }
}

impl OrderReader for EtsyItemsReader {
    fn next_order(&mut self) -> Option<Result<(u64, OrderRecord), RowError>> {
        self.orders.next()
    }

    fn id_column(&self) -> &'static str {
        "Order ID"
    }

    fn missing(&self) -> Vec<String> {
        self.lacks.notes()
    }
}
