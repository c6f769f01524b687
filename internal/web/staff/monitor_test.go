package staff_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/demo"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/router"
)

// demoNow is when the demo agency is inspected: early in Q4 2025, so Q3
// is the last full quarter.
var demoNow = time.Date(2025, 10, 20, 10, 0, 0, 0, china)

// newDemoEnv serves the demo agency with a clock at demoNow.
func newDemoEnv(t *testing.T, st *store.Store) (*env, demo.Summary) {
	t.Helper()
	ctx := context.Background()
	if err := st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	sum, err := demo.Create(ctx, st, demoNow)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, st: st, clock: &clock{t: demoNow}}
	e.site, err = st.Site(ctx, sum.SiteID)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	app, h, err := router.New(ctx, cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	app.Now = e.clock.Now
	e.app = app
	e.srv = httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	return e, sum
}

// reviewTrail puts documents of 科室 org through the workflow during Q3:
// one submitted and published, one submitted, rejected, resubmitted and
// published, one submitted and rejected. It returns the expected
// submitted, rejected and published counts.
func reviewTrail(t *testing.T, e *env, org, col, officer, reviewer int64) (sub, rej, pub int) {
	t.Helper()
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2025, 8, d, 10, 0, 0, 0, china) }
	step := func(id int64, from, to catalog.State, act catalog.Action, actor int64, at time.Time) {
		t.Helper()
		d := catalog.Decision{Action: act, ActorID: actor, Now: at, Reason: "请补充", SecrecyChecked: true}
		if _, err := e.st.Transition(ctx, id, from, to, d, 0, auth.AuditEntry{Action: string(act), At: at}); err != nil {
			t.Fatal(err)
		}
	}
	for i, path := range []string{"publish", "reject-then-publish", "reject"} {
		id, err := e.st.CreateDocument(ctx, catalog.Document{SiteID: e.site.ID, ColumnID: col, OrgID: org, AuthorID: officer,
			Title: fmt.Sprintf("报送信息%d", i), Summary: "概述", Topic: "工业、交通", Issuer: e.site.Name, Genre: catalog.GenreOther,
			Validity: catalog.Valid, WrittenOn: "2025-08-01"})
		if err != nil {
			t.Fatal(err)
		}
		step(id, catalog.StateDraft, catalog.StateSubmitted, catalog.ActSubmit, officer, day(4+i))
		sub++
		if path != "publish" {
			step(id, catalog.StateSubmitted, catalog.StateRejected, catalog.ActReject, reviewer, day(5+i))
			rej++
			if path == "reject" {
				continue
			}
			step(id, catalog.StateRejected, catalog.StateSubmitted, catalog.ActSubmit, officer, day(8+i))
		}
		step(id, catalog.StateSubmitted, catalog.StateFirstApproved, catalog.ActFirstApprove, reviewer, day(10+i))
		step(id, catalog.StateFirstApproved, catalog.StatePublished, catalog.ActFinalApprove, officer, day(12+i))
		pub++
	}
	return sub, rej, pub
}

