//! Dates a spreadsheet damaged: an order dated years away from the orders around it in the
//! file, most likely a `MM/DD/YY` date read back as `YY-MM-DD`. The classifier refuses them,
//! naming the misreading, or with `--fix-dates` imports the date the file meant
//! (docs/import-formats.md, "Damaged dates").
//!
//! Two rules, each over what the file itself says:
//! - **Read back into the bulk** ([`Bulk`]): a spreadsheet misreads whole runs of dates (every
//!   `11/01/20` … `11/12/20` of a month), so neighbours cannot vouch for each other. A date
//!   that a misreading explains (read as `MM/DD/YY` it is another date) is damaged when it
//!   lies more than a year outside the bulk of the file's other dates and its reading lies
//!   inside it. The bulk is the range of the dates no misreading explains, seen so far
//!   (first and last percentile, by month); in a year like 2020 no real date can be
//!   misread (`20` is no month), so the bulk is clean.
//! - **Far from its neighbours** ([`damaged_dates`]): any other date more than a year from the
//!   orders before and after it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

/// A date found damaged: why, in words, and the date the file meant when a misreading
/// explains it (what `--fix-dates` imports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Damage {
    pub why: String,
    pub meant: Option<NaiveDate>,
}

/// The bulk of a file's dates: how many orders fell in each month (counted from year 0),
/// among those no misreading explains.
#[derive(Debug, Default)]
pub(crate) struct Bulk {
    months: BTreeMap<i32, u64>,
    total: u64,
    /// The date of the last order judged sound (or repaired), in file order.
    last_good: Option<NaiveDate>,
}

/// How close (in days) a misread date's reading must be to the sound orders just before or
/// after it in the file: order numbers rise with time, and a file lists them in order, so a
/// run of misread dates sits among orders of the days it meant.
const SEQUENCE: i64 = 62;

/// How far outside the bulk a date must lie to be damaged, and how close to it its reading
/// must land, in days.
const YEAR: i64 = 366;

impl Bulk {
    /// Judges one chunk of dates (in file order) after adding those no misreading explains
    /// to the bulk: the positions of the damaged ones with their reading.
    pub(crate) fn judge(&mut self, dates: &[NaiveDate]) -> Vec<(usize, Damage)> {
        let readings: Vec<Option<(String, NaiveDate)>> =
            dates.iter().map(|&d| far_misreading(d)).collect();
        // Counted a run of one month at a time: a file's dates come in order.
        let mut run: Option<(i32, u64)> = None;
        for (d, r) in dates.iter().zip(&readings) {
            if r.is_some() {
                continue;
            }
            let month = month_of(*d);
            match &mut run {
                Some((m, n)) if *m == month => *n += 1,
                _ => {
                    if let Some((m, n)) = run.replace((month, 1)) {
                        *self.months.entry(m).or_default() += n;
                    }
                }
            }
            self.total += 1;
        }
        if let Some((m, n)) = run {
            *self.months.entry(m).or_default() += n;
        }
        let none_misread = readings.iter().all(Option::is_none);
        let range = self.range().filter(|_| !none_misread);
        let Some((lo, hi)) = range else {
            self.last_good = dates.last().copied().or(self.last_good);
            return Vec::new();
        };
        let outside = |d: NaiveDate| (lo - d).num_days() > YEAR || (d - hi).num_days() > YEAR;
        let inside = |d: NaiveDate| (lo - d).num_days() <= YEAR && (d - hi).num_days() <= YEAR;
        // The next date no misreading explains, from each position on (within the chunk).
        let mut next = vec![None; dates.len()];
        let mut ahead = None;
        for i in (0..dates.len()).rev() {
            next[i] = ahead;
            if readings[i].is_none() {
                ahead = Some(dates[i]);
            }
        }
        let mut out = Vec::new();
        for (i, (&d, r)) in dates.iter().zip(&readings).enumerate() {
            let sound = match r {
                Some((text, meant))
                    if outside(d) && inside(*meant) && self.in_sequence(*meant, next[i]) =>
                {
                    let why = format!(
                        "a date far from the file's other orders ({lo} to {hi}): looks like a \
                         spreadsheet read {text} as {d} (meant {meant}? --fix-dates imports \
                         it so)"
                    );
                    out.push((
                        i,
                        Damage {
                            why,
                            meant: Some(*meant),
                        },
                    ));
                    *meant
                }
                _ => d,
            };
            self.last_good = Some(sound);
        }
        out
    }

    /// Whether `meant` fits among the sound orders around it in the file: within
    /// [`SEQUENCE`] days of the last one before it or the next one after it (with neither
    /// known, the bulk alone decides).
    fn in_sequence(&self, meant: NaiveDate, next: Option<NaiveDate>) -> bool {
        let near =
            |o: Option<NaiveDate>| o.is_some_and(|x| (x - meant).num_days().abs() <= SEQUENCE);
        (self.last_good.is_none() && next.is_none()) || near(self.last_good) || near(next)
    }

    /// The first day of the first percentile's month and the last day of the last's.
    fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        if self.total == 0 {
            return None;
        }
        let cut = self.total / 100;
        let at = |months: Vec<(&i32, &u64)>| {
            let mut seen = 0;
            for (m, n) in months {
                seen += n;
                if seen > cut {
                    return Some(*m);
                }
            }
            None
        };
        let first = at(self.months.iter().collect())?;
        let last = at(self.months.iter().rev().collect())?;
        let start =
            |m: i32| NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1);
        Some((start(first)?, start(last + 1)?.pred_opt()?))
    }
}

