package staff_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestEditorInBrowser checks the vendored editor under the back office's
// Content-Security-Policy: it replaces the textarea, what is typed and
// aligned in it is posted and stored, a stored body loads back with its
// alignment, and the form has no WCAG 2.1 A/AA violation.
func TestEditorInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 2*time.Minute)
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.clock.Set(time.Now()) // the browser's cookies and the session clock agree
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	u := e.srv.URL
	// Canary: axe must see a planted violation, or a silent failure to run
	// it would pass every page.
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"/admin/login")); err != nil {
		t.Fatal(err)
	}
	testenv.AxeCanary(t, ctx)
	err := chromedp.Do(ctx,
		chromedp.Navigate(u+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), "officer-a"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".counts")),
		chromedp.Navigate(u+"/admin/documents/new"),
		chromedp.WaitVisible(chromedp.CSS(".ql-editor")),
	)
	if err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('body_html').hidden`))
	if err != nil || !hidden {
		t.Fatalf("textarea not replaced by the editor: %v %v", hidden, err)
	}
	checkAxe(t, ctx, "document form")
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#column"), itoa(e.colA)),
		chromedp.SendKeys(chromedp.CSS("#title"), "浏览器中新建的通知"),
		chromedp.Click(chromedp.CSS(".ql-editor")),
		chromedp.SendKeys(chromedp.CSS(".ql-editor"), "第一段正文"),
		// Centre the line as the toolbar's align picker does.
		chromedp.Evaluate[chromedp.Void](`Quill.find(document.querySelector('.ql-container')).formatLine(0, 1, 'align', 'center', 'user')`),
		chromedp.Click(chromedp.CSS(".doc-form .actions button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".meta-table")),
	)
	if err != nil {
		t.Fatal(err)
	}
	docs, total, err := e.st.Documents(context.Background(), store.DocumentFilter{})
	if err != nil || total != 1 {
		t.Fatalf("documents: %d %v", total, err)
	}
	d, _ := e.st.Document(context.Background(), docs[0].ID)
	if d.Title != "浏览器中新建的通知" || d.BodyHTML != `<p style="text-align: center">第一段正文</p>` {
		t.Fatalf("stored from the editor: %q %q", d.Title, d.BodyHTML)
	}
	// The stored body loads back into the editor with its alignment; saving
	// without touching it leaves it as it was.
	err = chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/admin/documents/%d/edit", u, d.ID)),
		chromedp.WaitVisible(chromedp.CSS(".ql-editor p")),
	)
	if err != nil {
		t.Fatal(err)
	}
	align, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.ql-editor p')).textAlign`))
	if err != nil || align != "center" {
		t.Fatalf("alignment in the editor after loading: %q %v", align, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".doc-form .actions button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".meta-table"))); err != nil {
		t.Fatal(err)
	}
	if again, _ := e.st.Document(context.Background(), d.ID); again.BodyHTML != d.BodyHTML {
		t.Fatalf("untouched body changed: %q", again.BodyHTML)
	}
	// The other pages an officer works with.
	for _, path := range []string{"/admin/", "/admin/documents", fmt.Sprintf("/admin/documents/%d", d.ID)} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, path)
	}
	// The administrators' pages, each signed in as its role.
	for _, who := range []struct {
		role  auth.Role
		paths []string
	}{
		{auth.RoleSysAdmin, []string{"/admin/calendar?year=2025", "/admin/columns", "/admin/columns/new", "/admin/sites/new", "/admin/orgs"}},
		{auth.RoleSecAdmin, []string{"/admin/users", "/admin/users/new"}},
		{auth.RoleAuditor, []string{"/admin/audit"}},
	} {
		name := string(who.role) + "1"
		e.user(name, who.role, 0)
		err := chromedp.Do(ctx,
			chromedp.Navigate(u+"/admin/login"),
			chromedp.SendKeys(chromedp.CSS("#username"), name),
			chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
			chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".site-header .whoami")),
		)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range who.paths {
			if err := chromedp.Do(ctx, chromedp.Navigate(u+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
				t.Fatal(err)
			}
			checkAxe(t, ctx, path)
		}
	}
}

// checkAxe runs axe-core on the current page and reports every violation
// under the page's name.
func checkAxe(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	for _, v := range testenv.Axe(t, ctx) {
		t.Errorf("%s: %v", name, v)
	}
}
