-- +goose Up
-- Linkage with the city/province government (issue 9, website-rules §2.1
-- "转载" and §4.4 归集推送).
--
-- feed_subscriptions: where upstream items come from — a feed (RSS, Atom,
-- JSON Feed) or a list page read with a CSS selector — with the validators
-- of the last read (conditional GET), the back-off state and the last error
-- in Chinese as staff see it. Subscriptions are disabled, never deleted:
-- the items they brought are evidence for the inspection.
CREATE TABLE feed_subscriptions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id          INTEGER NOT NULL REFERENCES sites(id),
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL,               -- feed | page
    url              TEXT NOT NULL,
    item_selector    TEXT NOT NULL DEFAULT '',
    date_selector    TEXT NOT NULL DEFAULT '',
    column_id        INTEGER REFERENCES site_columns(id),
    interval_minutes INTEGER NOT NULL DEFAULT 60,
    enabled          BOOLEAN NOT NULL DEFAULT TRUE,
    etag             TEXT NOT NULL DEFAULT '',
    last_modified    TEXT NOT NULL DEFAULT '',
    last_polled_at   DATETIME,
    last_ok_at       DATETIME,
    next_poll_at     DATETIME NOT NULL,
    failures         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);

-- repost_rules mark new items as required reposts (by category, keyword
-- or sender) with their period in working days.
CREATE TABLE repost_rules (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    name            TEXT NOT NULL,
    subscription_id INTEGER REFERENCES feed_subscriptions(id),
    category        TEXT NOT NULL DEFAULT '',
    keyword         TEXT NOT NULL DEFAULT '',
    sender          TEXT NOT NULL DEFAULT '',
    due_workdays    INTEGER NOT NULL,
    column_id       INTEGER REFERENCES site_columns(id),
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      DATETIME NOT NULL
);

-- upstream_items is the repost queue: every item read, once per
-- subscription (guid). link_norm and title_key recognise the same item
-- from two sources (duplicate_of points to the first one). A required item
-- carries its due date; its repost is a document of ours (document_id) and
-- the proof — our URL, when it went online, who reposted it — is kept.
CREATE TABLE upstream_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    subscription_id INTEGER NOT NULL REFERENCES feed_subscriptions(id),
    guid            TEXT NOT NULL,
    link            TEXT NOT NULL,
    link_norm       TEXT NOT NULL,
    title_key       TEXT NOT NULL DEFAULT '',
    title           TEXT NOT NULL,
    published_on    TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT '',
    sender          TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL DEFAULT '',
    content_html    TEXT NOT NULL DEFAULT '',      -- sanitised (catalog.SanitizeBody)
    discovered_at   DATETIME NOT NULL,
    duplicate_of    INTEGER REFERENCES upstream_items(id),
    required        BOOLEAN NOT NULL DEFAULT FALSE,
    required_by     TEXT NOT NULL DEFAULT '',      -- '' | staff | rule
    rule_id         INTEGER REFERENCES repost_rules(id),
    due_on          TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD
    column_id       INTEGER REFERENCES site_columns(id),
    marked_by       INTEGER REFERENCES users(id),
    marked_at       DATETIME,
    dismissed       BOOLEAN NOT NULL DEFAULT FALSE, -- 无需转载
    document_id     INTEGER REFERENCES documents(id),
    reposted_by     INTEGER REFERENCES users(id),
    reposted_at     DATETIME,
    proof_url       TEXT NOT NULL DEFAULT '',
    proof_at        DATETIME,
    proof_by        TEXT NOT NULL DEFAULT '',
    UNIQUE (subscription_id, guid)
);
CREATE INDEX upstream_items_site ON upstream_items (site_id, discovered_at);
CREATE INDEX upstream_items_link ON upstream_items (site_id, link_norm);
CREATE INDEX upstream_items_title ON upstream_items (site_id, title_key);
CREATE INDEX upstream_items_due ON upstream_items (site_id, required, due_on);
CREATE INDEX upstream_items_document ON upstream_items (document_id);

-- webhook_deliveries is the outbox of the push to the city's platform: one
-- row per published document and event, written by the background job
-- from the documents table itself, so a restart loses nothing (a document
-- published while the process was down is found on the next pass).
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id      INTEGER NOT NULL REFERENCES documents(id),
    event            TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending', -- pending | delivered | failed
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME NOT NULL,
    last_status_code INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    delivered_at     DATETIME,
    created_at       DATETIME NOT NULL,
    UNIQUE (document_id, event)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

-- webhook_attempts is the delivery log staff read: every attempt with the
-- answer's status and the error in Chinese (never the secret).
CREATE TABLE webhook_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    at          DATETIME NOT NULL,
    target      TEXT NOT NULL,
    status_code INTEGER NOT NULL DEFAULT 0,
    error       TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, at);

-- +goose Down
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE upstream_items;
DROP TABLE repost_rules;
DROP TABLE feed_subscriptions;
