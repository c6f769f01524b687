package assistant_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gongkai/internal/assistant"
	"gongkai/internal/demo"
	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestAskAboutAService: "怎么办理…" is answered with the 办事服务 item and a
// link to its guide (where the forms are); questions that name no item, or
// no service at all, are answered as before.
func TestAskAboutAService(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		sum, err := demo.Create(ctx, st, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := demo.CreateServices(ctx, st, t.TempDir(), sum, now); err != nil {
			t.Fatal(err)
		}
		if _, err := search.Reindex(ctx, st, nil); err != nil {
			t.Fatal(err)
		}
		a := assistant.New(st, search.New(st, time.Now), nil, time.Now)
		site := assistant.Site{ID: sum.SiteID, Name: demo.Agency.Name, Base: "/s/jxj", Routed: func(string) bool { return true }}
		ans, err := a.Ask(ctx, site, "技术改造项目备案怎么办理？")
		if err != nil {
			t.Fatal(err)
		}
		if ans.Kind != assistant.KindService || !strings.Contains(ans.Text, "工业企业技术改造项目备案") || len(ans.Steps) != 3 ||
			len(ans.Links) == 0 || ans.Links[0].URL != "/s/jxj/service/JX-BA-001" || !strings.Contains(ans.Text, "3个工作日") {
			t.Fatalf("service answer %+v", ans)
		}
		if ans, err = a.Ask(ctx, site, "申请专精特新认定需要什么材料"); err != nil || ans.Kind != assistant.KindService ||
			!strings.Contains(ans.Text, "上年度财务审计报告") {
			t.Fatalf("materials question %+v, %v", ans, err)
		}
		for _, q := range []string{"护照怎么办理", "怎么申请政府信息公开"} {
			if ans, err = a.Ask(ctx, site, q); err != nil || ans.Kind == assistant.KindService {
				t.Errorf("%s: %+v, %v", q, ans, err)
			}
		}
	})
}
