package staff_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/annualreport"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// After importing the 2024 report (2 自然人 applications carried over) the
// 2025 report page asks for them to be registered, links to the register
// form preset for a 2024 person's case, the form takes the 2024 dates,
// and the warning goes once both are registered.
func TestReportCarryOverGapAndLateRegistration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newAppEnv(t, st)
		ctx := context.Background()
		imp := annualreport.New(2024, annualreport.UnitDepartment, annualreport.Format2021)
		_ = imp.SetCount(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColPerson, 2)
		_ = imp.SetCount(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColTotal, 2)
		cells, err := annualreport.MarshalCells(imp)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: e.site.ID, Year: 2024, UnitKind: "department",
			UnitName: e.site.Name, State: store.ReportPublished, Source: store.ReportImported, Cells: cells}); err != nil {
			t.Fatal(err)
		}
		office := e.login("office")
		res := office.post("/admin/annual-reports", url.Values{"site": {itoa(e.site.ID)}, "year": {"2025"},
			"unit_kind": {"department"}, "unit_name": {e.site.Name}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.status, errorText(res.body))
		}
		page := strings.SplitN(res.location, "?", 2)[0]
		const warning = "上年度报告结转2件，平台登记0件，请在依申请公开登记中补录上年结转的申请（按原收到日期）"
		show := office.get(page)
		body := html.UnescapeString(show.body)
		if show.status != 200 || !strings.Contains(body, "“自然人”列："+warning) {
			t.Fatalf("report page lacks the carry-over gap: %d %s", show.status, errorText(show.body))
		}
		// A refused save shows the page again with what was typed and the
		// same findings, the carry-over gap included.
		refused := office.post(page+"/sections", url.Values{"unit_kind": {"?"}, "unit_name": {e.site.Name}, "version": {"1"}})
		if refused.status == http.StatusSeeOther || !strings.Contains(html.UnescapeString(refused.body), "“自然人”列："+warning) {
			t.Fatalf("refused save lost the carry-over gap: %d %s", refused.status, errorText(refused.body))
		}
		link := "/admin/applications/new?applicant.kind=person&received_on=2024-12-31"
		if !strings.Contains(body, `<a href="`+link+`">补录上年结转的申请</a>`) {
			t.Fatalf("no link to the register form: %s", body)
		}

		form := office.get(link)
		if form.status != 200 || !strings.Contains(form.body, `value="2024-12-31"`) ||
			!strings.Contains(form.body, `<option value="person" selected>`) || !strings.Contains(form.body, "收到之日在2024年") {
			t.Fatalf("register form not preset: %d %s", form.status, form.body)
		}
		// A date in the future is not preset; an ordinary form has no note.
		if f := office.get("/admin/applications/new?received_on=2099-01-01"); strings.Contains(f.body, "2099-01-01") ||
			strings.Contains(f.body, "收到之日在") {
			t.Fatalf("future preset or stray note: %s", errorText(f.body))
		}

		for _, day := range []string{"2024-11-18", "2024-12-27"} {
			id := office.register(applicationForm(day))
			if rec := e.record(id); rec.ReceivedOn.String() != day || !strings.HasPrefix(rec.Code, "YS2024-") {
				t.Fatalf("registered late: %+v", rec)
			}
		}
		show = office.get(page)
		if strings.Contains(html.UnescapeString(show.body), warning) || strings.Contains(show.body, "补录上年结转的申请</a>") {
			t.Fatalf("the gap is still reported: %s", errorText(show.body))
		}
	})
}
