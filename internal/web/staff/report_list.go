package staff

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// reportRow is one report in the list with its deadline.
type reportRow struct {
	store.AnnualReportRecord
	Deadline workday.Date
	Overdue  bool
	Unit     annualreport.UnitKind
}

type annualReportListPage struct {
	web.Page
	form
	Sites     []catalog.Site
	SiteID    int64
	Rows      []reportRow
	Year      string // the new report's year (typed)
	UnitKind  string
	UnitName  string
	UnitKinds []annualreport.UnitKind
	CanCreate bool
}

// annualReportList lists a site's reports, newest year first, with their
// state and deadline (条例第四十九条: departments by 1月31日, governments by
// 3月31日), and offers to draft the report of last year.
func (h handlers) annualReportList(w http.ResponseWriter, r *http.Request) {
	h.renderReportList(w, r, http.StatusOK, nil, nil)
}

func (h handlers) renderReportList(w http.ResponseWriter, r *http.Request, status int, typed map[string]string, fe catalog.FieldErrors) {
	u, _ := web.UserOf(r)
	if !reportReader(u) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	p := annualReportListPage{Page: h.base(r, "政府信息公开工作年度报告"), form: form{Errs: fe}, Sites: h.app.Sites(),
		UnitKinds: annualreport.UnitKinds, CanCreate: u.Role.Can(auth.PermReportEdit)}
	if msg, ok := reportFlashes[r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	p.SiteID = chosenSite(r, p.Sites)
	if v := formIDq(r.FormValue("site")); v != 0 && h.siteExists(v) {
		p.SiteID = v
	}
	recs, err := h.app.Store.AnnualReports(r.Context(), store.AnnualReportFilter{SiteID: p.SiteID})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	today := h.todayDate()
	p.Year, p.UnitKind = strconv.Itoa(today.Year()-1), string(annualreport.UnitDepartment)
	for _, s := range p.Sites {
		if s.ID == p.SiteID {
			p.UnitName = s.Name
		}
	}
	for _, rec := range recs {
		unit := annualreport.UnitKind(rec.UnitKind)
		row := reportRow{AnnualReportRecord: rec, Unit: unit, Deadline: unit.Deadline(rec.Year)}
		row.Overdue = rec.State != store.ReportPublished && today.After(row.Deadline)
		p.Rows = append(p.Rows, row)
		if rec.Year == today.Year()-1 {
			p.UnitKind = rec.UnitKind // last year's report exists: offer the same kind
		}
	}
	if len(recs) > 0 && p.UnitKind == string(annualreport.UnitDepartment) {
		p.UnitKind = recs[0].UnitKind
	}
	if typed != nil {
		p.Year, p.UnitKind, p.UnitName = typed["year"], typed["unit_kind"], typed["unit_name"]
	}
	h.app.Render(w, r, status, "staff/report_list.html", p)
}

// annualReportCreate drafts a year's report: the sections written from the
// data (Draft), the tables computed live until approval. One per site and
// year: asking again opens the existing one.
func (h handlers) annualReportCreate(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	siteID := formIDq(r.PostFormValue("site"))
	typed := map[string]string{"year": strings.TrimSpace(r.PostFormValue("year")),
		"unit_kind": r.PostFormValue("unit_kind"), "unit_name": strings.TrimSpace(r.PostFormValue("unit_name"))}
	fe := catalog.FieldErrors{}
	if !h.siteExists(siteID) {
		h.app.Fail(w, r, web.ErrBadRequest)
		return
	}
	year, err := strconv.Atoi(typed["year"])
	today := h.todayDate()
	switch {
	case err != nil:
		fe.Add("year", "请填写报告年度，例如"+strconv.Itoa(today.Year()-1))
	case year < 2008 || year >= today.Year()+1:
		// 条例 in force since 2008; a year not yet begun has nothing to report.
		fe.Add("year", "报告年度应在2008年至"+strconv.Itoa(today.Year())+"年之间")
	}
	kind := annualreport.UnitKind(typed["unit_kind"])
	if !kind.Valid() {
		fe.Add("unit_kind", "请选择机关类型")
	}
	fe = checkUnitName(fe, typed["unit_name"])
	if len(fe) > 0 {
		h.renderReportList(w, r, http.StatusUnprocessableEntity, typed, fe)
		return
	}
	ctx := r.Context()
	if rec, err := h.app.Store.AnnualReportFor(ctx, siteID, year); err == nil {
		http.Redirect(w, r, "/admin/annual-reports/"+itoa(rec.ID), http.StatusSeeOther)
		return
	} else if !errors.Is(err, store.ErrNotFound) {
		h.app.Fail(w, r, err)
		return
	}
	rec := store.AnnualReportRecord{SiteID: siteID, Year: year, UnitKind: string(kind), UnitName: typed["unit_name"], CreatedBy: u.ID}
	b, err := h.buildReport(ctx, rec)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, s := range annualreport.Sections {
		rec.Sections[s-1] = b.Report.Sections[s]
	}
	id, err := h.app.Store.CreateAnnualReport(ctx, rec)
	if errors.Is(err, store.ErrConflict) { // created by someone else meanwhile
		if rec, err2 := h.app.Store.AnnualReportFor(ctx, siteID, year); err2 == nil {
			http.Redirect(w, r, "/admin/annual-reports/"+itoa(rec.ID), http.StatusSeeOther)
			return
		}
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "annual_report.create", "annual_report:"+itoa(id), typed["unit_name"]+typed["year"]+"年度报告草稿"); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/annual-reports/"+itoa(id), "created")
}

func checkUnitName(fe catalog.FieldErrors, name string) catalog.FieldErrors {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		fe.Add("unit_name", "请填写发布机构名称，例如“示例市经济和信息化局”")
	case n > 60:
		fe.Add("unit_name", "发布机构名称不能超过60个字")
	case strings.ContainsAny(name, "<>\"'&"):
		fe.Add("unit_name", "发布机构名称不能包含 < > \" ' & 等符号")
	}
	return fe
}
