//! The entry lists' row definitions, one per list (influencers, codes, links, costs, posts,
//! gifts, payouts, campaigns, events): its columns and each row's cells. The CLI's table, its
//! `--csv` file and the app's screen all draw a list from here, as [`super::cells`] serves
//! the scorecard, so the three cannot drift apart.
//!
//! A row's cells are the values as stored: a handle without its `@`, an amount with two
//! decimals, empty where nothing was given. [`Column::shown`] dresses a cell for a screen.

use crate::domain::{Cents, fmt2, from_cents};
use crate::metrics::{GiftFact, GiftStatus, PayoutLine};
use crate::store::{CampaignRow, CodeRow, CostRow, EventRow, InfluencerRow, LinkRow, PostRow};
use std::io::Write;

/// How a column's cells read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Right-aligned; a missing value shows as `—`.
    Number,
    /// A creator's handle, shown with its `@`.
    Handle,
}

/// One column of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Its name in the CSV header.
    pub key: &'static str,
    /// Its title on the screen and in the CLI's table.
    pub title: &'static str,
    pub kind: Kind,
    /// Which columns the app keeps when the terminal is narrow: 1 always, higher first to go.
    pub priority: u8,
}

const fn col(key: &'static str, title: &'static str, kind: Kind, priority: u8) -> Column {
    Column {
        key,
        title,
        kind,
        priority,
    }
}

const fn text(key: &'static str, title: &'static str, priority: u8) -> Column {
    col(key, title, Kind::Text, priority)
}

const fn number(key: &'static str, title: &'static str, priority: u8) -> Column {
    col(key, title, Kind::Number, priority)
}

const fn handle(key: &'static str, title: &'static str) -> Column {
    col(key, title, Kind::Handle, 1)
}

impl Column {
    /// Whether its cells are numbers (right-aligned).
    pub fn numeric(&self) -> bool {
        self.kind == Kind::Number
    }

    /// A stored cell as a screen shows it: a handle with its `@`, a missing number as `—`,
    /// control characters made visible.
    pub fn shown(&self, cell: &str) -> String {
        match self.kind {
            Kind::Handle if !cell.is_empty() => format!("@{}", crate::domain::visible(cell)),
            Kind::Number if cell.is_empty() => "—".to_string(),
            _ => crate::domain::visible(cell).into_owned(),
        }
    }
}

/// The CSV header of a list's columns.
pub const fn keys<const N: usize>(columns: &[Column; N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = columns[i].key;
        i += 1;
    }
    out
}

/// A list ready to print: its columns and every row's stored cells.
pub struct List {
    pub columns: &'static [Column],
    pub rows: Vec<Vec<String>>,
}

impl List {
    pub fn new<T>(
        columns: &'static [Column],
        items: &[T],
        cells: impl Fn(&T) -> Vec<String>,
    ) -> List {
        List {
            columns,
            rows: items.iter().map(cells).collect(),
        }
    }

    /// The list as an aligned table to read: the titles, then each row as shown, numbers
    /// right-aligned; `(none yet)` under the titles when it is empty.
    pub fn table(&self) -> String {
        self.table_or("(none yet)")
    }

    /// [`List::table`], with `empty` under the titles when the list is empty.
    pub fn table_or(&self, empty: &str) -> String {
        let titles: Vec<&str> = self.columns.iter().map(|c| c.title).collect();
        let body: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                self.columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| c.shown(v))
                    .collect()
            })
            .collect();
        let left: Vec<usize> = (0..self.columns.len())
            .filter(|&i| !self.columns[i].numeric())
            .collect();
        let mut out = super::table::align(&titles, &body, &left);
        if self.rows.is_empty() {
            out.push_str(empty);
            out.push('\n');
        }
        out
    }

    /// The list as CSV: the keys, then every row with its text neutralised against
    /// spreadsheet formulas ([`super::neutralize`]).
    pub fn write_csv(&self, w: &mut dyn Write) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(w);
        w.write_record(self.columns.iter().map(|c| c.key))?;
        for row in &self.rows {
            w.write_record(self.columns.iter().zip(row).map(|(c, v)| match c.kind {
                Kind::Number => v.clone(),
                _ => super::neutralize(v),
            }))?;
        }
        w.flush()?;
        Ok(())
    }
}

/// Every list's columns, to know a list shoutout wrote when an export would replace it.
const ALL: [&[Column]; 9] = [
    &INFLUENCERS,
    &CODES,
    &LINKS,
    &COSTS,
    &POSTS,
    &GIFTS,
    &PAYOUTS,
    &CAMPAIGNS,
    &EVENTS,
];

