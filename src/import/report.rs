//! What an import tells the seller: the summary of a preview or an import, and the errors
//! that refuse a file.

use super::{Format, RowError};
use crate::store::{StoreError, UpsertCounts};
use chrono::NaiveDate;
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

/// What an import found (and, unless it was a dry run or refused, wrote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub file: PathBuf,
    pub format: Format,
    /// What the file turned out to be written in: `UTF-8`, `UTF-16LE`, `windows-1252`.
    pub encoding: &'static str,
    pub delimiter: char,
    /// The mapping's name when the format is [`Format::Mapped`].
    pub mapping_name: Option<String>,
    pub shop: String,
    pub counts: UpsertCounts,
    /// First and last order date in the file (shop-local).
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Codes used by orders of the file that belong to no influencer, with how many orders
    /// used each, most used first.
    pub unknown_codes: Vec<(String, u64)>,
    /// The first invalid rows (at most [`MAX_ERRORS`]); `counts.invalid` has the total.
    pub errors: Vec<RowError>,
    /// Gift orders (100 %-off orders with a creator's code): recorded as product cost, not
    /// as sales.
    pub gifts: i64,
    /// Whose gift orders they were: handle and count, most first (`None`: a code nobody
    /// owns).
    pub gift_owners: Vec<(Option<String>, u64)>,
    /// The product cost recorded for new gift orders, in cents (held wide: a sum of many
    /// orders never overflows).
    pub gift_cost: i128,
    /// Things the seller should know (an assumed currency, a mapping applied).
    pub notes: Vec<String>,
    /// The automatic backup taken just before the import was committed.
    pub backup: Option<PathBuf>,
    /// Whether the database was changed.
    pub written: bool,
    /// The shop's currency (set by the first order of a new shop).
    pub currency: Option<String>,
    /// Orders of the file that count (not cancelled, voided or gifts), and their net revenue
    /// in cents (valid orders only, each once).
    pub counted_orders: u64,
    pub net_cents: i128,
    /// Orders of the file that carry link evidence (a `utm_source`).
    pub link_orders: u64,
    /// Their sources with how many orders each, most first.
    pub link_sources: Vec<(String, u64)>,
    /// Orders without a `utm_source` whose click id says a paid ad brought them (kept as the
    /// shop's own paid channel), and those with a referrer only (organic; nothing kept).
    pub paid_clicks: u64,
    pub organic_referrals: u64,
    /// Whose each source is (`None`: nobody's), in the order of `link_sources`.
    pub link_owners: Vec<Option<String>>,
    /// What the file lacks, said once ("no code column: …").
    pub missing: Vec<String>,
    /// Orders converted into the shop's currency: (their currency, how many, the rate).
    pub converted: Vec<(String, u64, rust_decimal::Decimal)>,
    /// Dates a spreadsheet misread that were refused, and that `--fix-dates` would repair.
    pub dates_damaged: u64,
    /// Dates a spreadsheet misread that were imported as the dates they meant (`--fix-dates`).
    pub dates_fixed: u64,
}

impl ImportSummary {
    /// The summary of an import about to start: nothing counted yet.
    pub fn new(
        file: &std::path::Path,
        format: Format,
        encoding: &'static str,
        delimiter: char,
        shop: String,
    ) -> Self {
        ImportSummary {
            file: file.to_path_buf(),
            format,
            encoding,
            delimiter,
            mapping_name: None,
            shop,
            counts: UpsertCounts::default(),
            first: None,
            last: None,
            unknown_codes: Vec::new(),
            errors: Vec::new(),
            gifts: 0,
            gift_owners: Vec::new(),
            gift_cost: 0,
            notes: Vec::new(),
            written: false,
            backup: None,
            currency: None,
            counted_orders: 0,
            net_cents: 0,
            link_orders: 0,
            link_sources: Vec::new(),
            paid_clicks: 0,
            organic_referrals: 0,
            link_owners: Vec::new(),
            missing: Vec::new(),
            converted: Vec::new(),
            dates_damaged: 0,
            dates_fixed: 0,
        }
    }

    /// The summary as one JSON object (`import --json`): counts, the counted orders' net
    /// revenue as a decimal string, dates, what the file lacks, warnings and unknown codes.
    pub fn to_json(&self) -> serde_json::Value {
        let c = &self.counts;
        let codes: serde_json::Map<String, serde_json::Value> = self
            .unknown_codes
            .iter()
            .map(|(code, n)| (code.clone(), serde_json::Value::from(*n)))
            .collect();
        serde_json::json!({
            "file": self.file.display().to_string(),
            "format": self.format.as_str(),
            "shop": self.shop,
            "currency": self.currency,
            "orders_new": c.new,
            "orders_unchanged": c.unchanged,
            "orders_changed": c.changed,
            "orders_invalid": c.invalid,
            "counted_orders": self.counted_orders,
            "net_revenue": in_minor_units(
                crate::domain::from_wide_cents(self.net_cents),
                self.currency.as_deref().unwrap_or("")
            ),
            "date_from": self.first.map(|d| d.to_string()),
            "date_to": self.last.map(|d| d.to_string()),
            "link_orders": self.link_orders,
            "link_sources": self
                .link_sources
                .iter()
                .map(|(s, n)| (s.clone(), serde_json::Value::from(*n)))
                .collect::<serde_json::Map<_, _>>(),
            "link_owners": self
                .link_sources
                .iter()
                .zip(&self.link_owners)
                .filter_map(|((s, _), who)| who.as_ref().map(|h| (s.clone(), serde_json::Value::from(h.clone()))))
                .collect::<serde_json::Map<_, _>>(),
            "channel_hints": {
                "paid": self.paid_clicks,
                "organic": self.organic_referrals,
            },
            "gift_orders": self.gifts,
            "dates_damaged": self.dates_damaged,
            "dates_fixed": self.dates_fixed,
            "missing": self.missing,
            "converted": self
                .converted
                .iter()
                .map(|(c, n, rate)| serde_json::json!({"currency": c, "orders": n, "rate": rate.to_string()}))
                .collect::<Vec<_>>(),
            "warnings": self.notes,
            "unknown_codes": codes,
            "errors": self.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "written": self.written,
        })
    }

