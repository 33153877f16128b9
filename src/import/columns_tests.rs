//! Unit tests of reading cells: amounts in either style, and the fast path that reads
//! the common ones exactly as the general one does.

use super::*;

#[test]
fn decimal_commas_are_read_exactly() {
    let eu = NumberStyle::guess(true);
    assert_eq!(eu.amount("12,50", 2).unwrap(), 1250);
    assert_eq!(eu.amount("1.234,5", 3).unwrap(), 123450);
    assert_eq!(eu.amount("7", 4).unwrap(), 700);
    assert_eq!(eu.amount("1.500,00", 5).unwrap(), 150000);
    // Decided: '.' groups thousands here.
    assert_eq!(eu.amount("2.000", 6).unwrap(), 200000);
    assert!(eu.amount("12,5O", 7).is_err());
    assert!(eu.amount("1,500", 8).is_err(), "3 decimals");
}

#[test]
fn a_file_decides_its_separator_once() {
    let us = NumberStyle::guess(false);
    assert!(us.amount("1.500", 2).is_err(), "3 decimals in a '.' file");
    assert_eq!(us.amount("12.50", 3).unwrap(), 1250);
    assert_eq!(
        us.amount("1,500", 4).unwrap(),
        150000,
        "',' groups thousands"
    );
    assert_eq!(us.amount("1,234.50", 5).unwrap(), 123450);
    let err = us.amount("12,50", 6).unwrap_err().to_string();
    assert!(
        err.contains("mixed separators") && err.contains("line 3"),
        "{err}"
    );
    // In a ';' file whose amounts use points, the points decide.
    let points = NumberStyle::guess(true);
    assert_eq!(points.amount("12.50", 2).unwrap(), 1250);
    assert!(points.amount("2.000", 3).is_err());
    assert!(points.amount("12,50", 4).is_err());
    // An ambiguous first value decides by the delimiter's custom.
    let first = NumberStyle::guess(true);
    assert_eq!(first.amount("2.000", 2).unwrap(), 200000);
    assert!(first.amount("12.50", 3).is_err());
    for bad in [
        "1.2.3",
        "1,2,3",
        "12.505",
        "1.500.5",
        "12345,678",
        ",",
        "-",
        "1e3",
        "1..2",
    ] {
        assert!(NumberStyle::guess(false).amount(bad, 1).is_err(), "{bad}");
    }
    assert_eq!(NumberStyle::guess(false).amount("-4.00", 1).unwrap(), -400);
    assert_eq!(NumberStyle::guess(false).amount(".5", 1).unwrap(), 50);
    assert_eq!(NumberStyle::fixed(true).amount("2.000", 1).unwrap(), 200000);
}

proptest::proptest! {
    /// Every amount reads the same through the fast path as through the general one, and
    /// leaves the file's decision the same, whatever came before it.
    #[test]
    fn the_fast_path_reads_as_the_general_one(
        comma in proptest::bool::ANY,
        cells in proptest::collection::vec("-?[0-9]{0,17}([.,][0-9]{0,4}){0,2}", 1..12),
    ) {
        let fast = NumberStyle::guess(comma);
        let general = NumberStyle::guess(comma);
        for (line, cell) in cells.iter().enumerate() {
            let t = cell.trim();
            let (negative, digits) = match t.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, t),
            };
            let read = fast.amount(cell, line as u64);
            if digits.is_empty() || !digits.bytes().any(|b| b.is_ascii_digit()) {
                proptest::prop_assert!(read.is_err());
                continue;
            }
            let expected = general.general(cell, t, negative, digits, line as u64);
            proptest::prop_assert_eq!(read.map_err(|e| e.expected), expected.map_err(|e| e.expected), "{}", cell);
            proptest::prop_assert_eq!(&*fast.decided.borrow(), &*general.decided.borrow());
        }
    }
}

proptest::proptest! {
    /// The quick trim is `str::trim`, whatever the cell: spaces, tabs, no-break and other
    /// Unicode spaces at either end, one character or none.
    #[test]
    fn a_cell_is_trimmed_as_str_trim_does(
        cell in r"[ \t\r\n\u{a0}\u{2009}\u{3000}]{0,2}[a-z0-9 #\u{e9}\u{a0}-]{0,6}[ \t\u{a0}\u{2009}]{0,2}"
    ) {
        proptest::prop_assert_eq!(trim_cell(&cell), cell.trim());
    }
}
