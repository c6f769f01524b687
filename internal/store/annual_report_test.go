package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestAnnualReportWorkflow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: f.site.ID, Year: 2024, UnitKind: "department",
			UnitName: "市经信局", Sections: [6]string{"总体情况"}, CreatedBy: f.author})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: f.site.ID, Year: 2024, UnitKind: "department"}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("second report of a year: %v", err)
		}
		r, err := s.AnnualReportFor(ctx, f.site.ID, 2024)
		if err != nil || r.ID != id || r.State != store.ReportDraft || r.Source != store.ReportBuilt || r.Version != 1 ||
			r.Sections[0] != "总体情况" || r.CreatedBy != f.author || r.Cells != "" {
			t.Fatalf("read: %+v %v", r, err)
		}
		// Optimistic lock: a save with a stale version is refused.
		r.Sections[4], r.UpdatedBy = "存在的问题", f.author
		v, err := s.SaveAnnualReportDraft(ctx, r)
		if err != nil || v != 2 {
			t.Fatalf("save: %d %v", v, err)
		}
		if _, err := s.SaveAnnualReportDraft(ctx, r); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale save: %v", err)
		}
		missing := r
		missing.ID = 999
		if _, err := s.SaveAnnualReportDraft(ctx, missing); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing: %v", err)
		}
		at := time.Date(2025, 1, 10, 2, 0, 0, 0, time.UTC)
		v, err = s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportDraft, To: store.ReportReviewed, Version: v, By: f.reviewer, At: at})
		if err != nil {
			t.Fatal(err)
		}
		r.Version = v
		if _, err := s.SaveAnnualReportDraft(ctx, r); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("a reviewed report was edited: %v", err)
		}
		if _, err := s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportReviewed, To: store.ReportApproved, Version: v, By: f.reviewer}); err == nil {
			t.Fatal("approved without frozen tables")
		}
		if _, err := s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportReviewed, To: store.ReportPublished, Version: v, By: f.reviewer, DocumentID: 1}); !errors.Is(err, store.ErrConflict) {
			t.Fatal("skipped approval")
		}
		v, err = s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportReviewed, To: store.ReportApproved, Version: v, By: f.reviewer, Cells: `{"format":2021}`})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.AnnualReport(ctx, id)
		if got.State != store.ReportApproved || got.ReviewedBy != f.reviewer || !got.ReviewedAt.Equal(at) || got.ApprovedAt.IsZero() || got.Cells != `{"format":2021}` {
			t.Fatalf("approved: %+v", got)
		}
		// Sent back: review, approval and frozen tables are cleared.
		v, err = s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportApproved, To: store.ReportDraft, Version: v, By: f.reviewer})
		if err != nil {
			t.Fatal(err)
		}
		got, _ = s.AnnualReport(ctx, id)
		if got.State != store.ReportDraft || got.ReviewedBy != 0 || !got.ApprovedAt.IsZero() || got.Cells != "" || got.Version != v {
			t.Fatalf("sent back: %+v", got)
		}
		v, _ = s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportDraft, To: store.ReportReviewed, Version: v, By: f.reviewer})
		v, _ = s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportReviewed, To: store.ReportApproved, Version: v, By: f.reviewer, Cells: "{}"})
		doc, err := s.CreateDocument(ctx, f.draft("2024年政府信息公开工作年度报告"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportApproved, To: store.ReportPublished, Version: v - 1, By: f.reviewer, DocumentID: doc}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale move: %v", err)
		}
		if _, err := s.MoveAnnualReport(ctx, store.ReportMove{ID: id, From: store.ReportApproved, To: store.ReportPublished, Version: v, By: f.reviewer, DocumentID: doc}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.AnnualReport(ctx, id)
		if got.State != store.ReportPublished || got.DocumentID != doc || got.PublishedBy != f.reviewer || got.PublishedAt.IsZero() {
			t.Fatalf("published: %+v", got)
		}
		if err := s.DeleteAnnualReport(ctx, id); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("deleted a published report: %v", err)
		}
	})
}

func TestAnnualReportImportAndList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		imp, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: f.site.ID, Year: 2023, UnitKind: "department",
			State: store.ReportPublished, Source: store.ReportImported, Cells: `{"format":2021,"cells":[]}`})
		if err != nil {
			t.Fatal(err)
		}
		draft, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: f.site.ID, Year: 2024, UnitKind: "department"})
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.AnnualReports(ctx, store.AnnualReportFilter{SiteID: f.site.ID})
		if err != nil || len(all) != 2 || all[0].ID != draft || all[1].ID != imp || all[1].PublishedAt.IsZero() {
			t.Fatalf("list: %+v %v", all, err)
		}
		pub, _ := s.AnnualReports(ctx, store.AnnualReportFilter{State: store.ReportPublished})
		if len(pub) != 1 || pub[0].Source != store.ReportImported {
			t.Fatalf("published: %+v", pub)
		}
		if _, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: f.site.ID, Year: 2022, UnitKind: "ministry"}); err == nil {
			t.Fatal("unknown unit kind accepted")
		}
		if err := s.DeleteAnnualReport(ctx, draft); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AnnualReportFor(ctx, f.site.ID, 2024); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("deleted draft: %v", err)
		}
	})
}
