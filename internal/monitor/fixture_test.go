package monitor_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/web/router"
)

var china = time.FixedZone("CST", 8*3600)

// testNow is the monitors' clock in these tests: a Monday.
var testNow = time.Date(2025, 6, 16, 10, 0, 0, 0, china)

const testUSCC = "11420200MB1234567X"

// planted is a site served by the real portal, with one of each fault the
// monitors look for, and everything else clean.
type planted struct {
	t        *testing.T
	st       *store.Store
	site     catalog.Site
	srv, ext *httptest.Server
	cfg      config.Config
	cols     map[string]catalog.Column
	docs     map[string]int64 // by title
	office   int64            // 公开办 user
	planner  int64            // 规划科信息员
	serial   int
	slowPath string
	att      catalog.Attachment
}

func (p *planted) must(id int64, err error) int64 {
	p.t.Helper()
	if err != nil {
		p.t.Fatal(err)
	}
	return id
}

// ago is testNow minus days, at 09:30.
func ago(days int) time.Time {
	d := testNow.AddDate(0, 0, -days)
	return time.Date(d.Year(), d.Month(), d.Day(), 9, 30, 0, 0, china)
}

// doc stores a published document with complete metadata; edit changes
// what a fault needs changed.
func (p *planted) doc(col, title string, published time.Time, edit func(*catalog.Document)) int64 {
	p.t.Helper()
	p.serial++
	d := catalog.Document{SiteID: p.site.ID, ColumnID: p.cols[col].ID, OrgID: p.cols[col].OrgID, Title: title,
		Summary: title + "的内容概述", BodyHTML: "<p>" + title + "。请各单位按要求执行。</p>", Topic: "工业、交通", Issuer: "市经济和信息化局",
		Genre: catalog.GenreOther, WrittenOn: published.AddDate(0, 0, -2).In(china).Format("2006-01-02"), Validity: catalog.Valid,
		State: catalog.StatePublished, PublishedAt: published.UTC(),
		IndexNo: catalog.FormatIndexNo(testUSCC, published.Year(), p.serial)}
	if edit != nil {
		edit(&d)
	}
	id := p.must(p.st.CreateDocument(context.Background(), d))
	p.docs[title] = id
	return id
}

