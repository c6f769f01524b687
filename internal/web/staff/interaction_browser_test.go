package staff_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestInteractionPagesInBrowser opens the hotline, 建议提案, 解读回应 and
// statistics pages over the demo's 2023 in Chromium under the back office's
// Content-Security-Policy, including a form shown back with its errors:
// no page has a WCAG 2.1 A/AA violation.
func TestInteractionPagesInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	st := storetest.Open(t, store.SQLite)
	e := newInteractionEnv(t, st, time.Now())
	e.user("gkb2", auth.RoleOffice, e.orgA)
	ps, err := st.Proposals(context.Background(), store.ProposalFilter{SiteID: e.site.ID, Year: 2023})
	if err != nil || len(ps) == 0 {
		t.Fatalf("demo proposals: %d, %v", len(ps), err)
	}
	withCo := ps[0]
	for _, p := range ps {
		if len(p.CoHandlers) > 0 {
			withCo = p
		}
	}
	u := e.srv.URL
	if err := chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "gkb2"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".counts")),
	); err != nil {
		t.Fatal(err)
	}
	testenv.AxeCanary(t, ctx)
	for _, page := range []struct{ path, ready string }{
		{"/admin/proposals?year=2023", "table.list"},
		{"/admin/proposals/" + itoa(withCo.ID), "h1"},
		{"/admin/proposals/new", "#co_proposers"},
		{"/admin/hotline?year=2023", "table.list"},
		{"/admin/hotline/new", "#subject"},
		{"/admin/hotline/import", "#file"},
		{"/admin/interpretations?year=2023", "#policy"},
		{"/admin/concerns?year=2023", "#topic"},
		{"/admin/interaction/stats?year=2023", "table.list"},
		{"/admin/interaction/settings", "#opinion_period"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u+page.path), chromedp.WaitVisible(chromedp.CSS(page.ready))); err != nil {
			t.Fatalf("%s: %v", page.path, err)
		}
		checkAxe(t, ctx, page.path)
	}
	// A form sent back with its messages.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/hotline/new"),
		chromedp.SetValue(chromedp.CSS("#received_at"), "昨天"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/hotline/new"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".field-error")),
	); err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, "/admin/hotline/new (errors)")
	if typed, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#received_at"))); err != nil || typed != "昨天" {
		t.Errorf("typed time %q, %v", typed, err)
	}
}
