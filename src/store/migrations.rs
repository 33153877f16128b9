//! The schema, as an append-only list of migrations tracked in `PRAGMA user_version`.
//!
//! Never edit a migration that has shipped: add a new one at the end.

use super::customers::{CUSTOMER_SECRET, customer_number, keyed_customer, new_secret};

/// One step of the schema's history: SQL, or SQL followed by a data conversion in Rust.
pub struct Migration {
    pub sql: &'static str,
    pub then: Option<fn(&rusqlite::Transaction) -> rusqlite::Result<()>>,
}

/// Migration `i` brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: V1,
        then: None,
    },
    Migration {
        sql: V2,
        then: None,
    },
    Migration {
        sql: V3,
        then: Some(customer_hashes),
    },
    Migration {
        sql: V4,
        then: Some(keyed_customers),
    },
    Migration {
        sql: V5,
        then: None,
    },
    Migration {
        sql: V6,
        then: None,
    },
    Migration {
        sql: V7,
        then: None,
    },
    Migration {
        sql: V8,
        then: None,
    },
    Migration {
        sql: V9,
        then: Some(imported_gifts),
    },
    Migration {
        sql: V10,
        then: Some(derived_facts),
    },
    Migration {
        sql: V11,
        then: None,
    },
    Migration {
        sql: V12,
        then: Some(cohort_groups),
    },
    Migration {
        sql: V13,
        then: Some(evidence_totals),
    },
];

