package public_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

var indexURLRE = regexp.MustCompile(`^http://gk\.example\.gov\.cn/xxgk/11420200MB1234567X/\d{4}-\d{5}$`)

func TestColumnFeeds(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	newest, err := p.st.Document(t.Context(), p.notices[noticeCount-1])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, contentType, feedType string
	}{
		{"/col/tzgg/feed.xml", "application/rss+xml", "rss"},
		{"/col/tzgg/atom.xml", "application/atom+xml", "atom"},
	} {
		code, h, body := p.get(t, c.path)
		if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), c.contentType) {
			t.Fatalf("GET %s = %d %q", c.path, code, h.Get("Content-Type"))
		}
		f, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", c.path, err, clip(body))
		}
		if f.FeedType != c.feedType || f.Title != "黄石市经济和信息化局 - 通知公告" || len(f.Items) != 20 {
			t.Fatalf("%s: type %s, title %q, %d items", c.path, f.FeedType, f.Title, len(f.Items))
		}
		it := f.Items[0]
		wantLink := fmt.Sprintf("http://gk.example.gov.cn/doc/%d", newest.ID)
		if it.Title != newest.Title || it.Link != wantLink || it.Description != newest.Summary {
			t.Errorf("%s first item = %q %q %q, want %q %q %q", c.path, it.Title, it.Link, it.Description,
				newest.Title, wantLink, newest.Summary)
		}
		if it.GUID != "http://gk.example.gov.cn/xxgk/"+newest.IndexNo || !indexURLRE.MatchString(it.GUID) {
			t.Errorf("%s first item id = %q, want the 索引号 address of %s", c.path, it.GUID, newest.IndexNo)
		}
		if it.PublishedParsed == nil || !it.PublishedParsed.Equal(newest.PublishedAt) {
			t.Errorf("%s first item published %v, want %v", c.path, it.PublishedParsed, newest.PublishedAt)
		}
		if !strings.HasSuffix(it.Published, "+0800") && !strings.HasSuffix(it.Published, "+08:00") {
			t.Errorf("%s: dates are in %q, want +08:00", c.path, it.Published)
		}
		seen := map[string]bool{}
		for _, it := range f.Items {
			if seen[it.GUID] {
				t.Errorf("%s: duplicate id %s", c.path, it.GUID)
			}
			seen[it.GUID] = true
			if strings.Contains(it.Title, "草稿") || strings.Contains(it.Title, "撤回") {
				t.Errorf("%s carries %q", c.path, it.Title)
			}
		}
	}
	// A parent column's feed carries its sub-columns' documents.
	_, _, body := p.get(t, "/col/zcwj/feed.xml")
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil || len(f.Items) != 2 {
		t.Fatalf("政策文件 feed: %v, %d items", err, len(f.Items))
	}
	p.page(t, "/col/none/feed.xml", http.StatusNotFound)
}
