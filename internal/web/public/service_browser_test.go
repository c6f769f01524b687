package public_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// formDOCX stands in for a Word form: a ZIP container header and body.
var formDOCX = append([]byte("PK\x03\x04"), bytes.Repeat([]byte("表格内容"), 50)...)

// servicePortal adds three service items to the portal fixture: two
// published (one with a form) and one not yet published.
func servicePortal(t *testing.T, st *store.Store) *portal {
	t.Helper()
	ctx := context.Background()
	p := newPortal(t, st)
	items := []store.ServiceItem{
		{Code: "JX-001", Name: "工业企业技术改造项目备案", Agency: "黄石市经济和信息化局", Steps: "提交申请\n受理\n备案",
			Materials: "技术改造项目备案申请表\n营业执照复印件", PromisedLimit: "3个工作日", LegalLimit: "20个工作日",
			Basis: "《企业投资项目核准和备案管理条例》", Fee: "不收费", Phone: "0714-6541234", Place: "市政务服务中心3楼",
			Hours: "工作日", Conditions: "在本市登记注册的工业企业", Published: true},
		{Code: "JX-002", Name: "专精特新中小企业认定", Agency: "黄石市经济和信息化局", Published: true},
		{Code: "JX-003", Name: "尚未公开的技术改造事项", Published: false},
	}
	if _, err := st.ImportServiceItems(ctx, p.site.ID, items); err != nil {
		t.Fatal(err)
	}
	it, err := st.ServiceItemByCode(ctx, p.site.ID, "JX-001")
	if err != nil {
		t.Fatal(err)
	}
	saved, err := files.Save(p.cfg.FilesDir(), "docx", bytes.NewReader(formDOCX), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateServiceForm(ctx, store.ServiceForm{ItemID: it.ID, Name: "技术改造项目备案申请表.docx", StoredAs: saved.Rel,
		MIME: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Size: saved.Size, SHA256: saved.SHA256}); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestServicePages: the list, search, item page and form download; an
// unpublished item and another site's address are not found.
func TestServicePages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		p := servicePortal(t, st)
		body := p.page(t, "/service/", 200)
		mustContain(t, "list", body, "工业企业技术改造项目备案", "专精特新中小企业认定", `href="/service/JX-001"`)
		mustNotContain(t, "unpublished", body, "尚未公开")
		body = p.page(t, "/service/?q="+strings.ReplaceAll("营业执照 备案", " ", "+"), 200)
		mustContain(t, "search by material", body, "工业企业技术改造项目备案")
		mustNotContain(t, "search by material", body, "专精特新")
		body = p.page(t, "/service/JX-001", 200)
		mustContain(t, "item", body, "<th scope=\"row\">承诺时限</th><td>3个工作日</td>", "<li>营业执照复印件</li>", "市政务服务中心3楼",
			`href="/service/JX-001/forms/`, "技术改造项目备案申请表.docx")
		p.page(t, "/service/JX-003", 404)
		p.page(t, "/s/yx/service/JX-001", 404)
		p.page(t, "/service/JX-002/forms/1/x.docx", 404)
	})
}

// TestServiceFormInBrowser finds an item in Chromium, opens it and
// downloads its form; both pages pass axe-core.
func TestServiceFormInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	p := servicePortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)
	err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/service/"),
		chromedp.WaitVisible(chromedp.CSS(`#svc-q`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range testenv.Axe(t, ctx) {
		t.Errorf("service list: %v", v)
	}
	// The list before the search has the same links: wait for what only
	// the results page has, or the click may land on the page being left.
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#svc-q`), "技术改造"),
		chromedp.Submit(chromedp.CSS(`#svc-q`)),
		chromedp.WaitVisible(chromedp.CSS(`.search-form .actions a`)), // "显示全部事项", on results only
		chromedp.WaitVisible(chromedp.CSS(`.service-list a`)),
		chromedp.Click(chromedp.CSS(`.service-list a`)),
		chromedp.WaitVisible(chromedp.CSS(`.service-guide`)))
	if err != nil {
		t.Fatal(err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('main h1').textContent`))
	if err != nil || strings.TrimSpace(h1) != "工业企业技术改造项目备案" {
		t.Fatalf("found item %q (%v)", h1, err)
	}
	for _, v := range testenv.Axe(t, ctx) {
		t.Errorf("item page: %v", v)
	}
	type fetched struct {
		Name     string `json:"name"`
		Download bool   `json:"download"`
		Status   int    `json:"status"`
		Type     string `json:"type"`
		Disp     string `json:"disp"`
		Data     string `json:"data"`
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[fetched](`(async () => {
	  const a = document.querySelector('.attachments a');
	  const r = await fetch(a.href);
	  const b = new Uint8Array(await r.arrayBuffer());
	  let s = ''; for (const x of b) s += String.fromCharCode(x);
	  return {name: a.textContent.trim(), download: a.hasAttribute('download'), status: r.status,
	    type: r.headers.get('content-type') || '', disp: r.headers.get('content-disposition') || '', data: btoa(s)};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := base64.StdEncoding.DecodeString(f.Data)
	if f.Name != "技术改造项目备案申请表.docx" || !f.Download || f.Status != 200 || !strings.Contains(f.Type, "wordprocessingml") ||
		!strings.HasPrefix(f.Disp, "attachment") || !bytes.Equal(data, formDOCX) {
		t.Fatalf("form download: %+v (%d bytes)", f, len(data))
	}
}

// TestServiceColumnLinksCatalogue: a 办事服务 column points to the catalogue.
func TestServiceColumnLinksCatalogue(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	p := servicePortal(t, st)
	if _, err := st.CreateColumn(context.Background(), catalog.Column{SiteID: p.site.ID, Slug: "bsfw", Name: "办事服务", Kind: catalog.KindService}); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "service column", p.page(t, "/col/bsfw/", 200), `href="/service/"`)
	mustNotContain(t, "other column", p.page(t, "/col/tzgg/", 200), `href="/service/"`)
}
