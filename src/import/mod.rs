//! Shop order exports → [`OrderRecord`]s → one transaction in the store.
//!
//! Each format has a reader that finds its columns by name (real exports change layout over
//! the years) and yields one record per order. [`import_file`] detects the format from the
//! header, streams the file through the reader, classifies every order as new, unchanged,
//! changed or invalid, and then commits, or rolls back for a dry run or a file with errors.
//! A preview and a real import run the very same code, so their counts cannot differ.

mod columns;
mod shopify;

pub use columns::RowError;

use crate::domain::OrderRecord;
use crate::store::{BatchMeta, Store, StoreError, Upsert, UpsertCounts};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use thiserror::Error;

/// The export layouts shoutout reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Recognise the layout from the header.
    Auto,
    /// Shopify admin › Orders › Export (73, 78 and 79-column layouts).
    Shopify,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Shopify => "shopify",
        }
    }

    /// A description for previews: "Shopify orders export".
    pub fn describe(self) -> &'static str {
        match self {
            Format::Auto => "automatic detection",
            Format::Shopify => "Shopify orders export",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = crate::domain::ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "shopify" => Ok(Format::Shopify),
            _ => Err(crate::domain::ValueError::new(
                s,
                "a format: auto or shopify",
            )),
        }
    }
}

/// How to run an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub format: Format,
    /// Classify and report, write nothing.
    pub dry_run: bool,
    /// Import the valid orders of a file that has invalid ones (they are listed).
    pub skip_invalid: bool,
    /// The shop the file comes from; defaults to the format's name. Orders are keyed by
    /// (shop, order id), so two shops' `#1001` never collide.
    pub shop: Option<String>,
    /// When the import runs (ISO 8601), recorded on the batch.
    pub now: String,
}

/// What an import found (and, unless it was a dry run or refused, wrote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub file: PathBuf,
    pub format: Format,
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
    /// Whether the database was changed.
    pub written: bool,
}

/// How many row errors a summary keeps.
pub const MAX_ERRORS: usize = 20;

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} (shop '{}')",
            self.file.display(),
            self.format.describe(),
            self.shop
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
        if self.unknown_codes.is_empty() {
            writeln!(f, "codes that belong to no influencer: none")?;
        } else {
            let list: Vec<String> = self
                .unknown_codes
                .iter()
                .map(|(code, n)| format!("{code} ({n})"))
                .collect();
            writeln!(f, "codes that belong to no influencer: {}", list.join(", "))?;
        }
        for e in &self.errors {
            writeln!(f, "  {e}")?;
        }
        if (self.errors.len() as i64) < c.invalid {
            writeln!(f, "  ... and {} more", c.invalid - self.errors.len() as i64)?;
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
    #[error("{file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: line {line}: {message}")]
    Malformed {
        file: String,
        line: u64,
        message: String,
    },
    #[error(
        "{file}: the header does not look like a known order export (first columns: {header}). \
         Known: Shopify orders export"
    )]
    UnknownFormat { file: String, header: String },
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

/// A reader of one export format: yields each order, or the error of its first bad cell.
pub(crate) trait OrderReader {
    fn next_order(&mut self) -> Option<Result<(u64, OrderRecord), RowError>>;
}

/// Hashes everything read through it, so the batch records the file's SHA-256 without a
/// second pass.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Imports (or with `dry_run`, previews) an order export.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io {
        file: path.display().to_string(),
        source,
    })?;
    import_reader(
        store,
        path,
        std::io::BufReader::with_capacity(1 << 16, file),
        options,
    )
}

