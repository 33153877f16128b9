//! The mapping step for a file of an unknown layout: one choice per role among the file's
//! own columns, pre-selected by their names where they say what they hold.

use super::FieldError;
use crate::domain::ValueError;
use crate::import::Mapping;
use crate::tui::form::{Field, FieldKey, Form, FormKind};
use std::path::PathBuf;

const NAME: FieldKey = FieldKey("name");
const ORDER_ID: FieldKey = FieldKey("order_id");
const DATE: FieldKey = FieldKey("date");
const DATE_FORMAT: FieldKey = FieldKey("date_format");
const AMOUNT: FieldKey = FieldKey("amount");
const CUSTOMER: FieldKey = FieldKey("customer");
const CODES: FieldKey = FieldKey("codes");
const CODES_SEPARATOR: FieldKey = FieldKey("codes_separator");
const STATUS: FieldKey = FieldKey("status");
const CANCELLED: FieldKey = FieldKey("cancelled");
const REFUNDED: FieldKey = FieldKey("refunded");
const CURRENCY: FieldKey = FieldKey("currency");
const UTM_SOURCE: FieldKey = FieldKey("utm_source");
const UTM_CAMPAIGN: FieldKey = FieldKey("utm_campaign");
/// The choice of an optional column that the file does not have.
const NONE: &str = "(none)";

/// A file's columns, with the guess of which one holds a role.
struct Columns {
    columns: Vec<String>,
}

impl Columns {
    /// The first column whose name contains one of `words`.
    fn find(&self, words: &[&str]) -> Option<String> {
        self.columns
            .iter()
            .find(|h| {
                let h = h.to_lowercase();
                words.iter().any(|w| h.contains(w))
            })
            .cloned()
    }

    /// A choice among the columns, the guess (else the first) selected.
    fn required(&self, key: FieldKey, label: &'static str, words: &[&str]) -> Field {
        let guess = self
            .find(words)
            .unwrap_or_else(|| self.columns.first().cloned().unwrap_or_default());
        Field::choice(key, label, self.columns.clone(), &guess)
    }

    /// A choice among the columns or none, the guess (else none) selected.
    fn optional(&self, key: FieldKey, label: &'static str, words: &[&str]) -> Field {
        let choices = std::iter::once(NONE.to_string())
            .chain(self.columns.clone())
            .collect();
        let guess = self.find(words).unwrap_or_else(|| NONE.to_string());
        Field::choice(key, label, choices, &guess)
    }
}

/// The form for the file at `path` with this `header`; `currency` is the shop's.
pub(crate) fn build(path: PathBuf, header: &[String], currency: &str) -> Form {
    let c = Columns {
        columns: header.iter().filter(|h| !h.is_empty()).cloned().collect(),
    };
    let name = path
        .file_stem()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
    let fields = vec![
        Field::text(NAME, "Layout name", &name, "shown in previews"),
        c.required(ORDER_ID, "Order id", &["order", "receipt", "number", "id"]),
        c.required(DATE, "Date", &["date", "when", "time", "created"]),
        Field::text(
            DATE_FORMAT,
            "Date format",
            "%Y-%m-%d",
            "e.g. %d/%m/%Y or %Y-%m-%d %H:%M:%S",
        ),
        c.required(
            AMOUNT,
            "Amount",
            &["net", "total", "amount", "sales", "subtotal"],
        ),
        c.optional(
            CUSTOMER,
            "Customer",
            &["email", "customer", "client", "buyer"],
        ),
        c.optional(CODES, "Codes", &["code", "coupon", "promo", "discount"]),
        Field::text(
            CODES_SEPARATOR,
            "Code separator",
            ",",
            "between several codes in a cell",
        ),
        c.optional(STATUS, "Status", &["status", "state"]),
        Field::text(
            CANCELLED,
            "Cancelled when",
            "cancelled, canceled, voided, void, failed",
            "status values that do not count",
        ),
        c.optional(REFUNDED, "Refunded", &["refund"]),
        Field::text(CURRENCY, "Currency", currency, "of every order in the file"),
        c.optional(UTM_SOURCE, "UTM source", &["utm_source", "source"]),
        c.optional(UTM_CAMPAIGN, "UTM campaign", &["utm_campaign"]),
    ];
    let mut form = Form::new(
        FormKind::Mapping { path },
        "Map the columns of this file (saved for files with the same header)",
        fields,
    );
    form.error = Some("this layout is new to shoutout: say which column holds what".into());
    form
}

/// The mapping the form describes.
pub(crate) fn mapping_of(form: &Form) -> Result<Mapping, FieldError> {
    let opt = |key: FieldKey| match form.value(key) {
        "" | NONE => None,
        v => Some(v.to_string()),
    };
    let date_format = form.value(DATE_FORMAT).to_string();
    if !date_format.contains('%') {
        return Err((
            DATE_FORMAT.0,
            ValueError::new(&date_format, "a date format like %d/%m/%Y").to_string(),
        ));
    }
    let currency = form.value(CURRENCY).to_ascii_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err((
            CURRENCY.0,
            ValueError::new(&currency, "a currency code like USD").to_string(),
        ));
    }
    Ok(Mapping {
        name: form.value(NAME).to_string(),
        order_id: form.value(ORDER_ID).to_string(),
        date: form.value(DATE).to_string(),
        date_format,
        amount: form.value(AMOUNT).to_string(),
        customer: opt(CUSTOMER),
        codes: opt(CODES),
        codes_separator: match form.value(CODES_SEPARATOR) {
            "" => ",".into(),
            s => s.to_string(),
        },
        status: opt(STATUS),
        cancelled_statuses: form
            .value(CANCELLED)
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        refunded: opt(REFUNDED),
        currency_column: None,
        currency: Some(currency),
        utm_source: opt(UTM_SOURCE),
        utm_campaign: opt(UTM_CAMPAIGN),
        decimal_comma: None,
    })
}
