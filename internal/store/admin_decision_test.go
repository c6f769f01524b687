package store_test

import (
	"context"
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestAdminDecisionRegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		org2, err := s.CreateOrg(ctx, catalog.Org{SiteID: f.site.ID, Name: "行政审批科"})
		if err != nil {
			t.Fatal(err)
		}
		cell := func(org int64, month int, k store.DecisionKind, v int64) store.AdminDecision {
			return store.AdminDecision{SiteID: f.site.ID, OrgID: org, Year: 2024, Month: month, Kind: k, Value: v, UpdatedBy: f.author}
		}
		for _, d := range []store.AdminDecision{
			cell(f.org, 1, store.DecisionLicense, 3), cell(org2, 1, store.DecisionLicense, 4),
			cell(org2, 12, store.DecisionPenalty, 2), cell(f.org, 6, store.DecisionFee, 123456), // 1234.56 元
			cell(org2, 7, store.DecisionFee, 1), // 0.01 元: sums stay exact
		} {
			if err := s.SetAdminDecision(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		// Overwrite, not add.
		if err := s.SetAdminDecision(ctx, cell(f.org, 1, store.DecisionLicense, 5)); err != nil {
			t.Fatal(err)
		}
		// Another year does not count.
		other := cell(f.org, 1, store.DecisionLicense, 100)
		other.Year = 2023
		if err := s.SetAdminDecision(ctx, other); err != nil {
			t.Fatal(err)
		}
		tot, err := s.AdminDecisionTotals(ctx, f.site.ID, 2024)
		if err != nil {
			t.Fatal(err)
		}
		want := map[store.DecisionKind]int64{store.DecisionLicense: 9, store.DecisionPenalty: 2, store.DecisionCoercion: 0, store.DecisionFee: 123457}
		for k, v := range want {
			if tot[k] != v {
				t.Errorf("%s: %d, want %d", k, tot[k], v)
			}
		}
		list, err := s.AdminDecisions(ctx, store.AdminDecisionFilter{SiteID: f.site.ID, Year: 2024, OrgID: org2})
		if err != nil || len(list) != 3 || list[0].Month != 1 || list[0].UpdatedBy != f.author || list[0].UpdatedAt.IsZero() {
			t.Fatalf("org2 cells: %+v %v", list, err)
		}
		for _, bad := range []store.AdminDecision{cell(f.org, 13, store.DecisionLicense, 1), cell(f.org, 1, "permit", 1),
			cell(f.org, 1, store.DecisionPenalty, -1), cell(0, 1, store.DecisionPenalty, 1)} {
			if err := s.SetAdminDecision(ctx, bad); err == nil {
				t.Errorf("accepted %+v", bad)
			}
		}
	})
}

func TestImportAdminDecisionsIsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		otherSite, err := s.CreateSite(ctx, catalog.Site{Code: "sub", Name: "区经信局", USCC: "11420200MB7654321X"})
		if err != nil {
			t.Fatal(err)
		}
		foreignOrg, err := s.CreateOrg(ctx, catalog.Org{SiteID: otherSite, Name: "办公室"})
		if err != nil {
			t.Fatal(err)
		}
		good := store.AdminDecision{SiteID: f.site.ID, OrgID: f.org, Year: 2024, Month: 2, Kind: store.DecisionPenalty, Value: 7}
		badMonth := good
		badMonth.Month = 0
		err = s.ImportAdminDecisions(ctx, f.site.ID, f.author, []store.AdminDecision{good, badMonth})
		if err == nil || !strings.Contains(err.Error(), "第2条") {
			t.Fatalf("bad row: %v", err)
		}
		foreign := good
		foreign.OrgID = foreignOrg
		if err := s.ImportAdminDecisions(ctx, f.site.ID, f.author, []store.AdminDecision{good, foreign}); err == nil {
			t.Fatal("an Org of another site was imported")
		}
		if list, _ := s.AdminDecisions(ctx, store.AdminDecisionFilter{SiteID: f.site.ID, Year: 2024}); len(list) != 0 {
			t.Fatalf("half imported: %+v", list)
		}
		if err := s.ImportAdminDecisions(ctx, f.site.ID, f.author, []store.AdminDecision{good}); err != nil {
			t.Fatal(err)
		}
		list, _ := s.AdminDecisions(ctx, store.AdminDecisionFilter{SiteID: f.site.ID, Year: 2024})
		if len(list) != 1 || list[0].Value != 7 || list[0].UpdatedBy != f.author {
			t.Fatalf("imported: %+v", list)
		}
	})
}
