-- +goose Up
-- Sites: an agency and its sub-sites (county counterparts or departments), 集约化.
CREATE TABLE sites (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id     INTEGER REFERENCES sites(id),
    code          TEXT NOT NULL UNIQUE,          -- short name used in paths: /s/{code}/
    name          TEXT NOT NULL,
    host          TEXT NOT NULL DEFAULT '',      -- routes by Host header when set
    uscc          TEXT NOT NULL,                 -- 统一社会信用代码 (18 chars), prefix of 索引号
    site_id_code  TEXT NOT NULL DEFAULT '',      -- 政府网站标识码
    icp           TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    office_hours  TEXT NOT NULL DEFAULT '',
    is_demo       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    DATETIME NOT NULL
);

-- Orgs: 科室 of a site.
CREATE TABLE orgs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id   INTEGER NOT NULL REFERENCES sites(id),
    name      TEXT NOT NULL,
    duties    TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT '',
    UNIQUE (site_id, name)
);

-- Columns: 栏目 tree of a site.
CREATE TABLE site_columns (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    parent_id   INTEGER REFERENCES site_columns(id),
    slug        TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    org_id      INTEGER REFERENCES orgs(id),
    description TEXT NOT NULL DEFAULT '',
    sort        INTEGER NOT NULL DEFAULT 0,
    archived    BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (site_id, slug)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    org_id        INTEGER REFERENCES orgs(id),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  DATETIME,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    DATETIME NOT NULL
);

-- Per-site, per-year serial for 索引号; a number once handed out is never reused.
CREATE TABLE index_serials (
    site_id  INTEGER NOT NULL REFERENCES sites(id),
    year     INTEGER NOT NULL,
    last     INTEGER NOT NULL,
    PRIMARY KEY (site_id, year)
);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id       INTEGER NOT NULL REFERENCES sites(id),
    column_id     INTEGER NOT NULL REFERENCES site_columns(id),
    org_id        INTEGER REFERENCES orgs(id),
    author_id     INTEGER REFERENCES users(id),
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    body_html     TEXT NOT NULL DEFAULT '',
    doc_no        TEXT NOT NULL DEFAULT '',
    index_no      TEXT UNIQUE,                   -- assigned at publication, immutable afterwards
    topic         TEXT NOT NULL DEFAULT '',
    issuer        TEXT NOT NULL DEFAULT '',      -- 发布机构
    genre         TEXT NOT NULL DEFAULT 'other', -- other | rule (规章) | normative (行政规范性文件)
    written_on    TEXT NOT NULL DEFAULT '',      -- 成文日期 YYYY-MM-DD
    changed_on    TEXT NOT NULL DEFAULT '',      -- 变更日期, restarts the art. 26 clock
    validity      TEXT NOT NULL DEFAULT '有效',
    validity_on   TEXT NOT NULL DEFAULT '',
    replaced_by   INTEGER REFERENCES documents(id),
    state         TEXT NOT NULL DEFAULT 'draft',
    scheduled_at  DATETIME,
    published_at  DATETIME,
    late_workdays INTEGER NOT NULL DEFAULT 0,    -- working days past the art. 26 limit at publication
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE INDEX documents_column_pub ON documents (column_id, state, published_at);
CREATE INDEX documents_site_pub ON documents (site_id, state, published_at);

CREATE TABLE document_channels (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    channel     TEXT NOT NULL,
    date        TEXT NOT NULL,
    ref         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_channels_doc ON document_channels (document_id);

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    stored_as   TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  DATETIME NOT NULL
);
CREATE INDEX attachments_doc ON attachments (document_id);

-- Review workflow history (条例第十七条): every transition with its reviewer.
CREATE TABLE document_reviews (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    action       TEXT NOT NULL,
    from_state   TEXT NOT NULL,
    to_state     TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    secrecy_checked BOOLEAN NOT NULL DEFAULT FALSE,
    at           DATETIME NOT NULL
);
CREATE INDEX document_reviews_doc ON document_reviews (document_id);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  DATETIME NOT NULL,
    last_seen   DATETIME NOT NULL
);

-- Append-only audit log: who, when, what, from which address.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          DATETIME NOT NULL,
    user_id     INTEGER,
    username    TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    target      TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    remote_addr TEXT NOT NULL DEFAULT ''
);
-- +goose StatementBegin
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- +goose StatementEnd

-- Working-day calendar: explicit rest days and 调休 make-up working days.
CREATE TABLE calendar_days (
    day        TEXT PRIMARY KEY,                 -- YYYY-MM-DD
    kind       TEXT NOT NULL CHECK (kind IN ('rest', 'work')),
    name       TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL,                    -- official | notice | admin
    updated_at DATETIME NOT NULL
);
CREATE TABLE calendar_years (
    year       INTEGER PRIMARY KEY,
    source     TEXT NOT NULL,
    updated_at DATETIME NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE settings;
DROP TABLE calendar_years;
DROP TABLE calendar_days;
DROP TABLE audit_log;
DROP TABLE sessions;
DROP TABLE document_reviews;
DROP TABLE attachments;
DROP TABLE document_channels;
DROP TABLE documents;
DROP TABLE users;
DROP TABLE index_serials;
DROP TABLE site_columns;
DROP TABLE orgs;
DROP TABLE sites;
