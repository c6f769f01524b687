package search_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestIndexFollowsPublishEditRepealWithdraw(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		id, err := st.CreateDocument(ctx, f.doc("关于开展工业企业技术改造项目申报工作的通知", "请各地组织企业申报技术改造项目。"))
		if err != nil {
			t.Fatal(err)
		}
		q := search.Request{Query: "技术改造 申报"}
		if got := f.titles(t, q); len(got) != 0 {
			t.Fatalf("a draft is searchable: %v", got)
		}
		f.publish(t, id)
		if got := f.titles(t, q); len(got) != 1 {
			t.Fatalf("published document not found: %v", got)
		}
		// An edit is indexed in the same write: the new word finds it,
		// the old one no longer does.
		d, _ := st.Document(ctx, id)
		d.Title = "关于开展绿色工厂评价工作的通知"
		d.BodyHTML = "<p>请各地组织企业参加绿色工厂评价。</p>"
		if err := st.UpdateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		if got := f.titles(t, q); len(got) != 0 {
			t.Fatalf("old text still found: %v", got)
		}
		if got := f.titles(t, search.Request{Query: "绿色工厂"}); len(got) != 1 {
			t.Fatalf("edited text not found: %v", got)
		}
		// Repealed: still found, labelled by its validity, ranked below
		// a document in force.
		f.imported(t, f.doc("绿色工厂评价管理办法解读", "绿色工厂评价的政策解读。"))
		if err := st.SetValidity(ctx, id, catalog.Repealed, "2025-06-01", 0, auth.AuditEntry{Action: "validity", Target: "document"}); err != nil {
			t.Fatal(err)
		}
		res, err := f.eng.Search(ctx, search.Request{Query: "绿色工厂", SiteID: f.site.ID, Order: store.ByRelevance, NoLog: true})
		if err != nil || len(res.Hits) != 2 {
			t.Fatalf("after repeal: %+v %v", res.Hits, err)
		}
		if last := res.Hits[1].Doc; last.ID != id || last.Validity != catalog.Repealed {
			t.Errorf("repealed document not demoted: %v first", res.Hits[0].Doc.Title)
		}
		if got := f.titles(t, search.Request{Query: "绿色工厂", Validity: catalog.Valid}); len(got) != 1 || got[0] != "绿色工厂评价管理办法解读" {
			t.Errorf("validity filter: %v", got)
		}
		f.transition(t, id, catalog.StatePublished, catalog.StateWithdrawn, catalog.ActWithdraw)
		if got := f.titles(t, search.Request{Query: "绿色工厂"}); len(got) != 1 {
			t.Errorf("withdrawn document still found: %v", got)
		}
	})
}

// failingIndexer fails every index write.
type failingIndexer struct{}

func (failingIndexer) DocumentTokens(catalog.Document) (store.SearchTokens, error) {
	return store.SearchTokens{}, errors.New("index down")
}

// The index is written in the document's own transaction: when indexing
// fails, the publication does not happen either, and the other way round.
func TestIndexWriteSharesTheDocumentTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		id, err := st.CreateDocument(ctx, f.doc("关于征集中小企业公共服务示范平台的通知", "征集示范平台。"))
		if err != nil {
			t.Fatal(err)
		}
		f.transition(t, id, catalog.StateDraft, catalog.StateSubmitted, catalog.ActSubmit)
		f.transition(t, id, catalog.StateSubmitted, catalog.StateFirstApproved, catalog.ActFirstApprove)
		st.UseSearchIndexer(failingIndexer{})
		_, err = st.Transition(ctx, id, catalog.StateFirstApproved, catalog.StatePublished,
			catalog.Decision{Action: catalog.ActFinalApprove, ActorID: f.reviewer, SecrecyChecked: true}, 0,
			auth.AuditEntry{UserID: f.reviewer, Action: "final_approve", Target: "document"})
		if err == nil {
			t.Fatal("publication succeeded although its index write failed")
		}
		if d, _ := st.Document(ctx, id); d.State != catalog.StateFirstApproved {
			t.Fatalf("state %s after a failed publication", d.State)
		}
		search.Attach(st)
		f.transition(t, id, catalog.StateFirstApproved, catalog.StatePublished, catalog.ActFinalApprove)
		if got := f.titles(t, search.Request{Query: "示范平台"}); len(got) != 1 {
			t.Fatalf("published document not found: %v", got)
		}
	})
}

func TestReindexRebuildsFromDocuments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		f.imported(t, f.doc("关于拨付中小企业发展专项资金的公告", "专项资金拨付。"), f.doc("专精特新中小企业认定办事指南", "办理流程。"))
		if err := st.ClearSearchIndex(ctx); err != nil {
			t.Fatal(err)
		}
		if got := f.titles(t, search.Request{Query: "中小企业"}); len(got) != 0 {
			t.Fatalf("cleared index still answers: %v", got)
		}
		var calls []int
		n, err := search.Reindex(ctx, st, func(done, total int) { calls = append(calls, done, total) })
		if err != nil || n != 2 || !slices.Equal(calls, []int{2, 2}) {
			t.Fatalf("reindex: %d %v %v", n, calls, err)
		}
		if got := f.titles(t, search.Request{Query: "中小企业"}); len(got) != 2 {
			t.Fatalf("after reindex: %v", got)
		}
		if n, err := search.EnsureIndexed(ctx, st); n != 0 || err != nil {
			t.Fatalf("EnsureIndexed on a full index: %d %v", n, err)
		}
	})
}
