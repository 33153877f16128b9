//! The reading commands' shape: the scorecard, the report to share and the lift model.

use super::{parse_platform, parse_sort};
use crate::domain::{Platform, parse_date};
use crate::metrics::SortKey;
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ScorecardArgs {
    /// roi, cac, engagement, revenue, profit or ltv-cac
    #[arg(long, default_value = "roi", value_parser = parse_sort)]
    pub sort: SortKey,
    /// First day counted (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last day counted (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Only influencers on this platform
    #[arg(long, value_parser = parse_platform)]
    pub platform: Option<Platform>,
    /// Only this campaign's costs, posts and codes
    #[arg(long)]
    pub campaign: Option<String>,
    /// Write CSV to FILE, or to standard output with -
    #[arg(long, value_name = "FILE|-")]
    pub csv: Option<PathBuf>,
    /// Replace FILE even if it is not a scorecard CSV that shoutout wrote (the database is
    /// never replaced)
    #[arg(long, requires = "csv")]
    pub force: bool,
    /// Show the shop's other channels below the creators (never in their ranks)
    #[arg(long)]
    pub channels: bool,
    /// Print JSON for scripts (amounts as decimal strings) instead of the table
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Rank by another answer to "who is worth it?": code (last touch, the default),
    /// customer (first touch: what her customers spent over their window) or incremental
    /// (what the lift model says she caused)
    #[arg(long, default_value = "code", value_parser = parse_view, conflicts_with = "json")]
    pub view: crate::metrics::View,
    /// Each creator's rank under all three views, one line each
    #[arg(long, conflicts_with_all = ["json", "view"])]
    pub compare: bool,
}

fn parse_view(s: &str) -> Result<crate::metrics::View, crate::domain::ValueError> {
    s.parse()
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// First day counted (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last day counted (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// A page for this creator: her own results only, never another creator's
    #[arg(long, value_name = "HANDLE", conflicts_with = "campaign")]
    pub influencer: Option<String>,
    /// Only this campaign's costs, posts and codes
    #[arg(long)]
    pub campaign: Option<String>,
    /// roi, cac, engagement, revenue, profit or ltv-cac: the ranking's measure
    #[arg(long, default_value = "roi", value_parser = parse_sort)]
    pub sort: SortKey,
    /// The HTML file to write
    #[arg(long, value_name = "FILE")]
    pub html: PathBuf,
    /// Replace FILE even if it is not a report that shoutout wrote (the database is never
    /// replaced)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct LiftArgs {
    /// First day counted (YYYY-MM-DD) [default: the first order's]
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last day counted (YYYY-MM-DD) [default: the last order's]
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    #[command(flatten)]
    pub out: super::CsvOut,
    /// The longest a post can act, in days
    #[arg(long, default_value_t = 28, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub window_days: u32,
    /// The fewest first uses of a code since a leak's start for a leak to be suspected (the
    /// step in its use must also hold steady, more than her posts explain: docs/lift.md)
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
    pub leak_min_uses: u32,
    /// Fewer incremental orders than this mark a rank as uncertain ("?")
    #[arg(long, default_value_t = 5)]
    pub min_orders: u32,
    /// Print JSON for scripts (amounts as decimal strings) instead of the table
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Only this shop's orders (the name it was imported under, `import --shop`) [default:
    /// every shop, each on a baseline of its own]
    #[arg(long)]
    pub shop: Option<String>,
}
