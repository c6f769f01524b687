package public_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

var docLinkRE = regexp.MustCompile(`href="(/s/[a-z]+)?/doc/(\d+)"`)

// docLinks counts the links to documents on a page.
func docLinks(body string) int { return len(docLinkRE.FindAllString(body, -1)) }

func TestHomePage(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	body := p.page(t, "/", http.StatusOK)
	mustContain(t, "home", body, `lang="zh-CN"`, `class="skip-link" href="#main"`, "<main",
		"动态要闻", "通知公告", "政策文件",
		"关于开展第25批工业企业调查的通知",            // newest notice
		"关于印发《黄石市工业企业技术改造奖补办法（修订）》的通知", // 政策文件 shows its sub-column's documents
		`href="/col/tzgg/">更多`, `href="/guide"`, `href="/xxgk/"`, `href="/col/ndbg/"`,
		`<time datetime="2025-05-07">2025-05-07</time>`)
	mustNotContain(t, "home", body, "关于开展第1批工业企业调查的通知", "尚未审核的草稿通知", "已撤回的通知", "阳新县工业园区")
	// The 通知公告 section is capped at 8 items.
	start := strings.Index(body, ">通知公告</h2>")
	end := strings.Index(body[start:], "</section>")
	if n := docLinks(body[start : start+end]); n != 8 {
		t.Errorf("通知公告 section has %d documents, want 8", n)
	}
}

func TestColumnPage(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	first := p.page(t, "/col/tzgg/", http.StatusOK)
	if n := docLinks(first); n != 20 {
		t.Errorf("page 1 has %d documents, want 20", n)
	}
	mustContain(t, "column page 1", first, "<h1>通知公告</h1>", `aria-label="当前位置"`, "共 25 条，当前第 1 页，共 2 页",
		`href="/col/tzgg/?page=2" rel="next"`, `<meta name="ColumnName" content="通知公告">`,
		`type="application/rss+xml"`, `href="/col/tzgg/feed.xml"`)
	mustNotContain(t, "column page 1", first, "关于开展第1批工业企业调查的通知", "尚未审核的草稿通知")
	second := p.page(t, "/col/tzgg/?page=2", http.StatusOK)
	if n := docLinks(second); n != 5 {
		t.Errorf("page 2 has %d documents, want 5", n)
	}
	mustContain(t, "column page 2", second, "关于开展第1批工业企业调查的通知", `rel="prev"`)
	// Bad page numbers show the first page; a page past the end is 404.
	for _, q := range []string{"abc", "0", "-2", "99999999999999999999999"} {
		if got := p.page(t, "/col/tzgg/?page="+q, http.StatusOK); docLinks(got) != 20 || !strings.Contains(got, "当前第 1 页") {
			t.Errorf("?page=%s does not show page 1", q)
		}
	}
	p.page(t, "/col/tzgg/?page=3", http.StatusNotFound)
	p.page(t, "/col/tzgg/?page=1000001", http.StatusNotFound)
	p.page(t, "/col/none/", http.StatusNotFound)

	parent := p.page(t, "/col/zcwj/", http.StatusOK)
	mustContain(t, "parent column", parent, "下级栏目", `href="/col/gfxwj/">行政规范性文件`,
		"技术改造奖补办法（修订）", "技术改造奖补办法》的通知")
	child := p.page(t, "/col/gfxwj/", http.StatusOK)
	mustContain(t, "child column breadcrumb", child, `<li><a href="/col/zcwj/">政策文件</a></li>`,
		`<li aria-current="page">行政规范性文件</li>`)
	// The 年报 column is an ordinary column.
	mustContain(t, "annual report column", p.page(t, "/col/ndbg/", http.StatusOK), "2024年政府信息公开工作年度报告")

	for path, want := range map[string]string{"/col/tzgg": "/col/tzgg/", "/col/xxgkzn/": "/guide", "/col/xxgkml/": "/xxgk/",
		"/xxgk?q=x": "/xxgk/?q=x", "/s/yx/xxgk": "/s/yx/xxgk/", "/s/yx/col/tzgg": "/s/yx/col/tzgg/"} {
		code, h, _ := p.get(t, path)
		if code/100 != 3 || h.Get("Location") != want {
			t.Errorf("GET %s = %d → %q, want a redirect to %s", path, code, h.Get("Location"), want)
		}
	}
}