/// Imports (or previews) an export read from `input`; `path` names it in messages.
pub fn import_reader(
    store: &mut Store,
    path: &Path,
    input: impl Read,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let file_name = path.display().to_string();
    let hashing = HashingReader {
        inner: input,
        hasher: Sha256::new(),
    };
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(hashing);
    let header = csv
        .headers()
        .map_err(|e| columns::malformed(&file_name, &e))?
        .clone();
    let format = match options.format {
        Format::Auto => detect(&header).ok_or_else(|| ImportError::UnknownFormat {
            file: file_name.clone(),
            header: header.iter().take(6).collect::<Vec<_>>().join(", "),
        })?,
        chosen => chosen,
    };
    let mut reader: Box<dyn OrderReader + '_> = match format {
        Format::Shopify | Format::Auto => {
            Box::new(shopify::ShopifyReader::new(&mut csv, &header, &file_name)?)
        }
    };
    let shop = options
        .shop
        .clone()
        .unwrap_or_else(|| format.as_str().to_string());
    let mut summary = ImportSummary {
        file: path.to_path_buf(),
        format,
        shop: shop.clone(),
        counts: UpsertCounts::default(),
        first: None,
        last: None,
        unknown_codes: Vec::new(),
        errors: Vec::new(),
        written: false,
    };
    let meta = BatchMeta {
        file_name: file_name.clone(),
        sha256: String::new(),
        format: format.as_str().to_string(),
        source: shop,
        imported_at: options.now.clone(),
    };
    let mut batch = store.begin_import(&meta)?;
    let mut currency = batch.shop_currency()?;
    let mut code_uses: HashMap<String, u64> = HashMap::new();
    let reject = |summary: &mut ImportSummary, error: RowError| {
        summary.counts.invalid += 1;
        if summary.errors.len() < MAX_ERRORS {
            summary.errors.push(error);
        }
    };
    while let Some(item) = reader.next_order() {
        let (line, order) = match item {
            Ok(found) => found,
            Err(error) if error.fatal => {
                return Err(ImportError::Malformed {
                    file: file_name,
                    line: error.line,
                    message: error.to_string(),
                });
            }
            Err(error) => {
                reject(&mut summary, error);
                continue;
            }
        };
        match &currency {
            None => {
                batch.set_shop_currency(&order.currency)?;
                currency = Some(order.currency.clone());
            }
            Some(shop_currency) if *shop_currency != order.currency => {
                reject(
                    &mut summary,
                    RowError::new(
                        line,
                        "Currency",
                        &order.currency,
                        format!("{shop_currency}, the currency of the shop's other orders"),
                    ),
                );
                continue;
            }
            Some(_) => {}
        }
        match batch.upsert(&order)? {
            Upsert::RepeatedInFile => {
                reject(
                    &mut summary,
                    RowError::new(
                        line,
                        "Name",
                        &order.external_id,
                        "an order number not used by an earlier order of this file",
                    ),
                );
                continue;
            }
            done => summary.counts.add(done),
        }
        let day = order.placed_at.date_naive();
        summary.first = Some(summary.first.map_or(day, |d| d.min(day)));
        summary.last = Some(summary.last.map_or(day, |d| d.max(day)));
        for code in &order.codes {
            *code_uses.entry(code.clone()).or_default() += 1;
        }
    }
    drop(reader);
    let known = batch.known_codes(code_uses.keys().map(String::as_str))?;
    summary.unknown_codes = code_uses
        .into_iter()
        .filter(|(code, _)| !known.contains(code))
        .collect();
    summary
        .unknown_codes
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if summary.counts.invalid > 0 && !options.skip_invalid {
        return Err(ImportError::Invalid(Box::new(summary)));
    }
    if options.dry_run {
        return Ok(summary);
    }
    let sha256: String = csv
        .into_inner()
        .hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    batch.commit(&summary.counts, &sha256)?;
    summary.written = true;
    Ok(summary)
}

/// Recognises an export layout by its header.
pub fn detect(header: &csv::StringRecord) -> Option<Format> {
    let has = |name: &str| header.iter().any(|h| h.trim() == name);
    if has("Name") && has("Financial Status") && has("Subtotal") && has("Lineitem name") {
        return Some(Format::Shopify);
    }
    None
}

#[cfg(test)]
mod tests;
