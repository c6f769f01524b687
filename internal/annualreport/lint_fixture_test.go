package annualreport

import (
	"archive/zip"
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A correct report is read cell for cell and has no finding, in each
// input kind (the HTML fixture uses rowspan, colspan and <br> inside
// header cells as government pages do, plus page clutter and a script).
func TestLintValidFixtures(t *testing.T) {
	for _, c := range []struct {
		file string
		kind InputKind
	}{{"valid-2021.txt", KindText}, {"valid-2021.html", KindHTML}, {"valid-2019.txt", KindText}} {
		data, err := os.ReadFile("testdata/lint/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectKind(c.file, data[:512]); got != c.kind {
			t.Errorf("%s detected as %s", c.file, got)
		}
		res, err := LintReport(bytes.NewReader(data), c.kind)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			t.Errorf("%s: L%d %s %s %s", c.file, f.Line, f.Severity, f.Code, f.Message)
		}
		r := res.Report
		if strings.Contains(c.file, "2019") {
			if res.Year != 2020 || res.Format != Format2019 || r.Value(TableTwo, RowProcure, ColProcureA9).String() != "36.5" ||
				r.Count(TableTwo, RowLicensing, ColDelta9) != -1 || r.Count(TableThree, ThreeOther, ColTotal) != 0 {
				t.Errorf("%s read as year %d format %d", c.file, res.Year, res.Format)
			}
			continue
		}
		if res.Year != 2023 || res.Unit != UnitDepartment || res.UnitName != "示例市交通运输局" || res.Format != Format2021 {
			t.Errorf("%s: year %d unit %s %q format %d", c.file, res.Year, res.Unit, res.UnitName, res.Format)
		}
		checks := []struct {
			t        Table
			row, col string
			want     string
		}{
			{TableTwo, RowNormative, ColInForce, "12"},
			{TableTwo, RowAdminFees, ColFeeAmount, "1.25"},
			{TableThree, ThreeReceived, ColTotal, "14"},
			{TableThree, "1.本机关不掌握相关政府信息", ColLegalService, "1"},
			{TableThree, ThreeTotal, ColPerson, "11"},
			{TableThree, ThreeCarriedOut, ColBusiness, "1"},
			{TableFour, FourReconsideration, ColPending, "1"},
			{TableFour, FourAfter, ColTotal, "1"},
		}
		for _, ch := range checks {
			if got := r.Value(ch.t, ch.row, ch.col).String(); got != ch.want {
				t.Errorf("%s: %s/%s/%s = %s, want %s", c.file, ch.t, ch.row, ch.col, got, ch.want)
			}
		}
	}
}

// The seed report gives the same findings whether it is copied text, the
// page's HTML or a DOCX.
func TestLintSeedInEveryKind(t *testing.T) {
	data, err := os.ReadFile("testdata/lint/real/annual-report-2023-huangshi-jingxin.txt")
	if err != nil {
		t.Fatal(err)
	}
	keys := func(in []byte, kind InputKind) []string {
		res, err := LintReport(bytes.NewReader(in), kind)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, findingKey(f))
		}
		slices.Sort(out)
		return out
	}
	want := slices.Sorted(slices.Values(realFindings["annual-report-2023-huangshi-jingxin.txt"]))
	for kind, in := range map[InputKind][]byte{KindText: data, KindHTML: toHTML(string(data)), KindDOCX: toDOCX(t, string(data))} {
		if got := keys(in, kind); !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", kind, got, want)
		}
	}
}

func TestLintBadInput(t *testing.T) {
	for name, in := range map[string][]byte{
		"not a zip":        []byte("PK\x03\x04 broken"),
		"zip without body": buildZip(t, "word/other.xml", "<x/>"),
		"broken xml":       buildZip(t, "word/document.xml", "<w:document><w:body><w:p>"),
	} {
		if _, err := LintReport(bytes.NewReader(in), KindDOCX); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := LintReport(strings.NewReader("x"), "pdf"); err == nil {
		t.Error("unknown kind accepted")
	}
	for name, in := range map[string]string{"pdf": "%PDF-1.7 ...", "doc": "\xd0\xcf\x11\xe0\xa1\xb1"} {
		if _, err := LintReport(strings.NewReader(in), KindText); err == nil {
			t.Errorf("%s accepted as text", name)
		}
	}
	// Empty or unrelated text: no tables to check, said so, no crash.
	res, err := LintReport(strings.NewReader("这不是年度报告。"), KindText)
	if err != nil || len(res.Findings) == 0 {
		t.Errorf("unrelated text: %v %v", err, res)
	}
	fs, err := Lint(strings.NewReader(""), KindText)
	if err != nil || fs == nil {
		t.Errorf("empty text: %v %v", err, fs)
	}
}

// Two years of the same unit: last year's 结转下年度 is this year's 上年结转
// (G7), and 现行有效 follows from last year's (spec §2.2); both warnings.
func TestLintAcrossYears(t *testing.T) {
	data, err := os.ReadFile("testdata/lint/valid-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	lint := func(s string) *LintResult {
		res, err := LintReport(strings.NewReader(s), KindText)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	cur := lint(string(data))
	// Last year's report as the fixture dated 2022: it carried 1 商业企业
	// application over (this year's 二 says 1 自然人), with 11 in force.
	prev := lint(strings.NewReplacer("2023", "2022", "行政规范性文件 | 3 | 1 | 12 |", "行政规范性文件 | 3 | 1 | 11 |").Replace(string(data)))
	var got []string
	for _, f := range LintAcross(prev, cur) {
		got = append(got, findingKey(f))
		if f.Severity != SevWarning || f.Line == 0 {
			t.Errorf("%+v", f)
		}
	}
	slices.Sort(got)
	want := []string{"W carry-over 三/二、上年结转政府信息公开申请数量/商业企业", "W carry-over 三/二、上年结转政府信息公开申请数量/自然人",
		"W in-force 二/行政规范性文件/现行有效件数"}
	if !slices.Equal(got, want) {
		t.Errorf("across years\n got %q\nwant %q", got, want)
	}
	if fs := LintAcross(cur, prev); fs != nil {
		t.Errorf("years in the wrong order compared: %v", fs)
	}
	// A cut report compares only what it shows.
	cut := lint(string(data[:bytes.Index(data, []byte("二、上年结转"))]))
	cut.Year = 2024
	for _, f := range LintAcross(cur, cut) {
		t.Errorf("compared a cell the cut report does not show: %+v", f)
	}
}

// Pages of older CMSs and text saved by older Windows tools are GBK.
func TestLintGBK(t *testing.T) {
	for file, kind := range map[string]InputKind{"valid-2021.txt": KindText, "valid-2021.html": KindHTML} {
		data, err := os.ReadFile("testdata/lint/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if kind == KindHTML {
			data = bytes.Replace(data, []byte(`<meta charset="utf-8">`), []byte(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), 1)
		}
		gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		res, err := LintReport(bytes.NewReader(gbk), kind)
		if err != nil || len(res.Findings) != 0 || res.Year != 2023 || res.Report.Count(TableThree, ThreeReceived, ColTotal) != 14 {
			t.Errorf("%s in GBK: %v %+v", file, err, res)
		}
	}
}

func buildZip(t *testing.T, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
