//! The settings form: cost of goods, payment fees, the refund hold and the follower tiers,
//! as `shoutout settings` sets them (a blank field is not set).

use super::FieldError;
use super::{Edit, Saved, Seen};
use crate::domain::settings::{SETTINGS, check_setting};
use crate::tui::form::{Field, FieldKey, Form, FormKind};

/// The fields, keyed by the settings' stored keys, filled with what is set.
pub(crate) fn build(ctx: &Seen) -> Form {
    let costed = ctx.store.product_costs().map_or(0, |c| c.len());
    let fields = SETTINGS
        .iter()
        .map(|s| {
            let value = ctx.store.setting(s.key).ok().flatten().unwrap_or_default();
            use crate::domain::settings as k;
            let label = match s.key {
                k::COGS_PCT => "Cost of goods %",
                k::PAYMENT_FEE_PCT => "Payment fee %",
                k::PAYMENT_FEE_FIXED => "Fee per order",
                k::REFUND_HOLD_DAYS => "Refund hold days",
                k::TIER_MICRO => "Micro from",
                k::TIER_MACRO => "Macro from",
                k::TIER_MEGA => "Mega from",
                k::ENG_NANO => "Nano engagement %",
                k::ENG_MICRO => "Micro engagement %",
                k::ENG_MACRO => "Macro engagement %",
                k::ENG_MEGA => "Mega engagement %",
                k::GIFT_FOLLOW_UP_DAYS => "Gift follow-up days",
                _ => "Since last time",
            };
            let hint = if s.key == k::COGS_PCT && costed > 0 {
                format!(
                    "{costed} product(s) have a unit cost (shoutout product cost list); this % \
                     covers the other products"
                )
            } else {
                s.what.to_string()
            };
            Field::text(FieldKey(s.key), label, &value, &hint)
        })
        .collect();
    Form::new(
        FormKind::Settings,
        "Money settings (blank = not set)",
        fields,
    )
}

/// Saves every field, each checked as the command line checks it.
pub(crate) fn submit(ctx: &mut Edit, form: &Form) -> Result<Saved, FieldError> {
    let mut values = Vec::new();
    for s in SETTINGS {
        let value = match form.value(FieldKey(s.key)) {
            "" => None,
            v => Some(check_setting(s, v).map_err(|e| (s.key, e.to_string()))?),
        };
        values.push((s.key, value));
    }
    for (key, value) in values {
        // Only what changed: a new lifetime-value window sums the cohorts again.
        let stored = ctx.store.setting(key).map_err(|e| (key, e.to_string()))?;
        if stored == value {
            continue;
        }
        ctx.store
            .set_setting(key, value.as_deref())
            .map_err(|e| (key, e.to_string()))?;
    }
    Ok(Saved {
        message: "money settings saved: profit figures follow them".into(),
        changed: crate::tui::state::Changed::Settings,
        effect: None,
    })
}
