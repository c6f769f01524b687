package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestMediaAccountRegister covers the 政务新媒体 register: the last post is
// the later of the one entered and the one recorded; a published post of
// a document becomes its 政务微信 channel record, once; the AppSecret is
// stored sealed.
func TestMediaAccountRegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		acc := store.MediaAccount{SiteID: f.site.ID, OrgID: f.org, Name: "示例工业", Platform: store.WeChatPlatform,
			Status: store.MediaActive, LastPostOn: "2025-03-01", UpdateDays: 14, Interactive: true}
		id, err := s.CreateMediaAccount(ctx, acc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateMediaAccount(ctx, acc); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("same name twice on one platform: %v, want ErrConflict", err)
		}
		doc, err := s.CreateDocument(ctx, f.draft("关于开展2025年工业企业调查的通知"))
		if err != nil {
			t.Fatal(err)
		}
		// draft() carries one 政务微信 record already.
		post := store.MediaPost{AccountID: id, DocumentID: doc, Title: "调查通知", Status: store.PostPublishing, PublishID: "p1"}
		if post.ID, err = s.CreateMediaPost(ctx, post); err != nil {
			t.Fatal(err)
		}
		got, _ := s.MediaAccount(ctx, id)
		if got.LastPost() != "2025-03-01" || got.Connected() {
			t.Fatalf("before publication: last %q connected %v", got.LastPost(), got.Connected())
		}
		post.Status, post.PostedOn, post.URL = store.PostPublished, "2025-03-10", "https://mp.weixin.qq.com/s/abc"
		for range 2 { // a second status poll must not add a second record
			if err := s.UpdateMediaPost(ctx, post); err != nil {
				t.Fatal(err)
			}
		}
		d, _ := s.Document(ctx, doc)
		if len(d.Channels) != 2 || d.Channels[1].Channel != catalog.ChannelWeChat || d.Channels[1].Ref != post.URL || d.Channels[1].Date != "2025-03-10" {
			t.Fatalf("channels after publication: %+v", d.Channels)
		}
		if n, err := s.CountChannelRecords(ctx, f.site.ID, catalog.ChannelWeChat, 2025); err != nil || n != 2 {
			t.Fatalf("政务微信 count %d, %v; want 2", n, err)
		}
		got, _ = s.MediaAccount(ctx, id)
		if got.LastPost() != "2025-03-10" {
			t.Fatalf("last post %q, want the recorded 2025-03-10", got.LastPost())
		}
		if err := s.SetMediaAPI(ctx, id, store.MediaAPI{Base: "http://127.0.0.1:1", AppID: "wx1", Secret: "s3cr3t-value", PublishLimit: 3, MenuLimit: 2}); err != nil {
			t.Fatal(err)
		}
		var raw string
		if err := s.DB().QueryRowContext(ctx, `SELECT app_secret_enc FROM media_accounts`).Scan(&raw); err != nil || strings.Contains(raw, "s3cr3t") || raw == "" {
			t.Fatalf("stored secret %q (%v): must be sealed", raw, err)
		}
		if sec, err := s.MediaAppSecret(ctx, id); err != nil || sec != "s3cr3t-value" {
			t.Fatalf("secret %q, %v", sec, err)
		}
		// An update without a secret keeps the stored one.
		if err := s.SetMediaAPI(ctx, id, store.MediaAPI{Base: "http://127.0.0.1:2", AppID: "wx1", PublishLimit: 3, MenuLimit: 2}); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.MediaAccount(ctx, id); !got.Connected() || got.PublishLimit != 3 {
			t.Fatalf("connection: %+v", got)
		}
	})
}

// TestMediaQuota counts calls per account, day and API and refuses past the limit.
func TestMediaQuota(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id, err := s.CreateMediaAccount(ctx, store.MediaAccount{SiteID: f.site.ID, Name: "示例工业", Platform: store.WeChatPlatform,
			Status: store.MediaActive, UpdateDays: 14})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= 2; i++ {
			if used, ok, err := s.TakeMediaQuota(ctx, id, "2025-03-10", "publish", 2); err != nil || !ok || used != i {
				t.Fatalf("call %d: used %d ok %v err %v", i, used, ok, err)
			}
		}
		if _, ok, err := s.TakeMediaQuota(ctx, id, "2025-03-10", "publish", 2); err != nil || ok {
			t.Fatalf("third call: ok %v err %v, want refused", ok, err)
		}
		if _, ok, _ := s.TakeMediaQuota(ctx, id, "2025-03-11", "publish", 2); !ok {
			t.Fatal("the next day starts a new count")
		}
		u, err := s.MediaUsage(ctx, id, "2025-03-10")
		if err != nil || u["publish"] != 2 {
			t.Fatalf("usage %v, %v", u, err)
		}
	})
}
