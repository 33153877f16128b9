//! The first stages of an import: which layout a file is ([`resolve_format`]), and the reader
//! of that layout ([`open_reader`]).

use super::columns::Columns;
use super::{Format, ImportError, Mapping, NumberStyle, OrderReader, detect};
use super::{etsy, mapped, shopify, woo};
use crate::store::Store;
use csv::StringRecord;
use std::io::Read;

/// A file's layout, decided: never "automatic", and a mapped file carries its mapping.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Layout {
    Shopify,
    EtsyOrders,
    EtsyItems,
    WooAnalytics,
    WooPlugin,
    Mapped(Box<Mapping>),
}

impl Layout {
    /// The format this layout is, as the summary and the batch name it.
    pub fn format(&self) -> Format {
        match self {
            Layout::Shopify => Format::Shopify,
            Layout::EtsyOrders => Format::EtsyOrders,
            Layout::EtsyItems => Format::EtsyItems,
            Layout::WooAnalytics => Format::WooAnalytics,
            Layout::WooPlugin => Format::WooPlugin,
            Layout::Mapped(_) => Format::Mapped,
        }
    }

    fn built_in(format: Format) -> Option<Layout> {
        Some(match format {
            Format::Shopify => Layout::Shopify,
            Format::EtsyOrders => Layout::EtsyOrders,
            Format::EtsyItems => Layout::EtsyItems,
            Format::WooAnalytics => Layout::WooAnalytics,
            Format::WooPlugin => Layout::WooPlugin,
            Format::Auto | Format::Mapped => return None,
        })
    }
}

/// Decides a file's layout: a mapping given wins; else the format asked for; else the
/// header's built-in layout; else the mapping saved for this header (`key`); else the file
/// is not a known export.
pub(crate) fn resolve_format(
    store: &Store,
    asked: Format,
    given: Option<&Mapping>,
    header: &StringRecord,
    key: &str,
    file: &str,
) -> Result<Layout, ImportError> {
    if let Some(mapping) = given {
        if matches!(asked, Format::Auto | Format::Mapped) {
            return Ok(Layout::Mapped(Box::new(mapping.clone())));
        }
    } else if asked == Format::Mapped {
        return Err(ImportError::BadMapping {
            file: file.to_string(),
            message: "--format mapped needs --mapping FILE".into(),
        });
    }
    if let Some(layout) =
        Layout::built_in(asked).or_else(|| detect(header).and_then(Layout::built_in))
    {
        return Ok(layout);
    }
    match store.saved_mapping(key)? {
        Some(text) => Mapping::from_toml(&text)
            .map(|m| Layout::Mapped(Box::new(m)))
            .map_err(|message| ImportError::BadMapping {
                file: file.to_string(),
                message,
            }),
        None => Err(ImportError::UnknownFormat {
            file: file.to_string(),
            header: header.iter().map(|h| h.trim().to_string()).collect(),
        }),
    }
}

/// The reader of a layout, its columns found by name in the header. `decimal_comma` is the
/// delimiter's number custom; `currency` is taken by orders of files without a currency
/// column.
pub(crate) fn open_reader<'r, R: Read + Send>(
    layout: &Layout,
    csv: &'r mut csv::Reader<R>,
    columns: &Columns,
    file: &str,
    decimal_comma: bool,
    currency: String,
) -> Result<Box<dyn OrderReader + 'r>, ImportError> {
    let style = NumberStyle::guess(decimal_comma);
    Ok(match layout {
        Layout::Shopify => Box::new(shopify::ShopifyRows::reader(
            csv, columns, file, style, currency,
        )?),
        Layout::EtsyOrders => Box::new(etsy::EtsyOrderRows::reader(
            csv, columns, file, style, currency,
        )?),
        Layout::EtsyItems => Box::new(etsy::EtsyItemsReader::new(
            csv, columns, file, style, currency,
        )?),
        Layout::WooAnalytics => Box::new(woo::AnalyticsRows::reader(
            csv, columns, file, style, currency,
        )?),
        Layout::WooPlugin => Box::new(woo::PluginRows::reader(
            csv, columns, file, style, currency,
        )?),
        Layout::Mapped(mapping) => Box::new(mapped::MappedRows::reader(
            csv,
            columns,
            file,
            (**mapping).clone(),
            decimal_comma,
            currency,
        )?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> StringRecord {
        StringRecord::from(text.split(',').collect::<Vec<_>>())
    }

    const SHOPIFY: &str = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Lineitem name,Cancelled at,Refunded Amount,Total,Discount Amount";

    #[test]
    fn a_layout_is_decided_from_the_header_the_flag_or_a_saved_mapping() {
        let store = Store::open_in_memory().unwrap();
        let h = header(SHOPIFY);
        let layout = resolve_format(&store, Format::Auto, None, &h, "k", "f.csv").unwrap();
        assert_eq!(layout, Layout::Shopify);
        let asked = resolve_format(&store, Format::EtsyOrders, None, &h, "k", "f.csv").unwrap();
        assert_eq!(asked, Layout::EtsyOrders);
        let pos = header("Receipt,When,Total");
        let err = resolve_format(&store, Format::Auto, None, &pos, "pos", "f.csv").unwrap_err();
        assert!(matches!(err, ImportError::UnknownFormat { .. }), "{err}");
        let err = resolve_format(&store, Format::Mapped, None, &pos, "pos", "f.csv").unwrap_err();
        assert!(matches!(err, ImportError::BadMapping { .. }), "{err}");
        let mapping = Mapping::from_toml(
            "order_id = \"Receipt\"\ndate = \"When\"\ndate_format = \"%Y-%m-%d\"\namount = \"Total\"\n",
        )
        .unwrap();
        let layout =
            resolve_format(&store, Format::Auto, Some(&mapping), &pos, "pos", "f.csv").unwrap();
        assert_eq!(layout.format(), Format::Mapped);
        assert_eq!(layout, Layout::Mapped(Box::new(mapping)));
    }

    /// The message of a Shopify reader refused on `text`.
    fn shopify_refusal(text: &str) -> String {
        let mut csv = csv::Reader::from_reader(text.as_bytes());
        let columns = Columns::new(&csv.headers().unwrap().clone());
        open_reader(
            &Layout::Shopify,
            &mut csv,
            &columns,
            "f.csv",
            false,
            "USD".into(),
        )
        .err()
        .unwrap()
        .to_string()
    }

    #[test]
    fn a_reader_names_the_columns_its_layout_lacks() {
        let message = shopify_refusal("Name,Email\n#1,a@b.c\n");
        assert!(
            message.contains("Created at") && !message.contains("Email"),
            "{message}"
        );
        // With its time but no column that gives revenue: named, with what to re-export.
        let message =
            shopify_refusal("Name,Created at,Email\n#1,2026-05-01 10:00:00 +0000,a@b.c\n");
        assert!(message.contains("Subtotal (or Total)"), "{message}");
    }

    #[test]
    fn what_a_trimmed_file_lacks_is_named() {
        let text = "Name,Created at,Total,Shipping\n";
        let mut csv = csv::Reader::from_reader(text.as_bytes());
        let columns = Columns::new(&csv.headers().unwrap().clone());
        let reader = open_reader(
            &Layout::Shopify,
            &mut csv,
            &columns,
            "f.csv",
            false,
            "USD".into(),
        )
        .unwrap();
        let missing = reader.missing();
        assert_eq!(missing.len(), 4, "{missing:?}");
        assert!(missing[0].contains("status"));
        assert!(missing[1].contains("baseline only"));
        assert!(missing[2].contains("new customer"));
    }
}
