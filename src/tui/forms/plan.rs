//! The deal planner, from the influencer list: a fee, a product value and a number of posts
//! in, the plan of `shoutout plan` out (what she must bring, what to expect, the most worth
//! paying), shown in a note.

use super::Seen;
use super::{FieldError, INFLUENCER, handles};
use crate::domain::parse_nonnegative_amount;
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const FEE: FieldKey = FieldKey("fee");
const PRODUCT: FieldKey = FieldKey("product");
const POSTS: FieldKey = FieldKey("posts");

/// The form, for the creator `who` (`@handle`).
pub(crate) fn build(ctx: &Seen, who: &str) -> Form {
    Form::new(
        FormKind::Plan,
        "Plan a deal: what would she have to bring?",
        vec![
            Field::choice(INFLUENCER, "Influencer", handles(ctx), who),
            Field::text(FEE, "Fee", "", "the cash fee you would pay").checked(checks::amount),
            Field::text(PRODUCT, "Product", "", "value of gifted product; blank = 0")
                .checked(checks::amount),
            Field::text(POSTS, "Posts", "1", "posts the deal buys").checked(checks::count),
        ],
    )
}

/// The plan in words, as `shoutout plan` prints it.
pub(crate) fn plan(ctx: &Seen, form: &Form) -> Result<Vec<String>, FieldError> {
    let who = super::influencer(ctx, form)?;
    let amount = |key: FieldKey| match form.value(key) {
        "" => Ok(rust_decimal::Decimal::ZERO),
        v => parse_nonnegative_amount(v).map_err(|e| (key.0, e.to_string())),
    };
    let posts = match form.value(POSTS) {
        "" => 1,
        v => crate::domain::parse_count(v)
            .ok()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or((POSTS.0, "a number of posts, like 1 or 3".to_string()))?,
    };
    let request = crate::metrics::PlanRequest {
        influencer_id: Some(who.id),
        followers: who.followers,
        platform: who.platform,
        fee: amount(FEE)?,
        product: amount(PRODUCT)?,
        commission_pct: who.commission_pct,
        posts,
    };
    let tiers = ctx.store.tiers().unwrap_or_default();
    let rows = crate::metrics::scorecard(ctx.facts, &Default::default(), ctx.today).rows;
    let plan = crate::metrics::plan(
        ctx.facts,
        &rows,
        &request,
        ctx.facts.profit.as_ref(),
        &tiers,
    );
    Ok(crate::export::plan_lines(
        &plan,
        &request,
        Some(&who.handle),
        ctx.facts.profit.is_some(),
        &tiers,
    ))
}
