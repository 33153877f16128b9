//! The promo code form: give a creator a code, or move one to another creator or campaign.

use super::{CAMPAIGN, FieldError, INFLUENCER, NO_CAMPAIGN, campaign, campaign_choices, handles};
use super::{Edit, Seen};
use crate::tui::form::{Field, FieldKey, Form, FormKind};

pub(crate) const CODE: FieldKey = FieldKey("code");

/// The form, for the creator `who` (`@handle`); with `id`, that code's, filled in.
pub(crate) fn build(ctx: &Seen, id: Option<i64>, who: &str) -> Form {
    let row = id.and_then(|id| ctx.lists.codes.iter().find(|c| c.id == id));
    let (title, code, who, in_campaign) = match row {
        Some(c) => (
            format!("Edit code {}: its creator or campaign", c.code),
            c.code.clone(),
            format!("@{}", c.handle),
            c.campaign
                .clone()
                .unwrap_or_else(|| NO_CAMPAIGN.to_string()),
        ),
        None => (
            "Add a promo code".to_string(),
            String::new(),
            who.to_string(),
            NO_CAMPAIGN.to_string(),
        ),
    };
    Form::new(
        FormKind::Code { id },
        &title,
        vec![
            Field::text(
                CODE,
                "Code",
                &code,
                "e.g. MAYA15; matched in any letter case",
            ),
            Field::choice(INFLUENCER, "Influencer", handles(ctx), &who),
            Field::choice(CAMPAIGN, "Campaign", campaign_choices(ctx), &in_campaign),
        ],
    )
}

/// Saves the code: a new one, or the code `id` under its new creator and campaign (its text
/// stays: orders carry it).
pub(crate) fn submit(ctx: &mut Edit, id: Option<i64>, form: &Form) -> Result<String, FieldError> {
    let code = crate::domain::parse_code(form.value(CODE)).map_err(|e| (CODE.0, e.to_string()))?;
    let who = super::influencer(ctx, form)?;
    let campaign = campaign(ctx, form)?;
    match id {
        Some(id) => {
            let was = ctx
                .lists
                .codes
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.code.clone());
            if was
                .as_deref()
                .is_some_and(|w| !w.eq_ignore_ascii_case(&code))
            {
                return Err((
                    CODE.0,
                    "a code's text cannot change (orders carry it): delete it and add the new one"
                        .into(),
                ));
            }
            ctx.store
                .update_code(id, who.id, campaign)
                .map_err(|e| (CODE.0, e.to_string()))?;
        }
        None => {
            ctx.store
                .add_code(&code, who.id, campaign)
                .map_err(|e| (CODE.0, e.to_string()))?;
        }
    }
    Ok(format!("code {code} now credits @{}", who.handle))
}
