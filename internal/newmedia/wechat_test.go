package newmedia_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/internal/newmedia"
	"gongkai/internal/newmedia/wechattest"
)

const (
	appID  = "wx0123456789abcdef"
	secret = "0123456789abcdef0123456789abcdef"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newClient(t *testing.T, limits newmedia.Limits) (*newmedia.WeChat, *wechattest.Server, *clock) {
	t.Helper()
	srv := wechattest.New(appID, secret)
	t.Cleanup(srv.Close)
	clk := &clock{t: time.Date(2025, 6, 16, 9, 0, 0, 0, time.UTC)}
	c := newmedia.NewWeChat(newmedia.Config{Base: srv.URL, AppID: appID, Secret: secret}, srv.Client(), clk.now,
		&newmedia.MemoryCounter{}, limits)
	return c, srv, clk
}

var roomy = newmedia.Limits{Publish: 100, Menu: 100}

// TestTokenRefresh: the token is fetched once and cached; a token the
// platform refuses (42001, 40001) is refreshed once and the call repeated;
// close to its expiry it is renewed; concurrent callers share one refresh.
func TestTokenRefresh(t *testing.T) {
	ctx := context.Background()
	c, srv, clk := newClient(t, roomy)
	for range 3 {
		if err := c.CreateMenu(ctx, newmedia.DefaultMenu("https://www.example.gov.cn")); err != nil {
			t.Fatal(err)
		}
	}
	if n := srv.Count("/cgi-bin/token"); n != 1 {
		t.Fatalf("token fetched %d times for 3 calls, want 1 (cached)", n)
	}
	srv.ExpireTokens() // the platform says 42001
	if err := c.CreateMenu(ctx, newmedia.DefaultMenu("https://www.example.gov.cn")); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if n := srv.Count("/cgi-bin/token"); n != 2 {
		t.Fatalf("token fetched %d times after 42001, want 2", n)
	}
	srv.Fail("/cgi-bin/menu/create", 40001) // a token invalidated elsewhere
	if err := c.CreateMenu(ctx, newmedia.DefaultMenu("https://www.example.gov.cn")); err != nil || srv.Count("/cgi-bin/token") != 3 {
		t.Fatalf("after 40001: %v, %d token fetches", err, srv.Count("/cgi-bin/token"))
	}
	// 7200 s minus the 5-minute margin: renewed before the platform refuses it.
	clk.add(7200*time.Second - 5*time.Minute)
	if _, err := c.PublishStatus(ctx, "none"); !newmedia.IsCode(err, 53600) {
		t.Fatalf("unknown publish_id: %v", err)
	}
	if n := srv.Count("/cgi-bin/token"); n != 4 {
		t.Fatalf("token fetched %d times at the margin, want 4", n)
	}
	// A refused refresh is not looped on: the second 42001 is the answer.
	srv.Fail("/cgi-bin/menu/create", 42001, 42001)
	if err := c.CreateMenu(ctx, newmedia.DefaultMenu("https://www.example.gov.cn")); !newmedia.IsCode(err, 42001) {
		t.Fatalf("twice refused: %v", err)
	}

	// Many callers on a fresh client: one token request.
	c2, srv2, _ := newClient(t, roomy)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c2.PublishStatus(ctx, "none"); !newmedia.IsCode(err, 53600) {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := srv2.Count("/cgi-bin/token"); n != 1 {
		t.Fatalf("8 concurrent callers fetched %d tokens, want 1", n)
	}
}

// TestDraftPublishStatus: cover upload, draft, submission and the status.
func TestDraftPublishStatus(t *testing.T) {
	ctx := context.Background()
	c, srv, _ := newClient(t, roomy)
	cover, err := c.UploadImage(ctx, "cover.png", newmedia.DefaultCover())
	if err != nil || srv.Images[cover] == 0 {
		t.Fatalf("cover upload: %q, %v", cover, err)
	}
	media, err := c.AddDraft(ctx, []newmedia.Article{{Title: "关于开展专精特新企业申报的通知", Content: "<p>正文</p>",
		ContentSourceURL: "https://www.example.gov.cn/doc/1", ThumbMediaID: cover}})
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.Drafts[media]; len(got) != 1 || got[0].ContentSourceURL != "https://www.example.gov.cn/doc/1" {
		t.Fatalf("draft stored: %+v", got)
	}
	pub, err := c.SubmitPublish(ctx, media)
	if err != nil || srv.Published[pub] != media {
		t.Fatalf("submit: %q, %v", pub, err)
	}
	srv.Status = newmedia.PubPublishing
	st, err := c.PublishStatus(ctx, pub)
	if err != nil || st.Status != newmedia.PubPublishing || st.URL() != "" {
		t.Fatalf("while checking: %+v, %v", st, err)
	}
	srv.Status = newmedia.PubOK
	if st, err = c.PublishStatus(ctx, pub); err != nil || st.Status != newmedia.PubOK || !strings.HasSuffix(st.URL(), pub) || st.ArticleID == "" {
		t.Fatalf("published: %+v, %v", st, err)
	}
	if _, err := c.AddDraft(ctx, []newmedia.Article{{Title: "无封面", Content: "x", ThumbMediaID: "nope"}}); !newmedia.IsCode(err, 40007) ||
		!strings.Contains(err.Error(), "封面") {
		t.Fatalf("draft without a valid cover: %v", err)
	}
}

// TestMenuUpdate sends the menu in the API's shape and validates it first.
func TestMenuUpdate(t *testing.T) {
	ctx := context.Background()
	c, srv, _ := newClient(t, roomy)
	if err := c.CreateMenu(ctx, newmedia.DefaultMenu("https://www.example.gov.cn")); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Button []struct {
			Type, Name, URL string
			Sub             []struct{ Type, Name, URL string } `json:"sub_button"`
		} `json:"button"`
	}
	if err := json.Unmarshal(srv.Menu, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Button) != 3 || got.Button[1].URL != "https://www.example.gov.cn/service/" || got.Button[1].Type != "view" ||
		got.Button[2].Sub[0].Name != "留言板" || got.Button[2].Sub[0].URL != "https://www.example.gov.cn/messages/" {
		t.Fatalf("menu sent: %s", srv.Menu)
	}
	before := srv.Count("/cgi-bin/menu/create")
	bad := []newmedia.Menu{
		{},
		{Buttons: []newmedia.Button{{Type: "view", Name: "一个很长的菜单名称", URL: "https://a.example/"}}},
		{Buttons: []newmedia.Button{{Type: "view", Name: "办事", URL: "javascript:alert(1)"}}},
		{Buttons: []newmedia.Button{{Type: "view", Name: "a", URL: "https://a.example/"}, {Type: "view", Name: "b", URL: "https://a.example/"},
			{Type: "view", Name: "c", URL: "https://a.example/"}, {Type: "view", Name: "d", URL: "https://a.example/"}}},
	}
	for _, m := range bad {
		if err := c.CreateMenu(ctx, m); err == nil {
			t.Errorf("menu %+v accepted", m)
		}
	}
	if srv.Count("/cgi-bin/menu/create") != before {
		t.Fatal("an invalid menu reached the platform")
	}
}

// TestErrorMapping: error codes become Chinese messages with the code;
// only safe calls are repeated after a busy platform.
func TestErrorMapping(t *testing.T) {
	ctx := context.Background()
	c, srv, _ := newClient(t, roomy)
	cover, _ := c.UploadImage(ctx, "c.png", newmedia.DefaultCover())
	media, _ := c.AddDraft(ctx, []newmedia.Article{{Title: "t", Content: "c", ThumbMediaID: cover}})
	for code, want := range map[int]string{48001: "未获得该接口权限", 53503: "未通过发布检查", 45009: "调用次数已达", 45047: "发送条数已达",
		45064: "未与公众号关联的小程序", -1: "系统繁忙", 99999: "未知错误"} {
		srv.Fail("/cgi-bin/freepublish/submit", code)
		_, err := c.SubmitPublish(ctx, media)
		var ae *newmedia.APIError
		if !errors.As(err, &ae) || ae.Code != code || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), fmt.Sprint(code)) {
			t.Errorf("code %d: %v, want %q", code, err, want)
		}
	}
	// -1 on a draft is not repeated: it may have been stored.
	n := srv.Count("/cgi-bin/draft/add")
	srv.Fail("/cgi-bin/draft/add", -1)
	if _, err := c.AddDraft(ctx, []newmedia.Article{{Title: "t", Content: "c", ThumbMediaID: cover}}); !newmedia.IsCode(err, -1) ||
		srv.Count("/cgi-bin/draft/add") != n+1 {
		t.Fatalf("draft after -1: %v, %d calls", err, srv.Count("/cgi-bin/draft/add")-n)
	}
	// -1 on a status query is: reading twice is harmless.
	pub, _ := c.SubmitPublish(ctx, media)
	srv.Fail("/cgi-bin/freepublish/get", -1)
	if st, err := c.PublishStatus(ctx, pub); err != nil || st.Status != newmedia.PubOK {
		t.Fatalf("status after -1: %+v, %v", st, err)
	}
	// A wrong AppID and an unreachable platform; neither message nor cause carries the secret.
	bad := newmedia.NewWeChat(newmedia.Config{Base: srv.URL, AppID: "wxwrong", Secret: secret}, srv.Client(), time.Now, nil, roomy)
	if _, err := bad.PublishStatus(ctx, pub); !newmedia.IsCode(err, 40013) || !strings.Contains(err.Error(), "AppID 不正确") {
		t.Fatalf("wrong AppID: %v", err)
	}
	down := newmedia.NewWeChat(newmedia.Config{Base: "http://127.0.0.1:1", AppID: appID, Secret: secret}, nil, time.Now, nil, roomy)
	_, err := down.AddDraft(ctx, nil)
	var ne *newmedia.NetError
	if !errors.As(err, &ne) || strings.Contains(err.Error(), secret) || strings.Contains(ne.Err.Error(), secret) {
		t.Fatalf("unreachable: %v (cause %v)", err, ne)
	}
}

