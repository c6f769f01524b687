package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// sqliteSearch is the index on SQLite: a contentless FTS5 table whose rowid
// is the search key, plus search_docs mapping documents to keys.
type sqliteSearch struct{}

// put removes the entries the documents have, then inserts the new ones
// with statements prepared once per call: a reindex writes thousands of
// rows per transaction, and parsing each INSERT again cost more than the
// FTS5 write itself. rows come in key order; the title tier is written
// after, in its own rank order, as FTS5 wants ascending rowids.
func (sqliteSearch) put(ctx context.Context, c conn, rows []searchRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.DocID
	}
	for start := 0; start < len(ids); start += importChunk {
		part := ids[start:min(start+importChunk, len(ids))]
		rs, err := c.query(ctx, `SELECT key, trank FROM search_docs WHERE doc_id IN (`+placeholders(len(part))+`)`, anySlice(part)...)
		old, err := collect(rs, err, func(sc scanner) ([2]int64, error) {
			var k [2]int64
			return k, sc.Scan(&k[0], &k[1])
		})
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := sqliteRemoveKey(ctx, c, k[0], k[1]); err != nil {
				return err
			}
		}
	}
	p, ok := c.q.(preparer)
	if !ok {
		return fmt.Errorf("search index: writes need a transaction")
	}
	ins := func(q string, each func(st *sql.Stmt, r searchRow) error, rows []searchRow) error {
		st, err := p.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, r := range rows {
			if err := each(st, r); err != nil {
				return mapErr(err)
			}
		}
		return nil
	}
	if err := ins(`INSERT INTO search_docs (key, doc_id, title, trank) VALUES (?, ?, ?, ?)`, func(st *sql.Stmt, r searchRow) error {
		_, err := st.ExecContext(ctx, r.Key, r.DocID, strings.Join(r.Title, " "), r.TRank)
		return err
	}, rows); err != nil {
		return err
	}
	if err := ins(`INSERT INTO search_fts (rowid, title, body, meta) VALUES (?, ?, ?, ?)`, func(st *sql.Stmt, r searchRow) error {
		_, err := st.ExecContext(ctx, r.Key, strings.Join(r.Title, " "), strings.Join(r.Body, " "), strings.Join(r.Meta, " "))
		return err
	}, rows); err != nil {
		return err
	}
	byRank := slices.SortedFunc(slices.Values(rows), func(a, b searchRow) int { return cmp.Compare(a.TRank, b.TRank) })
	if err := ins(`INSERT INTO search_title_fts (rowid, words) VALUES (?, ?)`, func(st *sql.Stmt, r searchRow) error {
		_, err := st.ExecContext(ctx, r.TRank, strings.Join(r.Title, " ")+" "+strings.Join(r.Meta, " "))
		return err
	}, byRank); err != nil {
		return err
	}
	c.gen.Add(1)
	return nil
}

// preparer is what *sql.Tx offers beyond querier.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func sqliteRemoveKey(ctx context.Context, c conn, key, trank int64) error {
	if _, err := c.exec(ctx, `DELETE FROM search_fts WHERE rowid = ?`, key); err != nil {
		return err
	}
	if _, err := c.exec(ctx, `DELETE FROM search_title_fts WHERE rowid = ?`, trank); err != nil {
		return err
	}
	_, err := c.exec(ctx, `DELETE FROM search_docs WHERE key = ?`, key)
	return err
}

func (sqliteSearch) remove(ctx context.Context, c conn, docID int64) error {
	var key, trank int64
	err := mapErr(c.queryRow(ctx, `SELECT key, trank FROM search_docs WHERE doc_id = ?`, docID).Scan(&key, &trank))
	if err == ErrNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	return sqliteRemoveKey(ctx, c, key, trank)
}

// clear empties the index for a full reindex and sets both FTS5 tables
// to merge their segments only 64 at a time while it fills: merging four
// at a time as each batch lands (FTS5's automerge) rewrote every posting
// six times over and took a sixth of a reindex's processor time; optimize
// merges the rest once at the end and restores the defaults.
func (sqliteSearch) clear(ctx context.Context, c conn) error {
	// delete-all drops a contentless table's postings at once; DELETE
	// would write a tombstone per document.
	for _, q := range []string{`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`,
		`INSERT INTO search_title_fts (search_title_fts) VALUES ('delete-all')`, `DELETE FROM search_docs`} {
		if _, err := c.exec(ctx, q); err != nil {
			return err
		}
	}
	return ftsMergeConfig(ctx, c, 0, 64, 16<<20)
}

func (sqliteSearch) repair(ctx context.Context, c conn) error {
	return ftsMergeConfig(ctx, c, 4, 16, 1<<20)
}

