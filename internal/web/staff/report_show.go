package staff

import (
	"html/template"
	"net/http"
	"strings"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// reportSectionView is one section on the report page: its text (as
// saved, or as typed when a save failed), the draft from the data, and
// the findings about its numbers.
type reportSectionView struct {
	Section  annualreport.Section
	Field    string // form field, "s1" … "s6"
	Text     string
	Drafted  string
	Rows     int
	Findings []annualreport.Finding
}

// reportTableView is one table in the official layout with its checks.
type reportTableView struct {
	Table    annualreport.Table
	Title    string
	HTML     template.HTML
	Findings []annualreport.Finding
}

type annualReportPage struct {
	web.Page
	form
	Rec       store.AnnualReportRecord
	Sections  []reportSectionView
	Tables    []reportTableView
	General   []annualreport.Finding
	Errors    int
	Warnings  int
	Deadline  workday.Date
	DaysLeft  int
	Overdue   bool
	UnitKind  string
	UnitName  string
	UnitKinds []annualreport.UnitKind
	Formats   []annualreport.ExportFormat
	Names     map[int64]string
	Problem   string // why the last step was refused
	DocLink   string

	// What the user may do with the report in its state.
	CanEdit, CanReview, CanApprove, CanReturn, CanPublish bool
	CanLint                                               bool // the linter pages (PermReportEdit)
}

// OverdueDays is how many days past the deadline the report is.
func (p annualReportPage) OverdueDays() int { return -p.DaysLeft }

// Name is a user's display name ("" for none).
func (p annualReportPage) Name(id int64) string { return p.Names[id] }

// Paragraphs splits a section's text into its lines for reading.
func (annualReportPage) Paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TableOf is the table shown in a section (二, 三, 四), nil for the others.
func (p annualReportPage) TableOf(s annualreport.Section) *reportTableView {
	i := int(s) - 2
	if i < 0 || i >= len(p.Tables) {
		return nil
	}
	return &p.Tables[i]
}

// Where names a finding's place for the checks column.
func (annualReportPage) Where(f annualreport.Finding) string {
	switch {
	case f.Table != "" && f.Row != "" && f.Col != "":
		return "表" + string(f.Table) + "：" + f.Row + " / " + f.Col
	case f.Table != "" && f.Row != "":
		return "表" + string(f.Table) + "：" + f.Row
	case f.Table != "":
		return "表" + string(f.Table)
	}
	return ""
}

// annualReportShow is the report page: state and deadline, the sections
// with their checks, the tables in the official layout with theirs, the
// workflow buttons and the downloads.
func (h handlers) annualReportShow(w http.ResponseWriter, r *http.Request) {
	_, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderAnnualReport(w, r, http.StatusOK, rec, nil, nil, "")
}

// renderAnnualReport renders the report page. typed holds what the user
// typed when a save failed (fe its field errors), so nothing is lost;
// problem says why a workflow step was refused.
func (h handlers) renderAnnualReport(w http.ResponseWriter, r *http.Request, status int, rec store.AnnualReportRecord,
	typed map[string]string, fe catalog.FieldErrors, problem string) {
	b, err := h.buildReport(r.Context(), rec)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderBuiltReport(w, r, status, rec, b, typed, fe, problem)
}

// renderBuiltReport renders the report page from a report the handler has
// already built for rec (a step refused after its checks), so one request
// builds it once.
func (h handlers) renderBuiltReport(w http.ResponseWriter, r *http.Request, status int, rec store.AnnualReportRecord,
	b *annualreport.Built, typed map[string]string, fe catalog.FieldErrors, problem string) {
	u, _ := web.UserOf(r)
	ctx := r.Context()
	p := annualReportPage{Page: h.base(r, ""), form: form{Errs: fe}, Rec: rec, Problem: problem,
		UnitKind: rec.UnitKind, UnitName: rec.UnitName, UnitKinds: annualreport.UnitKinds,
		Formats: annualreport.ExportFormats, Names: map[int64]string{}}
	if msg, ok := reportFlashes[r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	if typed != nil {
		p.UnitKind, p.UnitName = typed["unit_kind"], typed["unit_name"]
		applyTyped(b, typed)
	}
	p.Page.Title = b.Report.Title()
	p.Errors, p.Warnings = countFindings(b.Findings)
	p.Deadline = annualreport.UnitKind(p.UnitKind).Deadline(rec.Year)
	today := h.todayDate()
	p.DaysLeft = today.DaysUntil(p.Deadline)
	p.Overdue = rec.State != store.ReportPublished && today.After(p.Deadline)
	bySection := map[annualreport.Section][]annualreport.Finding{}
	byTable := map[annualreport.Table][]annualreport.Finding{}
	for _, f := range b.Findings {
		switch {
		case f.Section != 0:
			bySection[f.Section] = append(bySection[f.Section], f)
		case f.Table != "":
			byTable[f.Table] = append(byTable[f.Table], f)
		default:
			p.General = append(p.General, f)
		}
	}
	for _, s := range annualreport.Sections {
		v := reportSectionView{Section: s, Field: sectionField(s), Text: b.Report.Sections[s], Drafted: b.Drafted[s],
			Findings: bySection[s], Rows: 6}
		if typed != nil {
			v.Text = typed[v.Field]
		}
		if s == 1 || s == 5 || s == 6 {
			v.Rows = 12
		}
		p.Sections = append(p.Sections, v)
	}
	for _, t := range []annualreport.Table{annualreport.TableTwo, annualreport.TableThree, annualreport.TableFour} {
		html, err := annualreport.TableHTML(b.Report, t)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.Tables = append(p.Tables, reportTableView{Table: t, Title: tableTitle(t), HTML: html, Findings: byTable[t]})
	}
	for _, id := range []int64{rec.CreatedBy, rec.UpdatedBy, rec.ReviewedBy, rec.ApprovedBy, rec.PublishedBy} {
		if id != 0 && p.Names[id] == "" {
			if x, err := h.app.Store.User(ctx, id); err == nil {
				p.Names[id] = x.DisplayName
			}
		}
	}
	if rec.DocumentID != 0 {
		p.DocLink = "/admin/documents/" + itoa(rec.DocumentID)
	}
	edit, approve := u.Role.Can(auth.PermReportEdit), u.Role.Can(auth.PermReportApprove)
	p.CanEdit = edit && rec.State == store.ReportDraft
	p.CanReview = edit && rec.State == store.ReportDraft
	p.CanApprove = approve && rec.State == store.ReportReviewed
	p.CanReturn = (rec.State == store.ReportReviewed && (edit || approve)) || (rec.State == store.ReportApproved && approve)
	p.CanPublish = edit && rec.State == store.ReportApproved
	p.CanLint = edit
	h.app.Render(w, r, status, "staff/report_show.html", p)
}

// reportFlashes confirm a step after its redirect.
var reportFlashes = map[string]string{
	"created":   "已根据本年度数据生成报告草稿，请修改第一、五、六部分后保存。",
	"saved":     "已保存，检查结果见各部分和各表格旁。",
	"redrafted": "已按最新数据重新生成各部分草稿。",
	"reviewed":  "已审核，等待分管领导批准。",
	"approved":  "已批准，表格数据已冻结。",
	"returned":  "已退回修改，表格数据恢复为按最新数据计算。",
	"published": "已发布到“信息公开年报”栏目。",
}

func sectionField(s annualreport.Section) string { return "s" + itoa(int64(s)) }

func tableTitle(t annualreport.Table) string { return "表" + string(t) + " " + t.Caption() }

// applyTyped puts what the user typed into the built report and checks it
// again, so the page shows the findings of the text on screen.
func applyTyped(b *annualreport.Built, typed map[string]string) {
	for _, s := range annualreport.Sections {
		text := typed[sectionField(s)]
		if text == "" {
			text = b.Drafted[s] // a cleared section is drafted from the data
		}
		b.Report.Sections[s] = text
	}
	if k := annualreport.UnitKind(typed["unit_kind"]); k.Valid() {
		b.Report.Unit = k
	}
	if n := typed["unit_name"]; n != "" {
		b.Report.UnitName = n
	}
	b.Recheck()
}
