//! Shop order exports → [`OrderRecord`]s → one transaction in the store.
//!
//! Each format has a reader that finds its columns by name (real exports change layout over
//! the years) and yields one record per order. [`import_file`] detects the format from the
//! header, streams the file through the reader, classifies every order as new, unchanged,
//! changed or invalid, and then commits, or rolls back for a dry run or a file with errors.
//! A preview and a real import run the very same code, so their counts cannot differ.

mod classify;
mod codes;
mod columns;
mod dates;
mod etsy;
mod format;
mod layout;
mod lines;
mod links;
mod mapped;
mod opening;
mod products;
mod report;
mod rows;
mod shopify;
mod text;
mod woo;

pub use columns::{NumberStyle, RowError};
pub use format::{Format, detect};
pub use mapped::{Mapping, header_key};
pub use opening::parse_file;
pub use products::{ProductCostFile, read_product_costs, read_product_costs_from};
pub use report::{ImportError, ImportSummary, MAX_ERRORS};

use crate::domain::OrderRecord;
use crate::store::{BatchMeta, Store, fingerprint};
use classify::Classifier;
use opening::{Opened, open_export};
use std::io::Read;
use std::path::Path;

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
    /// Take an automatic backup of the database as the import begins, before it writes;
    /// kept only if the import commits (a refused file or a preview leaves none).
    pub backup: bool,
    /// Rates to convert orders in another currency into the shop's: (currency, units of the
    /// shop's currency per unit of it), e.g. (`USD`, 32.10) in a lira shop.
    pub rates: Vec<(String, rust_decimal::Decimal)>,
    /// Import dates a spreadsheet misread (`11/12/20` read back as 2011-12-20) as the dates
    /// they meant, instead of refusing those orders (`import --fix-dates`).
    pub fix_dates: bool,
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
            rates: Vec::new(),
            fix_dates: false,
        }
    }
}

/// An order read from a file, with the line it starts on, or the error of its first bad cell.
type ReadOrder = Result<(u64, OrderRecord), RowError>;

/// How many orders the reading thread hands over at a time (512: as fast as larger chunks,
/// and a 500,000-order import holds a few MB less in flight).
const CHUNK: usize = 512;

/// A reader of one export format: yields each order, or the error of its first bad cell.
pub(crate) trait OrderReader: Send {
    fn next_order(&mut self) -> Option<Result<(u64, OrderRecord), RowError>>;
    /// The header of the order-number column, to name it in errors.
    fn id_column(&self) -> &'static str;
    /// The header of the date column, likewise.
    fn date_column(&self) -> &'static str {
        "date"
    }
    /// What the file lacks that the scorecard would use, in words.
    fn missing(&self) -> Vec<String> {
        Vec::new()
    }
    /// What the seller should know once every order was read.
    fn notes(&self) -> Vec<String> {
        Vec::new()
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

/// Imports (or with `dry_run`, previews) an order export.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    check_rates(&options.rates)?;
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
    // Unbuffered: the CSV reader's own buffer is the only one (see `open_export`).
    import_reader(store, path, file, options)
}

/// Imports (or previews) an export read from `input`; `path` names it in messages.
///
/// The stages, each in its own place: the header is read and the layout decided
/// ([`layout::resolve_format`]); the batch is opened with the shop's settings
/// ([`prepare_batch`]); the layout's reader ([`layout::open_reader`]) yields orders on one
/// thread while the [`Classifier`] sorts and writes them on this one ([`read_in_chunks`]);
/// [`finish`] commits, or stops at the preview.
pub fn import_reader(
    store: &mut Store,
    path: &Path,
    input: impl Read + Send,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let Opened {
        file_name,
        mut csv,
        columns,
        key,
        layout,
        decimal_comma,
        resaved,
        mut summary,
    } = open_export(store, path, input, options)?;
    let mut batch = store.begin_import(&BatchMeta {
        file_name: file_name.clone(),
        format: summary.format.as_str().to_string(),
        source: summary.shop.clone(),
        imported_at: options.now.clone(),
    })?;
    if options.backup && !options.dry_run {
        batch.back_up(&format!("before-import-{}", options.now))?;
    }
    let settings = prepare_batch(&batch, options, &key, &layout, &columns, &mut summary)?;
    let reader = layout::open_reader(
        &layout,
        &mut csv,
        &columns,
        &file_name,
        decimal_comma,
        settings.fallback_currency,
    )?;
    summary.missing = reader.missing();
    let mut classifier = Classifier::new(
        summary,
        settings.currency,
        settings.gift_pct,
        reader.id_column(),
    )
    .with_rates(&options.rates)
    .with_dates(reader.date_column(), &options.now)
    .with_fixed_dates(options.fix_dates);
    let notes = read_in_chunks(reader, |chunk| classifier.accept_chunk(&mut batch, chunk))
        .map_err(|e| if resaved { resave_broke(e) } else { e })?;
    classifier.note(notes);
    let summary = classifier.into_summary(&batch, options.skip_invalid)?;
    finish(batch, summary, options)
}

