package public_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/prefs"
	"gongkai/internal/web/router"
)

// a11yRequest sends one request to h with a form body (POST) and cookies.
func a11yRequest(t testing.TB, h http.Handler, method, path string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, "http://gk.example.gov.cn"+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// a11yCookie returns the cookie named name that rec sets, or fails.
func a11yCookie(t testing.TB, rec *httptest.ResponseRecorder, name string) *http.Cookie {
	t.Helper()
	for _, c := range rec.Result().Cookies() {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("response sets no %s cookie; headers %v", name, rec.Header())
	return nil
}

// a11yHandler builds the whole service again over p's store with a changed
// configuration (speech settings, for instance).
func a11yHandler(t testing.TB, p *portal, edit func(*config.Config), log *slog.Logger) http.Handler {
	t.Helper()
	cfg := p.cfg
	edit(&cfg)
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	_, h, err := router.New(context.Background(), cfg, p.st, log)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// htmlClasses is the class attribute of the page's <html> element.
func htmlClasses(t testing.TB, body string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, `<html lang="zh-CN" class="`)
	if !ok {
		t.Fatalf("no <html class> in:\n%s", clip(body))
	}
	cls, _, _ := strings.Cut(rest, `"`)
	return cls
}

// A guest's settings travel in the cookie, apply on the server-rendered
// page and never come back as they were sent.
func TestPrefsGuestCookieRoundTrip(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	rec := a11yRequest(t, p.h, http.MethodPost, "/prefs", url.Values{"theme": {"dark"}, "back": {"/xxgk/?year=2025"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/xxgk/?year=2025" {
		t.Fatalf("POST /prefs = %d to %q, want 303 back to the page", rec.Code, rec.Header().Get("Location"))
	}
	c := a11yCookie(t, rec, prefs.Cookie)
	if c.Value != "theme=dark" || !c.HttpOnly || c.MaxAge <= 0 {
		t.Fatalf("cookie %+v", c)
	}
	page := a11yRequest(t, p.h, http.MethodGet, "/xxgk/?year=2025", nil, c)
	if cls := htmlClasses(t, page.Body.String()); !strings.Contains(cls, "theme-dark") {
		t.Fatalf("server-rendered <html> classes %q lack the chosen theme", cls)
	}
	mustContain(t, "themed page", page.Body.String(), `name="theme" value="dark" aria-pressed="true"`,
		`name="theme" value="auto" aria-pressed="false"`)

	// A second setting keeps the first.
	rec = a11yRequest(t, p.h, http.MethodPost, "/prefs", url.Values{"elder": {"1"}, "back": {"/"}}, c)
	c = a11yCookie(t, rec, prefs.Cookie)
	if c.Value != "elder=1&theme=dark" {
		t.Fatalf("cookie after a second setting: %q", c.Value)
	}
	home := a11yRequest(t, p.h, http.MethodGet, "/", nil, c).Body.String()
	if cls := htmlClasses(t, home); !strings.Contains(cls, "elder") || !strings.Contains(cls, "theme-dark") {
		t.Fatalf("classes %q", cls)
	}
	mustContain(t, "elder home", home, `aria-label="常用服务"`, `href="/xxgk/">查政策`, `href="/apply">申请公开`)

	// Reset removes the cookie.
	rec = a11yRequest(t, p.h, http.MethodPost, "/prefs", url.Values{"reset": {"1"}, "back": {"/"}}, c)
	if c := a11yCookie(t, rec, prefs.Cookie); c.MaxAge >= 0 {
		t.Fatalf("reset keeps the cookie: %+v", c)
	}

	// A forged cookie selects nothing and is not reflected.
	forged := &http.Cookie{Name: prefs.Cookie, Value: `theme=x><script>alert(1)</script>&size=9`}
	body := a11yRequest(t, p.h, http.MethodGet, "/", nil, forged).Body.String()
	if cls := htmlClasses(t, body); cls != prefs.Default().Classes() {
		t.Fatalf("forged cookie gives classes %q", cls)
	}
	mustNotContain(t, "forged cookie", body, "alert(1)")
}

// Without JavaScript the panel stays open after each button, and the
// visitor lands back at the toolbar; the back address cannot leave the site.
func TestPrefsWithoutScript(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	rec := a11yRequest(t, p.h, http.MethodPost, "/prefs", url.Values{"size": {"4"}, "from": {"panel"}, "back": {"/guide"}})
	if loc := rec.Header().Get("Location"); loc != "/guide#a11y-panel" {
		t.Fatalf("redirect to %q", loc)
	}
	c := a11yCookie(t, rec, prefs.Cookie)
	body := a11yRequest(t, p.h, http.MethodGet, "/guide", nil, c).Body.String()
	mustContain(t, "panel kept open", body, `<details class="a11y-panel" id="a11y-panel" open>`, `name="size" value="4" aria-pressed="true"`)
	if cls := htmlClasses(t, body); !strings.Contains(cls, "size-4") {
		t.Fatalf("classes %q", cls)
	}
	for _, back := range []string{"//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil"} {
		rec := a11yRequest(t, p.h, http.MethodPost, "/prefs", url.Values{"theme": {"dark"}, "back": {back}})
		if loc := rec.Header().Get("Location"); loc != "/" {
			t.Errorf("back %q redirects to %q", back, loc)
		}
	}
	// A sub-site's settings send its visitors back under its prefix.
	rec = a11yRequest(t, p.h, http.MethodPost, "/s/yx/prefs", url.Values{"theme": {"dark"}})
	if loc := rec.Header().Get("Location"); loc != "/s/yx/" {
		t.Errorf("sub-site redirect to %q", loc)
	}
}

// The toolbar's script gets the new state as JSON to apply in place.
func TestPrefsJSON(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	req := httptest.NewRequest(http.MethodPost, "/prefs", strings.NewReader("cursor=1&from=panel"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	var res struct {
		Classes string            `json:"classes"`
		Values  map[string]string `json:"values"`
		Message string            `json:"message"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("JSON answer %d %q: %v", rec.Code, rec.Body.String(), err)
	}
	if !strings.Contains(res.Classes, "big-cursor") || res.Values["cursor"] != "1" || res.Values["panel"] != "1" ||
		res.Message != "已开启大鼠标" {
		t.Fatalf("answer %+v", res)
	}
}

// Pages are cached per settings: the default page stays shared and cached,
// a themed visitor gets a themed copy, and the two never mix.
func TestPrefsPageCache(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	dark := &http.Cookie{Name: prefs.Cookie, Value: "theme=dark"}
	sameAsDefault := &http.Cookie{Name: prefs.Cookie, Value: "theme=auto"}
	first := a11yRequest(t, p.h, http.MethodGet, "/col/tzgg/", nil)
	second := a11yRequest(t, p.h, http.MethodGet, "/col/tzgg/", nil, sameAsDefault)
	if second.Header().Get("X-Cache") != "hit" {
		t.Fatal("a default-settings page is not served from the cache")
	}
	themed := a11yRequest(t, p.h, http.MethodGet, "/col/tzgg/", nil, dark)
	if themed.Header().Get("X-Cache") == "hit" || !strings.Contains(htmlClasses(t, themed.Body.String()), "theme-dark") {
		t.Fatal("the themed visitor got the default page")
	}
	again := a11yRequest(t, p.h, http.MethodGet, "/col/tzgg/", nil, dark)
	if again.Header().Get("X-Cache") != "hit" || again.Body.String() != themed.Body.String() {
		t.Fatal("the themed page is not cached for the next themed visitor")
	}
	plain := a11yRequest(t, p.h, http.MethodGet, "/col/tzgg/", nil)
	if plain.Body.String() != first.Body.String() || strings.Contains(htmlClasses(t, plain.Body.String()), "theme-dark") {
		t.Fatal("a default visitor got the themed page")
	}
}
