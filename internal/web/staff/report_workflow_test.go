package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// reportEnv is the staff env with a 信息公开年报 column and the people of the
// report's workflow.
func reportEnv(t *testing.T, st *store.Store) (*env, int64) {
	e := newEnv(t, st)
	col, err := st.CreateColumn(context.Background(), catalog.Column{SiteID: e.site.ID, Slug: "xxgknb", Name: "信息公开年报",
		Kind: catalog.KindAnnualReport, OrgID: e.orgA})
	if err != nil {
		t.Fatal(err)
	}
	e.user("office", auth.RoleOffice, e.orgA)
	e.user("head", auth.RoleOfficeHead, e.orgA)
	e.user("leader", auth.RoleLeader, 0)
	e.user("officer", auth.RoleOfficer, e.orgA)
	return e, col
}

var reportIDRE = regexp.MustCompile(`^/admin/annual-reports/(\d+)`)

// createReport drafts the 2024 report and returns its page path.
func createReport(t *testing.T, c *client, e *env) string {
	t.Helper()
	res := c.post("/admin/annual-reports", url.Values{"site": {itoa(e.site.ID)}, "year": {"2024"},
		"unit_kind": {"department"}, "unit_name": {"市经济和信息化局"}})
	if res.status != http.StatusSeeOther || !reportIDRE.MatchString(res.location) {
		t.Fatalf("create: %d %s %s", res.status, res.location, errorText(res.body))
	}
	return strings.SplitN(res.location, "?", 2)[0]
}

var versionRE = regexp.MustCompile(`name="version" value="(\d+)"`)

// sectionsForm is the page's sections form as shown, with changes.
func sectionsForm(t *testing.T, page string, set map[string]string) url.Values {
	t.Helper()
	v := url.Values{"unit_kind": {"department"}, "unit_name": {"市经济和信息化局"}}
	m := versionRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no version on the page")
	}
	v.Set("version", m[1])
	for i := 1; i <= 6; i++ {
		f := "s" + itoa(int64(i))
		re := regexp.MustCompile(`(?s)<textarea id="` + f + `"[^>]*>(.*?)</textarea>`)
		if mm := re.FindStringSubmatch(page); mm != nil {
			v.Set(f, htmlUnescape(mm[1]))
		}
	}
	for k, x := range set {
		v.Set(k, x)
	}
	return v
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
}

func step(t *testing.T, c *client, path, action string) response {
	t.Helper()
	page := c.get(path)
	m := versionRE.FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("%s: no version on the page: %s", action, errorText(page.body))
	}
	return c.post(path+"/"+action, url.Values{"version": {m[1]}, "confirm": {"yes"}})
}

