//! Promo codes as a cell of an export holds them: split on the shop's separator,
//! normalised like a typed code, duplicates removed, sorted; and a tracking tag compared
//! the same way.

/// Text as a tag is compared (trimmed, upper-cased like a code); `None` when empty.
pub(crate) fn tag(text: &str) -> Option<String> {
    Some(crate::domain::normalize_code(text)).filter(|t| !t.is_empty())
}

/// What shops write in the discount-code column for a discount no code gave: Shopify's
/// manual discount on an order ("Custom discount"). Never a code, never "unassigned".
const NOT_CODES: [&str; 2] = ["CUSTOM DISCOUNT", "MANUAL DISCOUNT"];

/// A normalised code, unless it is empty or one of [`NOT_CODES`].
fn a_code(text: &str) -> Option<String> {
    let code = crate::domain::normalize_code(text);
    (!code.is_empty() && !NOT_CODES.contains(&code.as_str())).then_some(code)
}

/// Splits a cell of promo codes on `separator`, normalised, duplicates removed, sorted.
pub(crate) fn split_codes(cell: &str, separator: &str) -> Vec<String> {
    split_codes_any(cell, &[separator])
}

/// [`split_codes`] for a cell whose codes may be joined by any of `separators` (Shopify
/// joins combined discounts with `", "` in newer exports and `" + "` in older ones).
pub(crate) fn split_codes_any(cell: &str, separators: &[&str]) -> Vec<String> {
    if cell.trim().is_empty() {
        return Vec::new(); // most orders: no code, and nothing to allocate
    }
    if !separators.iter().any(|sep| cell.contains(sep)) {
        // One code, the usual case of an order with one.
        return a_code(cell).into_iter().collect();
    }
    let mut parts = vec![cell];
    for sep in separators {
        parts = parts.into_iter().flat_map(|p| p.split(*sep)).collect();
    }
    let mut codes: Vec<String> = parts.into_iter().filter_map(a_code).collect();
    codes.sort();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_split_and_dedupe() {
        assert_eq!(
            split_codes("SPRING10;spring10; ANA ", ";"),
            ["ANA", "SPRING10"]
        );
        assert_eq!(split_codes("", ", "), Vec::<String>::new());
        assert_eq!(
            split_codes_any("CYBERCASA, transfer10 + Sarah20", &[", ", " + "]),
            ["CYBERCASA", "SARAH20", "TRANSFER10"]
        );
        // One code, no separator: the quick path gives what the general one does.
        assert_eq!(split_codes_any(" sarah20 ", &[", ", " + "]), ["SARAH20"]);
        // Shopify's manual discount is no code, alone or beside one.
        assert!(split_codes_any("Custom discount", &[", ", " + "]).is_empty());
        assert_eq!(
            split_codes_any("custom discount, ANA", &[", ", " + "]),
            ["ANA"]
        );
        assert_eq!(split_codes_any("sarah20,", &[", "]), ["SARAH20,"]);
    }
}
