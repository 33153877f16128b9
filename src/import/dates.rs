//! Dates a spreadsheet damaged: an order dated years away from the orders around it in the
//! file, most likely a `MM/DD/YY` date read back as `YY-MM-DD`. The classifier refuses them,
//! naming the misreading (docs/import-formats.md, "Damaged dates").

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
) -> Vec<(usize, String)> {
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
/// `YY/MM/DD` of an `MM/DD/YY` date lands near them, the spreadsheet's misreading is named.
fn damaged_hint(d: chrono::NaiveDate, around: chrono::NaiveDate) -> String {
    match misread(d, around) {
        Some((text, meant)) => format!(
            "a date near the orders around it ({around}): looks like a spreadsheet read {text} \
             as {d} (meant {meant}?)"
        ),
        None => format!("a date near the orders around it ({around}): the date looks damaged"),
    }
}

/// The `MM/DD/YY` text a spreadsheet would have misread as `d` (`YY-MM-DD`), and the date it
/// meant, when that date lands within a year of `around`.
fn misread(d: chrono::NaiveDate, around: chrono::NaiveDate) -> Option<(String, chrono::NaiveDate)> {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    let meant = chrono::NaiveDate::from_ymd_opt(2000 + day as i32, (y % 100) as u32, m)?;
    ((meant - around).num_days().abs() <= 366)
        .then(|| (format!("{:02}/{:02}/{:02}", y % 100, m, day), meant))
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
            found[0].1.contains("read 11/05/20 as 2011-05-20"),
            "{}",
            found[0].1
        );
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
