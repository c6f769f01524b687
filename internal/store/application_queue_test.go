package store_test

import (
	"context"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

func TestApplicationQueueFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		cal, err := s.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Five cases received on consecutive working days from 2025-03-03.
		var recs []store.ApplicationRecord
		d := workday.NewDate(2025, 3, 3)
		for i := range 5 {
			rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), d))
			if err != nil {
				t.Fatal(err)
			}
			recs = append(recs, rec)
			if d, err = cal.AddWorkdays(d, 1); err != nil {
				t.Fatal(err)
			}
			_ = i
		}
		// #1 assigned to the org, #2 waiting for 补正, #4 closed.
		mustAppend(t, s, recs[1].ID, 1, disclosure.Event{Kind: disclosure.EventAssigned, On: recs[1].ReceivedOn, OrgID: f.org})
		mustAppend(t, s, recs[2].ID, 1, disclosure.Event{Kind: disclosure.EventAmendmentRequested, On: recs[2].ReceivedOn.AddDays(1),
			Note: "请写明文件名称", Deadline: recs[2].ReceivedOn.AddDays(20)})
		mustAppend(t, s, recs[4].ID, 1, disclosure.Event{Kind: disclosure.EventWithdrawn, On: recs[4].ReceivedOn})

		ids := func(f store.ApplicationFilter) []int64 {
			t.Helper()
			list, err := s.Applications(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			n, err := s.CountApplications(ctx, f)
			if err != nil || n != len(list) && f.Limit == 0 && f.After == nil {
				t.Fatalf("count %d vs %d listed: %v", n, len(list), err)
			}
			out := make([]int64, len(list))
			for i, a := range list {
				out[i] = a.ID
			}
			return out
		}
		same := func(name string, got []int64, want ...int64) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("%s: got %v, want %v", name, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s: got %v, want %v", name, got, want)
				}
			}
		}
		today := workday.NewDate(2025, 3, 10)
		same("open, by due date", ids(store.ApplicationFilter{Today: today}), recs[0].ID, recs[1].ID, recs[2].ID, recs[3].ID)
		same("closed", ids(store.ApplicationFilter{State: disclosure.StateClosed}), recs[4].ID)
		same("org", ids(store.ApplicationFilter{OrgID: f.org}), recs[1].ID)
		same("state", ids(store.ApplicationFilter{State: disclosure.StateAwaitingAmendment}), recs[2].ID)
		// Due dates: 20 working days after 03-03 … 03-07 = 03-31 … 04-04.
		first := recs[0].DueOn
		same("overdue the day after the first due date",
			ids(store.ApplicationFilter{Overdue: true, Today: first.AddDays(1)}), recs[0].ID)
		// A case waiting for 补正 is never overdue: its clock is stopped.
		same("overdue much later", ids(store.ApplicationFilter{Overdue: true, Today: workday.NewDate(2025, 6, 1)}),
			recs[0].ID, recs[1].ID, recs[3].ID)
		same("due within 1 working day of the first due date",
			ids(store.ApplicationFilter{DueWithin: 1, Today: first}), recs[0].ID, recs[1].ID)
		// Keyset paging walks the same order.
		page1, _ := s.Applications(ctx, store.ApplicationFilter{Limit: 2})
		c := page1[1].Cursor()
		same("after cursor", ids(store.ApplicationFilter{After: &c}), recs[2].ID, recs[3].ID)
		if !page1[0].Overdue(workday.NewDate(2025, 6, 1)) || page1[0].ApplicantName != "张三" {
			t.Fatalf("summary %+v", page1[0])
		}
	})
}

func mustAppend(t *testing.T, s *store.Store, id int64, version int, ev disclosure.Event) disclosure.Case {
	t.Helper()
	k, err := s.AppendEvent(context.Background(), store.EventAppend{ApplicationID: id, Version: version, Event: ev})
	if err != nil {
		t.Fatalf("append %s: %v", ev.Kind, err)
	}
	return k
}
