package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// publish walks a fresh draft through the workflow with the given lateness.
func publish(t *testing.T, s *store.Store, f fixture, title string, late int) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := s.CreateDocument(ctx, f.draft(title))
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		from, to catalog.State
		act      catalog.Action
	}{
		{catalog.StateDraft, catalog.StateSubmitted, catalog.ActSubmit},
		{catalog.StateSubmitted, catalog.StateFirstApproved, catalog.ActFirstApprove},
		{catalog.StateFirstApproved, catalog.StatePublished, catalog.ActFinalApprove},
	}
	for _, st := range steps {
		if _, err := s.Transition(ctx, id, st.from, st.to, catalog.Decision{Action: st.act, ActorID: f.reviewer, SecrecyChecked: true},
			late, auth.AuditEntry{}); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func TestStaffReads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		onTime := publish(t, s, f, "按时发布", 0)
		late := publish(t, s, f, "超期发布", 3)
		docs, err := s.LateDocuments(ctx, 10)
		if err != nil || len(docs) != 1 || docs[0].ID != late || docs[0].LateWorkdays != 3 {
			t.Fatalf("late documents: %+v %v", docs, err)
		}

		// Two rejections: the latest reason wins; documents without one are absent.
		id, _ := s.CreateDocument(ctx, f.draft("被退回的稿件"))
		type step struct {
			from, to catalog.State
			act      catalog.Action
			reason   string
		}
		for _, st := range []step{
			{catalog.StateDraft, catalog.StateSubmitted, catalog.ActSubmit, ""},
			{catalog.StateSubmitted, catalog.StateRejected, catalog.ActReject, "标题有误"},
			{catalog.StateRejected, catalog.StateSubmitted, catalog.ActSubmit, ""},
			{catalog.StateSubmitted, catalog.StateRejected, catalog.ActReject, "附件缺失"},
		} {
			if _, err := s.Transition(ctx, id, st.from, st.to, catalog.Decision{Action: st.act, ActorID: f.reviewer, Reason: st.reason}, 0, auth.AuditEntry{}); err != nil {
				t.Fatal(err)
			}
		}
		reasons, err := s.LastReasons(ctx, []int64{id, onTime}, catalog.ActReject)
		if err != nil || reasons[id] != "附件缺失" || len(reasons) != 1 {
			t.Fatalf("last reasons: %v %v", reasons, err)
		}
		if r, err := s.LastReasons(ctx, nil, catalog.ActReject); err != nil || len(r) != 0 {
			t.Fatalf("no ids: %v %v", r, err)
		}
		if who, err := s.LastReviewer(ctx, late, catalog.ActFinalApprove); err != nil || who != f.reviewer {
			t.Fatalf("last final reviewer: %d %v", who, err)
		}
		if who, err := s.LastReviewer(ctx, id, catalog.ActFinalApprove); err != nil || who != 0 {
			t.Fatalf("never approved: %d %v", who, err)
		}

		for _, a := range []string{"login.success", "document.create", "login.success"} {
			if err := s.AppendAudit(ctx, auth.AuditEntry{Username: "u", Action: a}); err != nil {
				t.Fatal(err)
			}
		}
		acts, err := s.AuditActions(ctx)
		if err != nil || !slices.Equal(acts, []string{"document.create", "login.success"}) {
			t.Fatalf("audit actions: %v %v", acts, err)
		}
	})
}

func TestLateFlagResolution(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id := publish(t, s, f, "日历未覆盖年度的发布", 0)
		flag, err := s.FlagDocument(ctx, id, store.FlagLateUnknown, "2031年未录入")
		if err != nil {
			t.Fatal(err)
		}
		open, err := s.OpenFlags(ctx, store.FlagLateUnknown)
		if err != nil || len(open) != 1 || open[0].DocumentID != id || open[0].Title != "日历未覆盖年度的发布" {
			t.Fatalf("open flags: %+v %v", open, err)
		}
		if err := s.ResolveLateFlag(ctx, flag, 4); err != nil {
			t.Fatal(err)
		}
		if open, _ := s.OpenFlags(ctx, store.FlagLateUnknown); len(open) != 0 {
			t.Fatalf("flag still open: %+v", open)
		}
		d, _ := s.Document(ctx, id)
		if d.LateWorkdays != 4 {
			t.Fatalf("late workdays after resolution: %d", d.LateWorkdays)
		}
		if err := s.ResolveLateFlag(ctx, flag, 5); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("resolving twice: %v", err)
		}
	})
}

func TestDeleteUserSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		at := time.Now()
		for _, se := range []auth.Session{{TokenHash: "a", UserID: f.author}, {TokenHash: "b", UserID: f.author}, {TokenHash: "c", UserID: f.reviewer}} {
			se.CreatedAt, se.LastSeen = at, at
			if err := s.CreateSession(ctx, se); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.DeleteUserSessions(ctx, f.author); err != nil {
			t.Fatal(err)
		}
		for hash, want := range map[string]bool{"a": false, "b": false, "c": true} {
			_, err := s.Session(ctx, hash)
			if (err == nil) != want {
				t.Fatalf("session %s present=%v, want %v", hash, err == nil, want)
			}
		}
	})
}
