package staff_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

const lintTestdata = "../../annualreport/testdata/lint/"

// postLintFile posts the lint form with text and an optional file.
func (c *client) postLintFile(text, name string, data []byte) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("text", text)
	if name != "" {
		fw, _ := mw.CreateFormFile("file", name)
		_, _ = fw.Write(data)
	}
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+"/admin/report-lint", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func TestReportLintPage(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office", auth.RoleOffice, 0)
	e.user("officer", auth.RoleOfficer, e.orgA)
	office := e.login("office")

	if page := office.get("/admin/report-lint"); page.status != 200 || !strings.Contains(page.body, `name="text"`) ||
		!strings.Contains(page.body, `enctype="multipart/form-data"`) {
		t.Fatalf("form: %d %s", page.status, errorText(page.body))
	}
	if res := e.login("officer").get("/admin/report-lint"); res.status != http.StatusForbidden {
		t.Errorf("科室信息员 reached the page: %d", res.status)
	}

	// Nothing sent: the message beside the text box.
	res := office.post("/admin/report-lint", url.Values{"text": {"  "}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "请粘贴年度报告全文") {
		t.Fatalf("empty: %d %s", res.status, errorText(res.body))
	}

	// The seed pasted: its narrative mismatches are errors; the text stays.
	seed, err := os.ReadFile(lintTestdata + "real/annual-report-2023-huangshi-jingxin.txt")
	if err != nil {
		t.Fatal(err)
	}
	res = office.post("/admin/report-lint", url.Values{"text": {string(seed)}})
	for _, want := range []string{"3个错误", "narrative-mismatch", "新制作行政规范性文件4个", "先行有效件数9个",
		"superseded-format", "2023年", "黄石市经信局", "有错误的报告不能审核通过", "本单位主动公开信息4173条"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("seed: %q missing (%d %s)", want, res.status, errorText(res.body))
		}
	}

	// An uploaded page wins over the text box; a correct report has no finding.
	page, err := os.ReadFile(lintTestdata + "valid-2021.html")
	if err != nil {
		t.Fatal(err)
	}
	res = office.postLintFile("", "report.html", page)
	if res.status != 200 || !strings.Contains(res.body, "未发现问题") || !strings.Contains(res.body, "report.html") {
		t.Errorf("html upload: %d %s", res.status, errorText(res.body))
	}

	// A broken DOCX: a message beside the file field.
	res = office.postLintFile("", "report.docx", []byte("PK\x03\x04 broken"))
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "无法读取") {
		t.Errorf("bad docx: %d %s", res.status, errorText(res.body))
	}

	// Pasted markup is shown as text, never run.
	res = office.post("/admin/report-lint", url.Values{"text": {"<script>alert(1)</script>20XX年政府信息公开工作年度报告"}})
	if strings.Contains(res.body, "<script>alert(1)") || !strings.Contains(res.body, "&lt;script&gt;") || !strings.Contains(res.body, "placeholder") {
		t.Errorf("markup: %d %s", res.status, errorText(res.body))
	}
}

// A stored draft is checked as it would be published (its HTML export
// read back by the linter): a generated report has no error.
func TestReportLintStored(t *testing.T) {
	e, _ := reportEnv(t, storetest.Open(t, store.SQLite))
	office := e.login("office")
	page := createReport(t, office, e)
	id := strings.TrimPrefix(page, "/admin/annual-reports/")
	res := office.get("/admin/report-lint/" + id)
	if res.status != 200 || !strings.Contains(res.body, "2024年度报告（系统中的版本）") || !strings.Contains(res.body, "2024年") ||
		strings.Contains(res.body, "有错误的报告不能审核通过") {
		t.Fatalf("stored: %d %s", res.status, errorText(res.body))
	}
	if res := e.login("officer").get("/admin/report-lint/" + id); res.status != http.StatusForbidden {
		t.Errorf("科室信息员: %d", res.status)
	}
	if res := office.get("/admin/report-lint/999999"); res.status != http.StatusNotFound {
		t.Errorf("unknown report: %d", res.status)
	}
}
