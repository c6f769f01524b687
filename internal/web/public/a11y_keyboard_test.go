package public_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// a11yEval evaluates a JavaScript expression (promises awaited) into T.
func a11yEval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %.80q: %v", js, err)
	}
	return v
}

// a11yWait polls a JavaScript condition until it holds.
func a11yWait(t testing.TB, ctx context.Context, what, cond string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if a11yEval[bool](t, ctx, "!!("+cond+")") {
			return
		}
	}
	t.Fatalf("%s: %s never held", what, cond)
}

// a11yKeys sends keys to the focused element, as a keyboard does.
func a11yKeys(t testing.TB, ctx context.Context, keys string, opts ...chromedp.KeyOption) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys, opts...)); err != nil {
		t.Fatalf("keys %q: %v", keys, err)
	}
}

// a11yTabTo presses Tab until the focused element e satisfies the
// JavaScript condition on e, and fails after max presses.
func a11yTabTo(t testing.TB, ctx context.Context, what, cond string, max int) {
	t.Helper()
	for range max {
		if a11yEval[bool](t, ctx, "(e => !!(e && ("+cond+")))(document.activeElement)") {
			return
		}
		a11yKeys(t, ctx, kb.Tab)
	}
	t.Fatalf("%d presses of Tab never reached %s", max, what)
}

// a11yEnterAndLoad presses Enter on the focused link or button and waits
// for the page it opens.
func a11yEnterAndLoad(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	res, err := chromedp.RunResponse(sctx, chromedp.KeyEvent(kb.Enter))
	if err != nil || res == nil || res.Status != 200 {
		t.Fatalf("%s: %v %v", what, res, err)
	}
}

// smallTargets lists the rendered links, buttons and fields smaller than
// 44×44 CSS pixels (website-rules §3.3, §3.5 A14).
const smallTargets = `(() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44); })
  .slice(0, 8).map(e => { const r = e.getBoundingClientRect();
    return e.tagName.toLowerCase() + ' "' + (e.textContent || e.value || '').trim().slice(0, 12) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height); }))()`

type textStyle struct {
	Body, Doc, Line float64
}

const mainTextStyle = `(() => {
  const b = getComputedStyle(document.body), p = getComputedStyle(document.querySelector('.doc-body p'));
  return {Body: parseFloat(b.fontSize), Doc: parseFloat(p.fontSize), Line: parseFloat(p.lineHeight) / parseFloat(p.fontSize)};
})()`

// TestKeyboardOnlyElderFlow is a visitor who uses only the keyboard (no
// mouse event is sent): from the home page to the 目录, a title search, the
// policy document, then the 关怀版 switch; computed styles must give main
// text of at least 18px, line spacing of at least 1.3 and targets of at
// least 44×44px; the common tasks lead to the application form, which is
// filled in and sent by keyboard (issue 6: a disclosure application).
func TestKeyboardOnlyElderFlow(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	p, h := keyboardPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	a11yTabTo(t, ctx, "a link to the 目录", `e.getAttribute('href') === '/xxgk/'`, 80)
	a11yEnterAndLoad(t, ctx, "open the 目录")
	a11yTabTo(t, ctx, "the title keyword field", `e.id === 'f-q'`, 60)
	a11yKeys(t, ctx, "技术改造奖补办法（修订）")
	a11yEnterAndLoad(t, ctx, "search the 目录")
	if n := a11yEval[int](t, ctx, `document.querySelectorAll('.catalogue tbody tr').length`); n != 1 {
		t.Fatalf("the search finds %d documents, want 1", n)
	}
	a11yTabTo(t, ctx, "the document in the results", `e.closest('.catalogue') && e.tagName === 'A'`, 60)
	a11yEnterAndLoad(t, ctx, "open the document")
	if h1 := a11yEval[string](t, ctx, `document.querySelector('h1').textContent`); !strings.Contains(h1, "技术改造奖补办法（修订）") {
		t.Fatalf("opened %q", h1)
	}

	a11yTabTo(t, ctx, "the 关怀版 switch", `e.classList.contains('a11y-elder')`, 5)
	type outline struct {
		Style string  `json:"style"`
		Width float64 `json:"width"`
	}
	if o := a11yEval[outline](t, ctx, `(s => ({style: s.outlineStyle, width: parseFloat(s.outlineWidth)}))(getComputedStyle(document.activeElement))`); o.Style == "none" || o.Width < 2 {
		t.Fatalf("the focused switch shows no focus ring: %+v", o)
	}
	a11yKeys(t, ctx, kb.Enter)
	a11yWait(t, ctx, "关怀版 on", `document.documentElement.classList.contains('elder')`)
	a11yWait(t, ctx, "the switch is announced", `document.getElementById('a11y-status').textContent === '已开启关怀版'`)
	if pressed := a11yEval[string](t, ctx, `document.activeElement.getAttribute('aria-pressed')`); pressed != "true" {
		t.Fatalf("the switch reads aria-pressed=%q", pressed)
	}
	check := func(when string) {
		st := a11yEval[textStyle](t, ctx, mainTextStyle)
		if st.Body < 18 || st.Doc < 18 || st.Line < 1.3 {
			t.Errorf("%s: body text %vpx, document text %vpx, line spacing %.2f", when, st.Body, st.Doc, st.Line)
		}
		if small := a11yEval[[]string](t, ctx, smallTargets); len(small) > 0 {
			t.Errorf("%s: targets smaller than 44×44px: %v", when, small)
		}
	}
	check("after the switch")

	// The setting holds on the next page load, rendered by the server.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	raw := a11yEval[string](t, ctx, `fetch(location.href).then(r => r.text())`)
	if !strings.Contains(raw, `class="theme-auto elder `) {
		t.Fatalf("the server-rendered page lacks the elder class: %.300s", raw)
	}
	check("after reloading")

	// The common tasks: the path to 申请公开 is two key presses away, and
	// the application is filed without a mouse.
	a11yTabTo(t, ctx, "申请公开 among the common tasks", `e.closest('.elder-tasks') && e.textContent === '申请公开'`, 40)
	if href := a11yEval[string](t, ctx, `document.activeElement.getAttribute('href')`); href != "/apply" {
		t.Fatalf("申请公开 links to %q", href)
	}
	code := fileByKeyboard(t, ctx)
	n, err := p.st.CountApplications(context.Background(), store.ApplicationFilter{SiteID: p.site.ID})
	if err != nil || n != 1 {
		t.Fatalf("applications stored after %s: %d, %v", code, n, err)
	}
}

