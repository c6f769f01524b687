package store

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
)

// pgSearch is the index on PostgreSQL: search_docs.tsv with a GIN index.
// The tsvector and tsquery are written literally (cast, not parsed by a
// text search configuration), so they hold exactly the tokens gse cut:
// PostgreSQL's parsers know no Chinese words (tech-notes §3).
type pgSearch struct{}

// pgCustomPlan, passed first among a query's arguments, makes pgx send the
// query as an unnamed statement, so PostgreSQL plans it for the tsquery at
// hand. With pgx's default statement cache the server switches to a generic
// plan after five runs, which cannot know that 政府 matches nine documents
// in ten and 循环化改造 a few: at a million documents it chose bitmap scans
// over most of the table for common words (about 100 ms instead of 0.2 ms)
// and key-order walks for rare ones (over a second).
var pgCustomPlan = pgx.QueryExecModeExec

// Positions of a tsvector stop at 16383, and a lexeme keeps at most 256.
const (
	pgMaxPos        = 16383
	pgMaxPositions  = 255
	pgTitleWeight   = "A"
	pgMaxLexemeSize = 1000
)

// put writes up to pgPutChunk rows per statement (arrays unnested), so a
// reindex is not one round trip per document.
func (pgSearch) put(ctx context.Context, c conn, rows []searchRow) error {
	for start := 0; start < len(rows); start += pgPutChunk {
		part := rows[start:min(start+pgPutChunk, len(rows))]
		ids, keys := make([]int64, len(part)), make([]int64, len(part))
		titles, tsvs := make([]string, len(part)), make([]string, len(part))
		for i, r := range part {
			ids[i], keys[i], titles[i], tsvs[i] = r.DocID, r.Key, strings.Join(r.Title, " "), docTSVector(r).String()
		}
		if _, err := c.exec(ctx, `INSERT INTO search_docs (doc_id, key, title, tsv)
			SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]::tsvector[])
			ON CONFLICT (doc_id) DO UPDATE SET key = excluded.key, title = excluded.title, tsv = excluded.tsv`,
			ids, keys, titles, tsvs); err != nil {
			return err
		}
		ranks, ttsvs := make([]int64, len(part)), make([]string, len(part))
		for i, r := range part {
			ranks[i], ttsvs[i] = r.TRank, titleTSVector(r).String()
		}
		if err := pgPutTerms(ctx, c, ids, part); err != nil {
			return err
		}
		if _, err := c.exec(ctx, `INSERT INTO search_titles (doc_id, trank, key, title, tsv)
			SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[]::tsvector[])
			ON CONFLICT (doc_id) DO UPDATE SET trank = excluded.trank, key = excluded.key, title = excluded.title, tsv = excluded.tsv`,
			ids, ranks, keys, titles, ttsvs); err != nil {
			return err
		}
	}
	return nil
}

const pgPutChunk = 500

func (pgSearch) remove(ctx context.Context, c conn, docID int64) error {
	if err := pgRemoveTerms(ctx, c, docID); err != nil {
		return err
	}
	if _, err := c.exec(ctx, `DELETE FROM search_titles WHERE doc_id = ?`, docID); err != nil {
		return err
	}
	_, err := c.exec(ctx, `DELETE FROM search_docs WHERE doc_id = ?`, docID)
	return err
}

