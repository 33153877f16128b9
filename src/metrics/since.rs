//! Since last time: what moved between two openings of the app. A [`Snapshot`] of each
//! creator's all-time totals and of the flags raised is kept when the app opens; the next
//! opening compares the new one with it ([`since_last`]).

use super::ScoreRow;
use rust_decimal::Decimal;

/// One creator's all-time totals when the app opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatorTotals {
    pub id: i64,
    pub handle: String,
    pub orders: Decimal,
    pub revenue: Decimal,
    pub new_customers: Decimal,
    /// She cost more than she brought: profit ROI (ROI until profit is known) below 0.
    pub losing: bool,
}

/// What the app knew when it opened.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    pub creators: Vec<CreatorTotals>,
    /// Every flag raised, in words (leaks, engagement anomalies).
    pub flags: Vec<String>,
}

/// Whether a row is losing money: profit ROI below 0 once profit is known, else ROI.
fn losing(row: &ScoreRow) -> bool {
    row.profit_roi_pct
        .or(row.roi_pct)
        .is_some_and(|r| r < Decimal::ZERO)
}

/// The snapshot of an all-time scorecard's rows and the flags raised.
pub fn snapshot(rows: &[ScoreRow], flags: Vec<String>) -> Snapshot {
    Snapshot {
        creators: rows
            .iter()
            .map(|r| CreatorTotals {
                id: r.influencer_id,
                handle: r.handle.clone(),
                orders: r.orders,
                revenue: r.revenue,
                new_customers: r.new_customers,
                losing: losing(r),
            })
            .collect(),
        flags,
    }
}

/// A creator whose totals moved: by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub handle: String,
    pub orders: Decimal,
    pub revenue: Decimal,
    pub new_customers: Decimal,
}

/// What changed since the last opening.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SinceLast {
    /// Creators whose orders, revenue or new customers changed (a new creator counts from 0).
    pub moved: Vec<Moved>,
    /// Flags raised now that were not then.
    pub new_flags: Vec<String>,
    /// Creators losing money now who were not then (handles).
    pub turned_unprofitable: Vec<String>,
}

impl SinceLast {
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.new_flags.is_empty() && self.turned_unprofitable.is_empty()
    }
}

/// The differences from `then` to `now`.
pub fn since_last(then: &Snapshot, now: &Snapshot) -> SinceLast {
    let mut out = SinceLast::default();
    for c in &now.creators {
        let before = then.creators.iter().find(|b| b.id == c.id);
        let (orders, revenue, new) = before
            .map_or((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO), |b| {
                (b.orders, b.revenue, b.new_customers)
            });
        let moved = Moved {
            handle: c.handle.clone(),
            orders: c.orders - orders,
            revenue: c.revenue - revenue,
            new_customers: c.new_customers - new,
        };
        if !(moved.orders.is_zero() && moved.revenue.is_zero() && moved.new_customers.is_zero()) {
            out.moved.push(moved);
        }
        if c.losing && !before.is_some_and(|b| b.losing) {
            out.turned_unprofitable.push(c.handle.clone());
        }
    }
    out.moved
        .sort_by(|a, b| b.revenue.cmp(&a.revenue).then(a.handle.cmp(&b.handle)));
    out.new_flags = now
        .flags
        .iter()
        .filter(|f| !then.flags.contains(f))
        .cloned()
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn totals(id: i64, orders: Decimal, revenue: Decimal, losing: bool) -> CreatorTotals {
        CreatorTotals {
            id,
            handle: format!("c{id}"),
            orders,
            revenue,
            new_customers: orders,
            losing,
        }
    }

    #[test]
    fn only_what_moved_is_told() {
        let then = Snapshot {
            creators: vec![
                totals(1, dec!(3), dec!(90), false),
                totals(2, dec!(1), dec!(10), false),
            ],
            flags: vec!["old flag".into()],
        };
        let now = Snapshot {
            creators: vec![
                totals(1, dec!(5), dec!(150), false),
                totals(2, dec!(1), dec!(10), true),
                totals(3, dec!(0.5), dec!(20), false),
            ],
            flags: vec!["old flag".into(), "new flag".into()],
        };
        let s = since_last(&then, &now);
        assert_eq!(
            s.moved,
            [
                Moved {
                    handle: "c1".into(),
                    orders: dec!(2),
                    revenue: dec!(60),
                    new_customers: dec!(2)
                },
                Moved {
                    handle: "c3".into(),
                    orders: dec!(0.5),
                    revenue: dec!(20),
                    new_customers: dec!(0.5)
                }
            ]
        );
        assert_eq!(s.new_flags, ["new flag"]);
        assert_eq!(s.turned_unprofitable, ["c2"]);
        assert!(since_last(&now, &now).is_empty());
    }
}
