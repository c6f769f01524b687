package store_test

import (
	"context"
	"errors"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestServiceItemImport imports by code: new codes are created, known ones
// updated, the same rows again change nothing, and a failing row leaves
// nothing half-imported.
func TestServiceItemImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		items := []store.ServiceItem{
			{Code: "JX-001", Name: "技术改造项目备案", Agency: "市经信局", Materials: "备案申请表\n营业执照", Published: true},
			{Code: "JX-002", Name: "专精特新中小企业认定", Agency: "市经信局", Basis: "《中小企业促进法》", Published: true},
		}
		res, err := s.ImportServiceItems(ctx, f.site.ID, items)
		if err != nil || res.Created != 2 {
			t.Fatalf("first import %+v, %v", res, err)
		}
		if res, err = s.ImportServiceItems(ctx, f.site.ID, items); err != nil || res.Unchanged != 2 || res.Created+res.Updated != 0 {
			t.Fatalf("same rows again %+v, %v", res, err)
		}
		items[1].Fee = "不收费"
		bad := append(items, store.ServiceItem{Code: "JX-003", Name: "新事项"}, store.ServiceItem{Code: "JX-003", Name: "重复"})
		if _, err := s.ImportServiceItems(ctx, f.site.ID, bad); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("a duplicate code in the file: %v, want ErrConflict", err)
		}
		all, total, err := s.ServiceItems(ctx, store.ServiceItemFilter{SiteID: f.site.ID})
		if err != nil || total != 2 || all[1].Fee != "" {
			t.Fatalf("after the failed import: %d items %+v, %v (nothing may change)", total, all, err)
		}
		if res, err = s.ImportServiceItems(ctx, f.site.ID, items); err != nil || res.Updated != 1 || res.Unchanged != 1 {
			t.Fatalf("changed row %+v, %v", res, err)
		}
		found, n, err := s.ServiceItems(ctx, store.ServiceItemFilter{SiteID: f.site.ID, PublishedOnly: true, Query: "营业执照 备案"})
		if err != nil || n != 1 || found[0].Code != "JX-001" {
			t.Fatalf("search: %d %+v, %v", n, found, err)
		}
		it, err := s.ServiceItemByCode(ctx, f.site.ID, "JX-001")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateServiceForm(ctx, store.ServiceForm{ItemID: it.ID, Name: "备案申请表.docx", StoredAs: "2025/03/x.docx",
			MIME: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Size: 10, SHA256: "00"}); err != nil {
			t.Fatal(err)
		}
		if it, err = s.ServiceItem(ctx, it.ID); err != nil || len(it.Forms) != 1 || len(it.MaterialList()) != 2 {
			t.Fatalf("item %+v, %v", it, err)
		}
		if m := it.Missing(); len(m) != 7 || m[0] != "设定依据" {
			t.Fatalf("missing elements %v", m)
		}
	})
}
