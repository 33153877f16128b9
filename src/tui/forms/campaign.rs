//! The campaign form: create a campaign.

use super::Edit;
use super::{FieldError, field_err, optional_date};
use crate::domain::{CampaignTargets, NewCampaign, ValueError, parse_amount, parse_count};
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const NAME: FieldKey = FieldKey("name");
const GOAL: FieldKey = FieldKey("goal");
const START: FieldKey = FieldKey("start");
const END: FieldKey = FieldKey("end");
const BUDGET: FieldKey = FieldKey("budget");
const REVENUE: FieldKey = FieldKey("target revenue");
const ORDERS: FieldKey = FieldKey("target orders");
const NEW: FieldKey = FieldKey("target new customers");
const REACH: FieldKey = FieldKey("target reach");
const IMPRESSIONS: FieldKey = FieldKey("target impressions");

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
            Field::text(REVENUE, "Revenue target", "", "optional, like 5000.00")
                .checked(checks::amount),
            Field::text(ORDERS, "Orders target", "", "optional").checked(checks::count),
            Field::text(NEW, "New customers target", "", "optional").checked(checks::count),
            Field::text(REACH, "Reach target", "", "optional (awareness)").checked(checks::count),
            Field::text(
                IMPRESSIONS,
                "Impressions target",
                "",
                "optional (awareness)",
            )
            .checked(checks::count),
        ],
    )
}

/// Saves the campaign.
pub(crate) fn submit(ctx: &mut Edit, form: &Form) -> Result<String, FieldError> {
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
        targets: CampaignTargets {
            revenue: match form.value(REVENUE) {
                "" => None,
                v => Some(parse_amount(v).map_err(|e| (REVENUE.0, e.to_string()))?),
            },
            orders: optional_count(form, ORDERS)?,
            new_customers: optional_count(form, NEW)?,
            reach: optional_count(form, REACH)?,
            impressions: optional_count(form, IMPRESSIONS)?,
        },
    };
    new.validate().map_err(field_err)?;
    ctx.store
        .add_campaign(&new)
        .map_err(|e| (NAME.0, e.to_string()))?;
    Ok(format!("created campaign '{}'", new.name))
}

/// A count typed in a field, or `None` when it is blank.
fn optional_count(form: &Form, key: FieldKey) -> Result<Option<u64>, FieldError> {
    match form.value(key) {
        "" => Ok(None),
        v => parse_count(v).map(Some).map_err(|e| (key.0, e.to_string())),
    }
}
