//! The headless command line: one clap subcommand per job of the weekly loop. Each command
//! parses its input with the domain's parsers, calls the same store, import, metrics and
//! export functions as the TUI, and prints the result.

pub mod paths;

use crate::domain::{
    CampaignGoal, CostKind, NewCampaign, NewCost, NewInfluencer, NewPost, Platform, ValueError,
    fmt2, normalize_handle, parse_amount, parse_count, parse_date, parse_percent,
};
use crate::import::{Format, ImportOptions, import_file};
use crate::metrics::{Period, ScorecardOptions, SortKey, scorecard};
use crate::store::Store;
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use rust_decimal::Decimal;
use std::io::Write;
use std::path::PathBuf;

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
        #[arg(long, value_parser = parse_count)]
        followers: u64,
        /// Display name
        #[arg(long, default_value = "")]
        name: String,
        /// Commission on attributed net revenue, in percent (10 = 10 %)
        #[arg(long, value_parser = parse_percent, value_name = "PCT")]
        commission: Option<Decimal>,
    },
    /// List influencers with their codes
    List,
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
    /// List promo codes and their owners
    List,
}

#[derive(Debug, Subcommand)]
pub enum CostCmd {
    /// Record a cost
    Add {
        #[arg(long, value_name = "HANDLE")]
        influencer: String,
        /// fee, product, shipping, bonus or other
        #[arg(long, value_parser = parse_kind)]
        kind: CostKind,
        /// Amount like 250.00 (the shop's currency)
        #[arg(long, value_parser = parse_amount)]
        amount: Decimal,
        /// YYYY-MM-DD
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        campaign: Option<String>,
    },
    /// List cost entries, newest first
    List,
}

#[derive(Debug, Subcommand)]
pub enum PostCmd {
    /// Log a post
    Add(Box<PostArgs>),
    /// List posts, newest first
    List,
}

#[derive(Debug, Args)]
pub struct PostArgs {
    #[arg(long, value_name = "HANDLE")]
    influencer: String,
    /// YYYY-MM-DD
    #[arg(long, value_parser = parse_date)]
    date: NaiveDate,
    /// Followers at post time [default: the influencer's follower count]
    #[arg(long, value_parser = parse_count)]
    followers: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    likes: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    comments: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    shares: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    saves: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    views: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    reach: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    impressions: Option<u64>,
    #[arg(long, value_parser = parse_count)]
    clicks: Option<u64>,
    /// [default: the influencer's platform]
    #[arg(long, value_parser = parse_platform)]
    platform: Option<Platform>,
    #[arg(long, default_value = "")]
    url: String,
    /// reel, story, video, short, pin, article...
    #[arg(long, default_value = "")]
    format: String,
    #[arg(long)]
    campaign: Option<String>,
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
        #[arg(long, value_parser = parse_amount)]
        budget: Option<Decimal>,
    },
    /// List campaigns
    List,
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
    /// List saved links
    List,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export file (CSV)
    #[arg(required_unless_present = "undo_last")]
    file: Option<PathBuf>,
    /// The layout: auto, shopify, etsy, etsy-items, woocommerce, woocommerce-export or mapped
    #[arg(long, default_value = "auto", value_parser = parse_format)]
    format: Format,
    /// A column mapping (TOML) for any other CSV; saved, so later files with the same header
    /// need no flag (see docs/import-formats.md)
    #[arg(long, value_name = "FILE")]
    mapping: Option<PathBuf>,
    /// The currency of a file that has no currency column [default: the shop's, else USD]
    #[arg(long, value_name = "CODE")]
    currency: Option<String>,
    /// Record gift orders as product cost at this percent of their retail value (your cost of
    /// goods); remembered for later imports [default: 100]
    #[arg(long, value_parser = parse_percent, value_name = "PCT")]
    gift_cost_pct: Option<Decimal>,
    /// Show what would change, write nothing
    #[arg(long)]
    dry_run: bool,
    /// Import the valid orders even if some are invalid (they are listed)
    #[arg(long)]
    skip_invalid: bool,
    /// A name for the shop the file comes from [default: the format's name]; orders are keyed
    /// by (shop, order number)
    #[arg(long)]
    shop: Option<String>,
    /// Undo the last import instead
    #[arg(long, conflicts_with_all = ["file", "dry_run"])]
    undo_last: bool,
}

