//! A campaign's progress in words and text gauges: `shoutout campaign show` prints these
//! lines and the app's Campaigns screen shows them under the list.

use crate::domain::{fmt_count, fmt2};
use crate::metrics::{CampaignProgress, Measure, Pace};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Cells of a gauge.
const GAUGE: usize = 20;

/// A gauge of `share` (0 to 1, more is full) in `GAUGE` cells: `█` done, eighths at the edge,
/// `░` to go.
pub fn gauge(share: Decimal) -> String {
    const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (share.clamp(Decimal::ZERO, Decimal::ONE) * Decimal::from(GAUGE as u64 * 8))
        .round()
        .to_usize()
        .unwrap_or(0);
    let (full, part) = (eighths / 8, eighths % 8);
    let mut out = "█".repeat(full);
    if part > 0 {
        out.push(PARTIAL[part]);
    }
    let used = full + usize::from(part > 0);
    out.push_str(&"░".repeat(GAUGE - used));
    out
}

fn pace_word(p: Pace) -> &'static str {
    match p {
        Pace::Reached => "reached",
        Pace::OnTrack => "on track",
        Pace::Behind => "behind",
        Pace::Unknown => "",
    }
}

fn value(m: &Measure, v: Decimal) -> String {
    if m.money { fmt2(v) } else { fmt_count(v) }
}

fn percent(share: Decimal) -> String {
    format!("{} %", (share * Decimal::ONE_HUNDRED).round())
}

/// The lines: the pace in one line, then one line per figure (the goal's own first), then
/// the spend against the budget.
pub fn campaign_lines(goal: &str, p: &CampaignProgress) -> Vec<String> {
    let ended = p.elapsed.is_some_and(|e| e >= Decimal::ONE);
    let days = match p.elapsed {
        None => "no start and end dates: no pace".into(),
        Some(_) if ended => "ended".to_string(),
        Some(e) => format!("{} of its days gone", percent(e)),
    };
    let verdict = match p.verdict {
        Pace::Unknown => "set a target to see the pace".to_string(),
        // Once it has ended, it met its targets or it fell short: no pace any more.
        Pace::Behind if ended => "fell short of its targets".to_string(),
        v => pace_word(v).to_string(),
    };
    let mut lines = vec![format!("Goal {goal} · {days} · {verdict}")];
    let width = p.measures.iter().map(|m| m.name.len()).max().unwrap_or(0);
    for m in &p.measures {
        let line = match (m.target, m.share()) {
            (Some(t), Some(share)) => format!(
                "{:<width$}  {}  {} / {}  {}  {}",
                m.name,
                gauge(share),
                value(m, m.actual),
                value(m, t),
                percent(share),
                pace_word(p.pace(m))
            ),
            _ => format!("{:<width$}  {}  (no target)", m.name, value(m, m.actual)),
        };
        lines.push(line.trim_end().to_string());
    }
    let spend = match p.budget {
        Some(b) if !b.is_zero() => format!(
            "{:<width$}  {}  {} / {} budget  {}{}",
            "Spend",
            gauge(p.spend / b),
            fmt2(p.spend),
            fmt2(b),
            percent(p.spend / b),
            if p.over_budget() { "  over budget" } else { "" }
        ),
        _ => format!("{:<width$}  {}  (no budget)", "Spend", fmt2(p.spend)),
    };
    lines.push(spend);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_gauge_fills_by_eighths_and_never_overflows() {
        assert_eq!(gauge(dec!(0)), "░".repeat(20));
        assert_eq!(gauge(dec!(0.5)), "█".repeat(10) + &"░".repeat(10));
        assert_eq!(gauge(dec!(0.00625)), format!("▏{}", "░".repeat(19)));
        assert_eq!(gauge(dec!(0.0125)), format!("▎{}", "░".repeat(19)));
        assert_eq!(gauge(dec!(3)), "█".repeat(20));
    }
}
