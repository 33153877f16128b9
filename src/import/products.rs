//! Product cost files: Shopify's product export (`Variant SKU`, `Cost per item`) or a plain
//! two-column `sku,cost` CSV, read into unit costs per SKU. Nothing is written here; the
//! caller hands the list to [`crate::store::Store::set_product_costs`] in one transaction.

use super::ImportError;
use super::columns::{Col, Columns, NumberStyle, malformed};
use crate::domain::{from_cents, sku_key};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// The unit costs a file gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductCostFile {
    /// `Shopify products export` or `sku,cost`.
    pub layout: &'static str,
    /// (SKU, unit cost), each SKU once, in file order.
    pub costs: Vec<(String, Decimal)>,
    /// Rows without a SKU or without a cost (Shopify's image rows, products not costed).
    pub skipped: u64,
    /// SKUs given twice with different costs: the later row counts. (SKU, its lines).
    pub conflicts: Vec<(String, Vec<u64>)>,
}

/// Reads a product cost file from disk.
pub fn read_product_costs(path: &Path) -> Result<ProductCostFile, ImportError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|error| ImportError::Io {
        file: name.clone(),
        error,
    })?;
    read_product_costs_from(std::io::BufReader::new(file), &name)
}

/// Reads a product cost file; `name` names it in messages.
/// Refuses a SKU longer than [`crate::domain::MAX_TEXT`] characters (file, line, column).
fn check_sku_length(sku: &str, (file, line, column): (&str, u64, &str)) -> Result<(), ImportError> {
    if sku.chars().count() <= crate::domain::MAX_TEXT {
        return Ok(());
    }
    let expected = format!("a SKU of at most {} characters", crate::domain::MAX_TEXT);
    Err(ImportError::Malformed {
        file: file.to_string(),
        line,
        message: format!(
            "column {column}: {}",
            crate::domain::ValueError::new(sku, expected)
        ),
    })
}

/// The layout a product cost file's header names, and its SKU and cost columns.
fn cost_columns(
    header: &csv::StringRecord,
    name: &str,
) -> Result<(&'static str, [Col; 2]), ImportError> {
    let columns = Columns::new(header);
    if columns.has("Variant SKU") {
        let found = columns.require(
            [&["Variant SKU"], &["Cost per item"]],
            name,
            "Shopify products export",
        )?;
        Ok(("Shopify products export", found))
    } else {
        let found = columns.require(
            [
                &["sku"],
                &["cost", "unit cost", "unit_cost", "cost per item"],
            ],
            name,
            "product cost file (sku,cost)",
        )?;
        Ok(("sku,cost", found))
    }
}

/// The costs read so far, and for each SKU (upper-cased) its position in them and the lines
/// it was given on.
struct Seen {
    out: ProductCostFile,
    lines: HashMap<String, (usize, Vec<u64>)>,
}

impl Seen {
    /// Takes a SKU's cost from `line`: a SKU met again with another cost keeps the last
    /// and is listed as a conflict.
    fn add(&mut self, sku: &str, value: Decimal, line: u64) {
        let out = &mut self.out;
        match self.lines.get_mut(&sku_key(sku)) {
            Some((at, lines)) => {
                lines.push(line);
                if out.costs[*at].1 != value {
                    out.costs[*at].1 = value;
                    if !out.conflicts.iter().any(|(s, _)| s == &out.costs[*at].0) {
                        out.conflicts.push((out.costs[*at].0.clone(), Vec::new()));
                    }
                }
            }
            None => {
                self.lines
                    .insert(sku_key(sku), (out.costs.len(), vec![line]));
                out.costs.push((sku.to_string(), value));
            }
        }
    }

    /// The file read, each conflict with every line its SKU was given on.
    fn finish(mut self) -> ProductCostFile {
        for (sku, lines) in &mut self.out.conflicts {
            lines.clone_from(&self.lines[&sku_key(sku)].1);
        }
        self.out
    }
}