fn month_of(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// The misreading that explains `d` and the date it meant, when that date lies more than a
/// year from `d` (a closer one changes too little to tell).
fn far_misreading(d: NaiveDate) -> Option<(String, NaiveDate)> {
    let (text, meant) = reading(d)?;
    ((meant - d).num_days().abs() > YEAR).then_some((text, meant))
}

/// How many orders on each side an order's date is compared with.
pub(crate) const NEIGHBOURS: usize = 15;
/// A side with fewer neighbours than this is not used (its median is too easily misled).
const SIDE: usize = 5;

/// The orders (by position in `dates`) whose date is more than a year away from the median
/// date of the orders before it *and* from that of the orders after it (up to
/// [`NEIGHBOURS`] each side, `before` continuing the file's earlier orders; a side with
/// fewer than [`SIDE`] is not used), with the reason in words: a spreadsheet that misread a date,
/// most likely. A shop's real gap of years breaks only one side's closeness.
pub(crate) fn damaged_dates(
    before: &[chrono::NaiveDate],
    dates: &[chrono::NaiveDate],
) -> Vec<(usize, Damage)> {
    // At most NEIGHBOURS dates, sorted in place on the stack: no allocation per order.
    let median = |dates: &mut dyn Iterator<Item = chrono::NaiveDate>| {
        let mut v = [chrono::NaiveDate::MIN; NEIGHBOURS];
        let mut n = 0;
        for d in dates.take(NEIGHBOURS) {
            v[n] = d;
            n += 1;
        }
        (n >= SIDE).then(|| {
            v[..n].sort_unstable();
            v[n / 2]
        })
    };
    let far = |a: chrono::NaiveDate, b: chrono::NaiveDate| (a - b).num_days().abs() > 365;
    let mut out = Vec::new();
    // The earlier dates found good: a damaged one never misleads the orders after it.
    let mut good: std::collections::VecDeque<chrono::NaiveDate> = before
        .iter()
        .rev()
        .take(NEIGHBOURS)
        .rev()
        .copied()
        .collect();
    for (i, &d) in dates.iter().enumerate() {
        let (p, n) = (
            median(&mut good.iter().rev().copied()),
            median(&mut dates[i + 1..].iter().copied()),
        );
        // Far from both sides; or, with one side only (the file's first or last orders),
        // far from it and read back near it as a misread MM/DD/YY: a real gap of years at
        // the end of a file is not damage.
        let damaged = match (p, n) {
            (Some(p), Some(n)) if far(d, p) && far(d, n) => Some(damaged_hint(d, p)),
            (Some(side), None) | (None, Some(side)) if far(d, side) => {
                misread(d, side).map(|_| damaged_hint(d, side))
            }
            _ => None,
        };
        match damaged {
            Some(why) => out.push((i, why)),
            None => {
                if good.len() == NEIGHBOURS {
                    good.pop_front();
                }
                good.push_back(d);
            }
        }
    }
    out
}

/// What a date far from its neighbours (`around`) is likely to be: when reading it back as
/// `YY/MM/DD` of an `MM/DD/YY` date lands near them, the spreadsheet's misreading is named
/// (and the date it meant is what `--fix-dates` imports).
fn damaged_hint(d: chrono::NaiveDate, around: chrono::NaiveDate) -> Damage {
    match misread(d, around) {
        Some((text, meant)) => Damage {
            why: format!(
                "a date near the orders around it ({around}): looks like a spreadsheet read \
                 {text} as {d} (meant {meant}? --fix-dates imports it so)"
            ),
            meant: Some(meant),
        },
        None => Damage {
            why: format!("a date near the orders around it ({around}): the date looks damaged"),
            meant: None,
        },
    }
}

/// The `MM/DD/YY` text a spreadsheet would have misread as `d` (`YY-MM-DD`), and the date it
/// meant, when that date lands within a year of `around`.
fn misread(d: chrono::NaiveDate, around: chrono::NaiveDate) -> Option<(String, chrono::NaiveDate)> {
    reading(d).filter(|(_, meant)| (*meant - around).num_days().abs() <= YEAR)
}

/// The `MM/DD/YY` text a spreadsheet would have misread as `d` (`YY-MM-DD`: `11/12/20` as
/// 2011-12-20), and the date it meant (2020-11-12), if there is one.
fn reading(d: NaiveDate) -> Option<(String, NaiveDate)> {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(2000..2100).contains(&y) {
        return None;
    }
    let meant = NaiveDate::from_ymd_opt(2000 + day as i32, (y % 100) as u32, m)?;
    Some((format!("{:02}/{:02}/{:02}", y % 100, m, day), meant))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_date_far_from_its_neighbours_on_both_sides_is_damaged_and_a_real_gap_is_not() {
        let days: Vec<_> = (1..=15).map(|n| d(&format!("2020-11-{n:02}"))).collect();
        let mut misread = days.clone();
        misread[4] = d("2011-05-20");
        let found = damaged_dates(&[], &misread);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 4);
        assert!(
            found[0].1.why.contains("read 11/05/20 as 2011-05-20"),
            "{}",
            found[0].1.why
        );
        assert_eq!(found[0].1.meant, Some(d("2020-11-05")));
        // A shop that sold nothing for three years: close to the orders after the gap.
        let mut gap: Vec<_> = (1..=5).map(|n| d(&format!("2017-03-{n:02}"))).collect();
        gap.extend((1..=5).map(|n| d(&format!("2020-06-{n:02}"))));
        assert!(damaged_dates(&[], &gap).is_empty());
        // The orders of the chunk before count as neighbours: at the end of a file, a date
        // that reads back near them as a misread 10/11/20 is damaged; any other is not.
        let before: Vec<_> = (1..=5).map(|n| d(&format!("2020-10-{n:02}"))).collect();
        assert_eq!(damaged_dates(&before, &[d("2010-11-20")]).len(), 1);
        assert!(damaged_dates(&before, &[d("2031-01-01")]).is_empty());
    }
}
