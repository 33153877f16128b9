//! The gift form: record a gift (its cost and shipping become her cost entries).

use super::{CAMPAIGN, FieldError, INFLUENCER, campaign, campaign_choices, field_err, handles};
use super::{Edit, Seen};
use crate::domain::{NewGift, parse_amount, parse_date};
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};
use rust_decimal::Decimal;

const DATE: FieldKey = FieldKey("date");
const ITEM: FieldKey = FieldKey("item");
const RETAIL: FieldKey = FieldKey("retail");
const COST: FieldKey = FieldKey("cost");
const SHIPPING: FieldKey = FieldKey("shipping");

/// The blank form, for the creator `who` (`@handle`), sent today; or filled with gift `id`
/// for a correction.
pub(crate) fn build(ctx: &Seen, id: Option<i64>, who: &str) -> Form {
    let view = id.and_then(|id| ctx.gifts.iter().find(|g| g.gift.id == id));
    let money = |c: crate::domain::Cents| crate::domain::fmt2(crate::domain::from_cents(c));
    let text = |f: &dyn Fn(&crate::tui::state::GiftView) -> String| view.map_or(String::new(), f);
    let campaign = view
        .and_then(|v| v.gift.campaign_id)
        .and_then(|c| ctx.lists.campaigns.iter().find(|k| k.id == c))
        .map_or(String::new(), |k| k.name.clone());
    Form::new(
        FormKind::Gift { id },
        if view.is_some() {
            "Correct a gift"
        } else {
            "Record a gift"
        },
        vec![
            Field::choice(
                INFLUENCER,
                "Influencer",
                handles(ctx),
                &view.map_or(who.to_string(), |v| format!("@{}", v.handle)),
            ),
            Field::text(
                DATE,
                "Date",
                &view.map_or(ctx.today.to_string(), |v| v.gift.given_on.to_string()),
                "YYYY-MM-DD",
            )
            .checked(checks::date),
            Field::text(
                ITEM,
                "Item",
                &text(&|v| v.gift.item.clone()),
                "what you sent, e.g. Speckled mug",
            ),
            Field::text(
                RETAIL,
                "Retail value",
                &text(&|v| money(v.gift.retail)),
                "what it sells for",
            )
            .checked(checks::amount),
            Field::text(
                COST,
                "Cost",
                &text(&|v| money(v.gift.cost)),
                "what it cost you (a product cost)",
            )
            .checked(checks::amount),
            Field::text(
                SHIPPING,
                "Shipping",
                &text(&|v| money(v.gift.shipping)),
                "optional (a shipping cost)",
            )
            .checked(checks::amount),
            Field::choice(CAMPAIGN, "Campaign", campaign_choices(ctx), &campaign),
        ],
    )
}

/// Saves the gift and its cost entries (a new gift, or gift `id` corrected: her cost
/// entries follow; a gift's creator stays hers).
pub(crate) fn submit(ctx: &mut Edit, id: Option<i64>, form: &Form) -> Result<String, FieldError> {
    let who = super::influencer(ctx, form)?;
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
    let campaign = campaign(ctx, form)?;
    let Some(id) = id else {
        ctx.store
            .add_gift(who.id, &gift, campaign)
            .map_err(|e| (COST.0, e.to_string()))?;
        return Ok(format!(
            "recorded a gift to @{}: {}",
            who.handle,
            crate::domain::visible(&gift.item)
        ));
    };
    if ctx
        .gifts
        .iter()
        .any(|g| g.gift.id == id && g.gift.influencer_id != who.id)
    {
        return Err((
            INFLUENCER.0,
            "a gift stays with its creator: record a new one for the other (`shoutout gift \
             delete ID` removes this one)"
                .into(),
        ));
    }
    ctx.store
        .update_gift(id, &gift, campaign)
        .map_err(|e| (COST.0, e.to_string()))?;
    Ok(format!(
        "corrected the gift to @{}: {}",
        who.handle,
        crate::domain::visible(&gift.item)
    ))
}
