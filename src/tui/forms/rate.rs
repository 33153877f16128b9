//! The rate form of the import preview (`r`): a file with orders in a second currency is
//! previewed again with their rate into the shop's, as `import --rate` does.

use super::FieldError;
use crate::tui::form::{Field, FieldKey, Form, FormKind};

pub(crate) const RATE: FieldKey = FieldKey("rate");

/// The form for the file at `path`, with the currency the preview found in the hint.
pub(crate) fn build(path: std::path::PathBuf, hint: &str) -> Form {
    Form::new(
        FormKind::Rate { path },
        "Rate for a second currency",
        vec![Field::text(RATE, "Rate", "", hint)],
    )
}

/// The rate typed, as `import --rate` reads it.
pub(crate) fn rate_of(form: &Form) -> Result<(String, rust_decimal::Decimal), FieldError> {
    crate::import::parse_rate(form.value(RATE)).map_err(|e| (RATE.0, e.to_string()))
}
