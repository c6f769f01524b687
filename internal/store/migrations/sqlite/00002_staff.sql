-- +goose Up
-- Flags raised on a document by the back office that need a person's
-- attention later. Today: a publication whose lateness under 条例第二十六条
-- (20 working days) could not be computed because the working-day calendar
-- did not cover the year; the flag is resolved, and late_workdays filled in,
-- once the calendar covers it. Never guessed from Mon–Fri.
CREATE TABLE document_flags (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL,
    resolved_at DATETIME
);
CREATE INDEX document_flags_open ON document_flags (kind, resolved_at);

-- +goose Down
DROP TABLE document_flags;
