package router_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gongkai/internal/catalog"
)

// catalogueRow is one row of the 公开目录 result table.
type catalogueRow struct {
	IndexNo  string `json:"indexNo"`
	Title    string `json:"title"`
	Href     string `json:"href"`
	Validity string `json:"validity"`
}

const catalogueRows = `[...document.querySelectorAll('table.catalogue tbody tr')].map(r => ({
  indexNo: r.querySelector('.index-no').textContent.trim(),
  title: r.querySelector('.title a').textContent.trim(),
  href: r.querySelector('.title a').getAttribute('href'),
  validity: r.querySelector('[data-label="有效性"]').textContent.trim()}))`

// visitorSeesDocument: the published document is on its column page, in the
// 公开目录 (found by searching its title), on its own page with the
// metadata block and a working attachment link, and in the column feed with
// its permanent 索引号 address as guid.
func visitorSeesDocument(t *testing.T, ctx context.Context, e *flowEnv, d catalog.Document, pdf []byte) {
	t.Helper()
	base, docPath := e.srv.URL, fmt.Sprintf("/doc/%d", d.ID)

	if status, _ := load(t, ctx, "column page", chromedp.Navigate(base+"/col/"+e.colA.Slug+"/")); status != 200 {
		t.Fatalf("column page: %d", status)
	}
	listed := eval[[]string](t, ctx, `[...document.querySelectorAll('.doc-list a')].map(a => a.getAttribute('href') + ' ' + a.textContent.trim())`)
	if !slices.Contains(listed, docPath+" "+d.Title) {
		t.Fatalf("column page lists %q; want %s %s", listed, docPath, d.Title)
	}

	do(t, ctx, "search the 目录", chromedp.Navigate(base+"/xxgk/"), chromedp.SendKeys(chromedp.CSS("#f-q"), d.Title))
	load(t, ctx, "run the 目录 search", chromedp.Click(chromedp.CSS("form.filters button[type=submit]")))
	rows := eval[[]catalogueRow](t, ctx, catalogueRows)
	want := catalogueRow{IndexNo: d.IndexNo, Title: d.Title, Href: docPath, Validity: string(catalog.Valid)}
	if len(rows) != 1 || rows[0] != want {
		t.Fatalf("目录 search for the title: %+v; want only %+v", rows, want)
	}

	status, u := load(t, ctx, "open it from the 目录", chromedp.Click(chromedp.CSS("table.catalogue .title a")))
	if status != 200 || u.Path != docPath || text(t, ctx, "h1") != d.Title {
		t.Fatalf("document page: %d at %s, h1 %q", status, u, text(t, ctx, "h1"))
	}
	meta := metaTable(t, ctx)
	for k, v := range map[string]string{"索引号": d.IndexNo, "文号": docNo1, "成文日期": writtenOn1, "主题分类": topic1,
		"发布机构": e.site.Name, "有效性": string(catalog.Valid)} {
		if meta[k] != v {
			t.Errorf("document page metadata %s = %q, want %q", k, meta[k], v)
		}
	}
	if body := text(t, ctx, ".doc-body"); body != body1 {
		t.Errorf("document body %q, want %q", body, body1)
	}
	if ch := text(t, ctx, "#ch-title + table tbody"); !strings.Contains(ch, string(catalog.ChannelWeChat)) || !strings.Contains(ch, "2026-11-21") {
		t.Errorf("channel records on the page: %q", ch)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.banner').length`); n != 0 {
		t.Errorf("a valid document shows %d banners", n)
	}
	f, data := fetchAttachment(t, ctx)
	if f.Name != fileName || !f.Download || f.Status != 200 || f.Type != "application/pdf" || !samePDF(data, pdf) {
		t.Fatalf("attachment link %q (download attribute %v): status %d, %s, %d bytes; want the uploaded %d-byte PDF",
			f.Name, f.Download, f.Status, f.Type, len(data), len(pdf))
	}

	checkFeed(t, e, d)
}