func TestMonitorOnDemoData(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e, sum := newDemoEnv(t, st)
		office := e.user("gkb", auth.RoleOffice, sum.OrgIDs["办公室"])
		officer := e.user("chanye", auth.RoleOfficer, sum.OrgIDs["产业发展科"])
		e.user("sys", auth.RoleSysAdmin, 0)
		cols, err := st.Columns(ctx, e.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		var news catalog.Column
		for _, c := range cols {
			if c.Kind == catalog.KindNews {
				news = c
			}
		}
		sub, rej, pub := reviewTrail(t, e, sum.OrgIDs["产业发展科"], news.ID, officer, office)

		s := monitor.DefaultSettings()
		s.SiteURL, s.CrawlTimeout, s.CheckExternal = e.srv.URL, 5, false
		if err := monitor.SaveSettings(ctx, st, s); err != nil {
			t.Fatal(err)
		}
		r := monitor.NewRunner(monitor.Env{Store: st, Now: e.clock.Now, Log: slog.New(slog.DiscardHandler), FilesDir: e.app.Cfg.FilesDir()})
		for _, c := range r.Checks {
			if o, err := r.Run(ctx, c.Name(), false); err != nil {
				t.Fatalf("%s: %v", c.Name(), err)
			} else {
				t.Logf("%s: %s", c.Name(), o.Report.Summary)
			}
		}

		c := e.login("gkb")
		res := c.get("/admin/monitor/")
		if res.status != http.StatusOK {
			t.Fatalf("dashboard: %d %s", res.status, res.body)
		}
		for _, want := range []string{"单项否决指标", "扣分指标", `<svg class="chart"`, "得分趋势", "栏目更新情况", "链接可用性", `id="col-`} {
			if !strings.Contains(res.body, want) {
				t.Errorf("dashboard lacks %q", want)
			}
		}
		for _, col := range cols {
			if !strings.Contains(res.body, col.Name) {
				t.Errorf("dashboard lacks column %s", col.Name)
			}
		}
		env, err := monitor.Prepare(ctx, monitor.Env{Store: st, Now: e.clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		in, err := monitor.BuildInspection(ctx, env, e.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.body, fmt.Sprintf("%.1f", in.Score.Points)) || len(in.Trend) != 1 || in.Trend[0].Score != in.Score.Points {
			t.Errorf("score %.1f not shown or not in the trend %+v", in.Score.Points, in.Trend)
		}
		checkReportDownloads(t, c, e.site.ID, len(cols))
		checkBulletin(t, e, c, sum, sub, rej, pub)

		// Who sees what: the 信息员 reads the dashboard and their notices
		// but cannot change settings; the 系统管理员 does not see monitors.
		o := e.login("chanye")
		if res := o.get("/admin/notices"); res.status != http.StatusOK {
			t.Errorf("officer notices: %d", res.status)
		}
		if res := o.post("/admin/monitor/settings", url.Values{"news_days": {"1"}}); res.status != http.StatusForbidden {
			t.Errorf("officer changes settings: %d", res.status)
		}
		if res := e.login("sys").get("/admin/monitor/"); res.status != http.StatusForbidden {
			t.Errorf("sysadmin dashboard: %d", res.status)
		}
	})
}

func checkReportDownloads(t *testing.T, c *client, siteID int64, columns int) {
	t.Helper()
	res := c.get(fmt.Sprintf("/admin/monitor/report?site=%d", siteID))
	if res.status != http.StatusOK || !strings.Contains(res.body, "网站检查报告") || !strings.Contains(res.body, "问题清单") {
		t.Fatalf("printable report: %d", res.status)
	}
	res = c.get(fmt.Sprintf("/admin/monitor/report.xlsx?site=%d", siteID))
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "filename*=UTF-8''") {
		t.Fatalf("report.xlsx: %d %v", res.status, res.header)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(res.body)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("栏目更新")
	if err != nil || len(rows) != columns+1 {
		t.Fatalf("栏目更新 sheet: %d rows (want %d) %v", len(rows), columns+1, err)
	}
	if sheets := f.GetSheetList(); len(sheets) != 3 || sheets[0] != "总体情况" {
		t.Fatalf("sheets %v", sheets)
	}
}

// checkBulletin compares the Q3 2025 通报 with counts made here from the
// documents and the review trail, not from the store's report query.
func checkBulletin(t *testing.T, e *env, c *client, sum demo.Summary, sub, rej, pub int) {
	t.Helper()
	ctx := context.Background()
	from, to := time.Date(2025, 7, 1, 0, 0, 0, 0, china), time.Date(2025, 10, 1, 0, 0, 0, 0, china)
	type want struct{ published, late, submitted, rejected int }
	expect := map[int64]*want{}
	for off := 0; ; off += 500 {
		docs, total, err := e.st.Documents(ctx, store.DocumentFilter{SiteID: e.site.ID, Limit: 500, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if d.PublishedAt.IsZero() || d.PublishedAt.Before(from) || !d.PublishedAt.Before(to) {
				continue
			}
			if expect[d.OrgID] == nil {
				expect[d.OrgID] = &want{}
			}
			expect[d.OrgID].published++
			if d.LateWorkdays > 0 {
				expect[d.OrgID].late++
			}
		}
		if off+500 >= total {
			break
		}
	}
	cy := sum.OrgIDs["产业发展科"]
	expect[cy].submitted, expect[cy].rejected = sub, rej
	if expect[cy].published < pub {
		t.Fatalf("review trail not published in Q3: %+v", expect[cy])
	}
	env, err := monitor.Prepare(ctx, monitor.Env{Store: e.st, Now: e.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	b, err := monitor.BuildBulletin(ctx, e.st, e.site.ID, from, to, env.Settings, e.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != sum.Orgs {
		t.Fatalf("%d rows for %d 科室", len(b.Rows), sum.Orgs)
	}
	total := 0
	for i, r := range b.Rows {
		w := expect[r.Org.ID]
		if w == nil {
			w = &want{}
		}
		total += w.published
		if r.Counts.Published != w.published || r.Counts.Late != w.late || r.Counts.OnTime != w.published-w.late ||
			r.Counts.Submitted != w.submitted || r.Counts.Rejected != w.rejected {
			t.Errorf("%s: got %+v, want %+v", r.Org.Name, r.Counts, *w)
		}
		if i > 0 && b.Rows[i-1].Counts.Published < r.Counts.Published {
			t.Errorf("ranking: %s (%d) before %s (%d)", b.Rows[i-1].Org.Name, b.Rows[i-1].Counts.Published, r.Org.Name, r.Counts.Published)
		}
	}
	if total == 0 || b.Total.Published != total {
		t.Fatalf("total published %d, want %d (> 0)", b.Total.Published, total)
	}
	// The page and the workbook show the same figures.
	res := c.get(fmt.Sprintf("/admin/reports/bulletin?site=%d&year=2025&q=3", e.site.ID))
	if res.status != http.StatusOK || !strings.Contains(res.body, "2025-07-01 至 2025-09-30") ||
		!strings.Contains(res.body, fmt.Sprintf("采用（发布）%d 条", total)) || !strings.Contains(res.body, `<svg class="chart"`) {
		t.Fatalf("bulletin page: %d", res.status)
	}
	res = c.get(fmt.Sprintf("/admin/reports/bulletin.xlsx?site=%d&year=2025&q=3", e.site.ID))
	f, err := excelize.OpenReader(bytes.NewReader([]byte(res.body)))
	if err != nil {
		t.Fatalf("bulletin.xlsx (%d): %v", res.status, err)
	}
	defer f.Close()
	rows, _ := f.GetRows("通报")
	if len(rows) < sum.Orgs+2 || rows[sum.Orgs+1][1] != "合计" || rows[sum.Orgs+1][3] != fmt.Sprint(total) {
		t.Fatalf("通报 sheet: %v", rows)
	}
	// A bad range is refused beside the field, keeping what was typed.
	res = c.get(fmt.Sprintf("/admin/reports/bulletin?site=%d&from=2025-09-30&to=2025-07-01", e.site.ID))
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "结束日期不能早于开始日期") || !strings.Contains(res.body, `value="2025-09-30"`) {
		t.Fatalf("bad range: %d", res.status)
	}
}
