//! The data-entry forms of the app, one module a form. Each builds its fields (blank, or
//! filled for an edit) and turns what was typed into a domain value, saved through the
//! store, naming the field of any error. Field keys are typed constants of the form's own
//! module, so a field is built and read under the same name. A form sees a context
//! ([`Ctx`]: the store, the lists, the facts, today), never the `App`, and says what it
//! saved ([`Saved`]); the app opens it, moves through it, dispatches its submit and decides
//! what to read again.

pub(crate) mod campaign;
pub(crate) mod code;
pub(crate) mod cost;
pub(crate) mod event;
pub(crate) mod gift;
pub(crate) mod influencer;
pub(crate) mod link;
pub(crate) mod mapping;
pub(crate) mod payout;
pub(crate) mod period;
pub(crate) mod plan;
pub(crate) mod post;
pub(crate) mod rate;
pub(crate) mod settings;

use super::form::{FieldKey, Form};
pub(crate) use super::state::{Ctx, Edit, Saved, Seen};
use crate::domain::ValueError;
use crate::store::{InfluencerRow, Store};
use chrono::NaiveDate;
use std::ops::Deref;

/// An error for one field of a form: the field's key and the message.
pub type FieldError = (&'static str, String);

/// The "field" of a warning that asks for confirmation: the form shows it, and saving the
/// same values again saves them.
pub(crate) const CONFIRM: &str = "?confirm";

/// A domain error (which names its field like the form does) as a form error.
pub(crate) fn field_err((field, e): (&'static str, ValueError)) -> FieldError {
    (field, e.to_string())
}

/// The influencer a form is about (a choice of `@handle`s).
pub(crate) const INFLUENCER: FieldKey = FieldKey("influencer");
/// The campaign an entry is filed under, or [`NO_CAMPAIGN`].
pub(crate) const CAMPAIGN: FieldKey = FieldKey("campaign");
pub(crate) const NO_CAMPAIGN: &str = "(none)";

/// The influencers a form offers (not the archived ones), as `@handle`.
pub(crate) fn handles<S>(ctx: &Ctx<S>) -> Vec<String> {
    ctx.lists
        .influencers
        .iter()
        .filter(|i| !i.archived)
        .map(|i| format!("@{}", i.handle))
        .collect()
}

/// The campaigns a form offers, "(none)" first.
pub(crate) fn campaign_choices<S>(ctx: &Ctx<S>) -> Vec<String> {
    std::iter::once(NO_CAMPAIGN.to_string())
        .chain(ctx.lists.campaigns.iter().map(|c| c.name.clone()))
        .collect()
}

/// The influencer chosen in a form.
pub(crate) fn influencer<S: Deref<Target = Store>>(
    ctx: &Ctx<S>,
    form: &Form,
) -> Result<InfluencerRow, FieldError> {
    ctx.store
        .influencer_by_handle(form.value(INFLUENCER))
        .map_err(|e| (INFLUENCER.0, e.to_string()))
}

/// The campaign chosen in a form, if any.
pub(crate) fn campaign<S: Deref<Target = Store>>(
    ctx: &Ctx<S>,
    form: &Form,
) -> Result<Option<i64>, FieldError> {
    match form.value(CAMPAIGN) {
        "" | NO_CAMPAIGN => Ok(None),
        name => ctx
            .store
            .campaign_by_name(name)
            .map(Some)
            .map_err(|e| (CAMPAIGN.0, e.to_string())),
    }
}

/// An optional date field: blank is `None`.
pub(crate) fn optional_date(form: &Form, key: FieldKey) -> Result<Option<NaiveDate>, FieldError> {
    match form.value(key) {
        "" => Ok(None),
        v => crate::domain::parse_date(v)
            .map(Some)
            .map_err(|e| (key.0, e.to_string())),
    }
}
