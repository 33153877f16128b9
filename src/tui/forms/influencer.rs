//! The influencer form: add a creator, or edit one.

use super::{Edit, Seen};
use super::{FieldError, field_err};
use crate::domain::{NewInfluencer, Platform};
use crate::store::InfluencerRow;
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

pub(crate) const HANDLE: FieldKey = FieldKey("handle");
const NAME: FieldKey = FieldKey("name");
const PLATFORM: FieldKey = FieldKey("platform");
const FOLLOWERS: FieldKey = FieldKey("followers");
const COMMISSION: FieldKey = FieldKey("commission");
const NOTES: FieldKey = FieldKey("notes");

/// The form, filled with influencer `id`'s details for an edit.
pub(crate) fn build(ctx: &Seen, id: Option<i64>) -> Form {
    let row = id.and_then(|id| ctx.lists.influencers.iter().find(|r| r.id == id));
    let v = |f: fn(&InfluencerRow) -> String| row.map(f).unwrap_or_default();
    let platforms: Vec<String> = Platform::ALL.iter().map(|p| p.to_string()).collect();
    Form::new(
        FormKind::Influencer { id },
        if row.is_some() {
            "Edit influencer"
        } else {
            "Add influencer"
        },
        vec![
            Field::text(
                HANDLE,
                "Handle",
                &v(|r| r.handle.clone()),
                "e.g. @clayandkiln",
            ),
            Field::text(NAME, "Name", &v(|r| r.name.clone()), "optional"),
            Field::choice(
                PLATFORM,
                "Platform",
                platforms,
                &v(|r| r.platform.to_string()),
            ),
            Field::text(
                FOLLOWERS,
                "Followers",
                &v(|r| r.followers.to_string()),
                "whole number",
            )
            .checked(checks::count),
            Field::text(
                COMMISSION,
                "Commission %",
                &v(|r| r.commission_pct.normalize().to_string()),
                "of attributed revenue; blank = 0",
            )
            .checked(checks::percent),
            Field::text(NOTES, "Notes", &v(|r| r.notes.clone()), "optional"),
        ],
    )
}

/// Saves the influencer (a new one, or `id` edited).
pub(crate) fn submit(ctx: &mut Edit, id: Option<i64>, form: &Form) -> Result<String, FieldError> {
    let mut new = NewInfluencer::parse(
        form.value(HANDLE),
        form.value(NAME),
        form.value(PLATFORM),
        form.value(FOLLOWERS),
        form.value(COMMISSION),
    )
    .map_err(field_err)?;
    new.notes = form.value(NOTES).to_string();
    let stored = match id {
        Some(id) => ctx.store.update_influencer(id, &new),
        None => ctx.store.add_influencer(&new).map(|_| ()),
    };
    stored.map_err(|e| (HANDLE.0, e.to_string()))?;
    Ok(match id {
        Some(_) => format!("saved @{}", new.handle),
        None => format!("added @{} — give them a code with c", new.handle),
    })
}
