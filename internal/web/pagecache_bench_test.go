package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkCachedPage measures the whole middleware chain serving a page
// from the page cache: what every public hit costs once a page is warm.
func BenchmarkCachedPage(b *testing.B) {
	app, _ := newApp(b)
	page := strings.Repeat("<p>政务公开</p>", 2000)
	app.HandlePublic("GET /page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, page)
	})
	h := app.Handler()
	req := httptest.NewRequest(http.MethodGet, "/page", nil)
	h.ServeHTTP(httptest.NewRecorder(), req)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || rec.Header().Get("X-Cache") != "hit" {
			b.Fatalf("status %d cache %q", rec.Code, rec.Header().Get("X-Cache"))
		}
	}
}
