-- +goose Up
-- The message board (留言, issue 8): consultations, suggestions and
-- complaints left on the portal. The citizen's name, phone and e-mail are
-- personal data, encrypted at rest (internal/secret) and shown masked;
-- phone_bidx (blind index) finds a citizen's messages without decrypting.
-- The status is stored; whether a message is overdue is computed from
-- due_on and the working-day calendar (architecture.md). received_at is
-- the instant the 3-month veto line (website-rules §1.3 item 5) runs from.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    code            TEXT NOT NULL UNIQUE,          -- the citizen's tracking code
    kind            TEXT NOT NULL,                 -- consult | suggest | complaint
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    name_enc        TEXT NOT NULL DEFAULT '',
    phone_enc       TEXT NOT NULL DEFAULT '',
    phone_bidx      TEXT NOT NULL DEFAULT '',
    email_enc       TEXT NOT NULL DEFAULT '',
    public          BOOLEAN NOT NULL DEFAULT FALSE, -- the citizen agrees to publication
    citizen_id      INTEGER REFERENCES citizens(id) ON DELETE SET NULL,
    status          TEXT NOT NULL DEFAULT 'new',
    org_id          INTEGER REFERENCES orgs(id),
    received_at     DATETIME NOT NULL,
    received_on     TEXT NOT NULL,                 -- YYYY-MM-DD in China
    due_on          TEXT NOT NULL DEFAULT '',      -- reply deadline on the working-day calendar
    answer          TEXT NOT NULL DEFAULT '',
    answer_org_id   INTEGER REFERENCES orgs(id),
    answered_by     INTEGER REFERENCES users(id),
    answered_at     DATETIME,
    invalid_reason  TEXT NOT NULL DEFAULT '',
    invalid_note    TEXT NOT NULL DEFAULT '',
    merged_into     INTEGER REFERENCES messages(id),
    pub_title       TEXT NOT NULL DEFAULT '',      -- published texts, personal data removed
    pub_question    TEXT NOT NULL DEFAULT '',
    pub_answer      TEXT NOT NULL DEFAULT '',
    document_id     INTEGER REFERENCES documents(id),
    published_at    DATETIME,
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL
);
CREATE INDEX messages_site_status ON messages (site_id, status, received_at);
CREATE INDEX messages_org ON messages (org_id, status);
CREATE INDEX messages_received ON messages (received_at);
CREATE INDEX messages_phone ON messages (phone_bidx);
CREATE INDEX messages_citizen ON messages (citizen_id);
CREATE INDEX messages_merged ON messages (merged_into);

-- Every step on a message, append-only (received, routed, answered,
-- invalid with its reason, merged, published, reminded, escalated).
CREATE TABLE message_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  INTEGER NOT NULL REFERENCES messages(id),
    action      TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    org_id      INTEGER REFERENCES orgs(id),
    note        TEXT NOT NULL DEFAULT '',
    at          DATETIME NOT NULL
);
CREATE INDEX message_events_message ON message_events (message_id, id);

-- +goose Down
DROP TABLE message_events;
DROP TABLE messages;
