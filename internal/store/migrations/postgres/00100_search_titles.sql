-- +goose Up
-- Title tier of the search index (issue 7, speed at scale): relevance for
-- words found in nearly every document (政府, 信息, 公开) is decided by the
-- title, so the titles get a table of their own ordered by the document's
-- title rank: (demoted << 62 | title tokens << 56 | days before 2149 << 40
-- | ids before 2^40). Walking trank in order visits the documents whose
-- title holds the query's words best first (in force before
-- repealed/expired, then short titles, then newest), so ranking reads the
-- first page's worth of rows instead of scoring a million matches
-- (search_tier.go). tsv holds the title's tokens and the same filter
-- tokens as search_docs.tsv; a narrow row keeps the walk in few pages.
CREATE TABLE search_titles (
    doc_id BIGINT PRIMARY KEY REFERENCES documents(id),
    trank  BIGINT NOT NULL UNIQUE,
    key    BIGINT NOT NULL,
    title  TEXT NOT NULL DEFAULT '',
    tsv    tsvector NOT NULL
);
CREATE INDEX search_titles_tsv ON search_titles USING gin (tsv);
-- The title tier's postings: one row per title word of a document, so the
-- titles holding a word are read in trank order from a btree (the GIN
-- index gives its matches in no order; search_postgres_terms.go).
CREATE TABLE search_title_terms (
    term  TEXT NOT NULL,
    trank BIGINT NOT NULL
);
CREATE INDEX search_title_terms_term ON search_title_terms (term, trank);
-- Entries written before this migration have no title rank: empty the
-- index, which the server rebuilds at start when documents are published
-- (search.EnsureIndexed), or `gongkai search reindex`.
DELETE FROM search_docs;

-- +goose Down
DROP TABLE search_title_terms;
DROP TABLE search_titles;
