//! Any other CSV, read through a column mapping the seller writes once (TOML for the CLI, a
//! form in the TUI). A mapping is saved with the header it was made for and applied by itself
//! the next time a file with the same header arrives.

use super::ImportError;
use super::codes::split_codes;
use super::columns::{Cells, Col, Columns, NumberStyle, RowError};
use super::rows::{FirstRows, ParseRow};
use super::shopify::parse_time;
use crate::domain::{FinancialStatus, OrderRecord, ValueError, customer_key};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;

/// Which column holds what. Column names are matched ignoring case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// A name for the layout, shown in previews ("Square orders").
    #[serde(default)]
    pub name: String,
    pub order_id: String,
    pub date: String,
    /// chrono format of the date column, e.g. `%d/%m/%Y` or `%Y-%m-%d %H:%M:%S`.
    pub date_format: String,
    /// The order's revenue after discounts (before shipping and tax, if the file separates them).
    pub amount: String,
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub codes: Option<String>,
    #[serde(default = "default_separator")]
    pub codes_separator: String,
    #[serde(default)]
    pub status: Option<String>,
    /// Status values that mean the order does not count.
    #[serde(default = "default_cancelled")]
    pub cancelled_statuses: Vec<String>,
    /// A column with the refunded amount.
    #[serde(default)]
    pub refunded: Option<String>,
    /// A column with the currency code...
    #[serde(default)]
    pub currency_column: Option<String>,
    /// ...or the currency of every order.
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub utm_source: Option<String>,
    #[serde(default)]
    pub utm_campaign: Option<String>,
    /// Amounts written `12,50`; when absent, files delimited by `;` are read this way.
    #[serde(default)]
    pub decimal_comma: Option<bool>,
}

fn default_separator() -> String {
    ",".into()
}

fn default_cancelled() -> Vec<String> {
    ["cancelled", "canceled", "voided", "void", "failed"]
        .map(String::from)
        .to_vec()
}

impl Mapping {
    /// Reads a mapping from TOML text.
    pub fn from_toml(text: &str) -> Result<Mapping, String> {
        let mapping: Mapping = toml::from_str(text).map_err(|e| e.to_string())?;
        mapping.check_date_format()?;
        Ok(mapping)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a mapping serialises")
    }

    fn check_date_format(&self) -> Result<(), String> {
        if !self.date_format.contains('%') {
            return Err(format!(
                "date_format '{}' is not a date format like %Y-%m-%d or %d/%m/%Y",
                self.date_format
            ));
        }
        Ok(())
    }

    /// A label for previews.
    pub fn label(&self) -> String {
        if self.name.is_empty() {
            "CSV with a saved column mapping".into()
        } else {
            format!("{} (column mapping)", self.name)
        }
    }
}

/// The key a mapping is saved under: a hash of the header's column names.
pub fn header_key(header: &csv::StringRecord) -> String {
    let joined: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let digest = Sha256::digest(joined.join("\u{1f}").as_bytes());
    crate::domain::order::hex(&digest[..16])
}

/// Leaks a column name so it can be reported like the fixed formats' names. Mappings are few
/// and small, and live as long as the import.
fn name_of(name: &str) -> &'static str {
    Box::leak(name.to_string().into_boxed_str())
}

/// The columns a mapping names, found in the file.
pub(crate) struct MappedRows {
    mapping: Mapping,
    id: Col,
    date: Col,
    amount: Col,
    customer: Option<Col>,
    codes: Option<Col>,
    status: Option<Col>,
    refunded: Option<Col>,
    currency_col: Option<Col>,
    utm_source: Option<Col>,
    utm_campaign: Option<Col>,
    currency: String,
}

