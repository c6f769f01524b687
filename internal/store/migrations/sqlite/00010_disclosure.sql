-- +goose Up
-- 依申请公开 (条例第四章). Personal data (ID number, phones, e-mail,
-- address) is stored only as AES-256-GCM ciphertext "g1.{key}.{…}" made by
-- internal/secret; *_bidx columns hold HMAC blind indexes "{key}:{hex}" so
-- one applicant's applications can be found and counted without
-- decrypting (条例第三十五条, 第三十六条(六), 109号 按件 per month).
CREATE TABLE applications (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id          INTEGER NOT NULL REFERENCES sites(id),
    parent_id        INTEGER REFERENCES applications(id),   -- 一事一申请 split (109号第四条)
    code             TEXT UNIQUE,                           -- 查询码 YS{year}-{id}; set in the creating transaction
    password_hash    TEXT NOT NULL,                         -- one-time query password (secret.HashQueryPassword)
    channel          TEXT NOT NULL,                         -- online | api | staff
    applicant_kind   TEXT NOT NULL,                         -- table 三 column (the principal's kind)
    applicant_name   TEXT NOT NULL,
    id_type          TEXT NOT NULL,
    id_number_enc    TEXT NOT NULL DEFAULT '',
    id_number_bidx   TEXT NOT NULL DEFAULT '',
    contact_name     TEXT NOT NULL DEFAULT '',
    phone_enc        TEXT NOT NULL DEFAULT '',
    phone_bidx       TEXT NOT NULL DEFAULT '',
    email_enc        TEXT NOT NULL DEFAULT '',
    address_enc      TEXT NOT NULL DEFAULT '',
    post_code        TEXT NOT NULL DEFAULT '',
    agent_name       TEXT NOT NULL DEFAULT '',
    agent_phone_enc  TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL,                         -- stored as typed; escaped on output
    doc_no           TEXT NOT NULL DEFAULT '',
    delivery_form    TEXT NOT NULL,
    delivery_method  TEXT NOT NULL,
    received_on      TEXT NOT NULL,                         -- 收到申请之日 YYYY-MM-DD (条例第三十一条)
    receipt_basis    TEXT NOT NULL,
    state            TEXT NOT NULL,
    closed           BOOLEAN NOT NULL DEFAULT FALSE,
    clock_running    BOOLEAN NOT NULL DEFAULT TRUE,         -- open, not waiting for 补正, no open pause: overdue = due_on < today
    org_id           INTEGER REFERENCES orgs(id),
    assignee_id      INTEGER REFERENCES users(id),
    due_on           TEXT NOT NULL DEFAULT '',              -- stored when set; recomputed when the calendar changes
    basis            TEXT NOT NULL DEFAULT '',              -- legal basis of the closing decision
    table_row        TEXT NOT NULL DEFAULT '',              -- table 三 row derived from basis, never picked
    closed_on        TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 0,            -- number of events; optimistic concurrency
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);
-- Staff queue: open cases by due date, optionally per Org, per state or per site.
CREATE INDEX applications_queue ON applications (closed, due_on, id);
CREATE INDEX applications_queue_org ON applications (org_id, closed, due_on, id);
CREATE INDEX applications_queue_site ON applications (site_id, closed, due_on, id);
CREATE INDEX applications_state ON applications (state, due_on, id);
CREATE INDEX applications_closed ON applications (closed, closed_on, id);
CREATE INDEX applications_id_bidx ON applications (id_number_bidx);
CREATE INDEX applications_phone_bidx ON applications (phone_bidx);
CREATE INDEX applications_received ON applications (site_id, received_on);
CREATE INDEX applications_closed_on ON applications (site_id, closed_on);

-- Append-only case history: every change to a case is one event; the case
-- is their fold (disclosure.Replay).
CREATE TABLE application_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    seq            INTEGER NOT NULL,                        -- 1, 2, … per application
    kind           TEXT NOT NULL,
    on_date        TEXT NOT NULL,                           -- the legal date of the step
    at             DATETIME NOT NULL,                       -- when it was recorded
    actor_id       INTEGER,
    data           TEXT NOT NULL,                           -- the disclosure.Event as JSON
    UNIQUE (application_id, seq)
);
-- Report queries by step (fee notices and payments of a year, 109号).
CREATE INDEX application_events_kind ON application_events (kind, on_date);
-- +goose StatementBegin
CREATE TRIGGER application_events_no_update BEFORE UPDATE ON application_events
BEGIN SELECT RAISE(ABORT, 'application_events is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events
BEGIN SELECT RAISE(ABORT, 'application_events is append-only'); END;
-- +goose StatementEnd

-- Files an applicant or staff attach: ID scan, power of attorney, 补正
-- material, payment proof (files under the data dir, internal/files).
CREATE TABLE application_attachments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    stored_as      TEXT NOT NULL,
    mime           TEXT NOT NULL,
    size           INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    uploaded_by    INTEGER REFERENCES users(id),            -- NULL: the applicant
    created_at     DATETIME NOT NULL
);
CREATE INDEX application_attachments_app ON application_attachments (application_id);

-- 告知书 as issued (the rendered text is kept, not re-rendered from a
-- template that may since have changed) with its service record.
CREATE TABLE notices (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    event_seq      INTEGER NOT NULL DEFAULT 0,              -- the event it belongs to (0: none)
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL,
    body_html      TEXT NOT NULL,
    issued_on      TEXT NOT NULL,
    delivered_via  TEXT NOT NULL DEFAULT '',                -- how it was served (邮寄, 电子邮件, 当面, 网上…)
    delivered_on   TEXT NOT NULL DEFAULT '',
    delivery_ref   TEXT NOT NULL DEFAULT '',                -- e.g. 邮件号
    created_by     INTEGER REFERENCES users(id),
    created_at     DATETIME NOT NULL
);
CREATE INDEX notices_app ON notices (application_id, id);

-- Outgoing e-mail (due-date reminders); dedup_key makes enqueuing
-- idempotent, so the scheduler can run the same check twice.
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    dedup_key      TEXT NOT NULL UNIQUE,
    recipient_enc  TEXT NOT NULL,
    subject        TEXT NOT NULL,
    body           TEXT NOT NULL,
    not_before     DATETIME NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT NOT NULL DEFAULT '',
    sent_at        DATETIME,
    created_at     DATETIME NOT NULL
);
CREATE INDEX outbox_pending ON outbox (sent_at, not_before);

-- 行政复议 and 行政诉讼 arising from disclosure work (table 四).
CREATE TABLE review_cases (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id        INTEGER NOT NULL REFERENCES sites(id),
    application_id INTEGER REFERENCES applications(id),
    route          TEXT NOT NULL CHECK (route IN ('reconsideration', 'litigation', 'litigation_after')),
    result         TEXT NOT NULL CHECK (result IN ('upheld', 'corrected', 'other', 'pending')),
    case_no        TEXT NOT NULL DEFAULT '',                -- 案号
    body           TEXT NOT NULL DEFAULT '',                -- 复议机关 or 法院
    filed_on       TEXT NOT NULL,
    decided_on     TEXT NOT NULL DEFAULT '',                -- '' while pending
    note           TEXT NOT NULL DEFAULT '',
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL
);
CREATE INDEX review_cases_site ON review_cases (site_id, filed_on);
CREATE INDEX review_cases_app ON review_cases (application_id);

-- +goose Down
DROP TABLE review_cases;
DROP TABLE outbox;
DROP TABLE notices;
DROP TABLE application_attachments;
DROP TABLE application_events;
DROP TABLE applications;
