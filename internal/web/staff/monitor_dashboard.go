package staff

import (
	"context"
	"net/http"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// monitorPage is the site monitor dashboard (and, with Print, the
// printable inspection report): the indicator-style score, the veto items
// and deductions, the trend, the checks' latest runs and every column with
// its 科室.
type monitorPage struct {
	web.Page
	Sites     []catalog.Site
	SiteID    int64
	In        monitor.Inspection
	MayManage bool
}

// monitorEnv is the monitors' environment for a request: the store, the
// app's clock and the stored settings.
func (h handlers) monitorEnv(ctx context.Context) (*monitor.Env, error) {
	return monitor.Prepare(ctx, monitor.Env{Store: h.app.Store, Now: h.app.Now, Log: h.app.Log,
		SiteURL: monitor.SiteURLFromAddr(h.app.Cfg.Addr), FilesDir: h.app.Cfg.FilesDir()})
}

// siteParam is the site a monitor page is about: ?site=ID when it names a
// site, else the first.
func (h handlers) siteParam(r *http.Request) (int64, bool) {
	id := formIDq(r.URL.Query().Get("site"))
	sites := h.app.Sites()
	for _, s := range sites {
		if s.ID == id {
			return id, true
		}
	}
	if len(sites) == 0 {
		return 0, false
	}
	return sites[0].ID, true
}

func (h handlers) inspection(w http.ResponseWriter, r *http.Request, title string) (monitorPage, bool) {
	u, _ := web.UserOf(r)
	p := monitorPage{Page: h.base(r, title), Sites: h.app.Sites(), MayManage: u.Role.Can(auth.PermMonitorManage)}
	id, ok := h.siteParam(r)
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return p, false
	}
	env, err := h.monitorEnv(r.Context())
	if err == nil {
		p.SiteID = id
		p.In, err = monitor.BuildInspection(r.Context(), env, id)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return p, false
	}
	return p, true
}

func (h handlers) monitorDashboard(w http.ResponseWriter, r *http.Request) {
	if p, ok := h.inspection(w, r, "网站监测"); ok {
		h.app.Render(w, r, http.StatusOK, "staff/monitor.html", p)
	}
}

// monitorFindingsPage lists open (or resolved) findings with filters.
type monitorFindingsPage struct {
	web.Page
	Filter   store.FindingFilter
	Findings []store.MonitorFinding
	Pager    pager
	Checks   []monitor.Check
	Check    string // title of the filtered check
}

const findingsPerPage = 50

func (h handlers) monitorFindings(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := store.FindingFilter{Check: q.Get("check"), Severity: q.Get("severity"), SiteID: formIDq(q.Get("site")),
		OrgID: formIDq(q.Get("org")), Resolved: q.Get("resolved") == "1", Limit: findingsPerPage}
	if _, ok := monitor.Find(monitor.Checks(), f.Check); !ok {
		f.Check = ""
	}
	if f.Severity != monitor.SevVeto && f.Severity != monitor.SevDeduct && f.Severity != monitor.SevWarn && f.Severity != monitor.SevInfo {
		f.Severity = ""
	}
	f.Offset = (pageParam(r) - 1) * findingsPerPage
	list, total, err := h.app.Store.Findings(r.Context(), f)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	title := "监测发现的问题"
	if f.Resolved {
		title = "已解决的问题"
	}
	p := monitorFindingsPage{Page: h.base(r, title), Filter: f, Findings: list, Pager: newPager(r, total, findingsPerPage),
		Checks: monitor.Checks()}
	if f.Check != "" {
		p.Check = monitor.TitleOf(f.Check)
	}
	h.app.Render(w, r, http.StatusOK, "staff/monitor_findings.html", p)
}

// Sev is a severity in Chinese, for the template.
func (monitorFindingsPage) Sev(s string) string { return monitor.SeverityLabel(s) }

// CheckTitle is a check's Chinese title, for the template.
func (monitorFindingsPage) CheckTitle(name string) string { return monitor.TitleOf(name) }

// Severities are the filter's choices.
func (monitorFindingsPage) Severities() map[string]string {
	return map[string]string{monitor.SevVeto: "单项否决", monitor.SevDeduct: "扣分", monitor.SevWarn: "提醒", monitor.SevInfo: "信息"}
}