/// A file a spreadsheet re-saved that still does not read whole (its quotes do not pair up
/// once unwrapped) is not cut short, whatever the row's field count suggests: it says what it
/// is and how to get a file that reads.
fn resave_broke(e: ImportError) -> ImportError {
    match e {
        ImportError::Malformed {
            file,
            line,
            message,
        } => {
            let what = message
                .split(" (is the file cut short")
                .next()
                .unwrap_or(&message);
            ImportError::Malformed {
                file,
                line,
                message: format!(
                    "a spreadsheet re-saved this file and this row does not read back whole \
                     ({what}). Export the orders from the shop again and import that file \
                     without opening it in a spreadsheet first"
                ),
            }
        }
        other => other,
    }
}

/// A rate as `import --rate` (and the app's rate field) takes it: `USD=32.10`, a currency
/// code and the shop's units per one of it, above 0.
pub fn parse_rate(s: &str) -> Result<(String, rust_decimal::Decimal), crate::domain::ValueError> {
    let bad = || crate::domain::ValueError::new(s, "a currency and a rate, like USD=32.10");
    let (currency, rate) = s.split_once('=').ok_or_else(bad)?;
    let currency = currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(bad());
    }
    let rate: rust_decimal::Decimal = rate.trim().parse().map_err(|_| bad())?;
    if rate <= rust_decimal::Decimal::ZERO {
        return Err(bad());
    }
    Ok((currency, rate))
}

/// Refuses a currency given two rates (which one was meant?).
fn check_rates(rates: &[(String, rust_decimal::Decimal)]) -> Result<(), ImportError> {
    let key = |c: &str| c.trim().to_ascii_uppercase();
    for (j, (currency, second)) in rates.iter().enumerate() {
        if let Some((_, first)) = rates[..j].iter().find(|(c, _)| key(c) == key(currency)) {
            return Err(ImportError::RepeatedRate {
                currency: key(currency),
                first: *first,
                second: *second,
            });
        }
    }
    Ok(())
}

/// What the batch's settings say for this import.
struct BatchSettings {
    /// The shop's currency, if an earlier import set it.
    currency: Option<String>,
    /// The currency of orders in a file without a currency column.
    fallback_currency: String,
    /// Gift orders become product cost at this percent of their retail value.
    gift_pct: rust_decimal::Decimal,
}

/// Reads the shop's settings in the open batch and records what this import changes (the
/// shop named for this layout, a new gift cost ratio, a mapping to save; undone with the
/// import). Notes what the seller should know about the file.
fn prepare_batch(
    batch: &crate::store::OrderImport<'_>,
    options: &ImportOptions,
    key: &str,
    layout: &layout::Layout,
    columns: &columns::Columns,
    summary: &mut ImportSummary,
) -> Result<BatchSettings, ImportError> {
    let write = !options.dry_run;
    if let Some(shop) = &options.shop
        && write
    {
        batch.set_setting(&shop_setting(key), shop)?;
    }
    let currency = batch.setting("currency")?;
    let fallback_currency = options
        .currency
        .clone()
        .map(|c| c.trim().to_ascii_uppercase())
        .or_else(|| currency.clone())
        .unwrap_or_else(|| "USD".to_string());
    let gift_pct = match options.gift_cost_pct {
        Some(pct) => {
            if write {
                batch.set_setting("gift_cost_pct", &pct.to_string())?;
            }
            pct
        }
        None => batch
            .setting("gift_cost_pct")?
            .and_then(|t| crate::domain::parse_percent(&t).ok())
            .unwrap_or(rust_decimal::Decimal::ONE_HUNDRED),
    };
    match layout {
        layout::Layout::WooAnalytics | layout::Layout::WooPlugin
            if !columns.has("Order Currency") && !columns.has("Currency") =>
        {
            summary.notes.push(format!(
                "the file has no currency column: its orders are taken as {fallback_currency}"
            ));
        }
        layout::Layout::Mapped(m) => {
            if m.currency.is_none() && m.currency_column.is_none() {
                summary.notes.push(format!(
                    "the mapping names no currency: orders are taken as {fallback_currency}"
                ));
            }
            if options.mapping.is_some() && write {
                batch.save_mapping(key, &m.name, &m.to_toml(), &options.now)?;
                summary
                    .notes
                    .push("the mapping was saved: files with this header will use it".into());
            }
        }
        _ => {}
    }
    Ok(BatchSettings {
        currency,
        fallback_currency,
        gift_pct,
    })
}