// rssFeed is the part of an RSS 2.0 document the test reads.
type rssFeed struct {
	Items []struct {
		Title string `xml:"title"`
		Link  string `xml:"link"`
		GUID  struct {
			ID          string `xml:",chardata"`
			IsPermaLink string `xml:"isPermaLink,attr"`
		} `xml:"guid"`
	} `xml:"channel>item"`
}

// checkFeed fetches the column's RSS feed over HTTP: the document is in it
// with its 索引号 address as guid, and that address leads to the document.
func checkFeed(t *testing.T, e *flowEnv, d catalog.Document) {
	t.Helper()
	res, err := http.Get(e.srv.URL + "/col/" + e.colA.Slug + "/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/rss+xml") {
		t.Fatalf("feed: %d %s %v", res.StatusCode, res.Header.Get("Content-Type"), err)
	}
	var feed rssFeed
	if err := xml.Unmarshal(raw, &feed); err != nil {
		t.Fatalf("feed is not well-formed RSS: %v\n%s", err, raw)
	}
	guid := e.srv.URL + "/xxgk/" + d.IndexNo
	found := false
	for _, it := range feed.Items {
		if it.Title == d.Title {
			found = true
			if it.GUID.ID != guid || it.Link != fmt.Sprintf("%s/doc/%d", e.srv.URL, d.ID) {
				t.Errorf("feed item: guid %q link %q; want guid %q", it.GUID.ID, it.Link, guid)
			}
		}
	}
	if !found {
		t.Fatalf("feed does not carry %q:\n%s", d.Title, raw)
	}
	res, err = http.Get(guid)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Request.URL.Path != fmt.Sprintf("/doc/%d", d.ID) {
		t.Errorf("the guid %s leads to %d %s, want the document page", guid, res.StatusCode, res.Request.URL)
	}
}

// visitorSeesRepeal: the repealed document's page carries the banner with a
// link to its replacement, and the 目录 filtered by 有效性=已废止 lists it.
func visitorSeesRepeal(t *testing.T, ctx context.Context, e *flowEnv, d, replacement catalog.Document) {
	t.Helper()
	base := e.srv.URL
	if status, _ := load(t, ctx, "repealed document page", chromedp.Navigate(fmt.Sprintf("%s/doc/%d", base, d.ID))); status != 200 {
		t.Fatalf("repealed document page: %d", status)
	}
	// 政府网站发展指引: the original is clearly marked and links the replacement.
	if banner := text(t, ctx, ".doc .banner .banner-title"); banner != "本文件已于"+repealedOn+"废止" {
		t.Errorf("banner %q, want 本文件已于%s废止", banner, repealedOn)
	}
	link := eval[[]string](t, ctx, `[...document.querySelectorAll('.doc .banner a')].map(a => a.getAttribute('href') + ' ' + a.textContent.trim())`)
	if want := fmt.Sprintf("/doc/%d %s", replacement.ID, replacement.Title); !slices.Equal(link, []string{want}) {
		t.Errorf("banner links %q, want [%s]", link, want)
	}
	if v := metaTable(t, ctx)["有效性"]; v != string(catalog.Repealed) {
		t.Errorf("metadata 有效性 = %q, want %s", v, catalog.Repealed)
	}

	do(t, ctx, "filter the 目录 by 有效性", chromedp.Navigate(base+"/xxgk/"),
		chromedp.SetValue(chromedp.CSS("#f-validity"), string(catalog.Repealed)))
	load(t, ctx, "run the 目录 filter", chromedp.Click(chromedp.CSS("form.filters button[type=submit]")))
	rows := eval[[]catalogueRow](t, ctx, catalogueRows)
	want := catalogueRow{IndexNo: d.IndexNo, Title: d.Title, Href: fmt.Sprintf("/doc/%d", d.ID), Validity: string(catalog.Repealed)}
	if len(rows) != 1 || rows[0] != want {
		t.Fatalf("目录 filtered by 有效性=已废止: %+v; want only %+v", rows, want)
	}
	// Back to the document page for the screenshot and axe.
	load(t, ctx, "open the repealed document", chromedp.Click(chromedp.CSS("table.catalogue .title a")))
}
