package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/annualreport"
	"gongkai/internal/demo"
	"gongkai/internal/store"
)

// demoData creates a data dir holding the demo agency with its
// applications (three years, as a fresh installation has them).
func demoData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st := openData(t, dir, "")
	ctx := context.Background()
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	sum, err := demo.Create(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.CreateApplications(ctx, st, sum, now); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return dir
}

// TestReportBuildCommand writes the demo agency's 2024 report in every
// format and reads each file back.
func TestReportBuildCommand(t *testing.T) {
	dir := demoData(t)
	out := t.TempDir()
	built, err := annualreport.Build(context.Background(), openData(t, dir, ""), annualreport.BuildOptions{
		SiteID: 1, Year: 2024, Unit: annualreport.UnitDepartment, UnitName: demo.Agency.Name, IncludeEarlierReviews: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range annualreport.ExportFormats {
		file := filepath.Join(out, "report."+string(f))
		r := gk(t, "report", "build", "--data", dir, "--year", "2024", "--format", string(f), "--out", file)
		if r.code != 0 || !strings.Contains(r.out, "已生成2024年度报告") || !strings.Contains(r.out, "0 项错误") {
			t.Fatalf("%s: %+v", f, r)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		switch f {
		case annualreport.ExportJSON:
			var doc struct {
				Cells    []annualreport.CellJSON `json:"cells"`
				Findings []annualreport.Finding  `json:"findings"`
			}
			if err := json.Unmarshal(data, &doc); err != nil || len(doc.Cells) != len(built.Report.Keys()) {
				t.Fatalf("json: %d cells, %v", len(doc.Cells), err)
			}
			for _, c := range doc.Cells {
				if v, _ := annualreport.ParseAmount(c.Value); v != built.Report.Value(c.Table, c.Row, c.Col) {
					t.Errorf("json %s/%s/%s = %s", c.Table, c.Row, c.Col, c.Value)
				}
			}
		case annualreport.ExportHTML:
			if !bytes.Contains(data, []byte(`rowspan="22"`)) || !bytes.Contains(data, []byte(demo.Agency.Name+"2024年政府信息公开工作年度报告")) {
				t.Errorf("html: %.300s", data)
			}
		case annualreport.ExportMD:
			if !bytes.Contains(data, []byte("| "+annualreport.ThreeCarriedOut+" |")) {
				t.Errorf("md lacks the label row %s", annualreport.ThreeCarriedOut)
			}
		case annualreport.ExportDOCX:
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil || len(zr.File) == 0 {
				t.Fatalf("docx: %v", err)
			}
		case annualreport.ExportXLSX:
			x, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			v, _ := x.GetCellValue("三、收到和处理政府信息公开申请情况", "J5") // 一、本年新收 / 总计
			if want := built.Report.Value(annualreport.TableThree, annualreport.ThreeReceived, annualreport.ColTotal).String(); v != want {
				t.Errorf("xlsx J5 = %q, want %s", v, want)
			}
			x.Close()
		}
	}
	// Standard output carries the report alone.
	r := gk(t, "report", "build", "--data", dir, "--year", "2024", "--format", "md", "--out", "-")
	if r.code != 0 || !strings.HasPrefix(r.out, "# "+demo.Agency.Name) || strings.Contains(r.out, "已生成") {
		t.Fatalf("stdout: %+v", r)
	}
	for _, bad := range [][]string{
		{"--format", "pdf", "--out", "x"}, {"--format", "md"}, {"--year", "1999", "--format", "md", "--out", "-"},
	} {
		args := append([]string{"report", "build", "--data", dir}, bad...)
		if !strings.Contains(strings.Join(bad, " "), "--year") {
			args = append(args, "--year", "2024")
		}
		if r := gk(t, args...); r.code != 1 || !strings.Contains(r.err, "错误:") {
			t.Errorf("%v: %+v", bad, r)
		}
	}
}

// TestReportImportCommand imports last year's published report as the
// baseline: carry-over (G7) and 现行有效 continue from it.
func TestReportImportCommand(t *testing.T) {
	dir := t.TempDir()
	st := openData(t, dir, "")
	site := seedSite(t, st)

	// Last year's report as published elsewhere: 3 applications carried
	// over, 9 normative documents in force.
	last := annualreport.New(2023, annualreport.UnitDepartment, annualreport.Format2021)
	last.UnitName = site.Name
	for _, s := range annualreport.Sections {
		last.Sections[s] = "本部分为第" + s.Numeral() + "部分正文，如实报告本年度情况。"
	}
	set := func(t2 annualreport.Table, row, col string, n int64) {
		if err := last.SetCount(t2, row, col, n); err != nil {
			t.Fatal(err)
		}
	}
	set(annualreport.TableTwo, annualreport.RowNormative, annualreport.ColInForce, 9)
	for _, row := range []string{annualreport.ThreeReceived, annualreport.ThreeCarriedOut} {
		set(annualreport.TableThree, row, annualreport.ColPerson, 3)
		set(annualreport.TableThree, row, annualreport.ColTotal, 3)
	}
	var page bytes.Buffer
	if err := annualreport.WriteHTML(&page, last); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "2023.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	if r := gk(t, "report", "import", file, "--data", dir, "--year", "2022"); r.code != 1 || !strings.Contains(r.err, "是2023年度的报告") {
		t.Fatalf("wrong year: %+v", r)
	}
	if r := gk(t, "report", "import", lintData+"real/001.txt", "--data", dir, "--year", "2024"); r.code != 1 || !strings.Contains(r.err, "节选") {
		t.Fatalf("partial capture: %+v", r)
	}
	r := gk(t, "report", "import", file, "--data", dir, "--year", "2023")
	if r.code != 0 || !strings.Contains(r.out, "上年结转基数 3 件") || !strings.Contains(r.out, "现行有效 9 件") ||
		!strings.Contains(r.out, "按原收到日期补录结转到2024年度的3件申请") {
		t.Fatalf("import: %+v", r)
	}
	if r := gk(t, "report", "import", file, "--data", dir, "--year", "2023"); r.code != 1 || !strings.Contains(r.err, "已有2023年度报告") {
		t.Fatalf("second import: %+v", r)
	}
	rec, err := st.AnnualReportFor(context.Background(), site.ID, 2023)
	if err != nil || rec.State != store.ReportPublished || rec.Source != store.ReportImported || rec.Cells == "" ||
		!strings.Contains(rec.Sections[4], "本部分为第五部分正文") {
		t.Fatalf("stored: %s %s %q, %v", rec.State, rec.Source, rec.Sections, err)
	}

	// The 2024 report continues from the baseline: 现行有效 starts at 9, and
	// the 3 applications carried over must be registered (G7 says so until
	// they are).
	b, err := annualreport.Build(context.Background(), st, annualreport.BuildOptions{SiteID: site.ID, Year: 2024,
		Unit: annualreport.UnitDepartment, UnitName: site.Name})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Report.Count(annualreport.TableTwo, annualreport.RowNormative, annualreport.ColInForce); got != 9 {
		t.Errorf("2024 现行有效 = %d, want 9 from the imported baseline", got)
	}
	g7, gap := false, false
	for _, f := range b.Findings {
		g7 = g7 || f.Code == annualreport.CodeCarryOver && f.Col == annualreport.ColTotal
		gap = gap || f.Code == annualreport.CodeCarryOverGap && strings.Contains(f.Message, "平台登记0件，请在依申请公开登记中补录")
	}
	if !gap {
		t.Errorf("no carry-over-gap warning saying what to register: %+v", b.Findings)
	}
	if !g7 {
		t.Errorf("no carry-over warning although 3 applications were carried over: %+v", b.Findings)
	}

	// The seed report (text copied from the web) imports too, its year read
	// from the text and its findings printed: the figures are what was
	// published, wrong or not, and later reports are checked against them.
	dir2 := t.TempDir()
	seedSite(t, openData(t, dir2, ""))
	r = gk(t, "report", "import", lintData+"real/annual-report-2023-huangshi-jingxin.txt", "--data", dir2, "--year", "2023")
	if r.code != 0 || !strings.Contains(r.out, "[narrative-mismatch]") || !strings.Contains(r.out, "已导入") {
		t.Fatalf("seed: %+v", r)
	}
}
