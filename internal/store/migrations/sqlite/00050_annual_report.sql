-- +goose Up
-- Annual report (issue 4; 条例第四十九、五十条; 国办公开办函〔2021〕30号).
--
-- The register of administrative decisions behind table 二 (第二十条第
-- (五)(六)(八)项): staff enter, per Org and month, the number of 行政许可,
-- 行政处罚 and 行政强制 decisions and the 行政事业性收费 collected. value is
-- the count, or for kind 'fee' the amount in 分 (0.01 元) so sums are exact;
-- the report shows 万元.
CREATE TABLE admin_decisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    year        INTEGER NOT NULL,
    month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    kind        TEXT NOT NULL CHECK (kind IN ('license', 'penalty', 'coercion', 'fee')),
    value       INTEGER NOT NULL CHECK (value >= 0),
    updated_by  INTEGER REFERENCES users(id),
    updated_at  DATETIME NOT NULL,
    UNIQUE (site_id, year, org_id, month, kind)
);

-- One report per site and year. The six sections are the staff-edited
-- text; cells holds the tables as JSON (canonical labels) once frozen at
-- approval, or as imported from a published report (source 'imported'),
-- and is '' while the draft is computed live from the records. version
-- guards concurrent edits of a draft (optimistic locking).
CREATE TABLE annual_reports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id       INTEGER NOT NULL REFERENCES sites(id),
    year          INTEGER NOT NULL,
    unit_kind     TEXT NOT NULL CHECK (unit_kind IN ('department', 'government', 'township')),
    unit_name     TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'reviewed', 'approved', 'published')),
    source        TEXT NOT NULL DEFAULT 'built' CHECK (source IN ('built', 'imported')),
    section_1     TEXT NOT NULL DEFAULT '',
    section_2     TEXT NOT NULL DEFAULT '',
    section_3     TEXT NOT NULL DEFAULT '',
    section_4     TEXT NOT NULL DEFAULT '',
    section_5     TEXT NOT NULL DEFAULT '',
    section_6     TEXT NOT NULL DEFAULT '',
    cells         TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_by    INTEGER REFERENCES users(id),
    updated_by    INTEGER REFERENCES users(id),
    reviewed_by   INTEGER REFERENCES users(id),
    reviewed_at   DATETIME,
    approved_by   INTEGER REFERENCES users(id),
    approved_at   DATETIME,
    published_by  INTEGER REFERENCES users(id),
    published_at  DATETIME,
    document_id   INTEGER REFERENCES documents(id),
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL,
    UNIQUE (site_id, year)
);

-- +goose Down
DROP TABLE annual_reports;
DROP TABLE admin_decisions;
