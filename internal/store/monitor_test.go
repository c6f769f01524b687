package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestMonitorLease(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		t0 := time.Date(2025, 6, 16, 2, 0, 0, 0, time.UTC)
		ok, err := s.AcquireLease(ctx, "check:links", "a", time.Minute, t0)
		if err != nil || !ok {
			t.Fatalf("first acquire: %v %v", ok, err)
		}
		if ok, _ := s.AcquireLease(ctx, "check:links", "b", time.Minute, t0.Add(30*time.Second)); ok {
			t.Fatal("b took a lease a still holds")
		}
		if ok, _ := s.AcquireLease(ctx, "check:links", "a", time.Minute, t0.Add(30*time.Second)); !ok {
			t.Fatal("a could not re-take its own lease")
		}
		if ok, _ := s.RenewLease(ctx, "check:links", "b", time.Minute, t0); ok {
			t.Fatal("b renewed a's lease")
		}
		if ok, _ := s.AcquireLease(ctx, "check:links", "b", time.Minute, t0.Add(2*time.Minute)); !ok {
			t.Fatal("b could not take an expired lease")
		}
		if ok, _ := s.RenewLease(ctx, "check:links", "a", time.Minute, t0.Add(2*time.Minute)); ok {
			t.Fatal("a renewed a lease it lost")
		}
		if err := s.ReleaseLease(ctx, "check:links", "a"); err != nil {
			t.Fatal(err)
		}
		if ok, _ := s.AcquireLease(ctx, "check:links", "c", time.Minute, t0.Add(2*time.Minute)); ok {
			t.Fatal("a's release freed b's lease")
		}
		if err := s.ReleaseLease(ctx, "check:links", "b"); err != nil {
			t.Fatal(err)
		}
		if ok, _ := s.AcquireLease(ctx, "check:links", "c", time.Minute, t0.Add(2*time.Minute)); !ok {
			t.Fatal("c could not take a released lease")
		}
	})
}

