package store

import (
	"context"
	"sort"
	"strconv"
	"strings"
)

// pgSearch is the index on PostgreSQL: search_docs.tsv with a GIN index.
// The tsvector and tsquery are written literally (cast, not parsed by a
// text search configuration), so they hold exactly the tokens gse cut:
// PostgreSQL's parsers know no Chinese words (tech-notes §3).
type pgSearch struct{}

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
			ids[i], keys[i], titles[i], tsvs[i] = r.DocID, r.Key, strings.Join(r.Title, " "), tsvectorLiteral(r)
		}
		if _, err := c.exec(ctx, `INSERT INTO search_docs (doc_id, key, title, tsv)
			SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]::tsvector[])
			ON CONFLICT (doc_id) DO UPDATE SET key = excluded.key, title = excluded.title, tsv = excluded.tsv`,
			ids, keys, titles, tsvs); err != nil {
			return err
		}
	}
	return nil
}

const pgPutChunk = 500

func (pgSearch) remove(ctx context.Context, c conn, docID int64) error {
	_, err := c.exec(ctx, `DELETE FROM search_docs WHERE doc_id = ?`, docID)
	return err
}

func (pgSearch) clear(ctx context.Context, c conn) error {
	_, err := c.exec(ctx, `DELETE FROM search_docs`)
	return err
}

func (pgSearch) newest(ctx context.Context, c conn, m matchExpr, limit, offset int) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT key FROM search_docs WHERE tsv @@ ?::tsquery AND key <= ? ORDER BY key LIMIT ? OFFSET ?`,
		tsqueryLiteral(m), m.keyBound(), limit, offset)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

func (pgSearch) candidates(ctx context.Context, c conn, m matchExpr, limit int) ([]candidate, error) {
	rows, err := c.query(ctx, `SELECT key, title FROM search_docs WHERE tsv @@ ?::tsquery ORDER BY key LIMIT ?`,
		tsqueryLiteral(m), limit)
	return collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
}

func (pgSearch) inRange(ctx context.Context, c conn, m matchExpr, lo, hi int64) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT key FROM search_docs WHERE tsv @@ ?::tsquery AND key BETWEEN ? AND ?`, tsqueryLiteral(m), lo, hi)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var k int64
		return k, sc.Scan(&k)
	})
}

func (pgSearch) count(ctx context.Context, c conn, m matchExpr, limit int) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_docs WHERE tsv @@ ?::tsquery LIMIT ?) t`,
		tsqueryLiteral(m), limit).Scan(&n)
	return n, mapErr(err)
}

func (pgSearch) docFreq(ctx context.Context, c conn, token string, limit int) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_docs WHERE tsv @@ ?::tsquery LIMIT ?) t`,
		pgQuote(token), limit).Scan(&n)
	return n, mapErr(err)
}

func (pgSearch) size(ctx context.Context, c conn) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM search_docs`).Scan(&n)
	return n, mapErr(err)
}

func (pgSearch) nthKey(ctx context.Context, c conn, n int) (int64, error) {
	return nthKey(ctx, c, `SELECT key FROM search_docs ORDER BY key LIMIT 1 OFFSET ?`, n)
}

// optimize refreshes the planner's statistics, which decide between the
// GIN index and a walk down the key index for newest-first queries.
func (pgSearch) optimize(ctx context.Context, c conn) error {
	_, err := c.execQuiet(ctx, `ANALYZE search_docs`)
	return err
}

// tsvectorLiteral writes r as a tsvector: title words weighted A, body
// words unweighted, positions in reading order, filter tokens without
// position.
func tsvectorLiteral(r searchRow) string {
	type lexeme struct {
		pos   []string
		title bool
	}
	lex := map[string]*lexeme{}
	add := func(w string, pos int, title bool) {
		if len(w) > pgMaxLexemeSize {
			return
		}
		l := lex[w]
		if l == nil {
			l = &lexeme{}
			lex[w] = l
		}
		if len(l.pos) >= pgMaxPositions {
			return
		}
		p := strconv.Itoa(min(pos, pgMaxPos))
		if title {
			p += pgTitleWeight
		}
		l.pos = append(l.pos, p)
	}
	pos := 1
	for _, w := range r.Title {
		add(w, pos, true)
		pos++
	}
	for _, w := range r.Body {
		add(w, pos, false)
		pos++
	}
	words := make([]string, 0, len(lex)+len(r.Meta))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	var b strings.Builder
	for _, w := range words {
		b.WriteString(pgQuote(w))
		b.WriteByte(':')
		b.WriteString(strings.Join(lex[w].pos, ","))
		b.WriteByte(' ')
	}
	for _, m := range r.Meta {
		b.WriteString(pgQuote(m))
		b.WriteByte(' ')
	}
	return b.String()
}

// tsqueryLiteral renders m as a tsquery.
func tsqueryLiteral(m matchExpr) string {
	suffix := ""
	if m.titleOnly {
		suffix = ":" + pgTitleWeight
	}
	var groups []string
	for _, g := range m.groups {
		var alts []string
		for _, alt := range g {
			if len(alt) == 0 {
				continue
			}
			words := make([]string, len(alt))
			for i, w := range alt {
				words[i] = pgQuote(w) + suffix
			}
			alts = append(alts, "("+strings.Join(words, " & ")+")")
		}
		if len(alts) > 0 {
			groups = append(groups, "("+strings.Join(alts, " | ")+")")
		}
	}
	op := " & "
	if m.any {
		op = " | "
	}
	parts := []string{"(" + strings.Join(groups, op) + ")"}
	for _, any := range m.meta {
		var alts []string
		for _, t := range any {
			alts = append(alts, pgQuote(t))
		}
		parts = append(parts, "("+strings.Join(alts, " | ")+")")
	}
	for _, t := range m.notMeta {
		parts = append(parts, "!"+pgQuote(t))
	}
	return strings.Join(parts, " & ")
}

// pgQuote quotes a lexeme for tsvector/tsquery input.
func pgQuote(w string) string {
	w = strings.ReplaceAll(w, `\`, `\\`)
	return "'" + strings.ReplaceAll(w, "'", "''") + "'"
}
