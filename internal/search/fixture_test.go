package search_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
)

// fixture is a site with two columns, two 科室 and two users, on a store
// that keeps the search index.
type fixture struct {
	st               *store.Store
	eng              *search.Engine
	site             catalog.Site
	notices, policy  int64
	office, industry int64
	author, reviewer int64
}

var clock = func() time.Time { return time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) }

func newFixture(t *testing.T, st *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{st: st, eng: search.New(st, clock), site: catalog.Site{Code: "jxj", Name: "示例市经济和信息化局", USCC: "11429900MB1C378452"}}
	var err error
	must := func(id int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	f.site.ID = must(st.CreateSite(ctx, f.site))
	f.office = must(st.CreateOrg(ctx, catalog.Org{SiteID: f.site.ID, Name: "办公室"}))
	f.industry = must(st.CreateOrg(ctx, catalog.Org{SiteID: f.site.ID, Name: "产业发展科"}))
	f.notices = must(st.CreateColumn(ctx, catalog.Column{SiteID: f.site.ID, Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice, OrgID: f.office}))
	f.policy = must(st.CreateColumn(ctx, catalog.Column{SiteID: f.site.ID, Slug: "zcwj", Name: "政策文件", Kind: catalog.KindPolicy, OrgID: f.office}))
	f.author = must(st.CreateUser(ctx, auth.User{Username: "author", DisplayName: "信息员", Role: auth.RoleOfficer, OrgID: f.office, PasswordHash: "x"}))
	f.reviewer = must(st.CreateUser(ctx, auth.User{Username: "rev", DisplayName: "审核人", Role: auth.RoleReviewer, PasswordHash: "x"}))
	_ = err
	return f
}

// doc is a draft in the notices column of the office.
func (f *fixture) doc(title, body string) catalog.Document {
	return catalog.Document{SiteID: f.site.ID, ColumnID: f.notices, OrgID: f.office, AuthorID: f.author, Title: title,
		BodyHTML: "<p>" + body + "</p>", WrittenOn: "2025-03-01", Genre: catalog.GenreOther, Validity: catalog.Valid}
}

// docs makes n drafts, their title and body from text(i).
func (f *fixture) docs(n int, text func(i int) (title, body string)) []catalog.Document {
	out := make([]catalog.Document, n)
	for i := range out {
		title, body := text(i)
		out[i] = f.doc(title, body)
	}
	return out
}

// imported stores published documents the way an import (and the demo
// data) does, each published on its day.
func (f *fixture) imported(t *testing.T, docs ...catalog.Document) []int64 {
	t.Helper()
	for i := range docs {
		docs[i].State = catalog.StatePublished
		if docs[i].PublishedAt.IsZero() {
			docs[i].PublishedAt = time.Date(2025, 3, 1+i%27, 9, 0, 0, 0, time.UTC)
		}
	}
	ids, err := f.st.ImportDocuments(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// publish takes a draft through the review workflow.
func (f *fixture) publish(t *testing.T, id int64) {
	t.Helper()
	for _, st := range []struct {
		from, to catalog.State
		act      catalog.Action
	}{
		{catalog.StateDraft, catalog.StateSubmitted, catalog.ActSubmit},
		{catalog.StateSubmitted, catalog.StateFirstApproved, catalog.ActFirstApprove},
		{catalog.StateFirstApproved, catalog.StatePublished, catalog.ActFinalApprove},
	} {
		f.transition(t, id, st.from, st.to, st.act)
	}
}

func (f *fixture) transition(t *testing.T, id int64, from, to catalog.State, act catalog.Action) {
	t.Helper()
	if _, err := f.st.Transition(context.Background(), id, from, to,
		catalog.Decision{Action: act, ActorID: f.reviewer, SecrecyChecked: true}, 0,
		auth.AuditEntry{UserID: f.reviewer, Username: "rev", Action: string(act), Target: "document"}); err != nil {
		t.Fatalf("%s: %v", act, err)
	}
}

// titles runs a search and lists the titles found.
func (f *fixture) titles(t *testing.T, req search.Request) []string {
	t.Helper()
	req.SiteID = f.site.ID
	req.NoLog = true
	res, err := f.eng.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Doc.Title)
	}
	return out
}
