package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestRepostQueue: items land once per subscription, the same item from a
// second source is a duplicate whose rule obligation moves to the first
// copy, staff marking and dismissing, the repost as a draft document, its
// proof once published, and the monthly report's rows.
func TestRepostQueue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		at := time.Date(2025, 3, 10, 2, 0, 0, 0, time.UTC)
		city, err := s.CreateFeedSubscription(ctx, store.FeedSubscription{SiteID: f.site.ID, Name: "市政府", Kind: linkage.KindFeed,
			URL: "https://www.huangshi.gov.cn/rss.xml", IntervalMinutes: 60, Enabled: true, ColumnID: f.column})
		if err != nil {
			t.Fatal(err)
		}
		prov, err := s.CreateFeedSubscription(ctx, store.FeedSubscription{SiteID: f.site.ID, Name: "省政府", Kind: linkage.KindPage,
			URL: "https://www.hubei.gov.cn/list.shtml", ItemSelector: "ul li", IntervalMinutes: 60, Enabled: true})
		if err != nil {
			t.Fatal(err)
		}
		add := func(sub int64, it linkage.Item, required bool, due string) (int64, bool) {
			t.Helper()
			id, created, err := s.AddUpstreamItem(ctx, store.NewUpstreamItem{SiteID: f.site.ID, SubscriptionID: sub, Item: it,
				Required: required, DueOn: due, RuleID: 0}, at)
			if err != nil {
				t.Fatal(err)
			}
			return id, created
		}
		a, created := add(city, linkage.Item{GUID: "a", Link: "https://www.huangshi.gov.cn/xxgk/a.html?utm_source=rss", Title: "关于做好安全生产工作的通知", PublishedOn: "2025-03-07"}, false, "")
		if !created {
			t.Fatal("first item not created")
		}
		if again, created := add(city, linkage.Item{GUID: "a", Link: "https://www.huangshi.gov.cn/xxgk/a.html", Title: "关于做好安全生产工作的通知"}, false, ""); created || again != a {
			t.Fatalf("same guid again: created %v, id %d", created, again)
		}
		// The province's list page carries the same notice by link (http, www-less).
		dupLink, _ := add(prov, linkage.Item{GUID: "p1", Link: "http://huangshi.gov.cn/xxgk/a.html", Title: "转发：安全生产"}, true, "2025-03-12")
		// … and another one by title and date only.
		b, _ := add(city, linkage.Item{GUID: "b", Link: "https://www.huangshi.gov.cn/xxgk/b.html", Title: "关于开展减税降费政策宣传的通知", PublishedOn: "2025-03-10"}, false, "")
		dupTitle, _ := add(prov, linkage.Item{GUID: "p2", Link: "https://www.hubei.gov.cn/x/b.html", Title: "关于开展 减税降费政策宣传的通知", PublishedOn: "2025-03-10"}, false, "")
		for id, orig := range map[int64]int64{dupLink: a, dupTitle: b} {
			u, err := s.UpstreamItem(ctx, id)
			if err != nil || u.DuplicateOf != orig || u.Required {
				t.Fatalf("item %d: duplicate of %d required %v (%v), want duplicate of %d", id, u.DuplicateOf, u.Required, err, orig)
			}
		}
		ua, _ := s.UpstreamItem(ctx, a)
		if !ua.Required || ua.RequiredBy != "rule" || ua.DueOn != "2025-03-12" || ua.SubscriptionName != "市政府" {
			t.Fatalf("first copy did not take the duplicate's obligation: %+v", ua)
		}
		list, total, err := s.UpstreamItems(ctx, store.UpstreamFilter{SiteID: f.site.ID})
		if err != nil || total != 2 || len(list) != 2 {
			t.Fatalf("queue without duplicates: %d %d %v", total, len(list), err)
		}
		if _, total, _ := s.UpstreamItems(ctx, store.UpstreamFilter{SiteID: f.site.ID, Duplicates: true}); total != 4 {
			t.Fatalf("queue with duplicates: %d", total)
		}
		if err := s.MarkRepostRequired(ctx, dupTitle, "2025-03-20", 0, f.author, at); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("marking a duplicate: %v", err)
		}
		if err := s.MarkRepostRequired(ctx, b, "2025-03-13", f.column, f.author, at); err != nil {
			t.Fatal(err)
		}
		if n, err := s.CountOverdueReposts(ctx, f.site.ID, "2025-03-13"); err != nil || n != 1 {
			t.Fatalf("overdue on 03-13: %d %v", n, err)
		}
		// Repost a: a draft document, then published through the workflow.
		d := f.draft("【转载】关于做好安全生产工作的通知")
		docID, err := s.RepostUpstreamItem(ctx, a, d, f.author, at)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RepostUpstreamItem(ctx, a, d, f.author, at); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("second repost: %v", err)
		}
		if n, _ := s.RecordRepostProofs(ctx, func(site, doc int64) string { return "x" }); n != 0 {
			t.Fatalf("proof before publication: %d", n)
		}
		pubAt := time.Date(2025, 3, 11, 1, 0, 0, 0, time.UTC)
		for _, step := range []struct{ from, to catalog.State }{{catalog.StateDraft, catalog.StateSubmitted},
			{catalog.StateSubmitted, catalog.StateFirstApproved}, {catalog.StateFirstApproved, catalog.StatePublished}} {
			if _, err := s.Transition(ctx, docID, step.from, step.to, catalog.Decision{Action: catalog.ActSubmit, Now: pubAt, ActorID: f.reviewer},
				0, auth.AuditEntry{At: pubAt, Username: "rev", Action: "document.test"}); err != nil {
				t.Fatal(err)
			}
		}
		n, err := s.RecordRepostProofs(ctx, func(site, doc int64) string { return "https://gk.example.gov.cn/doc/" + strconv.FormatInt(doc, 10) })
		if err != nil || n != 1 {
			t.Fatalf("proofs: %d %v", n, err)
		}
		ua, _ = s.UpstreamItem(ctx, a)
		if ua.ProofURL != "https://gk.example.gov.cn/doc/"+strconv.FormatInt(docID, 10) || !ua.ProofAt.Equal(pubAt) || ua.ProofBy != "信息员" || ua.DocumentState != "published" {
			t.Fatalf("proof = %q %v %q %q", ua.ProofURL, ua.ProofAt, ua.ProofBy, ua.DocumentState)
		}
		rows, err := s.RepostReport(ctx, f.site.ID, "2025-03")
		if err != nil || len(rows) != 2 || rows[0].ID != a || rows[1].ID != b {
			t.Fatalf("report rows: %+v %v", rows, err)
		}
		if v := rows[0].Verdict("2025-03-31"); v != linkage.OnTime {
			t.Errorf("a: %s", v)
		}
		if v := rows[1].Verdict("2025-03-31"); v != linkage.Missing {
			t.Errorf("b: %s", v)
		}
		if err := s.DismissUpstreamItem(ctx, a, true, f.author, at); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("dismissing a reposted item: %v", err)
		}
		if err := s.DismissUpstreamItem(ctx, b, true, f.author, at); err != nil {
			t.Fatal(err)
		}
		if _, total, _ := s.UpstreamItems(ctx, store.UpstreamFilter{SiteID: f.site.ID, View: store.QueueNew}); total != 0 {
			t.Errorf("new items after dismissal: %d", total)
		}
	})
}
