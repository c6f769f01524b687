package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// portalFixture is a site with two columns: A holds 5 published documents
// (published one day apart) plus a draft, B holds one published document.
type portalFixture struct {
	site    int64
	a, b    int64
	docsA   []int64 // oldest first
	draftA  int64
	onlyB   int64
	started time.Time
}

func newPortalFixture(t *testing.T, s *store.Store) portalFixture {
	t.Helper()
	ctx := context.Background()
	var f portalFixture
	var err error
	if f.site, err = s.CreateSite(ctx, catalog.Site{Code: "p", Name: "市经信局", USCC: "11420200MB1234567X"}); err != nil {
		t.Fatal(err)
	}
	if f.a, err = s.CreateColumn(ctx, catalog.Column{SiteID: f.site, Slug: "a", Name: "通知公告", Kind: catalog.KindNotice}); err != nil {
		t.Fatal(err)
	}
	if f.b, err = s.CreateColumn(ctx, catalog.Column{SiteID: f.site, Slug: "b", Name: "政策文件", Kind: catalog.KindPolicy}); err != nil {
		t.Fatal(err)
	}
	f.started = time.Date(2025, 3, 1, 2, 0, 0, 0, time.UTC)
	doc := func(col int64, i int, st catalog.State, issuer string) int64 {
		d := catalog.Document{SiteID: f.site, ColumnID: col, Title: fmt.Sprintf("文件%d", i), BodyHTML: "<p>很长的正文</p>",
			Issuer: issuer, Genre: catalog.GenreOther, Validity: catalog.Valid, State: st, WrittenOn: "2025-03-01",
			Channels: []catalog.ChannelRecord{{Channel: catalog.ChannelNewspaper, Date: "2025-03-02"}}}
		if st == catalog.StatePublished {
			d.PublishedAt = f.started.AddDate(0, 0, i)
			d.IndexNo = catalog.FormatIndexNo("11420200MB1234567X", 2025, i+1)
		}
		id, err := s.CreateDocument(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	for i := range 5 {
		f.docsA = append(f.docsA, doc(f.a, i, catalog.StatePublished, "办公室"))
	}
	f.draftA = doc(f.a, 9, catalog.StateDraft, "草稿科")
	f.onlyB = doc(f.b, 10, catalog.StatePublished, "产业科")
	return f
}

func TestLatestPublished(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newPortalFixture(t, s)
		got, err := s.LatestPublished(ctx, []int64{f.a, f.b, 999}, 3)
		if err != nil {
			t.Fatal(err)
		}
		a := got[f.a]
		if len(a) != 3 || a[0].ID != f.docsA[4] || a[1].ID != f.docsA[3] || a[2].ID != f.docsA[2] {
			t.Fatalf("column A latest 3 = %v, want the three newest of %v", ids(a), f.docsA)
		}
		if a[0].BodyHTML != "" || a[0].Title != "文件4" || a[0].IndexNo == "" {
			t.Errorf("head read = %+v: want title and 索引号 without the body", a[0])
		}
		if b := got[f.b]; len(b) != 1 || b[0].ID != f.onlyB {
			t.Errorf("column B = %v, want [%d]", ids(b), f.onlyB)
		}
		if len(got[999]) != 0 {
			t.Errorf("unknown column has documents: %v", got[999])
		}
	})
}

func TestDocumentListAndHead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newPortalFixture(t, s)
		pub := []catalog.State{catalog.StatePublished}
		docs, total, err := s.DocumentList(ctx, store.DocumentFilter{SiteID: f.site, ColumnIDs: []int64{f.a}, States: pub, Limit: 2, Offset: 2})
		if err != nil {
			t.Fatal(err)
		}
		if total != 5 || len(docs) != 2 || docs[0].ID != f.docsA[2] || docs[1].ID != f.docsA[1] {
			t.Fatalf("page 2 of 2 = %v (total %d), want [%d %d] of 5", ids(docs), total, f.docsA[2], f.docsA[1])
		}
		docs, total, err = s.DocumentList(ctx, store.DocumentFilter{SiteID: f.site, States: pub, Offset: 40})
		if err != nil || total != 6 || len(docs) != 0 {
			t.Fatalf("past the end: %v %d %v", ids(docs), total, err)
		}
		h, err := s.DocumentHead(ctx, f.onlyB)
		if err != nil || h.Title != "文件10" || h.BodyHTML != "" || h.PublishedAt.IsZero() {
			t.Fatalf("DocumentHead = %+v, %v", h, err)
		}
		if _, err := s.DocumentHead(ctx, 12345); err != store.ErrNotFound {
			t.Fatalf("missing head: %v, want ErrNotFound", err)
		}
	})
}

func TestPortalRegisters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newPortalFixture(t, s)
		issuers, err := s.Issuers(ctx, f.site)
		if err != nil || len(issuers) != 2 || !slices.Contains(issuers, "办公室") || !slices.Contains(issuers, "产业科") {
			t.Fatalf("Issuers = %v, %v: want the two issuers of published documents, not the draft's", issuers, err)
		}
		chs, err := s.ChannelsUsed(ctx, f.site)
		if err != nil || len(chs) != 1 || chs[0] != catalog.ChannelNewspaper {
			t.Fatalf("ChannelsUsed = %v, %v", chs, err)
		}
		refs, err := s.PublishedRefs(ctx, f.site, 4)
		if err != nil || len(refs) != 4 || refs[0].ID != f.onlyB || refs[0].PublishedAt.IsZero() || refs[0].UpdatedAt.IsZero() {
			t.Fatalf("PublishedRefs = %+v, %v", refs, err)
		}
		for _, r := range refs {
			if r.ID == f.draftA {
				t.Fatalf("draft %d in the sitemap refs", f.draftA)
			}
		}
	})
}

func ids(docs []catalog.Document) []int64 {
	out := make([]int64, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out
}
