-- +goose Up
-- Title tier of the search index (issue 7, speed at scale): relevance for
-- words found in nearly every document (政府, 信息, 公开) is decided by the
-- title, so the titles get an index of their own whose rowid is the
-- document's title rank: (demoted << 62 | title tokens << 56 | days before
-- 2149 << 40 | ids before 2^40). Walking it in rowid order visits the
-- documents whose title holds the query's words best first (in force
-- before repealed/expired, then short titles, then newest), so ranking
-- reads the first page's worth of postings instead of scoring a million
-- matches (search_tier.go). words holds the title's tokens and the same
-- filter tokens as search_fts.meta, so filters are intersections here too.
-- detail=none: only which documents hold a word is needed.
CREATE VIRTUAL TABLE search_title_fts USING fts5(
    words,
    content='', contentless_delete=1, detail=none,
    tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
);
-- Each entry's title rank, to delete it from search_title_fts.
ALTER TABLE search_docs ADD COLUMN trank INTEGER NOT NULL DEFAULT 0;
-- Entries written before this migration have no title rank: empty the
-- index, which the server rebuilds at start when documents are published
-- (search.EnsureIndexed), or `gongkai search reindex`.
INSERT INTO search_fts (search_fts) VALUES ('delete-all');
DELETE FROM search_docs;

-- +goose Down
DROP TABLE search_title_fts;
ALTER TABLE search_docs DROP COLUMN trank;