#[derive(Debug, Args)]
pub struct ScorecardArgs {
    /// roi, cac, engagement or revenue
    #[arg(long, default_value = "roi", value_parser = parse_sort)]
    sort: SortKey,
    /// First day counted (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Last day counted (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// Only influencers on this platform
    #[arg(long, value_parser = parse_platform)]
    platform: Option<Platform>,
    /// Only this campaign's costs, posts and codes
    #[arg(long)]
    campaign: Option<String>,
    /// Write CSV to FILE, or to standard output with -
    #[arg(long, value_name = "FILE|-")]
    csv: Option<PathBuf>,
}

fn parse_platform(s: &str) -> Result<Platform, ValueError> {
    s.parse()
}
fn parse_kind(s: &str) -> Result<CostKind, ValueError> {
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

/// Parses the command line, with `--version` also saying where the data lives.
pub fn parse() -> Cli {
    let data = paths::data_dir().map_or_else(|e| e.to_string(), |d| d.display().to_string());
    let version = format!("{}\ndata directory: {data}", env!("CARGO_PKG_VERSION"));
    let matches = Cli::command().version(version).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The local date and time at the edge of the program: the only place the clock is read.
pub fn now() -> (NaiveDate, String) {
    let now = chrono::Local::now();
    (
        now.date_naive(),
        now.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    )
}

/// Opens the database the flags name. With `--demo`, a fresh demo database is built first.
pub fn open_store(cli: &Cli) -> Result<Store> {
    let path = paths::database(cli.db.clone(), cli.demo)?;
    if cli.demo {
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            if file.exists() {
                std::fs::remove_file(&file).with_context(|| {
                    format!("cannot reset the demo database {}", file.display())
                })?;
            }
        }
        let mut store = Store::open(&path)?;
        crate::demo::load(&mut store, &now().1)?;
        return Ok(store);
    }
    Ok(Store::open(&path)?)
}

/// Runs a subcommand, printing to `out`.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write) -> Result<()> {
    if let Command::Paths = command {
        let db = paths::database(cli.db.clone(), cli.demo)?;
        writeln!(out, "database:       {}", db.display())?;
        writeln!(out, "data directory: {}", paths::data_dir()?.display())?;
        return Ok(());
    }
    let mut store = open_store(cli)?;
    let (today, now) = now();
    match command {
        Command::Influencer(cmd) => influencer(&mut store, cmd, out),
        Command::Code(cmd) => code(&mut store, cmd, out),
        Command::Cost(cmd) => cost(&mut store, cmd, out),
        Command::Post(PostCmd::Add(args)) => post_add(&mut store, args, out),
        Command::Post(PostCmd::List) => post_list(&store, out),
        Command::Campaign(cmd) => campaign(&mut store, cmd, out),
        Command::Link(cmd) => link(&mut store, cmd, out),
        Command::Import(args) => import(&mut store, args, now, out),
        Command::Scorecard(args) => scorecard_cmd(&store, args, today, out),
        Command::Demo => {
            if cli.demo {
                writeln!(out, "the demo database is loaded fresh on every --demo run")?;
                return Ok(());
            }
            if !store.is_empty()? {
                bail!(
                    "this database already has data; the demo loads only into an empty one \
                     (try `shoutout --demo` for a separate demo database)"
                );
            }
            let summary = crate::demo::load(&mut store, &now)?;
            writeln!(
                out,
                "demo shop loaded: 6 influencers, {} orders",
                summary.counts.new
            )?;
            Ok(())
        }
        Command::Backup { file } => {
            store.backup_to(file)?;
            writeln!(out, "backed up {} to {}", describe(&store), file.display())?;
            Ok(())
        }
        Command::Restore { file, yes } => {
            if !yes
                && !confirm(&format!(
                    "Replace everything in {} with {}? [y/N] ",
                    describe(&store),
                    file.display()
                ))?
            {
                bail!("not restored (pass --yes to restore without a question)");
            }
            let before = store.restore_from(file, &format!("before-restore-{now}"))?;
            writeln!(out, "restored {} from {}", describe(&store), file.display())?;
            if let Some(b) = before {
                writeln!(out, "the previous state is kept in {}", b.display())?;
            }
            Ok(())
        }
        Command::Paths => unreachable!("handled above"),
    }
}