/// Version 4 keys customers with a secret of this database: a random secret is made, every
/// stored customer number is replaced by its keyed hash, and the bare SHA-256 keys of schema
/// 1's `customer` table are deleted.
fn keyed_customers(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let secret = new_secret()?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)",
        [CUSTOMER_SECRET, &secret],
    )?;
    for table in ["shop_order", "order_prev"] {
        let rows: Vec<(i64, i64)> = tx
            .prepare(&format!(
                "SELECT rowid, customer FROM {table} WHERE customer IS NOT NULL"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut update = tx.prepare(&format!(
            "UPDATE {table} SET customer = ?2 WHERE rowid = ?1"
        ))?;
        for (rowid, number) in rows {
            update.execute([rowid, keyed_customer(&secret, number)])?;
        }
    }
    tx.execute_batch(
        "UPDATE shop_order SET customer_id = NULL;
         UPDATE order_prev SET customer_id = NULL;
         DELETE FROM customer;",
    )
}

/// Version 3 keys orders to customers by number; fills the numbers of existing orders.
fn customer_hashes(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let keys: Vec<(i64, String)> = tx
        .prepare("SELECT id, key FROM customer")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute_batch("CREATE TEMP TABLE customer_number (id INTEGER PRIMARY KEY, number INTEGER)")?;
    {
        let mut insert = tx.prepare("INSERT INTO customer_number (id, number) VALUES (?1, ?2)")?;
        for (id, key) in keys {
            insert.execute(rusqlite::params![id, customer_number(&key)])?;
        }
    }
    tx.execute_batch(
        "UPDATE shop_order SET customer =
             (SELECT number FROM customer_number n WHERE n.id = shop_order.customer_id);
         UPDATE order_prev SET customer =
             (SELECT number FROM customer_number n WHERE n.id = order_prev.customer_id);
         DROP TABLE customer_number;",
    )
}

/// The first schema.
const V1: &str = include_str!("schema_v1.sql");

/// Gift orders, tracking parameters on orders, saved column mappings.
const V2: &str = r#"
ALTER TABLE shop_order ADD COLUMN gift INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shop_order ADD COLUMN utm_source TEXT;
ALTER TABLE shop_order ADD COLUMN utm_campaign TEXT;
ALTER TABLE order_prev ADD COLUMN gift INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_prev ADD COLUMN utm_source TEXT;
ALTER TABLE order_prev ADD COLUMN utm_campaign TEXT;

CREATE TABLE csv_mapping (
    header_key TEXT PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    mapping    TEXT NOT NULL,  -- TOML, as `shoutout import --mapping` reads it
    saved_at   TEXT NOT NULL
) STRICT;
"#;

/// Customers by number: `shop_order.customer` is the first 64 bits of the customer key
/// (itself a SHA-256 of the e-mail), so an import needs no lookup in a text index.
/// `customer_id` and the `customer` table stay for older rows' history. An order's codes move
/// into the order row (code keys joined by a newline, sorted), so an import writes one row per
/// order; the `order_code` table and an index no query read go.
const V3: &str = r#"
ALTER TABLE shop_order ADD COLUMN customer INTEGER;
ALTER TABLE order_prev ADD COLUMN customer INTEGER;
ALTER TABLE shop_order ADD COLUMN codes TEXT NOT NULL DEFAULT '';
UPDATE shop_order SET codes = COALESCE(
    (SELECT group_concat(code_key, char(10))
     FROM (SELECT code_key FROM order_code WHERE order_id = shop_order.id ORDER BY code_key)),
    '');
DROP TABLE order_code;
DROP INDEX order_by_created_batch;
"#;

/// Settings an import changed, with their value before it (NULL: the import created it), so
/// undoing the import restores them. Customers are keyed with a secret of the database (see
/// [`keyed_customers`]).
const V4: &str = r#"
CREATE TABLE batch_setting (
    batch_id  INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    key       TEXT NOT NULL,
    old_value TEXT,
    PRIMARY KEY (batch_id, key)
) STRICT;
"#;

/// Commission payouts: settlements of the commission already counted as her cost.
const V5: &str = r#"
CREATE TABLE payout (
    id            INTEGER PRIMARY KEY,
    influencer_id INTEGER NOT NULL REFERENCES influencer(id),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
    paid_on       TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX payout_by_influencer ON payout(influencer_id);
"#;

/// Channels (Meta ads, a newsletter) beside the creators: rows of `influencer` that take
/// costs, codes and links like a creator's, and never a creator's rank.
const V6: &str = r#"
ALTER TABLE influencer ADD COLUMN channel INTEGER NOT NULL DEFAULT 0;
"#;

/// Line items on orders (`quantity TAB price TAB sku TAB name` per line, see
/// [`crate::domain::encode_items`]) and what one unit of each SKU costs the shop, so an
/// order's goods cost can come from its products.
const V7: &str = r#"
ALTER TABLE shop_order ADD COLUMN items TEXT NOT NULL DEFAULT '';
ALTER TABLE order_prev ADD COLUMN items TEXT NOT NULL DEFAULT '';

CREATE TABLE product_cost (
    sku        TEXT PRIMARY KEY COLLATE NOCASE,
    unit_cents INTEGER NOT NULL CHECK (unit_cents >= 0),
    updated_at TEXT NOT NULL
) STRICT;
"#;

/// Campaign targets: what a campaign aims for, each optional.
const V8: &str = r#"
ALTER TABLE campaign ADD COLUMN target_revenue_cents INTEGER;
ALTER TABLE campaign ADD COLUMN target_orders INTEGER;
ALTER TABLE campaign ADD COLUMN target_new_customers INTEGER;
ALTER TABLE campaign ADD COLUMN target_reach INTEGER;
ALTER TABLE campaign ADD COLUMN target_impressions INTEGER;
"#;

/// The gift ledger (gifts sent, and the gift orders imports found); an order's own currency
/// and subtotal when an import converted it (`--rate`); and what a post's content was worth,
/// how it was received and a note.
const V9: &str = r#"
CREATE TABLE gift (
    id               INTEGER PRIMARY KEY,
    influencer_id    INTEGER NOT NULL REFERENCES influencer(id),
    campaign_id      INTEGER REFERENCES campaign(id),
    given_on         TEXT NOT NULL,
    item             TEXT NOT NULL DEFAULT '',
    retail_cents     INTEGER NOT NULL DEFAULT 0 CHECK (retail_cents >= 0),
    cost_cents       INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),
    shipping_cents   INTEGER NOT NULL DEFAULT 0 CHECK (shipping_cents >= 0),
    declined         INTEGER NOT NULL DEFAULT 0,
    product_cost_id  INTEGER REFERENCES cost(id) ON DELETE SET NULL,
    shipping_cost_id INTEGER REFERENCES cost(id) ON DELETE SET NULL,
    import_batch_id  INTEGER REFERENCES import_batch(id),
    order_number     TEXT
) STRICT;
CREATE INDEX gift_by_influencer ON gift(influencer_id);

ALTER TABLE shop_order ADD COLUMN orig_currency TEXT;
ALTER TABLE shop_order ADD COLUMN orig_subtotal_cents INTEGER;
ALTER TABLE order_prev ADD COLUMN orig_currency TEXT;
ALTER TABLE order_prev ADD COLUMN orig_subtotal_cents INTEGER;

ALTER TABLE post ADD COLUMN content_value_cents INTEGER;
ALTER TABLE post ADD COLUMN sentiment TEXT;
ALTER TABLE post ADD COLUMN note TEXT NOT NULL DEFAULT '';
"#;

/// Gift orders imported before schema 9 are in the ledger too: one gift per cost an import
/// recorded for a gift order (its note says `gift order #1001 (retail 45.00, code X)`).
fn imported_gifts(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let mut read = tx.prepare(
        "SELECT id, influencer_id, spent_on, amount_cents, note, import_batch_id FROM cost
         WHERE import_batch_id IS NOT NULL AND kind = 'product' AND note LIKE 'gift order %'",
    )?;
    let rows: Vec<(i64, i64, String, i64, String, i64)> = read
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (cost_id, influencer, on, cents, note, batch) in rows {
        let order = note
            .strip_prefix("gift order ")
            .and_then(|rest| rest.split(" (").next())
            .unwrap_or("")
            .to_string();
        let retail = note
            .split_once("(retail ")
            .and_then(|(_, rest)| rest.split([',', ')']).next())
            .and_then(|r| crate::domain::parse_amount(r).ok())
            .and_then(|r| crate::domain::to_cents(r).ok())
            .unwrap_or(0);
        tx.execute(
            "INSERT INTO gift (influencer_id, given_on, retail_cents, cost_cents, product_cost_id,
                               import_batch_id, order_number)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![influencer, on, retail, cents, cost_id, batch, order],
        )?;
    }
    Ok(())
}

