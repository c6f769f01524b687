package public

import (
	"errors"
	"net/http"
	"strconv"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

func (h handlers) accountRegisterForm(w http.ResponseWriter, r *http.Request) {
	p := accountPage{Page: h.app.Base(r, "注册账号")}
	h.app.Render(w, r, http.StatusOK, "public/account_register.html", p)
}

// accountRegister opens a citizen account with a phone number or e-mail
// address and a password under the platform's password policy. Nothing is
// sent to the number or address: the account only keeps reading settings.
func (h handlers) accountRegister(w http.ResponseWriter, r *http.Request) {
	typed := r.PostFormValue("username")
	password, again := r.PostFormValue("password"), r.PostFormValue("password2")
	p := accountPage{Page: h.app.Base(r, "注册账号"), Username: typed, accountForm: accountForm{Errs: catalog.FieldErrors{}}}
	username, ok := normalUsername(typed)
	if !ok {
		p.Errs.Add("username", msgAccountUsername)
	}
	if err := auth.CheckPassword(password); err != nil {
		p.Errs.Add("password", err.Error())
	} else if password != again {
		p.Errs.Add("password2", msgAccountMismatch)
	}
	if p.HasErrors() {
		h.app.Render(w, r, http.StatusUnprocessableEntity, "public/account_register.html", p)
		return
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	c := store.Citizen{Username: username, PasswordHash: hash}
	c.ID, err = h.app.Store.CreateCitizen(r.Context(), c)
	if errors.Is(err, store.ErrConflict) {
		p.Errs.Add("username", msgAccountTaken)
		h.app.Render(w, r, http.StatusConflict, "public/account_register.html", p)
		return
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	c.Prefs = "{}"
	if err := h.signInCitizen(w, r, c); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.auditCitizen(r, "citizen.register", "citizen:"+strconv.FormatInt(c.ID, 10)); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	_, base, _ := web.SiteOf(r)
	http.Redirect(w, r, base+"/account/?done=registered", http.StatusSeeOther)
}
