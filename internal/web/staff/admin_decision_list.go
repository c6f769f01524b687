package staff

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type decisionSummary struct {
	Org    string
	Values map[store.DecisionKind]string
}

type decisionPage struct {
	web.Page
	form
	Sites   []catalog.Site
	SiteID  int64
	Year    int
	Orgs    []catalog.Org // the 科室 the user may edit
	OrgID   int64         // the 科室 whose grid is shown
	Kinds   []store.DecisionKind
	Months  []int
	Typed   map[string]string
	Summary []decisionSummary
	Totals  map[store.DecisionKind]string
}

// Name is the form field of one grid cell, e.g. "v3-license".
func (p decisionPage) Name(month int, k store.DecisionKind) string {
	return "v" + strconv.Itoa(month) + "-" + string(k)
}

// Val is what the cell holds or what was typed into it.
func (p decisionPage) Val(month int, k store.DecisionKind) string { return p.Typed[p.Name(month, k)] }

// Head is a column header of the grid: fees are entered in 元.
func (p decisionPage) Head(k store.DecisionKind) string {
	if k.IsAmount() {
		return k.Label() + "（元）"
	}
	return k.Label() + "（件）"
}

// decisionScope reads site, year and 科室 from the request and the 科室 the
// user may edit: a 科室信息员 only their own.
func (h handlers) decisionScope(r *http.Request, u auth.User) (decisionPage, error) {
	p := decisionPage{Page: h.base(r, "行政决定和收费登记"), Sites: h.app.Sites(), Year: h.todayDate().Year(),
		Kinds: store.DecisionKinds, Months: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, Typed: map[string]string{}}
	p.SiteID = chosenSite(r, p.Sites)
	if v := r.FormValue("site"); v != "" && h.siteExists(formIDq(v)) {
		p.SiteID = formIDq(v)
	}
	if y, err := strconv.Atoi(r.FormValue("year")); err == nil && y >= 2008 && y <= 2100 {
		p.Year = y
	}
	orgs, err := h.app.Store.Orgs(r.Context(), p.SiteID)
	if err != nil {
		return p, err
	}
	for _, o := range orgs {
		if !u.Role.OrgScoped() || o.ID == u.OrgID {
			p.Orgs = append(p.Orgs, o)
		}
	}
	want := formIDq(r.FormValue("org"))
	for _, o := range p.Orgs {
		if o.ID == want || p.OrgID == 0 {
			p.OrgID = o.ID
		}
	}
	return p, nil
}

// decisionList shows the year's totals per 科室 (table 二's figures) and
// the month × kind grid of one 科室.
func (h handlers) decisionList(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	p, err := h.decisionScope(r, u)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.fillDecisions(r, &p, true); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/admin_decision_list.html", p)
}

// fillDecisions loads the summary and, when grid is set, the chosen 科室's cells.
func (h handlers) fillDecisions(r *http.Request, p *decisionPage, grid bool) error {
	cells, err := h.app.Store.AdminDecisions(r.Context(), store.AdminDecisionFilter{SiteID: p.SiteID, Year: p.Year})
	if err != nil {
		return err
	}
	sums := map[int64]map[store.DecisionKind]int64{}
	total := map[store.DecisionKind]int64{}
	for _, c := range cells {
		if sums[c.OrgID] == nil {
			sums[c.OrgID] = map[store.DecisionKind]int64{}
		}
		sums[c.OrgID][c.Kind] += c.Value
		total[c.Kind] += c.Value
		if grid && c.OrgID == p.OrgID {
			p.Typed[p.Name(c.Month, c.Kind)] = decisionText(c.Kind, c.Value)
		}
	}
	for _, o := range p.Orgs {
		row := decisionSummary{Org: o.Name, Values: map[store.DecisionKind]string{}}
		for _, k := range store.DecisionKinds {
			row.Values[k] = decisionText(k, sums[o.ID][k])
		}
		p.Summary = append(p.Summary, row)
	}
	p.Totals = map[store.DecisionKind]string{}
	for _, k := range store.DecisionKinds {
		p.Totals[k] = decisionText(k, total[k])
		if k.IsAmount() { // table 二 (八) is in 万元
			p.Totals[k] += "（" + annualreport.FromFen(total[k]).String() + "万元）"
		}
	}
	return nil
}

// decisionText shows a count, or 分 as 元 with two decimals.
func decisionText(k store.DecisionKind, v int64) string {
	if k.IsAmount() {
		return fmt.Sprintf("%d.%02d", v/100, v%100)
	}
	return strconv.FormatInt(v, 10)
}

// decisionSave stores one 科室's grid for the year. Every cell is checked
// first; with any error nothing is saved and the grid comes back with
// what was typed and the message beside each wrong cell.
func (h handlers) decisionSave(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if err := r.ParseForm(); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p, err := h.decisionScope(r, u)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if p.OrgID == 0 || p.OrgID != formIDq(r.FormValue("org")) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	p.Errs = catalog.FieldErrors{}
	var cells []store.AdminDecision
	for _, m := range p.Months {
		for _, k := range p.Kinds {
			name := p.Name(m, k)
			text := strings.TrimSpace(r.FormValue(name))
			p.Typed[name] = text
			v, msg := parseDecisionCell(text, k)
			if msg != "" {
				p.Errs.Add(name, fmt.Sprintf("%d月%s：%s", m, k.Label(), msg))
				continue
			}
			cells = append(cells, store.AdminDecision{SiteID: p.SiteID, OrgID: p.OrgID, Year: p.Year, Month: m, Kind: k, Value: v})
		}
	}
	if len(p.Errs) == 0 {
		if err := h.app.Store.ImportAdminDecisions(r.Context(), p.SiteID, u.ID, cells); err != nil {
			h.app.Fail(w, r, err)
			return
		}
		_ = h.app.Audit(r, "decisions.save", fmt.Sprintf("org:%d", p.OrgID), fmt.Sprintf("%d年", p.Year))
		redirect(w, r, fmt.Sprintf("/admin/decisions?site=%d&year=%d&org=%d", p.SiteID, p.Year, p.OrgID), "saved")
		return
	}
	if err := h.fillDecisions(r, &p, false); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusUnprocessableEntity, "staff/admin_decision_list.html", p)
}

// parseDecisionCell reads a count, or a fee in 元 with at most two decimals.
func parseDecisionCell(text string, k store.DecisionKind) (int64, string) {
	if text == "" {
		return 0, ""
	}
	a, err := annualreport.ParseAmount(text)
	switch {
	case err != nil:
		return 0, "请输入数字"
	case a < 0:
		return 0, "不能为负数"
	case !k.IsAmount() && !a.IsInt():
		return 0, "应为整数"
	case k.IsAmount() && a%10_000 != 0:
		return 0, "金额最多保留两位小数"
	case !k.IsAmount():
		return a.Int64(), ""
	}
	return int64(a / 10_000), "" // 元 → 分
}
