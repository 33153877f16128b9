//! The command line's shape: every subcommand, flag and value parser, as clap reads them.
//! Values are parsed with the domain's own parsers, so a bad amount or date gets the same
//! message here as in the app.

use crate::domain::{
    CampaignGoal, CostKind, Platform, ValueError, normalize_handle, parse_amount, parse_count,
    parse_date, parse_percent,
};
use crate::import::Format;
use crate::metrics::SortKey;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use rust_decimal::Decimal;
use std::path::PathBuf;

mod events;
mod money;
mod posts;
mod reports;
pub use events::EventCmd;
pub use money::{
    GiftAddArgs, GiftCmd, GiftUpdateArgs, PayoutCmd, PlanArgs, ProductCmd, ProductCostCmd,
    SettingsCmd,
};
pub use posts::{PostArgs, PostUpdateArgs};
pub use reports::{LiftArgs, ReportArgs, ScorecardArgs};

/// Where a report's CSV goes (`lift`, `gifts list`, `payouts list`): a file, or standard
/// output with `-`.
#[derive(Debug, Args)]
pub struct CsvOut {
    /// Write CSV to FILE, or to standard output with -
    #[arg(long, value_name = "FILE|-")]
    pub csv: Option<PathBuf>,
    /// Replace FILE even if it is not a CSV that shoutout wrote
    #[arg(long, requires = "csv")]
    pub force: bool,
}