func TestMonitorRunsAndFindings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		at := time.Date(2025, 6, 16, 2, 0, 0, 0, time.UTC)
		r1, err := s.ClaimMonitorRun(ctx, "links", "2025-06-16T00:00", "a", at)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ClaimMonitorRun(ctx, "links", "2025-06-16T00:00", "b", at); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("second claim of a slot: %v, want ErrConflict", err)
		}
		if taken, _ := s.MonitorSlotTaken(ctx, "links", "2025-06-16T00:00"); !taken {
			t.Fatal("slot not taken")
		}
		f := func(key, kind string) store.MonitorFinding {
			return store.MonitorFinding{Key: key, Kind: kind, Severity: "deduct", SiteID: 1, URL: "http://x/" + key, Message: "无法打开"}
		}
		if err := s.FinishMonitorRun(ctx, r1, store.MonitorOutcome{Status: store.RunOK, At: at,
			Findings: []store.MonitorFinding{f("a", "link_4xx"), f("b", "link_5xx")},
			Probes:   []store.MonitorProbe{{URL: "http://x/", At: at, OK: true, Millis: 12}, {URL: "http://x/", At: at, Millis: 15000, Error: "超时"}}}); err != nil {
			t.Fatal(err)
		}
		// Manual runs have no slot and never collide.
		r2, err := s.ClaimMonitorRun(ctx, "links", "", "a", at.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ClaimMonitorRun(ctx, "links", "", "a", at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishMonitorRun(ctx, r2, store.MonitorOutcome{Status: store.RunOK, At: at.Add(time.Hour),
			Findings: []store.MonitorFinding{f("b", "link_5xx"), f("c", "link_timeout")}}); err != nil {
			t.Fatal(err)
		}
		open, err := s.AllOpenFindings(ctx, "links")
		if err != nil {
			t.Fatal(err)
		}
		if len(open) != 2 || open[0].Key != "b" || open[1].Key != "c" || !open[0].FirstSeen.Equal(at) || !open[1].FirstSeen.Equal(at.Add(time.Hour)) {
			t.Fatalf("open after second run: %+v", open)
		}
		resolved, total, err := s.Findings(ctx, store.FindingFilter{Check: "links", Resolved: true})
		if err != nil || total != 1 || resolved[0].Key != "a" || !resolved[0].ResolvedAt.Equal(at.Add(time.Hour)) {
			t.Fatalf("resolved: %+v %d %v", resolved, total, err)
		}
		// A failed run keeps the findings it could not confirm.
		r3, _ := s.ClaimMonitorRun(ctx, "links", "", "a", at.Add(2*time.Hour))
		if err := s.FinishMonitorRun(ctx, r3, store.MonitorOutcome{Status: store.RunFailed, Keep: true, Error: "超时", At: at.Add(2 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if open, _ := s.AllOpenFindings(ctx, "links"); len(open) != 2 {
			t.Fatalf("a failed run resolved findings: %+v", open)
		}
		last, err := s.LastMonitorRuns(ctx)
		if err != nil || last["links"].ID != r3 || last["links"].Status != store.RunFailed || last["links"].Findings != 2 {
			t.Fatalf("last runs: %+v %v", last, err)
		}
		total, failed, err := s.ProbeStats(ctx, "http://x/", at.Add(-time.Hour))
		if err != nil || total != 2 || failed != 1 {
			t.Fatalf("probes %d %d %v", total, failed, err)
		}
	})
}

func TestMonitorNoticesOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		uid, err := s.CreateUser(ctx, auth.User{Username: "gkb", DisplayName: "公开办", Role: auth.RoleOffice, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		at := time.Date(2025, 6, 16, 2, 0, 0, 0, time.UTC)
		n := store.MonitorNotice{UserID: uid, Key: "digest:2025-06-16", Kind: "digest", Title: "汇总"}
		for i := range 2 {
			id, _ := s.ClaimMonitorRun(ctx, "digest", "", "a", at)
			if err := s.FinishMonitorRun(ctx, id, store.MonitorOutcome{Status: store.RunOK, At: at.Add(time.Duration(i) * time.Minute),
				Notices: []store.MonitorNotice{n}}); err != nil {
				t.Fatal(err)
			}
		}
		list, unread, err := s.MonitorNotices(ctx, uid, 10)
		if err != nil || len(list) != 1 || unread != 1 {
			t.Fatalf("notices %+v unread %d %v", list, unread, err)
		}
		if err := s.MarkMonitorNoticesRead(ctx, uid, at); err != nil {
			t.Fatal(err)
		}
		if _, unread, _ := s.MonitorNotices(ctx, uid, 10); unread != 0 {
			t.Fatalf("unread after marking read: %d", unread)
		}
	})
}

func TestColumnActivityAndRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		site, _ := s.CreateSite(ctx, catalog.Site{Code: "m", Name: "局", USCC: "11420200MB1234567X"})
		col, _ := s.CreateColumn(ctx, catalog.Column{SiteID: site, Slug: "dt", Name: "动态", Kind: catalog.KindNews})
		empty, _ := s.CreateColumn(ctx, catalog.Column{SiteID: site, Slug: "kb", Name: "空白", Kind: catalog.KindNews})
		newest := time.Date(2025, 6, 10, 1, 30, 0, 0, time.UTC)
		for i, st := range []catalog.State{catalog.StatePublished, catalog.StatePublished, catalog.StateWithdrawn, catalog.StateDraft} {
			pub := newest.AddDate(0, 0, -i*3)
			if i >= 2 {
				pub = newest.AddDate(0, 0, 1) // withdrawn or draft: not on the site
			}
			if _, err := s.CreateDocument(ctx, catalog.Document{SiteID: site, ColumnID: col, Title: "动态", Genre: catalog.GenreOther,
				Validity: catalog.Valid, State: st, PublishedAt: pub, WrittenOn: "2025-06-01"}); err != nil {
				t.Fatal(err)
			}
		}
		act, err := s.ColumnActivity(ctx, site)
		if err != nil {
			t.Fatal(err)
		}
		if a := act[col]; a.Published != 2 || !a.Last.Equal(newest) {
			t.Fatalf("activity %+v", a)
		}
		if _, ok := act[empty]; ok {
			t.Fatal("a blank column has activity")
		}
		w := 30
		if err := s.SetColumnRule(ctx, store.MonitorColumnRule{ColumnID: col, WindowDays: &w, Note: "每月更新"}, newest); err != nil {
			t.Fatal(err)
		}
		if err := s.SetColumnRule(ctx, store.MonitorColumnRule{ColumnID: empty, ExemptBlank: true}, newest); err != nil {
			t.Fatal(err)
		}
		rules, err := s.ColumnRules(ctx, site)
		if err != nil || len(rules) != 2 || *rules[col].WindowDays != 30 || rules[empty].WindowDays != nil || !rules[empty].ExemptBlank {
			t.Fatalf("rules %+v %v", rules, err)
		}
		if err := s.SetColumnRule(ctx, store.MonitorColumnRule{ColumnID: empty}, newest); err != nil {
			t.Fatal(err)
		}
		if rules, _ := s.ColumnRules(ctx, site); len(rules) != 1 {
			t.Fatalf("a default rule was kept: %+v", rules)
		}
	})
}
