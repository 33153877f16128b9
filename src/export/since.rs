//! "Since last time" in words: what the app says when it opens after something moved.

use crate::domain::{fmt_count, fmt2, visible};
use crate::metrics::SinceLast;
use rust_decimal::Decimal;

/// The summary's lines: each creator who moved (orders, revenue, new customers added since),
/// then the new flags and the creators who turned unprofitable.
pub fn since_lines(s: &SinceLast) -> Vec<String> {
    let signed = |v: Decimal, text: String| {
        if v < Decimal::ZERO {
            text
        } else {
            format!("+{text}")
        }
    };
    let mut lines = Vec::new();
    if !s.moved.is_empty() {
        lines.push("Who moved (all time, since you last opened shoutout):".to_string());
        let width = s
            .moved
            .iter()
            .map(|m| visible(&m.handle).chars().count() + 1)
            .max()
            .unwrap_or(0);
        for m in &s.moved {
            let one = |n: rust_decimal::Decimal| n.abs() == rust_decimal::Decimal::ONE;
            lines.push(format!(
                "  {:<width$}  {} order{}  {} revenue  {} new customer{}",
                format!("@{}", visible(&m.handle)),
                signed(m.orders, fmt_count(m.orders)),
                if one(m.orders) { "" } else { "s" },
                signed(m.revenue, fmt2(m.revenue)),
                signed(m.new_customers, fmt_count(m.new_customers)),
                if one(m.new_customers) { "" } else { "s" },
            ));
        }
    }
    // A blank line between parts, never before the first.
    let gap = |lines: &mut Vec<String>| {
        if !lines.is_empty() {
            lines.push(String::new());
        }
    };
    if !s.turned_unprofitable.is_empty() {
        gap(&mut lines);
        lines.push("Now losing money (cost more than they brought):".to_string());
        for h in &s.turned_unprofitable {
            lines.push(format!("  @{}", visible(h)));
        }
    }
    if !s.new_flags.is_empty() {
        gap(&mut lines);
        lines.push("New flags:".to_string());
        for f in &s.new_flags {
            lines.push(format!("  {}", visible(f)));
        }
    }
    gap(&mut lines);
    lines.push("Any key closes this (settings: since-last-time off).".to_string());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_never_opens_with_a_blank_line() {
        let only_flags = SinceLast {
            moved: Vec::new(),
            new_flags: vec!["@ana: SARAH20 leaked?".into()],
            turned_unprofitable: Vec::new(),
        };
        let lines = since_lines(&only_flags);
        assert_eq!(lines[0], "New flags:");
        assert_eq!(
            lines.iter().filter(|l| l.is_empty()).count(),
            1,
            "{lines:?}"
        );
    }
}
