package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestSearchAndAssistantAdmin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		e.user("office", auth.RoleOffice, 0)
		e.user("officer", auth.RoleOfficer, e.orgA)
		if err := st.RecordQueries(ctx, []store.QueryCount{{SiteID: e.site.ID, Query: "网信办通知", Searches: 3, ZeroHits: 3, LastAt: time.Now()},
			{SiteID: e.site.ID, Query: "技术改造", Searches: 9, LastHits: 12, LastAt: time.Now()}}); err != nil {
			t.Fatal(err)
		}
		if err := st.LogAssistantTurn(ctx, store.AssistantTurn{SiteID: e.site.ID, At: time.Now(), Question: "护照怎么办理", Kind: "refusal"}); err != nil {
			t.Fatal(err)
		}
		if res := e.login("officer").get("/admin/search"); res.status != http.StatusForbidden {
			t.Errorf("officer reaches search admin: %d", res.status)
		}
		c := e.login("office")
		res := c.get("/admin/search")
		if res.status != 200 || !strings.Contains(res.body, "网信办通知") || !strings.Contains(res.body, "技术改造") || !strings.Contains(res.body, "经济和信息化局") {
			t.Fatalf("search admin: %d %s", res.status, res.body)
		}
		res = c.post("/admin/search/synonyms", url.Values{"words": {"网信办"}})
		if res.status != 400 || !strings.Contains(res.body, "请至少填写两个意思相同的词") || !strings.Contains(res.body, `value="网信办"`) {
			t.Fatalf("one-word set: %d", res.status)
		}
		res = c.post("/admin/search/synonyms", url.Values{"words": {"网信办、网络安全和信息化委员会办公室"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save set: %d %s", res.status, res.body)
		}
		sets, _ := st.SynonymSets(ctx)
		if last := sets[len(sets)-1]; !slices.Equal(last.Words, []string{"网信办", "网络安全和信息化委员会办公室"}) {
			t.Fatalf("saved %v", last.Words)
		}
		res = c.post("/admin/faqs/new", url.Values{"question": {""}, "answer": {"x"}, "link": {"https://elsewhere.example"}})
		if res.status != 400 || !strings.Contains(res.body, "请填写问题") || !strings.Contains(res.body, "请填写本站内的路径") {
			t.Fatalf("bad faq: %d", res.status)
		}
		res = c.post("/admin/faqs/new", url.Values{"question": {"网信办的电话是多少"}, "answer": {"请拨打政务服务热线。"}, "link": {"/guide"}, "enabled": {"1"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("faq: %d %s", res.status, res.body)
		}
		if res = c.get("/admin/faqs"); !strings.Contains(res.body, "网信办的电话是多少") || !strings.Contains(res.body, "收费") {
			t.Errorf("faq list lacks entries")
		}
		if res = c.get("/admin/assistant?refused=1"); res.status != 200 || !strings.Contains(res.body, "护照怎么办理") || !strings.Contains(res.body, "未找到依据") {
			t.Errorf("assistant log: %d", res.status)
		}
		audit, _, err := st.Audit(ctx, store.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(audit, func(a auth.AuditEntry) bool { return a.Action == "faq.save" }) ||
			!slices.ContainsFunc(audit, func(a auth.AuditEntry) bool { return a.Action == "search.synonyms" }) {
			t.Error("changes not audited")
		}
	})
}
