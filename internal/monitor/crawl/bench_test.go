package crawl_test

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gongkai/internal/monitor"
	"gongkai/internal/monitor/crawl"
)

// The benchmark crawls and checks a generated site: benchPages pages, each
// with three links to other pages (3 × benchPages links), one page in 1,000
// carrying a typo and one in 5,000 a broken link. bench/crawl.sh runs it at
// 100,000 pages; `go test -bench Crawl` at the default 2,000.
var (
	benchPages   = flag.Int("crawl.pages", 2000, "pages of the generated site")
	benchWorkers = flag.Int("crawl.workers", 8, "crawler workers")
)

// generatedSite answers /p/{n} for n < pages. Page n links n+1 (so every
// page is reachable), 7n+3 and 31n+11 (mod pages).
func generatedSite(pages int) http.Handler {
	filler := strings.Repeat("本局深入贯彻落实国家关于推动制造业高质量发展的决策部署，坚持稳中求进工作总基调，推进产业基础高级化和产业链现代化。", 8)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
			return
		}
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/p/"))
		if err != nil || n < 0 || n >= pages {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		b.Grow(4096)
		fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>信息%d</title>
<meta name="ColumnName" content="栏目%d"><meta name="PubDate" content="2025-06-%02d 09:30"></head><body><main><h1>信息%d</h1><p>%s</p>`,
			n, n%40, 1+n%28, n, filler)
		if n%1000 == 7 {
			b.WriteString("<p>经清理，以下文件先行有效。</p>")
		}
		for _, m := range []int{(n + 1) % pages, (7*n + 3) % pages, (31*n + 11) % pages} {
			fmt.Fprintf(&b, `<a href="/p/%d">信息%d</a> `, m, m)
		}
		if n%5000 == 13 {
			fmt.Fprintf(&b, `<a href="/missing/%d">失效链接</a>`, n)
		}
		b.WriteString("</main></body></html>")
		fmt.Fprint(w, b.String())
	})
}

func BenchmarkCrawlAndCheck(b *testing.B) {
	pages := *benchPages
	srv := httptest.NewServer(generatedSite(pages))
	defer srv.Close()
	words, _ := monitor.ParseWords(monitor.DefaultWords())
	sc := monitor.NewScanner(words)
	var peak atomic.Uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Go(func() { // the heap's high-water mark, sampled
		var ms runtime.MemStats
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	})
	var res crawl.Result
	var typos atomic.Int64
	b.ResetTimer()
	for b.Loop() {
		typos.Store(0)
		var err error
		res, err = crawl.Run(context.Background(), crawl.Config{Start: []string{srv.URL + "/p/0"}, MaxPages: 2 * pages, // broken links count as pages too
			Workers: *benchWorkers, Timeout: 15 * time.Second, Retries: 2, WantText: true,
			OnPage: func(p crawl.Page) { typos.Add(int64(len(sc.Scan(p.Text)))) }})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(stop)
	sampler.Wait()
	wantBroken := 0
	for n := 13; n < pages; n += 5000 {
		wantBroken++
	}
	wantTypos := 0
	for n := 7; n < pages; n += 1000 {
		wantTypos++
	}
	if res.Truncated || res.Pages != pages || len(res.Failures) != wantBroken || typos.Load() != int64(wantTypos) || res.Links != 3*pages+wantBroken {
		b.Fatalf("pages %d (want %d), links %d, broken %d (want %d), typos %d (want %d)", res.Pages, pages, res.Links,
			len(res.Failures), wantBroken, typos.Load(), wantTypos)
	}
	secs := res.Duration.Seconds()
	b.ReportMetric(float64(res.Pages)/secs, "pages/s")
	b.ReportMetric(float64(res.Links)/secs, "links/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	b.Logf("%d pages, %d links, %d broken, %d typos in %.1f s; peak heap %.1f MB",
		res.Pages, res.Links, len(res.Failures), typos.Load(), secs, float64(peak.Load())/(1<<20))
}
