package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/newmedia/wechattest"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestWeChatBackOffice goes through the 公众号 pages against the loopback
// API: register the account (with a refused form first), connect it (the
// secret never shown again nor audited), publish a published document and
// see it counted as a 政务微信 channel record, update the menu, and be
// refused past the daily limit with the reason in Chinese.
func TestWeChatBackOffice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		e.user("xxy", auth.RoleOfficer, e.orgA)
		office := e.login("gkb")
		if res := e.login("xxy").get("/admin/wechat"); res.status != http.StatusForbidden {
			t.Fatalf("a 科室信息员 on the 公众号 page: %d", res.status)
		}
		form := url.Values{"site": {itoa(e.site.ID)}, "org": {itoa(e.orgA)}, "name": {"示例工业"}, "platform": {"微信公众号"},
			"status": {"active"}, "last_post_on": {"2025-13-01"}, "update_days": {"30"}, "interactive": {"1"}}
		res := office.post("/admin/newmedia/new", form)
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "请填写日期") || !strings.Contains(res.body, "1至14之间") ||
			!strings.Contains(res.body, `value="示例工业"`) {
			t.Fatalf("refused register form: %d %s", res.status, res.body)
		}
		form.Set("last_post_on", "2025-02-20")
		form.Set("update_days", "14")
		if res = office.post("/admin/newmedia/new", form); res.status != http.StatusSeeOther {
			t.Fatalf("register: %d %s", res.status, res.body)
		}
		accs, _ := st.MediaAccounts(ctx, store.MediaAccountFilter{})
		if len(accs) != 1 {
			t.Fatalf("accounts %+v", accs)
		}
		id := itoa(accs[0].ID)
		if res = office.get("/admin/newmedia"); !strings.Contains(res.body, "示例工业") || !strings.Contains(res.body, "已18天未更新（超过14天，否决）") {
			t.Fatalf("register list: %s", res.body)
		}

		for _, path := range []string{"/admin/wechat", "/admin/newmedia/new", "/admin/newmedia/" + id + "/edit", "/admin/wechat/" + id + "/publish"} {
			if res := office.get(path); res.status != http.StatusOK || !strings.Contains(res.body, "示例工业") && !strings.Contains(res.body, "登记政务新媒体账号") {
				t.Errorf("GET %s: %d", path, res.status)
			}
		}
		// A post made on the platform directly, recorded by hand, brings the account up to date.
		if res = office.post("/admin/newmedia/"+id+"/posts", url.Values{"posted_on": {"2025-03-09"}, "title": {"公众号推文"}}); res.status != http.StatusSeeOther {
			t.Fatalf("record a post: %d %s", res.status, res.body)
		}
		if a, _ := st.MediaAccount(ctx, accs[0].ID); a.LastPost() != "2025-03-09" {
			t.Fatalf("last post after recording %q", a.LastPost())
		}
		const secret = "0123456789abcdef0123456789abcdef"
		srv := wechattest.New("wx0123456789abcdef", secret)
		defer srv.Close()
		res = office.post("/admin/wechat/"+id+"/api", url.Values{"api_base": {srv.URL}, "app_id": {"wx0123456789abcdef"},
			"app_secret": {secret}, "publish_limit": {"2"}, "menu_limit": {"5"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("connect: %d %s", res.status, res.body)
		}
		page := office.get("/admin/wechat/" + id)
		if strings.Contains(page.body, secret) || !strings.Contains(page.body, "已保存（加密存储，不再显示）") {
			t.Fatal("the account page must not show the AppSecret")
		}
		for _, a := range e.audits("wechat.api") {
			if strings.Contains(a.Detail, secret) {
				t.Fatal("the AppSecret reached the audit log")
			}
		}

		doc, err := st.CreateDocument(ctx, catalog.Document{SiteID: e.site.ID, ColumnID: e.colA, OrgID: e.orgA,
			Title: "关于开展2025年专精特新中小企业申报工作的通知", Summary: "申报通知", BodyHTML: "<p>请各企业按要求申报。</p>",
			WrittenOn: "2025-03-05", Genre: catalog.GenreOther, Validity: catalog.Valid, Issuer: "办公室",
			State: catalog.StatePublished, PublishedAt: e.clock.Now(), IndexNo: testUSCC + "/2025-00001"})
		if err != nil {
			t.Fatal(err)
		}
		if res = office.get("/admin/wechat/" + id + "/publish?doc=" + itoa(doc)); !strings.Contains(res.body, "专精特新") {
			t.Fatalf("publish form: %d", res.status)
		}
		res = office.post("/admin/wechat/"+id+"/publish", url.Values{"doc": {itoa(doc)}, "title": {strings.Repeat("长", 65)}})
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "不超过 64 个字") {
			t.Fatalf("too long a title: %d", res.status)
		}
		pub := url.Values{"doc": {itoa(doc)}, "title": {"专精特新中小企业申报通知"}, "author": {"办公室"}, "digest": {"申报通知"}}
		if res = office.post("/admin/wechat/"+id+"/publish", pub); res.status != http.StatusSeeOther || !strings.Contains(res.location, "msg=published") {
			t.Fatalf("publish: %d %s %s", res.status, res.location, res.body)
		}
		d, _ := st.Document(ctx, doc)
		if len(d.Channels) != 1 || d.Channels[0].Channel != catalog.ChannelWeChat || !strings.HasPrefix(d.Channels[0].Ref, "https://mp.weixin.qq.com/s/") {
			t.Fatalf("channel records %+v", d.Channels)
		}
		for _, drafts := range srv.Drafts {
			if !strings.Contains(drafts[0].ContentSourceURL, "/doc/"+itoa(doc)) {
				t.Fatalf("阅读原文 %q", drafts[0].ContentSourceURL)
			}
		}
		if res = office.get("/admin/wechat/" + id + "?msg=published"); !strings.Contains(res.body, "已发布") || !strings.Contains(res.body, "政务微信") {
			t.Fatalf("account page after publishing: %s", res.body)
		}

		if res = office.get("/admin/wechat/" + id + "/menu"); !strings.Contains(res.body, "/service/") || !strings.Contains(res.body, "留言板") {
			t.Fatalf("menu editor: %s", res.body)
		}
		menu := url.Values{"b0_name": {"信息公开内容很多"}, "b0_url": {"https://www.example.gov.cn/xxgk/"}}
		if res = office.post("/admin/wechat/"+id+"/menu", menu); res.status != http.StatusBadRequest || !strings.Contains(res.body, "1 至 4 个汉字") ||
			!strings.Contains(res.body, `value="信息公开内容很多"`) || srv.Count("/cgi-bin/menu/create") != 0 {
			t.Fatalf("refused menu: %d", res.status)
		}
		menu = url.Values{"b0_name": {"办事服务"}, "b0_url": {"https://www.example.gov.cn/service/"},
			"b1_name": {"互动"}, "b1_0_name": {"留言板"}, "b1_0_url": {"https://www.example.gov.cn/messages/"}}
		if res = office.post("/admin/wechat/"+id+"/menu", menu); res.status != http.StatusSeeOther {
			t.Fatalf("menu: %d %s", res.status, res.body)
		}
		if !strings.Contains(string(srv.Menu), `"sub_button":[{"type":"view","name":"留言板","url":"https://www.example.gov.cn/messages/"}]`) {
			t.Fatalf("menu sent %s", srv.Menu)
		}

		// Limit 2 a day: the second publication goes out, the third is
		// refused before calling the platform.
		if res = office.post("/admin/wechat/"+id+"/publish", pub); res.status != http.StatusSeeOther {
			t.Fatalf("second publication: %d %s", res.status, res.body)
		}
		drafts := srv.Count("/cgi-bin/draft/add")
		res = office.post("/admin/wechat/"+id+"/publish", pub)
		if res.status != http.StatusBadGateway || !strings.Contains(res.body, "今日新建草稿次数已达本公众号设置的每日上限（2次）") ||
			srv.Count("/cgi-bin/draft/add") != drafts {
			t.Fatalf("past the limit: %d %s", res.status, res.body)
		}
	})
}
