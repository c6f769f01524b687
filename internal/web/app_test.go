package web_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web"
)

// newApp builds an App on a real store with a root site and a sub-site
// that also answers on its own host name.
func newApp(t testing.TB) (*web.App, *strings.Builder) {
	t.Helper()
	st := storetest.Open(t, store.SQLite)
	ctx := context.Background()
	root, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "示例市经信局", USCC: "11420200MB1234567X"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateSite(ctx, catalog.Site{ParentID: root, Code: "yx", Name: "示例县经信局", Host: "yx.example.gov.cn", USCC: "11420222MB7654321Y"}); err != nil {
		t.Fatal(err)
	}
	logs := &strings.Builder{}
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	app, err := web.NewApp(cfg, st, slog.New(slog.NewJSONHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if err := app.ReloadSites(ctx); err != nil {
		t.Fatal(err)
	}
	app.Handle("GET /which", func(w http.ResponseWriter, r *http.Request) {
		s, base, ok := web.SiteOf(r)
		if !ok {
			http.Error(w, "none", http.StatusNotFound)
			return
		}
		_, _ = io.WriteString(w, s.Code+" "+base)
	})
	app.Handle("GET /boom", func(w http.ResponseWriter, r *http.Request) { panic("secret internal detail") })
	app.Handle("GET /fail", func(w http.ResponseWriter, r *http.Request) {
		app.Fail(w, r, errors.New("pq: relation documents does not exist"))
	})
	app.RegisterOps()
	return app, logs
}

func get(t testing.TB, h http.Handler, host, path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if host != "" {
		req.Host = host
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestSiteRouting(t *testing.T) {
	app, _ := newApp(t)
	h := app.Handler()
	cases := []struct{ host, path, want string }{
		{"gov.example", "/which", "main "},             // default: the root site
		{"gov.example", "/s/yx/which", "yx /s/yx"},     // path prefix of a sub-site
		{"yx.example.gov.cn", "/which", "yx "},         // its own host name
		{"YX.example.gov.cn:8080", "/which", "yx "},    // host match ignores case and port
		{"gov.example", "/s/nosuch/which", "NOTFOUND"}, // unknown prefix is not a site
	}
	for _, c := range cases {
		rec := get(t, h, c.host, c.path)
		got := rec.Body.String()
		if c.want == "NOTFOUND" {
			if rec.Code != http.StatusNotFound {
				t.Errorf("%s%s: status %d", c.host, c.path, rec.Code)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s%s = %q, want %q", c.host, c.path, got, c.want)
		}
	}
}

func TestErrorsNeverShowInternals(t *testing.T) {
	app, logs := newApp(t)
	h := app.Handler()
	for _, path := range []string{"/boom", "/fail"} {
		rec := get(t, h, "", path)
		body := rec.Body.String()
		if rec.Code != http.StatusInternalServerError {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		if strings.Contains(body, "secret internal detail") || strings.Contains(body, "relation documents") || strings.Contains(body, "goroutine") {
			t.Fatalf("%s leaks internals: %s", path, body)
		}
		if !strings.Contains(body, "系统繁忙") || !strings.Contains(body, rec.Header().Get("X-Request-ID")) {
			t.Fatalf("%s: no Chinese message or request ID on the 500 page", path)
		}
	}
	// The cause is logged once, with the request ID, for the operator.
	if !strings.Contains(logs.String(), "secret internal detail") || !strings.Contains(logs.String(), "relation documents") {
		t.Fatal("causes not logged")
	}
}

func TestNotFoundHeadersAndOps(t *testing.T) {
	app, _ := newApp(t)
	h := app.Handler()
	rec := get(t, h, "", "/no/such/page")
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "页面不存在") || !strings.Contains(rec.Body.String(), `lang="zh-CN"`) {
		t.Fatalf("404 page: %d %s", rec.Code, rec.Body.String())
	}
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-eval") {
		t.Fatalf("CSP %q", csp)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("X-Request-ID") == "" {
		t.Fatal("security or request-ID header missing")
	}
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready"} {
		if rec := get(t, h, "", path); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
			t.Fatalf("%s: %d %s", path, rec.Code, rec.Body.String())
		}
	}
	get(t, h, "", "/which")
	m := get(t, h, "", "/metrics").Body.String()
	if !strings.Contains(m, `gongkai_http_requests_total{route="GET /which",status="200"} 1`) ||
		!strings.Contains(m, `gongkai_http_request_duration_seconds_bucket{route="GET /which"`) {
		t.Fatalf("metrics by route missing:\n%s", m)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	app, _ := newApp(t)
	app.Handle("POST /form", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "accepted") })
	h := app.Handler()
	for name, hdr := range map[string][2]string{
		"fetch metadata": {"Sec-Fetch-Site", "cross-site"},
		"origin":         {"Origin", "https://evil.example"},
	} {
		req := httptest.NewRequest(http.MethodPost, "http://gov.example/form", strings.NewReader("a=1"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set(hdr[0], hdr[1])
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden || strings.Contains(rec.Body.String(), "accepted") || !strings.Contains(rec.Body.String(), "请求来自其他网站") {
			t.Errorf("%s: %d %s", name, rec.Code, rec.Body.String())
		}
	}
	req := httptest.NewRequest(http.MethodPost, "http://gov.example/form", strings.NewReader("a=1"))
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Body.String() != "accepted" {
		t.Fatalf("same-origin post refused: %d", rec.Code)
	}
}
