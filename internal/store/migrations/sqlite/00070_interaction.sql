-- +goose Up
-- Issue 8, items 2–5: the hotline and letters log, 人大代表建议 and 政协提案,
-- policy interpretations (解读) and responses to public concerns (回应).
-- Counts for the annual report are queries over these rows.

-- Calls, letters and 12345 tickets. The caller's name and phone are
-- personal data, encrypted at rest (internal/secret) and shown masked;
-- caller_phone_bidx (blind index) finds a caller's earlier cases. A 12345
-- ticket number is unique per site, which makes the XLSX import idempotent.
CREATE TABLE hotline_cases (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id           INTEGER NOT NULL REFERENCES sites(id),
    channel           TEXT NOT NULL,             -- 12345 | phone | letter | visit | email
    ticket_no         TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL,             -- complaint | consult | help | suggest | report | praise
    caller_kind       TEXT NOT NULL,
    caller_name_enc   TEXT NOT NULL DEFAULT '',
    caller_phone_enc  TEXT NOT NULL DEFAULT '',
    caller_phone_bidx TEXT NOT NULL DEFAULT '',
    subject           TEXT NOT NULL,
    content           TEXT NOT NULL DEFAULT '',
    org_id            INTEGER NOT NULL REFERENCES orgs(id),
    handling          TEXT NOT NULL DEFAULT '',
    result            TEXT NOT NULL,
    received_at       DATETIME NOT NULL,
    closed_at         DATETIME,
    created_at        DATETIME NOT NULL,
    updated_at        DATETIME NOT NULL
);
CREATE UNIQUE INDEX hotline_cases_ticket ON hotline_cases (site_id, ticket_no) WHERE ticket_no <> '';
CREATE INDEX hotline_cases_received ON hotline_cases (site_id, received_at);
CREATE INDEX hotline_cases_phone ON hotline_cases (caller_phone_bidx) WHERE caller_phone_bidx <> '';

-- 建议提案 (website-rules §5.6). Dates are YYYY-MM-DD in China; due dates
-- are computed from assigned_on, the settings and the calendar, never
-- stored. The proposer's phone is personal data (never published).
CREATE TABLE proposals (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id            INTEGER NOT NULL REFERENCES sites(id),
    kind               TEXT NOT NULL,            -- npc | cppcc
    session            TEXT NOT NULL DEFAULT '', -- 届次/会次
    recess             BOOLEAN NOT NULL DEFAULT FALSE,
    number             TEXT NOT NULL,
    title              TEXT NOT NULL,
    proposer           TEXT NOT NULL,
    co_proposers       TEXT NOT NULL DEFAULT '',
    proposer_phone_enc TEXT NOT NULL DEFAULT '',
    assigned_on        TEXT NOT NULL,
    assigned_by        TEXT NOT NULL DEFAULT '',
    role               TEXT NOT NULL,            -- lead (主办) | co (会办)
    org_id             INTEGER NOT NULL REFERENCES orgs(id),
    lead_unit          TEXT NOT NULL DEFAULT '',
    supervised         BOOLEAN NOT NULL DEFAULT FALSE,
    supervised_by      TEXT NOT NULL DEFAULT '',
    extended           BOOLEAN NOT NULL DEFAULT FALSE,
    extend_reason      TEXT NOT NULL DEFAULT '',
    replied_on         TEXT NOT NULL DEFAULT '',
    reply_no           TEXT NOT NULL DEFAULT '',
    reply_text         TEXT NOT NULL DEFAULT '',
    result             TEXT NOT NULL DEFAULT '',
    satisfaction       TEXT NOT NULL DEFAULT '',
    disclosure         TEXT NOT NULL DEFAULT '',
    disclosure_why     TEXT NOT NULL DEFAULT '',
    document_id        INTEGER REFERENCES documents(id),
    created_at         DATETIME NOT NULL,
    updated_at         DATETIME NOT NULL,
    UNIQUE (site_id, kind, session, recess, number)
);
CREATE INDEX proposals_assigned ON proposals (site_id, assigned_on);

-- 会办单位 of a proposal the agency leads, and their opinions.
CREATE TABLE proposal_cohandlers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    sort        INTEGER NOT NULL DEFAULT 0,
    unit        TEXT NOT NULL,
    email_enc   TEXT NOT NULL DEFAULT '',
    received_on TEXT NOT NULL DEFAULT '',
    opinion_on  TEXT NOT NULL DEFAULT '',
    opinion     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposal_cohandlers_proposal ON proposal_cohandlers (proposal_id);

-- A policy document and one of its interpretations: a document of the
-- site or an outside link (双向关联: the page of each shows the other).
CREATE TABLE interpretations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    policy_id    INTEGER NOT NULL REFERENCES documents(id),
    form         TEXT NOT NULL,                  -- text | graphic | video | qa
    document_id  INTEGER REFERENCES documents(id),
    title        TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    created_at   DATETIME NOT NULL
);
CREATE INDEX interpretations_policy ON interpretations (policy_id);
CREATE INDEX interpretations_document ON interpretations (document_id);

-- Responses to public concerns (热点回应, 舆情回应).
CREATE TABLE concern_responses (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    kind         TEXT NOT NULL,                  -- hot | opinion
    topic        TEXT NOT NULL,
    channel      TEXT NOT NULL,
    responded_on TEXT NOT NULL,
    summary      TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX concern_responses_on ON concern_responses (site_id, responded_on);

-- +goose Down
DROP TABLE concern_responses;
DROP TABLE interpretations;
DROP TABLE proposal_cohandlers;
DROP TABLE proposals;
DROP TABLE hotline_cases;
