//! The headless command line: one clap subcommand per job of the weekly loop. Each command
//! parses its input with the domain's parsers, calls the same store, import, metrics and
//! export functions as the TUI, and prints the result.

mod args;

pub use args::{
    CampaignCmd, Cli, CodeCmd, Command, CostCmd, ImportArgs, InfluencerCmd, LinkCmd, PostArgs,
    PostCmd, ScorecardArgs,
};

use crate::domain::{NewCampaign, NewCost, NewInfluencer, NewPost, fmt2};
use crate::import::{ImportOptions, import_file};
use crate::launch::{now, open_store, paths};
use crate::metrics::{Period, ScorecardOptions, scorecard};
use crate::store::Store;
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches};
use rust_decimal::Decimal;
use std::io::Write;
use std::path::Path;

/// Parses the command line, with `--version` also saying where the data lives.
pub fn parse() -> Cli {
    let data = paths::data_dir().map_or_else(|e| e.to_string(), |d| d.display().to_string());
    let version = format!("{}\ndata directory: {data}", env!("CARGO_PKG_VERSION"));
    let matches = Cli::command().version(version).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs a subcommand, printing to `out`.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write) -> Result<()> {
    if let Command::Paths = command {
        let db = cli.target().database()?;
        writeln!(out, "database:       {}", db.display())?;
        writeln!(out, "data directory: {}", paths::data_dir()?.display())?;
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
        Err(e) => return Err(e),
    };
    let (today, now) = now();
    match command {
        Command::Influencer(cmd) => influencer(&mut store, cmd, out),
        Command::Code(cmd) => code(&mut store, cmd, out),
        Command::Cost(cmd) => cost(&mut store, cmd, out),
        Command::Post(PostCmd::Add(args)) => post_add(&mut store, args, out),
        Command::Post(PostCmd::List) => post_list(&store, out),
        Command::Post(PostCmd::Delete { id, yes }) => post_delete(&mut store, *id, *yes, out),
        Command::Campaign(cmd) => campaign(&mut store, cmd, out),
        Command::Link(cmd) => link(&mut store, cmd, out),
        Command::Import(args) => import(&mut store, args, now, out),
        Command::Scorecard(args) => scorecard_cmd(&store, args, today, out),
        Command::Demo => demo(&mut store, cli.demo, &now, out),
        Command::Backup { file } => {
            store.backup_to(file)?;
            writeln!(out, "backed up {} to {}", describe(&store), file.display())?;
            Ok(())
        }
        Command::Restore { file, yes } => restore(&mut store, file, *yes, &now, out),
        Command::Paths => unreachable!("handled above"),
    }
}

fn post_delete(store: &mut Store, id: i64, yes: bool, out: &mut dyn Write) -> Result<()> {
    let Some(p) = store.posts()?.into_iter().find(|p| p.id == id) else {
        return Err(crate::store::StoreError::NotFound { what: "post", id }.into());
    };
    let what = format!(
        "the {} post of @{} on {}",
        p.post.platform, p.handle, p.post.posted_on
    );
    delete(&what, yes, out, || store.delete_post(id))
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
            | Command::Backup { .. }
            | Command::Influencer(InfluencerCmd::List)
            | Command::Code(CodeCmd::List)
            | Command::Cost(CostCmd::List)
            | Command::Post(PostCmd::List)
            | Command::Campaign(CampaignCmd::List)
            | Command::Link(LinkCmd::List)
    )
}

fn describe(store: &Store) -> String {
    store
        .path()
        .map_or("the database".into(), |p| p.display().to_string())
}

