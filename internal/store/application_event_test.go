package store_test

import (
	"context"
	"errors"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

func TestAppendEventFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		on := workday.NewDate(2025, 3, 3)
		rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
		if err != nil {
			t.Fatal(err)
		}
		// Assign to an Org.
		k, err := s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 1,
			Event: disclosure.Event{Kind: disclosure.EventAssigned, On: on.AddDays(1), OrgID: f.org, AssigneeID: f.head}})
		if err != nil || k.State != disclosure.StateProcessing {
			t.Fatalf("assign: %v %s", err, k.State)
		}
		// A stale version is refused and writes nothing.
		_, err = s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 1,
			Event: disclosure.Event{Kind: disclosure.EventWithdrawn, On: on.AddDays(2)}})
		if !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale version: %v", err)
		}
		// A rule violation comes back as the domain's error.
		_, err = s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 2,
			Event: disclosure.Event{Kind: disclosure.EventExtensionApproved, On: on.AddDays(2)}})
		if !errors.Is(err, disclosure.ErrNotAllowed) {
			t.Fatalf("rule violation: %v", err)
		}
		// Extension requested and approved by the head moves the stored due date.
		if _, err = s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 2, Event: disclosure.Event{
			Kind: disclosure.EventExtensionRequested, On: on.AddDays(7), Days: 10, Note: "需调取档案"}}); err != nil {
			t.Fatal(err)
		}
		notice := &store.Notice{Kind: disclosure.NoticeExtension, Title: "延期答复告知书", BodyHTML: "<p>延期</p>", IssuedOn: on.AddDays(8)}
		k, err = s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 3, Notice: notice, Event: disclosure.Event{
			Kind: disclosure.EventExtensionApproved, On: on.AddDays(8), ActorID: f.head, ApproverIsHead: true}})
		if err != nil {
			t.Fatal(err)
		}
		cal, _ := s.Calendar(ctx)
		want, _ := cal.AddWorkdays(on, 30)
		got, err := s.Application(ctx, rec.ID)
		if err != nil || got.DueOn != want || k.DueOn != want || got.Version != 4 || got.OrgID != f.org || got.AssigneeID != f.head {
			t.Fatalf("after extension: %+v %v (want due %s)", got, err, want)
		}
		ns, err := s.Notices(ctx, rec.ID)
		if err != nil || len(ns) != 1 || ns[0].EventSeq != 4 || ns[0].Title != "延期答复告知书" || ns[0].Delivered() {
			t.Fatalf("notices: %+v %v", ns, err)
		}
		if err := s.RecordNoticeDelivery(ctx, ns[0].ID, "电子邮件", on.AddDays(8), ""); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordNoticeDelivery(ctx, ns[0].ID, "邮寄", on.AddDays(9), "EMS1"); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("re-dating a served notice: %v", err)
		}
		// Close as 部分公开.
		k, err = s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 4, Event: disclosure.Event{
			Kind: disclosure.EventReplied, On: on.AddDays(14), Basis: disclosure.BasisPartial, Reasons: "涉及个人隐私部分不予公开"}})
		if err != nil {
			t.Fatal(err)
		}
		got, _ = s.Application(ctx, rec.ID)
		if got.State != disclosure.StateClosed || got.Basis != disclosure.BasisPartial || got.ClosedOn != on.AddDays(14) {
			t.Fatalf("closed: %+v", got)
		}
		events, err := s.Events(ctx, rec.ID)
		if err != nil || len(events) != 5 || events[3].Kind != disclosure.EventExtensionApproved || !events[3].ApproverIsHead {
			t.Fatalf("events: %+v %v", events, err)
		}
		replayed, err := s.ApplicationCase(ctx, rec.ID)
		if err != nil || replayed.Basis != disclosure.BasisPartial || replayed.Extension.Days != 10 {
			t.Fatalf("replayed: %+v %v", replayed, err)
		}
		// The history cannot be rewritten.
		for _, q := range []string{`UPDATE application_events SET kind = 'withdrawn'`, `DELETE FROM application_events`} {
			if _, err := s.DB().ExecContext(ctx, q); err == nil {
				t.Fatalf("%s succeeded on the append-only log", q)
			}
		}
	})
}

func TestAppendEventConcurrentWritersOneWins(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		on := workday.NewDate(2025, 6, 3)
		rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
		if err != nil {
			t.Fatal(err)
		}
		const n = 8
		errs := make(chan error, n)
		for i := range n {
			go func() {
				_, err := s.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 1, Event: disclosure.Event{
					Kind: disclosure.EventAssigned, On: on.AddDays(1), OrgID: f.org, AssigneeID: int64(i%2) * f.head}})
				errs <- err
			}()
		}
		ok := 0
		for range n {
			err := <-errs
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, store.ErrConflict):
				t.Errorf("unexpected error: %v", err)
			}
		}
		events, _ := s.Events(ctx, rec.ID)
		if ok != 1 || len(events) != 2 {
			t.Fatalf("%d writers succeeded, %d events stored; want exactly one", ok, len(events))
		}
	})
}
