package public_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// BenchmarkPortalPages renders the hot pages. The b query parameter makes
// every request miss the page cache, so this measures the handlers and their
// queries, not the cache: go test -bench Portal -run x ./internal/web/public/
func BenchmarkPortalPages(b *testing.B) {
	p := newPortal(b, storetest.Open(b, store.SQLite))
	for _, path := range []string{"/", "/col/tzgg/", docPath(p.repealed), "/xxgk/?year=2025"} {
		b.Run(path, func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("%s%sb=%d", path, sep(path), i), nil)
				rec := httptest.NewRecorder()
				p.h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s = %d", path, rec.Code)
				}
			}
		})
	}
}

func sep(path string) string {
	for _, c := range path {
		if c == '?' {
			return "&"
		}
	}
	return "?"
}
