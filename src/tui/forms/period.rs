//! The custom period form: the scorecard from one date to another.

use super::{FieldError, optional_date};
use crate::metrics::Period;
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const FROM: FieldKey = FieldKey("from");
const TO: FieldKey = FieldKey("to");

/// The form, filled with the period shown now.
pub(crate) fn build(app: &App) -> Form {
    let (from, to) = app.options.period.range(app.today);
    let date = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
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

/// Shows the scorecard for the period typed.
pub(crate) fn submit(app: &mut App, form: &Form) -> Result<String, FieldError> {
    let (from, to) = (optional_date(form, FROM)?, optional_date(form, TO)?);
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err((TO.0, format!("'{t}' is before the start {f}")));
    }
    app.options.period = Period::Custom { from, to };
    app.recompute();
    Ok(format!("period: {}", app.period_label()))
}
