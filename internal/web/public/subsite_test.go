package public_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

var hrefRE = regexp.MustCompile(`(?:href|action)="([^"]*)"`)

// Every link of a sub-site page stays inside the sub-site (or points to the
// shared static files).
func assertLinksUnder(t *testing.T, what, body, prefix string) {
	t.Helper()
	for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
		u := m[1]
		if !strings.HasPrefix(u, prefix+"/") && !strings.HasPrefix(u, "/static/") && !strings.HasPrefix(u, "#") {
			t.Errorf("%s: link %q leaves %s", what, u, prefix)
		}
	}
}

func TestSubSite(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	home := p.page(t, "/s/yx/", http.StatusOK)
	mustContain(t, "sub-site home", home, "阳新县经济商务和信息化局", `href="/s/yx/col/tzgg/"`, "阳新县工业园区企业用工服务的通知")
	mustNotContain(t, "sub-site home", home, "黄石市经济和信息化局", "工业企业调查")
	assertLinksUnder(t, "sub-site home", home, "/s/yx")

	col := p.page(t, "/s/yx/col/tzgg/", http.StatusOK)
	mustContain(t, "sub-site column", col, "<h1>县通知公告</h1>", fmt.Sprintf(`href="/s/yx/doc/%d"`, p.subDoc))
	mustNotContain(t, "sub-site column", col, "工业企业调查")
	assertLinksUnder(t, "sub-site column", col, "/s/yx")

	doc := p.page(t, fmt.Sprintf("/s/yx/doc/%d", p.subDoc), http.StatusOK)
	mustContain(t, "sub-site document", doc, "<th scope=\"row\">索引号</th><td>"+subUSCC+"/2024-")
	assertLinksUnder(t, "sub-site document", doc, "/s/yx")

	for _, path := range []string{"/s/yx/xxgk/", "/s/yx/guide", "/s/yx/no-such-page"} {
		code, _, body := p.get(t, path)
		if code != http.StatusOK && code != http.StatusNotFound {
			t.Errorf("GET %s = %d", path, code)
		}
		assertLinksUnder(t, path, body, "/s/yx")
	}
	mustContain(t, "sub-site 目录", p.page(t, "/s/yx/xxgk/", http.StatusOK), "共 1 条")
	mustContain(t, "sub-site guide", p.page(t, "/s/yx/guide", http.StatusOK), "<td>暂未公布</td>")

	for _, loc := range readSitemap(t, p, "/s/yx/sitemap.xml") {
		if !strings.HasPrefix(loc, "http://gk.example.gov.cn/s/yx/") {
			t.Errorf("sub-site sitemap lists %s", loc)
		}
	}
	_, _, rss := p.get(t, "/s/yx/col/tzgg/feed.xml")
	mustContain(t, "sub-site feed", rss, fmt.Sprintf("<link>http://gk.example.gov.cn/s/yx/doc/%d</link>", p.subDoc),
		"http://gk.example.gov.cn/s/yx/xxgk/"+subUSCC+"/2024-")
}

func TestGuidePage(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	body := p.page(t, "/guide", http.StatusOK)
	mustContain(t, "guide", body, "<h1>政府信息公开指南</h1>",
		// The agency's own 指南 from its 指南 column.
		"黄石市经济和信息化局政府信息公开指南（2025年版）", "<p>本指南每年更新一次。</p>",
		// 条例第十二条: classification and arrangement, how to obtain, the office.
		"一、信息分类与编排体系", `href="/col/tzgg/">通知公告</a>`, `href="/col/gfxwj/">行政规范性文件</a>`,
		"二、获取政府信息的方式", "（一）主动公开", "（二）依申请公开", "信件", "当面提交", "第三十三条",
		"本机关同步发布信息的其他渠道：政务微信、报纸。",
		"三、政府信息公开工作机构", "<td>黄石市下陆区团城山街道杭州西路</td>", "<td>0714-6541234</td>",
		"<td>工作日 8:30—12:00，14:30—17:30</td>", `href="/col/ndbg/">政府信息公开年报`,
		`<meta name="ColumnType" content="信息公开指南">`)
}