// TestAnnualReportWorkflow walks a report from draft to the portal:
// invalid input keeps what was typed, a number in the text that
// contradicts a table blocks review and approval with a Chinese message,
// the approver must be another person than the reviewer, approval freezes
// the tables, and publication puts the report with its tables in the 年报
// column.
func TestAnnualReportWorkflow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e, col := reportEnv(t, st)
		ctx := context.Background()
		office, head, leader := e.login("office"), e.login("head"), e.login("leader")

		list := office.get("/admin/annual-reports")
		if list.status != 200 || !strings.Contains(list.body, "生成年度报告草稿") {
			t.Fatalf("list: %d %s", list.status, errorText(list.body))
		}
		if res := e.login("officer").get("/admin/annual-reports"); res.status != http.StatusForbidden {
			t.Fatalf("科室信息员 sees the reports: %d", res.status)
		}
		bad := office.post("/admin/annual-reports", url.Values{"site": {itoa(e.site.ID)}, "year": {"二〇二四"},
			"unit_kind": {"department"}, "unit_name": {"市经信局<b>"}})
		if bad.status != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "请填写报告年度") ||
			!strings.Contains(bad.body, "发布机构名称不能包含") || !strings.Contains(bad.body, "二〇二四") {
			t.Fatalf("invalid create: %d %s", bad.status, errorText(bad.body))
		}
		path := createReport(t, office, e)
		if again := createReport(t, office, e); again != path {
			t.Fatalf("a second draft of the year: %s, want %s", again, path)
		}
		page := office.get(path)
		for _, want := range []string{"市经济和信息化局2024年政府信息公开工作年度报告", `rowspan="22"`, "三、本年度办理结果",
			"2025-01-31", "已逾期", "/export/docx", "/admin/report-lint/"} {
			if !strings.Contains(page.body, want) {
				t.Fatalf("report page lacks %q: %s", want, errorText(page.body))
			}
		}

		// A number in the text contradicting table 三 is an error; it is
		// saved (a draft may be wrong) but blocks the review.
		form := sectionsForm(t, page.body, map[string]string{"s3": "本年度新收政府信息公开申请5件，均已办结。"})
		if res := office.post(path+"/sections", form); res.status != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.status, errorText(res.body))
		}
		page = office.get(path)
		if !strings.Contains(page.body, "新收政府信息公开申请5件") || !strings.Contains(page.body, "个错误") {
			t.Fatalf("the mismatch is not shown: %s", errorText(page.body))
		}
		if res := step(t, office, path, "review"); res.status != http.StatusConflict || !strings.Contains(res.body, "不能审核通过") {
			t.Fatalf("review with a mismatch: %d %s", res.status, errorText(res.body))
		}

		// Invalid input is not saved and nothing typed is lost; no markup runs.
		form = sectionsForm(t, page.body, map[string]string{"unit_name": "", "s1": "<script>alert(1)</script>我们写的总体情况"})
		res := office.post(path+"/sections", form)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "请填写发布机构名称") ||
			!strings.Contains(res.body, "&lt;script&gt;alert(1)&lt;/script&gt;我们写的总体情况") || strings.Contains(res.body, "<script>alert") {
			t.Fatalf("invalid save: %d %s", res.status, errorText(res.body))
		}
		// A stale version is refused and keeps the text.
		stale := sectionsForm(t, page.body, map[string]string{"s1": "过期版本的文字"})
		stale.Set("version", "999")
		if res := office.post(path+"/sections", stale); res.status != http.StatusConflict || !strings.Contains(res.body, "过期版本的文字") {
			t.Fatalf("stale save: %d %s", res.status, errorText(res.body))
		}

		// Cleared, section 三 is drafted from the data again; review passes.
		form = sectionsForm(t, page.body, map[string]string{"s3": "", "s5": "（一）存在的主要问题\n部分科室公开意识有待增强。"})
		if res := office.post(path+"/sections", form); res.status != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.status, errorText(res.body))
		}
		if res := step(t, head, path, "review"); res.status != http.StatusSeeOther {
			t.Fatalf("review: %d %s", res.status, errorText(res.body))
		}
		if res := step(t, office, path, "approve"); res.status != http.StatusForbidden {
			t.Fatalf("公开办 approves: %d", res.status)
		}

		// The records change after the review: a 行政规范性文件 of 2024 makes
		// the text's "制发行政规范性文件0件" wrong, and approval is blocked.
		normative := catalog.Document{SiteID: e.site.ID, ColumnID: e.colA, OrgID: e.orgA, AuthorID: 1, Title: "关于支持中小企业发展的若干措施",
			BodyHTML: "<p>正文</p>", WrittenOn: "2024-05-06", DocNo: "市经信规〔2024〕1号", Genre: catalog.GenreNormative,
			Validity: catalog.Valid, State: catalog.StatePublished, PublishedAt: time.Date(2024, 5, 8, 9, 0, 0, 0, china)}
		if _, err := st.CreateDocument(ctx, normative); err != nil {
			t.Fatal(err)
		}
		res = step(t, leader, path, "approve")
		if res.status != http.StatusConflict || !strings.Contains(res.body, "不能批准") || !strings.Contains(res.body, "行政规范性文件") {
			t.Fatalf("approval despite a narrative mismatch: %d %s", res.status, errorText(res.body))
		}
		// Sent back, redrafted from the data, reviewed again by the head.
		if res := step(t, leader, path, "return"); res.status != http.StatusSeeOther {
			t.Fatalf("return: %d %s", res.status, errorText(res.body))
		}
		if res := step(t, office, path, "redraft"); res.status != http.StatusSeeOther {
			t.Fatalf("redraft: %d %s", res.status, errorText(res.body))
		}
		if res := step(t, head, path, "review"); res.status != http.StatusSeeOther {
			t.Fatalf("second review: %d %s", res.status, errorText(res.body))
		}

		// The reviewer, since made 分管领导, cannot approve their own review.
		headUser, err := st.UserByName(ctx, "head")
		if err != nil {
			t.Fatal(err)
		}
		headUser.Role = auth.RoleLeader
		if err := st.UpdateUser(ctx, headUser); err != nil {
			t.Fatal(err)
		}
		if res := step(t, e.login("head"), path, "approve"); res.status != http.StatusConflict || !strings.Contains(res.body, "审核人不能批准自己审核的报告") {
			t.Fatalf("self-approval: %d %s", res.status, errorText(res.body))
		}
		if res := step(t, leader, path, "approve"); res.status != http.StatusSeeOther {
			t.Fatalf("approve: %d %s", res.status, errorText(res.body))
		}
		id := reportIDRE.FindStringSubmatch(path)[1]
		rec, err := st.AnnualReport(ctx, formInt(id))
		if err != nil || rec.State != store.ReportApproved || rec.Cells == "" {
			t.Fatalf("approved record %+v, %v", rec, err)
		}
		// Frozen: another normative document no longer changes the tables.
		normative.Title, normative.DocNo = "关于推进数字化转型的实施意见", "市经信规〔2024〕2号"
		if _, err := st.CreateDocument(ctx, normative); err != nil {
			t.Fatal(err)
		}
		if page := office.get(path); strings.Contains(page.body, "个错误") {
			t.Fatalf("an approved report changed with the records: %s", errorText(page.body))
		}
		if res := step(t, office, path, "sections"); res.status != http.StatusConflict {
			t.Fatalf("edit after approval: %d", res.status)
		}
		for f, head := range map[string]string{"docx": "PK", "xlsx": "PK", "html": "<!DOCTYPE html>", "md": "# 市经济和信息化局", "json": "{"} {
			res := leader.get(path + "/export/" + f)
			if res.status != 200 || !strings.HasPrefix(res.body, head) || !strings.Contains(res.header.Get("Content-Disposition"), "filename*=UTF-8''") {
				t.Fatalf("%s download: %d %v", f, res.status, res.header)
			}
		}
		if res := office.get(path + "/export/pdf"); res.status != http.StatusNotFound {
			t.Fatalf("unknown format: %d", res.status)
		}

		if res := step(t, office, path, "publish"); res.status != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", res.status, errorText(res.body))
		}
		rec, _ = st.AnnualReport(ctx, formInt(id))
		doc, err := st.Document(ctx, rec.DocumentID)
		if err != nil || rec.State != store.ReportPublished || doc.State != catalog.StatePublished || doc.ColumnID != col || doc.IndexNo == "" {
			t.Fatalf("published: %+v / %+v, %v", rec, doc, err)
		}
		public := e.client().get("/doc/" + itoa(doc.ID))
		for _, want := range []string{"市经济和信息化局2024年政府信息公开工作年度报告", `rowspan="22"`, `colspan="7"`, "申请人情况", "第二十条第（一）项"} {
			if !strings.Contains(public.body, want) {
				t.Fatalf("public page lacks %q: %d %s", want, public.status, errorText(public.body))
			}
		}
		if len(e.audits("annual_report.approved")) != 1 || len(e.audits("annual_report.published")) != 1 {
			t.Fatalf("audit entries missing")
		}
	})
}
