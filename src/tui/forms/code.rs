//! The promo code form: give a creator a code.

use super::{CAMPAIGN, FieldError, INFLUENCER, NO_CAMPAIGN, campaign, campaign_choices, handles};
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKey, Form, FormKind};

const CODE: FieldKey = FieldKey("code");

/// The form, for the creator `who` (`@handle`).
pub(crate) fn build(app: &App, who: &str) -> Form {
    Form::new(
        FormKind::Code,
        "Add a promo code",
        vec![
            Field::text(CODE, "Code", "", "e.g. MAYA15; matched in any letter case"),
            Field::choice(INFLUENCER, "Influencer", handles(app), who),
            Field::choice(CAMPAIGN, "Campaign", campaign_choices(app), NO_CAMPAIGN),
        ],
    )
}

/// Saves the code.
pub(crate) fn submit(app: &mut App, form: &Form) -> Result<String, FieldError> {
    let code = crate::domain::parse_code(form.value(CODE)).map_err(|e| (CODE.0, e.to_string()))?;
    let who = super::influencer(app, form)?;
    let campaign = campaign(app, form)?;
    app.store
        .add_code(&code, who.id, campaign)
        .map_err(|e| (CODE.0, e.to_string()))?;
    Ok(format!("code {code} now credits @{}", who.handle))
}
