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

func TestAppendEventNoticesWritesAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		on := workday.NewDate(2025, 3, 3)
		rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), on))
		if err != nil {
			t.Fatal(err)
		}
		two := []store.Notice{
			{Kind: disclosure.NoticeConsultThirdParty, Title: "征求意见书", BodyHTML: "<p>a</p>", IssuedOn: on.AddDays(1)},
			{Kind: disclosure.NoticeConsultApplicant, Title: "征求意见告知书", BodyHTML: "<p>b</p>", IssuedOn: on.AddDays(1)},
		}
		ev := disclosure.Event{Kind: disclosure.EventConsultationSent, On: on.AddDays(1), Party: disclosure.PartyThird, PartyName: "某公司"}
		k, err := s.AppendEventNotices(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 1, Event: ev}, two)
		if err != nil || k.State != disclosure.StateConsulting {
			t.Fatalf("consultation: %v %s", err, k.State)
		}
		ns, err := s.Notices(ctx, rec.ID)
		if err != nil || len(ns) != 2 || ns[0].EventSeq != 2 || ns[1].EventSeq != 2 || ns[1].Kind != disclosure.NoticeConsultApplicant {
			t.Fatalf("notices: %+v %v", ns, err)
		}
		// A refused step writes neither the event nor its notices.
		bad := disclosure.Event{Kind: disclosure.EventConsultationLapsed, On: on.AddDays(2), Consultation: 1}
		if _, err := s.AppendEventNotices(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 2, Event: bad}, two); !errors.Is(err, disclosure.ErrNotAllowed) {
			t.Fatalf("early lapse: %v", err)
		}
		// A stale version is a conflict.
		if _, err := s.AppendEventNotices(ctx, store.EventAppend{ApplicationID: rec.ID, Version: 1, Event: bad}, two); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale: %v", err)
		}
		if ns, _ := s.Notices(ctx, rec.ID); len(ns) != 2 {
			t.Fatalf("refused steps wrote notices: %d", len(ns))
		}
		if got, _ := s.Application(ctx, rec.ID); got.Version != 2 {
			t.Fatalf("version %d", got.Version)
		}
	})
}

func TestNotifyStaffOncePerKey(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		n := store.MonitorNotice{UserID: f.head, Key: "due:1:2025-03-10:5", Kind: "application_due", Title: "YS2025-000001 还有5个工作日到期", Link: "/admin/applications/1"}
		for range 2 {
			if err := s.NotifyStaff(ctx, []store.MonitorNotice{n}); err != nil {
				t.Fatal(err)
			}
		}
		got, unread, err := s.MonitorNotices(ctx, f.head, 10)
		if err != nil || len(got) != 1 || unread != 1 || got[0].Title != n.Title || got[0].Link != n.Link {
			t.Fatalf("notices: %+v %d %v", got, unread, err)
		}
	})
}
