package staff

import (
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// step is one action on a case: a POST to /admin/applications/{id}/{name}
// that reads its form into a disclosure.Event. The domain (disclosure.Apply,
// again inside the store's transaction) decides whether it is allowed.
type step struct {
	name   string
	perm   auth.Perm
	office bool              // 公开办 only (not a 科室信息员)
	fields map[string]string // RuleError code → the form field its message goes beside
	read   func(*stepInput) disclosure.Event
}

// stepInput is what a step's reader works with.
type stepInput struct {
	h       handlers
	r       *http.Request
	u       auth.User
	rec     store.ApplicationRecord
	c       disclosure.Case
	today   workday.Date
	set     disclosure.Settings
	fe      catalog.FieldErrors
	prefix  string
	earlier *disclosure.RepeatMatch // a （五）2 reply's earlier case
}

// field is the key of a field's message and typed value: "step.field".
func (in *stepInput) field(name string) string { return in.prefix + "." + name }

// text reads a trimmed form value.
func (in *stepInput) text(name string) string { return strings.TrimSpace(in.r.FormValue(name)) }

// on reads the step's date.
func (in *stepInput) on() workday.Date { return stepDate(in.r, "on", in.field("on"), in.today, in.fe) }

// caseStep handles one step: load the case the user may reach, read the
// form, check it with the domain, render the 告知书 it produces, and store
// the event with its notices and the audit line in one transaction.
func (h handlers) caseStep(st step) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, rec, err := h.loadApplication(r)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		if st.office && !officeWork(u) {
			h.app.Fail(w, r, web.ErrForbidden)
			return
		}
		if err := r.ParseForm(); err != nil {
			h.app.Fail(w, r, web.ErrBadRequest)
			return
		}
		typed := map[string]string{}
		for k, v := range r.PostForm {
			typed[st.name+"."+k] = strings.TrimSpace(strings.Join(v, ""))
		}
		ctx := r.Context()
		cal, set, err := h.rules(ctx)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		c, err := h.app.Store.ApplicationCase(ctx, rec.ID)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		in := &stepInput{h: h, r: r, u: u, rec: rec, c: c, today: h.todayDate(), set: set, fe: catalog.FieldErrors{}, prefix: st.name}
		ev := st.read(in)
		ev.ActorID, ev.At = u.ID, h.app.Now()
		if len(in.fe) > 0 {
			h.renderCase(w, r, http.StatusUnprocessableEntity, in.fe, "", typed, nil)
			return
		}
		// Apply once here for the case after the step, which the notices
		// state (new due date, 补正期限…); the store applies it again.
		next, err := disclosure.Apply(c, ev, cal, set)
		if err == nil {
			var site catalog.Site
			if site, err = h.app.Store.Site(ctx, rec.SiteID); err == nil {
				var ns []store.Notice
				if ns, err = h.renderNotices(r, site, rec, next, ev, in.earlier); err == nil {
					version := rec.Version
					if v := formID(r, "version"); v > 0 {
						version = int(v) // the version the user saw: a step recorded since is a conflict
					}
					audit := h.app.AuditEntry(r, "application."+string(ev.Kind), rec.Code, ev.Kind.Label()+auditDetail(ev))
					_, err = h.app.Store.AppendEventNotices(ctx, store.EventAppend{ApplicationID: rec.ID, Version: version,
						Event: ev, Audit: audit}, ns)
				}
			}
		}
		if err != nil {
			h.refused(w, r, st, err, typed)
			return
		}
		redirect(w, r, "/admin/applications/"+itoa(rec.ID), st.name)
	}
}

// refused shows a rule the step broke beside its field, or above the forms.
func (h handlers) refused(w http.ResponseWriter, r *http.Request, st step, err error, typed map[string]string) {
	var re *disclosure.RuleError
	if !errors.As(err, &re) {
		h.app.Fail(w, r, err)
		return
	}
	if f, ok := st.fields[re.Code]; ok {
		h.renderCase(w, r, http.StatusConflict, catalog.FieldErrors{st.name + "." + f: re.Msg}, "", typed, nil)
		return
	}
	h.renderCase(w, r, http.StatusConflict, nil, re.Msg, typed, nil)
}

// auditDetail names what a step decided, without personal data.
func auditDetail(ev disclosure.Event) string {
	switch {
	case ev.Basis != "":
		return "：" + ev.Basis.Label()
	case ev.Days > 0:
		return "：" + itoa(int64(ev.Days)) + "个工作日"
	case ev.Amount > 0:
		return "：" + itoa(ev.Amount) + "元"
	}
	return ""
}
