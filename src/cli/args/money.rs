//! The money commands' shape: settings, product costs, the gift ledger, payouts and the
//! deal planner.

use super::parse_platform;
use crate::domain::{Platform, parse_amount, parse_count, parse_date, parse_percent};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use rust_decimal::Decimal;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum SettingsCmd {
    /// Set one: cogs-pct P, payment-fee-pct F, payment-fee-fixed X, refund-hold-days N
    Set {
        /// cogs-pct, payment-fee-pct, payment-fee-fixed or refund-hold-days
        key: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Forget one (profit figures go empty once neither a cost of goods nor a fee is set)
    Unset { key: String },
    /// Show them all
    List,
}

#[derive(Debug, Subcommand)]
pub enum ProductCmd {
    /// Unit costs per SKU: import, set, list or delete them
    #[command(subcommand)]
    Cost(ProductCostCmd),
}

#[derive(Debug, Subcommand)]
pub enum ProductCostCmd {
    /// Read unit costs from Shopify's product export (Variant SKU, Cost per item) or a
    /// two-column sku,cost CSV; all of them or, on an error, none
    Import {
        file: PathBuf,
        /// Show what would change without writing it
        #[arg(long)]
        dry_run: bool,
    },
    /// Set what one unit of a SKU costs you
    Set {
        sku: String,
        #[arg(value_parser = parse_amount, allow_hyphen_values = true)]
        amount: Decimal,
    },
    /// List the SKUs with a cost
    List,
    /// Forget a SKU's cost (its orders fall back to the shop-wide cogs-pct)
    Delete { sku: String },
}

#[derive(Debug, Subcommand)]
pub enum GiftCmd {
    /// Record a gift: its cost becomes a product cost, its shipping a shipping cost
    Add(GiftAddArgs),
    /// Mark her gift of that day declined
    Decline {
        #[arg(long, value_name = "HANDLE")]
        influencer: String,
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
    },
    /// Delete a gift by its id (see `gift list`), with the cost entries it made
    Delete {
        id: i64,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// A gift marked declined by mistake: waiting for her post again
    Undecline { id: i64 },
    /// Correct a gift by its id (see `gift list`): only what is given changes, and its cost
    /// entries follow
    Update(GiftUpdateArgs),
    /// The ledger: each gift's status (posted, declined, follow_up, waiting)
    List {
        /// Only the gifts waiting for a follow-up: the week's to-do
        #[arg(long)]
        due: bool,
        /// The day to judge on [default: today]
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        #[command(flatten)]
        out: super::CsvOut,
    },
}

/// `gift add`: to whom, when, what, and what it cost.
#[derive(Debug, clap::Args)]
pub struct GiftAddArgs {
    #[arg(long, value_name = "HANDLE")]
    pub influencer: String,
    /// The day it was sent (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    pub date: NaiveDate,
    /// What was sent
    #[arg(long)]
    pub item: String,
    /// What it sells for (kept for the ledger, never a cost)
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    pub retail: Decimal,
    /// What it cost you
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    pub cost: Decimal,
    /// What sending it cost
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    pub shipping: Option<Decimal>,
    #[arg(long)]
    pub campaign: Option<String>,
}

/// `gift update`: the gift's id and what changes.
#[derive(Debug, clap::Args)]
pub struct GiftUpdateArgs {
    pub id: i64,
    /// The day it was sent (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[arg(long)]
    pub item: Option<String>,
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    pub retail: Option<Decimal>,
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    pub cost: Option<Decimal>,
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    pub shipping: Option<Decimal>,
    /// File it under this campaign
    #[arg(long, conflicts_with = "no_campaign")]
    pub campaign: Option<String>,
    /// Take it out of its campaign
    #[arg(long)]
    pub no_campaign: bool,
}

#[derive(Debug, Subcommand)]
pub enum PayoutCmd {
    /// Record a commission payout (it settles commission already in her cost)
    Add {
        #[arg(long, value_name = "HANDLE")]
        influencer: String,
        #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
        amount: Decimal,
        /// YYYY-MM-DD [default: today]
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
        /// Record it even though she is owed nothing (an advance)
        #[arg(long)]
        force: bool,
    },
    /// Commission earned, held (inside the refund hold), paid and owed, per creator
    List {
        /// The day to account on [default: today]
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        #[command(flatten)]
        out: super::CsvOut,
    },
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// A creator the shop has worked with (her own history is used)
    #[arg(long, value_name = "HANDLE", required_unless_present = "followers")]
    pub influencer: Option<String>,
    /// A creator not yet hired: her followers (the shop's creators of her tier are used)
    #[arg(long, value_parser = parse_count, requires = "platform")]
    pub followers: Option<u64>,
    #[arg(long, value_parser = parse_platform)]
    pub platform: Option<Platform>,
    /// The fee offered
    #[arg(
        long,
        value_parser = parse_amount,
        allow_hyphen_values = true,
        required_unless_present = "schedule"
    )]
    pub fee: Option<Decimal>,
    /// What the product sent costs you
    #[arg(long, default_value = "0", value_parser = parse_amount, allow_hyphen_values = true)]
    pub product: Decimal,
    /// Her commission, percent of her attributed revenue [default: hers, else 0]
    #[arg(long, value_parser = parse_percent, value_name = "PCT")]
    pub commission: Option<Decimal>,
    /// Posts the deal buys
    #[arg(long, default_value_t = 1)]
    pub posts: u32,
    /// Instead of a deal: the next days her post would stand alone (no other creator's burst,
    /// no event) and the smallest effect the lift model could tell from zero on each
    #[arg(long, requires = "influencer", conflicts_with_all = ["followers", "fee"])]
    pub schedule: bool,
    /// With --schedule: the first day to plan from, YYYY-MM-DD [default: today]
    #[arg(long, value_parser = parse_date, requires = "schedule")]
    pub from: Option<NaiveDate>,
    /// With --schedule: write the days as CSV to FILE, or to standard output with -
    #[arg(long, value_name = "FILE|-", requires = "schedule")]
    pub csv: Option<std::path::PathBuf>,
    /// Replace FILE even if it is not a CSV that shoutout wrote
    #[arg(long, requires = "csv")]
    pub force: bool,
}
