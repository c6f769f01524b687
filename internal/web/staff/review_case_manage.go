package staff

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// reviewRow is a register entry with the code of its application.
type reviewRow struct {
	store.ReviewCaseRecord
	Code string
}

type reviewCaseListPage struct {
	web.Page
	Rows    []reviewRow
	Year    int
	Tally   map[disclosure.ReviewRoute]map[disclosure.ReviewResult]int
	Routes  []disclosure.ReviewRoute
	Results []disclosure.ReviewResult
}

type reviewCaseFormPage struct {
	web.Page
	form
	ID      int64
	Typed   map[string]string
	Routes  []disclosure.ReviewRoute
	Results []disclosure.ReviewResult
	Sites   []catalog.Site
	OneSite bool
}

// reviewCaseList is the 行政复议 and 行政诉讼 register with the year's
// table 四 counts (each case once, by its status at 12-31).
func (h handlers) reviewCaseList(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if !officeWork(u) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	ctx := r.Context()
	p := reviewCaseListPage{Page: h.base(r, "行政复议和行政诉讼登记"), Year: h.todayDate().Year(),
		Routes: disclosure.ReviewRoutes, Results: disclosure.ReviewResults}
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 2008 && y <= 2100 {
		p.Year = y
	}
	if msg, ok := stepFlashes["review-"+r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	rows, err := h.app.Store.ReviewCases(ctx, store.ReviewCaseFilter{Limit: 500})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	codes := map[int64]string{}
	for _, x := range rows {
		if x.ApplicationID != 0 && codes[x.ApplicationID] == "" {
			if a, err := h.app.Store.Application(ctx, x.ApplicationID); err == nil {
				codes[x.ApplicationID] = a.Code
			}
		}
		p.Rows = append(p.Rows, reviewRow{ReviewCaseRecord: x, Code: codes[x.ApplicationID]})
	}
	if p.Tally, err = h.app.Store.ReviewTally(ctx, store.ReviewTallyFilter{Year: p.Year, IncludeEarlier: true}); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/review_case_list.html", p)
}

// Cell is one count of table 四.
func (p reviewCaseListPage) Cell(route disclosure.ReviewRoute, result disclosure.ReviewResult) int {
	return p.Tally[route][result]
}

// Total is a route's 总计.
func (p reviewCaseListPage) Total(route disclosure.ReviewRoute) int {
	n := 0
	for _, v := range p.Tally[route] {
		n += v
	}
	return n
}

func (h handlers) reviewCaseNew(w http.ResponseWriter, r *http.Request) {
	typed := map[string]string{"route": string(disclosure.RouteReconsideration), "result": string(disclosure.ResultPending)}
	if id := formIDq(r.URL.Query().Get("application")); id != 0 {
		if a, err := h.app.Store.Application(r.Context(), id); err == nil {
			typed["code"] = a.Code
		}
	}
	h.renderReviewForm(w, r, http.StatusOK, 0, nil, typed)
}

func (h handlers) reviewCaseEdit(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	x, err := h.app.Store.ReviewCase(r.Context(), id)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	typed := map[string]string{"route": string(x.Route), "result": string(x.Result), "body": x.Body, "case_no": x.CaseNo,
		"filed_on": dateOrEmpty(x.FiledOn), "decided_on": dateOrEmpty(x.DecidedOn),
		"note": x.Note, "site": itoa(x.SiteID)}
	if x.ApplicationID != 0 {
		if a, err := h.app.Store.Application(r.Context(), x.ApplicationID); err == nil {
			typed["code"] = a.Code
		}
	}
	h.renderReviewForm(w, r, http.StatusOK, id, nil, typed)
}

// dateOrEmpty writes a date for a form field, "" for the zero date.
func dateOrEmpty(d workday.Date) string {
	if d == (workday.Date{}) {
		return ""
	}
	return d.String()
}

func (h handlers) renderReviewForm(w http.ResponseWriter, r *http.Request, status int, id int64, fe catalog.FieldErrors, typed map[string]string) {
	u, _ := web.UserOf(r)
	if !officeWork(u) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	title := "登记行政复议或行政诉讼"
	if id != 0 {
		title = "修改行政复议或行政诉讼登记"
	}
	p := reviewCaseFormPage{Page: h.base(r, title), form: form{Errs: fe}, ID: id, Typed: typed,
		Routes: disclosure.ReviewRoutes, Results: disclosure.ReviewResults, Sites: h.app.Sites()}
	p.OneSite = len(p.Sites) == 1
	h.app.Render(w, r, status, "staff/review_case_form.html", p)
}

// reviewCaseSave creates (/new) or updates (/{id}/edit) an entry after
// disclosure.ReviewCase.Validate; the linked application is named by its
// 查询码 and gives the site.
func (h handlers) reviewCaseSave(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if !officeWork(u) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	ctx := r.Context()
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = web.PathID(r, "id"); err != nil {
			h.app.Fail(w, r, err)
			return
		}
		if _, err := h.app.Store.ReviewCase(ctx, id); err != nil {
			h.app.Fail(w, r, err)
			return
		}
	}
	typed := map[string]string{}
	for _, f := range []string{"code", "route", "result", "body", "case_no", "filed_on", "decided_on", "note", "site"} {
		typed[f] = strings.TrimSpace(r.FormValue(f))
	}
	fe := catalog.FieldErrors{}
	rc := disclosure.ReviewCase{ID: id, Route: disclosure.ReviewRoute(typed["route"]), Result: disclosure.ReviewResult(typed["result"]),
		Body: typed["body"], CaseNo: typed["case_no"], Note: typed["note"],
		FiledOn: optionalDate(r, "filed_on", "filed_on", fe), DecidedOn: optionalDate(r, "decided_on", "decided_on", fe)}
	for f, v := range rc.Validate() {
		fe.Add(f, v)
	}
	for f, n := range map[string]int{"body": 100, "case_no": 100, "note": 1000} {
		if utf8.RuneCountInString(typed[f]) > n {
			fe.Add(f, "不能超过"+strconv.Itoa(n)+"个字")
		}
	}
	siteID := formID(r, "site")
	if sites := h.app.Sites(); len(sites) == 1 {
		siteID = sites[0].ID
	}
	if typed["code"] != "" {
		a, err := h.app.Store.ApplicationByCode(ctx, typed["code"])
		if err != nil {
			fe.Add("code", "找不到该查询码对应的申请")
		} else {
			rc.ApplicationID, siteID = a.ID, a.SiteID
		}
	}
	if siteID == 0 {
		fe.Add("site", "请选择机关")
	}
	if len(fe) > 0 {
		h.renderReviewForm(w, r, http.StatusUnprocessableEntity, id, fe, typed)
		return
	}
	var err error
	done := "review-updated"
	if id == 0 {
		id, err = h.app.Store.CreateReviewCase(ctx, siteID, rc)
		done = "review-created"
	} else {
		err = h.app.Store.UpdateReviewCase(ctx, rc)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "review_case.save", typed["code"], rc.Route.Label()+" "+rc.Result.Label()); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/review-cases", strings.TrimPrefix(done, "review-"))
}
