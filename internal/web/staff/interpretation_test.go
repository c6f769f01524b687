package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestInterpretationLinks: a normative document without 解读 is listed
// (late after the grace period); bad links are refused with messages and
// what was typed; a link shows on both public pages (双向关联).
func TestInterpretationLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		e.user("rev", auth.RoleReviewer, 0)
		office, reviewer := e.login("gkb"), e.login("rev")
		policy := publishForm(t, office, reviewer, documentForm(e.colA, "关于印发《示例市技改资金管理办法》的通知"))
		other := documentForm(e.colA, "《示例市技改资金管理办法》政策解读")
		other.Set("genre", "other")
		other.Set("doc_no", "")
		reading := publishForm(t, office, reviewer, other)

		list := office.get("/admin/interpretations")
		if !strings.Contains(list.body, "关于印发《示例市技改资金管理办法》的通知") || !strings.Contains(list.body, "期限内") {
			t.Fatalf("uninterpreted list:\n%s", list.body)
		}
		e.clock.Advance(10 * 24 * time.Hour) // ten days: past the 3 working days
		office = e.login("gkb")
		if list := office.get("/admin/interpretations"); !strings.Contains(list.body, "个工作日未解读") {
			t.Fatalf("late policy not flagged:\n%s", list.body)
		}
		bad := url.Values{"policy": {"不存在的文件"}, "form": {"video"}, "url": {"javascript:alert(1)"}, "title": {"<b>视频</b>"}, "published_on": {"2025-13-01"}}
		res := office.post("/admin/interpretations", bad)
		for _, want := range []string{"请填写本站已发布政策文件的编号或索引号", "链接须以 https://", "日期格式应为", `value="不存在的文件"`,
			`value="javascript:alert(1)"`, "&lt;b&gt;视频&lt;/b&gt;"} {
			if !strings.Contains(res.body, want) {
				t.Errorf("bad link form lacks %q", want)
			}
		}
		if res.status != http.StatusBadRequest {
			t.Fatalf("bad link: %d", res.status)
		}
		good := url.Values{"policy": {itoa(policy)}, "form": {"text"}, "document": {itoa(reading)}, "published_on": {"2025-03-10"}}
		if res := office.post("/admin/interpretations", good); res.status != http.StatusSeeOther {
			t.Fatalf("link: %d %s", res.status, res.body)
		}
		if res := office.post("/admin/interpretations", good); res.status != http.StatusConflict || !strings.Contains(res.body, "已与此政策文件关联") {
			t.Fatalf("same link twice: %d", res.status)
		}
		pub := e.client()
		if p := pub.get("/doc/" + itoa(policy)); !strings.Contains(p.body, "政策解读与原文") || !strings.Contains(p.body, "/doc/"+itoa(reading)) {
			t.Fatalf("policy page lacks its 解读:\n%s", p.body)
		}
		if p := pub.get("/doc/" + itoa(reading)); !strings.Contains(p.body, "【政策原文】") || !strings.Contains(p.body, "/doc/"+itoa(policy)) {
			t.Fatalf("解读 page lacks its policy:\n%s", p.body)
		}
		if list := office.get("/admin/interpretations"); strings.Contains(list.body, "个工作日未解读") {
			t.Fatal("an interpreted policy is still flagged")
		}
	})
}

// TestConcernForm: bad input is refused beside the fields and kept.
func TestConcernForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		c := e.login("gkb")
		bad := url.Values{"kind": {"hot"}, "topic": {"<script>x()</script>"}, "channel": {"朋友圈"}, "responded_on": {""}, "url": {"data:text/html,x"}}
		res := c.post("/admin/concerns", bad)
		for _, want := range []string{"请选择回应渠道", "请填写日期", "链接须以", "&lt;script&gt;x()&lt;/script&gt;"} {
			if !strings.Contains(res.body, want) {
				t.Errorf("bad concern lacks %q", want)
			}
		}
		if res.status != http.StatusBadRequest || strings.Contains(res.body, "<script>x()") {
			t.Fatalf("bad concern: %d", res.status)
		}
		good := url.Values{"kind": {"opinion"}, "topic": {"网传园区企业限产"}, "channel": {"新闻发布会"}, "responded_on": {"2025-03-05"}}
		if res := c.post("/admin/concerns", good); res.status != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.status, res.body)
		}
		if list := c.get("/admin/concerns?year=2025"); !strings.Contains(list.body, "网传园区企业限产") || !strings.Contains(list.body, "（1次）") {
			t.Fatalf("list:\n%s", list.body)
		}
		if s := c.get("/admin/interaction/stats?year=2025"); !strings.Contains(s.body, "回应公众关注热点或重大舆情1次") {
			t.Fatalf("stats:\n%s", s.body)
		}
	})
}
