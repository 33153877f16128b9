//! The arguments of `shoutout event`: shop-wide events the lift model's baseline absorbs.

use crate::domain::parse_date;
use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum EventCmd {
    /// Mark a sale, a market or a press mention: the lift model puts its orders down to the
    /// shop, not to a creator who posted then
    Add {
        /// Its first day, YYYY-MM-DD
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// Its last day, YYYY-MM-DD [default: the first]
        #[arg(long, value_parser = parse_date)]
        to: Option<NaiveDate>,
        /// What it was ("Black Friday sale")
        #[arg(long)]
        name: String,
    },
    /// Every event, the latest first
    List {
        #[command(flatten)]
        out: super::CsvOut,
    },
    /// Change an event's days or name (the others stay)
    Update {
        /// Its id (see `shoutout event list`)
        id: i64,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long, value_parser = parse_date)]
        to: Option<NaiveDate>,
        #[arg(long)]
        name: Option<String>,
    },
    /// Delete an event
    Delete {
        id: i64,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}
