//! An order's fingerprint: a 64-bit hash of everything the scorecard reads from it, which an
//! import compares with the stored one to tell unchanged orders from changed ones.
//!
//! Pure, so the reading thread computes it as it parses. The scheme is SipHash-1-3 under a
//! fixed key over the fields themselves, each written with its length, nothing formatted
//! first. Orders stored by earlier builds carry the first scheme, a SHA-256 of the fields
//! formatted as text; [`compare`] recognises those (and the import then stores the current
//! one), so an upgrade never shows an unchanged order as changed, and orders stored without
//! the line items a later export adds.

use crate::domain::OrderRecord;
use sha2::{Digest, Sha256};
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

/// The key of the fingerprint's SipHash. Fixed: a fingerprint only detects a change between
/// two exports of the same order, and must come out the same in every build.
const KEY: (u64, u64) = (0x7368_6f75_746f_7574, 0x6669_6e67_6572_7032);

/// The fingerprint of `order` as the reading thread computes it.
pub fn fingerprint(order: &OrderRecord) -> i64 {
    current(order, true)
}

/// How the stored fingerprint of an order compares with the order read now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stored {
    /// The same order, under the current scheme.
    Same,
    /// The same order, fingerprinted by the first scheme.
    EarlierScheme,
    /// The same order, stored without the line items it now lists.
    WithoutItems,
    /// Something the scorecard reads has changed.
    Changed,
}

/// Compares `stored` (and whether its row has no line items) with `order`, whose current
/// fingerprint is `fp`: the one test both an import's update and its check for another
/// shop's orders make.
pub(super) fn compare(
    order: &OrderRecord,
    fp: i64,
    stored: i64,
    stored_without_items: bool,
) -> Stored {
    if stored == fp {
        Stored::Same
    } else if matches_earlier(order, stored) {
        Stored::EarlierScheme
    } else if stored_without_items
        && !order.items.is_empty()
        && matches_without_items(order, stored)
    {
        Stored::WithoutItems
    } else {
        Stored::Changed
    }
}

/// Whether `stored` is `order`'s fingerprint under the first scheme.
fn matches_earlier(order: &OrderRecord, stored: i64) -> bool {
    earlier(order, true) == stored
}

/// Whether `stored` is the fingerprint, by either scheme, of `order` without its line items:
/// the order as an export without them (or shoutout before schema 7) stored it.
fn matches_without_items(order: &OrderRecord, stored: i64) -> bool {
    current(order, false) == stored || earlier(order, false) == stored
}

/// The current scheme, over the line items or as if there were none.
fn current(order: &OrderRecord, with_items: bool) -> i64 {
    let mut h = Fields::new();
    h.int(order.placed_at.timestamp());
    h.int(i64::from(order.placed_at.offset().local_minus_utc()));
    h.opt_text(order.customer_key.as_deref());
    h.text(&order.currency);
    h.int(order.subtotal);
    h.int(order.refunded);
    h.text(order.status.as_str());
    h.int(i64::from(order.cancelled));
    h.int(order.codes.len() as i64);
    for code in &order.codes {
        h.text(code);
    }
    h.int(match order.customer_new {
        None => 2,
        Some(new) => i64::from(new),
    });
    h.opt_int(order.gift_value);
    h.opt_text(order.utm_source.as_deref());
    h.opt_text(order.utm_campaign.as_deref());
    let items = if with_items { &order.items[..] } else { &[] };
    h.int(items.len() as i64);
    for item in items {
        h.int(item.quantity);
        h.int(item.price);
        h.text(&item.sku);
    }
    h.finish()
}

/// Fields written unambiguously: each integer as 8 little-endian bytes, each text after its
/// length, an absent value as its own tag. They are gathered in a buffer and handed to the
/// hash a buffer at a time (the hash depends only on the bytes, not on how they come).
struct Fields {
    hash: SipHasher13,
    buffer: [u8; 256],
    len: usize,
}

