package staff

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// Messages of the sign-in page. An unknown username and a wrong password
// get the same text, so the page cannot be used to find out which accounts
// exist.
const (
	msgBadLogin = "用户名或密码错误"
	msgLocked   = "账号已锁定，请15分钟后再试"
	msgDisabled = "账号已停用，请联系安全管理员"
)

type loginPage struct {
	web.Page
	form
	Username string
	Next     string
	Message  string
}

func (h handlers) loginForm(w http.ResponseWriter, r *http.Request) {
	h.renderLogin(w, r, http.StatusOK, "", localPath(r.URL.Query().Get("next")), "")
}

func (h handlers) renderLogin(w http.ResponseWriter, r *http.Request, status int, username, next, msg string) {
	p := loginPage{Page: h.app.Base(r, "登录"), Username: username, Next: next, Message: msg}
	h.app.Render(w, r, status, "staff/login.html", p)
}

// dummyHash is verified against when the username is unknown, so a failed
// sign-in takes as long whether or not the account exists. It is made on
// first use, not at start-up: hashing takes 64 MiB for a moment.
var dummyHash = sync.OnceValue(func() string {
	h, _ := auth.HashPassword("Unused-Dummy-Password-1")
	return h
})

func (h handlers) login(w http.ResponseWriter, r *http.Request) {
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	next := localPath(r.PostFormValue("next"))
	ctx := r.Context()
	now := h.app.Now()
	// refuse audits a refused attempt (等级保护: every sign-in attempt is
	// recorded) and shows the form again with what was typed.
	refuse := func(u auth.User, action, detail string, status int, msg string) {
		if err := h.auditLogin(r, u, action, detail); err != nil {
			h.app.Fail(w, r, err)
			return
		}
		h.renderLogin(w, r, status, username, next, msg)
	}

	u, err := h.app.Store.UserByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) || username == "" {
		auth.VerifyPassword(dummyHash(), password)
		refuse(auth.User{Username: clip(username, 32)}, "login.failure", "未知用户", http.StatusUnauthorized, msgBadLogin)
		return
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	// 等级保护 identity rules: a locked account is refused even with the
	// right password until the 15 minutes have passed.
	if u.Locked(now) {
		refuse(u, "login.locked", "账号锁定期间尝试登录", http.StatusTooManyRequests, msgLocked)
		return
	}
	if !auth.VerifyPassword(u.PasswordHash, password) {
		failures, until := u.AfterFailure(now)
		if err := h.app.Store.RecordLogin(ctx, u.ID, failures, until); err != nil {
			h.app.Fail(w, r, err)
			return
		}
		if until.After(now) {
			// This failure was the fifth in a row: the account is now locked.
			refuse(u, "login.lockout", "连续5次密码错误，账号锁定15分钟", http.StatusTooManyRequests, msgLocked)
			return
		}
		refuse(u, "login.failure", "密码错误", http.StatusUnauthorized, msgBadLogin)
		return
	}
	if u.Disabled {
		refuse(u, "login.failure", "账号已停用", http.StatusForbidden, msgDisabled)
		return
	}
	if err := h.app.Store.RecordLogin(ctx, u.ID, 0, time.Time{}); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.StartSession(w, r, u); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.auditLogin(r, u, "login.success", ""); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if next == "" {
		next = "/admin/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// auditLogin records a sign-in attempt with the address it came from. The
// password is never recorded.
func (h handlers) auditLogin(r *http.Request, u auth.User, action, detail string) error {
	e := h.app.AuditEntry(r, action, "user:"+u.Username, detail)
	e.UserID, e.Username = u.ID, u.Username
	return h.app.Store.AppendAudit(r.Context(), e)
}

func (h handlers) logout(w http.ResponseWriter, r *http.Request) {
	// The route has no session middleware (signing out must always work),
	// so find who is signing out from the cookie to audit it.
	if c, err := r.Cookie(web.SessionCookie); err == nil && c.Value != "" {
		if se, err := h.app.Store.Session(r.Context(), auth.HashToken(c.Value)); err == nil {
			if u, err := h.app.Store.User(r.Context(), se.UserID); err == nil {
				if err := h.auditLogin(r, u, "logout", ""); err != nil {
					h.app.Fail(w, r, err)
					return
				}
			}
		}
	}
	h.app.EndSession(w, r)
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
}

// localPath returns next when it is a path on this server, else "": a
// sign-in link must not send staff to another site (open redirect).
func localPath(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return ""
	}
	return next
}

// clip shortens s to at most n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
