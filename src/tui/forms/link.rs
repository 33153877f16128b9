//! The UTM link builder: the link shows as it is typed, and is saved and copied.

use super::{
    CAMPAIGN, FieldError, INFLUENCER, NO_CAMPAIGN, campaign, campaign_choices, field_err, handles,
};
use crate::domain::{NewLink, Platform};
use crate::tui::app::{App, Effect};
use crate::tui::form::{Field, FieldKey, Form, FormKind};

const URL: FieldKey = FieldKey("url");
const MEDIUM: FieldKey = FieldKey("medium");
const CONTENT: FieldKey = FieldKey("content");

/// The form, for the creator `who` (`@handle`).
pub(crate) fn build(app: &App, who: &str) -> Form {
    Form::new(
        FormKind::Link,
        "UTM link builder",
        vec![
            Field::choice(INFLUENCER, "Influencer (source)", handles(app), who),
            Field::text(URL, "Base URL", "", "e.g. https://shop.example/mugs"),
            Field::text(MEDIUM, "Medium", "", "blank = the influencer's platform"),
            Field::choice(CAMPAIGN, "Campaign", campaign_choices(app), NO_CAMPAIGN),
            Field::text(CONTENT, "Content", "", "e.g. story_jan15"),
        ],
    )
}

/// The link the fields describe, validated by the domain (the one link builder).
pub(crate) fn link_of(app: &App, form: &Form) -> Result<NewLink, FieldError> {
    let handle = form.value(INFLUENCER).trim_start_matches('@');
    let platform = app
        .lists
        .influencers
        .iter()
        .find(|i| i.handle.eq_ignore_ascii_case(handle))
        .map_or(Platform::Other, |i| i.platform);
    let campaign = match form.value(CAMPAIGN) {
        NO_CAMPAIGN => "",
        c => c,
    };
    NewLink::parse(
        form.value(URL),
        handle,
        platform,
        form.value(MEDIUM),
        campaign,
        form.value(CONTENT),
    )
    .map_err(field_err)
}

/// The link as the form stands (empty until the fields make one).
pub(crate) fn shown(app: &App, form: &Form) -> String {
    link_of(app, form).map_or(String::new(), |l| l.url())
}

/// Saves the link and copies it.
pub(crate) fn submit(app: &mut App, form: &Form) -> Result<String, FieldError> {
    let who = super::influencer(app, form)?;
    let new = link_of(app, form)?;
    let link = new.url();
    let campaign = campaign(app, form)?;
    app.store
        .add_link(who.id, campaign, &new)
        .map_err(|e| (URL.0, e.to_string()))?;
    app.effects.push(Effect::Copy(link.clone()));
    Ok(format!(
        "saved and copied (if your terminal allows): {link}"
    ))
}
