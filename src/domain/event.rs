//! A shop-wide event (a sale, Black Friday, a market stall, a press mention): days on which
//! the shop sold more for a reason that is no creator's. The lift model's baseline absorbs
//! them instead of crediting whoever posted that week.

use super::{MAX_TEXT, ValueError};
use chrono::NaiveDate;

/// An event as entered: its name and its first and last day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub name: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The longest an event may run: a sale of a season, not a standing discount.
pub const MAX_EVENT_DAYS: i64 = 92;

impl NewEvent {
    /// An event from `first` to `last` (the same day when `last` is `None`). The name must
    /// say something, in at most [`MAX_TEXT`] characters; `last` may not come before
    /// `first`, nor more than [`MAX_EVENT_DAYS`] days after it.
    pub fn new(
        name: &str,
        first: NaiveDate,
        last: Option<NaiveDate>,
    ) -> Result<NewEvent, (&'static str, ValueError)> {
        // Control and direction characters would change how a report or the terminal shows
        // the text around the name: they are dropped.
        let kept: String = name
            .chars()
            .filter(|&c| !super::text::is_unsafe(c))
            .collect();
        let name = kept.trim();
        if name.is_empty() || name.chars().count() > MAX_TEXT {
            return Err((
                "name",
                ValueError::new(
                    name,
                    format!("a name of 1 to {MAX_TEXT} characters, like \"Black Friday sale\""),
                ),
            ));
        }
        let last = last.unwrap_or(first);
        if last < first {
            return Err((
                "to",
                ValueError::new(
                    &last.to_string(),
                    format!("a last day on or after the first ({first})"),
                ),
            ));
        }
        if (last - first).num_days() >= MAX_EVENT_DAYS {
            return Err((
                "to",
                ValueError::new(
                    &last.to_string(),
                    format!(
                        "a last day within {MAX_EVENT_DAYS} days of the first ({first}): an event is a sale or a mention, not a season"
                    ),
                ),
            ));
        }
        Ok(NewEvent {
            name: name.to_string(),
            first,
            last,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn an_event_has_a_name_and_days_in_order() {
        let e = NewEvent::new("  Black Friday ", day(27), Some(day(30))).unwrap();
        assert_eq!(
            (e.name.as_str(), e.first, e.last),
            ("Black Friday", day(27), day(30))
        );
        assert_eq!(NewEvent::new("Stall", day(3), None).unwrap().last, day(3));
        assert_eq!(NewEvent::new(" ", day(3), None).unwrap_err().0, "name");
        let backwards = NewEvent::new("Sale", day(10), Some(day(9))).unwrap_err();
        assert_eq!(backwards.0, "to");
        assert!(
            backwards.1.to_string().contains("on or after"),
            "{}",
            backwards.1
        );
    }
}
