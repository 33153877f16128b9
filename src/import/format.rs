//! The export layouts shoutout reads, their names, and how each is recognised by its header.

use super::columns::Columns;
use super::{etsy, shopify, woo};
use std::fmt;
use std::str::FromStr;

/// The export layouts shoutout reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Recognise the layout from the header.
    Auto,
    /// Shopify admin › Orders › Export (73, 78 and 79-column layouts).
    Shopify,
    /// Etsy's `EtsySoldOrders*.csv`.
    EtsyOrders,
    /// Etsy's `EtsySoldOrderItems*.csv`, imported alone.
    EtsyItems,
    /// WooCommerce › Analytics › Orders › Download.
    WooAnalytics,
    /// The "Advanced Order Export For WooCommerce" plugin's default layout.
    WooPlugin,
    /// Any CSV read through a column mapping.
    Mapped,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Auto,
        Format::Shopify,
        Format::EtsyOrders,
        Format::EtsyItems,
        Format::WooAnalytics,
        Format::WooPlugin,
        Format::Mapped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Shopify => "shopify",
            Format::EtsyOrders => "etsy",
            Format::EtsyItems => "etsy-items",
            Format::WooAnalytics => "woocommerce",
            Format::WooPlugin => "woocommerce-export",
            Format::Mapped => "mapped",
        }
    }

    /// The shop an import belongs to by default: the two Etsy files and the two WooCommerce
    /// layouts each share one, so their order numbers meet.
    pub fn default_shop(self) -> &'static str {
        match self {
            Format::EtsyOrders | Format::EtsyItems => "etsy",
            Format::WooAnalytics | Format::WooPlugin => "woocommerce",
            Format::Mapped => "csv",
            other => other.as_str(),
        }
    }

    /// A description for previews: "Shopify orders export".
    pub fn describe(self) -> &'static str {
        match self {
            Format::Auto => "automatic detection",
            Format::Shopify => "Shopify orders export",
            Format::EtsyOrders => "Etsy orders file (EtsySoldOrders)",
            Format::EtsyItems => "Etsy order items file (EtsySoldOrderItems)",
            Format::WooAnalytics => "WooCommerce Analytics orders download",
            Format::WooPlugin => "WooCommerce Advanced Order Export",
            Format::Mapped => "CSV with a column mapping",
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
        let wanted = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == wanted)
            .ok_or_else(|| {
                crate::domain::ValueError::new(
                    s,
                    "a format: auto, shopify, etsy, etsy-items, woocommerce, woocommerce-export or mapped",
                )
            })
    }
}

/// Recognises a built-in export layout by its header.
pub fn detect(header: &csv::StringRecord) -> Option<Format> {
    let columns = Columns::new(header);
    if shopify::matches(&columns) {
        Some(Format::Shopify)
    } else if etsy::matches_orders(&columns) {
        Some(Format::EtsyOrders)
    } else if etsy::matches_items(&columns) {
        Some(Format::EtsyItems)
    } else if woo::matches_analytics(&columns) {
        Some(Format::WooAnalytics)
    } else if woo::matches_plugin(&columns) {
        Some(Format::WooPlugin)
    } else {
        None
    }
}
