package public

import (
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// Messages of the lookup form. A wrong password and an unknown code get
// the same one, so the answer does not tell which codes exist.
const (
	msgCode          = "请填写查询码"
	msgPassword      = "请填写查询密码"
	msgNoMatch       = "查询码或查询密码不正确，请核对后重新输入（查询密码不区分大小写）"
	msgLookupBusy    = "查询过于频繁，请稍后再试"
	msgLookupBlocked = "该查询码的密码错误次数过多，请一小时后再试。如忘记查询密码，请与本机关联系"
)

// lookupPage is the 查询码 + 查询密码 form.
type lookupPage struct {
	web.Page
	accountForm
	Code    string
	Problem string
}

func (d *desk) lookupPage(r *http.Request, code string) lookupPage {
	return lookupPage{Page: d.app.Base(r, "办理进度查询"), Code: code, accountForm: accountForm{Errs: catalog.FieldErrors{}}}
}

// statusShow is the case page for an open lookup session, else the form.
func (d *desk) statusShow(w http.ResponseWriter, r *http.Request) {
	id, ok := d.sessions.current(r, d.app.Now())
	if !ok {
		d.render(w, r, http.StatusOK, "public/status.html", d.lookupPage(r, ""))
		return
	}
	d.showCase(w, r, id, caseMessages{sent: r.URL.Query().Get("sent")})
}

// statusLookup checks a code and password. Every attempt spends the
// address's lookup budget (shared with the open API); wrong ones also
// spend the code's, so guessing one applicant's password gets nowhere.
func (d *desk) statusLookup(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	code, password := strings.TrimSpace(r.PostFormValue("code")), strings.TrimSpace(r.PostFormValue("password"))
	p := d.lookupPage(r, code)
	if !d.lim.TakeLookup(ctx, web.RemoteAddr(r)) {
		p.Problem = msgLookupBusy
		d.render(w, r, http.StatusTooManyRequests, "public/status.html", p)
		return
	}
	if code == "" {
		p.Errs.Add("code", msgCode)
	}
	if password == "" {
		p.Errs.Add("password", msgPassword)
	}
	if p.HasErrors() {
		d.render(w, r, http.StatusUnprocessableEntity, "public/status.html", p)
		return
	}
	rec, err := d.app.Store.ApplicationByCredentials(ctx, code, password)
	if errors.Is(err, store.ErrNotFound) {
		p.Problem = msgNoMatch
		status := http.StatusUnprocessableEntity
		if !d.lim.TakeLookupFailure(ctx, code) {
			p.Problem, status = msgLookupBlocked, http.StatusTooManyRequests
		}
		d.render(w, r, status, "public/status.html", p)
		return
	}
	if err != nil {
		d.app.Fail(w, r, err)
		return
	}
	d.sessions.start(w, r, rec.ID, d.app.Now())
	http.Redirect(w, r, p.Base+"/status", http.StatusSeeOther)
}

// statusLogout ends the lookup session (on a shared computer, say).
func (d *desk) statusLogout(w http.ResponseWriter, r *http.Request) {
	d.sessions.end(w, r)
	http.Redirect(w, r, baseOf(r)+"/status", http.StatusSeeOther)
}

// baseOf is the link prefix of the request's site ("" or "/s/{code}").
func baseOf(r *http.Request) string {
	_, base, _ := web.SiteOf(r)
	return base
}
