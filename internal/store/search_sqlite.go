package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// sqliteSearch is the index on SQLite: a contentless FTS5 table whose rowid
// is the search key, plus search_docs mapping documents to keys.
type sqliteSearch struct{}

// put removes the entries the documents have, then inserts the new ones
// with statements prepared once per call: a reindex writes thousands of
// rows per transaction, and parsing each INSERT again cost more than the
// FTS5 write itself.
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
		rs, err := c.query(ctx, `SELECT key FROM search_docs WHERE doc_id IN (`+placeholders(len(part))+`)`, anySlice(part)...)
		old, err := collect(rs, err, func(sc scanner) (int64, error) {
			var k int64
			return k, sc.Scan(&k)
		})
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := sqliteRemoveKey(ctx, c, k); err != nil {
				return err
			}
		}
	}
	p, ok := c.q.(preparer)
	if !ok {
		return fmt.Errorf("search index: writes need a transaction")
	}
	docs, err := p.PrepareContext(ctx, `INSERT INTO search_docs (key, doc_id, title) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer docs.Close()
	fts, err := p.PrepareContext(ctx, `INSERT INTO search_fts (rowid, title, body, meta) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer fts.Close()
	for _, r := range rows {
		title := strings.Join(r.Title, " ")
		if _, err := docs.ExecContext(ctx, r.Key, r.DocID, title); err != nil {
			return mapErr(err)
		}
		if _, err := fts.ExecContext(ctx, r.Key, title, strings.Join(r.Body, " "), strings.Join(r.Meta, " ")); err != nil {
			return mapErr(err)
		}
	}
	c.gen.Add(1)
	return nil
}

// preparer is what *sql.Tx offers beyond querier.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func sqliteRemoveKey(ctx context.Context, c conn, key int64) error {
	if _, err := c.exec(ctx, `DELETE FROM search_fts WHERE rowid = ?`, key); err != nil {
		return err
	}
	_, err := c.exec(ctx, `DELETE FROM search_docs WHERE key = ?`, key)
	return err
}

func (sqliteSearch) remove(ctx context.Context, c conn, docID int64) error {
	var key int64
	err := mapErr(c.queryRow(ctx, `SELECT key FROM search_docs WHERE doc_id = ?`, docID).Scan(&key))
	if err == ErrNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	return sqliteRemoveKey(ctx, c, key)
}

func (sqliteSearch) clear(ctx context.Context, c conn) error {
	if _, err := c.exec(ctx, `DELETE FROM search_fts`); err != nil {
		return err
	}
	_, err := c.exec(ctx, `DELETE FROM search_docs`)
	return err
}

func (sqliteSearch) newest(ctx context.Context, c conn, m matchExpr, limit, offset int) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid <= ? ORDER BY rowid LIMIT ? OFFSET ?`,
		ftsMatch(m), m.keyBound(), limit, offset)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

func (sqliteSearch) candidates(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error) {
	// CROSS JOIN keeps the index walk outside: SQLite otherwise walked
	// search_docs by key and asked FTS5 about each row, a seek per row.
	rows, err := c.query(ctx, `SELECT f.rowid, d.title FROM search_fts f CROSS JOIN search_docs d ON d.key = f.rowid
		WHERE search_fts MATCH ? ORDER BY f.rowid LIMIT ?`, ftsMatch(m), limit)
	return collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
}

func (sqliteSearch) inRange(ctx context.Context, c conn, m matchExpr, lo, hi int64) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?`, ftsMatch(m), lo, hi)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

func (sqliteSearch) count(ctx context.Context, c conn, m matchExpr, limit int) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)`,
		ftsMatch(m), limit).Scan(&n)
	return n, mapErr(err)
}

func (sqliteSearch) docFreq(ctx context.Context, c conn, token string, limit int) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)`,
		ftsQuote(token), limit).Scan(&n)
	return n, mapErr(err)
}

func (sqliteSearch) size(ctx context.Context, c conn) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM search_docs`).Scan(&n)
	return n, mapErr(err)
}

// optimize merges the index into one segment, then folds the write-ahead
// log back into the database: after a reindex the log holds the whole
// index, and readers looking pages up in it were measurably slower.
func (sqliteSearch) nthKey(ctx context.Context, c conn, n int) (int64, error) {
	return nthKey(ctx, c, `SELECT key FROM search_docs ORDER BY key LIMIT 1 OFFSET ?`, n)
}

// nthKey runs q (one key at OFFSET ?), 0 when there is no such row.
func nthKey(ctx context.Context, c conn, q string, n int) (int64, error) {
	var k int64
	err := mapErr(c.queryRow(ctx, q, n-1).Scan(&k))
	if err == ErrNotFound {
		return 0, nil
	}
	return k, err
}

func (sqliteSearch) optimize(ctx context.Context, c conn) error {
	if _, err := c.execQuiet(ctx, `INSERT INTO search_fts (search_fts) VALUES ('optimize')`); err != nil {
		return err
	}
	_, err := c.execQuiet(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// ftsMatch renders m in FTS5 query syntax. Every word is quoted, so no
// word can act as an operator; words are letters and digits only anyway.
// Words are not restricted to a column (checking a column means reading
// positions) except for the title tier of a ranking.
func ftsMatch(m matchExpr) string {
	cols := ""
	if m.titleOnly {
		cols = "title : "
	}
	var parts []string
	var groups []string
	for _, g := range m.groups {
		var alts []string
		for _, alt := range g {
			if len(alt) == 0 {
				continue
			}
			words := make([]string, len(alt))
			for i, w := range alt {
				words[i] = cols + ftsQuote(w)
			}
			alts = append(alts, "("+strings.Join(words, " AND ")+")")
		}
		if len(alts) > 0 {
			groups = append(groups, "("+strings.Join(alts, " OR ")+")")
		}
	}
	op := " AND "
	if m.any {
		op = " OR "
	}
	parts = append(parts, "("+strings.Join(groups, op)+")")
	for _, any := range m.meta {
		var alts []string
		for _, t := range any {
			alts = append(alts, ftsQuote(t))
		}
		parts = append(parts, "("+strings.Join(alts, " OR ")+")")
	}
	q := strings.Join(parts, " AND ")
	for _, t := range m.notMeta {
		q = "(" + q + ") NOT " + ftsQuote(t)
	}
	return q
}

func ftsQuote(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }
