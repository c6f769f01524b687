package router_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// newVisitor opens a tab in a fresh browser context of the same Chromium:
// no cookies, no cache — an anonymous member of the public.
func newVisitor(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	vctx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(vctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("visitor tab: %v", err)
	}
	return vctx
}

// stepTimeout bounds each browser step, so a selector that never matches
// fails the test quickly with the step's name instead of hanging.
const stepTimeout = 15 * time.Second

// do runs browser steps and fails the test with what was being done.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression (promises awaited) into T.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %.60q: %v", js, err)
	}
	return v
}

// load runs steps that make the page navigate (a click on a link or a form
// button, or Navigate), waits for the new page and returns its final HTTP
// status and URL (after redirects).
func load(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) (int, *url.URL) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.RunResponse(sctx, steps...)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if res == nil {
		t.Fatalf("%s: no document response", what)
	}
	loc, err := chromedp.Run(sctx, chromedp.Location())
	if err != nil {
		t.Fatalf("%s: location: %v", what, err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatalf("%s: location %q: %v", what, loc, err)
	}
	return int(res.Status), u
}

// text is the trimmed text content of the first element matching css.
func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	b, _ := json.Marshal(css)
	return eval[string](t, ctx, fmt.Sprintf(`(document.querySelector(%s) || {textContent: ''}).textContent.trim()`, b))
}

// signIn signs username in through the login form and checks the back
// office greets them.
func signIn(t *testing.T, ctx context.Context, base, username, display string) {
	t.Helper()
	do(t, ctx, "open the login form "+username,
		chromedp.Navigate(base+"/admin/login"),
		chromedp.SendKeys(chromedp.CSS("#username"), username),
		chromedp.SendKeys(chromedp.CSS("#password"), flowPassword))
	status, u := load(t, ctx, "sign in "+username, chromedp.Click(chromedp.CSS("form.narrow button[type=submit]")))
	if status != 200 || u.Path != "/admin/" {
		t.Fatalf("sign in %s: status %d at %s, want 200 at /admin/", username, status, u)
	}
	if who := text(t, ctx, ".site-header .whoami"); !strings.Contains(who, display) {
		t.Fatalf("signed in as %s, the header says %q", username, who)
	}
}

// signOut uses the header's 退出 button and checks the session is gone: the
// back office sends the browser back to the login form.
func signOut(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	status, u := load(t, ctx, "sign out", chromedp.Click(chromedp.CSS(".site-header .whoami button[type=submit]")))
	if status != 200 || u.Path != "/admin/login" {
		t.Fatalf("sign out: status %d at %s, want the login form", status, u)
	}
	if _, u = load(t, ctx, "back office after sign-out", chromedp.Navigate(base+"/admin/")); u.Path != "/admin/login" {
		t.Fatalf("after signing out /admin/ shows %s, want the login form", u)
	}
}

// metaTable reads a metadata table (th → td) of the current page.
func metaTable(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	return eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('.meta-table tr')]
	  .map(r => [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent.trim()]))`)
}

// screenshot saves a full-page PNG into the test's temporary dir and, when
// GONGKAI_SCREENSHOTS names a directory, there too for review.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	h := eval[int64](t, ctx, `Math.ceil(document.documentElement.scrollHeight)`)
	do(t, ctx, "size the viewport to the page", chromedp.EmulateViewport(1280, max(h, 900)))
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	do(t, ctx, "restore the viewport", chromedp.EmulateViewport(1280, 900))
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("screenshot %s is not a PNG (%d bytes)", name, len(png))
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("GONGKAI_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		p := filepath.Join(d, name+".png")
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", p, len(png))
	}
}
