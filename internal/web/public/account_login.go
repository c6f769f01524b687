package public

import (
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/web/prefs"
)

// Messages of the sign-in form. An unknown account and a wrong password get
// the same text, so the form cannot tell which phone numbers are
// registered.
const (
	msgAccountBadLogin = "账号或密码错误"
	msgAccountLocked   = "连续5次密码错误，账号已锁定，请15分钟后再试"
)

type accountPage struct {
	web.Page
	accountForm
	Username string // as typed, so a failed attempt does not lose it
	Next     string
	Message  string // a form-level error, announced with role="alert"
	SignedIn bool
	Masked   string   // the signed-in account, partly hidden
	Settings []string // the account's reading settings, one line each
}

func (h handlers) accountLoginForm(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := h.citizenOf(r); ok {
		_, base, _ := web.SiteOf(r)
		http.Redirect(w, r, base+"/account/", http.StatusSeeOther)
		return
	}
	p := accountPage{Page: h.app.Base(r, "登录"), Next: localBack(r.URL.Query().Get("next"))}
	h.app.Render(w, r, http.StatusOK, "public/account_login.html", p)
}

// citizenDummyHash is verified against for an unknown account, so a failed
// sign-in takes as long whether or not the account exists.
var citizenDummyHash = sync.OnceValue(func() string {
	h, _ := auth.HashPassword("Unused-Dummy-Password-1")
	return h
})

func (h handlers) accountLogin(w http.ResponseWriter, r *http.Request) {
	typed := r.PostFormValue("username")
	password := r.PostFormValue("password")
	p := accountPage{Page: h.app.Base(r, "登录"), Username: typed, Next: localBack(r.PostFormValue("next")),
		accountForm: accountForm{Errs: catalog.FieldErrors{}}}
	refuse := func(status int, msg, audit, target string) {
		if audit != "" {
			if err := h.auditCitizen(r, audit, target); err != nil {
				h.app.Fail(w, r, err)
				return
			}
		}
		p.Message = msg
		h.app.Render(w, r, status, "public/account_login.html", p)
	}
	username, ok := normalUsername(typed)
	if !ok {
		p.Errs.Add("username", msgAccountUsername)
	}
	if password == "" {
		p.Errs.Add("password", msgAccountPassword)
	}
	if p.HasErrors() {
		refuse(http.StatusUnprocessableEntity, "", "", "")
		return
	}
	ctx := r.Context()
	now := h.app.Now()
	c, err := h.app.Store.CitizenByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		auth.VerifyPassword(citizenDummyHash(), password)
		refuse(http.StatusUnauthorized, msgAccountBadLogin, "citizen.login.failure", "citizen:unknown")
		return
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	target := "citizen:" + strconv.FormatInt(c.ID, 10) // never the phone number or address
	if c.Locked(now) {
		refuse(http.StatusTooManyRequests, msgAccountLocked, "citizen.login.locked", target)
		return
	}
	if !auth.VerifyPassword(c.PasswordHash, password) {
		// The staff lockout policy (5 failures, 15 minutes) protects
		// citizens' accounts too.
		failures, until := auth.User{FailedLogins: c.FailedLogins, LockedUntil: c.LockedUntil}.AfterFailure(now)
		if err := h.app.Store.RecordCitizenLogin(ctx, c.ID, failures, until); err != nil {
			h.app.Fail(w, r, err)
			return
		}
		if until.After(now) {
			refuse(http.StatusTooManyRequests, msgAccountLocked, "citizen.login.lockout", target)
			return
		}
		refuse(http.StatusUnauthorized, msgAccountBadLogin, "citizen.login.failure", target)
		return
	}
	if err := h.app.Store.RecordCitizenLogin(ctx, c.ID, 0, time.Time{}); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.signInCitizen(w, r, c); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.auditCitizen(r, "citizen.login.success", target); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	next := p.Next
	if next == "" {
		_, base, _ := web.SiteOf(r)
		next = base + "/account/?done=signedin"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// signInCitizen starts the session and brings the account's reading
// settings to this browser, so they follow the person to another device.
// An account that has none yet adopts the ones this browser already uses.
func (h handlers) signInCitizen(w http.ResponseWriter, r *http.Request, c store.Citizen) error {
	if err := h.startCitizenSession(w, r, c); err != nil {
		return err
	}
	account, here := prefs.FromJSON(c.Prefs), prefs.FromRequest(r)
	if account.IsDefault() && !here.IsDefault() {
		return h.app.Store.SetCitizenPrefs(r.Context(), c.ID, here.JSON())
	}
	setPrefsCookie(w, r, account)
	return nil
}

// auditCitizen records a citizen's sign-in event (等级保护: sign-in attempts
// are recorded) by account number only: no contact data in the log.
func (h handlers) auditCitizen(r *http.Request, action, target string) error {
	return h.app.Store.AppendAudit(r.Context(), h.app.AuditEntry(r, action, target, ""))
}
