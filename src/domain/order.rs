//! Orders as every importer hands them over: one shop-neutral record per order, holding only
//! what the scorecard needs (no names, addresses or phone numbers).

use crate::domain::{Cents, ValueError};
use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};
use std::fmt;

/// The payment state of an order, as Shopify names it. Other shops' states map onto these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FinancialStatus {
    Paid,
    Pending,
    Authorized,
    PartiallyPaid,
    PartiallyRefunded,
    Refunded,
    Voided,
    Expired,
    /// Anything else a shop reports (kept as `other` so the order still imports).
    Other,
}

impl FinancialStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FinancialStatus::Paid => "paid",
            FinancialStatus::Pending => "pending",
            FinancialStatus::Authorized => "authorized",
            FinancialStatus::PartiallyPaid => "partially_paid",
            FinancialStatus::PartiallyRefunded => "partially_refunded",
            FinancialStatus::Refunded => "refunded",
            FinancialStatus::Voided => "voided",
            FinancialStatus::Expired => "expired",
            FinancialStatus::Other => "other",
        }
    }

    /// Reads a status name; unknown names become [`FinancialStatus::Other`].
    /// Case and the separator (` `, `-` or `_`) do not matter.
    pub fn from_name(name: &str) -> Self {
        // Normalised in a buffer on the stack: no name of a status is longer.
        let mut buffer = [0u8; 24];
        let name = name.trim().as_bytes();
        let Some(normal) = buffer.get_mut(..name.len()) else {
            return FinancialStatus::Other;
        };
        for (to, &from) in normal.iter_mut().zip(name) {
            *to = match from.to_ascii_lowercase() {
                b' ' | b'-' => b'_',
                c => c,
            };
        }
        match &*normal {
            b"paid" => FinancialStatus::Paid,
            b"pending" => FinancialStatus::Pending,
            b"authorized" => FinancialStatus::Authorized,
            b"partially_paid" => FinancialStatus::PartiallyPaid,
            b"partially_refunded" => FinancialStatus::PartiallyRefunded,
            b"refunded" => FinancialStatus::Refunded,
            b"voided" => FinancialStatus::Voided,
            b"expired" => FinancialStatus::Expired,
            _ => FinancialStatus::Other,
        }
    }
}

impl fmt::Display for FinancialStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One order from a shop export, whatever the shop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRecord {
    /// The order number as the shop shows it (`#1001`, `3141592653`).
    pub external_id: String,
    /// When the order was placed, with the offset the shop wrote.
    pub placed_at: DateTime<FixedOffset>,
    /// Hash of the normalised e-mail (or buyer id); `None` for guests without one.
    pub customer_key: Option<String>,
    /// ISO currency code as the shop wrote it (`USD`).
    pub currency: String,
    /// Order revenue after discounts and before refunds, excluding shipping and tax.
    pub subtotal: Cents,
    /// Cumulative refunded amount.
    pub refunded: Cents,
    pub status: FinancialStatus,
    pub cancelled: bool,
    /// Distinct promo codes, normalised with [`normalize_code`], sorted.
    pub codes: Vec<String>,
    /// `Some(true/false)` when the shop itself says new/returning customer.
    pub customer_new: Option<bool>,
    /// For product gifted through the shop (a 100 %-off order with a creator's code): the
    /// retail value given away. Such an order is not a sale.
    pub gift_value: Option<Cents>,
    /// Tracking parameters where the export has them (a mapped CSV), normalised like codes.
    pub utm_source: Option<String>,
    pub utm_campaign: Option<String>,
    /// The order's line items where the export lists them (Shopify); empty otherwise.
    pub items: Vec<LineItem>,
    /// For an order converted into the shop's currency (`import --rate`): its own currency
    /// and subtotal as the file gave them.
    pub original: Option<(String, Cents)>,
    /// The key an older shoutout gave this order (a WooCommerce plugin file without order
    /// numbers was keyed by all its cells): a stored order under it takes `external_id`.
    pub former_id: Option<String>,
    /// Where the visit's click id or referrer says the buyer came from, when no `utm_source`
    /// does (never the click id or the referrer itself).
    pub hint: Option<ChannelHint>,
}

/// What a visit's click id or referrer says of where a buyer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelHint {
    /// A click id only ads put on a link (`gclid`, `msclkid`, `ttclid`, …): a paid ad. The
    /// order is kept with the `utm_source` [`PAID_CLICK`], a channel of the shop's own.
    Paid,
    /// A referrer and no paid click id: an organic visit (a search, a post, a friend's link).
    /// Nothing is kept; the import counts it.
    Organic,
}

