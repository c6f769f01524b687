package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// site is a small site with one fault of every kind the crawler reports.
type site struct {
	srv, ext   *httptest.Server
	flaky      atomic.Int32 // requests to /flaky so far
	boom       atomic.Int32
	extMu      sync.Mutex
	extTimes   []time.Time // when the external host was asked (robots.txt aside)
	filterHits atomic.Int32
}

func newSite(t *testing.T) *site {
	s := &site{}
	s.ext = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
			return
		}
		s.extMu.Lock()
		s.extTimes = append(s.extTimes, time.Now())
		s.extMu.Unlock()
		switch r.URL.Path {
		case "/ok", "/ok2", "/ok3":
			fmt.Fprint(w, "fine")
		case "/gone":
			http.NotFound(w, r)
		default:
			http.Error(w, "no", http.StatusInternalServerError)
		}
	}))
	t.Cleanup(s.ext.Close)
	page := func(w http.ResponseWriter, title string, links ...string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta name="ColumnName" content="%s"><link rel="stylesheet" href="/static/site.css">
			<link rel="preconnect" href="https://cdn.example.invalid"><script>var x = "<a href='/in-script'>";</script></head><body><h1>%s</h1>`, title, title)
		for _, l := range links {
			fmt.Fprintf(&b, `<a href="%s">链接</a> <time datetime="2025-06-01">2025-06-01</time>`, l)
		}
		b.WriteString(`<a href="mailto:x@example.com">信箱</a><a href="#top">顶部</a></body></html>`)
		fmt.Fprint(w, b.String())
	}
	mux := http.NewServeMux()
	ext := s.ext.URL
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		page(w, "首页", "/a", "/b#part", "/missing", ext+"/ok", ext+"/gone", "http://no-such-host.invalid/x",
			"/list?page=2", "/list?topic=x&year=2024", "/files/report.pdf")
	})
	mux.HandleFunc("GET /a", func(w http.ResponseWriter, r *http.Request) {
		page(w, "甲", "/", "/b", "/missing", "/slow", ext+"/ok2", ext+"/private/page", "/flaky")
	})
	mux.HandleFunc("GET /b", func(w http.ResponseWriter, r *http.Request) { page(w, "乙", "/a", ext+"/boom", ext+"/ok3") })
	mux.HandleFunc("GET /list", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("topic") {
			s.filterHits.Add(1)
		}
		page(w, "列表", "/list?page=3", "/list?topic=y")
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
		page(w, "慢")
	})
	mux.HandleFunc("GET /flaky", func(w http.ResponseWriter, r *http.Request) {
		if s.flaky.Add(1) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		page(w, "偶发")
	})
	mux.HandleFunc("GET /static/site.css", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "body{}") })
	mux.HandleFunc("GET /files/report.pdf", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "%PDF-1.4") })
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n") })
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

func testConfig(s *site) Config {
	return Config{Start: []string{s.srv.URL + "/"}, Timeout: 300 * time.Millisecond, Retries: 1, Backoff: 20 * time.Millisecond,
		CheckExternal: true, FollowQuery: []string{"page"}, HostDelay: 40 * time.Millisecond, HostConcurrency: 1}
}

func TestCrawlReportsExactlyTheBrokenLinks(t *testing.T) {
	s := newSite(t)
	var mu sync.Mutex
	var pages []string
	cfg := testConfig(s)
	cfg.OnPage = func(p Page) { mu.Lock(); pages = append(pages, p.URL); mu.Unlock() }
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Failure{}
	for _, f := range res.Failures {
		got[strings.NewReplacer(s.srv.URL, "SITE", s.ext.URL, "EXT").Replace(f.URL)] = f
	}
	want := map[string]Kind{"SITE/missing": KindStatus, "SITE/slow": KindTimeout, "EXT/gone": KindStatus, "EXT/boom": KindStatus,
		"http://no-such-host.invalid/x": KindDNS}
	for u, k := range want {
		f, ok := got[u]
		if !ok {
			t.Errorf("%s not reported", u)
			continue
		}
		if f.Kind != k && !(u == "http://no-such-host.invalid/x" && f.Kind == KindConnect) {
			t.Errorf("%s: kind %s, want %s (%s)", u, f.Kind, k, f.Err)
		}
	}
	for u := range got {
		if _, ok := want[u]; !ok {
			t.Errorf("false alarm: %s %+v", u, got[u])
		}
	}
	if f := got["SITE/missing"]; f.Status != 404 || f.Referrers != 2 || !f.FromHome || f.From == "" || f.Attempts != 1 {
		t.Errorf("404 link: %+v (want status 404, 2 referrers, linked from home, one attempt)", f)
	}
	if f := got["EXT/boom"]; f.Status != 500 || f.Attempts != 2 || f.FromHome || f.From != s.srv.URL+"/b" || !f.External {
		t.Errorf("500 link: %+v (want retried once, linked from /b only)", f)
	}
	if f := got["SITE/slow"]; f.Attempts != 2 {
		t.Errorf("timeout retried: %+v", f)
	}
	if s.flaky.Load() != 2 {
		t.Errorf("/flaky asked %d times, want 2 (a 503 retried once, then fine)", s.flaky.Load())
	}
	if res.Robots != 1 {
		t.Errorf("robots.txt skipped %d URLs, want 1 (EXT/private/page)", res.Robots)
	}
	if s.filterHits.Load() != 2 {
		t.Errorf("filter URLs asked %d times, want 2 (two URLs, each checked once, not followed)", s.filterHits.Load())
	}
	// Pages parsed: /, /a, /b, /list?page=2, /list?page=3, /flaky.
	if len(pages) != 6 || res.Pages != 6 {
		t.Errorf("pages %d %v", res.Pages, pages)
	}
	s.extMu.Lock()
	defer s.extMu.Unlock()
	for i := 1; i < len(s.extTimes); i++ {
		if gap := s.extTimes[i].Sub(s.extTimes[i-1]); gap < 35*time.Millisecond {
			t.Errorf("external host asked twice within %v (politeness gap 40ms)", gap)
		}
	}
}

func TestCrawlMaxPagesAndCancel(t *testing.T) {
	s := newSite(t)
	cfg := testConfig(s)
	cfg.MaxPages = 2
	cfg.CheckExternal = false
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 2 || !res.Truncated || res.External != 0 {
		t.Errorf("MaxPages 2: %d pages, truncated %v, external %d", res.Pages, res.Truncated, res.External)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, testConfig(s)); err == nil {
		t.Error("a cancelled crawl reported no error")
	}
}

func TestRobots(t *testing.T) {
	r := parseRobots(strings.NewReader(`# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /admin/
Disallow: /*.pdf$
Allow: /admin/public
Disallow: /tmp

User-agent: gongkai-monitor
User-agent: other
Disallow: /private
`))
	for path, want := range map[string]bool{"/": true, "/private/x": false, "/admin/": true, "/doc.pdf": true} {
		if got := r.allows(path); got != want {
			t.Errorf("own group: allows(%q) = %v, want %v", path, got, want)
		}
	}
	star := parseRobots(strings.NewReader("User-agent: *\nDisallow: /admin/\nDisallow: /*.pdf$\nAllow: /admin/public\nDisallow:\n"))
	for path, want := range map[string]bool{"/": true, "/admin/x": false, "/admin/public/a": true, "/a/b.pdf": false,
		"/a/b.pdf?x=1": true, "/a/b.pdfx": true} {
		if got := star.allows(path); got != want {
			t.Errorf("* group: allows(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestParsePage(t *testing.T) {
	base := mustURL(t, "http://example.gov.cn/col/x/")
	p := parsePage([]byte(`<html><head><base href="/root/"><meta name="PubDate" content="2025-05-06 09:30">
		<style>.a{background:url(/x.png)}</style></head><body>
		<a href="doc/1">一</a><a href="javascript:void(0)">二</a><img src="//cdn.example.com/a.png">
		<p>发布日期：2024年3月5日</p><time datetime="2025-01-02T08:00:00+08:00">1月2日</time>
		<script>document.write('2099-01-01')</script></body></html>`), base, true)
	if got := strings.Join(p.links, " "); got != "http://example.gov.cn/root/doc/1 http://cdn.example.com/a.png" {
		t.Errorf("links: %s", got)
	}
	if p.meta["pubdate"] != "2025-05-06 09:30" {
		t.Errorf("meta: %v", p.meta)
	}
	if got := strings.Join(p.dates, " "); got != "2025-01-02 2024-03-05" {
		t.Errorf("dates: %s", got)
	}
	if strings.Contains(p.text, "2099") || !strings.Contains(p.text, "发布日期") {
		t.Errorf("text: %q", p.text)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
