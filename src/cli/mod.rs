//! The headless command line: one clap subcommand per job of the weekly loop. Each command
//! parses its input with the domain's parsers, calls the same store, import, metrics and
//! export functions as the TUI, and prints the result.

mod args;
mod doctor;
mod entries;
mod events;
mod gifts;
mod import;
mod money;
mod out;
mod posts;

pub use args::{
    CampaignCmd, Cli, CodeCmd, Command, CostCmd, ImportArgs, InfluencerCmd, LiftArgs, LinkCmd,
    PostArgs, PostCmd, ScorecardArgs,
};

use crate::launch::{now, open_store, paths};
use crate::metrics::{Period, ScorecardOptions, scorecard};
use crate::store::Store;
use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches};
use std::io::Write;
use std::path::Path;

use out::{print_list, write_columns, write_neutral_rows, write_report};

/// Parses the command line, with `--version` also saying where the data lives.
pub fn parse() -> Cli {
    let data = paths::data_dir().map_or_else(|e| e.to_string(), |d| d.display().to_string());
    let version = format!("{}\ndata directory: {data}", env!("CARGO_PKG_VERSION"));
    // Plain styles: clap's error text then holds no escape sequences of its own, so every
    // one left in it came from an argument and is shown, not obeyed (`exit_visibly`).
    let matches = Cli::command()
        .version(version)
        .styles(clap::builder::Styles::plain())
        .try_get_matches()
        .unwrap_or_else(|e| exit_visibly(&e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit_visibly(&e))
}

/// Ends the process on an argument error, as clap would, except that the message (which
/// quotes what was typed) passes through [`crate::domain::VisibleWriter`]: an escape
/// sequence or a bidirectional override in an argument shows as `␛` or `<U+202E>`, on a
/// terminal and through a pipe alike, and is never obeyed. `--help` and `--version` print
/// clap's own text as usual.
fn exit_visibly(e: &clap::Error) -> ! {
    if !e.use_stderr() {
        e.exit();
    }
    let mut err = crate::domain::VisibleWriter::new(std::io::stderr().lock());
    // `ansi()`: the text as it is; `Display` would silently drop what it takes for styling.
    let _ = write!(err, "{}", e.render().ansi());
    let _ = err.flush();
    std::process::exit(e.exit_code());
}

/// The commands that need no database (completions, the man page, the paths): runs
/// `command` if it is one, and says whether it was.
fn without_store(cli: &Cli, command: &Command, out: &mut dyn Write) -> Result<bool> {
    match command {
        Command::Completions { shell } => {
            // Into memory first: clap_complete panics on a failed write (a closed pipe),
            // and writing ourselves turns that into an ordinary error.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "shoutout", &mut script);
            out.write_all(&script)?;
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
        }
        Command::Paths => {
            let db = cli.target().database()?;
            writeln!(out, "database:       {}", db.display())?;
            writeln!(out, "data directory: {}", paths::data_dir()?.display())?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Runs a subcommand, printing to `out`.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write) -> Result<()> {
    if without_store(cli, command, out)? {
        return Ok(());
    }
    let mut store = match open_store(&cli.target()) {
        Ok(store) => store,
        // A scorecard or a list only reads: where the database cannot be written (a
        // read-only folder or mount), it is still read.
        Err(e) if reads_only(command) && !cli.demo => {
            let path = paths::database(cli.db.clone(), false)?;
            Store::open_read_only(&path).map_err(|_| e)?
        }
        // `import --json` says even this in its one object.
        Err(e) => match command {
            Command::Import(a) if a.json => {
                return import::json_failure(a.file.as_deref(), e, out);
            }
            _ => return Err(e),
        },
    };
    let (today, now) = now();
    match command {
        Command::Influencer(cmd) => entries::influencer(&mut store, cmd, out),
        Command::Code(cmd) => entries::code(&mut store, cmd, out),
        Command::Cost(cmd) => entries::cost(&mut store, cmd, today, out),
        Command::Post(PostCmd::Add(args)) => posts::post_add(&mut store, args, today, out),
        Command::Post(PostCmd::Update(args)) => posts::post_update(&mut store, args, out),
        Command::Post(PostCmd::List(csv)) => posts::post_list(&store, csv, out),
        Command::Post(PostCmd::Delete { id, yes }) => {
            posts::post_delete(&mut store, *id, *yes, out)
        }
        Command::Campaign(cmd) => entries::campaign(&mut store, cmd, today, out),
        Command::Link(cmd) => entries::link(&mut store, cmd, out),
        Command::Import(args) => import::import(&mut store, args, (today, now), out),
        Command::Scorecard(args) => scorecard_cmd(&store, args, today, out),
        Command::Lift(args) => lift_cmd(&store, args, today, out),
        Command::Settings(cmd) => money::settings(&mut store, cmd, out),
        Command::Payout(cmd) => money::payout(&mut store, cmd, today, out),
        Command::Gift(cmd) => gifts::gift(&mut store, cmd, today, out),
        Command::Plan(args) => money::plan(&store, args, today, out),
        Command::Report(args) => report_cmd(&store, args, today, out),
        Command::Product(args::ProductCmd::Cost(cmd)) => {
            money::product_cost(&mut store, cmd, &now, out)
        }
        Command::Channel(cmd) => entries::channel(&mut store, cmd, out),
        Command::Event(cmd) => events::event(&mut store, cmd, out),
        Command::Demo => demo(&mut store, cli.demo, &now, out),
        Command::Backup { file } => {
            store.backup_to(file)?;
            writeln!(out, "backed up {} to {}", describe(&store), file.display())?;
            Ok(())
        }
        Command::Restore { file, yes } => restore(&mut store, file, *yes, &now, out),
        Command::Doctor { rebuild } => doctor::doctor(&mut store, *rebuild, out),
        Command::Paths | Command::Completions { .. } | Command::Man => {
            without_store(cli, command, out).map(drop)
        }
    }
}

/// Loads the demo shop into an empty database (with `--demo` it already is the demo).
fn demo(store: &mut Store, is_demo: bool, now: &str, out: &mut dyn Write) -> Result<()> {
    if is_demo {
        writeln!(out, "the demo database is loaded fresh on every --demo run")?;
        return Ok(());
    }
    if !store.is_empty()? {
        bail!(
            "this database already has data; the demo loads only into an empty one \
             (try `shoutout --demo` for a separate demo database)"
        );
    }
    let summary = crate::demo::load(store, now)?;
    writeln!(
        out,
        "demo shop loaded: 6 influencers, {} orders",
        summary.counts.new
    )?;
    Ok(())
}

/// Replaces the database with a backup, after a yes (the state before is kept).
fn restore(
    store: &mut Store,
    file: &Path,
    yes: bool,
    now: &str,
    out: &mut dyn Write,
) -> Result<()> {
    if !yes
        && !confirm(&format!(
            "Replace everything in {} with {}? [y/N] ",
            describe(store),
            file.display()
        ))?
    {
        bail!("not restored (pass --yes to restore without a question)");
    }
    let before = store.restore_from(file, &format!("before-restore-{now}"))?;
    writeln!(out, "restored {} from {}", describe(store), file.display())?;
    if let Some(b) = before {
        writeln!(out, "the previous state is kept in {}", b.display())?;
    }
    Ok(())
}

/// A domain error (which names its field) as an error about the flag of that name.
fn flag_err((field, e): (&'static str, crate::domain::ValueError)) -> anyhow::Error {
    anyhow::anyhow!("--{field}: {e}")
}

/// Whether a command only reads the database.
fn reads_only(command: &Command) -> bool {
    matches!(
        command,
        Command::Scorecard(_)
            | Command::Lift(_)
            | Command::Backup { .. }
            | Command::Influencer(InfluencerCmd::List(_))
            | Command::Code(CodeCmd::List(_))
            | Command::Cost(CostCmd::List(_))
            | Command::Post(PostCmd::List(_))
            | Command::Campaign(CampaignCmd::List(_) | CampaignCmd::Show { .. })
            | Command::Link(LinkCmd::List(_))
            | Command::Settings(args::SettingsCmd::List)
            | Command::Plan(_)
            | Command::Report(_)
            | Command::Product(args::ProductCmd::Cost(args::ProductCostCmd::List))
            | Command::Channel(args::ChannelCmd::List)
            | Command::Event(args::EventCmd::List { .. })
            | Command::Payout(args::PayoutCmd::List { .. })
            | Command::Gift(args::GiftCmd::List { .. })
            | Command::Doctor { rebuild: false }
    )
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
    eprint!("{}", crate::domain::visible(question));
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

fn scorecard_cmd(
    store: &Store,
    a: &ScorecardArgs,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    check_period(a.from, a.to)?;
    let options = ScorecardOptions {
        sort: a.sort,
        period: Period::Custom {
            from: a.from,
            to: a.to,
        },
        platform: a.platform,
        campaign: entries::campaign_id(store, &a.campaign)?,
        search: String::new(),
    };
    // Only the table warns of leaked codes: a file or JSON needs no order one by one. And
    // all time, with the code view alone, needs no day one by one either: each evidence's
    // totals give the same figures (tests/totals.rs).
    let table = a.csv.is_none() && !a.json;
    let all_time = a.from.is_none() && a.to.is_none();
    let facts = if !table && all_time && !a.compare && a.view == crate::metrics::View::Code {
        let facts = store.load_facts_all_time()?;
        warn_skipped(&facts);
        facts
    } else {
        load_facts(store, table)?
    };
    let mut card = scorecard(&facts, &options, today);
    if !a.channels {
        card.channels.clear();
    }
    if a.compare || a.view != crate::metrics::View::Code {
        return views_cmd(store, a, (&card, today), out);
    }
    if a.json {
        writeln!(out, "{}", crate::export::scorecard_json(&card))?;
        return Ok(());
    }
    if a.csv.is_none() {
        if a.sort == crate::metrics::SortKey::Profit && !card.profit_known {
            writeln!(
                out,
                "note: sorted by profit ROI, but no cost of goods or fee is set, so profit is \
                 revenue (see `shoutout settings`)"
            )?;
        }
        // The table warns of codes that look leaked (the lift model's check).
        for warning in leak_lines(&facts, today) {
            writeln!(out, "warning: {warning}")?;
        }
        // And of posts whose engagement looks wrong (docs/metrics.md, "Engagement flags").
        let range = options.period.range(today);
        let flags =
            crate::metrics::engagement_flags(&facts, &store.tiers()?, &store.engagement_ranges()?);
        for flag in flags
            .iter()
            .filter(|f| crate::metrics::Period::contains(range, f.posted_on))
        {
            let handle = facts.handle(flag.influencer_id).unwrap_or_default();
            writeln!(
                out,
                "flag: @{handle}, post of {}: {}",
                flag.posted_on, flag.reason
            )?;
        }
    }
    write_report(
        store,
        a.csv.as_deref(),
        a.force,
        card.rows.len(),
        out,
        |w| crate::export::write_csv(&card, w),
        || crate::export::render_table(&card),
    )
}

/// Writes the HTML report (all creators, a campaign's, or one creator's own page).
fn report_cmd(
    store: &Store,
    a: &args::ReportArgs,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    check_period(a.from, a.to)?;
    let options = ScorecardOptions {
        sort: a.sort,
        period: crate::metrics::Period::Custom {
            from: a.from,
            to: a.to,
        },
        platform: None,
        campaign: entries::campaign_id(store, &a.campaign)?,
        search: String::new(),
    };
    let creator = a
        .influencer
        .as_deref()
        .map(|h| store.influencer_by_handle(h))
        .transpose()?;
    let mut facts = load_facts(store, true)?;
    facts.shop_spans = store.lift_spans()?;
    let lift = crate::metrics::lift(
        &facts,
        &crate::metrics::LiftOptions {
            from: a.from,
            to: a.to,
            ..Default::default()
        },
        today,
    );
    let html = crate::export::report_html(
        &facts,
        &options,
        today,
        creator.as_ref().map(|c| c.id),
        a.campaign.as_deref(),
        Some(&lift),
        &store.load_cohort_groups(&facts)?,
    );
    let target = crate::export::ExportTarget {
        database: store.path().map(Path::to_path_buf),
        force: a.force,
    };
    let written = crate::export::write_export(&a.html, &target, |w| w.write_all(html.as_bytes()))?;
    writeln!(out, "wrote the report to {}", written.display())?;
    Ok(())
}

/// "@sarah: SARAH20 used 41 times by new buyers outside any post window since 12 May —
/// leaked?", for every code the lift model suspects.
fn leak_lines(facts: &crate::metrics::Facts, today: NaiveDate) -> Vec<String> {
    let handle = |id: i64| facts.handle(id).unwrap_or_default();
    crate::metrics::leak_warnings(facts, today)
        .into_iter()
        .map(|(id, flag)| format!("@{}: {flag}", handle(id)))
        .collect()
}

/// `--from` and `--to` make a period only in that order.
fn check_period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        bail!("--to {to} is before --from {from}");
    }
    Ok(())
}

/// The facts, with a warning for each row that could not be read; `coded` adds the orders
/// that carry a code or a `utm_source`, one by one (the lift model and its leak check).
fn load_facts(store: &Store, coded: bool) -> Result<crate::metrics::Facts> {
    let mut facts = store.load_facts()?;
    if coded {
        store.load_coded_orders(&mut facts)?;
    }
    warn_skipped(&facts);
    Ok(facts)
}

/// A warning for each row of the facts that could not be read.
fn warn_skipped(facts: &crate::metrics::Facts) {
    for note in facts.skipped() {
        eprintln!("warning: {}", crate::domain::visible(note));
    }
}

/// `scorecard --view customer|incremental` and `scorecard --compare`: the incremental view
/// runs the lift model over the same period.
fn views_cmd(
    store: &Store,
    a: &ScorecardArgs,
    (card, today): (&crate::metrics::Scorecard, NaiveDate),
    out: &mut dyn Write,
) -> Result<()> {
    use crate::metrics::{View, compare_views, view_rows};
    let lift = if a.compare || a.view == View::Incremental {
        let facts = store.load_lift_facts(None)?;
        let options = crate::metrics::LiftOptions {
            from: a.from,
            to: a.to,
            ..Default::default()
        };
        Some(crate::metrics::lift(&facts, &options, today))
    } else {
        None
    };
    if a.compare {
        let rows = compare_views(card, lift.as_ref());
        return write_report(
            store,
            a.csv.as_deref(),
            a.force,
            rows.len(),
            out,
            |w| crate::export::write_compare_csv(&rows, w),
            || crate::export::compare_table(&rows),
        );
    }
    let rows = view_rows(card, lift.as_ref(), a.view);
    write_report(
        store,
        a.csv.as_deref(),
        a.force,
        rows.len(),
        out,
        |w| crate::export::write_view_csv(&rows, w),
        || crate::export::view_table(&rows, a.view),
    )
}

fn lift_cmd(store: &Store, a: &LiftArgs, today: NaiveDate, out: &mut dyn Write) -> Result<()> {
    check_period(a.from, a.to)?;
    let facts = store.load_lift_facts(a.shop.as_deref())?;
    warn_skipped(&facts);
    let options = crate::metrics::LiftOptions {
        from: a.from,
        to: a.to,
        window_days: a.window_days,
        leak_min_uses: a.leak_min_uses,
        min_orders: a.min_orders,
    };
    let mut report = crate::metrics::lift(&facts, &options, today);
    if let Some(shop) = &a.shop {
        report
            .notes
            .insert(0, format!("only the orders of shop '{shop}'"));
    }
    if a.json {
        writeln!(out, "{}", crate::export::lift_json(&report))?;
        return Ok(());
    }
    write_report(
        store,
        a.out.csv.as_deref(),
        a.out.force,
        report.rows.len(),
        out,
        |w| crate::export::write_lift_csv(&report, w),
        || crate::export::render_lift_table(&report, a.window_days),
    )
}
