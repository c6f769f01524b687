-- +goose Up
-- Site monitors (国办秘函〔2019〕19号 inspection indicators, website-rules §1):
-- named checks run on a schedule by one instance at a time, what they find,
-- the probes of the availability rule, the per-column freshness rules, the
-- notices they send, and a daily score for the trend.

-- One row per run of a check. A scheduled run names the period it belongs
-- to in slot (e.g. 2025-06-16T00:00 for a daily check); UNIQUE(check_name,
-- slot) makes a second instance's claim of the same period fail, so a
-- scheduled check runs once however many instances share the database.
-- Manual runs (gongkai monitor run) have no slot; NULLs never collide.
CREATE TABLE monitor_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    check_name  TEXT NOT NULL,
    slot        TEXT,
    instance    TEXT NOT NULL,
    started_at  DATETIME NOT NULL,
    finished_at DATETIME,
    status      TEXT NOT NULL DEFAULT 'running',  -- running | ok | failed
    findings    INTEGER NOT NULL DEFAULT 0,
    summary     TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT '',
    UNIQUE (check_name, slot)
);
CREATE INDEX monitor_runs_check ON monitor_runs (check_name, started_at);

-- A lease lets one instance run a check while others wait; it expires, so
-- a crashed holder does not block the check for ever.
CREATE TABLE monitor_leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at DATETIME NOT NULL
);

-- What checks found. fkey is the finding's identity within its check (a
-- column, a URL, a document and problem): a run updates the rows it sees
-- again and resolves the open ones it no longer sees, so re-running a check
-- changes nothing.
CREATE TABLE monitor_findings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    check_name  TEXT NOT NULL,
    fkey        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    severity    TEXT NOT NULL,                  -- veto | deduct | warn | info
    site_id     INTEGER NOT NULL DEFAULT 0,     -- 0: a watched site outside the platform
    column_id   INTEGER NOT NULL DEFAULT 0,
    org_id      INTEGER NOT NULL DEFAULT 0,
    document_id INTEGER NOT NULL DEFAULT 0,
    url         TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',       -- the page that links url
    message     TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    first_seen  DATETIME NOT NULL,
    last_seen   DATETIME NOT NULL,
    resolved_at DATETIME,
    run_id      INTEGER NOT NULL,
    UNIQUE (check_name, fkey)
);
CREATE INDEX monitor_findings_open ON monitor_findings (resolved_at, check_name);

-- Availability probes (站点无法访问: ≥ 5 % of probes not loaded within 15 s
-- over a week).
CREATE TABLE monitor_probes (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    url     TEXT NOT NULL,
    at      DATETIME NOT NULL,
    ok      BOOLEAN NOT NULL,
    millis  INTEGER NOT NULL,
    status  INTEGER NOT NULL DEFAULT 0,
    error   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX monitor_probes_url_at ON monitor_probes (url, at);

-- Per-column freshness rule overriding the column kind's default window.
CREATE TABLE monitor_column_rules (
    column_id    INTEGER PRIMARY KEY REFERENCES site_columns(id),
    window_days  INTEGER,                       -- NULL: the kind's default; 0: not checked
    exempt_blank BOOLEAN NOT NULL DEFAULT FALSE,
    note         TEXT NOT NULL DEFAULT '',
    updated_at   DATETIME NOT NULL
);

-- In-app notices (there is no e-mail outbox): alerts to a 科室's 信息员 and
-- the office's daily digest. nkey makes sending the same notice twice a no-op.
CREATE TABLE monitor_notices (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    nkey       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    link       TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    read_at    DATETIME,
    UNIQUE (user_id, nkey)
);
CREATE INDEX monitor_notices_user ON monitor_notices (user_id, created_at);

-- The indicator-style score of a site, one row per day, for the trend.
CREATE TABLE monitor_scores (
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    day          TEXT NOT NULL,                 -- YYYY-MM-DD
    score        REAL NOT NULL,
    passed       BOOLEAN NOT NULL,
    vetoes       INTEGER NOT NULL,
    stale        INTEGER NOT NULL,
    blank        INTEGER NOT NULL,
    broken_links INTEGER NOT NULL,
    text_issues  INTEGER NOT NULL,
    data_issues  INTEGER NOT NULL,
    PRIMARY KEY (site_id, day)
);

-- +goose Down
DROP TABLE monitor_scores;
DROP TABLE monitor_notices;
DROP TABLE monitor_column_rules;
DROP TABLE monitor_probes;
DROP TABLE monitor_findings;
DROP TABLE monitor_leases;
DROP TABLE monitor_runs;
