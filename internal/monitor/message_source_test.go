package monitor_test

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// TestInteractionReadsTheMessageBoard runs the 互动回应差 check against the
// platform's own board (issue 8), on both engines: a valid message left
// unanswered for four months is a veto finding; a message equally old but
// marked invalid (spam, with its reason) is not, nor is one answered within
// three months or a recent one.
func TestInteractionReadsTheMessageBoard(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Now()
		site, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: testUSCC})
		if err != nil {
			t.Fatal(err)
		}
		org, err := st.CreateOrg(ctx, catalog.Org{SiteID: site, Name: "办公室"})
		if err != nil {
			t.Fatal(err)
		}
		submit := func(title string, at time.Time) store.Message {
			m, err := st.CreateMessage(ctx, store.NewMessageRecord{SiteID: site, ReceivedAt: at, DueOn: workday.FromTime(at).AddDays(14),
				Message: interact.NewMessage{Kind: interact.KindConsult, Title: title, Body: "留言内容留言内容留言内容", Name: "王五", Phone: "13700000000"}})
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		step := func(m store.Message, s interact.MessageStep, at time.Time) {
			to, err := interact.NextMessage(m.State(), s)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.RecordMessageStep(ctx, store.MessageChange{ID: m.ID, From: m.Status, To: to, Step: s, At: at,
				Audit: auth.AuditEntry{At: at, Action: "message." + string(s.Action)}}); err != nil {
				t.Fatal(err)
			}
		}
		old := now.AddDate(0, -4, 0)
		late := submit("四个月未答复的留言", old)
		spam := submit("四个月前的广告留言", old)
		step(spam, interact.MessageStep{Action: interact.ActInvalidate, Reason: interact.ReasonSpam, Note: "推销广告"}, old.AddDate(0, 0, 1))
		answered := submit("按时答复的留言", old)
		step(answered, interact.MessageStep{Action: interact.ActAnswer, OrgID: org, Answer: "已答复"}, old.AddDate(0, 0, 5))
		answeredLate := submit("超过三个月才答复的留言", old)
		step(answeredLate, interact.MessageStep{Action: interact.ActAnswer, OrgID: org, Answer: "已答复"}, now)
		submit("上周的留言", now.AddDate(0, 0, -7))

		r := monitor.NewRunner(monitor.Env{Store: st, Now: func() time.Time { return now }, Log: slog.New(slog.DiscardHandler)})
		o, err := r.Run(ctx, "interaction", false)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, f := range o.Report.Findings {
			if f.Kind == "message_unanswered" {
				keys = append(keys, f.Key)
				if f.Severity != monitor.SevVeto {
					t.Errorf("%s severity %v, want a veto", f.Key, f.Severity)
				}
			}
		}
		// A message answered today, more than 3 months after receipt, is
		// 互动回应差 too (reply − receipt > 3 months).
		want := []string{fmt.Sprintf("message:%d", late.ID), fmt.Sprintf("message:%d", answeredLate.ID)}
		slices.Sort(keys)
		slices.Sort(want)
		if !slices.Equal(keys, want) {
			t.Fatalf("findings %v, want %v (the invalid message %d must not count)", keys, want, spam.ID)
		}
	})
}