/// The `utm_source` an order without one is kept under when its click id says a paid ad
/// brought it (see [`ChannelHint::Paid`]).
pub const PAID_CLICK: &str = "PAID-CLICK";

/// The most characters one text value of an order read from a file may hold (its number, a
/// promo code, a SKU, an item name, a UTM value): real ones are far shorter, and a longer
/// one is refused as an invalid cell rather than stored and shown on every screen.
pub const MAX_TEXT: usize = 200;

impl OrderRecord {
    /// The first text value longer than [`MAX_TEXT`] characters: what it is, and the value.
    pub fn overlong(&self) -> Option<(&'static str, &str)> {
        let long = |t: &str| t.len() > MAX_TEXT && t.chars().count() > MAX_TEXT;
        let texts = std::iter::once(("order number", self.external_id.as_str()))
            .chain(self.codes.iter().map(|c| ("promo code", c.as_str())))
            .chain(self.utm_source.iter().map(|u| ("utm_source", u.as_str())))
            .chain(
                self.utm_campaign
                    .iter()
                    .map(|u| ("utm_campaign", u.as_str())),
            )
            .chain(
                self.items
                    .iter()
                    .flat_map(|i| [("SKU", i.sku.as_str()), ("item name", i.name.as_str())]),
            );
        texts.into_iter().find(|(_, t)| long(t))
    }
}

/// One line of an order: what was sold, how many, at what unit price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineItem {
    /// The shop's stock-keeping unit, trimmed; empty when the product has none.
    pub sku: String,
    /// The product's name as the export gives it.
    pub name: String,
    pub quantity: i64,
    /// Price of one unit before order discounts.
    pub price: Cents,
}

/// The form in which SKUs are compared: trimmed, ASCII letters upper-cased (as the
/// `product_cost` table's `NOCASE`), so `mug-blue` and `MUG-BLUE` are one product.
pub fn sku_key(sku: &str) -> String {
    sku.trim().to_ascii_uppercase()
}

/// Line items as the store keeps them: one line per item, `quantity TAB price TAB sku TAB
/// name`, tabs and line breaks inside a name or SKU turned into spaces. Names are kept only
/// with `names` (a gift order's, for the gift ledger): nothing else reads them, and they are
/// most of the bytes.
pub fn encode_items(items: &[LineItem], names: bool) -> String {
    let mut out = String::with_capacity(items.len() * 24);
    encode_items_into(&mut out, items, names);
    out
}

/// [`encode_items`] appended to `out` (an import reuses one buffer for every order).
pub fn encode_items_into(out: &mut String, items: &[LineItem], names: bool) {
    let clean = |out: &mut String, s: &str| {
        if s.contains(['\t', '\n', '\r']) {
            out.push_str(&s.replace(['\t', '\n', '\r'], " "));
        } else {
            out.push_str(s);
        }
    };
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(itoa::Buffer::new().format(item.quantity));
        out.push('\t');
        out.push_str(itoa::Buffer::new().format(item.price));
        out.push('\t');
        clean(out, &item.sku);
        if names {
            out.push('\t');
            clean(out, &item.name);
        }
    }
}

/// Reads what [`encode_items`] wrote; `None` when a line is not in that form.
pub fn decode_items(text: &str) -> Option<Vec<LineItem>> {
    text.split('\n')
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut parts = line.splitn(4, '\t');
            let quantity = parts.next()?.parse().ok()?;
            let price = parts.next()?.parse().ok()?;
            let sku = parts.next()?.to_string();
            let name = parts.next().unwrap_or("").to_string();
            Some(LineItem {
                sku,
                name,
                quantity,
                price,
            })
        })
        .collect()
}

impl OrderRecord {
    /// A paid order in USD placed on 2026-05-01 at 10:00 UTC, with no customer, code or line
    /// item: for tests, which set what they look at.
    #[cfg(test)]
    pub(crate) fn example(external_id: &str, subtotal: Cents) -> OrderRecord {
        OrderRecord {
            external_id: external_id.to_string(),
            placed_at: chrono::DateTime::parse_from_rfc3339("2026-05-01T10:00:00+00:00")
                .expect("a valid time"),
            customer_key: None,
            currency: "USD".into(),
            subtotal,
            refunded: 0,
            status: FinancialStatus::Paid,
            cancelled: false,
            codes: Vec::new(),
            customer_new: None,
            gift_value: None,
            utm_source: None,
            utm_campaign: None,
            items: Vec::new(),
            original: None,
            former_id: None,
            hint: None,
        }
    }