impl Fields {
    fn new() -> Fields {
        Fields {
            hash: SipHasher13::new_with_keys(KEY.0, KEY.1),
            buffer: [0; 256],
            len: 0,
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        if self.len + bytes.len() > self.buffer.len() {
            self.hash.write(&self.buffer[..self.len]);
            self.len = 0;
            if bytes.len() > self.buffer.len() {
                self.hash.write(bytes);
                return;
            }
        }
        self.buffer[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn int(&mut self, value: i64) {
        self.bytes(&value.to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.int(text.len() as i64);
        self.bytes(text.as_bytes());
    }

    fn opt_text(&mut self, text: Option<&str>) {
        match text {
            None => self.int(-1),
            Some(t) => self.text(t),
        }
    }

    fn opt_int(&mut self, value: Option<i64>) {
        match value {
            None => self.int(0),
            Some(v) => {
                self.int(1);
                self.int(v);
            }
        }
    }

    fn finish(mut self) -> i64 {
        self.hash.write(&self.buffer[..self.len]);
        self.hash.finish() as i64
    }
}

/// The first scheme: the fields formatted as text, then SHA-256.
fn earlier(order: &OrderRecord, with_items: bool) -> i64 {
    let canonical = format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{:?}",
        order.placed_at.timestamp(),
        order.placed_at.offset().local_minus_utc(),
        order.customer_key.as_deref().unwrap_or(""),
        order.currency,
        order.subtotal,
        order.refunded,
        order.status.as_str(),
        order.cancelled,
        order.codes.join("\n"),
        order.customer_new,
    );
    // Fields added by schema 2 joined it only when set.
    let canonical =
        if order.gift_value.is_none() && order.utm_source.is_none() && order.utm_campaign.is_none()
        {
            canonical
        } else {
            canonical
                + &format!(
                    "|{:?}|{:?}|{:?}",
                    order.gift_value, order.utm_source, order.utm_campaign
                )
        };
    let mut hash = Sha256::new();
    hash.update(canonical.as_bytes());
    // Likewise the line items of schema 7.
    if with_items && !order.items.is_empty() {
        for item in &order.items {
            hash.update(b"|");
            hash.update(item.quantity.to_le_bytes());
            hash.update(item.price.to_le_bytes());
            hash.update(item.sku.as_bytes());
        }
    }
    let digest = hash.finalize();
    i64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FinancialStatus, LineItem};

    pub(super) fn order() -> OrderRecord {
        OrderRecord {
            placed_at: chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00-05:00").unwrap(),
            customer_key: Some("ab12".into()),
            codes: vec!["MAYA10".into()],
            items: vec![LineItem {
                sku: "MUG-1".into(),
                name: "Mug".into(),
                quantity: 2,
                price: 2_100,
            }],
            ..OrderRecord::example("#1001", 4_200)
        }
    }

    /// One edit of an order.
    type Change = fn(&mut OrderRecord);

    #[test]
    fn every_field_the_scorecard_reads_changes_it() {
        let base = fingerprint(&order());
        let changes: [(&str, Change); 16] = [
            ("time", |o| o.placed_at += chrono::Duration::seconds(1)),
            ("customer", |o| o.customer_key = None),
            ("currency", |o| o.currency = "EUR".into()),
            ("subtotal", |o| o.subtotal += 1),
            ("refunded", |o| o.refunded = 1),
            ("status", |o| o.status = FinancialStatus::Refunded),
            ("cancelled", |o| o.cancelled = true),
            ("codes", |o| o.codes.push("ZED5".into())),
            ("new", |o| o.customer_new = Some(false)),
            ("gift", |o| o.gift_value = Some(0)),
            ("utm", |o| o.utm_source = Some("maya".into())),
            ("campaign", |o| o.utm_campaign = Some("".into())),
            ("quantity", |o| o.items[0].quantity = 3),
            ("price", |o| o.items[0].price = 2_000),
            ("sku", |o| o.items[0].sku = "MUG-2".into()),
            ("items", |o| o.items.clear()),
        ];
        for (what, change) in changes {
            let mut o = order();
            change(&mut o);
            assert_ne!(fingerprint(&o), base, "a change of {what} went unseen");
        }
        // What the scorecard never reads leaves it as it is.
        let mut o = order();
        o.items[0].name = "Big mug".into();
        assert_eq!(fingerprint(&o), base);
    }

    #[test]
    fn field_boundaries_cannot_be_shifted() {
        // One code "AB" is not the two codes "A" and "B"; text moved between fields shows.
        let mut one = order();
        one.codes = vec!["AB".into()];
        let mut two = order();
        two.codes = vec!["A".into(), "B".into()];
        assert_ne!(fingerprint(&one), fingerprint(&two));
        let mut a = order();
        (a.utm_source, a.utm_campaign) = (Some("ab".into()), None);
        let mut b = order();
        (b.utm_source, b.utm_campaign) = (Some("a".into()), Some("b".into()));
        assert_ne!(fingerprint(&a), fingerprint(&b));
        // Texts longer than the buffer count to their last byte.
        let mut long = order();
        long.items[0].sku = "X".repeat(300);
        let mut longer = order();
        longer.items[0].sku = format!("{}Y", "X".repeat(299));
        assert_ne!(fingerprint(&long), fingerprint(&longer));
    }

    #[test]
    fn the_scheme_never_drifts() {
        // Stored fingerprints must come out the same in every later build.
        assert_eq!(fingerprint(&order()), 7_020_742_832_904_007_815);
    }

    #[test]
    fn the_first_schemes_fingerprints_are_recognised() {
        let o = order();
        assert!(matches_earlier(&o, earlier(&o, true)));
        assert!(!matches_earlier(&o, earlier(&o, false)));
        assert!(!matches_earlier(&o, fingerprint(&o)));
        assert!(matches_without_items(&o, earlier(&o, false)));
        let mut bare = order();
        bare.items.clear();
        assert!(matches_without_items(&o, fingerprint(&bare)));
        assert!(!matches_without_items(&o, fingerprint(&o)));
        // The values the first scheme gave this order, pinned: they must never drift.
        // (Computed by shoutout before the change of scheme.)
        assert_eq!(earlier(&o, true), -4_350_371_253_827_966_237);
        assert_eq!(earlier(&o, false), 1_808_723_351_410_952_346);
    }
}

#[cfg(test)]
mod upgrade_tests {
    use super::*;
    use crate::store::{BatchMeta, Store, Upsert, UpsertCounts};

    fn import(store: &mut Store, orders: &[OrderRecord]) -> Vec<Upsert> {
        let mut batch = store
            .begin_import(&BatchMeta {
                file_name: "t.csv".into(),
                format: "shopify".into(),
                source: "shopify".into(),
                imported_at: "2026-11-22T10:00:00+00:00".into(),
            })
            .unwrap();
        let refs: Vec<(&OrderRecord, i64)> = orders.iter().map(|o| (o, fingerprint(o))).collect();
        let done = batch.upsert_many(&refs).unwrap();
        let mut counts = UpsertCounts::default();
        done.iter().for_each(|d| counts.add(*d));
        batch.commit(&counts).unwrap();
        done
    }

    fn stored(store: &Store, id: &str) -> (i64, String) {
        store
            .conn
            .query_row(
                "SELECT fingerprint, items FROM shop_order WHERE external_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    }

    #[test]
    fn orders_fingerprinted_by_the_first_scheme_are_unchanged_and_take_the_current_one() {
        let mut store = Store::open_in_memory().unwrap();
        let mut same = super::tests::order();
        let mut no_items = super::tests::order();
        no_items.external_id = "#1002".into();
        let mut edited = super::tests::order();
        edited.external_id = "#1003".into();
        same.external_id = "#1001".into();
        let all = [same.clone(), no_items.clone(), edited.clone()];
        assert_eq!(import(&mut store, &all), [Upsert::New; 3]);
        // As an older shoutout left them: the first scheme, and one stored without items.
        for (o, with_items) in [(&same, true), (&no_items, false), (&edited, true)] {
            store
                .conn
                .execute(
                    "UPDATE shop_order SET fingerprint = ?2,
                         items = CASE WHEN ?3 THEN items ELSE '' END
                     WHERE external_id = ?1",
                    rusqlite::params![o.external_id, earlier(o, with_items), with_items],
                )
                .unwrap();
        }
        edited.subtotal += 100;
        let again = [same.clone(), no_items.clone(), edited.clone()];
        assert_eq!(
            import(&mut store, &again),
            [Upsert::Unchanged, Upsert::Unchanged, Upsert::Changed]
        );
        assert_eq!(stored(&store, "#1001").0, fingerprint(&same));
        let (fp, items) = stored(&store, "#1002");
        assert_eq!(
            (fp, items.as_str()),
            (fingerprint(&no_items), "2\t2100\tMUG-1")
        );
        assert_eq!(stored(&store, "#1003").0, fingerprint(&edited));
        // And from now on they compare directly.
        assert_eq!(import(&mut store, &again), [Upsert::Unchanged; 3]);
    }
}
