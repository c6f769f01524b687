package store_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// The reminder job's light read lists the same open messages as the inbox
// filter, in the same order, with the dates it times and no personal data.
func TestOpenMessageClocks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newMessageFixture(t, s)
		now := time.Now()
		fresh := f.submit(t, s, "新收到的留言", "13900000011", now.AddDate(0, 0, -2))
		routed := f.submit(t, s, "已转办的留言", "13900000012", now.AddDate(0, 0, -1))
		if _, err := f.step(t, s, routed, interact.MessageStep{Action: interact.ActRoute, OrgID: f.orgB}); err != nil {
			t.Fatal(err)
		}
		spam := f.submit(t, s, "广告推广信息留言", "13900000013", now)
		if _, err := f.step(t, s, spam, interact.MessageStep{Action: interact.ActInvalidate, Reason: interact.ReasonSpam, Note: "推销广告"}); err != nil {
			t.Fatal(err)
		}
		want, _, err := s.Messages(ctx, store.MessageFilter{Open: true, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.OpenMessageClocks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || len(want) != 2 || got[0].ID != routed.ID || got[1].ID != fresh.ID {
			t.Fatalf("open messages: got %+v, inbox lists %d", got, len(want))
		}
		for i, m := range got {
			w := want[i]
			if m.ID != w.ID || m.Code != w.Code || m.OrgID != w.OrgID || m.ReceivedOn != w.ReceivedOn || m.DueOn != w.DueOn {
				t.Errorf("clock %d: got %+v, want %s %d %s %s", i, m, w.Code, w.OrgID, w.ReceivedOn, w.DueOn)
			}
			if m.Name != "" || m.Phone != "" || m.Email != "" || m.Body != "" {
				t.Errorf("clock %d carries personal data or the question", i)
			}
		}
		if got[0].OrgID != f.orgB {
			t.Errorf("routed message's 科室 = %d, want %d", got[0].OrgID, f.orgB)
		}
	})
}
