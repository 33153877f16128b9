//! The UTM link builder: the link shows as it is typed, and is saved and copied.

use super::{
    CAMPAIGN, FieldError, INFLUENCER, NO_CAMPAIGN, campaign, campaign_choices, field_err, handles,
};
use super::{Edit, Saved, Seen};
use crate::domain::{NewLink, Platform};
use crate::tui::form::{Field, FieldKey, Form, FormKind};
use crate::tui::state::{Changed, Effect};

const URL: FieldKey = FieldKey("url");
const MEDIUM: FieldKey = FieldKey("medium");
const CONTENT: FieldKey = FieldKey("content");

/// The form, for the creator `who` (`@handle`).
pub(crate) fn build(ctx: &Seen, who: &str) -> Form {
    Form::new(
        FormKind::Link,
        "UTM link builder",
        vec![
            Field::choice(INFLUENCER, "Influencer (source)", handles(ctx), who),
            Field::text(URL, "Base URL", "", "e.g. https://shop.example/mugs"),
            Field::text(MEDIUM, "Medium", "", "blank = the influencer's platform"),
            Field::choice(CAMPAIGN, "Campaign", campaign_choices(ctx), NO_CAMPAIGN),
            Field::text(CONTENT, "Content", "", "e.g. story_jan15"),
        ],
    )
}

/// The link the fields describe, validated by the domain (the one link builder).
pub(crate) fn link_of<S>(ctx: &super::Ctx<S>, form: &Form) -> Result<NewLink, FieldError> {
    let handle = form.value(INFLUENCER).trim_start_matches('@');
    let platform = ctx
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
pub(crate) fn shown(ctx: &Seen, form: &Form) -> String {
    link_of(ctx, form).map_or(String::new(), |l| l.url())
}

/// Saves the link and copies it.
pub(crate) fn submit(ctx: &mut Edit, form: &Form) -> Result<Saved, FieldError> {
    let who = super::influencer(ctx, form)?;
    let new = link_of(&*ctx, form)?;
    let link = new.url();
    let campaign = campaign(ctx, form)?;
    ctx.store
        .add_link(who.id, campaign, &new)
        .map_err(|e| (URL.0, e.to_string()))?;
    Ok(Saved {
        message: format!("saved and copied (if your terminal allows): {link}"),
        changed: Changed::Entries,
        effect: Some(Effect::Copy(link)),
    })
}
