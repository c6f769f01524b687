package staff_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
	"gongkai/internal/workday"
)

// TestApplicationPagesAccessible runs axe-core (WCAG 2.1 A/AA) on the
// 依申请公开 back-office pages with a case in every kind of form: the queue,
// registration with errors, the case page while consulting, a notice, the
// template editor, the 复议/诉讼 register.
func TestApplicationPagesAccessible(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	e.clock.Set(time.Now()) // the browser's cookies and the session clock agree
	today := workday.FromTime(time.Now().In(china)).String()
	office := e.login("office")
	id := office.register(applicationForm(today))
	office.mustStep(id, "assign", url.Values{"on": {today}, "org": {itoa(e.orgA)}})
	office.mustStep(id, "consultation", url.Values{"on": {today}, "party": {"co_organ"}, "party_name": {"市财政局"}})
	ns := e.notices(id)
	u := e.srv.URL
	err := chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "office-head"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".site-header .whoami")),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/admin/applications", "/admin/applications/new", "/admin/applications/" + itoa(id),
		"/admin/application-notices/" + itoa(ns[len(ns)-1].ID), "/admin/notice-templates", "/admin/notice-templates/reply_withheld",
		"/admin/review-cases", "/admin/review-cases/new"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, path)
	}
	// The registration form after a refused submission (messages beside fields).
	err = chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/applications/new"),
		chromedp.Click(chromedp.CSS("main form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".field-error")),
	)
	if err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "registration with errors")
}
