package store

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
)

// A full reindex on PostgreSQL writes its batches with COPY in binary
// format: the tsvectors go over as built here, where INSERT … unnest of
// tsvector text made the server parse every lexeme again, and the
// statement's planning and conflict checks went per batch too (measured
// at a million documents: the writes were the reindex's bottleneck,
// 4,090 documents/s in all).
//
// It also counts each word's documents for the lexicon (search_terms),
// written when the reindex ends, from which docFreq takes the idf of a
// word instead of counting its rows.

// searchBulk is what a reindex in progress gathers: set by
// ClearSearchIndex, written and dropped by OptimizeSearchIndex.
type searchBulk struct {
	mu sync.Mutex
	df map[string]int32
}

func (b *searchBulk) add(df map[string]int32) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for w, n := range df {
		b.df[w] += n
	}
}

// pgBulkRow is a search row with its tsvectors and title text built.
type pgBulkRow struct {
	searchRow
	doc, title pgtype.TSVector
	titleText  string
}

// pgBuildRows builds rows' tsvectors on every core and counts, per word,
// the rows that hold it.
func pgBuildRows(rows []searchRow) ([]pgBulkRow, map[string]int32) {
	out := make([]pgBulkRow, len(rows))
	workers := max(min(runtime.GOMAXPROCS(0), len(rows)), 1)
	dfs := make([]map[string]int32, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			df := map[string]int32{}
			for i := w; i < len(rows); i += workers {
				doc := docTSVector(rows[i])
				for _, l := range doc.Lexemes {
					if !strings.HasPrefix(l.Word, "_") {
						df[l.Word]++
					}
				}
				out[i] = pgBulkRow{searchRow: rows[i], doc: doc, title: titleTSVector(rows[i]), titleText: strings.Join(rows[i].Title, " ")}
			}
			dfs[w] = df
		}()
	}
	wg.Wait()
	for _, df := range dfs[1:] {
		for w, n := range df {
			dfs[0][w] += n
		}
	}
	return out, dfs[0]
}

// pgCopyRows writes rows of a reindex and their title postings (terms
// with ranks, pgTitlePostings) with COPY in one transaction.
// done is false, with nothing written, when a document among them is in
// the index already (published while the reindex runs, so indexed by its
// own write): the caller writes that batch row by row instead.
func (s *Store) pgCopyRows(ctx context.Context, rows []pgBulkRow, terms []string, ranks []int64) (done bool, err error) {
	err = s.withPgx(ctx, func(pc *pgx.Conn) error {
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback(ctx) }()
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"search_docs"}, []string{"doc_id", "key", "title", "tsv"},
			pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
				r := rows[i]
				return []any{r.DocID, r.Key, r.titleText, r.doc}, nil
			})); err != nil {
			return err
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"search_titles"}, []string{"doc_id", "trank", "key", "title", "tsv"},
			pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
				r := rows[i]
				return []any{r.DocID, r.TRank, r.Key, r.titleText, r.title}, nil
			})); err != nil {
			return err
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"search_title_terms"}, []string{"term", "trank"},
			pgx.CopyFromSlice(len(terms), func(i int) ([]any, error) { return []any{terms[i], ranks[i]}, nil })); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "23505" {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	s.gen.Add(1)
	return true, nil
}

// withPgx runs fn on one pooled connection as pgx sees it (COPY is not
// reachable through database/sql).
func (s *Store) withPgx(ctx context.Context, fn func(*pgx.Conn) error) error {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return errors.New("store: not a pgx connection")
		}
		return fn(sc.Conn())
	})
}

// pgLexiconMin is the fewest documents a word has to be in to be kept in
// the lexicon. A rarer word's rows are counted when asked (a few hundred
// at most, under a millisecond); a word in thousands of documents took
// 20–40 ms to count at a million documents, as many heap rows.
const pgLexiconMin = 200

// pgWriteLexicon replaces search_terms with the words of df held by at
// least pgLexiconMin documents.
func (s *Store) pgWriteLexicon(ctx context.Context, df map[string]int32) error {
	var rows [][]any
	for w, n := range df {
		if n >= pgLexiconMin {
			rows = append(rows, []any{w, n})
		}
	}
	return s.withPgx(ctx, func(pc *pgx.Conn) error {
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback(ctx) }()
		if _, err := tx.Exec(ctx, `TRUNCATE search_terms`); err != nil {
			return err
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"search_terms"}, []string{"term", "df"}, pgx.CopyFromRows(rows)); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
}

// pgCountToLexicon counts a word missing from the lexicon and, when it
// turns out to be in pgLexiconMin documents or more (it became common
// after the reindex), adds it, so the next query reads the count instead
// of counting again (a count that reached limit is kept as limit: a lower
// bound, which weighs the word a little high).
func pgCountToLexicon(ctx context.Context, c conn, token string, limit int) (int, error) {
	n, err := pgCount(ctx, c, pgQuote(token), limit)
	if err != nil || n < pgLexiconMin || !pgLexeme(token) {
		return n, err
	}
	_, err = c.execQuiet(ctx, `INSERT INTO search_terms (term, df) VALUES (?, ?)
		ON CONFLICT (term) DO UPDATE SET df = GREATEST(search_terms.df, excluded.df)`, token, n)
	return n, err
}

// pgLexiconDF is a word's document count from the lexicon, 0 for a word
// too rare to be kept.
func pgLexiconDF(ctx context.Context, c conn, token string) (int, error) {
	var n int
	err := mapErr(c.queryRow(ctx, `SELECT df FROM search_terms WHERE term = ?`, token).Scan(&n))
	if err == ErrNotFound {
		return 0, nil
	}
	return n, err
}

// pgBuildIndexes builds the indexes a reindex dropped (those present are
// left alone), the GIN index of search_docs in one session of c's pool and
// the title tier's two in another: a GIN build runs on one core (48 s at
// a million documents, the other two 21 s together), and the reindex has
// nothing else to do meanwhile.
func pgBuildIndexes(ctx context.Context, c conn) error {
	parts := [][]string{pgIndexes[:1], pgIndexes[1:]}
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, qs := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, q := range qs {
				if _, err := c.execQuiet(ctx, q); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