/// Which influencer partnerships pay back? Run without a command to open the terminal app.
#[derive(Debug, Parser)]
#[command(name = "shoutout")]
pub struct Cli {
    /// The database file [default: shoutout.db in the platform data directory]
    #[arg(long, global = true, env = "SHOUTOUT_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own
    /// database is not touched)
    #[arg(long, global = true)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The database the flags name, for whichever front end runs.
    pub fn target(&self) -> crate::launch::Target {
        crate::launch::Target {
            db: self.db.clone(),
            demo: self.demo,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add, list or archive influencers
    #[command(subcommand)]
    Influencer(InfluencerCmd),
    /// Give promo codes to influencers
    #[command(subcommand)]
    Code(CodeCmd),
    /// Record what creators cost: fees, product, shipping, bonuses
    #[command(subcommand)]
    Cost(CostCmd),
    /// Log posts and their engagement
    #[command(subcommand)]
    Post(PostCmd),
    /// Group costs, codes and posts into campaigns
    #[command(subcommand)]
    Campaign(CampaignCmd),
    /// Build and save UTM tracking links
    #[command(subcommand)]
    Link(LinkCmd),
    /// Import a shop's order export (preview with --dry-run; undo with --undo-last)
    Import(ImportArgs),
    /// The ranked scorecard, as a table or CSV
    Scorecard(ScorecardArgs),
    /// What each creator really caused: orders over the baseline around her posts, with her
    /// code or without it, less a leaked code's uses (see docs/lift.md)
    Lift(LiftArgs),
    /// The shop's cost of goods, payment fees and refund hold (profit and payouts use them)
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// Commission payouts: record one, or see what each creator is owed
    #[command(subcommand)]
    Payout(PayoutCmd),
    /// The gift ledger: who got what, who posted, whom to follow up
    #[command(subcommand)]
    Gift(GiftCmd),
    /// What one unit of each product costs you (goods cost per order comes from them)
    #[command(subcommand)]
    Product(ProductCmd),
    /// What a deal must bring to break even, what to expect, and the most worth paying
    Plan(PlanArgs),
    /// A report to share: one self-contained HTML file with the charts, the scorecard and the
    /// definitions; with --influencer, her own page only
    Report(ReportArgs),
    /// The shop's other channels (Meta ads, a newsletter) to compare creators with
    #[command(subcommand)]
    Channel(ChannelCmd),
    /// Sales, markets and press mentions: days the lift model puts down to the shop
    #[command(subcommand)]
    Event(EventCmd),
    /// Print shell completions (bash, zsh, fish, elvish, powershell) to standard output
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output
    Man,
    /// Load the demo shop into the database (it must be empty)
    Demo,
    /// Write a consistent copy of the database to FILE (safe while the app is running)
    Backup { file: PathBuf },
    /// Replace the database with a backup (the current one is backed up first)
    Restore {
        file: PathBuf,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Show where the data lives
    Paths,
    /// Check the database: its integrity, and that the facts derived from the orders (first
    /// orders, day sums) match the orders; --rebuild computes those again from every order
    Doctor {
        /// Compute the derived facts again from every order
        #[arg(long)]
        rebuild: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum InfluencerCmd {
    /// Add an influencer
    Add {
        /// Their handle, with or without @
        #[arg(value_parser = normalize_handle)]
        handle: String,
        /// instagram, tiktok, youtube, pinterest, facebook, blog or other
        #[arg(long, value_parser = parse_platform)]
        platform: Platform,
        /// Current follower count
        #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
        followers: u64,
        /// Display name
        #[arg(long, default_value = "")]
        name: String,
        /// Commission on attributed net revenue, in percent (10 = 10 %)
        #[arg(long, value_parser = parse_percent, value_name = "PCT", allow_hyphen_values = true)]
        commission: Option<Decimal>,
    },
    /// List influencers with their codes
    List(CsvOut),
    /// Archive an influencer (history kept; `--undo` restores)
    Archive {
        handle: String,
        #[arg(long)]
        undo: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CodeCmd {
    /// Give a promo code to an influencer (codes match case-insensitively)
    Add {
        code: String,
        #[arg(long, value_name = "HANDLE")]
        influencer: String,
        /// The campaign the code belongs to
        #[arg(long)]
        campaign: Option<String>,
    },
    /// Move a promo code into a campaign (or out of one), or to another influencer
    Update {
        code: String,
        /// The campaign it belongs to from now on
        #[arg(long, conflicts_with = "no_campaign")]
        campaign: Option<String>,
        /// It belongs to no campaign from now on
        #[arg(long)]
        no_campaign: bool,
        /// The influencer it credits from now on
        #[arg(long, value_name = "HANDLE")]
        influencer: Option<String>,
    },
    /// List promo codes and their owners
    List(CsvOut),
    /// Delete a promo code (orders that used it stop counting for its owner)
    Delete {
        code: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CostCmd {
    /// Record a cost (of a creator, or with --channel of a channel such as Meta ads)
    Add {
        #[arg(
            long,
            value_name = "HANDLE",
            required_unless_present = "channel",
            conflicts_with = "channel"
        )]
        influencer: Option<String>,
        /// A channel's spend instead (see `shoutout channel add`)
        #[arg(long, value_name = "NAME")]
        channel: Option<String>,
        /// fee, product, shipping, bonus or other
        #[arg(long, value_parser = parse_kind)]
        kind: CostKind,
        /// Amount like 250.00 (the shop's currency)
        #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
        amount: Decimal,
        /// YYYY-MM-DD [default: today]
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        campaign: Option<String>,
    },
    /// List cost entries, newest first (with their ids)
    List(CsvOut),
    /// Delete a cost entry by its id (see `cost list`)
    Delete {
        id: i64,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PostCmd {
    /// Log a post
    Add(Box<PostArgs>),
    /// Change a post by its id (see `post list`): only the fields given change
    Update(Box<PostUpdateArgs>),
    /// List posts, newest first, with their ids and every field
    List(CsvOut),
    /// Delete a post by its id (see `post list`)
    Delete {
        id: i64,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CampaignCmd {
    /// Create a campaign
    Add {
        name: String,
        /// sales or awareness
        #[arg(long, default_value = "sales", value_parser = parse_goal)]
        goal: CampaignGoal,
        #[arg(long, value_parser = parse_date)]
        start: Option<NaiveDate>,
        #[arg(long, value_parser = parse_date)]
        end: Option<NaiveDate>,
        #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
        budget: Option<Decimal>,
        #[command(flatten)]
        targets: TargetArgs,
    },
    /// Set a campaign's budget and targets (those given; the others stay)
    Target {
        name: String,
        #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
        budget: Option<Decimal>,
        #[command(flatten)]
        targets: TargetArgs,
    },
    /// A campaign's progress toward its targets and budget, and whether it is on track
    Show { name: String },
    /// List campaigns
    List(CsvOut),
}

/// What a campaign aims for.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct TargetArgs {
    /// Revenue target
    #[arg(long = "target-revenue", value_parser = parse_amount, allow_hyphen_values = true)]
    pub revenue: Option<Decimal>,
    /// Orders target
    #[arg(long = "target-orders", value_parser = parse_count, allow_hyphen_values = true)]
    pub orders: Option<u64>,
    /// New customers target
    #[arg(long = "target-new-customers", value_parser = parse_count, allow_hyphen_values = true)]
    pub new_customers: Option<u64>,
    /// Reach target (sum of her posts' reach)
    #[arg(long = "target-reach", value_parser = parse_count, allow_hyphen_values = true)]
    pub reach: Option<u64>,
    /// Impressions target (sum of her posts' impressions)
    #[arg(long = "target-impressions", value_parser = parse_count, allow_hyphen_values = true)]
    pub impressions: Option<u64>,
}

impl TargetArgs {
    /// The targets given, over `old` where one is not given.
    pub fn over(self, old: crate::domain::CampaignTargets) -> crate::domain::CampaignTargets {
        crate::domain::CampaignTargets {
            revenue: self.revenue.or(old.revenue),
            orders: self.orders.or(old.orders),
            new_customers: self.new_customers.or(old.new_customers),
            reach: self.reach.or(old.reach),
            impressions: self.impressions.or(old.impressions),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum LinkCmd {
    /// Build a UTM link for an influencer, save it and print it
    Add {
        #[arg(long, value_name = "HANDLE")]
        influencer: String,
        /// The page to link to, e.g. https://shop.example/mugs
        #[arg(long)]
        url: String,
        /// utm_campaign (and the campaign it is saved under, if one has this name)
        #[arg(long, default_value = "")]
        campaign: String,
        /// utm_content, e.g. story_jan15
        #[arg(long, default_value = "")]
        content: String,
        /// utm_medium [default: the influencer's platform]
        #[arg(long)]
        medium: Option<String>,
    },
    /// List saved links (with their ids)
    List(CsvOut),
    /// Delete a saved link by its id (see `link list`)
    Delete {
        id: i64,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
}

/// `import --help` on `--mapping`: a mapping to copy, so the help an installed shoutout
/// carries is enough.
const MAPPING_HELP: &str = "A column mapping (TOML) for any other CSV; saved, so later files \
with the same header need no flag. Column names are matched ignoring case:

  name = \"Market stall POS\"        # shown in previews
  order_id = \"Receipt\"             # required
  date = \"When\"                    # required
  date_format = \"%d/%m/%Y\"         # chrono format: %Y-%m-%d, %d/%m/%Y %H:%M, ...
  amount = \"Net\"                   # required: revenue after discounts
  customer = \"Client\"              # optional: e-mail or customer id (stored hashed)
  codes = \"Promo\"                  # optional; codes_separator = \"|\" (default \",\")
  status = \"State\"                 # optional; cancelled_statuses = [\"void\"]
  refunded = \"Refund\"              # optional: refunded amount
  currency = \"USD\"                 # or currency_column = \"Currency\"
  utm_source = \"utm_source\"        # optional; utm_campaign likewise
  decimal_comma = true             # optional: default true for ';'-separated files";

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export file (CSV)
    #[arg(required_unless_present = "undo_last")]
    pub file: Option<PathBuf>,
    /// The layout: auto, shopify, etsy, etsy-items, woocommerce, woocommerce-export or mapped
    #[arg(long, default_value = "auto", value_parser = parse_format)]
    pub format: Format,
    /// A column mapping (TOML) for any other CSV; saved, so later files with the same header
    /// need no flag
    #[arg(long, value_name = "FILE", long_help = MAPPING_HELP)]
    pub mapping: Option<PathBuf>,
    /// The currency of a file that has no currency column [default: the shop's, else USD]
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Record gift orders as product cost at this percent of their retail value (your cost of
    /// goods); remembered for later imports [default: 100]
    #[arg(long, value_parser = parse_percent, value_name = "PCT", allow_hyphen_values = true)]
    pub gift_cost_pct: Option<Decimal>,
    /// Show what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import the valid orders even if some are invalid (they are listed)
    #[arg(long)]
    pub skip_invalid: bool,
    /// A name for the shop the file comes from [default: the format's name]; orders are keyed
    /// by (shop, order number)
    #[arg(long)]
    pub shop: Option<String>,
    /// Undo the last import instead
    #[arg(long, conflicts_with_all = ["file", "dry_run"])]
    pub undo_last: bool,
    /// Print the summary as one JSON object (counts, net revenue of the counted orders,
    /// dates, what the file lacks, warnings, unknown codes)
    #[arg(long, conflicts_with = "undo_last")]
    pub json: bool,
    /// Convert orders in another currency into the shop's: CUR=RATE, the shop's units per
    /// one CUR (e.g. --rate USD=32.10 in a lira shop); repeat for more currencies
    #[arg(long, value_name = "CUR=RATE", value_parser = parse_rate)]
    pub rate: Vec<(String, Decimal)>,
    /// Import dates a spreadsheet misread (11/12/20 read back as 2011-12-20) as the dates
    /// they meant; without it those orders are invalid, each named with its reading
    #[arg(long, conflicts_with = "undo_last")]
    pub fix_dates: bool,
}

#[derive(Debug, Subcommand)]
pub enum ChannelCmd {
    /// Add a channel: its spend is entered with `cost add --channel NAME`, its orders come
    /// from its own codes (`code add CODE --influencer NAME`) or utm_source, like a creator's
    Add { name: String },
    /// List the channels
    List,
}

fn parse_platform(s: &str) -> Result<Platform, ValueError> {
    s.parse()
}
fn parse_kind(s: &str) -> Result<CostKind, ValueError> {
    s.parse()
}
fn parse_rate(s: &str) -> Result<(String, Decimal), ValueError> {
    crate::import::parse_rate(s)
}

fn parse_sentiment(s: &str) -> Result<crate::domain::Sentiment, ValueError> {
    s.parse()
}

fn parse_goal(s: &str) -> Result<CampaignGoal, ValueError> {
    s.parse()
}
fn parse_format(s: &str) -> Result<Format, ValueError> {
    s.parse()
}
fn parse_sort(s: &str) -> Result<SortKey, ValueError> {
    s.parse()
}
