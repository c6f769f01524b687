package staff_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/auth"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestMonitorPagesInBrowser opens every monitor page in Chromium under the
// back office's Content-Security-Policy: the charts are drawn without
// script, and no page has a WCAG 2.1 A/AA violation.
func TestMonitorPagesInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	e, sum := newDemoEnv(t, storetest.Open(t, store.SQLite))
	e.clock.Set(time.Now()) // the browser's cookies and the session clock agree
	e.user("gkb", auth.RoleOffice, sum.OrgIDs["办公室"])
	r := monitor.NewRunner(monitor.Env{Store: e.st, Now: e.clock.Now, Log: slog.New(slog.DiscardHandler)})
	for _, name := range []string{"freshness", "data", "text", "digest"} {
		if _, err := r.Run(context.Background(), name, false); err != nil {
			t.Fatal(err)
		}
	}
	u := e.srv.URL
	err := chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "gkb"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".counts")),
	)
	if err != nil {
		t.Fatal(err)
	}
	testenv.AxeCanary(t, ctx) // axe must see a planted violation, or every page would pass
	for _, page := range []struct{ path, ready string }{
		{"/admin/monitor/", "svg.chart"},
		{"/admin/monitor/report", ".report"},
		{"/admin/monitor/findings", "h1"},
		{"/admin/monitor/settings", "form"},
		{"/admin/monitor/columns", "table.rules"},
		{"/admin/monitor/words", "#words"},
		{"/admin/notices", ".notice-item"},
		{"/admin/reports/bulletin?year=2025&q=3", "svg.chart rect"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u+page.path), chromedp.WaitVisible(chromedp.CSS(page.ready))); err != nil {
			t.Fatalf("%s: %v", page.path, err)
		}
		checkAxe(t, ctx, page.path)
		if dir := os.Getenv("GONGKAI_SCREENSHOTS"); dir != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, strings.NewReplacer("/", "_", "?", "_", "&", "_").Replace(page.path)+".png"), png, 0o644)
			}
			if err != nil {
				t.Error(err)
			}
		}
	}
	// The dashboard's trend: today's score drawn as one point with its label.
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"/admin/monitor/"), chromedp.WaitVisible(chromedp.CSS("svg.chart"))); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.chart circle title').length`))
	if err != nil || n != 1 {
		t.Errorf("trend points %d %v", n, err)
	}
}
