//! The cost form: record what a creator cost, or correct an entry.

use super::{CAMPAIGN, FieldError, INFLUENCER, campaign, campaign_choices, field_err, handles};
use super::{Edit, Seen};
use crate::domain::{CostKind, NewCost, fmt2};
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const KIND: FieldKey = FieldKey("kind");
const AMOUNT: FieldKey = FieldKey("amount");
const DATE: FieldKey = FieldKey("date");
const NOTE: FieldKey = FieldKey("note");

/// The form, for the creator `who` (`@handle`) today, or filled with cost `id` for an edit.
pub(crate) fn build(ctx: &Seen, id: Option<i64>, who: &str) -> Form {
    let row = id.and_then(|id| ctx.lists.costs.iter().find(|r| r.id == id));
    Form::new(
        FormKind::Cost { id },
        if row.is_some() {
            "Edit a cost"
        } else {
            "Record a cost"
        },
        vec![
            Field::choice(
                INFLUENCER,
                "Influencer",
                handles(ctx),
                &row.map_or(who.to_string(), |r| format!("@{}", r.handle)),
            ),
            Field::choice(
                KIND,
                "Kind",
                CostKind::ALL.iter().map(|k| k.to_string()).collect(),
                &row.map_or("fee".into(), |r| r.kind.to_string()),
            ),
            Field::text(
                AMOUNT,
                "Amount",
                &row.map_or(String::new(), |r| fmt2(r.amount)),
                "like 250.00",
            )
            .checked(checks::amount),
            Field::text(
                DATE,
                "Date",
                &row.map_or(ctx.today.to_string(), |r| r.date.to_string()),
                "YYYY-MM-DD",
            )
            .checked(checks::date),
            Field::text(
                NOTE,
                "Note",
                &row.map_or(String::new(), |r| r.note.clone()),
                "optional",
            ),
            Field::choice(
                CAMPAIGN,
                "Campaign",
                campaign_choices(ctx),
                &row.and_then(|r| r.campaign.clone()).unwrap_or_default(),
            ),
        ],
    )
}

/// Saves the cost (a new one, or `id` corrected).
pub(crate) fn submit(ctx: &mut Edit, id: Option<i64>, form: &Form) -> Result<String, FieldError> {
    let who = super::influencer(ctx, form)?;
    let cost = NewCost::parse(
        form.value(KIND),
        form.value(AMOUNT),
        form.value(DATE),
        form.value(NOTE),
    )
    .map_err(field_err)?;
    let campaign = campaign(ctx, form)?;
    let stored = match id {
        Some(id) => ctx.store.update_cost(id, who.id, &cost, campaign),
        None => ctx.store.add_cost(who.id, &cost, campaign).map(|_| ()),
    };
    stored.map_err(|e| (AMOUNT.0, e.to_string()))?;
    Ok(format!(
        "{} {} {} for @{}",
        if id.is_some() { "saved" } else { "recorded" },
        cost.kind,
        fmt2(cost.amount),
        who.handle
    ))
}