/// Schema 10: the derived facts (`derived.rs`), so the scorecard opens without reading
/// every order: each customer's first counted order, and the counted orders summed by day
/// and evidence (their codes and `utm_source`, each distinct pair stored once in
/// `order_evidence`). An index on the day lets an import sum again only its days.
const V10: &str = r#"
CREATE TABLE customer_first (
    customer INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL
) STRICT;

CREATE TABLE order_evidence (
    id         INTEGER PRIMARY KEY,
    codes      TEXT NOT NULL,
    utm_source TEXT
) STRICT;

CREATE TABLE order_day (
    placed_on      INTEGER NOT NULL,
    evidence       INTEGER NOT NULL REFERENCES order_evidence (id),
    orders         INTEGER NOT NULL,
    net_cents      INTEGER NOT NULL,
    new_orders     INTEGER NOT NULL,
    refunded_cents INTEGER NOT NULL,
    plain_cents    INTEGER NOT NULL,
    goods_orders   INTEGER NOT NULL,
    product_goods  TEXT NOT NULL,
    product_base   TEXT NOT NULL
) STRICT;
CREATE INDEX order_day_placed_on ON order_day (placed_on);
CREATE INDEX shop_order_placed_on ON shop_order (placed_on);
"#;

/// Shop-wide events (a sale, a market, a press mention): days the lift model's baseline
/// absorbs instead of crediting a creator who posted then.
const V11: &str = r#"
CREATE TABLE shop_event (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    first_on TEXT NOT NULL,
    last_on  TEXT NOT NULL CHECK (last_on >= first_on)
) STRICT;
"#;

/// The customers' window orders summed by cohort group (`store/cohorts.rs`): what lifetime
/// value is computed from.
const V12: &str = r#"
CREATE TABLE cohort_day (
    first_on       INTEGER NOT NULL,
    first_evidence INTEGER NOT NULL,
    evidence       INTEGER NOT NULL,
    below          INTEGER NOT NULL,
    firsts         INTEGER NOT NULL,
    first_net      INTEGER NOT NULL,
    comebacks      INTEGER NOT NULL,
    orders         INTEGER NOT NULL,
    net_cents      INTEGER NOT NULL,
    PRIMARY KEY (first_evidence, first_on, evidence, below)
) STRICT, WITHOUT ROWID;
CREATE TABLE cohort_window (
    first_evidence INTEGER PRIMARY KEY,
    packed         BLOB NOT NULL
) STRICT;
"#;

/// Sums the cohort groups of the orders already stored.
fn cohort_groups(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    super::cohorts::rebuild(tx)
}

/// Computes the derived facts of the orders already stored.
fn derived_facts(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    super::derived::rebuild(tx)
}

/// Each evidence's sums over all days: the all-time scorecard reads these few rows, not
/// every day group (`store/totals.rs`).
const V13: &str = r#"
CREATE TABLE evidence_total (
    evidence       INTEGER PRIMARY KEY REFERENCES order_evidence (id),
    last_on        INTEGER NOT NULL,
    orders         INTEGER NOT NULL,
    net_cents      INTEGER NOT NULL,
    new_orders     INTEGER NOT NULL,
    refunded_cents INTEGER NOT NULL,
    plain_cents    INTEGER NOT NULL,
    goods_orders   INTEGER NOT NULL,
    product_goods  TEXT NOT NULL,
    product_base   TEXT NOT NULL
) STRICT;
"#;

/// Sums the totals of the day groups already stored.
fn evidence_totals(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    super::totals::rebuild(tx)
}
