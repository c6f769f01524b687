package newmedia_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/newmedia"
	"gongkai/internal/newmedia/wechattest"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestPublishDocument publishes a published document through the loopback
// API: the post is recorded, becomes the document's 政务微信 channel record
// once out (so the annual count includes it), a failed submission is
// retried with the same draft, and the daily limit refuses before calling.
func TestPublishDocument(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		srv := wechattest.New(appID, secret)
		defer srv.Close()
		site, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"})
		if err != nil {
			t.Fatal(err)
		}
		col, _ := st.CreateColumn(ctx, catalog.Column{SiteID: site, Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice})
		now := time.Date(2025, 6, 16, 2, 0, 0, 0, time.UTC)
		docID, err := st.CreateDocument(ctx, catalog.Document{SiteID: site, ColumnID: col, Title: "关于开展专精特新企业申报的通知",
			BodyHTML: "<p>请各企业按要求申报。</p>", WrittenOn: "2025-06-10", Genre: catalog.GenreOther, Validity: catalog.Valid,
			State: catalog.StatePublished, PublishedAt: now, IndexNo: "11420200MB1234567X/2025-00001"})
		if err != nil {
			t.Fatal(err)
		}
		accID, err := st.CreateMediaAccount(ctx, store.MediaAccount{SiteID: site, Name: "示例工业", Platform: store.WeChatPlatform,
			Status: store.MediaActive, UpdateDays: 14, Interactive: true})
		if err != nil {
			t.Fatal(err)
		}
		svc := &newmedia.Service{Store: st, Now: func() time.Time { return now }, HTTP: srv.Client()}
		acc, _ := st.MediaAccount(ctx, accID)
		doc, _ := st.Document(ctx, docID)
		if _, err := svc.Publish(ctx, acc, doc, newmedia.Draft{Title: doc.Title}, 0); err != newmedia.ErrNotConnected {
			t.Fatalf("unconnected account: %v", err)
		}
		if err := st.SetMediaAPI(ctx, accID, store.MediaAPI{Base: srv.URL, AppID: appID, Secret: secret, PublishLimit: 2, MenuLimit: 5}); err != nil {
			t.Fatal(err)
		}
		acc, _ = st.MediaAccount(ctx, accID)
		srv.Fail("/cgi-bin/freepublish/submit", 48001)
		post, err := svc.Publish(ctx, acc, doc, newmedia.Draft{Title: doc.Title, SourceURL: "https://www.example.gov.cn/doc/1"}, 0)
		if err == nil || post.Status != store.PostFailed || !strings.Contains(post.Error, "未获得该接口权限") || post.MediaID == "" {
			t.Fatalf("refused submission: %+v, %v", post, err)
		}
		acc, _ = st.MediaAccount(ctx, accID)
		if acc.CoverMediaID == "" {
			t.Fatal("the default cover was not kept")
		}
		drafts := srv.Count("/cgi-bin/draft/add")
		if post, err = svc.Submit(ctx, acc, post); err != nil || post.Status != store.PostPublished || post.URL == "" {
			t.Fatalf("retried submission: %+v, %v", post, err)
		}
		if srv.Count("/cgi-bin/draft/add") != drafts {
			t.Fatal("a retry must reuse the draft")
		}
		doc, _ = st.Document(ctx, docID)
		if len(doc.Channels) != 1 || doc.Channels[0].Channel != catalog.ChannelWeChat || doc.Channels[0].Ref != post.URL ||
			doc.Channels[0].Date != "2025-06-16" {
			t.Fatalf("channel records: %+v", doc.Channels)
		}
		if n, _ := st.CountChannelRecords(ctx, site, catalog.ChannelWeChat, 2025); n != 1 {
			t.Fatalf("政务微信 count %d, want 1", n)
		}
		if a, _ := st.MediaAccount(ctx, accID); a.LastPost() != "2025-06-16" {
			t.Fatalf("account's last post %q", a.LastPost())
		}
		// Limit 2 a day, and the refused submission counted: the second
		// document's draft passes but its submission is refused before
		// calling; the third draft is refused too.
		subs := srv.Count("/cgi-bin/freepublish/submit")
		if p2, err := svc.Publish(ctx, acc, doc, newmedia.Draft{Title: "第二次"}, 0); err == nil || p2.Status != store.PostFailed ||
			!strings.Contains(p2.Error, "今日发布次数已达本公众号设置的每日上限（2次）") || srv.Count("/cgi-bin/freepublish/submit") != subs {
			t.Fatalf("submission past the limit: %+v, %v", p2, err)
		}
		calls := srv.Count("/cgi-bin/draft/add")
		if _, err := svc.Publish(ctx, acc, doc, newmedia.Draft{Title: "第三次"}, 0); err == nil || !strings.Contains(err.Error(), "每日上限（2次）") ||
			srv.Count("/cgi-bin/draft/add") != calls {
			t.Fatalf("past the daily limit: %v", err)
		}
		if u, _ := st.MediaUsage(ctx, accID, "2025-06-16"); u["draft"] != 2 || u["publish"] != 2 {
			t.Fatalf("usage %v", u)
		}
		if err := svc.UpdateMenu(ctx, acc, newmedia.DefaultMenu("https://www.example.gov.cn")); err != nil {
			t.Fatal(err)
		}
		if a, _ := st.MediaAccount(ctx, accID); newmedia.MenuOf(a, "x").Buttons[1].URL != "https://www.example.gov.cn/service/" {
			t.Fatalf("stored menu %s", a.MenuJSON)
		}
	})
}