fn describe(store: &Store) -> String {
    store
        .path()
        .map_or("the database".into(), |p| p.display().to_string())
}

/// Asks a yes/no question on the terminal; without one there is nobody to ask, so no.
fn confirm(question: &str) -> Result<bool> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    eprint!("{question}");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

fn campaign_id(store: &Store, name: &Option<String>) -> Result<Option<i64>> {
    name.as_deref()
        .map(|n| store.campaign_by_name(n))
        .transpose()
        .map_err(Into::into)
}

fn influencer(store: &mut Store, cmd: &InfluencerCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        InfluencerCmd::Add {
            handle,
            platform,
            followers,
            name,
            commission,
        } => {
            let new = NewInfluencer {
                handle: handle.clone(),
                name: name.trim().to_string(),
                platform: *platform,
                followers: *followers,
                commission_pct: commission.unwrap_or(Decimal::ZERO),
                notes: String::new(),
            };
            store.add_influencer(&new)?;
            writeln!(
                out,
                "added @{} ({}, {} followers, commission {} %)",
                new.handle,
                new.platform,
                new.followers,
                new.commission_pct.normalize()
            )?;
        }
        InfluencerCmd::List => {
            let codes = store.codes()?;
            let mut rows = vec![[
                "handle".to_string(),
                "name".into(),
                "platform".into(),
                "followers".into(),
                "commission %".into(),
                "codes".into(),
            ]];
            for i in store.influencers()? {
                let mine: Vec<&str> = codes
                    .iter()
                    .filter(|c| c.handle == i.handle)
                    .map(|c| c.code.as_str())
                    .collect();
                let mut handle = format!("@{}", i.handle);
                if i.archived {
                    handle.push_str(" (archived)");
                }
                rows.push([
                    handle,
                    i.name,
                    i.platform.to_string(),
                    i.followers.to_string(),
                    i.commission_pct.normalize().to_string(),
                    mine.join(" "),
                ]);
            }
            write_columns(out, &rows)?;
        }
        InfluencerCmd::Archive { handle, undo } => {
            let id = store.influencer_by_handle(handle)?.id;
            store.set_archived(id, !undo)?;
            let what = if *undo { "restored" } else { "archived" };
            writeln!(out, "{what} @{}", handle.trim_start_matches('@'))?;
        }
    }
    Ok(())
}

fn code(store: &mut Store, cmd: &CodeCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CodeCmd::Add {
            code,
            influencer,
            campaign,
        } => {
            if code.trim().is_empty() || code.trim().contains(char::is_whitespace) {
                bail!("'{code}' is not a promo code (one word, like SARAH20)");
            }
            let owner = store.influencer_by_handle(influencer)?;
            let campaign = campaign_id(store, campaign)?;
            store.add_code(code, owner.id, campaign)?;
            writeln!(out, "code {} now credits @{}", code.trim(), owner.handle)?;
        }
        CodeCmd::List => {
            let mut rows = vec![["code".to_string(), "influencer".into(), "campaign".into()]];
            for c in store.codes()? {
                rows.push([
                    c.code,
                    format!("@{}", c.handle),
                    c.campaign.unwrap_or_default(),
                ]);
            }
            write_columns(out, &rows)?;
        }
    }
    Ok(())
}

