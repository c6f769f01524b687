package search

import (
	"context"
	"regexp"
	"sync"
	"time"

	"gongkai/internal/store"
)

// QueryLog counts searches in memory and writes them in batches, so a
// search costs no write of its own. Only the query text is kept, with
// anything that looks like a phone, ID or account number or an e-mail
// address removed: no visitor data.
type QueryLog struct {
	st      *store.Store
	now     func() time.Time
	mu      sync.Mutex
	pending map[logKey]*store.QueryCount
	flushed time.Time
}

type logKey struct {
	site  int64
	query string
}

const (
	logFlushEvery = 30 * time.Second
	logFlushSize  = 500
)

// NewQueryLog returns a log writing to st.
func NewQueryLog(st *store.Store, now func() time.Time) *QueryLog {
	return &QueryLog{st: st, now: now, pending: map[logKey]*store.QueryCount{}, flushed: now()}
}

var (
	digitRun = regexp.MustCompile(`[0-9xX]{6,}`)
	email    = regexp.MustCompile(`\S+@\S+`)
)

// Redact removes what could identify a person from free text before it is
// stored: runs of six or more digits (phone, 身份证, account numbers) and
// e-mail addresses.
func Redact(s string) string {
	s = email.ReplaceAllString(s, "＊")
	return digitRun.ReplaceAllString(s, "＊")
}

// Record counts one search of query on site with hits results, writing
// the batch when it is due.
func (l *QueryLog) Record(ctx context.Context, siteID int64, query string, hits int) error {
	query = Redact(query)
	if query == "" {
		return nil
	}
	now := l.now()
	l.mu.Lock()
	k := logKey{siteID, query}
	c := l.pending[k]
	if c == nil {
		c = &store.QueryCount{SiteID: siteID, Query: query}
		l.pending[k] = c
	}
	c.Searches++
	if hits == 0 {
		c.ZeroHits++
	}
	c.LastHits, c.LastAt = hits, now
	due := len(l.pending) >= logFlushSize || now.Sub(l.flushed) >= logFlushEvery
	l.mu.Unlock()
	if due {
		return l.Flush(ctx)
	}
	return nil
}

// Flush writes what was counted.
func (l *QueryLog) Flush(ctx context.Context) error {
	l.mu.Lock()
	batch := make([]store.QueryCount, 0, len(l.pending))
	for _, c := range l.pending {
		batch = append(batch, *c)
	}
	l.pending = map[logKey]*store.QueryCount{}
	l.flushed = l.now()
	l.mu.Unlock()
	return l.st.RecordQueries(ctx, batch)
}
