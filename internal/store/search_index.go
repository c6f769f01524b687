package store

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"gongkai/internal/catalog"
)

// SearchTokens is a document cut into index tokens (by internal/search).
type SearchTokens struct {
	Title, Body []string
}

// SearchIndexer cuts a document into index tokens. internal/search
// provides it; the store only writes what it returns.
type SearchIndexer interface {
	DocumentTokens(d catalog.Document) (SearchTokens, error)
}

// searchHook holds the indexer of a Store. Without one (a store opened by a
// test or tool that does not search) documents are written without index
// entries, and `gongkai search reindex` builds them later.
type searchHook struct {
	indexer atomic.Value // indexerBox
	stats   searchStats
	bulk    atomic.Pointer[searchBulk] // a PostgreSQL reindex in progress
}

type indexerBox struct{ SearchIndexer }

// UseSearchIndexer makes every later document write keep the full-text
// index up to date in its own transaction.
func (s *Store) UseSearchIndexer(ix SearchIndexer) { s.srch.indexer.Store(indexerBox{ix}) }

// SearchIndexing reports whether document writes update the index.
func (s *Store) SearchIndexing() bool { return s.conn.indexer() != nil }

func (c conn) indexer() SearchIndexer {
	if c.srch == nil {
		return nil
	}
	b, _ := c.srch.indexer.Load().(indexerBox)
	return b.SearchIndexer
}

// searchRow is one document's entry in the index.
type searchRow struct {
	DocID int64
	Key   int64
	TRank int64 // rank in the title tier (search_tier.go)
	Title []string
	Body  []string
	Meta  []string
}

// searchBackend is the full-text index of one engine: SQLite FTS5 or
// PostgreSQL tsvector + GIN. Both index the same tokens, cut in Go.
type searchBackend interface {
	// put writes entries, replacing any a document already has.
	put(ctx context.Context, c conn, rows []searchRow) error
	remove(ctx context.Context, c conn, docID int64) error
	clear(ctx context.Context, c conn) error
	// newest lists the keys of matches newest first.
	newest(ctx context.Context, c conn, m matchExpr, limit, offset int) ([]int64, error)
	// candidates lists the newest limit matches with their title tokens.
	candidates(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error)
	// inRange lists the keys of matches between lo and hi.
	inRange(ctx context.Context, c conn, m matchExpr, lo, hi int64) ([]int64, error)
	// probe counts matches, stopping at limit, and returns their keys
	// newest first when the engine reads them for the count anyway (nil
	// otherwise).
	probe(ctx context.Context, c conn, m matchExpr, limit int) (int, []int64, error)
	// titlesOf reads the title tokens of index keys.
	titlesOf(ctx context.Context, c conn, keys []int64) ([]candidate, error)
	// docFreq is the number of indexed documents holding token, counted
	// up to limit; more when the engine knows it without counting.
	docFreq(ctx context.Context, c conn, token string, limit int) (int, error)
	size(ctx context.Context, c conn) (int, error)
	// estimatedSize is size or close to it, for weighing words.
	estimatedSize(ctx context.Context, c conn) (int, error)
	// titled lists, best title rank first, the documents whose title holds
	// every group of m and that pass its filters, with their keys and title
	// tokens (the title tier, search_tier.go).
	titled(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error)
	// within lists which of keys match m.
	within(ctx context.Context, c conn, m matchExpr, keys []int64) ([]int64, error)
	optimize(ctx context.Context, c conn) error
	// repair undoes what an interrupted reindex leaves behind (dropped
	// indexes, bulk-load settings); cheap when there is nothing to undo.
	repair(ctx context.Context, c conn) error
}

func (c conn) search() searchBackend {
	if c.pg {
		return pgSearch{}
	}
	return sqliteSearch{}
}

// A search key is ((maxDay - day of publication) << 40 | (maxID - document
// id)) << 1 | demoted: ascending keys are newest first (by day, then by
// id), and the demoted bit comes with every match without reading another
// table. Newest first is the ascending order because FTS5 walks a posting
// list forwards with its skip index, while walking it backwards loads
// every page (measured at a million documents: 2–5 times slower). Ids
// below 2^40 and days below 2^22 fit an int64.
const (
	searchKeyShift = 40
	searchMaxID    = 1<<searchKeyShift - 1
	searchMaxDay   = 1<<22 - 1
)