// clear empties the index for a full reindex and drops the GIN indexes,
// which optimize builds again once the rows are in: maintaining them row
// by row made a reindex about half as fast (tech-notes §3 built it after
// loading too). Searches during a reindex scan the tables.
func (pgSearch) clear(ctx context.Context, c conn) error {
	for _, q := range []string{`TRUNCATE search_docs, search_titles, search_title_terms, search_terms`,
		`DROP INDEX IF EXISTS search_docs_tsv`, `DROP INDEX IF EXISTS search_titles_tsv`, `DROP INDEX IF EXISTS search_title_terms_term`} {
		if _, err := c.exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

func (pgSearch) newest(ctx context.Context, c conn, m matchExpr, limit, offset int) ([]int64, error) {
	order, err := pgOrder(ctx, c, m, limit+offset)
	if err != nil {
		return nil, err
	}
	lo, hi := m.keyRange()
	rows, err := c.query(ctx, `SELECT key FROM search_docs WHERE tsv @@ ?::tsquery AND key BETWEEN ? AND ? ORDER BY `+order+` LIMIT ? OFFSET ?`,
		pgCustomPlan, tsqueryLiteral(m), lo, hi, limit, offset)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

// pgOrder is the ORDER BY of a newest-first query of limit rows: walk the
// key index, which stops at the first matches when they are many, or
// (key + 0, not the indexed column) sort the GIN index's matches, as
// pgWalk estimates; without statistics, walk when the count found more
// than SearchCountCap matches. Given ORDER BY key LIMIT n, the planner
// walked the key index for a rare word too, reading every row when
// nothing matched (1.5 s at a million).
func pgOrder(ctx context.Context, c conn, m matchExpr, limit int) (string, error) {
	walk, known, err := pgWalk(ctx, c, m, limit)
	if err != nil {
		return "", err
	}
	if walk || !known && m.dense {
		return "key", nil
	}
	return "key + 0", nil
}

func (pgSearch) candidates(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error) {
	order, err := pgOrder(ctx, c, m, limit)
	if err != nil {
		return nil, err
	}
	lo, hi := m.keyRange()
	rows, err := c.query(ctx, `SELECT key, title FROM search_docs WHERE tsv @@ ?::tsquery AND key BETWEEN ? AND ? ORDER BY `+order+` LIMIT ?`,
		pgCustomPlan, tsqueryLiteral(m), lo, hi, limit)
	return collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
}

// titled reads the title tier in rank order: along the postings of its
// rarest required word (search_title_terms), at most pgWalkPostings of
// them; when those hold fewer than limit matches and the word has more
// postings, or no group is a single word, by sorting the GIN index's
// matches. Estimates from the statistics chose wrong both ways (words in
// titles go together: 管理 办法 通知 was expected in 6,500 titles and
// sorted 100,000; 政府 管理 was expected in 4,000 and walked 40,000).
func (pgSearch) titled(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error) {
	f, err := cachedTitleFreqs(ctx, c, "search_titles")
	if err != nil {
		return nil, err
	}
	if driver := pgDriver(m, f); driver != "" && pgWalkFinds(ctx, c, m, f, driver, limit) {
		cs, complete, err := pgTitledByTerm(ctx, c, m, driver, limit)
		if err != nil || complete {
			return cs, err
		}
	}
	rows, err := c.query(ctx, `SELECT key, title FROM search_titles WHERE tsv @@ ?::tsquery ORDER BY trank + 0 LIMIT ?`,
		pgCustomPlan, tsqueryLiteral(m), limit)
	return collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
}

func (pgSearch) within(ctx context.Context, c conn, m matchExpr, keys []int64) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT key FROM search_docs WHERE key = ANY(?::bigint[]) AND tsv @@ ?::tsquery`,
		pgCustomPlan, keys, tsqueryLiteral(m))
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

func (pgSearch) inRange(ctx context.Context, c conn, m matchExpr, lo, hi int64) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT key FROM search_docs WHERE tsv @@ ?::tsquery AND key BETWEEN ? AND ?`, pgCustomPlan, tsqueryLiteral(m), lo, hi)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

// probe only counts: reading a common word's keys in order costs a heap
// visit per row here, while the count stops at the limit either way.
// (Forcing a walk of the key index where the statistics expect many
// matches made year-filtered and correlated queries read up to a million
// rows; the planner's own choice is kept.)
func (pgSearch) probe(ctx context.Context, c conn, m matchExpr, limit int) (int, []int64, error) {
	f, n, err := pgDocFreqs(ctx, c, m)
	if err != nil {
		return 0, nil, err
	}
	if pgSurelyCapped(m, f, n, limit) {
		return limit, nil, nil
	}
	n, err = pgCount(ctx, c, tsqueryLiteral(m), limit)
	return n, nil, err
}

// pgCount counts the rows of search_docs matching tsquery q, up to limit.
// Each match costs a heap page visit (GIN has no index-only scans): about
// 5 µs at a million documents, which is why counting is avoided where
// the lexicon can answer (pgSurelyCapped, docFreq).
func pgCount(ctx context.Context, c conn, q string, limit int) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_docs WHERE tsv @@ ?::tsquery LIMIT ?) t`,
		pgCustomPlan, q, limit).Scan(&n)
	return n, mapErr(err)
}

func (pgSearch) titlesOf(ctx context.Context, c conn, keys []int64) ([]candidate, error) {
	rows, err := c.query(ctx, `SELECT key, title FROM search_docs WHERE key = ANY(?::bigint[])`, keys)
	return collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
}

// docFreq takes a word's count from the lexicon the last reindex wrote
// (search_postgres_copy.go), counting only the rows of a word too rare to
// be in it; without a lexicon, a word among the thousand most common from
// the planner's statistics: counting 20,000 of its rows read as many heap
// rows (50–150 ms a word). Other words' rows are counted.
func (pgSearch) docFreq(ctx context.Context, c conn, token string, limit int) (int, error) {
	known, err := c.srch.cachedLexicon(ctx, c)
	if err != nil {
		return 0, err
	}
	if known {
		n, err := pgLexiconDF(ctx, c, token)
		if err != nil || n > 0 {
			// Not bounded by limit: the count is known, and
			// pgDocFreqs wants it whole.
			return n, err
		}
		return pgCountToLexicon(ctx, c, token, limit)
	}
	f, err := cachedTitleFreqs(ctx, c, "search_docs")
	if err != nil {
		return 0, err
	}
	if v, ok := f.freq[token]; ok {
		n, err := c.srch.cachedSize(ctx, &Store{conn: c}, pgSearch{})
		return min(int(v*float64(n)), limit), err
	}
	return pgCount(ctx, c, pgQuote(token), limit)
}

// estimatedSize is the row count the last VACUUM or ANALYZE recorded,
// for weighing words (an idf needs no exact N): counting a million rows
// took 50–80 ms. A small or never analysed table is counted.
func (pgSearch) estimatedSize(ctx context.Context, c conn) (int, error) {
	var n float64
	if err := c.queryRow(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'search_docs'::regclass`).Scan(&n); err != nil {
		return 0, mapErr(err)
	}
	if n >= 10000 {
		return int(n), nil
	}
	return pgSearch{}.size(ctx, c)
}

