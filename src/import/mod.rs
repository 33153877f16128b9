//! Shop order exports → [`OrderRecord`]s → one transaction in the store.
//!
//! Each format has a reader that finds its columns by name (real exports change layout over
//! the years) and yields one record per order. [`import_file`] detects the format from the
//! header, streams the file through the reader, classifies every order as new, unchanged,
//! changed or invalid, and then commits, or rolls back for a dry run or a file with errors.
//! A preview and a real import run the very same code, so their counts cannot differ.

mod columns;
mod etsy;
mod format;
mod mapped;
mod report;
mod rows;
mod shopify;
mod text;
mod woo;

pub use columns::{NumberStyle, RowError};
pub use format::{Format, detect};
pub use mapped::{Mapping, header_key};
pub use report::{ImportError, ImportSummary, MAX_ERRORS};

use crate::domain::OrderRecord;
use crate::store::{BatchMeta, Store, Upsert, UpsertCounts, fingerprint};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};

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
    /// A column mapping to use (and save for this header).
    pub mapping: Option<Mapping>,
    /// The currency of files that have no currency column (WooCommerce Analytics); defaults
    /// to the shop's currency, or USD for a first import.
    pub currency: Option<String>,
    /// Gift orders are recorded as product cost at this percent of their retail value
    /// (remembered for later imports; 100 until set).
    pub gift_cost_pct: Option<rust_decimal::Decimal>,
    /// Take an automatic backup of the database just before committing (once the file has
    /// been read and found good).
    pub backup: bool,
}

impl ImportOptions {
    /// Options for a plain import at `now`.
    pub fn new(now: impl Into<String>) -> ImportOptions {
        ImportOptions {
            format: Format::Auto,
            dry_run: false,
            skip_invalid: false,
            shop: None,
            now: now.into(),
            mapping: None,
            currency: None,
            gift_cost_pct: None,
            backup: false,
        }
    }
}

/// An order read from a file, with the line it starts on, or the error of its first bad cell.
type ReadOrder = Result<(u64, OrderRecord), RowError>;

/// How many orders the reading thread hands over at a time.
const CHUNK: usize = 1024;

/// A reader of one export format: yields each order, or the error of its first bad cell.
pub(crate) trait OrderReader: Send {
    fn next_order(&mut self) -> Option<Result<(u64, OrderRecord), RowError>>;
    /// The header of the order-number column, to name it in errors.
    fn id_column(&self) -> &'static str;
}

/// Hashes everything read through it, so the batch records the file's SHA-256 without a
/// second pass.
struct HashingReader<R> {
    inner: R,
    hasher: Arc<Mutex<Sha256>>,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher
            .lock()
            .expect("only the reading thread hashes")
            .update(&buf[..n]);
        Ok(n)
    }
}

/// The setting that remembers the shop last named for files of a layout (the app offers it
/// again for the next file with the same header).
pub fn shop_setting(layout_key: &str) -> String {
    format!("shop_for_layout:{layout_key}")
}

/// The layout key of a file: its header as [`header_key`] makes it.
pub fn layout_key(path: &Path) -> Result<String, ImportError> {
    let file_name = path.display().to_string();
    let io = |error| ImportError::Io {
        file: file_name.clone(),
        error,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let sniffed = text::sniff(std::io::BufReader::new(file)).map_err(io)?;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(sniffed.delimiter)
        .from_reader(sniffed.reader);
    let header = csv
        .headers()
        .map_err(|e| columns::malformed(&file_name, &e))?;
    Ok(header_key(header))
}

/// What a reader needs beyond the header: the delimiter's number custom, the mapping of a
/// mapped file, and the currency of files that have no currency column.
pub(crate) struct ReaderSetup {
    pub decimal_comma: bool,
    pub mapping: Option<Mapping>,
    pub currency: String,
}

/// The reader of a format, its columns found by name in the header.
pub(crate) fn open_reader<'r, R: Read + Send>(
    format: Format,
    csv: &'r mut csv::Reader<R>,
    columns: &columns::Columns,
    file_name: &str,
    setup: ReaderSetup,
) -> Result<Box<dyn OrderReader + 'r>, ImportError> {
    let style = NumberStyle::guess(setup.decimal_comma);
    Ok(match format {
        Format::Shopify | Format::Auto => Box::new(shopify::ShopifyRows::reader(
            csv, columns, file_name, style,
        )?),
        Format::EtsyOrders => {
            Box::new(etsy::EtsyOrderRows::reader(csv, columns, file_name, style)?)
        }
        Format::EtsyItems => Box::new(etsy::EtsyItemsReader::new(csv, columns, file_name, style)?),
        Format::WooAnalytics => Box::new(woo::AnalyticsRows::reader(
            csv,
            columns,
            file_name,
            style,
            setup.currency,
        )?),
        Format::WooPlugin => Box::new(woo::PluginRows::reader(
            csv,
            columns,
            file_name,
            style,
            setup.currency,
        )?),
        Format::Mapped => Box::new(mapped::MappedRows::reader(
            csv,
            columns,
            file_name,
            setup.mapping.ok_or_else(|| ImportError::BadMapping {
                file: file_name.to_string(),
                message: "a mapped file needs a mapping".into(),
            })?,
            setup.decimal_comma,
            setup.currency,
        )?),
    })
}