// TestDailyLimit refuses past the configured daily limit before calling,
// and counts again the next day (China time).
func TestDailyLimit(t *testing.T) {
	ctx := context.Background()
	c, srv, clk := newClient(t, newmedia.Limits{Publish: 1, Menu: 1})
	cover, err := c.UploadImage(ctx, "c.png", newmedia.DefaultCover())
	if err != nil {
		t.Fatal(err)
	}
	media, err := c.AddDraft(ctx, []newmedia.Article{{Title: "t", Content: "c", ThumbMediaID: cover}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddDraft(ctx, []newmedia.Article{{Title: "t2", Content: "c", ThumbMediaID: cover}}); err == nil ||
		!strings.Contains(err.Error(), "今日新建草稿次数已达本公众号设置的每日上限（1次）") {
		t.Fatalf("second draft: %v", err)
	}
	if srv.Count("/cgi-bin/draft/add") != 1 {
		t.Fatal("the refused draft reached the platform")
	}
	m := newmedia.DefaultMenu("https://www.example.gov.cn")
	if err := c.CreateMenu(ctx, m); err != nil {
		t.Fatal(err)
	}
	var le *newmedia.ErrLimit
	if err := c.CreateMenu(ctx, m); !errors.As(err, &le) || srv.Count("/cgi-bin/menu/create") != 1 {
		t.Fatalf("second menu update: %v", err)
	}
	clk.add(15 * time.Hour) // 09:00 UTC + 15 h = 08:00 the next day in China
	if _, err := c.SubmitPublish(ctx, media); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateMenu(ctx, m); err != nil {
		t.Fatalf("next day: %v", err)
	}
}
