//! The gift form: record a gift (its cost and shipping become her cost entries).

use super::{CAMPAIGN, FieldError, INFLUENCER, campaign, campaign_choices, field_err, handles};
use crate::domain::{NewGift, parse_amount, parse_date};
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};
use rust_decimal::Decimal;

const DATE: FieldKey = FieldKey("date");
const ITEM: FieldKey = FieldKey("item");
const RETAIL: FieldKey = FieldKey("retail");
const COST: FieldKey = FieldKey("cost");
const SHIPPING: FieldKey = FieldKey("shipping");

/// The blank form, for the creator `who` (`@handle`), sent today.
pub(crate) fn build(app: &App, who: &str) -> Form {
    Form::new(
        FormKind::Gift,
        "Record a gift",
        vec![
            Field::choice(INFLUENCER, "Influencer", handles(app), who),
            Field::text(DATE, "Date", &app.today.to_string(), "YYYY-MM-DD").checked(checks::date),
            Field::text(ITEM, "Item", "", "what you sent, e.g. Speckled mug"),
            Field::text(RETAIL, "Retail value", "", "what it sells for").checked(checks::amount),
            Field::text(COST, "Cost", "", "what it cost you (a product cost)")
                .checked(checks::amount),
            Field::text(SHIPPING, "Shipping", "", "optional (a shipping cost)")
                .checked(checks::amount),
            Field::choice(CAMPAIGN, "Campaign", campaign_choices(app), ""),
        ],
    )
}

/// Saves the gift and its cost entries.
pub(crate) fn submit(app: &mut App, form: &Form) -> Result<String, FieldError> {
    let who = super::influencer(app, form)?;
    let amount = |key: FieldKey, blank: Option<Decimal>| -> Result<Decimal, FieldError> {
        match (form.value(key), blank) {
            ("", Some(b)) => Ok(b),
            (v, _) => parse_amount(v).map_err(|e| (key.0, e.to_string())),
        }
    };
    let gift = NewGift {
        given_on: parse_date(form.value(DATE)).map_err(|e| (DATE.0, e.to_string()))?,
        item: form.value(ITEM).trim().to_string(),
        retail: amount(RETAIL, None)?,
        cost: amount(COST, None)?,
        shipping: amount(SHIPPING, Some(Decimal::ZERO))?,
    };
    gift.validate().map_err(field_err)?;
    let campaign = campaign(app, form)?;
    app.store
        .add_gift(who.id, &gift, campaign)
        .map_err(|e| (COST.0, e.to_string()))?;
    Ok(format!(
        "recorded a gift to @{}: {}",
        who.handle,
        crate::domain::visible(&gift.item)
    ))
}