/// Imports (or with `dry_run`, previews) an order export.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    if path.is_dir() {
        return Err(ImportError::Io {
            file: path.display().to_string(),
            error: std::io::Error::other("this is a folder, not a CSV file"),
        });
    }
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io {
        file: path.display().to_string(),
        error: source,
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
    input: impl Read + Send,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let file_name = path.display().to_string();
    let hasher = Arc::new(Mutex::new(Sha256::new()));
    let hashing = HashingReader {
        inner: input,
        hasher: Arc::clone(&hasher),
    };
    let sniffed = text::sniff(hashing).map_err(|source| ImportError::Io {
        file: file_name.clone(),
        error: source,
    })?;
    let (encoding, delimiter, decimal_comma) =
        (sniffed.encoding, sniffed.delimiter, sniffed.decimal_comma());
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(sniffed.reader);
    let header = csv
        .headers()
        .map_err(|e| columns::malformed(&file_name, &e))?
        .clone();
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::Malformed {
            file: file_name,
            line: 1,
            message: "the file is empty (no header line)".into(),
        });
    }
    let columns = columns::Columns::new(&header);
    let key = header_key(&header);

    // The mapping: given, or saved for this header when nothing built-in matches.
    let mut mapping = options.mapping.clone();
    let format = match (options.format, &mapping) {
        (Format::Auto, None) => match detect(&header) {
            Some(f) => f,
            None => match store.saved_mapping(&key)? {
                Some(text) => {
                    mapping = Some(Mapping::from_toml(&text).map_err(|message| {
                        ImportError::BadMapping {
                            file: file_name.clone(),
                            message,
                        }
                    })?);
                    Format::Mapped
                }
                None => {
                    return Err(ImportError::UnknownFormat {
                        file: file_name,
                        header: header.iter().map(|h| h.trim().to_string()).collect(),
                    });
                }
            },
        },
        (Format::Auto | Format::Mapped, Some(_)) => Format::Mapped,
        (Format::Mapped, None) => {
            return Err(ImportError::BadMapping {
                file: file_name,
                message: "--format mapped needs --mapping FILE".into(),
            });
        }
        (chosen, _) => chosen,
    };

    let shop = options
        .shop
        .clone()
        .unwrap_or_else(|| format.default_shop().to_string());
    let mut summary = ImportSummary {
        file: path.to_path_buf(),
        format,
        encoding,
        delimiter: delimiter as char,
        mapping_name: mapping.as_ref().map(|m| m.name.clone()),
        shop: shop.clone(),
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
    };
    let meta = BatchMeta {
        file_name: file_name.clone(),
        sha256: String::new(),
        format: format.as_str().to_string(),
        source: shop,
        imported_at: options.now.clone(),
    };
    let mut batch = store.begin_import(&meta)?;
    if let Some(shop) = &options.shop
        && !options.dry_run
    {
        batch.set_setting(&shop_setting(&key), shop)?;
    }
    let mut currency = batch.setting("currency")?;
    // Formats without a currency column take the shop's (or the one given).
    let fallback_currency = options
        .currency
        .clone()
        .map(|c| c.trim().to_ascii_uppercase())
        .or_else(|| currency.clone())
        .unwrap_or_else(|| "USD".to_string());
    let gift_pct = match options.gift_cost_pct {
        Some(pct) => {
            if !options.dry_run {
                batch.set_setting("gift_cost_pct", &pct.to_string())?;
            }
            pct
        }
        None => batch
            .setting("gift_cost_pct")?
            .and_then(|t| crate::domain::parse_percent(&t).ok())
            .unwrap_or(rust_decimal::Decimal::ONE_HUNDRED),
    };
    match format {
        Format::WooAnalytics | Format::WooPlugin
            if !columns.has("Order Currency") && !columns.has("Currency") =>
        {
            summary.notes.push(format!(
                "the file has no currency column: its orders are taken as {fallback_currency}"
            ));
        }
        Format::Mapped => {
            let m = mapping.as_ref().expect("a mapped format has a mapping");
            if m.currency.is_none() && m.currency_column.is_none() {
                summary.notes.push(format!(
                    "the mapping names no currency: orders are taken as {fallback_currency}"
                ));
            }
            if options.mapping.is_some() && !options.dry_run {
                batch.save_mapping(&key, &m.name, &m.to_toml(), &options.now)?;
                summary
                    .notes
                    .push("the mapping was saved: files with this header will use it".into());
            }
        }
        _ => {}
    }
    let mut reader = open_reader(
        format,
        &mut csv,
        &columns,
        &file_name,
        ReaderSetup {
            decimal_comma,
            mapping: mapping.clone(),
            currency: fallback_currency.clone(),
        },
    )?;
    let mut code_uses: HashMap<String, u64> = HashMap::new();
    let mut gift_owners: HashMap<Option<String>, u64> = HashMap::new();
    let reject = |summary: &mut ImportSummary, error: RowError| {
        summary.counts.invalid += 1;
        if summary.errors.len() < MAX_ERRORS {
            summary.errors.push(error);
        }
    };
    let id_column = reader.id_column();
    // Two cores: this thread writes to SQLite while another reads and parses the file. The
    // channel is bounded, so memory stays flat however large the file.
    let written: Result<(), ImportError> = std::thread::scope(|scope| {
        let (sender, orders) = std::sync::mpsc::sync_channel::<Vec<(ReadOrder, i64)>>(4);
        scope.spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK);
            while let Some(item) = reader.next_order() {
                let fp = item.as_ref().map_or(0, |(_, order)| fingerprint(order));
                let fatal = matches!(&item, Err(e) if e.fatal);
                chunk.push((item, fp));
                if chunk.len() == CHUNK || fatal {
                    if sender.send(std::mem::take(&mut chunk)).is_err() || fatal {
                        return; // the writer stopped, or the file is broken here
                    }
                    chunk.reserve(CHUNK);
                }
            }
            let _ = sender.send(chunk);
        });
        for chunk in orders {
            // First the cells and the currency, then the chunk's valid orders in one go.
            let mut valid: Vec<(u64, OrderRecord, i64)> = Vec::with_capacity(chunk.len());
            for (item, fp) in chunk {
                let (line, order) = match item {
                    Ok(found) => found,
                    Err(error) if error.fatal => {
                        return Err(ImportError::Malformed {
                            file: file_name.clone(),
                            line: error.line,
                            message: error.to_string(),
                        });
                    }
                    Err(error) => {
                        reject(&mut summary, error);
                        continue;
                    }
                };
                // Whatever the layout: a time a shop could have written...
                if let Err(e) =
                    crate::domain::check_order_time(&order.placed_at.to_rfc3339(), &order.placed_at)
                {
                    reject(&mut summary, RowError::from_value(line, "date", e));
                    continue;
                }
                // ... and an order's revenue and refunds never below zero.
                if order.subtotal < 0 || order.refunded < 0 {
                    let (what, cents) = if order.subtotal < 0 {
                        ("subtotal", order.subtotal)
                    } else {
                        ("refunded amount", order.refunded)
                    };
                    reject(
                        &mut summary,
                        RowError::new(
                            line,
                            what,
                            &crate::domain::fmt2(crate::domain::from_cents(cents)),
                            "an amount of 0 or more",
                        ),
                    );
                    continue;
                }
                match &currency {
                    None => {
                        batch.set_setting("currency", &order.currency)?;
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
                valid.push((line, order, fp));
            }
            let refs: Vec<(&OrderRecord, i64)> = valid.iter().map(|(_, o, fp)| (o, *fp)).collect();
            let outcomes = batch.upsert_many(&refs)?;
            for ((line, order, _), done) in valid.iter().zip(outcomes) {
                if done == Upsert::RepeatedInFile {
                    reject(
                        &mut summary,
                        RowError::new(
                            *line,
                            id_column,
                            &order.external_id,
                            "an order number not used by an earlier order of this file",
                        ),
                    );
                    continue;
                }
                summary.counts.add(done);
                if let Some(retail) = order.gift_value {
                    summary.gifts += 1;
                    let owner = gift_owner(&batch, order)?;
                    if done == Upsert::New
                        && let Some((id, code, _)) = &owner
                    {
                        summary.gift_cost +=
                            i128::from(record_gift(&batch, order, *id, code, retail, gift_pct)?);
                    }
                    *gift_owners.entry(owner.map(|(_, _, h)| h)).or_default() += 1;
                }
                let day = order.placed_at.date_naive();
                summary.first = Some(summary.first.map_or(day, |d| d.min(day)));
                summary.last = Some(summary.last.map_or(day, |d| d.max(day)));
                for code in &order.codes {
                    match code_uses.get_mut(code) {
                        Some(n) => *n += 1,
                        None => {
                            code_uses.insert(code.clone(), 1);
                        }
                    }
                }
            }
        }
        Ok(())
    });
    written?;
    let known = batch.known_codes(code_uses.keys().map(String::as_str))?;
    summary.unknown_codes = code_uses
        .into_iter()
        .filter(|(code, _)| !known.contains(code))
        .collect();
    summary
        .unknown_codes
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    summary.gift_owners = gift_owners.into_iter().collect();
    summary
        .gift_owners
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if summary.counts.invalid > 0 && !options.skip_invalid {
        return Err(ImportError::Invalid(Box::new(summary)));
    }
    // Orders of another shop under the same numbers: never rewrite them.
    let foreign = batch.foreign_collisions();
    if foreign > 0 && foreign * 2 >= summary.counts.changed.max(1) as u64 {
        return Err(ImportError::OtherShop {
            file: file_name,
            shop: summary.shop.clone(),
            collisions: foreign,
        });
    }
    // Read to the end so the hash covers the whole file.
    std::io::copy(&mut csv.into_inner(), &mut std::io::sink()).map_err(|source| {
        ImportError::Io {
            file: file_name.clone(),
            error: source,
        }
    })?;
    let sha256 = crate::domain::order::hex(
        &hasher
            .lock()
            .expect("the reading thread has ended")
            .clone()
            .finalize(),
    );
    if options.backup {
        summary.backup = batch.backup_before_commit(&format!("before-import-{}", options.now))?;
    }
    if let Some(other) = batch.other_shop_of_file(&sha256)? {
        return Err(ImportError::SameFileOtherShop {
            file: file_name,
            shop: summary.shop.clone(),
            other,
        });
    }
    if options.dry_run {
        return Ok(summary);
    }
    batch.commit(&summary.counts, &sha256)?;
    summary.written = true;
    Ok(summary)
}

