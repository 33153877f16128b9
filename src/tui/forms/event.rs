//! The event form: mark a sale, a market or a press mention (the lift model's baseline takes
//! its orders), or correct one.

use super::FieldError;
use super::{Edit, Seen};
use crate::domain::{NewEvent, parse_date};
use crate::tui::form::{Field, FieldKey, Form, FormKind, checks};

const NAME: FieldKey = FieldKey("name");
const DATE: FieldKey = FieldKey("date");
const TO: FieldKey = FieldKey("to");

/// The form, blank on today, or filled with event `id` for an edit.
pub(crate) fn build(ctx: &Seen, id: Option<i64>) -> Form {
    let row = id.and_then(|id| ctx.lists.events.iter().find(|r| r.id == id));
    Form::new(
        FormKind::Event { id },
        if row.is_some() {
            "Edit an event"
        } else {
            "Mark a sale, a market or a mention"
        },
        vec![
            Field::text(
                NAME,
                "Name",
                &row.map_or(String::new(), |r| r.name.clone()),
                "like Black Friday sale",
            ),
            Field::text(
                DATE,
                "First day",
                &row.map_or(ctx.today.to_string(), |r| r.first.to_string()),
                "YYYY-MM-DD",
            )
            .checked(checks::date),
            Field::text(
                TO,
                "Last day",
                &row.map_or(String::new(), |r| r.last.to_string()),
                "YYYY-MM-DD (blank: the first)",
            )
            .checked(checks::date),
        ],
    )
}

/// Saves the event (a new one, or event `id` changed).
pub(crate) fn submit(ctx: &mut Edit, id: Option<i64>, form: &Form) -> Result<String, FieldError> {
    let first = parse_date(form.value(DATE)).map_err(|e| (DATE.0, e.to_string()))?;
    let last = match form.value(TO).trim() {
        "" => None,
        text => Some(parse_date(text).map_err(|e| (TO.0, e.to_string()))?),
    };
    let event = NewEvent::new(form.value(NAME), first, last).map_err(|(f, e)| {
        let field = if f == "name" { NAME.0 } else { TO.0 };
        (field, e.to_string())
    })?;
    let saved = match id {
        Some(id) => ctx.store.update_event(id, &event).map(|()| "changed"),
        None => ctx.store.add_event(&event).map(|_| "marked"),
    };
    let verb = saved.map_err(|e| (NAME.0, e.to_string()))?;
    Ok(format!("{verb} the event {}", event.name))
}
