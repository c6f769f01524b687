package staff_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestMonitorSettingsForm edits the thresholds, a column's own window and
// the word list: bad input is refused beside its field and kept; good
// input is stored and audited.
func TestMonitorSettingsForm(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	e := newEnv(t, st)
	e.user("gkb", auth.RoleOffice, e.orgA)
	c := e.login("gkb")
	ctx := context.Background()
	form := url.Values{}
	for _, f := range monitor.DefaultSettings().Fields() {
		if f.Kind != "bool" || f.Value == "true" {
			form.Set(f.Name, f.Value)
		}
	}
	form.Set("news_days", "abc")
	form.Set("unreachable_pct", "250")
	form.Set("watched", "示例县经信局 ftp://x")
	res := c.post("/admin/monitor/settings", form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "请填写整数") ||
		!strings.Contains(res.body, "请填写 0.1 到 100 之间的数") || !strings.Contains(res.body, "不是有效的网址") || !strings.Contains(res.body, `value="abc"`) {
		t.Fatalf("invalid settings: %d", res.status)
	}
	form.Set("news_days", "10")
	form.Set("unreachable_pct", "5")
	form.Set("watched", "示例县经信局 https://jxj.example.gov.cn/")
	if res := c.post("/admin/monitor/settings", form); res.status != http.StatusSeeOther {
		t.Fatalf("valid settings: %d %s", res.status, res.body)
	}
	s, err := monitor.LoadSettings(ctx, st)
	if err != nil || s.NewsDays != 10 || len(s.WatchedSites()) != 1 || s.NoticeDays != 183 || !s.CheckExternal {
		t.Fatalf("saved settings %+v %v", s, err)
	}
	// A column of its own: 30 days, and a bad value refused beside its field.
	bad := url.Values{fmt.Sprintf("window-%d", e.colA): {"-3"}}
	if res := c.post("/admin/monitor/columns", bad); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "请填写0到3650之间的整数") {
		t.Fatalf("bad window: %d", res.status)
	}
	good := url.Values{fmt.Sprintf("window-%d", e.colA): {"30"}, fmt.Sprintf("exempt-%d", e.colB): {"yes"}}
	if res := c.post("/admin/monitor/columns", good); res.status != http.StatusSeeOther {
		t.Fatalf("column rules: %d", res.status)
	}
	rules, _ := st.ColumnRules(ctx, e.site.ID)
	if *rules[e.colA].WindowDays != 30 || !rules[e.colB].ExemptBlank {
		t.Fatalf("rules %+v", rules)
	}
	// The word list refuses a line it cannot read and keeps the text.
	if res := c.post("/admin/monitor/words", url.Values{"words": {"先行有效→现行有效\n错误的一行"}}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "第2行") || !strings.Contains(res.body, "错误的一行") {
		t.Fatalf("bad word list: %d", res.status)
	}
	if res := c.post("/admin/monitor/words", url.Values{"words": {"先行有效→现行有效\n!博彩"}}); res.status != http.StatusSeeOther {
		t.Fatalf("word list: %d", res.status)
	}
	if text, _ := monitor.LoadWords(ctx, st); text != "先行有效→现行有效\n!博彩" {
		t.Fatalf("stored words %q", text)
	}
	if len(e.audits("monitor.settings")) != 1 || len(e.audits("monitor.columns")) != 1 || len(e.audits("monitor.words")) != 1 {
		t.Fatal("settings changes not audited")
	}
}
