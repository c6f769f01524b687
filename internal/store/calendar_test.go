package store_test

import (
	"context"
	"errors"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

func TestCalendarSeedAndEdit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.SeedCalendar(ctx); err != nil {
			t.Fatal(err)
		}
		cal, err := s.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got, err := cal.AddWorkdays(workday.NewDate(2026, 2, 10), 20)
		if err != nil || got.String() != "2026-03-16" {
			t.Fatalf("AddWorkdays from stored calendar = %v, %v", got, err)
		}
		if _, err := cal.AddWorkdays(workday.NewDate(2027, 12, 20), 20); !errors.Is(err, workday.ErrYearNotCovered) {
			t.Fatalf("uncovered year: %v", err)
		}
		// An administrator declares 2028 with one extra rest day.
		extra := workday.Day{Date: workday.NewDate(2028, 1, 3), Kind: workday.Rest, Name: "元旦"}
		if err := s.SaveCalendar(ctx, []workday.Day{extra}, []int{2028}, store.CalendarAdmin); err != nil {
			t.Fatal(err)
		}
		cal, _ = s.Calendar(ctx)
		if ok, err := cal.IsWorkday(extra.Date); err != nil || ok {
			t.Fatalf("2028-01-03 after edit: %v %v", ok, err)
		}
		days, err := s.CalendarDays(ctx, 2028)
		if err != nil || len(days) != 1 || days[0].Source != store.CalendarAdmin {
			t.Fatalf("days 2028: %+v %v", days, err)
		}
		// Seeding again keeps the edit.
		if err := s.SeedCalendar(ctx); err != nil {
			t.Fatal(err)
		}
		if days, _ := s.CalendarDays(ctx, 2028); len(days) != 1 {
			t.Fatal("reseed lost the admin edit")
		}
	})
}
