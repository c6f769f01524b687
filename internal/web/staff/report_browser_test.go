package staff_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestAnnualReportInBrowser drafts, reviews, approves and publishes the
// annual report in Chromium, each step by its own person, then opens the
// report on the portal: the tables are there in the official layout and
// neither the back-office page nor the public page has a WCAG 2.1 A/AA
// violation.
func TestAnnualReportInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	st := storetest.Open(t, store.SQLite)
	e, _ := reportEnv(t, st)
	u := e.srv.URL
	type step = chromedp.Action[chromedp.Void]
	login := func(name string) step {
		return chromedp.Steps(
			chromedp.Navigate(u+"/admin/login"),
			chromedp.SendKeys(chromedp.CSS("#username"), name),
			chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
			chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".whoami")),
		)
	}
	logout := chromedp.Steps(chromedp.Click(chromedp.CSS(".whoami button")), chromedp.WaitVisible(chromedp.CSS("#username")))
	// A step's result is told by its confirmation's text: the page before
	// the click may show another step's confirmation.
	flash := func(text string) step {
		js := `(document.querySelector(".flash") || {textContent: ""}).textContent.includes(` + strconv.Quote(text) + `)`
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			for {
				// Evaluating during the navigation fails; try again.
				if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
					return nil
				}
				select {
				case <-ctx.Done():
					return fmt.Errorf("no confirmation %q: %w", text, ctx.Err())
				case <-time.After(100 * time.Millisecond):
				}
			}
		})
	}
	click := func(sel, done string) step {
		return chromedp.Steps(chromedp.Click(chromedp.CSS(sel)), flash(done))
	}
	err := chromedp.Do(ctx,
		login("office"),
		chromedp.Navigate(u+"/admin/annual-reports"),
		chromedp.WaitVisible(chromedp.CSS("#year")),
		chromedp.Click(chromedp.CSS(`form[action="/admin/annual-reports"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#sections-form")),
	)
	if err != nil {
		t.Fatal(err)
	}
	page, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "report page (draft)")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#s5"), "\n部分科室主动公开意识有待增强，下一步将加强培训。"),
		click(`.actions button[form="sections-form"]`, "已保存"),
		click(`form[action$="/review"] button`, "已审核"),
		logout,
		login("leader"),
		chromedp.Navigate(page),
		click(`form[action$="/approve"] button`, "已批准"),
		logout,
		login("office"),
		chromedp.Navigate(page),
		click(`form[action$="/publish"] button`, "已发布"),
	)
	if err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "report page (published)")
	recs, err := st.AnnualReports(context.Background(), store.AnnualReportFilter{SiteID: e.site.ID})
	if err != nil || len(recs) != 1 || recs[0].State != store.ReportPublished || recs[0].DocumentID == 0 {
		t.Fatalf("reports %+v, %v", recs, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"/doc/"+itoa(recs[0].DocumentID)), chromedp.WaitVisible(chromedp.CSS("table"))); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	spans, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("th[rowspan], th[colspan], td[colspan]").length`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2024年政府信息公开工作年度报告", "申请人情况", "三、本年度办理结果", "部分科室主动公开意识有待增强"} {
		if !strings.Contains(text, want) {
			t.Errorf("the public page lacks %q", want)
		}
	}
	if spans < 20 {
		t.Errorf("the public tables have %d spanning cells, the format has more", spans)
	}
	checkAxe(t, ctx, "public report page")
}
