package demo_test

import (
	"context"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/demo"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// The demo board has published answers in the public list, open messages
// in the inbox, an invalid one and a merged duplicate — and none of them is
// a veto finding (all are younger than three months).
func TestCreateMessages(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	ctx := context.Background()
	sum, err := demo.Create(ctx, s, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, auth.User{Username: "gkb", DisplayName: "公开办工作人员", Role: auth.RoleOffice, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	ms, err := demo.CreateMessages(ctx, s, sum, now)
	if err != nil {
		t.Fatal(err)
	}
	if ms.Messages != 8 || ms.Published != 3 || ms.Open != 2 {
		t.Fatalf("summary %+v", ms)
	}
	pub, total, err := s.Messages(ctx, store.MessageFilter{SiteID: sum.SiteID, Published: true})
	if err != nil || total != 3 || pub[0].PubAnswer == "" {
		t.Fatalf("published %d %v", total, err)
	}
	all, _, _ := s.Messages(ctx, store.MessageFilter{SiteID: sum.SiteID, Limit: 50})
	seen := map[interact.MessageStatus]int{}
	for _, m := range all {
		seen[m.Status]++
		if m.Status == interact.StatusMerged && !m.Answered() && m.MergedInto == 0 {
			t.Errorf("merged message %s has no target", m.Code)
		}
	}
	if seen[interact.StatusInvalid] != 1 || seen[interact.StatusMerged] != 1 || seen[interact.StatusAnswered] != 4 {
		t.Fatalf("statuses %v", seen)
	}
	late, err := s.LateMessages(ctx, now.AddDate(-1, 0, 0), now.AddDate(0, -3, 0))
	if err != nil || len(late) != 0 {
		t.Fatalf("demo messages late: %d %v", len(late), err)
	}
}
