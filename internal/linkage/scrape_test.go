package linkage

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

// TestScrapeListGBK: a GBK list page (its charset named only in <meta>)
// reads correctly, relative links resolve against <base href>, dates come
// from the date selector in three spellings, and rows without a usable
// link are skipped.
func TestScrapeListGBK(t *testing.T) {
	body, err := os.ReadFile("testdata/list_gbk.html")
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://www.huangshi.gov.cn/zwgk/tzgg/index.shtml")
	items, err := ScrapeList(body, "text/html", base, "ul.list li", "span.date")
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{
		{Link: "https://www.huangshi.gov.cn/zwgk/tzgg/t20250307_1.shtml", Title: "关于做好2025年安全生产工作的通知", PublishedOn: "2025-03-07"},
		{Link: "https://www.huangshi.gov.cn/zwgk/zcjd/t20250306_2.shtml", Title: "解读：《黄石市优化营商环境条例》", PublishedOn: "2025-03-06"},
		{Link: "https://www.hubei.gov.cn/zfwj/t20250305.shtml", Title: "省政府关于印发春耕备耕方案的通知", PublishedOn: "2025-03-05"},
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
	for i, w := range want {
		got := items[i]
		if got.Link != w.Link || got.Title != w.Title || got.PublishedOn != w.PublishedOn || got.GUID != w.Link {
			t.Errorf("item %d = %+v, want %+v", i, got, w)
		}
	}
	// Without a date selector the date is found in the row's text.
	items, err = ScrapeList(body, "text/html; charset=gbk", base, "ul.list li", "")
	if err != nil || len(items) != 3 || items[1].PublishedOn != "2025-03-06" {
		t.Fatalf("dates from text: %+v %v", items, err)
	}
	if _, err := ScrapeList(body, "text/html", base, "ul.list li[", ""); err == nil || !strings.Contains(Message(err), "选择器写法有误") {
		t.Errorf("bad selector: %v", err)
	}
	if _, err := ScrapeList(body, "text/html", base, "ol.none li", ""); err == nil || !strings.Contains(Message(err), "没有找到") {
		t.Errorf("selector matching nothing: %v", err)
	}
}

const rssFixture = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>黄石市人民政府</title><link>https://www.huangshi.gov.cn/</link>
<item><title>关于做好安全生产工作的通知</title><link>/xxgk/a.html</link><guid isPermaLink="false">hs-1</guid>
<category>通知公告</category><author>市政府办公室</author><pubDate>Fri, 07 Mar 2025 18:30:00 +0800</pubDate>
<description><![CDATA[<p>各县市区人民政府：</p><script>alert(1)</script>]]></description></item>
<item><title></title><link>/xxgk/empty.html</link></item>
</channel></rss>`

// TestFetchConditional: a feed is read and parsed (relative links made
// absolute), the next read sends the validators and a 304 brings nothing;
// server errors become Chinese messages.
func TestFetchConditional(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		switch r.URL.Path {
		case "/rss.xml":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Fri, 07 Mar 2025 10:30:00 GMT")
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write([]byte(rssFixture))
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	res, err := Fetcher{}.Fetch(ctx, Source{Kind: KindFeed, URL: srv.URL + "/rss.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 1 || res.ETag != `"v1"` || res.NotModified {
		t.Fatalf("first read: %+v", res)
	}
	it := res.Items[0]
	if it.GUID != "hs-1" || it.Link != srv.URL+"/xxgk/a.html" || it.PublishedOn != "2025-03-07" || it.Category != "通知公告" ||
		it.Sender != "市政府办公室" || it.Summary != "各县市区人民政府： alert(1)" && it.Summary != "各县市区人民政府：alert(1)" {
		t.Errorf("item = %+v", it)
	}
	res2, err := Fetcher{}.Fetch(ctx, Source{Kind: KindFeed, URL: srv.URL + "/rss.xml", ETag: res.ETag, LastModified: res.LastModified})
	if err != nil || !res2.NotModified || len(res2.Items) != 0 || res2.ETag != `"v1"` {
		t.Fatalf("conditional read: %+v %v", res2, err)
	}
	for path, want := range map[string]string{"/broken": "服务器错误（HTTP 500）", "/gone": "已不存在（HTTP 404）"} {
		_, err := Fetcher{}.Fetch(ctx, Source{Kind: KindFeed, URL: srv.URL + path})
		if err == nil || !strings.Contains(Message(err), want) {
			t.Errorf("%s: %v", path, err)
		}
	}
	if _, err := (Fetcher{}).Fetch(ctx, Source{Kind: KindFeed, URL: "ftp://x/"}); err == nil || !strings.Contains(Message(err), "http://") {
		t.Errorf("ftp: %v", err)
	}
	if _, err := (Fetcher{}).Fetch(ctx, Source{Kind: KindFeed, URL: srv.URL + "/rss.xml?x=1"}); err != nil {
		t.Errorf("query string: %v", err)
	}
	if calls.Load() != 5 {
		t.Errorf("%d requests", calls.Load())
	}
}
