package staff_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/auth"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
)

// upstream is the city's and the province's websites on loopback: an RSS
// feed with ETag support, a JSON Feed and a missing page.
type upstream struct {
	mu       sync.Mutex
	items    []string // RSS <item> elements
	etag     int
	notMod   atomic.Int32
	srv      *httptest.Server
	province string
}

func newUpstream(t *testing.T) *upstream {
	u := &upstream{}
	u.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.mu.Lock()
		defer u.mu.Unlock()
		switch r.URL.Path {
		case "/rss.xml":
			tag := fmt.Sprintf(`"v%d"`, u.etag)
			if r.Header.Get("If-None-Match") == tag {
				u.notMod.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", tag)
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>黄石市人民政府</title><link>%s/</link>%s</channel></rss>`,
				u.srv.URL, strings.Join(u.items, ""))
		case "/province.json":
			w.Header().Set("Content-Type", "application/feed+json")
			_, _ = w.Write([]byte(u.province))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(u.srv.Close)
	return u
}

// publish adds an item to the city's feed (a new version: new ETag).
func (u *upstream) publish(guid, title, date, category string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.items = append(u.items, fmt.Sprintf(`<item><title>%s</title><link>/xxgk/%s.html</link><guid isPermaLink="false">%s</guid>
		<category>%s</category><author>黄石市人民政府办公室</author><pubDate>%s</pubDate><description>&lt;p&gt;%s全文。&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>`,
		title, guid, guid, category, date, title))
	u.etag++
}

var itemLinkRE = regexp.MustCompile(`<a href="/admin/reposts/(\d+)">([^<]+)</a>`)

// itemIDs reads the queue page's items by title.
func itemIDs(t *testing.T, body string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range itemLinkRE.FindAllStringSubmatch(body, -1) {
		out[m[2]] = m[1]
	}
	return out
}

// TestRepostFlow: a local feed server publishes items; a rule and staff
// mark the required ones; one is reposted and published before its due
// date, one after it, one never; the queue shows what is overdue, the proof
// is kept, and the monthly report (page and XLSX) says on time, late and
// missing. The same item from the province's JSON Feed is a duplicate.
func TestRepostFlow(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	e.user("gkb", auth.RoleOffice, 0)
	e.user("shenhe", auth.RoleReviewer, 0)
	office, reviewer := e.login("gkb"), e.login("shenhe")
	up := newUpstream(t)
	// Monday 2025-03-10 10:00.
	up.publish("old", "关于开展安全生产大检查的通知", "Thu, 20 Feb 2025 10:00:00 +0800", "通知公告")
	up.publish("a", "关于做好安全生产工作的通知", "Fri, 07 Mar 2025 16:00:00 +0800", "通知公告")
	up.publish("b", "关于开展减税降费政策宣传的通知", "Mon, 10 Mar 2025 09:00:00 +0800", "通知公告")
	up.publish("c", "市政府召开常务会议", "Mon, 10 Mar 2025 09:30:00 +0800", "政务要闻")
	up.publish("d", "全市安全生产月活动方案", "Mon, 10 Mar 2025 09:40:00 +0800", "通知公告")
	up.province = fmt.Sprintf(`{"version":"https://jsonfeed.org/version/1.1","title":"湖北省人民政府","items":[
		{"id":"hb-9","url":"%s/xxgk/a.html?utm_source=hubei","title":"转发：关于做好安全生产工作的通知","date_published":"2025-03-07T18:00:00+08:00"}]}`,
		up.srv.URL)

	for _, f := range []url.Values{
		{"site": {itoa(e.site.ID)}, "name": {"黄石市人民政府"}, "kind": {"feed"}, "url": {up.srv.URL + "/rss.xml"}, "column": {itoa(e.colA)}, "interval": {"30"}, "enabled": {"1"}},
		{"site": {itoa(e.site.ID)}, "name": {"湖北省人民政府"}, "kind": {"feed"}, "url": {up.srv.URL + "/province.json"}, "interval": {"30"}, "enabled": {"1"}},
		{"site": {itoa(e.site.ID)}, "name": {"旧栏目"}, "kind": {"page"}, "url": {up.srv.URL + "/gone.html"}, "item_selector": {"ul li"}, "interval": {"30"}, "enabled": {"1"}},
	} {
		if res := office.post("/admin/subscriptions/new", f); res.status != http.StatusSeeOther {
			t.Fatalf("subscription %s: %d %s", f.Get("name"), res.status, res.body)
		}
	}
	// A list page without a selector is refused beside the field, keeping what was typed.
	res := office.post("/admin/subscriptions/new", url.Values{"site": {itoa(e.site.ID)}, "name": {"无选择器"}, "kind": {"page"},
		"url": {"https://x.gov.cn/list"}, "item_selector": {"ul li["}, "interval": {"30"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "选择器写法有误") || !strings.Contains(res.body, `value="无选择器"`) {
		t.Fatalf("bad selector form: %d", res.status)
	}
	if res := office.post("/admin/repost-rules/new", url.Values{"site": {itoa(e.site.ID)}, "name": {"安全生产类必须转载"},
		"keyword": {"安全生产"}, "due_workdays": {"2"}, "enabled": {"1"}}); res.status != http.StatusSeeOther {
		t.Fatalf("rule: %d %s", res.status, res.body)
	}
	linkagePass := func() {
		t.Helper()
		if err := staff.Linkage(ctx, e.app, linkage.Fetcher{}, linkage.Pusher{}); err != nil {
			t.Fatal(err)
		}
	}
	linkagePass()

	subs := office.get("/admin/subscriptions").body
	if !strings.Contains(subs, "订阅地址已不存在（HTTP 404）") {
		t.Errorf("subscription page does not show the read error in Chinese")
	}
	all, err := e.st.FeedSubscriptions(ctx, e.site.ID)
	if err != nil || len(all) != 3 {
		t.Fatalf("subscriptions: %d %v", len(all), err)
	}
	for _, sub := range all {
		if sub.Name != "旧栏目" {
			continue
		}
		if res := office.post("/admin/subscriptions/"+itoa(sub.ID)+"/poll", nil); res.status != http.StatusSeeOther {
			t.Fatalf("poll now: %d", res.status)
		}
		if page := office.get("/admin/subscriptions?done=polling").body; !strings.Contains(page, "已安排立即读取") {
			t.Error("no confirmation of 立即读取")
		}
		res := office.post("/admin/subscriptions/"+itoa(sub.ID)+"/edit", url.Values{"site": {itoa(e.site.ID)}, "name": {"旧栏目"},
			"kind": {"page"}, "url": {sub.URL}, "item_selector": {"ul li"}, "interval": {"30"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("disable: %d %s", res.status, res.body)
		}
		if got, _ := e.st.FeedSubscription(ctx, sub.ID); got.Enabled || got.LastError != "" {
			t.Errorf("after disabling: enabled %v, error %q", got.Enabled, got.LastError)
		}
	}
	queue := office.get("/admin/reposts?view=all").body
	ids := itemIDs(t, queue)
	if len(ids) != 5 || ids["转发：关于做好安全生产工作的通知"] != "" {
		t.Fatalf("queue without duplicates = %v", ids)
	}
	if dup := itemIDs(t, office.get("/admin/reposts?view=all&dup=1").body); dup["转发：关于做好安全生产工作的通知"] == "" || dup["已有信息"] != dup["关于做好安全生产工作的通知"] {
		t.Fatalf("queue with duplicates = %v", dup)
	}
	a, b, c, d := ids["关于做好安全生产工作的通知"], ids["关于开展减税降费政策宣传的通知"], ids["市政府召开常务会议"], ids["全市安全生产月活动方案"]
	// Rule: a (07 Mar, Fri) is due 2 working days later, Tue 11 Mar; d (10 Mar) on Wed 12 Mar.
	if page := office.get("/admin/reposts/" + a).body; !strings.Contains(page, "应转载日期 2025-03-11") || !strings.Contains(page, "按规则标记") {
		t.Fatalf("item a page: %s", page)
	}
	// The back catalogue of the first read is not counted as missed.
	if page := office.get("/admin/reposts/" + ids["关于开展安全生产大检查的通知"]).body; !strings.Contains(page, "待处理") || strings.Contains(page, "按规则标记") {
		t.Errorf("an item already due before the subscription was marked required")
	}
	if res := office.post("/admin/reposts/"+b+"/require", url.Values{"due_on": {"2025-03-12"}}); res.status != http.StatusSeeOther {
		t.Fatalf("require b: %d %s", res.status, res.body)
	}
	if res := office.post("/admin/reposts/"+c+"/dismiss", nil); res.status != http.StatusSeeOther {
		t.Fatalf("dismiss c: %d", res.status)
	}
	// The next pass costs the city's server a 304.
	e.clock.Advance(31 * time.Minute)
	linkagePass()
	// Sessions time out while the clock jumps: sign in again each time.
	relogin := func() { office, reviewer = e.login("gkb"), e.login("shenhe") }
	if up.notMod.Load() != 1 {
		t.Errorf("conditional GET: %d answers 304", up.notMod.Load())
	}

	repost := func(id string) int64 {
		t.Helper()
		page := office.get("/admin/reposts/" + id).body
		if !strings.Contains(page, "原文链接") || strings.Contains(page, "<script>") {
			t.Fatalf("item page %s lacks the source line or carries a script: %s", id, page)
		}
		it, _ := e.st.UpstreamItem(ctx, formInt(id))
		body := `<p>全文。</p><p>来源：黄石市人民政府办公室　原文链接：<a href="` + it.Link + `">` + it.Link + `</a>　原文发布日期：` + it.PublishedOn + `</p>`
		res := office.post("/admin/reposts/"+id+"/repost", url.Values{"column": {itoa(e.colA)}, "title": {"【转载】" + it.Title}, "body_html": {body}})
		docID := docID(t, res)
		path := "/admin/documents/" + itoa(docID) + "/"
		office.post(path+"first-approve", nil)
		if res := reviewer.post(path+"final-approve", url.Values{"secrecy": {"yes"}}); res.status != http.StatusSeeOther {
			t.Fatalf("终审 repost %s: %d %s", id, res.status, res.body)
		}
		return docID
	}
	// Tue 11 Mar: a goes online on its due date.
	e.clock.Set(time.Date(2025, 3, 11, 15, 0, 0, 0, china))
	relogin()
	docA := repost(a)
	// A repost without the original link is refused.
	if res := office.post("/admin/reposts/"+b+"/repost", url.Values{"column": {itoa(e.colA)}, "title": {"x"}, "body_html": {"<p>正文</p>"}}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "正文须保留原文链接") {
		t.Fatalf("repost without link: %d", res.status)
	}
	// Thu 13 Mar: b and d are overdue; b goes online late.
	e.clock.Set(time.Date(2025, 3, 13, 9, 0, 0, 0, china))
	relogin()
	overdue := office.get("/admin/reposts").body
	if !strings.Contains(overdue, "有 2 条必须转载的信息已超过应转载日期") || len(itemIDs(t, overdue)) != 2 {
		t.Fatalf("overdue view: %v", itemIDs(t, overdue))
	}
	repost(b)
	linkagePass()
	it, _ := e.st.UpstreamItem(ctx, formInt(a))
	if it.ProofURL != "/doc/"+itoa(docA) || it.ProofBy != "gkb姓名" || it.RepostedOn() != "2025-03-11" {
		t.Fatalf("proof of a: %q %q %q", it.ProofURL, it.ProofBy, it.RepostedOn())
	}
	// End of month: the report.
	e.clock.Set(time.Date(2025, 3, 31, 17, 0, 0, 0, china))
	relogin()
	report := office.get("/admin/reposts/report?month=2025-03").body
	if !strings.Contains(report, "应转载（应转载日期在本月）3 条，按时转载 1 条，逾期转载 1 条，逾期未转载 1 条，待转载 0 条") {
		t.Fatalf("report summary wrong: %s", report)
	}
	res = office.get("/admin/reposts/report.xlsx?month=2025-03")
	wb, err := excelize.OpenReader(bytes.NewReader([]byte(res.body)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := wb.GetRows("转载情况")
	if err != nil || len(rows) != 6 {
		t.Fatalf("xlsx rows: %d %v", len(rows), err)
	}
	want := [][3]string{{"关于做好安全生产工作的通知", "2025-03-11", "按时转载"}, {"关于开展减税降费政策宣传的通知", "2025-03-13", "逾期转载"}, {"全市安全生产月活动方案", "", "逾期未转载"}}
	for i, w := range want {
		row := append(rows[i+3], make([]string, 10)...)
		if row[1] != w[0] || row[6] != w[1] || row[9] != w[2] {
			t.Errorf("xlsx row %d = %q, want %v", i+1, row, w)
		}
	}
	_ = d
}

func formInt(s string) int64 {
	var n int64
	fmt.Sscan(s, &n)
	return n
}
