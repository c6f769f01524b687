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

// TestDocumentPageWeChat: the document page shows the document's channel
// records (a web reference as a link, others as text) and, for a
// published document, "发布到公众号" once the site's 公众号 is connected — the
// link opens the publish form with the document chosen, and the post then
// shows on the document page with its 政务微信 record. Drafts and users
// without the new-media permission get no publish action.
func TestDocumentPageWeChat(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		e.user("xxy", auth.RoleOfficer, e.orgA)
		office, officer := e.login("gkb"), e.login("xxy")
		doc, err := st.CreateDocument(ctx, catalog.Document{SiteID: e.site.ID, ColumnID: e.colA, OrgID: e.orgA,
			Title: "关于开展技术改造项目申报的通知", Summary: "申报通知", BodyHTML: "<p>请按要求申报。</p>", WrittenOn: "2025-03-05",
			Genre: catalog.GenreOther, Validity: catalog.Valid, Issuer: "办公室", State: catalog.StatePublished,
			PublishedAt: e.clock.Now(), IndexNo: testUSCC + "/2025-00001",
			Channels: []catalog.ChannelRecord{{Channel: catalog.ChannelNewspaper, Date: "2025-03-06", Ref: "黄石日报第1234期"},
				{Channel: catalog.ChannelOther, Date: "2025-03-07", Ref: "javascript:alert(1)"}}})
		if err != nil {
			t.Fatal(err)
		}
		draft, err := st.CreateDocument(ctx, catalog.Document{SiteID: e.site.ID, ColumnID: e.colA, OrgID: e.orgA,
			Title: "草稿信息", BodyHTML: "<p>草稿</p>", WrittenOn: "2025-03-05", Genre: catalog.GenreOther,
			Validity: catalog.Valid, State: catalog.StateDraft})
		if err != nil {
			t.Fatal(err)
		}
		docPage := "/admin/documents/" + itoa(doc)
		res := office.get(docPage)
		if res.status != http.StatusOK || !strings.Contains(res.body, "黄石日报第1234期") || strings.Contains(res.body, `href="javascript:`) ||
			strings.Contains(res.body, "发布到公众号") || strings.Contains(res.body, "尚未接入接口") {
			t.Fatalf("document page without any 公众号: %d %s", res.status, res.body)
		}

		id, err := st.CreateMediaAccount(ctx, store.MediaAccount{SiteID: e.site.ID, OrgID: e.orgA, Name: "示例工业",
			Platform: store.WeChatPlatform, Status: store.MediaActive, UpdateDays: 14, Interactive: true})
		if err != nil {
			t.Fatal(err)
		}
		if res = office.get(docPage); !strings.Contains(res.body, "尚未接入接口") || strings.Contains(res.body, "/publish?doc=") {
			t.Fatalf("an unconnected 公众号 offers no publishing: %s", res.body)
		}
		const appID, secret = "wx0123456789abcdef", "0123456789abcdef0123456789abcdef"
		srv := wechattest.New(appID, secret)
		defer srv.Close()
		if err := st.SetMediaAPI(ctx, id, store.MediaAPI{Base: srv.URL, AppID: appID, Secret: secret, PublishLimit: 5, MenuLimit: 5}); err != nil {
			t.Fatal(err)
		}
		link := "/admin/wechat/" + itoa(id) + "/publish?doc=" + itoa(doc)
		res = office.get(docPage)
		if !strings.Contains(res.body, `href="`+strings.ReplaceAll(link, "&", "&amp;")+`"`) || !strings.Contains(res.body, "发布到公众号“示例工业”") {
			t.Fatalf("connected 公众号: no publish action on the document page: %s", res.body)
		}
		for who, c := range map[string]*client{"草稿": office, "无新媒体权限": officer} {
			page := docPage
			if who == "草稿" {
				page = "/admin/documents/" + itoa(draft)
			}
			if r := c.get(page); r.status != http.StatusOK || strings.Contains(r.body, "/publish?doc=") {
				t.Errorf("%s: %d, publish action offered", who, r.status)
			}
		}
		if r := officer.get(docPage); !strings.Contains(r.body, "黄石日报第1234期") {
			t.Errorf("channel records are for everyone who sees the document")
		}

		form := office.get(link)
		if form.status != http.StatusOK || !strings.Contains(form.body, `name="doc" value="`+itoa(doc)+`"`) {
			t.Fatalf("the action does not open the publish form with the document chosen: %d %s", form.status, form.body)
		}
		pub := url.Values{"doc": {itoa(doc)}, "title": {"技术改造项目申报通知"}, "author": {"办公室"}, "digest": {"申报通知"}}
		if r := office.post("/admin/wechat/"+itoa(id)+"/publish", pub); r.status != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", r.status, r.body)
		}
		res = office.get(docPage)
		if !strings.Contains(res.body, "公众号发布记录") || !strings.Contains(res.body, "示例工业</a>：已发布") ||
			!strings.Contains(res.body, `<td>政务微信</td>`) || !strings.Contains(res.body, `<a href="https://mp.weixin.qq.com/s/`) {
			t.Fatalf("after publishing, the post and its 政务微信 record are not on the document page: %s", res.body)
		}
	})
}