func (pgSearch) size(ctx context.Context, c conn) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM search_docs`).Scan(&n)
	return n, mapErr(err)
}

// optimize (re)builds the indexes a reindex dropped and refreshes the
// planner's statistics (which pgWalk reads too) and the visibility map.
func (pgSearch) optimize(ctx context.Context, c conn) error {
	if err := pgBuildIndexes(ctx, c); err != nil {
		return err
	}
	// VACUUM as well as ANALYZE: on a freshly loaded table the first
	// searches otherwise set the hint bits of every row they read, writing
	// thousands of pages under a visitor's query (seen at a million).
	_, err := c.execQuiet(ctx, `VACUUM (ANALYZE) search_docs, search_titles, search_title_terms`)
	return err
}

func (pgSearch) repair(ctx context.Context, c conn) error { return pgBuildIndexes(ctx, c) }

// pgIndexes are the indexes clear drops, the largest first.
var pgIndexes = []string{
	`CREATE INDEX IF NOT EXISTS search_docs_tsv ON search_docs USING gin (tsv)`,
	`CREATE INDEX IF NOT EXISTS search_titles_tsv ON search_titles USING gin (tsv)`,
	`CREATE INDEX IF NOT EXISTS search_title_terms_term ON search_title_terms (term, trank)`,
}
