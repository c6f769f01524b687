// Package search is Gongkai's Chinese full-text search: word segmentation
// with gse over our own embedded dictionary, query building (synonyms, stop
// words, filters), result snippets with highlighting, did-you-mean, hot
// queries and the zero-result log for editors. The index itself lives in
// the store (SQLite FTS5 or PostgreSQL tsvector + GIN), written in the same
// transaction as the document; this package tells the store how to cut a
// document into tokens (Attach) and turns a visitor's query into a
// store.SearchQuery.
//
// Relevance (store/search_rank.go, search_tier.go): every match of an AND
// query scores Σ idf for its groups, four times over for each group in the
// title, plus the share of the title the groups take, demoted documents
// ×0.3, ties newest first. A query with at most store.SearchCountCap
// matches is scored match by match; one with more (政府 信息 at a million
// documents) is ranked from the title tier, an index of titles ordered by
// a static rank (in force, then shorter titles, then newer), which yields
// the same first pages as scoring every match (TestBoundedRankingAgrees-
// WithExhaustive; bench/searchbench measures the agreement at scale).
package search
