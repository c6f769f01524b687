package web

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"time"

	"gongkai/internal/web/prefs"
)

// pageCache keeps rendered public pages in memory. Public pages are the
// same for every visitor, and most traffic reads a few hot pages, so
// serving the bytes of the last render is what lets the portal keep up with
// a static web server. An entry is dropped when the store's generation
// moves (any content write in this process) or after ttl (writes made by
// another instance sharing the PostgreSQL database).
type pageCache struct {
	mu      sync.RWMutex
	entries map[string]cachedPage
	gen     uint64
	ttl     time.Duration
	max     int
}

type cachedPage struct {
	body        []byte
	contentType []string // shared header values, see securityHeaders
	length      []string
	at          time.Time
}

var cacheHit = []string{"hit"}

const (
	cacheTTL        = 10 * time.Second
	cacheMaxEntries = 20000
	cacheMaxBody    = 2 << 20
)

// bodyRecorder captures what a handler writes, while writing it through.
type bodyRecorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (b *bodyRecorder) WriteHeader(code int) {
	b.status = code
	b.ResponseWriter.WriteHeader(code)
}

func (b *bodyRecorder) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	if b.buf.Len() <= cacheMaxBody {
		b.buf.Write(p)
	}
	return b.ResponseWriter.Write(p)
}

// HandlePublic registers a public GET route whose successful responses are
// cached (see pageCache).
func (a *App) HandlePublic(pattern string, h http.HandlerFunc) {
	a.Handle(pattern, a.cached(h))
}

func (a *App) cached(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			h(w, r)
			return
		}
		_, base, _ := SiteOf(r)
		// The scheme is part of the key: feeds and the sitemap carry absolute
		// URLs built from X-Forwarded-Proto behind a TLS proxy.
		key := r.Header.Get("X-Forwarded-Proto") + "|" + r.Host + "|" + base + "|" + r.URL.RequestURI()
		// Pages are rendered in the visitor's reading settings (the <html>
		// classes and the toolbar's state); the defaults add nothing, so most
		// visitors still share one copy.
		if k := prefs.CacheKey(r); k != "" {
			key += "|" + k
		}
		now := a.Now()
		if p, ok := a.pages.get(key, a.Store.Generation(), now); ok {
			hdr := w.Header()
			hdr["Content-Type"] = p.contentType
			hdr["Content-Length"] = p.length // no chunked encoding, one write
			hdr["X-Cache"] = cacheHit
			_, _ = w.Write(p.body)
			return
		}
		gen := a.Store.Generation()
		rec := &bodyRecorder{ResponseWriter: w}
		h(rec, r)
		if rec.status == http.StatusOK && rec.buf.Len() <= cacheMaxBody {
			ct := w.Header().Get("Content-Type")
			a.pages.put(key, gen, cachedPage{body: bytes.Clone(rec.buf.Bytes()), contentType: []string{ct},
				length: []string{strconv.Itoa(rec.buf.Len())}, at: now})
		}
	}
}

func newPageCache() *pageCache {
	return &pageCache{entries: map[string]cachedPage{}, ttl: cacheTTL, max: cacheMaxEntries}
}

func (c *pageCache) get(key string, gen uint64, now time.Time) (cachedPage, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.gen != gen {
		return cachedPage{}, false
	}
	p, ok := c.entries[key]
	if !ok || now.Sub(p.at) > c.ttl {
		return cachedPage{}, false
	}
	return p, true
}

func (c *pageCache) put(key string, gen uint64, p cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case gen < c.gen:
		return // rendered from content that has changed since
	case gen > c.gen:
		clear(c.entries) // content changed: start over
		c.gen = gen
	}
	if len(c.entries) >= c.max {
		clear(c.entries)
	}
	c.entries[key] = p
}
