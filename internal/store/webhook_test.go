package store_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestWebhookOutbox: published documents of the push scope are queued from
// the documents table once, whatever happened before (restart-safe); an
// attempt log moves a delivery to delivered, retried or failed.
func TestWebhookOutbox(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		at := time.Date(2025, 3, 10, 2, 0, 0, 0, time.UTC)
		mk := func(title string, g catalog.Genre, st catalog.State) int64 {
			d := f.draft(title)
			d.Genre, d.State = g, st
			if st == catalog.StatePublished {
				d.PublishedAt = at
			}
			id, err := s.CreateDocument(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		norm := mk("规范性文件", catalog.GenreNormative, catalog.StatePublished)
		mk("草稿规范性文件", catalog.GenreNormative, catalog.StateDraft)
		mk("普通通知", catalog.GenreOther, catalog.StatePublished)
		scope := []catalog.Genre{catalog.GenreRule, catalog.GenreNormative}
		for i, want := range []int{1, 0} {
			n, err := s.EnqueueWebhookDeliveries(ctx, linkage.EventPublish, scope, at)
			if err != nil || n != want {
				t.Fatalf("enqueue pass %d: %d %v, want %d", i, n, err, want)
			}
		}
		due, err := s.DueWebhookDeliveries(ctx, at, 10)
		if err != nil || len(due) != 1 || due[0].DocumentID != norm || due[0].DocumentTitle != "规范性文件" {
			t.Fatalf("due: %+v %v", due, err)
		}
		id := due[0].ID
		next := at.Add(time.Minute)
		if err := s.RecordWebhookAttempt(ctx, store.WebhookAttempt{DeliveryID: id, At: at, Target: "https://x/", StatusCode: 500,
			Error: "对方平台服务器错误（HTTP 500）"}, next, false); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.DueWebhookDeliveries(ctx, at, 10); len(due) != 0 {
			t.Fatal("retried before its back-off")
		}
		if err := s.RecordWebhookAttempt(ctx, store.WebhookAttempt{DeliveryID: id, At: next, Target: "https://x/", StatusCode: 200}, next, false); err != nil {
			t.Fatal(err)
		}
		w, err := s.WebhookDelivery(ctx, id)
		if err != nil || w.Status != store.DeliveryDelivered || w.Attempts != 2 || !w.DeliveredAt.Equal(next) {
			t.Fatalf("delivery: %+v %v", w, err)
		}
		log, err := s.WebhookAttempts(ctx, id)
		if err != nil || len(log) != 2 || log[0].StatusCode != 500 || log[0].Error == "" || log[1].Error != "" {
			t.Fatalf("log: %+v %v", log, err)
		}
		// Everything: the other published document joins; the draft never.
		if n, _ := s.EnqueueWebhookDeliveries(ctx, linkage.EventPublish, nil, at); n != 1 {
			t.Fatalf("all genres: %d", n)
		}
		list, total, err := s.WebhookDeliveries(ctx, store.WebhookDeliveryFilter{SiteID: f.site.ID, Status: store.DeliveryPending})
		if err != nil || total != 1 || len(list) != 1 {
			t.Fatalf("pending list: %d %v", total, err)
		}
		if err := s.RecordWebhookAttempt(ctx, store.WebhookAttempt{DeliveryID: list[0].ID, At: at, Error: "无法连接"}, at, true); err != nil {
			t.Fatal(err)
		}
		if w, _ := s.WebhookDelivery(ctx, list[0].ID); w.Status != store.DeliveryFailed {
			t.Fatalf("gave up: %s", w.Status)
		}
		if err := s.RetryWebhookDelivery(ctx, list[0].ID, at); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.DueWebhookDeliveries(ctx, at, 10); len(due) != 1 {
			t.Fatal("retry did not requeue")
		}
	})
}

// TestFeedSubscriptionPolling: due subscriptions, the validators and the
// back-off state of reads.
func TestFeedSubscriptionPolling(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id, err := s.CreateFeedSubscription(ctx, store.FeedSubscription{SiteID: f.site.ID, Name: "市政府", Kind: linkage.KindFeed,
			URL: "https://www.huangshi.gov.cn/rss.xml", IntervalMinutes: 30, Enabled: true})
		if err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Hour)
		due, err := s.DueFeedSubscriptions(ctx, later, 10)
		if err != nil || len(due) != 1 || due[0].Source().URL != "https://www.huangshi.gov.cn/rss.xml" {
			t.Fatalf("due: %+v %v", due, err)
		}
		if err := s.RecordPollFailure(ctx, id, "连接对方网站超时", later, later.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		sub, _ := s.FeedSubscription(ctx, id)
		if sub.Failures != 1 || sub.LastError != "连接对方网站超时" {
			t.Fatalf("after failure: %+v", sub)
		}
		if due, _ := s.DueFeedSubscriptions(ctx, later.Add(time.Hour), 10); len(due) != 0 {
			t.Fatal("due during back-off")
		}
		if err := s.RecordPollSuccess(ctx, id, `"v1"`, "Mon, 10 Mar 2025 02:00:00 GMT", later, later.Add(30*time.Minute)); err != nil {
			t.Fatal(err)
		}
		subs, err := s.FeedSubscriptions(ctx, f.site.ID)
		if err != nil || len(subs) != 1 || subs[0].Failures != 0 || subs[0].LastError != "" || subs[0].ETag != `"v1"` || subs[0].LastOKAt.IsZero() {
			t.Fatalf("after success: %+v %v", subs, err)
		}
		sub.Enabled = false
		if err := s.UpdateFeedSubscription(ctx, sub); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.DueFeedSubscriptions(ctx, later.Add(time.Hour), 10); len(due) != 0 {
			t.Fatal("disabled subscription is due")
		}
	})
}