    /// The summary's lines on dates a spreadsheet misread: repaired, or refused.
    fn fmt_dates(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.dates_fixed > 0 {
            writeln!(
                f,
                "dates repaired: {} a spreadsheet misread (imported as the dates they meant)",
                self.dates_fixed
            )?;
        }
        if self.dates_damaged > 0 {
            writeln!(
                f,
                "damaged dates: {} a spreadsheet misread; --fix-dates imports them as the dates \
                 they meant",
                self.dates_damaged
            )?;
        }
        Ok(())
    }

    /// Whose gift orders they were: `@sarah 2, @milo 1, no creator's code 1`.
    pub fn gift_owner_list(&self) -> String {
        let owners: Vec<String> = self
            .gift_owners
            .iter()
            .map(|(who, n)| match who {
                Some(handle) => format!("@{handle} {n}"),
                None => format!("no creator's code {n}"),
            })
            .collect();
        owners.join(", ")
    }

    /// "Shopify orders export" or the mapping's own name.
    pub fn format_label(&self) -> String {
        match &self.mapping_name {
            Some(name) if !name.is_empty() => format!("{name} (column mapping)"),
            _ => self.format.describe().to_string(),
        }
    }
}

/// An amount with its currency's minor units (ISO 4217): `154767.00`, or `154767` for a
/// currency without them (JPY, KRW, …). Rounded half away from zero.
pub fn in_minor_units(amount: rust_decimal::Decimal, currency: &str) -> String {
    const NO_MINOR_UNITS: [&str; 16] = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
        "VUV", "XAF", "XOF",
    ];
    if NO_MINOR_UNITS.contains(&currency.to_ascii_uppercase().as_str()) {
        let mut whole =
            amount.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        whole.rescale(0);
        whole.to_string()
    } else {
        crate::domain::fmt2(amount)
    }
}

/// How many row errors a summary keeps.
pub const MAX_ERRORS: usize = 20;

impl ImportSummary {
    /// The codes of no influencer in the file, most used first, and the command that gives
    /// the first one to a creator.
    fn write_unknown_codes(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unknown_codes.is_empty() {
            writeln!(f, "codes that belong to no influencer: none")?;
        } else {
            let list: Vec<String> = self
                .unknown_codes
                .iter()
                .map(|(code, n)| format!("{code} ({n})"))
                .collect();
            writeln!(f, "codes that belong to no influencer: {}", list.join(", "))?;
            if let Some((code, _)) = self.unknown_codes.first() {
                writeln!(
                    f,
                    "  if {code} is a creator's: shoutout code add {code} --influencer HANDLE \
                     (her orders, these and those already imported, count for her at once)"
                )?;
            }
        }
        Ok(())
    }

