package staff_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/auth"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
	"gongkai/internal/web/staff"
)

// TestLinkagePagesInBrowser opens every linkage page in Chromium under the
// back office's Content-Security-Policy with data in it (a read error, a
// required item, a delivery) and checks none has a WCAG 2.1 A/AA
// violation.
func TestLinkagePagesInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.clock.Set(time.Now()) // the browser's cookies and the session clock agree
	e.user("gkb", auth.RoleOffice, 0)
	office := e.login("gkb")
	up := newUpstream(t)
	up.publish("a", "关于做好安全生产工作的通知", time.Now().Format(time.RFC1123Z), "通知公告")
	for _, f := range []url.Values{
		{"site": {itoa(e.site.ID)}, "name": {"黄石市人民政府"}, "kind": {"feed"}, "url": {up.srv.URL + "/rss.xml"}, "column": {itoa(e.colA)}, "interval": {"30"}, "enabled": {"1"}},
		{"site": {itoa(e.site.ID)}, "name": {"旧栏目"}, "kind": {"page"}, "url": {up.srv.URL + "/gone.html"}, "item_selector": {"ul li"}, "interval": {"30"}, "enabled": {"1"}},
	} {
		office.post("/admin/subscriptions/new", f)
	}
	office.post("/admin/repost-rules/new", url.Values{"site": {itoa(e.site.ID)}, "name": {"安全生产"}, "keyword": {"安全生产"}, "due_workdays": {"2"}, "enabled": {"1"}})
	if err := staff.Linkage(context.Background(), e.app, linkage.Fetcher{}, linkage.Pusher{}); err != nil {
		t.Fatal(err)
	}
	items, _, err := e.st.UpstreamItems(context.Background(), store.UpstreamFilter{SiteID: e.site.ID})
	if err != nil || len(items) != 1 {
		t.Fatalf("items %d %v", len(items), err)
	}
	u := e.srv.URL
	if err := chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "gkb"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".counts")),
	); err != nil {
		t.Fatal(err)
	}
	testenv.AxeCanary(t, ctx)
	for _, path := range []string{"/admin/subscriptions", "/admin/subscriptions/new", "/admin/repost-rules", "/admin/repost-rules/new",
		"/admin/reposts?view=all", "/admin/reposts/" + itoa(items[0].ID), "/admin/reposts/report", "/admin/webhook"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		checkAxe(t, ctx, path)
	}
}