func TestDocumentPage(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	body := p.page(t, docPath(p.successor), http.StatusOK)
	mustContain(t, "document", body,
		`<h1 id="doc-title">关于印发《黄石市工业企业技术改造奖补办法（修订）》的通知</h1>`,
		`<th scope="row">索引号</th><td>11420200MB1234567X/2025-`, `<th scope="row">主题分类</th><td>工业、交通\工业</td>`,
		`<th scope="row">发布机构</th><td>办公室</td>`, `<th scope="row">成文日期</th><td>2025-05-17</td>`,
		`<th scope="row">发布日期</th><td>2025-05-20</td>`, `<th scope="row">文号</th><td>黄经信发〔2025〕12号</td>`,
		`<th scope="row">有效性</th><td>有效</td>`,
		`<div class="doc-body"><p>关于印发《黄石市工业企业技术改造奖补办法（修订）》的通知的正文。</p></div>`,
		"同步发布渠道", "<td>政务微信</td><td>2025-05-21</td><td>黄石经信公众号</td>",
		`<meta name="ArticleTitle" content="关于印发《黄石市工业企业技术改造奖补办法（修订）》的通知">`,
		`<meta name="PubDate" content="2025-05-20 09:30">`, `<meta name="ColumnName" content="行政规范性文件">`,
		`<meta name="ColumnType" content="政策文件">`, `<meta name="ContentSource" content="办公室">`,
		`<li><a href="/col/zcwj/">政策文件</a></li>`, `本文永久链接：<a href="/xxgk/11420200MB1234567X/2025-`)
	mustNotContain(t, "valid document", body, `class="banner"`, "废止")

	repealed := p.page(t, docPath(p.repealed), http.StatusOK)
	mustContain(t, "repealed document", repealed, `class="banner"`, "<strong>本文件已于2025-06-01废止</strong>",
		fmt.Sprintf(`请查阅：<a href="/doc/%d">关于印发《黄石市工业企业技术改造奖补办法（修订）》的通知</a>（黄经信发〔2025〕12号）`, p.successor),
		`<th scope="row">有效性</th><td>已废止</td>`)
	// The banner comes before the metadata and the body: it must be seen first.
	if strings.Index(repealed, `class="banner"`) > strings.Index(repealed, `class="meta-table"`) {
		t.Error("the banner is below the metadata block")
	}

	// Without a date the banner still says so; a replacement the public cannot
	// see yet is not linked.
	ctx := t.Context()
	expired, err := p.st.CreateDocument(ctx, catalog.Document{SiteID: p.site.ID, ColumnID: p.col["gfxwj"],
		Title: "关于临时调整工业用电补贴的通知", State: catalog.StatePublished, PublishedAt: t0, Validity: catalog.Expired,
		ReplacedBy: p.draft, IndexNo: catalog.FormatIndexNo(mainUSCC, 2024, 900), Genre: catalog.GenreOther})
	if err != nil {
		t.Fatal(err)
	}
	exp := p.page(t, docPath(expired), http.StatusOK)
	mustContain(t, "expired document", exp, "<strong>本文件已失效</strong>")
	mustNotContain(t, "expired document", exp, "请查阅", docPath(p.draft))

	withFile := p.page(t, docPath(p.withFile), http.StatusOK)
	mustContain(t, "attachments", withFile, "<h2 id=\"att-title\">附件</h2>",
		fmt.Sprintf(`href="/files/%d/%%E9%%A1%%B9%%E7%%9B%%AE%%E6%%B8%%85%%E5%%8D%%95.pdf"`, p.attach), "（PDF，18 字节）")
}

func TestNotFoundPages(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	for _, path := range []string{
		"/no/such/page", docPath(p.draft), docPath(p.withdrawn), docPath(999999), "/doc/abc", "/doc/-1",
		docPath(p.subDoc), // another site's document
		"/s/yx" + docPath(p.successor),
		"/xxgk/" + mainUSCC + "/2099-00001",
	} {
		body := p.page(t, path, http.StatusNotFound)
		mustContain(t, path, body, "<title>页面不存在", "您访问的页面不存在或已被删除", `lang="zh-CN"`, "返回首页")
		mustNotContain(t, path, body, "store:", "sql", "not found", "goroutine", "尚未审核的草稿通知", "已撤回的通知")
	}
}

func TestIndexNoAddress(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	body := p.page(t, docPath(p.successor), http.StatusOK)
	m := regexp.MustCompile(`本文永久链接：<a href="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no permanent link on the document page")
	}
	code, h, _ := p.get(t, m[1])
	if code != http.StatusMovedPermanently || h.Get("Location") != docPath(p.successor) {
		t.Fatalf("GET %s = %d → %q, want 301 to %s", m[1], code, h.Get("Location"), docPath(p.successor))
	}
}

func TestFileDownload(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	path := fmt.Sprintf("/files/%d/%s", p.attach, "%E9%A1%B9%E7%9B%AE%E6%B8%85%E5%8D%95.pdf")
	code, h, body := p.get(t, path)
	if code != http.StatusOK || body != "%PDF-1.4 test file" {
		t.Fatalf("GET %s = %d %q", path, code, body)
	}
	if h.Get("Content-Type") != "application/pdf" {
		t.Errorf("Content-Type = %q", h.Get("Content-Type"))
	}
	if cd := h.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "%E9%A1%B9%E7%9B%AE%E6%B8%85%E5%8D%95.pdf") {
		t.Errorf("Content-Disposition = %q, want an attachment with the Chinese name", cd)
	}
	p.page(t, fmt.Sprintf("/files/%d/other.pdf", p.attach), http.StatusNotFound)
	p.page(t, "/files/x/a.pdf", http.StatusNotFound)
	// Files of documents the public cannot see are not served either.
	hidden := p.addAttachment(t, p.draft, "draft.pdf", "application/pdf", []byte("secret"))
	p.page(t, fmt.Sprintf("/files/%d/draft.pdf", hidden), http.StatusNotFound)
	// A record whose file has gone is a 404, not a 500.
	gone := p.addAttachment(t, p.withFile, "gone.pdf", "application/pdf", []byte("x"))
	a, err := p.st.Attachment(t.Context(), gone)
	if err != nil {
		t.Fatal(err)
	}
	if err := removeFile(p, a.StoredAs); err != nil {
		t.Fatal(err)
	}
	p.page(t, fmt.Sprintf("/files/%d/gone.pdf", gone), http.StatusNotFound)
}