// ftsMergeConfig sets both FTS5 tables' automerge, crisismerge and
// hashsize (bytes of pending postings before a segment is written).
func ftsMergeConfig(ctx context.Context, c conn, automerge, crisis, hash int) error {
	for _, t := range []string{"search_fts", "search_title_fts"} {
		for _, kv := range []struct {
			k string
			v int
		}{{"automerge", automerge}, {"crisismerge", crisis}, {"hashsize", hash}} {
			if _, err := c.exec(ctx, `INSERT INTO `+t+` (`+t+`, rank) VALUES (?, ?)`, kv.k, kv.v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (sqliteSearch) newest(ctx context.Context, c conn, m matchExpr, limit, offset int) ([]int64, error) {
	lo, hi := m.keyRange()
	rows, err := c.query(ctx, `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ? OFFSET ?`,
		ftsMatch(m), lo, hi, limit, offset)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

func (sqliteSearch) candidates(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error) {
	// CROSS JOIN keeps the index walk outside: SQLite otherwise walked
	// search_docs by key and asked FTS5 about each row, a seek per row.
	lo, hi := m.keyRange()
	rows, err := c.query(ctx, `SELECT f.rowid, d.title FROM search_fts f CROSS JOIN search_docs d ON d.key = f.rowid
		WHERE search_fts MATCH ? AND f.rowid BETWEEN ? AND ? ORDER BY f.rowid LIMIT ?`, ftsMatch(m), lo, hi, limit)
	return collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
}

// titled walks the title tier in rank order, then reads the keys and
// titles of the documents found (a join would make SQLite probe FTS5 once
// per search_docs row).
func (sqliteSearch) titled(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error) {
	rows, err := c.query(ctx, `SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH ? ORDER BY rowid LIMIT ?`,
		ftsMatch(m), limit)
	ranks, err := collect(rows, err, func(sc scanner) (int64, error) {
		var r int64
		return r, sc.Scan(&r)
	})
	if err != nil || len(ranks) == 0 {
		return nil, err
	}
	ids := make([]int64, len(ranks))
	for i, r := range ranks {
		ids[i] = docIDOfTitleRank(r)
	}
	rows, err = c.query(ctx, `SELECT doc_id, key, title FROM search_docs WHERE doc_id IN (`+placeholders(len(ids))+`)`, anySlice(ids)...)
	type found struct {
		id int64
		c  candidate
	}
	fs, err := collect(rows, err, func(sc scanner) (found, error) {
		var f found
		return f, sc.Scan(&f.id, &f.c.Key, &f.c.Title)
	})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]candidate, len(fs))
	for _, f := range fs {
		byID[f.id] = f.c
	}
	out := make([]candidate, 0, len(ids))
	for _, id := range ids {
		if cd, ok := byID[id]; ok {
			out = append(out, cd)
		}
	}
	return out, nil
}

func (sqliteSearch) within(ctx context.Context, c conn, m matchExpr, keys []int64) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid IN (`+placeholders(len(keys))+`)`,
		append([]any{ftsMatch(m)}, anySlice(keys)...)...)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

func (sqliteSearch) inRange(ctx context.Context, c conn, m matchExpr, lo, hi int64) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?`, ftsMatch(m), lo, hi)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

// probe reads the newest limit keys: counting walks the same postings,
// and for a query with few matches (two common words seldom together)
// the walk is the cost, so it is done once, not again for the page.
func (sqliteSearch) probe(ctx context.Context, c conn, m matchExpr, limit int) (int, []int64, error) {
	keys, err := sqliteSearch{}.newest(ctx, c, m, limit, 0)
	if keys == nil {
		keys = []int64{}
	}
	return len(keys), keys, err
}

func (sqliteSearch) titlesOf(ctx context.Context, c conn, keys []int64) ([]candidate, error) {
	var out []candidate
	for start := 0; start < len(keys); start += importChunk {
		part := keys[start:min(start+importChunk, len(keys))]
		rows, err := c.query(ctx, `SELECT key, title FROM search_docs WHERE key IN (`+placeholders(len(part))+`)`, anySlice(part)...)
		cs, err := collect(rows, err, func(sc scanner) (candidate, error) {
			var r candidate
			return r, sc.Scan(&r.Key, &r.Title)
		})
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

func (sqliteSearch) docFreq(ctx context.Context, c conn, token string, limit int) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)`,
		ftsQuote(token), limit).Scan(&n)
	return n, mapErr(err)
}

// estimatedSize is the exact count: FTS5 keeps it at hand.
func (sqliteSearch) estimatedSize(ctx context.Context, c conn) (int, error) {
	return sqliteSearch{}.size(ctx, c)
}

func (sqliteSearch) size(ctx context.Context, c conn) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM search_docs`).Scan(&n)
	return n, mapErr(err)
}

// optimize merges the index into one segment, then folds the write-ahead
// log back into the database: after a reindex the log holds the whole
// index, and readers looking pages up in it were measurably slower.
func (sqliteSearch) optimize(ctx context.Context, c conn) error {
	if _, err := c.execQuiet(ctx, `INSERT INTO search_fts (search_fts) VALUES ('optimize')`); err != nil {
		return err
	}
	if _, err := c.execQuiet(ctx, `INSERT INTO search_title_fts (search_title_fts) VALUES ('optimize')`); err != nil {
		return err
	}
	if err := ftsMergeConfig(ctx, c, 4, 16, 1<<20); err != nil {
		return err
	}
	_, err := c.execQuiet(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}
