//! The campaign form: create a campaign.

use super::{FieldError, field_err, optional_date};
use crate::domain::{NewCampaign, ValueError, parse_amount};
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const NAME: FieldKey = FieldKey("name");
const GOAL: FieldKey = FieldKey("goal");
const START: FieldKey = FieldKey("start");
const END: FieldKey = FieldKey("end");
const BUDGET: FieldKey = FieldKey("budget");

/// The blank form.
pub(crate) fn build() -> Form {
    Form::new(
        FormKind::Campaign,
        "Create a campaign",
        vec![
            Field::text(NAME, "Name", "", "e.g. Spring launch"),
            Field::choice(
                GOAL,
                "Goal",
                vec!["sales".into(), "awareness".into()],
                "sales",
            ),
            Field::text(START, "Start", "", "YYYY-MM-DD, optional").checked(checks::date),
            Field::text(END, "End", "", "YYYY-MM-DD, optional").checked(checks::date),
            Field::text(BUDGET, "Budget", "", "optional, like 1500.00").checked(checks::amount),
        ],
    )
}

/// Saves the campaign.
pub(crate) fn submit(app: &mut App, form: &Form) -> Result<String, FieldError> {
    let new = NewCampaign {
        name: form.value(NAME).to_string(),
        goal: form
            .value(GOAL)
            .parse()
            .map_err(|e: ValueError| (GOAL.0, e.to_string()))?,
        starts_on: optional_date(form, START)?,
        ends_on: optional_date(form, END)?,
        budget: match form.value(BUDGET) {
            "" => None,
            v => Some(parse_amount(v).map_err(|e| (BUDGET.0, e.to_string()))?),
        },
    };
    new.validate().map_err(field_err)?;
    app.store
        .add_campaign(&new)
        .map_err(|e| (NAME.0, e.to_string()))?;
    Ok(format!("created campaign '{}'", new.name))
}
