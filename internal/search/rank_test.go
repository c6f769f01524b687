package search_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/search/searchtest"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// Queries of common words match more documents than are scored one by one
// (store.SearchCountCap); their first pages come from the title tier. They
// must be the pages that scoring every match gives (store.SearchExhaustive),
// document for document, with filters and with repealed documents about.
func TestBoundedRankingAgreesWithExhaustive(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		v, err := searchtest.LoadVocab("dict/zh_s.txt.gz", 11)
		if err != nil {
			t.Fatal(err)
		}
		const n = 2400
		end := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
		var docs []catalog.Document
		for i := range n {
			g := v.Generate(i, n, end)
			d := f.doc(g.Title, g.Body)
			d.ColumnID = []int64{f.notices, f.policy}[g.Column%2]
			d.PublishedAt, d.DocNo, d.Validity = g.Published, g.DocNo, catalog.Validities[g.Validity]
			if i%7 == 0 {
				d.Validity = catalog.Repealed
			}
			docs = append(docs, d)
		}
		ids, err := st.ImportDocuments(ctx, published(docs))
		if err != nil {
			t.Fatal(err)
		}
		type q struct {
			text   string
			column int64
			year   int
		}
		var qs []q
		for i, a := range searchtest.Common {
			qs = append(qs, q{text: a})
			for _, b := range searchtest.Common[i+1:] {
				qs = append(qs, q{text: a + " " + b})
			}
			qs = append(qs, q{text: a, column: f.policy}, q{text: a + " 通知", year: 2025})
		}
		capped, yearFound := 0, 0
		for _, q := range qs {
			for page := 1; page <= 2; page++ {
				req := search.Request{Query: q.text, SiteID: f.site.ID, Year: q.year, Order: store.ByRelevance,
					Page: page, PerPage: 10, NoLog: true}
				if q.column != 0 {
					req.ColumnIDs = []int64{q.column}
				}
				res, err := f.eng.Search(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, h := range res.Hits {
					got = append(got, h.Doc.ID)
					if q.year != 0 && h.Doc.PublishedAt.In(china).Year() != q.year {
						t.Errorf("%q year %d found %d, published %v", q.text, q.year, h.Doc.ID, h.Doc.PublishedAt)
					}
				}
				if q.year != 0 && page == 1 && len(got) > 0 {
					yearFound++
				}
				if !res.Capped {
					continue
				}
				capped++
				sq := store.SearchQuery{Groups: groups(t, st, q.text), SiteID: f.site.ID, Year: q.year, ColumnIDs: req.ColumnIDs,
					Limit: 10, Offset: (page - 1) * 10}
				want, err := st.SearchExhaustive(ctx, sq)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%q column %d year %d page %d:\n bounded    %v\n exhaustive %v", q.text, q.column, q.year, page, got, want)
				}
			}
		}
		if yearFound < len(searchtest.Common)/2 {
			t.Fatalf("only %d year-filtered queries found anything", yearFound)
		}
		if capped < 40 {
			t.Fatalf("only %d capped query pages: the corpus does not exercise the title tier", capped)
		}
		titleTierFollowsEdits(t, st, f, ids[n/3])
	})
}

// titleTierFollowsEdits edits an old document's title to the shortest
// one holding 政府 and 工作: it must lead their ranking; repealed, it must
// not; withdrawn, it must be gone, the bounded ranking agreeing with the
// exhaustive one each time.
func titleTierFollowsEdits(t *testing.T, st *store.Store, f *fixture, id int64) {
	ctx := context.Background()
	rank := func() []int64 {
		t.Helper()
		res, err := f.eng.Search(ctx, search.Request{Query: "政府 工作", SiteID: f.site.ID, Order: store.ByRelevance, NoLog: true})
		if err != nil || !res.Capped {
			t.Fatalf("政府 工作: capped %v, %v", res.Capped, err)
		}
		var got []int64
		for _, h := range res.Hits {
			got = append(got, h.Doc.ID)
		}
		want, err := st.SearchExhaustive(ctx, store.SearchQuery{Groups: groups(t, st, "政府 工作"), SiteID: f.site.ID, Limit: 10})
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("bounded %v, exhaustive %v (%v)", got, want, err)
		}
		return got
	}
	d, err := st.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	d.Title = "政府工作"
	if err := st.UpdateDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	if got := rank(); got[0] != id {
		t.Fatalf("edited title not first: %v", got)
	}
	if err := st.SetValidity(ctx, id, catalog.Repealed, "2025-06-01", 0, auth.AuditEntry{Action: "validity", Target: "document"}); err != nil {
		t.Fatal(err)
	}
	if got := rank(); got[0] == id {
		t.Fatalf("repealed document still first: %v", got)
	}
	f.transition(t, id, catalog.StatePublished, catalog.StateWithdrawn, catalog.ActWithdraw)
	if got := rank(); slices.Contains(got, id) {
		t.Fatalf("withdrawn document still found: %v", got)
	}
}

var china = time.FixedZone("CST", 8*3600)

// groups parses a query the way the engine does.
func groups(t *testing.T, st *store.Store, text string) [][][]string {
	t.Helper()
	seg, err := search.Default()
	if err != nil {
		t.Fatal(err)
	}
	sets, err := st.SynonymSets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var words [][]string
	for _, s := range sets {
		words = append(words, s.Words)
	}
	p := seg.Parse(text, search.NewSynonyms(words))
	out := make([][][]string, len(p.Groups))
	for i, g := range p.Groups {
		out[i] = g.Alternatives
	}
	return out
}
