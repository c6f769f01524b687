package public_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// overflow reports the page's width against the viewport's, and the
// elements that stick out on the right, at the current viewport.
const overflow = `(() => {
  const de = document.documentElement, w = de.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > w + 1)
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
  return {scrollWidth: de.scrollWidth, clientWidth: w, wide: wide};
})()`

type overflowResult struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	Wide        []string `json:"wide"`
}

// TestAccessibility runs axe-core in Chromium on every public page template
// and fails on any WCAG 2.1 A/AA violation; it then narrows the viewport to
// 640 CSS pixels at device scale 2 — what a 1280-pixel screen shows at 200 %
// zoom (WCAG 1.4.4) — and checks nothing needs horizontal scrolling.
func TestAccessibility(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	p := newPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)

	pages := []struct{ name, path string }{
		{"home", "/"},
		{"column", "/col/tzgg/"},
		{"column page 2", "/col/tzgg/?page=2"},
		{"parent column", "/col/zcwj/"},
		{"repealed document", docPath(p.repealed)},
		{"document with attachment", docPath(p.withFile)},
		{"catalogue", "/xxgk/"},
		{"catalogue filtered", "/xxgk/?year=2024&q=%E8%B0%83%E6%9F%A5"},
		{"catalogue bad filter", "/xxgk/?year=20x5&topic=nope"},
		{"catalogue empty", "/xxgk/?year=1999"},
		{"guide", "/guide"},
		{"register of documents in force", "/gfxwj/"},
		{"not found", "/no/such/page"},
		{"sub-site home", "/s/yx/"},
	}
	// Canary: the same pipeline must see a planted violation and a planted
	// overflow, or a silent failure to run axe would pass every page.
	t.Run("canary", func(t *testing.T) {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(640, 900, chromedp.EmulateScale(2)),
			chromedp.Navigate(srv.URL+"/"))
		if err != nil {
			t.Fatal(err)
		}
		testenv.AxeCanary(t, ctx)
		err = chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		  const m = document.querySelector('main');
		  m.insertAdjacentHTML('beforeend', '<div class="canary-wide"></div>');
		  m.lastChild.style.width = '2000px'; m.lastChild.style.height = '1px';
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		o, err := chromedp.Run(ctx, chromedp.Evaluate[overflowResult](overflow))
		if err != nil || o.ScrollWidth <= o.ClientWidth {
			t.Fatalf("overflow check misses a 2000px element: %+v, %v", o, err)
		}
	})
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900),
				chromedp.Navigate(srv.URL+pg.path))
			if err != nil {
				t.Fatalf("load %s: %v", pg.path, err)
			}
			lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
			if err != nil || lang != "zh-CN" {
				t.Fatalf("%s: lang = %q, %v", pg.path, lang, err)
			}
			for _, v := range testenv.Axe(t, ctx) {
				t.Errorf("%s: %v", pg.path, v)
			}

			if err := chromedp.Do(ctx, chromedp.EmulateViewport(640, 900, chromedp.EmulateScale(2))); err != nil {
				t.Fatal(err)
			}
			o, err := chromedp.Run(ctx, chromedp.Evaluate[overflowResult](overflow))
			if err != nil {
				t.Fatal(err)
			}
			if o.ScrollWidth > o.ClientWidth {
				t.Errorf("%s at 200%% zoom: page is %d px wide in a %d px viewport; too wide: %v",
					pg.path, o.ScrollWidth, o.ClientWidth, o.Wide)
			}
		})
	}
}

// TestKeyboardFocus checks the first Tab lands on the skip link, which then
// shows on screen with a visible focus outline (WCAG 2.4.1, 2.4.7), and that
// following it moves focus to the main content.
func TestKeyboardFocus(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	p := newPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/"), chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	type focus struct {
		Class   string  `json:"cls"`
		Left    float64 `json:"left"`
		Outline string  `json:"outline"`
		Width   float64 `json:"width"`
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[focus](`(() => {
	  const e = document.activeElement, s = getComputedStyle(e);
	  return {cls: e.className, left: e.getBoundingClientRect().left, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Class != "skip-link" || f.Left < 0 || f.Outline == "none" || f.Width < 2 {
		t.Fatalf("after one Tab the focus is %+v; want the skip link on screen with an outline of at least 2px", f)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil || id != "main" {
		t.Fatalf("after following the skip link the focus is on #%q (%v), want #main", id, err)
	}
}
