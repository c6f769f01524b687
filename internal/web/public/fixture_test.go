package public_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/web/router"
)

const (
	mainUSCC = "11420200MB1234567X"
	subUSCC  = "11420222MB7654321Y"
	// noticeCount is more than one page of 20, so the 通知公告 column has two.
	noticeCount = 25
)

// portal is a small agency built through the store API: a main site with the
// standard columns, a sub-site, published notices over two years, a repealed
// normative document with its replacement, an attachment, a guide, an annual
// report, and documents the public must not see.
type portal struct {
	st        *store.Store
	cfg       config.Config
	h         http.Handler
	site, sub catalog.Site
	col       map[string]int64 // slug → ID on the main site

	notices             []int64 // oldest first
	repealed, successor int64
	draft, withdrawn    int64
	withFile, attach    int64
	subDoc              int64
	guideDoc            int64
}

var t0 = time.Date(2024, 11, 20, 1, 30, 0, 0, time.UTC) // 09:30 in Beijing

func newPortal(t testing.TB, st *store.Store) *portal {
	t.Helper()
	ctx := context.Background()
	p := &portal{st: st, col: map[string]int64{}}
	p.cfg = config.Default()
	p.cfg.DataDir = t.TempDir()
	must := func(id int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	p.site = catalog.Site{Code: "main", Name: "黄石市经济和信息化局", USCC: mainUSCC, SiteIDCode: "4202000001",
		Address: "黄石市下陆区团城山街道杭州西路", Phone: "0714-6541234", OfficeHours: "工作日 8:30—12:00，14:30—17:30"}
	p.site.ID = must(st.CreateSite(ctx, p.site))
	p.sub = catalog.Site{ParentID: p.site.ID, Code: "yx", Name: "阳新县经济商务和信息化局", USCC: subUSCC}
	p.sub.ID = must(st.CreateSite(ctx, p.sub))
	office := must(st.CreateOrg(ctx, catalog.Org{SiteID: p.site.ID, Name: "办公室"}))
	cols := []struct {
		slug, name, parent string
		kind               catalog.ColumnKind
	}{
		{"dtyw", "动态要闻", "", catalog.KindNews},
		{"tzgg", "通知公告", "", catalog.KindNotice},
		{"zcwj", "政策文件", "", catalog.KindPolicy},
		{"gfxwj", "行政规范性文件", "zcwj", catalog.KindPolicy},
		{"xxgkzn", "政府信息公开指南", "", catalog.KindGuide},
		{"xxgkml", "政府信息公开目录", "", catalog.KindCatalogue},
		{"ndbg", "政府信息公开年报", "", catalog.KindAnnualReport},
	}
	for i, c := range cols {
		p.col[c.slug] = must(st.CreateColumn(ctx, catalog.Column{SiteID: p.site.ID, ParentID: p.col[c.parent],
			Slug: c.slug, Name: c.name, Kind: c.kind, OrgID: office, Sort: i, Description: c.name + "栏目"}))
	}
	serial := 0
	doc := func(site catalog.Site, col int64, title string, st catalog.State, at time.Time, edit func(*catalog.Document)) int64 {
		t.Helper()
		d := catalog.Document{SiteID: site.ID, ColumnID: col, Title: title, BodyHTML: "<p>" + title + "的正文。</p>",
			Summary: title + "的内容概述", Topic: "综合政务\\通知", Issuer: "办公室", Genre: catalog.GenreOther,
			WrittenOn: at.AddDate(0, 0, -3).Format("2006-01-02"), Validity: catalog.Valid, State: st}
		if st == catalog.StatePublished || st == catalog.StateWithdrawn {
			serial++
			d.PublishedAt = at
			d.IndexNo = catalog.FormatIndexNo(site.USCC, at.Year(), serial)
		}
		if edit != nil {
			edit(&d)
		}
		return must(p.st.CreateDocument(ctx, d))
	}
	pub := catalog.StatePublished
	for i := range noticeCount {
		at := t0.AddDate(0, 0, 7*i) // 2024-11-20 … 2025-05-07
		p.notices = append(p.notices, doc(p.site, p.col["tzgg"], fmt.Sprintf("关于开展第%d批工业企业调查的通知", i+1), pub, at,
			func(d *catalog.Document) {
				if i%2 == 1 {
					d.Topic, d.Issuer = "工业、交通\\工业", "产业科"
				}
			}))
	}
	doc(p.site, p.col["dtyw"], "市经信局召开全市工业经济运行调度会", pub, t0.AddDate(0, 2, 0), nil)
	p.successor = doc(p.site, p.col["gfxwj"], "关于印发《黄石市工业企业技术改造奖补办法（修订）》的通知", pub, t0.AddDate(0, 6, 0),
		func(d *catalog.Document) {
			d.Genre, d.DocNo, d.Topic = catalog.GenreNormative, "黄经信发〔2025〕12号", "工业、交通\\工业"
			d.Channels = []catalog.ChannelRecord{{Channel: catalog.ChannelWeChat, Date: "2025-05-21", Ref: "黄石经信公众号"}}
		})
	p.repealed = doc(p.site, p.col["gfxwj"], "关于印发《黄石市工业企业技术改造奖补办法》的通知", pub, t0.AddDate(0, -10, 0),
		func(d *catalog.Document) {
			d.Genre, d.DocNo, d.Topic = catalog.GenreNormative, "黄经信发〔2024〕5号", "工业、交通\\工业"
			d.Validity, d.ValidityOn, d.ReplacedBy = catalog.Repealed, "2025-06-01", p.successor
			d.Channels = []catalog.ChannelRecord{{Channel: catalog.ChannelNewspaper, Date: "2024-01-25", Ref: "东楚晚报第3版"}}
		})
	p.draft = doc(p.site, p.col["tzgg"], "尚未审核的草稿通知", catalog.StateDraft, time.Time{}, nil)
	p.withdrawn = doc(p.site, p.col["tzgg"], "已撤回的通知", catalog.StateWithdrawn, t0, nil)
	p.guideDoc = doc(p.site, p.col["xxgkzn"], "黄石市经济和信息化局政府信息公开指南（2025年版）", pub, t0,
		func(d *catalog.Document) { d.BodyHTML = "<p>本指南每年更新一次。</p>" })
	doc(p.site, p.col["ndbg"], "黄石市经济和信息化局2024年政府信息公开工作年度报告", pub, t0.AddDate(0, 2, 5), nil)
	p.withFile = doc(p.site, p.col["dtyw"], "工业投资项目清单公示", pub, t0.AddDate(0, 1, 0), nil)
	p.attach = p.addAttachment(t, p.withFile, "项目清单.pdf", "application/pdf", []byte("%PDF-1.4 test file"))
	subCol := must(st.CreateColumn(ctx, catalog.Column{SiteID: p.sub.ID, Slug: "tzgg", Name: "县通知公告", Kind: catalog.KindNotice}))
	p.subDoc = doc(p.sub, subCol, "阳新县工业园区企业用工服务的通知", pub, t0, nil)

	_, h, err := router.New(ctx, p.cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	p.h = h
	return p
}

func (p *portal) addAttachment(t testing.TB, docID int64, name, mime string, content []byte) int64 {
	t.Helper()
	rel := filepath.Join("2025", fmt.Sprintf("doc%d-%d.bin", docID, time.Now().UnixNano()))
	full := filepath.Join(p.cfg.FilesDir(), rel)
	if err := os.MkdirAll(filepath.Dir(full), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, content, 0o640); err != nil {
		t.Fatal(err)
	}
	id, err := p.st.CreateAttachment(context.Background(), catalog.Attachment{DocumentID: docID, Name: name,
		StoredAs: rel, MIME: mime, Size: int64(len(content)), SHA256: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// get requests path and returns the status, headers and body.
func (p *portal) get(t testing.TB, path string) (int, http.Header, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "http://gk.example.gov.cn"+path, nil)
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	return rec.Code, rec.Header(), rec.Body.String()
}

// page requests path, insists on status want and returns the body.
func (p *portal) page(t testing.TB, path string, want int) string {
	t.Helper()
	code, _, body := p.get(t, path)
	if code != want {
		t.Fatalf("GET %s = %d, want %d; body:\n%s", path, code, want, clip(body))
	}
	return body
}

func docPath(id int64) string { return fmt.Sprintf("/doc/%d", id) }

func mustContain(t testing.TB, what, body string, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if !strings.Contains(body, s) {
			t.Errorf("%s: missing %q", what, s)
		}
	}
}

func mustNotContain(t testing.TB, what, body string, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if strings.Contains(body, s) {
			t.Errorf("%s: unexpected %q", what, s)
		}
	}
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

func removeFile(p *portal, rel string) error { return os.Remove(filepath.Join(p.cfg.FilesDir(), rel)) }

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