func newPlanted(t *testing.T, st *store.Store) *planted {
	t.Helper()
	ctx := context.Background()
	p := &planted{t: t, st: st, cols: map[string]catalog.Column{}, docs: map[string]int64{}}
	p.ext = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
		case "/ok":
			fmt.Fprint(w, "ok")
		case "/gone":
			http.NotFound(w, r)
		default:
			http.Error(w, "error", http.StatusInternalServerError)
		}
	}))
	t.Cleanup(p.ext.Close)
	newPlantedData(p)
	p.cfg = config.Default()
	p.cfg.DataDir = t.TempDir()
	_, h, err := router.New(ctx, p.cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	// The slow page: the portal answers it after the crawler gave up.
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == p.slowPath {
			select {
			case <-time.After(2500 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(p.srv.Close)
	s := monitor.DefaultSettings()
	s.SiteURL, s.CrawlTimeout, s.CrawlRetries, s.ExternalDelayMs, s.ProbeTimeout = p.srv.URL, 1, 1, 5, 5
	if err := monitor.SaveSettings(ctx, st, s); err != nil {
		t.Fatal(err)
	}
	return p
}

// newPlantedData stores the site, its 科室, accounts, columns and documents.
func newPlantedData(p *planted) {
	p.t.Helper()
	ctx := context.Background()
	st := p.st
	if p.cols == nil {
		p.cols = map[string]catalog.Column{}
	}
	p.site = catalog.Site{Code: "main", Name: "市经济和信息化局", USCC: testUSCC}
	p.site.ID = p.must(st.CreateSite(ctx, p.site))
	office := p.must(st.CreateOrg(ctx, catalog.Org{SiteID: p.site.ID, Name: "办公室"}))
	planning := p.must(st.CreateOrg(ctx, catalog.Org{SiteID: p.site.ID, Name: "规划科"}))
	p.office = p.must(st.CreateUser(ctx, auth.User{Username: "gkb", DisplayName: "公开办", Role: auth.RoleOffice, OrgID: office, PasswordHash: "x"}))
	p.planner = p.must(st.CreateUser(ctx, auth.User{Username: "ghk", DisplayName: "规划科信息员", Role: auth.RoleOfficer, OrgID: planning, PasswordHash: "x"}))
	for i, c := range []catalog.Column{
		{Slug: "dtyw", Name: "动态要闻", Kind: catalog.KindNews, OrgID: office},
		{Slug: "bmdt", Name: "部门动态", Kind: catalog.KindNews, OrgID: office},
		{Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice, OrgID: office},
		{Slug: "zcwj", Name: "政策文件", Kind: catalog.KindPolicy, OrgID: office},
		{Slug: "ghjh", Name: "规划计划", Kind: catalog.KindPlan, OrgID: planning},
		{Slug: "ztzl", Name: "专题专栏", Kind: catalog.KindSpecial, OrgID: office},
		{Slug: "xxgkzn", Name: "信息公开指南", Kind: catalog.KindGuide, OrgID: office},
	} {
		c.SiteID, c.Sort = p.site.ID, i
		c.ID = p.must(st.CreateColumn(ctx, c))
		p.cols[c.Slug] = c
	}
	p.plant()
}

// plant stores the documents: clean ones keeping every column but the
// planted ones fresh, and one document per fault.
func (p *planted) plant() {
	ctx := context.Background()
	ext := "http://ext.invalid"
	if p.ext != nil {
		ext = p.ext.URL
	}
	p.doc("dtyw", "全市工业经济运行情况", ago(3), nil)
	p.doc("dtyw", "关于清理文件的说明", ago(5), func(d *catalog.Document) {
		d.BodyHTML = "<p>经清理，以下文件<strong>先行有效</strong>，其余废止。</p>" // 错别字: 现行有效
	})
	p.doc("dtyw", "相关链接汇总", ago(4), func(d *catalog.Document) {
		d.BodyHTML = `<p><a href="/doc/999999">已删除的信息</a> <a href="/col/nonexist/">不存在的栏目</a>
			<a href="` + ext + `/gone">失效的外部链接</a> <a href="` + ext + `/boom">出错的外部网站</a>
			<a href="http://no-such-host.invalid/">域名已过期的网站</a> <a href="` + ext + `/ok">正常的外部链接</a>
			<a href="` + ext + `/private/page">禁止抓取的外部页面</a></p>`
	})
	slow := p.doc("dtyw", "打开很慢的页面", ago(6), nil)
	p.slowPath = fmt.Sprintf("/doc/%d", slow)
	p.doc("bmdt", "部门工作动态", ago(20), nil) // 动态要闻 window 14 days: stale
	p.doc("tzgg", "关于开展申报工作的通知", ago(30), nil)
	p.doc("tzgg", "缺少概述的公告", ago(40), func(d *catalog.Document) { d.Summary, d.Topic = "", "" })
	p.doc("tzgg", "日期颠倒的通知", ago(50), func(d *catalog.Document) {
		d.WrittenOn = ago(45).Format("2006-01-02") // written after it went online
	})
	attDoc := p.doc("tzgg", "带附件的通知", ago(35), nil)
	p.att = catalog.Attachment{DocumentID: attDoc, Name: "申报表.pdf", StoredAs: "2025/05/lost.pdf", MIME: "application/pdf", Size: 1234, SHA256: strings.Repeat("0", 64)}
	p.att.ID = p.must(p.st.CreateAttachment(ctx, p.att))
	p.doc("zcwj", "关于印发产业政策的通知", ago(10), nil)
	norm := func(written string, validity catalog.Validity, on string) func(*catalog.Document) {
		return func(d *catalog.Document) {
			d.Genre, d.DocNo, d.WrittenOn, d.Validity, d.ValidityOn = catalog.GenreNormative, "示经信规〔"+written[:4]+"〕1号", written, validity, on
		}
	}
	n1 := p.doc("zcwj", "旧办法（已由新办法废止）", time.Date(2023, 1, 20, 9, 0, 0, 0, china), norm("2023-01-10", catalog.Repealed, "2024-05-01"))
	n2 := p.doc("zcwj", "新办法", time.Date(2024, 5, 1, 9, 0, 0, 0, china), norm("2024-04-20", catalog.Valid, ""))
	n3 := p.doc("zcwj", "被撤稿文件废止的办法", time.Date(2024, 2, 10, 9, 0, 0, 0, china), norm("2024-02-01", catalog.Repealed, "2025-03-01"))
	withdrawn := p.doc("zcwj", "已撤稿的替代文件", ago(100), func(d *catalog.Document) { d.State = catalog.StateWithdrawn })
	p.doc("zcwj", "废止日期未填的办法", time.Date(2023, 3, 1, 9, 0, 0, 0, china), norm("2023-02-20", catalog.Repealed, ""))
	if _, err := p.st.SetReplacements(ctx, map[int64]int64{n1: n2, n3: withdrawn}); err != nil {
		p.t.Fatal(err)
	}
	p.doc("ghjh", "年度工作计划", ago(363), nil) // window 365 days: due in 3 days
	p.doc("xxgkzn", "政府信息公开指南", ago(100), nil)
	// 专题专栏 stays blank.
}

// describe names a finding for comparison: its check, kind and what it is
// about (a column slug, a document title, or a URL with the servers'
// addresses replaced).
func (p *planted) describe(f store.MonitorFinding) string {
	what := strings.NewReplacer(p.srv.URL, "SITE", p.ext.URL, "EXT").Replace(f.URL)
	switch {
	case f.Check == "links":
	case f.DocumentID != 0:
		for title, id := range p.docs {
			if id == f.DocumentID {
				what = title
			}
		}
	case f.ColumnID != 0:
		for slug, c := range p.cols {
			if c.ID == f.ColumnID {
				what = slug
			}
		}
	}
	return f.Check + "/" + f.Kind + "/" + what
}