pub fn read_product_costs_from(
    input: impl Read + Send,
    name: &str,
) -> Result<ProductCostFile, ImportError> {
    let sniffed = super::opening::sniff_text(input, name)?;
    let style = NumberStyle::guess(sniffed.decimal_comma());
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(sniffed.delimiter)
        .from_reader(sniffed.reader);
    let header = csv.headers().map_err(|e| malformed(name, &e))?.clone();
    let (layout, [sku, cost]) = cost_columns(&header, name)?;
    let mut seen = Seen {
        out: ProductCostFile {
            layout,
            costs: Vec::new(),
            skipped: 0,
            conflicts: Vec::new(),
        },
        lines: HashMap::new(),
    };
    let mut record = csv::StringRecord::new();
    while csv
        .read_record(&mut record)
        .map_err(|e| malformed(name, &e))?
    {
        let line = record.position().map_or(0, |p| p.line());
        let cell = |col: Col| record.get(col.index).unwrap_or("").trim();
        let (sku_text, cost_text) = (cell(sku), cell(cost));
        if sku_text.is_empty() || cost_text.is_empty() {
            seen.out.skipped += 1;
            continue;
        }
        let bad = |expected: &str| ImportError::Malformed {
            file: name.to_string(),
            line,
            message: format!(
                "column {}: {}",
                cost.name,
                crate::domain::ValueError::new(cost_text, expected)
            ),
        };
        check_sku_length(sku_text, (name, line, sku.name))?;
        let cents = style
            .amount(cost_text, line)
            .map_err(|e| bad(&e.expected))?;
        if cents < 0 {
            return Err(bad("an amount of 0 or more"));
        }
        seen.add(sku_text, from_cents(cents), line);
    }
    Ok(seen.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn read(text: &str) -> Result<ProductCostFile, ImportError> {
        read_product_costs_from(text.as_bytes(), "costs.csv")
    }

    #[test]
    fn a_shopify_product_export_gives_the_costed_variants() {
        let file = read(
            "Handle,Title,Option1 Value,Variant SKU,Variant Price,Cost per item,Image Src\n\
             blue-mug,Blue mug,Small,MUG-BLUE-S,24.00,8.40,https://example.com/a.jpg\n\
             blue-mug,,Large,MUG-BLUE-L,28.00,9.10,\n\
             blue-mug,,,,,,https://example.com/b.jpg\n\
             candle,Candle,,CANDLE,18.00,,\n",
        )
        .unwrap();
        assert_eq!(file.layout, "Shopify products export");
        assert_eq!(
            file.costs,
            vec![
                ("MUG-BLUE-S".to_string(), dec!(8.40)),
                ("MUG-BLUE-L".to_string(), dec!(9.10))
            ]
        );
        assert_eq!(file.skipped, 2);
    }

    #[test]
    fn a_two_column_file_reads_with_decimal_commas_and_names_conflicts() {
        let file = read("SKU;Cost\nMUG;8,40\nmug;9,00\nVASE;12\n").unwrap();
        assert_eq!(file.layout, "sku,cost");
        assert_eq!(
            file.costs,
            vec![
                ("MUG".to_string(), dec!(9.00)),
                ("VASE".to_string(), dec!(12))
            ]
        );
        assert_eq!(file.conflicts, vec![("MUG".to_string(), vec![2, 3])]);
    }

    #[test]
    fn a_bad_cost_names_file_line_and_column() {
        let e = read("sku,cost\nA,1.00\nB,12x\n").unwrap_err().to_string();
        assert!(e.starts_with("costs.csv: line 3: column cost:"), "{e}");
        let e = read("sku,cost\nA,-1\n").unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("0 or more"), "{e}");
        let e = read("product,price\nA,1\n").unwrap_err().to_string();
        assert!(e.contains("missing the column(s) sku, cost"), "{e}");
    }
}
