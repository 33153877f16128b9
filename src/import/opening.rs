//! Opening an export up to its orders: the file sniffed (encoding, delimiter, a spreadsheet's
//! re-save), its header read and its layout decided. The import goes on to write the
//! orders; [`parse_file`] only reads them, to measure the floor.

use super::{ImportError, ImportOptions, ImportSummary, columns, header_key, layout, text};
use crate::store::{Store, fingerprint};
use std::io::Read;
use std::path::Path;

/// Reads and parses every order of a file as an import's reading thread does (decoding,
/// CSV, every field, the fingerprints) and writes nothing: the floor no
/// import can go below, which `benches/perf.rs` measures. Returns how many orders it read.
pub fn parse_file(path: &Path, options: &ImportOptions) -> Result<u64, ImportError> {
    // Only to resolve the layout: a fresh store has no saved mapping.
    let store = Store::open_in_memory()?;
    let file = std::fs::File::open(path).map_err(|error| ImportError::Io {
        file: path.display().to_string(),
        error,
    })?;
    let Opened {
        file_name,
        mut csv,
        columns,
        layout,
        decimal_comma,
        ..
    } = open_export(&store, path, file, options)?;
    let mut reader = layout::open_reader(
        &layout,
        &mut csv,
        &columns,
        &file_name,
        decimal_comma,
        "USD".into(),
    )?;
    let mut orders = 0;
    while let Some(item) = reader.next_order() {
        if let Ok((_, order)) = &item {
            std::hint::black_box(fingerprint(order));
            orders += 1;
        }
    }
    Ok(orders)
}

/// An export opened up to its orders: sniffed, its header read, its layout decided.
pub(super) struct Opened<'a> {
    pub(super) file_name: String,
    pub(super) csv: csv::Reader<Box<dyn Read + Send + 'a>>,
    pub(super) columns: columns::Columns,
    /// The header's layout key ([`header_key`]).
    pub(super) key: String,
    pub(super) layout: layout::Layout,
    pub(super) decimal_comma: bool,
    /// A spreadsheet re-saved the file (it is read through [`super::lines::Unwrap`]).
    pub(super) resaved: bool,
    pub(super) summary: ImportSummary,
}

/// Sniffs `input` (refusing what is not text), reads its header and decides its layout
/// ([`layout::resolve_format`]); the summary starts with what that found.
pub(super) fn open_export<'a>(
    store: &Store,
    path: &Path,
    input: impl Read + Send + 'a,
    options: &ImportOptions,
) -> Result<Opened<'a>, ImportError> {
    let file_name = path.display().to_string();
    let sniffed = sniff_text(input, &file_name)?;
    let (encoding, delimiter, decimal_comma, resaved) = (
        sniffed.encoding,
        sniffed.delimiter,
        sniffed.decimal_comma(),
        sniffed.resaved,
    );
    // The one buffer between the file and the parser, large enough to read the file in
    // few calls (a second buffer in front of it would copy every byte once more).
    let mut csv = csv::ReaderBuilder::new()
        .buffer_capacity(1 << 16)
        .has_headers(true)
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(sniffed.reader);
    let header = read_header(&mut csv, &file_name)?;
    let columns = columns::Columns::new(&header);
    let key = header_key(&header);
    let layout = layout::resolve_format(
        store,
        options.format,
        options.mapping.as_ref(),
        &header,
        &key,
        &file_name,
    )?;
    let format = layout.format();
    let shop = options
        .shop
        .clone()
        .unwrap_or_else(|| format.default_shop().to_string());
    let mut summary = ImportSummary::new(path, format, encoding, delimiter as char, shop);
    if resaved {
        summary.notes.push(
            "a spreadsheet re-saved this file (rows wrapped in quotes, lines ending in ;): \
             it was read as the original export"
                .into(),
        );
    }
    if let layout::Layout::Mapped(m) = &layout {
        summary.mapping_name = Some(m.name.clone());
    }
    Ok(Opened {
        file_name,
        csv,
        columns,
        key,
        layout,
        decimal_comma,
        resaved,
        summary,
    })
}

/// Sniffs `input` ([`text::sniff`]) and refuses what is not text; `file` names it in the
/// error. Every file shoutout imports, orders or product costs, is opened through this.
pub(super) fn sniff_text<'a>(
    input: impl Read + Send + 'a,
    file: &str,
) -> Result<text::Sniffed<'a>, ImportError> {
    let sniffed = text::sniff(input).map_err(|error| ImportError::Io {
        file: file.to_string(),
        error,
    })?;
    match sniffed.not_text {
        Some(what) => Err(ImportError::NotText {
            file: file.to_string(),
            what,
        }),
        None => Ok(sniffed),
    }
}

/// The header line, which must name at least one column.
fn read_header<R: Read>(
    csv: &mut csv::Reader<R>,
    file_name: &str,
) -> Result<csv::StringRecord, ImportError> {
    let header = csv
        .headers()
        .map_err(|e| columns::malformed(file_name, &e))?
        .clone();
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::Malformed {
            file: file_name.to_string(),
            line: 1,
            message: "the file is empty (no header line)".into(),
        });
    }
    if let Some((name, first, second)) = repeated_column(&header) {
        return Err(ImportError::RepeatedColumn {
            file: file_name.to_string(),
            name: crate::domain::excerpt(&name, 60),
            first,
            second,
        });
    }
    Ok(header)
}

/// The first header name given twice (trimmed, in any case, as columns are looked up), with
/// both its positions counted from 1. Empty names do not count.
fn repeated_column(header: &csv::StringRecord) -> Option<(String, usize, usize)> {
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    names.iter().enumerate().find_map(|(j, name)| {
        let i = names[..j]
            .iter()
            .position(|n| !name.is_empty() && n.eq_ignore_ascii_case(name))?;
        Some((name.to_string(), i + 1, j + 1))
    })
}