/// Whether `line` (a file's first line) is the CSV header of one of the lists.
pub fn is_list_header(line: &[u8]) -> bool {
    ALL.iter().any(|columns| {
        let keys: Vec<&str> = columns.iter().map(|c| c.key).collect();
        line.starts_with(keys.join(",").as_bytes())
    })
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// `influencer list` and the Influencers screen.
pub const INFLUENCERS: [Column; 7] = [
    handle("handle", "Handle"),
    text("name", "Name", 3),
    text("platform", "Platform", 1),
    number("followers", "Followers", 1),
    number("commission_pct", "Comm. %", 2),
    text("codes", "Codes", 1),
    text("archived", "Archived", 4),
];

/// An influencer's cells, her codes among `codes`.
pub fn influencer_cells(i: &InfluencerRow, codes: &[CodeRow]) -> Vec<String> {
    let mine: Vec<&str> = codes
        .iter()
        .filter(|c| c.handle == i.handle)
        .map(|c| c.code.as_str())
        .collect();
    vec![
        i.handle.clone(),
        i.name.clone(),
        i.platform.to_string(),
        i.followers.to_string(),
        i.commission_pct.normalize().to_string(),
        mine.join(" "),
        if i.archived { "yes" } else { "" }.to_string(),
    ]
}

/// `code list` and the Codes screen.
pub const CODES: [Column; 3] = [
    text("code", "Code", 1),
    handle("influencer", "Influencer"),
    text("campaign", "Campaign", 2),
];

pub fn code_cells(c: &CodeRow) -> Vec<String> {
    vec![
        c.code.clone(),
        c.handle.clone(),
        c.campaign.clone().unwrap_or_default(),
    ]
}

/// `link list` and the links under the Codes screen.
pub const LINKS: [Column; 3] = [
    number("id", "Id", 3),
    handle("influencer", "Influencer"),
    text("link", "Link", 1),
];

pub fn link_cells(l: &LinkRow) -> Vec<String> {
    vec![l.id.to_string(), l.handle.clone(), l.url.clone()]
}

/// `cost list` and the Costs screen.
pub const COSTS: [Column; 7] = [
    number("id", "Id", 4),
    text("date", "Date", 1),
    handle("influencer", "Influencer"),
    text("kind", "Kind", 1),
    number("amount", "Amount", 1),
    text("campaign", "Campaign", 3),
    text("note", "Note", 2),
];

pub fn cost_cells(c: &CostRow) -> Vec<String> {
    vec![
        c.id.to_string(),
        c.date.to_string(),
        c.handle.clone(),
        c.kind.to_string(),
        fmt2(c.amount),
        c.campaign.clone().unwrap_or_default(),
        c.note.clone(),
    ]
}

/// `post list` and the Posts screen: every field `post add` takes.
pub const POSTS: [Column; 19] = [
    number("id", "Id", 6),
    text("date", "Date", 1),
    handle("influencer", "Influencer"),
    text("platform", "Platform", 3),
    text("format", "Format", 5),
    text("url", "URL", 6),
    number("followers", "Followers", 2),
    number("likes", "Likes", 1),
    number("comments", "Comments", 1),
    number("shares", "Shares", 2),
    number("saves", "Saves", 2),
    number("views", "Views", 4),
    number("reach", "Reach", 4),
    number("impressions", "Impressions", 5),
    number("clicks", "Clicks", 4),
    text("campaign", "Campaign", 5),
    number("content_value", "Content value", 5),
    text("sentiment", "Sentiment", 5),
    text("note", "Note", 6),
];

pub fn post_cells(p: &PostRow) -> Vec<String> {
    let post = &p.post;
    vec![
        p.id.to_string(),
        post.posted_on.to_string(),
        p.handle.clone(),
        post.platform.to_string(),
        post.format.clone(),
        post.url.clone(),
        post.followers.to_string(),
        opt(post.likes),
        opt(post.comments),
        opt(post.shares),
        opt(post.saves),
        opt(post.views),
        opt(post.reach),
        opt(post.impressions),
        opt(post.clicks),
        p.campaign.clone().unwrap_or_default(),
        post.content_value.map_or(String::new(), fmt2),
        post.sentiment.map_or("", |s| s.as_str()).to_string(),
        post.note.clone(),
    ]
}

/// `gift list` and the Gifts screen: the ledger as of a day.
pub const GIFTS: [Column; 10] = [
    number("id", "Id", 6),
    handle("influencer", "Influencer"),
    text("date", "Sent", 1),
    text("item", "Item", 3),
    number("retail", "Retail", 5),
    number("cost", "Cost", 4),
    number("shipping", "Shipping", 5),
    text("status", "Status", 1),
    text("posted_on", "Posted", 2),
    number("days_waiting", "Waiting", 1),
];

/// A gift's cells: the gift, its creator's handle and its status on the ledger's day.
pub fn gift_cells(g: &GiftFact, handle: &str, status: GiftStatus) -> Vec<String> {
    let m = |c: Cents| fmt2(from_cents(c));
    vec![
        g.id.to_string(),
        handle.to_string(),
        g.given_on.to_string(),
        g.item.clone(),
        m(g.retail),
        m(g.cost),
        m(g.shipping),
        status.as_str().to_string(),
        opt(status.posted_on()),
        opt(status.days_waiting()),
    ]
}

/// `payout list` and the payout form's note: each creator's commission as of a day.
pub const PAYOUTS: [Column; 5] = [
    handle("influencer", "Influencer"),
    number("commission_earned", "Earned", 1),
    number("commission_held", "Held", 1),
    number("paid", "Paid", 1),
    number("owed", "Owed", 1),
];

pub fn payout_cells(l: &PayoutLine) -> Vec<String> {
    vec![
        l.handle.clone(),
        fmt2(l.commission_earned),
        fmt2(l.commission_held),
        fmt2(l.paid),
        fmt2(l.owed),
    ]
}

/// The payouts as a table to read: each creator's commission earned, held for refunds, paid
/// and owed (the CLI's `payout list` and the app's payouts note), from the one row definition.
pub fn payout_table(lines: &[crate::metrics::PayoutLine]) -> Vec<String> {
    let list = List::new(&PAYOUTS, lines, payout_cells);
    list.table().lines().map(String::from).collect()
}

/// `campaign list` and the Campaigns screen.
pub const CAMPAIGNS: [Column; 5] = [
    text("name", "Name", 1),
    text("goal", "Goal", 1),
    text("start", "Start", 2),
    text("end", "End", 2),
    number("budget", "Budget", 1),
];

pub fn campaign_cells(c: &CampaignRow) -> Vec<String> {
    vec![
        c.name.clone(),
        c.goal.clone(),
        opt(c.starts_on),
        opt(c.ends_on),
        c.budget.map(fmt2).unwrap_or_default(),
    ]
}

/// `event list` and the Events screen.
pub const EVENTS: [Column; 5] = [
    number("id", "Id", 3),
    text("name", "Event", 1),
    text("first_day", "First day", 2),
    text("last_day", "Last day", 2),
    number("days", "Days", 2),
];

pub fn event_cells(e: &EventRow) -> Vec<String> {
    let days = (e.last - e.first).num_days() + 1;
    vec![
        e.id.to_string(),
        e.name.clone(),
        e.first.to_string(),
        e.last.to_string(),
        days.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_missing_number_shows_as_a_dash_and_a_handle_with_its_at() {
        assert_eq!(POSTS[7].shown(""), "—");
        assert_eq!(POSTS[7].shown("12"), "12");
        assert_eq!(POSTS[2].shown("milo"), "@milo");
        assert_eq!(POSTS[18].shown("a\u{1b}b"), "a␛b");
    }

    #[test]
    fn the_csv_neutralises_text_but_not_numbers() {
        let list = List {
            columns: &COSTS,
            rows: vec![vec![
                "3".into(),
                "2026-01-02".into(),
                "=milo".into(),
                "fee".into(),
                "-5.00".into(),
                String::new(),
                "+note".into(),
            ]],
        };
        let mut out = Vec::new();
        list.write_csv(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "id,date,influencer,kind,amount,campaign,note\n3,2026-01-02,'=milo,fee,-5.00,,'+note\n"
        );
    }

    #[test]
    fn an_empty_list_says_so_under_its_titles() {
        let list = List::new(&CODES, &[] as &[CodeRow], code_cells);
        assert_eq!(list.table(), "Code  Influencer  Campaign\n(none yet)\n");
    }

    #[test]
    fn every_list_has_as_many_cells_as_columns() {
        let e = EventRow {
            id: 1,
            name: "Market".into(),
            first: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            last: NaiveDate::from_ymd_opt(2026, 1, 3).unwrap(),
        };
        assert_eq!(event_cells(&e).len(), EVENTS.len());
        assert_eq!(event_cells(&e)[4], "3");
    }
}