impl MappedRows {
    pub fn reader<'r, R: Read>(
        csv: &'r mut csv::Reader<R>,
        columns: &Columns,
        file: &str,
        mapping: Mapping,
        sniffed_decimal_comma: bool,
        shop_currency: String,
    ) -> Result<FirstRows<'r, R, Self>, ImportError> {
        let mut missing = Vec::new();
        let mut find = |name: &Option<String>| -> Option<Col> {
            let name = name.as_ref().filter(|n| !n.trim().is_empty())?;
            let found = columns.find(&[name_of(name.trim())]);
            if found.is_none() {
                missing.push(name.clone());
            }
            found
        };
        let id = find(&Some(mapping.order_id.clone()));
        let date = find(&Some(mapping.date.clone()));
        let amount = find(&Some(mapping.amount.clone()));
        let customer = find(&mapping.customer);
        let codes = find(&mapping.codes);
        let status = find(&mapping.status);
        let refunded = find(&mapping.refunded);
        let currency_col = find(&mapping.currency_column);
        let utm_source = find(&mapping.utm_source);
        let utm_campaign = find(&mapping.utm_campaign);
        let (Some(id), Some(date), Some(amount)) = (id, date, amount) else {
            return Err(ImportError::MissingColumns {
                file: file.into(),
                format: "column mapping",
                missing: missing.join(", "),
            });
        };
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                file: file.into(),
                format: "column mapping",
                missing: missing.join(", "),
            });
        }
        let style = match mapping.decimal_comma {
            Some(comma) => NumberStyle::fixed(comma),
            None => NumberStyle::guess(sniffed_decimal_comma),
        };
        let currency = mapping
            .currency
            .clone()
            .map(|c| c.trim().to_ascii_uppercase())
            .unwrap_or(shop_currency);
        let rows = MappedRows {
            mapping,
            id,
            date,
            amount,
            customer,
            codes,
            status,
            refunded,
            currency_col,
            utm_source,
            utm_campaign,
            currency,
        };
        Ok(FirstRows::new(csv, id, style, rows))
    }

    fn time(&self, c: &Cells, text: &str) -> Result<DateTime<FixedOffset>, RowError> {
        let form = &self.mapping.date_format;
        let expected = || format!("a date in the mapping's format {form}");
        if let Ok(t) = DateTime::parse_from_str(text, form) {
            return Ok(t);
        }
        if let Ok(t) = NaiveDateTime::parse_from_str(text, form) {
            return Ok(t.and_utc().fixed_offset());
        }
        if let Ok(d) = NaiveDate::parse_from_str(text, form) {
            return Ok(d
                .and_hms_opt(0, 0, 0)
                .expect("midnight")
                .and_utc()
                .fixed_offset());
        }
        parse_time(text).map_err(|_| c.err(self.date, ValueError::new(text, expected())))
    }
}

impl ParseRow for MappedRows {
    fn parse(&self, c: &Cells) -> Result<OrderRecord, RowError> {
        let status_text = c.opt_text(self.status).to_lowercase();
        let cancelled = !status_text.is_empty()
            && self
                .mapping
                .cancelled_statuses
                .iter()
                .any(|s| s.trim().eq_ignore_ascii_case(&status_text));
        let currency = c.currency_or(self.currency_col, &self.currency)?;
        Ok(OrderRecord {
            external_id: c.text(self.id).to_string(),
            placed_at: self.time(c, c.text(self.date))?,
            customer_key: customer_key(c.opt_text(self.customer)),
            currency,
            subtotal: c.amount(self.amount)?,
            refunded: match self.refunded {
                Some(col) => c.amount_or_zero(col)?.abs(),
                None => 0,
            },
            status: FinancialStatus::from_name(&status_text),
            cancelled,
            codes: split_codes(c.opt_text(self.codes), &self.mapping.codes_separator),
            customer_new: None,
            gift_value: None,
            utm_source: c.opt_tag(self.utm_source),
            utm_campaign: c.opt_tag(self.utm_campaign),
            items: Vec::new(),
            original: None,
            former_id: None,
            hint: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings_read_from_toml_with_defaults() {
        let m = Mapping::from_toml(
            r#"
name = "Square"
order_id = "Transaction ID"
date = "Date"
date_format = "%d/%m/%Y"
amount = "Net Sales"
codes = "Discount Name"
"#,
        )
        .unwrap();
        assert_eq!(m.codes_separator, ",");
        assert!(m.cancelled_statuses.contains(&"cancelled".to_string()));
        assert_eq!(Mapping::from_toml(&m.to_toml()).unwrap(), m);
        assert!(Mapping::from_toml("order_id = 1").is_err());
        let bad =
            Mapping::from_toml("order_id='a'\ndate='b'\ndate_format='dd/mm/yyyy'\namount='c'")
                .unwrap_err();
        assert!(bad.contains("not a date format"), "{bad}");
    }
}
