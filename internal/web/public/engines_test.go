package public_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/mmcdole/gofeed"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestPortalOnBothEngines walks the main pages on SQLite and PostgreSQL: the
// portal's queries (newest per column, filters, years, paging) must agree.
func TestPortalOnBothEngines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		p := newPortal(t, st)
		mustContain(t, "home", p.page(t, "/", http.StatusOK), "关于开展第25批工业企业调查的通知", "技术改造奖补办法（修订）")
		if n := docLinks(p.page(t, "/col/tzgg/?page=2", http.StatusOK)); n != 5 {
			t.Errorf("column page 2 has %d documents, want 5", n)
		}
		mustContain(t, "repealed", p.page(t, docPath(p.repealed), http.StatusOK), "本文件已于2025-06-01废止",
			fmt.Sprintf(`href="/doc/%d"`, p.successor))
		p.page(t, docPath(p.draft), http.StatusNotFound)
		mustContain(t, "目录 year", p.page(t, "/xxgk/?year=2024&topic="+url.QueryEscape(`工业、交通\工业`), http.StatusOK), "共 4 条")
		mustContain(t, "目录 keyword", p.page(t, "/xxgk/?q="+url.QueryEscape("技术改造"), http.StatusOK), "共 2 条")
		f, err := gofeed.NewParser().ParseString(p.page(t, "/col/tzgg/atom.xml", http.StatusOK))
		if err != nil || len(f.Items) != 20 {
			t.Fatalf("atom feed: %v", err)
		}
		if locs := readSitemap(t, p, "/sitemap.xml"); len(locs) != 42 { // with the 留言选登 list
			t.Errorf("sitemap has %d URLs, want 42", len(locs))
		}
		mustContain(t, "guide", p.page(t, "/guide", http.StatusOK), "政务微信、报纸")
	})
}
