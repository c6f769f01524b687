-- +goose Up
-- The search lexicon on PostgreSQL (issue 7, speed at scale): how many
-- indexed documents hold each word held by at least 200, counted by the
-- last full reindex. Relevance weighs a query's words by rarity (idf);
-- counting a word's documents from the GIN index reads one heap row per
-- document, 20–40 ms for a word in thousands of them at a million
-- documents. Documents published since the reindex do not raise its
-- counts (an idf is an estimate either way); a word missing from it that
-- a count finds in 200 documents or more is added then. SQLite's FTS5
-- counts cheaply and has no such table.
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
);

-- +goose Down
DROP TABLE search_terms;
