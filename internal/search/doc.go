// Package search is Gongkai's Chinese full-text search: word segmentation
// with gse over our own embedded dictionary, query building (synonyms, stop
// words, filters), result snippets with highlighting, did-you-mean, hot
// queries and the zero-result log for editors. The index itself lives in
// the store (SQLite FTS5 or PostgreSQL tsvector + GIN), written in the same
// transaction as the document; this package tells the store how to cut a
// document into tokens (Attach) and turns a visitor's query into a
// store.SearchQuery.
package search
