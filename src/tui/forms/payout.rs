//! The payout form: what a creator is owed in commission today, and a payout recorded in a
//! few keys (a settlement of commission already in her cost).

use super::{Edit, Seen};
use super::{FieldError, INFLUENCER, handles};
use crate::domain::{fmt2, parse_amount, parse_date};
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const AMOUNT: FieldKey = FieldKey("amount");
const DATE: FieldKey = FieldKey("date");
const NOTE: FieldKey = FieldKey("note");

/// The form for the creator `who` (`@handle`), its title saying what she is owed today and
/// its amount pre-filled with it.
pub(crate) fn build(ctx: &Seen, who: &str) -> Form {
    let hold = ctx
        .store
        .hold_days()
        .unwrap_or(crate::domain::settings::DEFAULT_HOLD_DAYS);
    let lines = crate::metrics::payouts(ctx.facts, ctx.today, hold);
    let handle = who.trim_start_matches('@');
    let line = lines.iter().find(|l| l.handle.eq_ignore_ascii_case(handle));
    let title = match line {
        Some(l) => format!(
            "Pay @{}: owed {} (earned {}, held {} for refunds, paid {})",
            l.handle,
            fmt2(l.owed),
            fmt2(l.commission_earned),
            fmt2(l.commission_held),
            fmt2(l.paid)
        ),
        None => "Record a payout".to_string(),
    };
    let owed = line
        .map(|l| l.owed)
        .filter(|o| o.is_sign_positive() && !o.is_zero())
        .map_or(String::new(), fmt2);
    Form::new(
        FormKind::Payout,
        title,
        vec![
            Field::choice(INFLUENCER, "Influencer", handles(ctx), who),
            Field::text(AMOUNT, "Amount", &owed, "what you paid her").checked(checks::amount),
            Field::text(DATE, "Date", &ctx.today.to_string(), "YYYY-MM-DD").checked(checks::date),
            Field::text(NOTE, "Note", "", "optional"),
        ],
    )
}

/// Records the payout.
pub(crate) fn submit(ctx: &mut Edit, form: &Form) -> Result<String, FieldError> {
    let who = super::influencer(ctx, form)?;
    let amount = parse_amount(form.value(AMOUNT)).map_err(|e| (AMOUNT.0, e.to_string()))?;
    let date = parse_date(form.value(DATE)).map_err(|e| (DATE.0, e.to_string()))?;
    ctx.store
        .add_payout(who.id, amount, date, form.value(NOTE))
        .map_err(|e| (AMOUNT.0, e.to_string()))?;
    Ok(format!(
        "recorded a payout of {} to @{}",
        fmt2(amount),
        who.handle
    ))
}
