package staff_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// postFile posts a multipart form with the upload in field "file".
func (c *client) postFile(path string, form url.Values, name string, data []byte) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func TestAdminDecisionGrid(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office", auth.RoleOffice, 0)
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	e.user("leader", auth.RoleLeader, 0)
	office := e.login("office")

	page := office.get("/admin/decisions?year=2025")
	if page.status != 200 || !strings.Contains(page.body, "规划科") || !strings.Contains(page.body, `name="v12-fee"`) {
		t.Fatalf("list: %d %s", page.status, errorText(page.body))
	}
	form := url.Values{"site": {itoa(e.site.ID)}, "year": {"2025"}, "org": {itoa(e.orgB)},
		"v1-license": {"3"}, "v2-penalty": {"2"}, "v3-fee": {"1234.5"}, "v4-coercion": {"-1"}, "v5-license": {"1.5"}, "v6-fee": {"<script>"}}
	res := office.post("/admin/decisions", form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "4月行政强制：不能为负数") ||
		!strings.Contains(res.body, "5月行政许可：应为整数") || !strings.Contains(res.body, "6月行政事业性收费：请输入数字") ||
		!strings.Contains(res.body, `value="1234.5"`) || strings.Contains(res.body, "<script>") {
		t.Fatalf("invalid grid: %d %s", res.status, errorText(res.body))
	}
	if got, _ := e.st.AdminDecisions(t.Context(), store.AdminDecisionFilter{SiteID: e.site.ID, Year: 2025}); len(got) != 0 {
		t.Fatalf("saved despite errors: %+v", got)
	}
	form.Set("v4-coercion", "0")
	form.Set("v5-license", "1")
	form.Set("v6-fee", "")
	if res := office.post("/admin/decisions", form); res.status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", res.status, errorText(res.body))
	}
	tot, _ := e.st.AdminDecisionTotals(t.Context(), e.site.ID, 2025)
	if tot[store.DecisionLicense] != 4 || tot[store.DecisionPenalty] != 2 || tot[store.DecisionFee] != 123450 {
		t.Fatalf("totals: %+v", tot)
	}
	page = office.get("/admin/decisions?year=2025&org=" + itoa(e.orgB))
	if !strings.Contains(page.body, `value="1234.50"`) || !strings.Contains(page.body, "0.1234500") && !strings.Contains(page.body, "0.12345万元") {
		t.Fatalf("grid after save: %s", errorText(page.body))
	}
	if len(e.audits("decisions.save")) != 1 {
		t.Fatal("save not audited")
	}

	// A 科室信息员 sees and edits only their own 科室.
	officer := e.login("officer-a")
	page = officer.get("/admin/decisions?year=2025&org=" + itoa(e.orgB))
	if page.status != 200 || strings.Contains(page.body, "规划科") {
		t.Fatalf("officer sees another 科室: %s", errorText(page.body))
	}
	if res := officer.post("/admin/decisions", form); res.status != http.StatusForbidden {
		t.Fatalf("officer saved another 科室: %d", res.status)
	}
	if res := e.login("leader").get("/admin/decisions"); res.status != http.StatusForbidden {
		t.Fatalf("leader: %d", res.status)
	}
}

func TestAdminDecisionImport(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office", auth.RoleOffice, 0)
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	office := e.login("office")
	if page := office.get("/admin/decisions/import?year=2025"); page.status != 200 || !strings.Contains(page.body, `name="file"`) {
		t.Fatalf("form: %d", page.status)
	}
	tpl := office.get("/admin/decisions/template.xlsx?year=2025")
	if tpl.status != 200 || !strings.HasPrefix(tpl.body, "PK") {
		t.Fatalf("template: %d", tpl.status)
	}
	fields := url.Values{"site": {itoa(e.site.ID)}, "year": {"2025"}}
	bad := "科室,月份,行政处罚\n办公室,1,2\n财务科,2,1\n"
	res := office.postFile("/admin/decisions/import", fields, "a.csv", []byte(bad))
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "第3行“科室”：科室“财务科”不存在") {
		t.Fatalf("bad file: %d %s", res.status, errorText(res.body))
	}
	if got, _ := e.st.AdminDecisions(t.Context(), store.AdminDecisionFilter{SiteID: e.site.ID, Year: 2025}); len(got) != 0 {
		t.Fatalf("half imported: %+v", got)
	}
	good := "科室,月份,行政处罚\n办公室,1,2\n规划科,2,1\n"
	res = office.postFile("/admin/decisions/import", fields, "a.csv", []byte(good))
	if res.status != 200 || !strings.Contains(res.body, "导入完成：2行") {
		t.Fatalf("good file: %d %s", res.status, errorText(res.body))
	}
	if tot, _ := e.st.AdminDecisionTotals(t.Context(), e.site.ID, 2025); tot[store.DecisionPenalty] != 3 {
		t.Fatalf("imported totals: %+v", tot)
	}
	// The officer of 办公室 cannot import 规划科's rows.
	res = e.login("officer-a").postFile("/admin/decisions/import", fields, "a.csv", []byte(good))
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "科室“规划科”不存在") {
		t.Fatalf("officer import: %d %s", res.status, errorText(res.body))
	}
}