/// Deletes `what` after a yes on the terminal (or with `--yes`), and says what went.
fn delete(
    what: &str,
    yes: bool,
    out: &mut dyn Write,
    go: impl FnOnce() -> crate::store::Result<()>,
) -> Result<()> {
    if !yes && !confirm(&format!("Delete {what}? [y/N] "))? {
        bail!("not deleted (pass --yes to delete without a question)");
    }
    go()?;
    writeln!(out, "deleted {what}")?;
    Ok(())
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
            let new = NewInfluencer::new(
                handle,
                name,
                *platform,
                *followers,
                commission.unwrap_or(Decimal::ZERO),
            )
            .map_err(flag_err)?;
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
            let code = crate::domain::parse_code(code).map_err(|e| anyhow::anyhow!("code: {e}"))?;
            let code = code.as_str();
            let owner = store.influencer_by_handle(influencer)?;
            let campaign = campaign_id(store, campaign)?;
            store.add_code(code, owner.id, campaign)?;
            writeln!(out, "code {} now credits @{}", code.trim(), owner.handle)?;
        }
        CodeCmd::Delete { code, yes } => {
            let key = crate::domain::normalize_code(code);
            let Some(c) = store
                .codes()?
                .into_iter()
                .find(|c| crate::domain::normalize_code(&c.code) == key)
            else {
                bail!("no promo code '{}' (see `shoutout code list`)", code.trim());
            };
            let what = format!(
                "code {} of @{} (its orders stop counting for her)",
                c.code, c.handle
            );
            delete(&what, *yes, out, || store.delete_code(c.id))?;
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
            let cost = NewCost::new(*kind, *amount, *date, note).map_err(flag_err)?;
            let owner = store.influencer_by_handle(influencer)?;
            let campaign = campaign_id(store, campaign)?;
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
        CostCmd::Delete { id, yes } => {
            let Some(c) = store.costs()?.into_iter().find(|c| c.id == *id) else {
                return Err(crate::store::StoreError::NotFound {
                    what: "cost",
                    id: *id,
                }
                .into());
            };
            let what = format!(
                "the {} of {} for @{} on {}",
                c.kind,
                fmt2(c.amount),
                c.handle,
                c.date
            );
            delete(&what, *yes, out, || store.delete_cost(*id))?;
        }
        CostCmd::List => {
            let mut rows = vec![[
                "id".to_string(),
                "date".into(),
                "influencer".into(),
                "kind".into(),
                "amount".into(),
                "note".into(),
            ]];
            for c in store.costs()? {
                rows.push([
                    c.id.to_string(),
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
    post.check().map_err(flag_err)?;
    store.add_post(owner.id, &post, campaign)?;
    let engagements =
        crate::metrics::engagements([post.likes, post.comments, post.shares, post.saves]);
    writeln!(
        out,
        "logged {} post of @{} on {}: {} engagements, {} followers",
        post.platform, owner.handle, post.posted_on, engagements, post.followers
    )?;
    Ok(())
}

fn post_list(store: &Store, out: &mut dyn Write) -> Result<()> {
    let mut rows = vec![[
        "id".to_string(),
        "date".into(),
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
            p.id.to_string(),
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
            new.validate().map_err(flag_err)?;
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
            // The campaign must exist, as in the app: a typo is not silently a new name.
            let campaign_row = match campaign.trim() {
                "" => None,
                name => Some(store.campaign_by_name(name).map_err(|e| {
                    anyhow::anyhow!("--campaign: {e} (create it with `shoutout campaign add`)")
                })?),
            };
            let new = crate::domain::NewLink::parse(
                url,
                &owner.handle,
                owner.platform,
                medium.as_deref().unwrap_or(""),
                campaign,
                content,
            )
            .map_err(flag_err)?;
            store.add_link(owner.id, campaign_row, &new)?;
            writeln!(out, "{}", new.url())?;
        }
        LinkCmd::Delete { id, yes } => {
            let Some(l) = store.links()?.into_iter().find(|l| l.id == *id) else {
                return Err(crate::store::StoreError::NotFound {
                    what: "link",
                    id: *id,
                }
                .into());
            };
            let what = format!("the link of @{}: {}", l.handle, l.url);
            delete(&what, *yes, out, || store.delete_link(*id))?;
        }
        LinkCmd::List => {
            let mut rows = vec![["id".to_string(), "influencer".into(), "link".into()]];
            for l in store.links()? {
                rows.push([l.id.to_string(), format!("@{}", l.handle), l.url]);
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
        backup: true,
    };
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
    let facts = store.load_facts()?;
    for note in facts.skipped() {
        eprintln!("warning: {}", crate::domain::visible(note));
    }
    let card = scorecard(&facts, &options, today);
    match a.csv.as_deref() {
        None => write!(out, "{}", crate::export::render_table(&card))?,
        Some(p) if p.as_os_str() == "-" => crate::export::write_csv(&card, out)?,
        Some(p) => {
            let target = crate::export::ExportTarget {
                database: store.path().map(Path::to_path_buf),
                force: a.force,
            };
            let written = crate::export::write_export(p, &target, |w| {
                crate::export::write_csv(&card, w).map_err(std::io::Error::other)
            })?;
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
