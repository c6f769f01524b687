package store

import (
	"context"
	"time"
)

// QueryCount is what visitors searched for on a site, counted.
type QueryCount struct {
	SiteID   int64
	Query    string
	Searches int
	ZeroHits int // searches that found nothing
	LastHits int
	LastAt   time.Time
}

// RecordQueries adds counts to the query log in one transaction. The log
// is bookkeeping: it does not change what the public sees, so page caches
// stay valid.
func (s *Store) RecordQueries(ctx context.Context, qs []QueryCount) error {
	if len(qs) == 0 {
		return nil
	}
	return s.txQuietSearch(ctx, func(c conn) error {
		for _, q := range qs {
			if _, err := c.execQuiet(ctx, `INSERT INTO search_queries (site_id, query, searches, zero_hits, last_hits, last_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, query) DO UPDATE SET
				searches = search_queries.searches + excluded.searches, zero_hits = search_queries.zero_hits + excluded.zero_hits,
				last_hits = excluded.last_hits, last_at = excluded.last_at`,
				q.SiteID, q.Query, q.Searches, q.ZeroHits, q.LastHits, q.LastAt.UTC()); err != nil {
				return err
			}
		}
		return nil
	})
}

// txQuietSearch runs fn in a transaction that does not bump the content
// generation (the query log and the assistant log are not content).
func (s *Store) txQuietSearch(ctx context.Context, fn func(c conn) error) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(conn{q: t, pg: s.pg, gen: s.gen, srch: s.srch}); err != nil {
		_ = t.Rollback()
		return err
	}
	return t.Commit()
}

// QueryFilter selects from the query log.
type QueryFilter struct {
	SiteID   int64
	ZeroOnly bool      // only queries whose last search found nothing
	WithHits bool      // only queries whose last search found something
	Since    time.Time // last searched at or after
	Limit    int
}

// Queries lists the query log, most searched first.
func (s *Store) Queries(ctx context.Context, f QueryFilter) ([]QueryCount, error) {
	q := `SELECT site_id, query, searches, zero_hits, last_hits, last_at FROM search_queries WHERE site_id = ?`
	args := []any{f.SiteID}
	if f.ZeroOnly {
		q += ` AND last_hits = 0`
	}
	if f.WithHits {
		q += ` AND last_hits > 0`
	}
	if !f.Since.IsZero() {
		q += ` AND last_at >= ?`
		args = append(args, f.Since.UTC())
	}
	q += ` ORDER BY searches DESC, query LIMIT ?`
	args = append(args, pageLimit(f.Limit, 50))
	rows, err := s.query(ctx, q, args...)
	return collect(rows, err, func(sc scanner) (QueryCount, error) {
		var r QueryCount
		return r, sc.Scan(&r.SiteID, &r.Query, &r.Searches, &r.ZeroHits, &r.LastHits, &r.LastAt)
	})
}
