//! The custom period form: the scorecard from one date to another.

use super::{FieldError, optional_date};
use crate::metrics::Period;
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};
use chrono::NaiveDate;

const FROM: FieldKey = FieldKey("from");
const TO: FieldKey = FieldKey("to");

/// The form, filled with the period shown now (`period` on `today`).
pub(crate) fn build(period: &Period, today: NaiveDate) -> Form {
    let (from, to) = period.range(today);
    let date = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
    Form::new(
        FormKind::Period,
        "Custom period",
        vec![
            Field::text(FROM, "From", &date(from), "YYYY-MM-DD; blank = open")
                .checked(checks::date),
            Field::text(TO, "To", &date(to), "YYYY-MM-DD; blank = open").checked(checks::date),
        ],
    )
}

/// The period typed (the app shows the scorecard for it).
pub(crate) fn submit(form: &Form) -> Result<Period, FieldError> {
    let (from, to) = (optional_date(form, FROM)?, optional_date(form, TO)?);
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err((TO.0, format!("'{t}' is before the start {f}")));
    }
    Ok(Period::Custom { from, to })
}
