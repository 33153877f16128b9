CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE campaign (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    goal         TEXT NOT NULL CHECK (goal IN ('sales', 'awareness')),
    starts_on    TEXT,
    ends_on      TEXT,
    budget_cents INTEGER
) STRICT;

CREATE TABLE influencer (
    id            INTEGER PRIMARY KEY,
    handle        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL DEFAULT '',
    platform      TEXT NOT NULL,
    followers     INTEGER NOT NULL CHECK (followers >= 0),
    tier          TEXT,
    -- commission in hundredths of a percent: 1250 = 12.5 %
    commission_bp INTEGER NOT NULL DEFAULT 0 CHECK (commission_bp BETWEEN 0 AND 10000),
    contact       TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    archived      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    source      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    new_count       INTEGER NOT NULL DEFAULT 0,
    changed_count   INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    invalid_count   INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE cost (
    id              INTEGER PRIMARY KEY,
    influencer_id   INTEGER NOT NULL REFERENCES influencer(id),
    campaign_id     INTEGER REFERENCES campaign(id),
    kind            TEXT NOT NULL CHECK (kind IN ('fee', 'product', 'shipping', 'bonus', 'other')),
    amount_cents    INTEGER NOT NULL,
    spent_on        TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX cost_by_influencer ON cost(influencer_id);

CREATE TABLE promo_code (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL,
    code_key      TEXT NOT NULL UNIQUE,
    influencer_id INTEGER NOT NULL REFERENCES influencer(id),
    campaign_id   INTEGER REFERENCES campaign(id)
) STRICT;

CREATE TABLE link (
    id            INTEGER PRIMARY KEY,
    influencer_id INTEGER NOT NULL REFERENCES influencer(id),
    campaign_id   INTEGER REFERENCES campaign(id),
    base_url      TEXT NOT NULL,
    utm_source    TEXT NOT NULL DEFAULT '',
    utm_medium    TEXT NOT NULL DEFAULT '',
    utm_campaign  TEXT NOT NULL DEFAULT '',
    utm_content   TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL
) STRICT;

CREATE TABLE post (
    id            INTEGER PRIMARY KEY,
    influencer_id INTEGER NOT NULL REFERENCES influencer(id),
    campaign_id   INTEGER REFERENCES campaign(id),
    platform      TEXT NOT NULL,
    posted_on     TEXT NOT NULL,
    format        TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    followers     INTEGER NOT NULL CHECK (followers >= 0),
    impressions   INTEGER,
    reach         INTEGER,
    views         INTEGER,
    likes         INTEGER,
    comments      INTEGER,
    shares        INTEGER,
    saves         INTEGER,
    clicks        INTEGER
) STRICT;
CREATE INDEX post_by_influencer ON post(influencer_id);

CREATE TABLE customer (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE shop_order (
    id             INTEGER PRIMARY KEY,
    source         TEXT NOT NULL,
    external_id    TEXT NOT NULL,
    number         INTEGER NOT NULL,
    placed_at      INTEGER NOT NULL,  -- seconds since the Unix epoch, UTC
    placed_offset  INTEGER NOT NULL,  -- the shop's UTC offset in seconds
    placed_on      INTEGER NOT NULL,  -- the shop's local date, days from 0001-01-01 (day 1)
    customer_id    INTEGER REFERENCES customer(id),
    currency       TEXT NOT NULL,
    subtotal_cents INTEGER NOT NULL,
    refunded_cents INTEGER NOT NULL,
    status         TEXT NOT NULL,
    cancelled      INTEGER NOT NULL,
    customer_new   INTEGER,
    fingerprint    INTEGER NOT NULL,
    created_batch  INTEGER NOT NULL REFERENCES import_batch(id),
    updated_batch  INTEGER NOT NULL REFERENCES import_batch(id),
    UNIQUE (source, external_id)
) STRICT;
CREATE INDEX order_by_created_batch ON shop_order(created_batch);

CREATE TABLE order_code (
    order_id INTEGER NOT NULL REFERENCES shop_order(id) ON DELETE CASCADE,
    code_key TEXT NOT NULL,
    PRIMARY KEY (order_id, code_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX order_code_by_code ON order_code(code_key);

-- The state of an order before an import changed it, so the import can be undone.
CREATE TABLE order_prev (
    batch_id       INTEGER NOT NULL REFERENCES import_batch(id),
    order_id       INTEGER NOT NULL REFERENCES shop_order(id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    placed_at      INTEGER NOT NULL,
    placed_offset  INTEGER NOT NULL,
    placed_on      INTEGER NOT NULL,
    customer_id    INTEGER,
    currency       TEXT NOT NULL,
    subtotal_cents INTEGER NOT NULL,
    refunded_cents INTEGER NOT NULL,
    status         TEXT NOT NULL,
    cancelled      INTEGER NOT NULL,
    customer_new   INTEGER,
    fingerprint    INTEGER NOT NULL,
    updated_batch  INTEGER NOT NULL,
    codes          TEXT NOT NULL,      -- code keys joined by a newline
    PRIMARY KEY (batch_id, order_id)
) STRICT;
