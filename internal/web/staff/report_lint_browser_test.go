package staff_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestReportLintInBrowser pastes the seed report into the check page in
// Chromium and uploads a correct one: the findings table shows the
// narrative mismatches, and neither the form with its error nor the
// results have a WCAG 2.1 A/AA violation.
func TestReportLintInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 2*time.Minute)
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office", auth.RoleOffice, 0)
	seed, err := os.ReadFile(lintTestdata + "real/annual-report-2023-huangshi-jingxin.txt")
	if err != nil {
		t.Fatal(err)
	}
	u := e.srv.URL
	submit := chromedp.Click(chromedp.CSS(`form[action="/admin/report-lint"] button[type=submit]`))
	err = chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "office"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".whoami")),
		chromedp.Click(chromedp.CSS(`nav a[href="/admin/report-lint"]`)),
		chromedp.WaitVisible(chromedp.CSS("#text")),
		submit,
		chromedp.WaitVisible(chromedp.CSS("#text-error")),
	)
	if err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "lint form with an error")
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#text"), string(seed)),
		submit,
		chromedp.WaitVisible(chromedp.CSS("#lint-result")),
	)
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3个错误", "新制作行政规范性文件4个", "先行有效件数9个", "黄石市经信局"} {
		if !strings.Contains(text, want) {
			t.Errorf("results: %q missing", want)
		}
	}
	checkAxe(t, ctx, "lint results")
	// The pasted seed stays in the box; a chosen file is what is checked.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#lint-result").parentElement.remove(), true`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{testenv.RepoRoot(t) + "/internal/annualreport/testdata/lint/valid-2021.html"}),
		submit,
		chromedp.WaitVisible(chromedp.CSS("#lint-result")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if text, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`)); !strings.Contains(text, "未发现问题") {
		t.Errorf("uploaded report: %s", text)
	}
}
