package monitor_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func vetoItem(t *testing.T, sc monitor.Score, no int) monitor.VetoItem {
	t.Helper()
	for _, v := range sc.Vetoes {
		if v.No == no {
			return v
		}
	}
	t.Fatalf("no veto item %d in %+v", no, sc.Vetoes)
	return monitor.VetoItem{}
}

func serviceDeduction(sc monitor.Score) monitor.Deduction {
	for _, d := range sc.Deductions {
		if strings.HasPrefix(d.Name, "服务实用") {
			return d
		}
	}
	return monitor.Deduction{}
}

// TestServiceVetoRule: item 6 服务不实用 (website-rules §1.3) is hit when 5 or
// more published guides miss 4 or more of the ten key elements; below that
// each guide with a gap costs points, capped; no guide at all is for people
// to confirm; without a tally the item is not monitored.
func TestServiceVetoRule(t *testing.T) {
	s := monitor.DefaultSettings()
	cases := []struct {
		name     string
		tally    *monitor.ServiceTally
		status   string
		vetoed   bool
		points   float64
		inDetail string
	}{
		{"not monitored", nil, monitor.VetoNotWatch, false, 100, "未纳入监测"},
		{"no services", &monitor.ServiceTally{}, monitor.VetoReview, false, 100, "未发布办事服务事项"},
		{"complete", &monitor.ServiceTally{Items: 12}, monitor.VetoPass, false, 100, "已发布办事指南12个"},
		{"below the line", &monitor.ServiceTally{Items: 12, Gaps: 6, Incomplete: 4}, monitor.VetoPass, false, 97, "缺失4类及以上要素的4个"},
		{"on the line", &monitor.ServiceTally{Items: 12, Gaps: 5, Incomplete: 5}, monitor.VetoHit, true, 97.5, "达到否决线（5个）"},
		{"deduction capped", &monitor.ServiceTally{Items: 80, Gaps: 60, Incomplete: 0}, monitor.VetoPass, false, 90, "要素不全的60个"},
	}
	for _, c := range cases {
		sc := monitor.ComputeScore(monitor.ScoreInput{Services: c.tally}, s)
		v := vetoItem(t, sc, 6)
		if v.Status != c.status || sc.Vetoed != c.vetoed || sc.Points != c.points || !strings.Contains(v.Detail, c.inDetail) {
			t.Errorf("%s: item 6 %+v, vetoed %v, points %v; want %s, %v, %v, detail with %q", c.name, v, sc.Vetoed, sc.Points,
				c.status, c.vetoed, c.points, c.inDetail)
		}
		if c.vetoed && sc.Verdict() != "不合格（触发单项否决）" {
			t.Errorf("%s: verdict %s", c.name, sc.Verdict())
		}
	}
	s.ServiceVeto, s.ServiceMissing = 3, 6 // the office's own thresholds are applied
	if sc := monitor.ComputeScore(monitor.ScoreInput{Services: &monitor.ServiceTally{Items: 5, Gaps: 3, Incomplete: 3}}, s); !sc.Vetoed ||
		!strings.Contains(vetoItem(t, sc, 6).Detail, "缺失6类及以上") {
		t.Errorf("configured thresholds not applied: %+v", sc.Vetoes)
	}
}

// TestServiceGuidesScored: the service items in the store drive both the
// check's findings (one per published guide with gaps, naming the missing
// elements, plus the veto) and the site's score; completing a guide lifts
// the veto on the next run.
func TestServiceGuidesScored(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		site, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: testUSCC})
		if err != nil {
			t.Fatal(err)
		}
		full := func(code string) store.ServiceItem {
			return store.ServiceItem{SiteID: site, Code: code, Name: "事项" + code, Basis: "《中小企业促进法》", Conditions: "依法登记的企业",
				Materials: "申请表", Place: "市民之家3楼", Agency: "市经信局", Fee: "不收费", Hours: "工作日", Phone: "0714-6541234",
				Steps: "申请\n受理\n办结", Published: true}
		}
		var ids []int64
		for _, code := range []string{"A1", "A2", "A3", "A4", "A5"} {
			it := full(code)
			it.Basis, it.Conditions, it.Fee, it.Hours = "", "", "", "" // 4 of 10 missing
			id, err := st.SaveServiceItem(ctx, it)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		gap := full("B1")
		gap.Phone = ""
		draft := full("C1")
		draft.Basis, draft.Conditions, draft.Fee, draft.Hours, draft.Published = "", "", "", "", false
		for _, it := range []store.ServiceItem{full("OK"), gap, draft} {
			if _, err := st.SaveServiceItem(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		env := &monitor.Env{Store: st, Now: func() time.Time { return testNow }, Settings: monitor.DefaultSettings(), Log: slog.New(slog.DiscardHandler)}
		sc, err := monitor.SiteScore(ctx, env, site, nil)
		if err != nil {
			t.Fatal(err)
		}
		if v := vetoItem(t, sc, 6); v.Status != monitor.VetoHit || !sc.Vetoed || !strings.Contains(v.Detail, "已发布办事指南7个") {
			t.Fatalf("5 guides missing 4 elements: item 6 %+v", v)
		}
		if d := serviceDeduction(sc); d.Count != 6 || d.Points != 3 {
			t.Errorf("deduction %+v, want 6 guides with gaps, 3 points", d)
		}

		r := monitor.NewRunner(monitor.Env{Store: st, Now: func() time.Time { return testNow }, Log: slog.New(slog.DiscardHandler)})
		if _, err := r.Run(ctx, "service", false); err != nil {
			t.Fatal(err)
		}
		open, err := st.AllOpenFindings(ctx, "service")
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]int{}
		var msgs string
		for _, f := range open {
			kinds[f.Kind]++
			msgs += f.Message + "\n"
		}
		if len(open) != 7 || kinds["service_guide_incomplete"] != 5 || kinds["service_guide_gap"] != 1 || kinds["veto_service"] != 1 {
			t.Fatalf("findings %v:\n%s", kinds, msgs)
		}
		if !strings.Contains(msgs, "办事指南“事项A1”（A1）缺少4类要素：设定依据、申请条件、收费标准、办理时间") ||
			!strings.Contains(msgs, "“事项B1”（B1）缺少1类要素：联系电话") || strings.Contains(msgs, "C1") {
			t.Errorf("finding messages:\n%s", msgs)
		}

		// The 承办科室 completes one guide: below the line on the next run.
		it, err := st.ServiceItem(ctx, ids[0])
		if err != nil {
			t.Fatal(err)
		}
		fixed := full("A1")
		fixed.ID = it.ID
		if _, err := st.SaveServiceItem(ctx, fixed); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Run(ctx, "service", false); err != nil {
			t.Fatal(err)
		}
		if open, _ = st.AllOpenFindings(ctx, "service"); len(open) != 5 {
			t.Fatalf("after completing a guide: %d findings %+v", len(open), open)
		}
		if sc, err = monitor.SiteScore(ctx, env, site, open); err != nil {
			t.Fatal(err)
		}
		if v := vetoItem(t, sc, 6); v.Status != monitor.VetoPass || sc.Vetoed || sc.Points != 97.5 {
			t.Fatalf("after completing a guide: item 6 %+v, vetoed %v, points %v", v, sc.Vetoed, sc.Points)
		}
	})
}
