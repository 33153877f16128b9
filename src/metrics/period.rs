//! Reporting periods, resolved against a "today" that the caller passes in.

use chrono::{Datelike, Duration, NaiveDate};

/// The dates a scorecard covers (inclusive at both ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    #[default]
    AllTime,
    /// Monday to Sunday of the week holding today.
    ThisWeek,
    /// The calendar month holding today.
    ThisMonth,
    /// The calendar quarter holding today.
    ThisQuarter,
    /// From and to (either may be open).
    Custom {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

impl Period {
    /// The first and last day covered; `None` is open-ended.
    pub fn range(self, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            Period::AllTime => (None, None),
            Period::ThisWeek => {
                let start = today - Duration::days(today.weekday().num_days_from_monday().into());
                (Some(start), Some(start + Duration::days(6)))
            }
            Period::ThisMonth => {
                let start = today.with_day(1).expect("day 1 exists");
                (Some(start), Some(last_day_before(add_months(start, 1))))
            }
            Period::ThisQuarter => {
                let first_month = (today.month0() / 3) * 3 + 1;
                let start = NaiveDate::from_ymd_opt(today.year(), first_month, 1)
                    .expect("quarter start exists");
                (Some(start), Some(last_day_before(add_months(start, 3))))
            }
            Period::Custom { from, to } => (from, to),
        }
    }

    /// Whether `date` falls inside the period.
    pub fn contains(range: (Option<NaiveDate>, Option<NaiveDate>), date: NaiveDate) -> bool {
        range.0.is_none_or(|from| date >= from) && range.1.is_none_or(|to| date <= to)
    }

    /// A short label: "all time", "this month", "2026-05-01 – 2026-05-31".
    pub fn label(self) -> String {
        match self {
            Period::AllTime
            | Period::Custom {
                from: None,
                to: None,
            } => "all time".into(),
            Period::ThisWeek => "this week".into(),
            Period::ThisMonth => "this month".into(),
            Period::ThisQuarter => "this quarter".into(),
            Period::Custom { from, to } => format!(
                "{} – {}",
                from.map_or("…".into(), |d| d.to_string()),
                to.map_or("…".into(), |d| d.to_string())
            ),
        }
    }
}

fn add_months(first_of_month: NaiveDate, months: u32) -> NaiveDate {
    first_of_month
        .checked_add_months(chrono::Months::new(months))
        .expect("date in range")
}

fn last_day_before(date: NaiveDate) -> NaiveDate {
    date.pred_opt().expect("date in range")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_custom_period_without_either_date_is_all_time() {
        let open = Period::Custom {
            from: None,
            to: None,
        };
        assert_eq!(open.label(), "all time");
        let half = Period::Custom {
            from: Some(d(2026, 5, 1)),
            to: None,
        };
        assert_eq!(half.label(), "2026-05-01 – …");
    }

    #[test]
    fn periods_resolve_against_today() {
        let today = d(2026, 11, 22); // a Sunday
        assert_eq!(
            Period::ThisWeek.range(today),
            (Some(d(2026, 11, 16)), Some(d(2026, 11, 22)))
        );
        assert_eq!(
            Period::ThisMonth.range(today),
            (Some(d(2026, 11, 1)), Some(d(2026, 11, 30)))
        );
        assert_eq!(
            Period::ThisQuarter.range(today),
            (Some(d(2026, 10, 1)), Some(d(2026, 12, 31)))
        );
        assert_eq!(
            Period::ThisMonth.range(d(2024, 2, 10)).1,
            Some(d(2024, 2, 29))
        );
        assert!(Period::contains((Some(d(2026, 1, 1)), None), d(2026, 1, 1)));
        assert!(!Period::contains(
            (None, Some(d(2026, 1, 1))),
            d(2026, 1, 2)
        ));
    }
}