    /// Converts the order's amounts into the shop's currency `shop` at `rate` (shop units per
    /// unit of the order's currency), each amount rounded once to the cent, half away from
    /// zero (`import --rate`); the order keeps its own currency and subtotal in `original`.
    /// An amount the rate takes out of range, or turns from non-zero into 0.00, is an error
    /// naming which amount (`subtotal`, `refunded amount`, `gift value`, `line item price`),
    /// and nothing is changed.
    pub fn convert(
        &mut self,
        shop: &str,
        rate: rust_decimal::Decimal,
    ) -> Result<(), (&'static str, ValueError)> {
        let at = |what: &'static str, cents: Cents| {
            let shown = || crate::domain::fmt2(crate::domain::from_cents(cents));
            let converted = crate::domain::from_cents(cents)
                .checked_mul(rate)
                .ok_or_else(|| {
                    ValueError::new(&shown(), format!("an amount that stays in range at {rate}"))
                })
                .and_then(|v| crate::domain::to_cents(crate::domain::round2(v)))
                .map_err(|e| (what, e))?;
            if converted == 0 && cents != 0 {
                let expected = format!("a rate that keeps it above 0.00 (at {rate} it is 0.00)");
                return Err((what, ValueError::new(&shown(), expected)));
            }
            Ok(converted)
        };
        let converted = (
            at("subtotal", self.subtotal)?,
            at("refunded amount", self.refunded)?,
            self.gift_value.map(|g| at("gift value", g)).transpose()?,
            self.items
                .iter()
                .map(|i| at("line item price", i.price))
                .collect::<Result<Vec<_>, _>>()?,
        );
        self.original = Some((
            std::mem::replace(&mut self.currency, shop.to_string()),
            self.subtotal,
        ));
        (self.subtotal, self.refunded, self.gift_value) = (converted.0, converted.1, converted.2);
        for (item, price) in self.items.iter_mut().zip(converted.3) {
            item.price = price;
        }
        Ok(())
    }
}

/// The form in which promo codes are compared: trimmed and upper-cased, so `sarah20`,
/// ` SARAH20 ` and `Sarah20` are one code.
pub fn normalize_code(code: &str) -> String {
    code.trim().to_uppercase()
}

/// Checks a promo code as a person typed it: one word (no spaces), no control or
/// bidirectional characters, at most 64 characters. Returns it trimmed.
pub fn parse_code(text: &str) -> Result<String, crate::domain::ValueError> {
    let t = text.trim();
    if t.is_empty()
        || t.chars().count() > 64
        || t.chars()
            .any(|c| c.is_whitespace() || crate::domain::text::is_unsafe(c))
    {
        return Err(crate::domain::ValueError::new(
            text,
            "one word, like SARAH20 (at most 64 characters)",
        ));
    }
    Ok(t.to_string())
}

/// A stable, private key for a customer: SHA-256 of the trimmed, lower-cased e-mail (or other
/// buyer id), hex-encoded. `None` when there is nothing to key on.
pub fn customer_key(identity: &str) -> Option<String> {
    let trimmed = identity.trim();
    if trimmed.is_empty() {
        return None;
    }
    let digest = if trimmed.is_ascii() {
        // Most e-mails: lower-cased a block at a time, without a copy of the whole text.
        let mut hash = Sha256::new();
        let mut block = [0u8; 64];
        for part in trimmed.as_bytes().chunks(block.len()) {
            let lower = &mut block[..part.len()];
            lower.copy_from_slice(part);
            lower.make_ascii_lowercase();
            hash.update(lower);
        }
        hash.finalize()
    } else {
        Sha256::digest(trimmed.to_lowercase().as_bytes())
    };
    Some(hex(&digest))
}

