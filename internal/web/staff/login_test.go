package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestLoginLockout(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	c := e.client()
	wrong := url.Values{"username": {"office1"}, "password": {"Wrong-Password-1"}}
	for i := 1; i <= 4; i++ {
		res := c.post("/admin/login", wrong)
		if res.status != http.StatusUnauthorized || !strings.Contains(res.body, "用户名或密码错误") {
			t.Fatalf("failure %d: %d %s", i, res.status, res.body)
		}
		if !strings.Contains(res.body, `value="office1"`) {
			t.Fatalf("failure %d: typed username not kept", i)
		}
	}
	// The fifth consecutive failure locks the account for 15 minutes.
	if res := c.post("/admin/login", wrong); !strings.Contains(res.body, "账号已锁定，请15分钟后再试") {
		t.Fatalf("fifth failure: %d %s", res.status, res.body)
	}
	right := url.Values{"username": {"office1"}, "password": {testPassword}}
	e.clock.Advance(14 * time.Minute)
	if res := c.post("/admin/login", right); res.status == http.StatusSeeOther || !strings.Contains(res.body, "账号已锁定，请15分钟后再试") {
		t.Fatalf("right password while locked: %d %s", res.status, res.body)
	}
	if res := c.get("/admin/"); res.status != http.StatusSeeOther {
		t.Fatalf("a locked account got a session: %d", res.status)
	}
	e.clock.Advance(2 * time.Minute)
	if res := c.post("/admin/login", right); res.status != http.StatusSeeOther || res.location != "/admin/" {
		t.Fatalf("after the lockout window: %d %s", res.status, res.body)
	}
	if res := c.get("/admin/"); res.status != http.StatusOK || !strings.Contains(res.body, "工作台") {
		t.Fatalf("dashboard after login: %d", res.status)
	}
	for action, want := range map[string]int{"login.failure": 4, "login.lockout": 1, "login.locked": 1, "login.success": 1} {
		es := e.audits(action)
		if len(es) != want {
			t.Fatalf("%s audited %d times, want %d", action, len(es), want)
		}
		for _, a := range es {
			if a.RemoteAddr != "127.0.0.1" || a.Username != "office1" {
				t.Fatalf("%s audit entry: %+v", action, a)
			}
			if strings.Contains(a.Detail, "Wrong-Password") || strings.Contains(a.Detail, testPassword) {
				t.Fatalf("password in the audit log: %+v", a)
			}
		}
	}
}

func TestLoginDoesNotRevealAccounts(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	c := e.client()
	unknown := c.post("/admin/login", url.Values{"username": {"nobody"}, "password": {"Wrong-Password-1"}})
	wrong := c.post("/admin/login", url.Values{"username": {"office1"}, "password": {"Wrong-Password-1"}})
	strip := func(s, name string) string { return strings.ReplaceAll(s, `value="`+name+`"`, "") }
	if unknown.status != wrong.status || strip(unknown.body, "nobody") != strip(wrong.body, "office1") {
		t.Fatalf("unknown user and wrong password answer differently:\n%d %s\n%d %s", unknown.status, unknown.body, wrong.status, wrong.body)
	}
}

func TestLoginNextOnlyLocal(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	for next, want := range map[string]string{
		"/admin/documents?state=draft": "/admin/documents?state=draft",
		"https://evil.example/":        "/admin/",
		"//evil.example/":              "/admin/",
		"/\\evil.example":              "/admin/",
	} {
		res := e.client().post("/admin/login", url.Values{"username": {"office1"}, "password": {testPassword}, "next": {next}})
		if res.status != http.StatusSeeOther || res.location != want {
			t.Errorf("next=%q: redirected to %q, want %q", next, res.location, want)
		}
	}
	// An unauthenticated GET is sent to the login page with next=.
	res := e.client().get("/admin/documents?state=draft")
	if res.status != http.StatusSeeOther || res.location != "/admin/login?next="+url.QueryEscape("/admin/documents?state=draft") {
		t.Fatalf("anonymous GET: %d %s", res.status, res.location)
	}
}

func TestIdleTimeout(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	c := e.login("office1")
	e.clock.Advance(29 * time.Minute)
	if res := c.get("/admin/"); res.status != http.StatusOK {
		t.Fatalf("after 29 idle minutes: %d", res.status)
	}
	// The request above moved the idle clock; 31 more minutes end the session.
	e.clock.Advance(31 * time.Minute)
	res := c.get("/admin/")
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/admin/login") {
		t.Fatalf("after 31 idle minutes: %d %s", res.status, res.location)
	}
	if res := c.post("/admin/documents/new", documentForm(e.colA, "超时后提交")); res.status != http.StatusUnauthorized {
		t.Fatalf("POST after timeout: %d", res.status)
	}
}

func TestLogoutEndsSession(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	c := e.login("office1")
	if res := c.post("/admin/logout", nil); res.status != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.status)
	}
	if res := c.get("/admin/"); res.status != http.StatusSeeOther {
		t.Fatalf("dashboard after logout: %d", res.status)
	}
	if len(e.audits("logout")) != 1 {
		t.Fatal("logout not audited")
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	c := e.login("office1")
	for name, hdr := range map[string][2]string{
		"sec-fetch-site": {"Sec-Fetch-Site", "cross-site"},
		"origin":         {"Origin", "https://evil.example"},
	} {
		t.Run(name, func(t *testing.T) {
			for _, path := range []string{"/admin/login", "/admin/documents/new"} {
				form := documentForm(e.colA, "跨站提交")
				form.Set("username", "office1")
				form.Set("password", testPassword)
				req, _ := http.NewRequest(http.MethodPost, e.srv.URL+path, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set(hdr[0], hdr[1])
				res := c.do(req)
				if res.status != http.StatusForbidden || !strings.Contains(res.body, "请求来自其他网站，已被拒绝") {
					t.Fatalf("%s: %d %s", path, res.status, res.body)
				}
			}
		})
	}
	if len(e.audits("document.create")) != 0 {
		t.Fatal("a cross-origin post created a document")
	}
}

// TestContentSecurityPolicy checks the one relaxation of the back office:
// inline style attributes (the editor's alignment), nothing else.
func TestContentSecurityPolicy(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	c := e.login("office1")
	admin := c.get("/admin/documents/new").header.Get("Content-Security-Policy")
	if !strings.Contains(admin, "style-src-attr 'unsafe-inline'") || !strings.Contains(admin, "script-src 'self';") ||
		strings.Contains(admin, "script-src 'self' 'unsafe") || !strings.Contains(admin, "style-src 'self';") {
		t.Fatalf("back-office CSP: %s", admin)
	}
	for _, path := range []string{"/admin/login", "/"} {
		if csp := c.get(path).header.Get("Content-Security-Policy"); csp == "" || strings.Contains(csp, "unsafe-inline") {
			t.Fatalf("%s CSP: %q", path, csp)
		}
	}
}