// searchKey orders the index by publication day, then id, newest first.
func searchKey(d catalog.Document) int64 {
	var day int64
	if !d.PublishedAt.IsZero() {
		y, m, dd := d.PublishedAt.In(china).Date()
		day = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400
		day = min(max(day, 0), searchMaxDay)
	}
	k := ((searchMaxDay-day)<<searchKeyShift | (searchMaxID - d.ID)) << 1
	if demoted(d.Validity) {
		k |= 1
	}
	return k
}

// docIDOfKey is the document id inside a key.
func docIDOfKey(k int64) int64 { return searchMaxID - k>>1&searchMaxID }

// demotedKey reports the demoted bit of a key.
func demotedKey(k int64) bool { return k&1 == 1 }

// Filter tokens in the index's meta field start with an underscore, which
// the segmenter never puts in a word, so a filter token can never match a
// word of the text and the words need no column restriction. SQLite's
// tokenizer is told to keep the underscore (tokenchars).
func metaSite(id int64) string               { return "_s" + strconv.FormatInt(id, 10) }
func metaColumn(id int64) string             { return "_c" + strconv.FormatInt(id, 10) }
func metaOrg(id int64) string                { return "_o" + strconv.FormatInt(id, 10) }
func metaYear(y int) string                  { return "_y" + strconv.Itoa(y) }
func metaGenre(g catalog.Genre) string       { return "_g" + string(g) }
func metaValidity(v catalog.Validity) string { return "_v" + strconv.Itoa(validityCode(v)) }

// metaTopic hashes the 主题分类, which may hold punctuation.
func metaTopic(topic string) string {
	h := fnv.New32a()
	h.Write([]byte(topic))
	return "_t" + strconv.FormatUint(uint64(h.Sum32()), 36)
}

func validityCode(v catalog.Validity) int {
	for i, x := range catalog.Validities {
		if x == v {
			return i
		}
	}
	return 0
}

// demoted: repealed and expired documents are shown, labelled, below those
// in force, so nobody relies on them by mistake.
func demoted(v catalog.Validity) bool { return v == catalog.Repealed || v == catalog.Expired }

// newSearchRow builds a document's index entry from its tokens.
func newSearchRow(d catalog.Document, t SearchTokens) searchRow {
	meta := []string{metaSite(d.SiteID), metaColumn(d.ColumnID), metaGenre(d.Genre), metaValidity(d.Validity)}
	if d.OrgID != 0 {
		meta = append(meta, metaOrg(d.OrgID))
	}
	if !d.PublishedAt.IsZero() {
		meta = append(meta, metaYear(d.PublishedAt.In(china).Year()))
	}
	if d.Topic != "" {
		meta = append(meta, metaTopic(d.Topic))
	}
	return searchRow{DocID: d.ID, Key: searchKey(d), TRank: titleRank(d, len(t.Title)), Title: t.Title, Body: t.Body, Meta: meta}
}

// syncSearch brings document id's index entry in line with its row, in the
// caller's transaction: published documents are (re)indexed, any other
// state (withdrawn, back in review) leaves the index.
func (c conn) syncSearch(ctx context.Context, id int64) error {
	ix := c.indexer()
	if ix == nil {
		return nil
	}
	d, err := scanDocument(c.queryRow(ctx, `SELECT `+documentCols+` FROM documents WHERE id = ?`, id))
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return c.indexDocument(ctx, ix, d)
}

// indexDocumentRow indexes d as written (d.ID set), without reading it back.
func (c conn) indexDocumentRow(ctx context.Context, d catalog.Document) error {
	ix := c.indexer()
	if ix == nil {
		return nil
	}
	return c.indexDocument(ctx, ix, d)
}

func (c conn) indexDocument(ctx context.Context, ix SearchIndexer, d catalog.Document) error {
	if d.State != catalog.StatePublished {
		return c.search().remove(ctx, c, d.ID)
	}
	t, err := ix.DocumentTokens(d)
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return c.search().put(ctx, c, []searchRow{newSearchRow(d, t)})
}

// SearchEntry is a published document with its tokens, for bulk indexing.
type SearchEntry struct {
	Doc    catalog.Document
	Tokens SearchTokens
}