fn cost(store: &mut Store, cmd: &CostCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CostCmd::Add {
            influencer,
            kind,
            amount,
            date,
            note,
            campaign,
        } => {
            if *amount < Decimal::ZERO {
                bail!("--amount: {amount} is negative; a cost is 0 or more");
            }
            let owner = store.influencer_by_handle(influencer)?;
            let campaign = campaign_id(store, campaign)?;
            let cost = NewCost {
                kind: *kind,
                amount: *amount,
                date: *date,
                note: note.trim().to_string(),
            };
            store.add_cost(owner.id, &cost, campaign)?;
            writeln!(
                out,
                "recorded {} {} for @{} on {}",
                cost.kind,
                fmt2(cost.amount),
                owner.handle,
                cost.date
            )?;
        }
        CostCmd::List => {
            let mut rows = vec![[
                "date".to_string(),
                "influencer".into(),
                "kind".into(),
                "amount".into(),
                "note".into(),
            ]];
            for c in store.costs()? {
                rows.push([
                    c.date.to_string(),
                    format!("@{}", c.handle),
                    c.kind.to_string(),
                    fmt2(c.amount),
                    c.note,
                ]);
            }
            write_columns(out, &rows)?;
        }
    }
    Ok(())
}

fn post_add(store: &mut Store, a: &PostArgs, out: &mut dyn Write) -> Result<()> {
    let owner = store.influencer_by_handle(&a.influencer)?;
    let campaign = campaign_id(store, &a.campaign)?;
    let post = NewPost {
        platform: a.platform.unwrap_or(owner.platform),
        posted_on: a.date,
        followers: a.followers.unwrap_or(owner.followers),
        likes: a.likes,
        comments: a.comments,
        shares: a.shares,
        saves: a.saves,
        views: a.views,
        reach: a.reach,
        impressions: a.impressions,
        clicks: a.clicks,
        url: a.url.trim().to_string(),
        format: a.format.trim().to_string(),
    };
    store.add_post(owner.id, &post, campaign)?;
    let engagements: u64 = [post.likes, post.comments, post.shares, post.saves]
        .iter()
        .map(|c| c.unwrap_or(0))
        .sum();
    writeln!(
        out,
        "logged {} post of @{} on {}: {} engagements, {} followers",
        post.platform, owner.handle, post.posted_on, engagements, post.followers
    )?;
    Ok(())
}

fn post_list(store: &Store, out: &mut dyn Write) -> Result<()> {
    let mut rows = vec![[
        "date".to_string(),
        "influencer".into(),
        "platform".into(),
        "followers".into(),
        "likes".into(),
        "comments".into(),
        "shares".into(),
        "saves".into(),
    ]];
    let n = |v: Option<u64>| v.map_or("—".to_string(), |v| v.to_string());
    for p in store.posts()? {
        rows.push([
            p.post.posted_on.to_string(),
            format!("@{}", p.handle),
            p.post.platform.to_string(),
            p.post.followers.to_string(),
            n(p.post.likes),
            n(p.post.comments),
            n(p.post.shares),
            n(p.post.saves),
        ]);
    }
    write_columns(out, &rows)
}

fn campaign(store: &mut Store, cmd: &CampaignCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CampaignCmd::Add {
            name,
            goal,
            start,
            end,
            budget,
        } => {
            let new = NewCampaign {
                name: name.trim().to_string(),
                goal: *goal,
                starts_on: *start,
                ends_on: *end,
                budget: *budget,
            };
            new.validate()
                .map_err(|(field, e)| anyhow::anyhow!("--{field}: {e}"))?;
            store.add_campaign(&new)?;
            writeln!(
                out,
                "created campaign '{}' ({})",
                new.name,
                new.goal.as_str()
            )?;
        }
        CampaignCmd::List => {
            let mut rows = vec![[
                "name".to_string(),
                "goal".into(),
                "start".into(),
                "end".into(),
                "budget".into(),
            ]];
            let d = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
            for c in store.campaigns()? {
                rows.push([
                    c.name,
                    c.goal,
                    d(c.starts_on),
                    d(c.ends_on),
                    c.budget.map(fmt2).unwrap_or_default(),
                ]);
            }
            write_columns(out, &rows)?;
        }
    }
    Ok(())
}