    /// Where orders came from besides codes (links, paid clicks, referrals) and the gift
    /// orders the file held.
    fn write_links_and_gifts(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.link_orders > 0 {
            let list: Vec<String> = self
                .link_sources
                .iter()
                .zip(self.link_owners.iter().chain(std::iter::repeat(&None)))
                .map(
                    |((s, n), who)| match (who, crate::metrics::marketing_tool(s)) {
                        (Some(h), _) => format!("{s} ({n}, @{h})"),
                        (None, Some(tool)) => format!("{s} ({n}, {tool}, not a creator)"),
                        (None, None) => format!("{s} ({n}, nobody's)"),
                    },
                )
                .collect();
            writeln!(
                f,
                "link evidence (utm_source): {} orders: {}",
                self.link_orders,
                list.join(", ")
            )?;
        }
        if self.paid_clicks + self.organic_referrals > 0 {
            writeln!(
                f,
                "without a utm_source: {} orders came through a paid ad's click (the shop's \
                 own channel, never a creator's), {} through a referral (left to the lift \
                 model's baseline and posts)",
                self.paid_clicks, self.organic_referrals
            )?;
        }
        if self.gifts > 0 {
            writeln!(
                f,
                "gift orders: {} (not sales; {} recorded as product cost): {}",
                self.gifts,
                crate::domain::fmt2(crate::domain::from_wide_cents(self.gift_cost)),
                self.gift_owner_list()
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let delimiter = match self.delimiter {
            '\t' => "tab".to_string(),
            d => format!("'{d}'"),
        };
        writeln!(
            f,
            "{}: {} (shop '{}'; {}, {delimiter}-separated)",
            self.file.display(),
            self.format_label(),
            self.shop,
            self.encoding
        )?;
        let c = &self.counts;
        writeln!(
            f,
            "orders: {} new, {} unchanged, {} changed, {} invalid",
            c.new, c.unchanged, c.changed, c.invalid
        )?;
        match (self.first, self.last) {
            (Some(a), Some(b)) => writeln!(f, "dates: {a} to {b}")?,
            _ => writeln!(f, "dates: no orders")?,
        }
        self.write_unknown_codes(f)?;
        self.write_links_and_gifts(f)?;
        for (currency, n, rate) in &self.converted {
            writeln!(
                f,
                "converted: {n} order(s) in {currency} at {rate} into {} (each amount rounded \
                 once to the cent; their own amounts are kept)",
                self.currency.as_deref().unwrap_or("the shop's currency")
            )?;
        }
        self.fmt_dates(f)?;
        for missing in &self.missing {
            writeln!(f, "missing: {missing}")?;
        }
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        for e in &self.errors {
            writeln!(f, "  {e}")?;
        }
        if (self.errors.len() as i64) < c.invalid {
            writeln!(f, "  ... and {} more", c.invalid - self.errors.len() as i64)?;
        }
        if let Some(backup) = &self.backup {
            writeln!(
                f,
                "backup of the database before this import: {}",
                backup.display()
            )?;
        }
        write!(
            f,
            "{}",
            if self.written {
                "imported."
            } else {
                "nothing written."
            }
        )
    }
}

/// Why a file could not be imported at all. Nothing was written.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{file}: {error}")]
    Io { file: String, error: std::io::Error },
    #[error("{file}: line {line}: {message}")]
    Malformed {
        file: String,
        line: u64,
        message: String,
    },
    #[error(
        "{file}: the header does not look like a known order export (first columns: {}). \
         Known: Shopify, Etsy (orders or items), WooCommerce (Analytics or the Advanced Order \
         Export plugin). For any other CSV pass --mapping FILE, a TOML file naming its \
         columns (`shoutout import --help` shows one)",
        .header.iter().take(6).map(|h| crate::domain::excerpt(h, 40)).collect::<Vec<_>>().join(", ")
    )]
    UnknownFormat { file: String, header: Vec<String> },
    #[error(
        "{file}: this is {what}, not an order export; export your orders from the shop as CSV \
         (Shopify: Orders → Export; Etsy: Settings → Options → Download data; WooCommerce: \
         Analytics → Orders → Download)"
    )]
    NotText { file: String, what: &'static str },
    #[error(
        "{file}: line 1: the column '{name}' is named twice (columns {first} and {second}), so \
         which one holds the figures is unclear. Nothing was imported; remove or rename one"
    )]
    RepeatedColumn {
        file: String,
        name: String,
        first: usize,
        second: usize,
    },
    #[error("--rate {currency} is given twice ({first} and {second}); give each currency one rate")]
    RepeatedRate {
        currency: String,
        first: rust_decimal::Decimal,
        second: rust_decimal::Decimal,
    },
    #[error("{file}: the mapping is not valid: {message}")]
    BadMapping { file: String, message: String },
    #[error("{file}: line 1: this {format} is missing the column(s) {missing}")]
    MissingColumns {
        file: String,
        format: &'static str,
        missing: String,
    },
    #[error(
        "{} order(s) of {} are invalid, so nothing was imported \
         (fix the file, or pass --skip-invalid to import the rest):\n{}",
        .0.counts.invalid, .0.file.display(), error_lines(.0)
    )]
    Invalid(Box<ImportSummary>),
    #[error(
        "{file}: {collisions} of its orders have the numbers of orders already imported for \
         shop '{shop}' but another customer and date: this looks like another shop's export. \
         Nothing was imported. Import it under its own name with --shop NAME (e.g. --shop \
         second-shop); if it really is '{shop}', pass --shop {shop}"
    )]
    OtherShop {
        file: String,
        shop: String,
        collisions: u64,
    },
    #[error(
        "{file}: its orders were already imported for shop '{other}'; importing them again \
         as shop '{shop}' would count every order twice. Nothing was imported"
    )]
    SameOrdersOtherShop {
        file: String,
        shop: String,
        other: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn error_lines(summary: &ImportSummary) -> String {
    let mut lines: Vec<String> = summary.errors.iter().map(|e| format!("  {e}")).collect();
    let more = summary.counts.invalid - summary.errors.len() as i64;
    if more > 0 {
        lines.push(format!("  ... and {more} more"));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_show_their_currencys_minor_units() {
        let a = rust_decimal::Decimal::new(15476650, 2);
        assert_eq!(in_minor_units(a, "USD"), "154766.50");
        assert_eq!(in_minor_units(a, "jpy"), "154767");
        assert_eq!(in_minor_units(a, ""), "154766.50");
    }
}