// TestPrefsFollowTheCitizen: settings made while signed in on one device
// appear on another after signing in there.
func TestPrefsFollowTheCitizen(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	p := newPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)

	device := func() context.Context {
		c, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		if err := chromedp.Do(c, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
		return c
	}
	form := func(c context.Context, path, username string, withAgain bool) {
		steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + path),
			chromedp.SendKeys(chromedp.CSS("#username"), username), chromedp.SendKeys(chromedp.CSS("#password"), citizenPassword)}
		if withAgain {
			steps = append(steps, chromedp.SendKeys(chromedp.CSS("#password2"), citizenPassword))
		}
		if err := chromedp.Do(c, steps...); err != nil {
			t.Fatal(err)
		}
		sctx, cancel := context.WithTimeout(c, 15*time.Second)
		defer cancel()
		if _, err := chromedp.RunResponse(sctx, chromedp.Click(chromedp.CSS("form.pub-form button[type=submit]"))); err != nil {
			t.Fatal(err)
		}
	}

	first := device()
	form(first, "/account/register", "reader@example.cn", true)
	mustContain(t, "after registering", a11yEval[string](t, first, `document.body.innerText`), "注册成功")
	// The toolbar applies 深色 and 特大 in place, through its script.
	if err := chromedp.Do(first, chromedp.Click(chromedp.CSS("#a11y-panel > summary")),
		chromedp.Click(chromedp.CSS(`#a11y-theme button[value=dark]`))); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, first, "dark theme in place", `document.documentElement.classList.contains('theme-dark')`)
	if err := chromedp.Do(first, chromedp.Click(chromedp.CSS(`#a11y-size button[value="4"]`))); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, first, "text size in place", `document.documentElement.classList.contains('size-4')`)
	a11yWait(t, first, "announced", `document.getElementById('a11y-status').textContent === '文字大小：特大'`)
	if pressed := a11yEval[string](t, first, `document.querySelector('#a11y-theme button[value=dark]').getAttribute('aria-pressed')`); pressed != "true" {
		t.Fatalf("深色 reads aria-pressed=%q", pressed)
	}

	second := device()
	if err := chromedp.Do(second, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if cls := a11yEval[string](t, second, `document.documentElement.className`); strings.Contains(cls, "theme-dark") {
		t.Fatalf("a fresh browser already has the theme: %q", cls)
	}
	form(second, "/account/login", "reader@example.cn", false)
	raw := a11yEval[string](t, second, `fetch('/').then(r => r.text())`)
	if !strings.Contains(raw, `class="theme-dark size-4 `) {
		t.Fatalf("after signing in on the second device the server renders %.200q", raw[strings.Index(raw, "<html"):])
	}
	if cls := a11yEval[string](t, second, `document.documentElement.className`); !strings.Contains(cls, "theme-dark") {
		t.Fatalf("the page shown after sign-in has classes %q", cls)
	}
}