/// Two cores: `reader` reads and parses the file on a second thread while `accept` writes to
/// SQLite on this one, a chunk of [`CHUNK`] orders at a time. The channel is bounded, so
/// memory stays flat however large the file; a fatal row error ends the reading. What
/// `accept` returns (the orders it is done with) goes back to the reading thread to be freed
/// where it was allocated, which the system allocator does much faster than a free from
/// another thread. Returns what the reader has to say once it has read every order.
fn read_in_chunks<T: Send>(
    mut reader: Box<dyn OrderReader + '_>,
    mut accept: impl FnMut(Vec<(ReadOrder, i64)>) -> Result<T, ImportError>,
) -> Result<Vec<String>, ImportError> {
    std::thread::scope(|scope| {
        // One chunk waiting is enough to keep the writer busy; more would only hold memory.
        let (sender, orders) = std::sync::mpsc::sync_channel::<Vec<(ReadOrder, i64)>>(1);
        let (give_back, done) = std::sync::mpsc::sync_channel::<T>(1);
        let reading = scope.spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK);
            while let Some(item) = reader.next_order() {
                while let Ok(freed) = done.try_recv() {
                    drop(freed);
                }
                let item = item.and_then(screened);
                let fp = item.as_ref().map_or(0, |(_, order)| fingerprint(order));
                let fatal = matches!(&item, Err(e) if e.fatal);
                chunk.push((item, fp));
                if chunk.len() == CHUNK || fatal {
                    if sender.send(std::mem::take(&mut chunk)).is_err() || fatal {
                        return Vec::new(); // the writer stopped, or the file is broken here
                    }
                    chunk.reserve(CHUNK);
                }
            }
            let _ = sender.send(chunk);
            reader.notes()
        });
        for chunk in orders {
            let finished = accept(chunk)?;
            // When the reader is ahead (or gone), free it here rather than wait.
            if let Err(std::sync::mpsc::TrySendError::Full(f)) = give_back.try_send(finished) {
                drop(f);
            }
        }
        Ok(reading.join().unwrap_or_default())
    })
}

/// What every layout's orders pass before they are fingerprinted and written: a text value
/// longer than [`crate::domain::MAX_TEXT`] makes the order invalid (quoted as an excerpt),
/// and a UTM value that is about a person ([`links::is_personal`]) is dropped.
fn screened((line, mut order): (u64, OrderRecord)) -> ReadOrder {
    if let Some((what, text)) = order.overlong() {
        let expected = format!(
            "at most {} characters (this one has {})",
            crate::domain::MAX_TEXT,
            text.chars().count()
        );
        return Err(RowError::new(line, what, text, expected));
    }
    for utm in [&mut order.utm_source, &mut order.utm_campaign] {
        if utm.as_deref().is_some_and(links::is_personal) {
            *utm = None;
        }
    }
    Ok((line, order))
}

/// The last stage: orders already imported under another shop name are refused; a preview
/// stops here (the batch is rolled back); otherwise the batch is committed, keeping the
/// automatic backup taken as it began.
fn finish(
    batch: crate::store::OrderImport<'_>,
    mut summary: ImportSummary,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    if let Some(other) = batch.other_shop_with_these_orders()? {
        return Err(ImportError::SameOrdersOtherShop {
            file: summary.file.display().to_string(),
            shop: summary.shop.clone(),
            other,
        });
    }
    if options.dry_run {
        return Ok(summary);
    }
    if summary.counts.total() == 0 {
        // Only a header: nothing to import, so no import is recorded (nor a backup kept).
        summary
            .notes
            .push("the file holds no orders (only its header): no import was recorded".into());
        return Ok(summary);
    }
    let backup = batch.backup_path().map(Path::to_path_buf);
    batch.commit(&summary.counts)?;
    // A file that changed nothing keeps no backup (`OrderImport::commit`).
    summary.backup = backup.filter(|path| path.exists());
    summary.written = true;
    Ok(summary)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fuzz_tests;