/// Lower-case hexadecimal of some bytes (hashes are shown and stored this way).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// The leading run of digits in an order number (`#1042` → 1042), used to order orders placed
/// at the same moment. 0 when there is none.
pub fn order_number(external_id: &str) -> i64 {
    external_id
        .bytes()
        .skip_while(|b| !b.is_ascii_digit())
        .take_while(u8::is_ascii_digit)
        .take(18)
        .fold(0, |n, digit| n * 10 + i64::from(digit - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_read_whatever_their_case_and_separator() {
        use FinancialStatus::*;
        for (name, status) in [
            ("paid", Paid),
            (" Paid ", Paid),
            ("PARTIALLY_REFUNDED", PartiallyRefunded),
            ("partially refunded", PartiallyRefunded),
            ("Partially-Paid", PartiallyPaid),
            ("voided", Voided),
            ("expired", Expired),
            ("pending", Pending),
            ("authorized", Authorized),
            ("refunded", Refunded),
            ("paid!", Other),
            ("partially", Other),
            ("", Other),
            ("a status name longer than any known one", Other),
        ] {
            assert_eq!(FinancialStatus::from_name(name), status, "{name:?}");
        }
    }

    #[test]
    fn hex_is_lower_case_and_padded() {
        assert_eq!(hex(&[0, 15, 16, 255]), "000f10ff");
    }

    #[test]
    fn codes_compare_case_insensitively() {
        assert_eq!(normalize_code(" sarah20 "), normalize_code("SARAH20"));
    }

    #[test]
    fn customer_keys_ignore_case_and_spaces_and_hide_the_email() {
        let a = customer_key("Ana@Example.com ").unwrap();
        assert_eq!(a, customer_key("ana@example.com").unwrap());
        assert!(!a.contains("example"));
        assert_eq!(a.len(), 64);
        assert_eq!(customer_key("  "), None);
    }

    proptest::proptest! {
        /// The key is SHA-256 of the trimmed, lower-cased text, whether that text is ASCII
        /// (lower-cased a block at a time) or not, and however long.
        #[test]
        fn customer_keys_hash_the_trimmed_lower_cased_text(
            text in r" ?[A-Za-z0-9@._\u{c9}\u{e9}\u{130}-]{1,150} ?"
        ) {
            let normal = text.trim().to_lowercase();
            proptest::prop_assert_eq!(
                customer_key(&text),
                Some(hex(&Sha256::digest(normal.as_bytes())))
            );
        }
    }

    #[test]
    fn a_converted_order_rounds_each_amount_once_and_keeps_its_own() {
        let mut order = OrderRecord {
            refunded: 1_001,
            ..OrderRecord::example("#1", 12_345)
        };
        let mut big = order.clone();
        order
            .convert("TRY", rust_decimal::Decimal::new(3210, 2))
            .unwrap();
        // 123.45 × 32.10 = 3962.745 → 3962.75; 10.01 × 32.10 = 321.321 → 321.32.
        assert_eq!((order.subtotal, order.refunded), (396_275, 32_132));
        assert_eq!(order.currency, "TRY");
        assert_eq!(order.original, Some(("USD".to_string(), 12_345)));
        // A rate that takes amounts out of range is an error naming the amount, and changes
        // nothing; so is one that turns a non-zero amount into 0.00.
        let (what, _) = big.convert("TRY", rust_decimal::Decimal::MAX).unwrap_err();
        assert_eq!(what, "subtotal");
        assert_eq!((big.subtotal, big.currency.as_str()), (12_345, "USD"));
        let (what, e) = big
            .convert("TRY", rust_decimal::Decimal::new(1, 7))
            .unwrap_err();
        assert_eq!((what, e.value.as_str()), ("subtotal", "123.45"));
        assert_eq!((big.subtotal, big.currency.as_str()), (12_345, "USD"));
    }

    #[test]
    fn line_items_survive_the_store_text() {
        let items = vec![
            LineItem {
                sku: "MUG-BLUE".into(),
                name: "Blue mug\twith a tab".into(),
                quantity: 2,
                price: 2400,
            },
            LineItem {
                sku: String::new(),
                name: String::new(),
                quantity: 1,
                price: 0,
            },
        ];
        let back = decode_items(&encode_items(&items, true)).unwrap();
        let nameless = decode_items(&encode_items(&items, false)).unwrap();
        assert_eq!(
            (nameless[0].sku.as_str(), nameless[0].name.as_str()),
            ("MUG-BLUE", "")
        );
        assert_eq!(back[0].name, "Blue mug with a tab");
        assert_eq!((back[0].quantity, back[0].price), (2, 2400));
        assert_eq!(back[1], items[1]);
        assert_eq!(decode_items("").unwrap(), vec![]);
        assert_eq!(decode_items("two\t100\tSKU\tname"), None);
    }

    #[test]
    fn order_numbers_sort_numerically() {
        assert_eq!(order_number("#1042"), 1042);
        assert_eq!(order_number("SH-0099"), 99);
        assert_eq!(order_number("none"), 0);
        assert_eq!(
            order_number("12345678901234567890"),
            123_456_789_012_345_678
        );
    }
}
