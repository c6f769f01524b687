package store_test

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// fixture creates a site, an org, a column and two users.
type fixture struct {
	site             catalog.Site
	org              int64
	column           int64
	author, reviewer int64
}

func newFixture(t *testing.T, s *store.Store) fixture {
	t.Helper()
	ctx := context.Background()
	f := fixture{site: catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"}}
	var err error
	if f.site.ID, err = s.CreateSite(ctx, f.site); err != nil {
		t.Fatal(err)
	}
	if f.org, err = s.CreateOrg(ctx, catalog.Org{SiteID: f.site.ID, Name: "办公室"}); err != nil {
		t.Fatal(err)
	}
	if f.column, err = s.CreateColumn(ctx, catalog.Column{SiteID: f.site.ID, Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice, OrgID: f.org}); err != nil {
		t.Fatal(err)
	}
	if f.author, err = s.CreateUser(ctx, auth.User{Username: "author", DisplayName: "信息员", Role: auth.RoleOfficer, OrgID: f.org, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	if f.reviewer, err = s.CreateUser(ctx, auth.User{Username: "rev", DisplayName: "审核人", Role: auth.RoleReviewer, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f fixture) draft(title string) catalog.Document {
	return catalog.Document{SiteID: f.site.ID, ColumnID: f.column, OrgID: f.org, AuthorID: f.author, Title: title,
		BodyHTML: "<p>正文</p>", WrittenOn: "2025-03-01", Genre: catalog.GenreOther, Validity: catalog.Valid,
		Channels: []catalog.ChannelRecord{{Channel: catalog.ChannelWeChat, Date: "2025-03-02", Ref: "黄石工业"}}}
}

var indexNoRE = regexp.MustCompile(`^11420200MB1234567X/2025-\d{5}$`)

func TestDocumentLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id, err := s.CreateDocument(ctx, f.draft("关于开展2025年工业企业调查的通知"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.Document(ctx, id)
		if err != nil || d.State != catalog.StateDraft || len(d.Channels) != 1 || d.IndexNo != "" {
			t.Fatalf("draft read back: %+v %v", d, err)
		}
		steps := []struct {
			from, to catalog.State
			act      catalog.Action
			actor    int64
		}{
			{catalog.StateDraft, catalog.StateSubmitted, catalog.ActSubmit, f.author},
			{catalog.StateSubmitted, catalog.StateFirstApproved, catalog.ActFirstApprove, f.reviewer},
			{catalog.StateFirstApproved, catalog.StatePublished, catalog.ActFinalApprove, f.reviewer},
		}
		for _, st := range steps {
			d, err = s.Transition(ctx, id, st.from, st.to, catalog.Decision{Action: st.act, ActorID: st.actor, SecrecyChecked: true}, 0,
				auth.AuditEntry{UserID: st.actor, Username: "u", Action: string(st.act), Target: "document"})
			if err != nil {
				t.Fatalf("%s: %v", st.act, err)
			}
		}
		if d.State != catalog.StatePublished || !indexNoRE.MatchString(d.IndexNo) || d.PublishedAt.IsZero() {
			t.Fatalf("published: state %s index %q at %v", d.State, d.IndexNo, d.PublishedAt)
		}
		// A stale transition (someone acted first) is a conflict, not a silent overwrite.
		if _, err := s.Transition(ctx, id, catalog.StateFirstApproved, catalog.StatePublished, catalog.Decision{Action: catalog.ActFinalApprove, ActorID: f.reviewer}, 0, auth.AuditEntry{}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale transition: %v", err)
		}
		// Second document gets the next serial; numbers are unique.
		id2, _ := s.CreateDocument(ctx, f.draft("第二份通知"))
		for _, st := range steps {
			if _, err := s.Transition(ctx, id2, st.from, st.to, catalog.Decision{Action: st.act, ActorID: st.actor, SecrecyChecked: true}, 0, auth.AuditEntry{}); err != nil {
				t.Fatal(err)
			}
		}
		d2, _ := s.Document(ctx, id2)
		if d2.IndexNo == d.IndexNo || !indexNoRE.MatchString(d2.IndexNo) {
			t.Fatalf("second index no %q vs %q", d2.IndexNo, d.IndexNo)
		}
		got, err := s.DocumentByIndexNo(ctx, d.IndexNo)
		if err != nil || got.ID != id {
			t.Fatalf("by index no: %v %v", got.ID, err)
		}
		docs, total, err := s.Documents(ctx, store.DocumentFilter{SiteID: f.site.ID, States: []catalog.State{catalog.StatePublished}, Year: time.Now().Year()})
		if err != nil || total != 2 || len(docs) != 2 {
			t.Fatalf("published list: %d %d %v", total, len(docs), err)
		}
		revs, err := s.Reviews(ctx, id)
		if err != nil || len(revs) != 3 || !revs[2].SecrecyChecked {
			t.Fatalf("reviews: %+v %v", revs, err)
		}
		// Repeal the first by the second: validity and replacement stored.
		if err := s.SetValidity(ctx, id, catalog.Repealed, "2025-06-01", id2, auth.AuditEntry{Action: "validity"}); err != nil {
			t.Fatal(err)
		}
		d, _ = s.Document(ctx, id)
		if d.Validity != catalog.Repealed || d.ReplacedBy != id2 {
			t.Fatalf("validity: %s %d", d.Validity, d.ReplacedBy)
		}
	})
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.AppendAudit(ctx, auth.AuditEntry{Username: "admin", Action: "login", RemoteAddr: "127.0.0.1"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().ExecContext(ctx, `UPDATE audit_log SET action = 'x'`); err == nil {
			t.Fatal("UPDATE of audit_log succeeded")
		}
		if _, err := s.DB().ExecContext(ctx, `DELETE FROM audit_log`); err == nil {
			t.Fatal("DELETE of audit_log succeeded")
		}
		es, total, err := s.Audit(ctx, store.AuditFilter{})
		if err != nil || total != 1 || es[0].Action != "login" {
			t.Fatalf("audit: %+v %d %v", es, total, err)
		}
	})
}

func TestUsernameUnique(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		u := auth.User{Username: "same", DisplayName: "甲", Role: auth.RoleOffice, PasswordHash: "x"}
		if _, err := s.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateUser(ctx, u); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate username: %v", err)
		}
		if _, err := s.UserByName(ctx, "nobody"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing user: %v", err)
		}
	})
}
