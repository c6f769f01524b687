package public_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/prefs"
)

const (
	citizenPhone    = "13800138000"
	citizenPassword = "Citizen-Pass-2026"
)

// Registration checks every field beside it, keeps what was typed (never
// the password), and refuses a taken number; personal data stays out of
// the logs.
func TestCitizenRegister(t *testing.T) {
	var logs bytes.Buffer
	p := newPortal(t, storetest.Open(t, store.SQLite))
	h := a11yHandler(t, p, func(*config.Config) {}, slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))

	rec := a11yRequest(t, h, http.MethodPost, "/account/register", url.Values{
		"username": {"1380013"}, "password": {"short"}, "password2": {"short"}})
	body := rec.Body.String()
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad registration = %d", rec.Code)
	}
	mustContain(t, "bad registration", body, `role="alert"`, "请填写手机号码（11位）或电子邮箱地址", "密码至少10位",
		`value="1380013"`, `aria-invalid="true"`, `aria-describedby="username-hint username-error"`)
	mustNotContain(t, "bad registration", body, `value="short"`)

	rec = a11yRequest(t, h, http.MethodPost, "/account/register", url.Values{
		"username": {citizenPhone}, "password": {citizenPassword}, "password2": {citizenPassword + "x"}})
	mustContain(t, "mismatch", rec.Body.String(), "两次输入的密码不一致")

	guest := &http.Cookie{Name: prefs.Cookie, Value: "size=3"}
	rec = a11yRequest(t, h, http.MethodPost, "/account/register", url.Values{
		"username": {"+86 138-0013-8000"}, "password": {citizenPassword}, "password2": {citizenPassword}}, guest)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/account/?done=registered" {
		t.Fatalf("registration = %d to %q:\n%s", rec.Code, rec.Header().Get("Location"), clip(rec.Body.String()))
	}
	session := a11yCookie(t, rec, "gk_citizen")
	if !session.HttpOnly || session.Value == "" {
		t.Fatalf("session cookie %+v", session)
	}
	// The settings chosen as a guest moved onto the new account.
	c, err := p.st.CitizenByName(context.Background(), citizenPhone)
	if err != nil || prefs.FromJSON(c.Prefs).TextSize != 3 {
		t.Fatalf("account %+v, %v", c, err)
	}
	account := a11yRequest(t, h, http.MethodGet, "/account/?done=registered", nil, session).Body.String()
	mustContain(t, "account page", account, "注册成功", "138****8000", "文字大小：大")
	mustNotContain(t, "account page", account, citizenPhone)

	rec = a11yRequest(t, h, http.MethodPost, "/account/register", url.Values{
		"username": {citizenPhone}, "password": {citizenPassword}, "password2": {citizenPassword}})
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "该手机号码或电子邮箱已注册") {
		t.Fatalf("duplicate registration = %d", rec.Code)
	}
	if strings.Contains(logs.String(), citizenPhone) || strings.Contains(logs.String(), "0013") {
		t.Fatalf("the log carries the phone number:\n%s", logs.String())
	}
}