/// The creator a gift order was for: the owner of its first code that has one, as (id, code,
/// handle).
fn gift_owner(
    batch: &crate::store::OrderImport<'_>,
    order: &OrderRecord,
) -> Result<Option<(i64, String, String)>, ImportError> {
    for code in &order.codes {
        if let Some((id, handle)) = batch.code_owner_handle(code)? {
            return Ok(Some((id, code.clone(), handle)));
        }
    }
    Ok(None)
}

/// Records a gift order as a product cost of `owner`, whose `code` it carries: retail value
/// × `pct` / 100, rounded to the cent (half away from zero). Returns the cost in cents.
fn record_gift(
    batch: &crate::store::OrderImport<'_>,
    order: &OrderRecord,
    owner: i64,
    code: &str,
    retail: crate::domain::Cents,
    pct: rust_decimal::Decimal,
) -> Result<crate::domain::Cents, ImportError> {
    let cost = crate::domain::round2(
        crate::domain::from_cents(retail) * pct / rust_decimal::Decimal::ONE_HUNDRED,
    );
    let cents = crate::domain::to_cents(cost).map_err(|error| {
        ImportError::Store(crate::store::StoreError::Invalid {
            field: "gift cost",
            error,
        })
    })?;
    batch.add_import_cost(
        owner,
        crate::domain::CostKind::Product,
        cents,
        order.placed_at.date_naive(),
        &format!(
            "gift order {} (retail {}, code {code})",
            order.external_id,
            crate::domain::fmt2(crate::domain::from_cents(retail))
        ),
    )?;
    Ok(cents)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fuzz_tests;