// IndexSearchEntries writes index entries in one transaction; reindexing
// cuts the text in parallel first and writes in batches with this.
func (s *Store) IndexSearchEntries(ctx context.Context, entries []SearchEntry) error {
	if bulk := s.srch.bulk.Load(); bulk != nil {
		return s.pgBulkIndex(ctx, bulk, entries)
	}
	return s.indexEntries(ctx, entries)
}

// pgBulkIndex writes a reindex batch on PostgreSQL with COPY, or row by
// row when a document of it is in the index already, and adds its words
// to the lexicon being counted.
func (s *Store) pgBulkIndex(ctx context.Context, bulk *searchBulk, entries []SearchEntry) error {
	rows := make([]searchRow, 0, len(entries))
	for _, e := range entries {
		if e.Doc.State != catalog.StatePublished {
			return s.indexEntries(ctx, entries)
		}
		rows = append(rows, newSearchRow(e.Doc, e.Tokens))
	}
	built, df := pgBuildRows(rows)
	terms, ranks := pgTitlePostings(rows)
	done, err := s.pgCopyRows(ctx, built, terms, ranks)
	if err == nil && !done {
		err = s.indexEntries(ctx, entries)
	}
	if err == nil {
		bulk.add(df)
	}
	return err
}

func (s *Store) indexEntries(ctx context.Context, entries []SearchEntry) error {
	return s.tx(ctx, func(c conn) error {
		b := c.search()
		rows := make([]searchRow, 0, len(entries))
		for _, e := range entries {
			if e.Doc.State != catalog.StatePublished {
				if err := b.remove(ctx, c, e.Doc.ID); err != nil {
					return err
				}
				continue
			}
			rows = append(rows, newSearchRow(e.Doc, e.Tokens))
		}
		// FTS5 flushes its pending postings to a new segment whenever a
		// rowid is lower than the one before in a transaction: written in
		// key order, a batch makes one segment instead of hundreds.
		slices.SortFunc(rows, func(a, b searchRow) int { return cmp.Compare(a.Key, b.Key) })
		return b.put(ctx, c, rows)
	})
}

// ClearSearchIndex empties the index before a full reindex.
// On PostgreSQL the batches that follow are written with COPY and their
// words counted for the lexicon, until OptimizeSearchIndex.
func (s *Store) ClearSearchIndex(ctx context.Context) error {
	if err := s.tx(ctx, func(c conn) error { return c.search().clear(ctx, c) }); err != nil {
		return err
	}
	if s.pg {
		s.srch.bulk.Store(&searchBulk{df: map[string]int32{}})
	}
	return nil
}

// OptimizeSearchIndex compacts the index after a bulk load; on
// PostgreSQL it first writes the lexicon the reindex counted.
func (s *Store) OptimizeSearchIndex(ctx context.Context) error {
	if bulk := s.srch.bulk.Swap(nil); bulk != nil {
		if err := s.pgWriteLexicon(ctx, bulk.df); err != nil {
			return err
		}
		s.srch.stats.reset()
	}
	return s.search().optimize(ctx, s.conn)
}

// RepairSearchIndex restores what a reindex suspends for speed (the GIN
// indexes on PostgreSQL, FTS5's merge settings on SQLite) when a reindex
// was interrupted; the server runs it at start.
func (s *Store) RepairSearchIndex(ctx context.Context) error {
	return s.search().repair(ctx, s.conn)
}

// SearchIndexSize is the number of indexed documents.
func (s *Store) SearchIndexSize(ctx context.Context) (int, error) {
	return s.search().size(ctx, s.conn)
}

// PublishedAfter lists published documents with id above afterID in id
// order, limit at a time, for reindexing without OFFSET.
func (s *Store) PublishedAfter(ctx context.Context, afterID int64, limit int) ([]catalog.Document, error) {
	rows, err := s.query(ctx, `SELECT `+documentCols+` FROM documents WHERE state = ? AND id > ? ORDER BY id LIMIT ?`,
		string(catalog.StatePublished), afterID, limit)
	return collect(rows, err, scanDocument)
}

// CountPublished counts published documents (all sites).
func (s *Store) CountPublished(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM documents WHERE state = ?`, string(catalog.StatePublished)).Scan(&n)
	return n, mapErr(err)
}