// Signing in: one message for unknown accounts and wrong passwords, a
// lockout after five failures, and the account's settings come to the
// browser; settings changed while signed in go onto the account.
func TestCitizenLoginAndPrefs(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	reg := a11yRequest(t, p.h, http.MethodPost, "/account/register", url.Values{
		"username": {"Reader@Example.cn"}, "password": {citizenPassword}, "password2": {citizenPassword}})
	session := a11yCookie(t, reg, "gk_citizen")

	// Settings changed while signed in are kept on the account.
	rec := a11yRequest(t, p.h, http.MethodPost, "/prefs", url.Values{"theme": {"contrast"}, "back": {"/"}}, session)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("prefs = %d", rec.Code)
	}
	c, err := p.st.CitizenByName(context.Background(), "reader@example.cn")
	if err != nil || prefs.FromJSON(c.Prefs).Theme != prefs.ThemeContrast {
		t.Fatalf("account prefs %q, %v", c.Prefs, err)
	}
	rec = a11yRequest(t, p.h, http.MethodPost, "/account/logout", url.Values{}, session)
	if rec.Code != http.StatusSeeOther || a11yCookie(t, rec, "gk_citizen").MaxAge >= 0 {
		t.Fatalf("logout = %d", rec.Code)
	}
	if body := a11yRequest(t, p.h, http.MethodGet, "/account/", nil, session).Body.String(); !strings.Contains(body, `href="/account/login"`) {
		t.Fatal("the old session still signs in")
	}

	unknown := a11yRequest(t, p.h, http.MethodPost, "/account/login", url.Values{"username": {"13900139000"}, "password": {"x"}})
	wrong := a11yRequest(t, p.h, http.MethodPost, "/account/login", url.Values{"username": {"reader@example.cn"}, "password": {"wrong"}})
	for _, r := range []*struct {
		code int
		body string
	}{{unknown.Code, unknown.Body.String()}, {wrong.Code, wrong.Body.String()}} {
		if r.code != http.StatusUnauthorized || !strings.Contains(r.body, "账号或密码错误") || !strings.Contains(r.body, `role="alert"`) {
			t.Fatalf("failed sign-in = %d", r.code)
		}
	}
	mustContain(t, "failed sign-in keeps the name", wrong.Body.String(), `value="reader@example.cn"`)

	// A fresh browser (no cookies) signs in and gets the account's theme on
	// the server-rendered page.
	rec = a11yRequest(t, p.h, http.MethodPost, "/account/login", url.Values{"username": {"READER@example.cn"}, "password": {citizenPassword}, "next": {"/guide"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/guide" {
		t.Fatalf("sign-in = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	pc := a11yCookie(t, rec, prefs.Cookie)
	if cls := htmlClasses(t, a11yRequest(t, p.h, http.MethodGet, "/guide", nil, pc).Body.String()); !strings.Contains(cls, "theme-contrast") {
		t.Fatalf("after sign-in the page classes are %q", cls)
	}

	// Settings changed on another device reach this browser from the
	// account: on the account page, and under the next toolbar change.
	session = a11yCookie(t, rec, "gk_citizen")
	if err := p.st.SetCitizenPrefs(context.Background(), c.ID, `{"theme":"lowsat"}`); err != nil {
		t.Fatal(err)
	}
	synced := a11yCookie(t, a11yRequest(t, p.h, http.MethodGet, "/account/", nil, session, pc), prefs.Cookie)
	if synced.Value != "theme=lowsat" {
		t.Fatalf("the account page leaves the browser at %q", synced.Value)
	}
	rec = a11yRequest(t, p.h, http.MethodPost, "/prefs", url.Values{"size": {"2"}}, session, pc)
	if got := a11yCookie(t, rec, prefs.Cookie).Value; got != "size=2&theme=lowsat" {
		t.Fatalf("a change while signed in starts from the browser's stale settings: %q", got)
	}

	// Five wrong passwords lock the account, even against the right one.
	for i := range 5 {
		rec = a11yRequest(t, p.h, http.MethodPost, "/account/login", url.Values{"username": {"reader@example.cn"}, "password": {"wrong"}})
		if i < 3 && rec.Code != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d", i+1, rec.Code)
		}
	}
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("fifth failure = %d, want 429", rec.Code)
	}
	rec = a11yRequest(t, p.h, http.MethodPost, "/account/login", url.Values{"username": {"reader@example.cn"}, "password": {citizenPassword}})
	if rec.Code != http.StatusTooManyRequests || !strings.Contains(rec.Body.String(), "账号已锁定") {
		t.Fatalf("locked account signs in: %d", rec.Code)
	}
	// A citizen's session is not a staff session.
	if rec := a11yRequest(t, p.h, http.MethodGet, "/admin/", nil, session); rec.Code != http.StatusSeeOther {
		t.Fatalf("the back office answers a citizen's cookie with %d", rec.Code)
	}
}
