package public_test

import (
	"math"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestToolbarScriptAids checks what only the toolbar's script draws: the
// crosshair guides follow the pointer (also under page zoom), the caption
// bar shows the text under the pointer and of the focused element, and the
// Alt+Shift shortcuts change and announce settings.
func TestToolbarScriptAids(t *testing.T) {
	ctx := testenv.Browser(t, 2*time.Minute)
	p := newPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)
	a11ySetPrefs(t, ctx, srv.URL, "guides=1&caption=1&zoom=150", nil)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+docPath(p.repealed)),
		chromedp.WaitReady(chromedp.CSS(".a11y-guide-h")), chromedp.MouseEvent(chromedp.MouseMoved, 300, 420)); err != nil {
		t.Fatal(err)
	}
	type box struct{ Top, Left float64 }
	pos := a11yEval[box](t, ctx, `({Top: document.querySelector('.a11y-guide-h').getBoundingClientRect().top,
	  Left: document.querySelector('.a11y-guide-v').getBoundingClientRect().left})`)
	if math.Abs(pos.Top-420) > 2 || math.Abs(pos.Left-300) > 2 {
		t.Fatalf("at 150%% zoom the guides cross at (%v, %v), the pointer is at (300, 420)", pos.Left, pos.Top)
	}
	// The caption bar: the title under the pointer, then the focused link.
	h1 := a11yEval[box](t, ctx, `(r => ({Top: r.top + r.height / 2, Left: r.left + 10}))(document.getElementById('doc-title').getBoundingClientRect())`)
	if err := chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, h1.Left, h1.Top)); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, ctx, "the title in the caption bar", `document.querySelector('.a11y-caption-bar').textContent === document.getElementById('doc-title').textContent.trim()`)
	a11yKeys(t, ctx, kb.Tab)
	a11yKeys(t, ctx, kb.Tab)
	a11yWait(t, ctx, "the focused switch in the caption bar", `document.querySelector('.a11y-caption-bar').textContent === '关怀版（适老化）'`)
	if hidden := a11yEval[string](t, ctx, `document.querySelector('.a11y-caption-bar').getAttribute('aria-hidden')`); hidden != "true" {
		t.Fatal("the caption bar repeats visible text and must be hidden from screen readers")
	}

	alt := chromedp.KeyModifiers(chromedp.ModifierAlt, chromedp.ModifierShift)
	a11yKeys(t, ctx, "=", alt)
	a11yWait(t, ctx, "Alt+Shift+= enlarges the text", `document.documentElement.classList.contains('size-2')`)
	a11yWait(t, ctx, "announced", `document.getElementById('a11y-status').textContent === '文字大小：较大'`)
	a11yKeys(t, ctx, "c", alt)
	a11yWait(t, ctx, "Alt+Shift+C switches the theme", `document.documentElement.classList.contains('theme-light')`)
	a11yKeys(t, ctx, "x", alt)
	a11yWait(t, ctx, "Alt+Shift+X removes the guides", `!document.querySelector('.a11y-guide') && !document.documentElement.classList.contains('guides')`)
	a11yKeys(t, ctx, "0", alt)
	a11yWait(t, ctx, "Alt+Shift+0 resets", `document.documentElement.className === 'theme-auto layout-list density-standard'`)
	a11yWait(t, ctx, "no caption bar after reset", `!document.querySelector('.a11y-caption-bar')`)
	a11yKeys(t, ctx, "a", alt)
	a11yWait(t, ctx, "Alt+Shift+A opens the toolbar", `document.getElementById('a11y-panel').open && document.activeElement.tagName === 'SUMMARY'`)
}
