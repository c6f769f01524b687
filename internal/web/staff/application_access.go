package staff

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// reachesApplication reports whether u may open the case: the 公开办 roles
// reach every case, a 科室信息员 only the cases assigned to their Org.
func reachesApplication(u auth.User, a store.ApplicationRecord) bool {
	return !u.Role.OrgScoped() || (u.OrgID != 0 && a.OrgID == u.OrgID)
}

// officeWork reports whether u works for the 政府信息公开工作机构 itself
// (registering, assigning and transferring cases, the 复议/诉讼 register),
// not for one 科室.
func officeWork(u auth.User) bool {
	return u.Role.Can(auth.PermApplications) && !u.Role.OrgScoped()
}

// loadApplication reads the application named by {id}, personal data
// masked, for the signed-in user: 403 when it is another Org's case.
func (h handlers) loadApplication(r *http.Request) (auth.User, store.ApplicationRecord, error) {
	u, _ := web.UserOf(r)
	id, err := web.PathID(r, "id")
	if err != nil {
		return u, store.ApplicationRecord{}, err
	}
	a, err := h.app.Store.Application(r.Context(), id)
	if err != nil {
		return u, a, err
	}
	if !reachesApplication(u, a) {
		return u, a, web.ErrForbidden
	}
	return u, a, nil
}

// todayDate is the current date in China.
func (h handlers) todayDate() workday.Date { return workday.FromTime(h.app.Now().In(china)) }

// rules are the working-day calendar and the agency's settings the
// domain judges a step by (the same the store uses in AppendEvent).
func (h handlers) rules(ctx context.Context) (*workday.Calendar, disclosure.Settings, error) {
	cal, err := h.app.Store.Calendar(ctx)
	if err != nil {
		return nil, disclosure.Settings{}, err
	}
	set, err := h.app.Store.DisclosureSettings(ctx)
	return cal, set, err
}

// stepDate reads the date of a step (YYYY-MM-DD): required, a real date,
// and not in the future — a step is recorded when it happened.
func stepDate(r *http.Request, name, field string, today workday.Date, fe catalog.FieldErrors) workday.Date {
	s := strings.TrimSpace(r.FormValue(name))
	if s == "" {
		fe.Add(field, "请填写日期")
		return workday.Date{}
	}
	d, err := workday.ParseDate(s)
	if err != nil {
		fe.Add(field, "日期格式应为 年-月-日，如 2025-03-10")
		return workday.Date{}
	}
	if d.After(today) {
		fe.Add(field, "日期不能晚于今天")
	}
	return d
}

// optionalDate reads a date that may be left empty.
func optionalDate(r *http.Request, name, field string, fe catalog.FieldErrors) workday.Date {
	s := strings.TrimSpace(r.FormValue(name))
	if s == "" {
		return workday.Date{}
	}
	d, err := workday.ParseDate(s)
	if err != nil {
		fe.Add(field, "日期格式应为 年-月-日，如 2025-03-10")
	}
	return d
}

// maskName hides a natural person's name in lists except its first
// character (张** for 张三丰); organisations' names are public.
func maskName(kind disclosure.ApplicantKind, name string) string {
	if kind.IsOrg() {
		return name
	}
	n := utf8.RuneCountInString(name)
	if n <= 1 {
		return name
	}
	first, _ := utf8.DecodeRuneInString(name)
	return string(first) + strings.Repeat("*", n-1)
}

// noStore keeps a page with personal data out of every cache.
func noStore(w http.ResponseWriter) { w.Header().Set("Cache-Control", "no-store") }