fn link(store: &mut Store, cmd: &LinkCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        LinkCmd::Add {
            influencer,
            url,
            campaign,
            content,
            medium,
        } => {
            let owner = store.influencer_by_handle(influencer)?;
            let campaign_row = if campaign.trim().is_empty() {
                None
            } else {
                store.campaign_by_name(campaign).ok()
            };
            let medium = medium.clone().unwrap_or_else(|| owner.platform.to_string());
            store.add_link(
                owner.id,
                campaign_row,
                url,
                &owner.handle,
                &medium,
                campaign,
                content,
            )?;
            let link = crate::domain::utm_link(url, &owner.handle, &medium, campaign, content);
            writeln!(out, "{link}")?;
        }
        LinkCmd::List => {
            let mut rows = vec![["influencer".to_string(), "link".into()]];
            for (handle, url) in store.links()? {
                rows.push([format!("@{handle}"), url]);
            }
            write_columns(out, &rows)?;
        }
    }
    Ok(())
}

fn import(store: &mut Store, a: &ImportArgs, now: String, out: &mut dyn Write) -> Result<()> {
    if a.undo_last {
        store.auto_backup(&format!("before-undo-{now}"))?;
        let batch = store.undo_last_import()?;
        writeln!(
            out,
            "undid the import of {} ({}): removed {} new orders, restored {} changed ones",
            batch.file_name, batch.imported_at, batch.new_count, batch.changed_count
        )?;
        return Ok(());
    }
    let file = a
        .file
        .as_ref()
        .expect("clap requires FILE without --undo-last");
    let mapping = match &a.mapping {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the mapping {}", path.display()))?;
            Some(
                crate::import::Mapping::from_toml(&text)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
            )
        }
    };
    let options = ImportOptions {
        format: a.format,
        dry_run: a.dry_run,
        skip_invalid: a.skip_invalid,
        shop: a.shop.clone(),
        now,
        mapping,
        currency: a.currency.clone(),
        gift_cost_pct: a.gift_cost_pct,
    };
    if !options.dry_run
        && let Some(backup) = store.auto_backup(&format!("before-import-{}", options.now))?
    {
        writeln!(
            out,
            "backup of the database before this import: {}",
            backup.display()
        )?;
    }
    let summary = import_file(store, file, &options)?;
    writeln!(out, "{summary}")?;
    Ok(())
}

fn scorecard_cmd(
    store: &Store,
    a: &ScorecardArgs,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    if let (Some(from), Some(to)) = (a.from, a.to)
        && to < from
    {
        bail!("--to {to} is before --from {from}");
    }
    let options = ScorecardOptions {
        sort: a.sort,
        period: Period::Custom {
            from: a.from,
            to: a.to,
        },
        platform: a.platform,
        campaign: campaign_id(store, &a.campaign)?,
        search: String::new(),
    };
    let card = scorecard(&store.load_facts()?, &options, today);
    match a.csv.as_deref() {
        None => write!(out, "{}", crate::export::render_table(&card))?,
        Some(p) if p.as_os_str() == "-" => crate::export::write_csv(&card, out)?,
        Some(p) => {
            let written = crate::export::write_atomically(p, |w| {
                crate::export::write_csv(&card, w).map_err(std::io::Error::other)
            })
            .with_context(|| format!("cannot write {}", p.display()))?;
            writeln!(
                out,
                "wrote {} rows to {}",
                card.rows.len(),
                written.display()
            )?;
        }
    }
    Ok(())
}

/// Prints rows as left-aligned columns measured in terminal cells.
fn write_columns<const N: usize>(out: &mut dyn Write, rows: &[[String; N]]) -> Result<()> {
    use unicode_width::UnicodeWidthStr;
    let mut widths = [0usize; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            line.push_str(&" ".repeat(widths[i] - cell.width()));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if rows.len() == 1 {
        writeln!(out, "(none yet)")?;
    }
    Ok(())
}
