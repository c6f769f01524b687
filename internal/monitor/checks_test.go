package monitor_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// TestAvailabilityOverAWeek applies 站点无法访问 to a week of probes: a
// probe fails when the home page has not loaded within the timeout, and
// the veto needs failures in 5 % of the week's probes or more.
func TestAvailabilityOverAWeek(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, store.SQLite)
	site, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: testUSCC})
	if err != nil {
		t.Fatal(err)
	}
	var slow atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slow.Load() {
			select {
			case <-time.After(1500 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
		fmt.Fprint(w, "<html><body>首页</body></html>")
	}))
	defer srv.Close()
	s := monitor.DefaultSettings()
	s.SiteURL, s.ProbeTimeout = srv.URL, 1 // the indicator's 15 s, shortened for the test
	if err := monitor.SaveSettings(ctx, st, s); err != nil {
		t.Fatal(err)
	}
	// History: 159 hourly probes within the week, 7 failed; and 50 failed
	// probes eight days ago, outside the window.
	home := srv.URL + "/"
	var history []store.MonitorProbe
	for i := range 159 {
		history = append(history, store.MonitorProbe{URL: home, At: testNow.Add(-time.Duration(i+1) * time.Hour), OK: i >= 7, Millis: 80})
	}
	for i := range 50 {
		history = append(history, store.MonitorProbe{URL: home, At: testNow.AddDate(0, 0, -8).Add(-time.Duration(i) * time.Hour), Millis: 15000})
	}
	for i := range 5 { // older than twice the window: pruned by the next run
		history = append(history, store.MonitorProbe{URL: home, At: testNow.AddDate(0, 0, -20).Add(-time.Duration(i) * time.Hour), Millis: 15000})
	}
	id, _ := st.ClaimMonitorRun(ctx, "availability", "", "seed", testNow.AddDate(0, 0, -9))
	if err := st.FinishMonitorRun(ctx, id, store.MonitorOutcome{Status: store.RunOK, At: testNow.AddDate(0, 0, -9), Probes: history}); err != nil {
		t.Fatal(err)
	}
	r := monitor.NewRunner(monitor.Env{Store: st, Now: func() time.Time { return testNow }, Log: slog.New(slog.DiscardHandler)})
	expect := func(slowNow bool, kind, detail string) {
		t.Helper()
		slow.Store(slowNow)
		if _, err := r.Run(ctx, "availability", false); err != nil {
			t.Fatal(err)
		}
		open, _ := st.AllOpenFindings(ctx, "availability")
		if len(open) != 1 || open[0].Kind != kind || open[0].SiteID != site || !strings.Contains(open[0].Detail, detail) {
			t.Fatalf("after a probe (slow %v): %+v, want %s with %q", slowNow, open, kind, detail)
		}
	}
	expect(false, "probe_failures", "拨测160次，失败7次（4.4%）")
	expect(true, "probe_failures", "拨测161次，失败8次（5.0%）") // 4.97 %
	expect(true, "site_unreachable", "拨测162次，失败9次（5.6%）")
	open, _ := st.AllOpenFindings(ctx, "availability")
	if !strings.Contains(open[0].Message, "1秒内打不开") || open[0].Severity != monitor.SevVeto {
		t.Errorf("veto finding: %+v", open[0])
	}
	if total, _, _ := st.ProbeStats(ctx, home, testNow.AddDate(0, 0, -30)); total != 159+50+3 {
		t.Errorf("%d probes kept, want %d (the 5 older than 14 days pruned)", total, 159+50+3)
	}
}