// TestRefreshOpen: a publication the platform is still checking is asked
// about again (the background loop) and recorded once it is out.
func TestRefreshOpen(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, store.SQLite)
	srv := wechattest.New(appID, secret)
	defer srv.Close()
	site, _ := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: "11420200MB1234567X"})
	col, _ := st.CreateColumn(ctx, catalog.Column{SiteID: site, Slug: "dtyw", Name: "动态要闻", Kind: catalog.KindNews})
	now := time.Date(2025, 6, 16, 2, 0, 0, 0, time.UTC)
	docID, err := st.CreateDocument(ctx, catalog.Document{SiteID: site, ColumnID: col, Title: "工作动态", BodyHTML: "<p>动态</p>",
		WrittenOn: "2025-06-16", Genre: catalog.GenreOther, Validity: catalog.Valid, State: catalog.StatePublished, PublishedAt: now,
		IndexNo: "11420200MB1234567X/2025-00002"})
	if err != nil {
		t.Fatal(err)
	}
	accID, _ := st.CreateMediaAccount(ctx, store.MediaAccount{SiteID: site, Name: "示例工业", Platform: store.WeChatPlatform,
		Status: store.MediaActive, UpdateDays: 14, Interactive: true})
	if err := st.SetMediaAPI(ctx, accID, store.MediaAPI{Base: srv.URL, AppID: appID, Secret: secret, PublishLimit: 10, MenuLimit: 5}); err != nil {
		t.Fatal(err)
	}
	svc := &newmedia.Service{Store: st, Now: func() time.Time { return now }, HTTP: srv.Client()}
	acc, _ := st.MediaAccount(ctx, accID)
	doc, _ := st.Document(ctx, docID)
	srv.Status = newmedia.PubPublishing
	post, err := svc.Publish(ctx, acc, doc, newmedia.Draft{Title: doc.Title}, 0)
	if err != nil || post.Status != store.PostPublishing {
		t.Fatalf("while checking: %+v, %v", post, err)
	}
	if d, _ := st.Document(ctx, docID); len(d.Channels) != 0 {
		t.Fatal("not out yet, so no channel record")
	}
	srv.Status = newmedia.PubRejected
	if n, err := svc.RefreshOpen(ctx); err != nil || n != 1 {
		t.Fatalf("refresh: %d, %v", n, err)
	}
	if p, _ := st.MediaPost(ctx, post.ID); p.Status != store.PostFailed || !strings.Contains(p.Error, "审核不通过") {
		t.Fatalf("rejected: %+v", p)
	}
	post.Status = store.PostPublishing
	if err := st.UpdateMediaPost(ctx, post); err != nil {
		t.Fatal(err)
	}
	srv.Status = newmedia.PubOK
	if n, err := svc.RefreshOpen(ctx); err != nil || n != 1 {
		t.Fatalf("refresh: %d, %v", n, err)
	}
	if d, _ := st.Document(ctx, docID); len(d.Channels) != 1 || d.Channels[0].Channel != catalog.ChannelWeChat {
		t.Fatalf("channel records %+v", d.Channels)
	}
	if n, _ := svc.RefreshOpen(ctx); n != 0 {
		t.Fatalf("%d posts still open", n)
	}
}
