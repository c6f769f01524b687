package staff_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestAdminDecisionPagesInBrowser opens the register, its error state and
// the import form in Chromium: no WCAG 2.1 A/AA violation.
func TestAdminDecisionPagesInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 2*time.Minute)
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.clock.Set(time.Now())
	e.user("gkb", auth.RoleOffice, 0)
	u := e.srv.URL
	err := chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "gkb"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".counts")),
		chromedp.Navigate(u+"/admin/decisions?year=2025"),
		chromedp.WaitVisible(chromedp.CSS("#v1-license")),
	)
	if err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "/admin/decisions")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#v4-coercion"), "-1"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/decisions"][method="post"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#v4-coercion-error")),
	)
	if err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "/admin/decisions (errors)")
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"/admin/decisions/import?year=2025"), chromedp.WaitVisible(chromedp.CSS("#file"))); err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "/admin/decisions/import")
}
