package public_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
	"gongkai/internal/web/prefs"
)

// a11ySetPrefs replaces the browser's cookies with a preferences cookie
// (value "" for none) and emulates the given system settings
// (prefers-color-scheme, prefers-contrast; nil for none).
func a11ySetPrefs(t testing.TB, ctx context.Context, siteURL, value string, system []*emulation.MediaFeature) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: system}); err != nil {
			return err
		}
		if value == "" {
			return nil
		}
		_, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: prefs.Cookie, Value: value, URL: siteURL})
		return err
	}))
	if err != nil {
		t.Fatalf("set preferences %q: %v", value, err)
	}
}

// a11yModes are the display modes every public page must pass axe in
// (website-rules §3.5 A3, A12). The toolbar's panel is open in each, so its
// buttons are checked in every theme too.
var a11yModes = []struct {
	name, cookie, class string
	system              []*emulation.MediaFeature
	reflow              bool // also checked at 200% zoom for horizontal scrolling
}{
	{"default", "panel=1", "theme-auto", nil, true},
	{"elder", "elder=1&panel=1", "elder", nil, true},
	{"high contrast", "theme=contrast&panel=1", "theme-contrast", nil, false},
	{"dark", "theme=dark&panel=1", "theme-dark", nil, false},
	{"low saturation", "theme=lowsat&panel=1", "theme-lowsat", nil, false},
	{"text only", "textonly=1&panel=1", "text-only", nil, true},
	{"largest text", "size=5&spacing=3&panel=1", "size-5", nil, true},
	{"cards, spacious, zoom 200%", "layout=cards&density=spacious&zoom=200&panel=1", "zoom-200", nil, false},
	{"system dark", "panel=1", "theme-auto", []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}, false},
	{"system more contrast", "panel=1", "theme-auto", []*emulation.MediaFeature{{Name: "prefers-contrast", Value: "more"}}, false},
}

// TestAccessibilityEveryMode runs axe-core (WCAG 2.1 A/AA) on every public
// page template in every display mode, with the largest text size among
// them, and checks the server-rendered page already carries the mode.
func TestAccessibilityEveryMode(t *testing.T) {
	ctx := testenv.Browser(t, 15*time.Minute)
	p := newPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)

	pages := []struct{ name, path, submit string }{
		{"home", "/", ""},
		{"column", "/col/tzgg/", ""},
		{"document, repealed", docPath(p.repealed), ""},
		{"document with attachment", docPath(p.withFile), ""},
		{"catalogue", "/xxgk/?q=%E8%B0%83%E6%9F%A5", ""},
		{"catalogue, bad filter", "/xxgk/?year=20x5", ""},
		{"guide", "/guide", ""},
		{"register of documents in force", "/gfxwj/", ""},
		{"not found", "/no/such/page", ""},
		{"accessibility help", "/help/accessibility", ""},
		{"account", "/account/", ""},
		{"sign-in", "/account/login", ""},
		{"sign-in, errors", "/account/login", "form.pub-form"},
		{"registration, errors", "/account/register", "form.pub-form"},
		{"search", "/search?q=%E8%B0%83%E6%9F%A5", ""},
		{"Q&A", "/assistant", ""},
		{"disclosure application", "/apply", ""},
		{"application status", "/status", ""},
	}
	t.Run("canary", func(t *testing.T) {
		a11ySetPrefs(t, ctx, srv.URL, "theme=dark&panel=1", nil)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
			t.Fatal(err)
		}
		testenv.AxeCanary(t, ctx)
	})
	for _, m := range a11yModes {
		t.Run(m.name, func(t *testing.T) {
			a11ySetPrefs(t, ctx, srv.URL, m.cookie, m.system)
			for _, pg := range pages {
				steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL + pg.path)}
				if pg.submit != "" {
					// The form sent empty: the page with every error shown.
					steps = append(steps, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+pg.submit+`').submit()`),
						chromedp.WaitReady(chromedp.CSS("p.field-error")))
				}
				sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				err := chromedp.Do(sctx, steps...)
				cancel()
				if err != nil {
					t.Fatalf("%s: %v", pg.name, err)
				}
				cls, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.className`))
				if err != nil || !strings.Contains(" "+cls+" ", " "+m.class+" ") {
					t.Fatalf("%s: <html> classes %q (%v), want %s", pg.name, cls, err, m.class)
				}
				for _, v := range testenv.Axe(t, ctx) {
					t.Errorf("%s (%s): %v", pg.name, pg.path, v)
				}
				if !m.reflow {
					continue
				}
				// WCAG 1.4.4/1.4.10: 640 CSS pixels at device scale 2 is a
				// 1280-pixel screen at 200% zoom; nothing may need
				// horizontal scrolling (overflow is TestAccessibility's check).
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(640, 900, chromedp.EmulateScale(2))); err != nil {
					t.Fatal(err)
				}
				o, err := chromedp.Run(ctx, chromedp.Evaluate[overflowResult](overflow))
				if err != nil {
					t.Fatal(err)
				}
				if o.ScrollWidth > o.ClientWidth {
					t.Errorf("%s at 200%% zoom: %d px wide in %d px; too wide: %v", pg.name, o.ScrollWidth, o.ClientWidth, o.Wide)
				}
			}
		})
	}
	// The staff sign-in page and its error (website-rules §3.5 A12 covers
	// every page the platform serves).
	a11ySetPrefs(t, ctx, srv.URL, "", nil)
	for _, submit := range []bool{false, true} {
		steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL + "/admin/login")}
		if submit {
			steps = append(steps, chromedp.Evaluate[chromedp.Void](`document.querySelector('form.narrow').submit()`),
				chromedp.WaitReady(chromedp.CSS(`#login-error[role=alert]`)))
		}
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("staff sign-in: %v", err)
		}
		for _, v := range testenv.Axe(t, ctx) {
			t.Errorf("staff sign-in (error shown: %v): %v", submit, v)
		}
	}

	// The system settings really change the colours until a theme is chosen.
	a11ySetPrefs(t, ctx, srv.URL, "", []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}})
	bg := a11yBackground(t, ctx, srv.URL+"/")
	if bg != "rgb(18, 18, 18)" {
		t.Errorf("system dark without a chosen theme: body background %q", bg)
	}
	a11ySetPrefs(t, ctx, srv.URL, "theme=light", []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}})
	if bg := a11yBackground(t, ctx, srv.URL+"/"); bg != "rgb(255, 255, 255)" {
		t.Errorf("system dark with the standard theme chosen: body background %q", bg)
	}
}

// a11yBackground loads url and returns the body's computed background colour.
func a11yBackground(t testing.TB, ctx context.Context, url string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if err != nil {
		t.Fatal(err)
	}
	return bg
}
