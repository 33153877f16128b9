//! Every formula of the scorecard, as pure functions over [`Facts`].
//!
//! `scorecard(facts, options, today)` is the one report the CLI, the TUI and the CSV export
//! all call, so they can never disagree. Nothing here reads files, the database or the clock:
//! "today" is a parameter and the facts are plain data loaded by `store`. Each formula's doc
//! comment states it; `docs/metrics.md` states the same with a worked example.

mod attribution;
mod campaigns;
mod cohort;
mod dense;
mod derived;
mod facts;
mod flags;
mod formulas;
mod gifts;
mod lift;
mod lift_events;
mod lift_fit;
mod lift_leak;
mod lift_read;
mod lift_report;
mod lift_rows;
mod lift_shape;
mod lift_uses;
mod linalg;
mod payouts;
mod period;
mod plan;
mod profit;
mod row;
mod schedule;
mod scorecard;
mod series;
mod since;
mod sources;
mod views;

pub use attribution::{Prepared, prepare};
pub use campaigns::{CampaignPlan, CampaignProgress, Measure, Pace, campaign_progress};
pub use cohort::{
    CHART_MONTHS, Cohort, CohortBuilder, CohortDetail, CohortFact, CohortSums, DEFAULT_LTV_DAYS,
    DETAIL_DAYS, GroupKey, Health, LtvThresholds, MAX_LTV_DAYS, MONTH_DAYS, WindowOrder, bound_of,
    cohort_bounds, cohort_detail, cohorts_within,
};
pub use derived::{
    DayFact, DayGroups, DaySums, FirstOrders, GoodsParts, Precedence, day_groups, is_new,
};
pub use facts::{
    CampaignFact, CodeFact, CostFact, EventFact, Facts, GiftFact, InfluencerFact, LinkFact,
    OrderFact, OrderGoods, PayoutFact, PostFact, ProfitSettings, ShopSpan,
};
pub use flags::{EngagementRanges, Flag, FlagKind, RANGED_PLATFORMS, TierRanges, engagement_flags};
pub use formulas::{
    aov, cac, counts, engagement_rate_pct, engagements, is_counted, ltv, ltv_to_cac, net_cents,
    net_revenue, roas, roi_pct,
};
pub use gifts::{
    DEFAULT_FOLLOW_UP_DAYS, GiftLine, GiftStatus, SeedingFigures, gift_ledger, gift_status,
    seeding_figures,
};
pub use lift::{leak_warnings, lift};
pub use lift_report::{LiftOptions, LiftReport, LiftRow};
pub use payouts::{PayoutLine, payouts};
pub use period::Period;
pub use plan::{Plan, PlanRequest, Tiers, plan};
pub use profit::{
    breakeven_roas, goods_cost, goods_share, gross_profit, order_goods, profit_roi_pct,
};
pub use row::{Metric, ScoreRow, Scorecard, ScorecardOptions, SortKey, rank, search};
pub use schedule::{
    SCHEDULE_DAYS, Schedule, Slot, burst_days, schedule, schedule_lines, smallest_effect,
};
pub use scorecard::{posts_in_scope, scorecard, scorecard_prepared};
pub use series::{
    CreatorSeries, DAILY_UP_TO, Payback, PaybackPoint, SalesBucket, creator_series, extent,
    weekly_orders,
};
pub use since::{CreatorTotals, Moved, SinceLast, Snapshot, since_last, snapshot};
pub use sources::marketing_tool;
pub use views::{Compared, View, ViewRow, compare_views, view_rows};