// TestWatchedSiteFreshness follows another agency's site by URL: its
// columns' freshness comes from the pages' ColumnName/ColumnType/PubDate
// meta tags and the dates they show.
func TestWatchedSiteFreshness(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, store.SQLite)
	page := func(w http.ResponseWriter, meta, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta name="SiteName" content="示例县经信局">%s</head><body>%s</body></html>`, meta, body)
	}
	col := func(name, kind string) string {
		return fmt.Sprintf(`<meta name="ColumnName" content="%s"><meta name="ColumnType" content="%s">`, name, kind)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		page(w, "", `<ul><li><a href="/col/gzdt/">工作动态</a></li><li><a href="/col/tzgg/">通知公告</a></li>
			<li><a href="/col/kb/">空白栏目</a></li><li><a href="/doc/1">新政策</a> <span>2025-06-10</span></li><li><a href="/doc/404">失效</a></li></ul>`)
	})
	mux.HandleFunc("GET /col/gzdt/", func(w http.ResponseWriter, r *http.Request) {
		page(w, col("工作动态", "动态要闻"), `<ul><li>县局召开会议 2025年5月1日</li><li>旧动态 2025-04-02</li></ul>`)
	})
	mux.HandleFunc("GET /col/tzgg/", func(w http.ResponseWriter, r *http.Request) {
		page(w, col("通知公告", "通知公告"), `<ul><li>关于申报的通知 <time datetime="2025-03-01">03-01</time></li></ul><p>优化营商坏境。</p>`)
	})
	mux.HandleFunc("GET /col/kb/", func(w http.ResponseWriter, r *http.Request) {
		page(w, col("空白栏目", "专题专栏"), `<p>暂无信息</p>`)
	})
	mux.HandleFunc("GET /doc/1", func(w http.ResponseWriter, r *http.Request) {
		page(w, col("政策文件", "政策文件")+`<meta name="PubDate" content="2025-06-12 09:00">`, `<h1>新政策</h1>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	s := monitor.DefaultSettings()
	s.Watched = "示例县经信局 " + srv.URL + "/"
	s.CrawlTimeout, s.CrawlRetries = 2, 0
	if err := monitor.SaveSettings(ctx, st, s); err != nil {
		t.Fatal(err)
	}
	r := monitor.NewRunner(monitor.Env{Store: st, Now: func() time.Time { return testNow }, Log: slog.New(slog.DiscardHandler)})
	o, err := r.Run(ctx, "watch", false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range o.Report.Findings {
		got = append(got, f.Kind+" "+strings.TrimPrefix(f.Message, "示例县经信局"))
		if f.SiteID != 0 || f.Severity == monitor.SevVeto || f.Severity == monitor.SevDeduct {
			t.Errorf("a watched site's finding counts in our score: %+v", f)
		}
	}
	slices.Sort(got)
	want := []string{
		"watch_column_blank 栏目“空白栏目”页面上没有任何带日期的信息（疑似空白栏目）",
		"watch_column_stale 栏目“工作动态”超过14天未更新（最近日期2025-05-01）",
		"watch_link_4xx 首页站内链接无法打开：页面不存在或无权访问（HTTP 404）",
		"watch_text 页面中“营商坏境”应为“营商环境”",
	}
	if !slices.Equal(got, want) {
		t.Errorf("watch found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// unanswered is a message board (issue 8) stand-in.
type unanswered []monitor.Message

func (u unanswered) UnansweredMessages(ctx context.Context, since, before time.Time) ([]monitor.Message, error) {
	var out []monitor.Message
	for _, m := range u {
		if !m.ReceivedAt.Before(since) && m.ReceivedAt.Before(before) {
			out = append(out, m)
		}
	}
	return out, nil
}

// TestInteraction checks 互动回应差 against a message source and the
// overdue 依申请公开 cases of the store.
func TestInteraction(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, store.SQLite)
	if err := st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	site, err := st.CreateSite(ctx, catalog.Site{Code: "main", Name: "市经信局", USCC: testUSCC})
	if err != nil {
		t.Fatal(err)
	}
	received := workday.NewDate(2025, 3, 3) // due 20 working days later, long before testNow
	app, _, err := st.CreateApplication(ctx, store.NewApplication{SiteID: site, Channel: store.ChannelAPI,
		Applicant:   disclosure.Applicant{Kind: disclosure.Person, Name: "张三", IDType: disclosure.IDResidentCard, IDNumber: "11010519491231002X", Phone: "13812345678"},
		Description: "2025年技改补贴名单", Delivery: disclosure.Delivery{Form: disclosure.FormElectronic, Method: disclosure.MethodEmail},
		ReceivedOn: received, ReceiptBasis: disclosure.ReceiptOnlineConfirmed})
	if err != nil {
		t.Fatal(err)
	}
	msgs := unanswered{
		{ID: 1, SiteID: site, Title: "咨询技改补贴", ReceivedAt: testNow.AddDate(0, -4, 0)}, // > 3 months: veto
		{ID: 2, SiteID: site, Title: "咨询认定条件", ReceivedAt: testNow.AddDate(0, -1, 0)}, // within 3 months
		{ID: 3, SiteID: site, Title: "两年前的留言", ReceivedAt: testNow.AddDate(-2, 0, 0)}, // outside the year
	}
	r := monitor.NewRunner(monitor.Env{Store: st, Now: func() time.Time { return testNow }, Log: slog.New(slog.DiscardHandler), Messages: msgs})
	o, err := r.Run(ctx, "interaction", false)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, f := range o.Report.Findings {
		kinds = append(kinds, f.Kind+":"+f.Key)
		if f.Kind == "application_overdue" && (!strings.Contains(f.Message, app.Code) || !strings.Contains(f.Message, "个工作日")) {
			t.Errorf("overdue message: %s", f.Message)
		}
	}
	slices.Sort(kinds)
	if want := []string{fmt.Sprintf("application_overdue:application:%d", app.ID), "message_unanswered:message:1"}; !slices.Equal(kinds, want) {
		t.Fatalf("interaction found %v, want %v", kinds, want)
	}
	env, _ := monitor.Prepare(ctx, monitor.Env{Store: st, Now: func() time.Time { return testNow }, Messages: msgs})
	sc, err := monitor.SiteScore(ctx, env, site, o.Report.Findings)
	if err != nil || !sc.Vetoed || sc.Vetoes[4].Status != monitor.VetoHit || sc.Deductions[5].Count != 1 {
		t.Fatalf("score: %+v %v", sc, err)
	}
}
