package staff

import (
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

const applicationsPerPage = 50

// queueRow is one case of the queue with its deadline as of today, exact
// by the domain (disclosure.DueAsOf, Overdue) for the rows shown.
type queueRow struct {
	store.ApplicationSummary
	Name    string // masked for natural persons
	OrgName string
	DueAsOf workday.Date
	Left    int
	Running bool
	Overdue bool
}

type applicationListPage struct {
	web.Page
	Rows   []queueRow
	States []disclosure.State
	orgScope
	State       string
	DueWithin   int
	Overdue     bool
	MayRegister bool
	Pager       pager
	Today       workday.Date
}

func (h handlers) applicationList(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	ctx := r.Context()
	q := r.URL.Query()
	p := applicationListPage{Page: h.base(r, "依申请公开"), States: disclosure.States, MayRegister: officeWork(u),
		State: q.Get("state"), Overdue: q.Get("overdue") == "1", Today: h.todayDate()}
	if n, err := strconv.Atoi(strings.TrimSpace(q.Get("due"))); err == nil && n > 0 && n <= 60 {
		p.DueWithin = n
	}
	if !disclosure.State(p.State).Valid() {
		p.State = ""
	}
	names, ok := h.scopeByOrg(w, r, &p.orgScope, "staff/application_list.html", &p)
	if !ok {
		return
	}
	f := store.ApplicationFilter{State: disclosure.State(p.State), OrgID: p.OrgID, DueWithin: p.DueWithin,
		Overdue: p.Overdue, Today: p.Today, Limit: applicationsPerPage, Offset: (pageParam(r) - 1) * applicationsPerPage}
	total, err := h.app.Store.CountApplications(ctx, f)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	rows, err := h.app.Store.Applications(ctx, f)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	cal, _, err := h.rules(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, a := range rows {
		row := queueRow{ApplicationSummary: a, Name: maskName(a.ApplicantKind, a.ApplicantName), OrgName: names[a.OrgID]}
		if a.State != disclosure.StateClosed {
			// The stored due date is exact only while the clock runs; the
			// page shows the deadline in force today, from the events.
			c, err := h.app.Store.ApplicationCase(ctx, a.ID)
			if err != nil {
				h.app.Fail(w, r, err)
				return
			}
			if row.DueAsOf, err = disclosure.DueAsOf(c, p.Today, cal); err != nil {
				h.app.Fail(w, r, err)
				return
			}
			if row.Left, row.Running, err = disclosure.WorkdaysLeft(c, p.Today, cal); err != nil {
				h.app.Fail(w, r, err)
				return
			}
			if row.Overdue, err = disclosure.Overdue(c, p.Today, cal); err != nil {
				h.app.Fail(w, r, err)
				return
			}
		}
		p.Rows = append(p.Rows, row)
	}
	p.Pager = newPager(r, total, applicationsPerPage)
	h.app.Render(w, r, http.StatusOK, "staff/application_list.html", p)
}

// Abs is the absolute value, for "逾期N个工作日".
func (queueRow) Abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
