package demo_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// The register is filled up to the month before now and only for the
// demo's own 科室, with no 行政事业性收费 (a 经信局 collects none).
func TestCreateDecisions(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	ctx := context.Background()
	cut := time.Date(2024, 6, 30, 16, 0, 0, 0, time.UTC)
	sum, err := demo.Create(ctx, s, cut)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Decisions == 0 {
		t.Fatal("no register cells")
	}
	orgs := map[int64]bool{}
	for _, id := range sum.OrgIDs {
		orgs[id] = true
	}
	months := map[int]map[int]bool{2023: {}, 2024: {}}
	total := 0
	for _, y := range []int{2023, 2024} {
		ds, err := s.AdminDecisions(ctx, store.AdminDecisionFilter{SiteID: sum.SiteID, Year: y})
		if err != nil {
			t.Fatal(err)
		}
		total += len(ds)
		for _, d := range ds {
			if !orgs[d.OrgID] || d.Kind == store.DecisionFee || d.Value <= 0 {
				t.Errorf("unexpected cell %+v", d)
			}
			months[y][d.Month] = true
		}
	}
	if total != sum.Decisions {
		t.Errorf("stored %d cells, summary says %d", total, sum.Decisions)
	}
	if len(months[2023]) != 12 {
		t.Errorf("2023 months %v, want all 12", months[2023])
	}
	for m := range months[2024] {
		if m >= 6 {
			t.Errorf("2024 month %d is not before now (June)", m)
		}
	}
}
