package public_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestJSONAndSiteFeeds: every feed (column and site-wide, RSS, Atom and
// JSON Feed 1.1) parses back with gofeed and carries the newest documents;
// pages announce the site's feeds and the column page its own.
func TestJSONAndSiteFeeds(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	newestNotice, err := p.st.Document(t.Context(), p.notices[noticeCount-1])
	if err != nil {
		t.Fatal(err)
	}
	latest, _, err := p.st.DocumentList(t.Context(), store.DocumentFilter{States: []catalog.State{catalog.StatePublished}, Limit: 1})
	if err != nil || len(latest) != 1 {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, contentType, feedType, title string
	}{
		{"/col/tzgg/feed.json", "application/feed+json", "json", "黄石市经济和信息化局 - 通知公告"},
		{"/feed.xml", "application/rss+xml", "rss", "黄石市经济和信息化局"},
		{"/atom.xml", "application/atom+xml", "atom", "黄石市经济和信息化局"},
		{"/feed.json", "application/feed+json", "json", "黄石市经济和信息化局"},
	} {
		code, h, body := p.get(t, c.path)
		if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), c.contentType) {
			t.Fatalf("GET %s = %d %q", c.path, code, h.Get("Content-Type"))
		}
		f, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", c.path, err, clip(body))
		}
		if f.FeedType != c.feedType || f.Title != c.title || len(f.Items) != 20 {
			t.Fatalf("%s: type %s, title %q, %d items", c.path, f.FeedType, f.Title, len(f.Items))
		}
		newest := latest[0]
		if strings.HasPrefix(c.path, "/col/") {
			newest = newestNotice
		}
		if c.feedType == "json" && !strings.HasSuffix(f.FeedVersion, "1.1") {
			t.Errorf("%s: JSON Feed version %q, want 1.1", c.path, f.FeedVersion)
		}
		it := f.Items[0]
		if it.Title != newest.Title || !strings.HasSuffix(it.Link, "/doc/"+strconv.FormatInt(newest.ID, 10)) {
			t.Errorf("%s first item = %q %q, want %q", c.path, it.Title, it.Link, newest.Title)
		}
		if it.PublishedParsed == nil || !it.PublishedParsed.Equal(newest.PublishedAt) {
			t.Errorf("%s first item published %v, want %v", c.path, it.PublishedParsed, newest.PublishedAt)
		}
		for _, it := range f.Items {
			if strings.Contains(it.Title, "草稿") || strings.Contains(it.Title, "撤回") {
				t.Errorf("%s carries %q", c.path, it.Title)
			}
		}
	}
	_, _, home := p.get(t, "/")
	for _, want := range []string{`type="application/rss+xml" title="黄石市经济和信息化局（RSS）" href="/feed.xml"`,
		`href="/atom.xml"`, `type="application/feed+json" title="黄石市经济和信息化局（JSON Feed）" href="/feed.json"`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks discovery link %s", want)
		}
	}
	_, _, col := p.get(t, "/col/tzgg/")
	if !strings.Contains(col, `href="/col/tzgg/feed.json"`) {
		t.Error("column page lacks its JSON Feed link")
	}
	p.page(t, "/col/none/feed.json", http.StatusNotFound)
}
