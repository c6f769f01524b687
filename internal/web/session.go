package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"

	"gongkai/internal/auth"
)

// SessionCookie names the staff session cookie.
const SessionCookie = "gk_session"

// UserOf returns the signed-in staff member.
func UserOf(r *http.Request) (auth.User, bool) {
	u, ok := r.Context().Value(ctxUser).(auth.User)
	return u, ok
}

// currentUser loads the session behind the cookie, enforcing the idle
// timeout (30 minutes by default) and refusing disabled accounts.
func (a *App) currentUser(r *http.Request) (auth.User, string, bool) {
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return auth.User{}, "", false
	}
	hash := auth.HashToken(c.Value)
	ctx := r.Context()
	se, err := a.Store.Session(ctx, hash)
	if err != nil {
		return auth.User{}, "", false
	}
	now := a.Now()
	if se.Idle(now, a.Cfg.IdleTimeout) {
		_ = a.Store.DeleteSession(ctx, hash)
		return auth.User{}, "", false
	}
	u, err := a.Store.User(ctx, se.UserID)
	if err != nil || u.Disabled {
		return auth.User{}, "", false
	}
	_ = a.Store.TouchSession(ctx, hash, now)
	return u, hash, true
}

// Staff registers a back-office route that needs a signed-in user holding
// perm. The permission sits beside the route where it is registered.
func (a *App) Staff(pattern string, perm auth.Perm, h http.HandlerFunc) {
	a.Handle(pattern, func(w http.ResponseWriter, r *http.Request) {
		u, _, ok := a.currentUser(r)
		if !ok {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/admin/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			a.Fail(w, r, ErrUnauthorized)
			return
		}
		if !u.Role.Can(perm) {
			a.Fail(w, r, ErrForbidden)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), ctxUser, u)))
	})
}

// StartSession signs u in: a new random token in an HttpOnly, SameSite
// cookie; only its hash is stored.
func (a *App) StartSession(w http.ResponseWriter, r *http.Request, u auth.User) error {
	token, hash := auth.NewToken()
	now := a.Now()
	if err := a.Store.CreateSession(r.Context(), auth.Session{TokenHash: hash, UserID: u.ID, CreatedAt: now, LastSeen: now}); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	return nil
}

// EndSession signs the current session out.
func (a *App) EndSession(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(SessionCookie); err == nil {
		_ = a.Store.DeleteSession(r.Context(), auth.HashToken(c.Value))
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// RemoteAddr is the client address recorded in the audit log.
func RemoteAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// AuditEntry prepares an audit line for the current user and address.
func (a *App) AuditEntry(r *http.Request, action, target, detail string) auth.AuditEntry {
	e := auth.AuditEntry{At: a.Now(), Action: action, Target: target, Detail: detail, RemoteAddr: RemoteAddr(r)}
	if u, ok := UserOf(r); ok {
		e.UserID, e.Username = u.ID, u.Username
	}
	return e
}

// Audit appends to the audit log; a failure to audit fails the request,
// because an unaudited change must not look successful.
func (a *App) Audit(r *http.Request, action, target, detail string) error {
	if err := a.Store.AppendAudit(r.Context(), a.AuditEntry(r, action, target, detail)); err != nil {
		return errors.Join(errors.New("audit"), err)
	}
	return nil
}
