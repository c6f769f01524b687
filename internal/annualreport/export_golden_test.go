package annualreport_test

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/annualreport"
	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// demoNow is when the demo agency is created for the golden reports: after
// the 2024 report's deadline, so every 2024 case is final.
var demoNow = time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)

// demoBuilt creates the demo agency with its applications and builds its
// 2024 report.
func demoBuilt(t *testing.T, s *store.Store) *annualreport.Built {
	t.Helper()
	ctx := context.Background()
	sum, err := demo.Create(ctx, s, demoNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.CreateApplications(ctx, s, sum, demoNow); err != nil {
		t.Fatal(err)
	}
	b, err := annualreport.Build(ctx, s, annualreport.BuildOptions{SiteID: sum.SiteID, Year: 2024,
		Unit: annualreport.UnitDepartment, UnitName: demo.Agency.Name})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
// Both engines must produce the same file.
var goldenMu sync.Mutex

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenMu.Lock()
	defer goldenMu.Unlock()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestExportGolden -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (go test -run TestExportGolden -update after checking the change):\n%s",
			name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d\nwant: %s\n got: %s", i+1, x, y)
		}
	}
	return "(same lines, different bytes)"
}

func export(t *testing.T, f annualreport.ExportFormat, b *annualreport.Built) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := annualreport.Export(&buf, f, b.Report, b.Findings); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return buf.Bytes()
}

// TestExportGolden writes the demo agency's 2024 report in every format and
// compares it with the golden files: JSON, HTML and Markdown as they are;
// DOCX as its document.xml (the zip's other parts carry no report data);
// XLSX as a dump of every sheet's cells, merges and number formats.
func TestExportGolden(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		b := demoBuilt(t, s)
		if annualreport.HasErrors(b.Findings) {
			t.Fatalf("the demo report has errors: %+v", b.Findings)
		}
		out := map[annualreport.ExportFormat][]byte{}
		for _, f := range annualreport.ExportFormats {
			out[f] = export(t, f, b)
		}
		golden(t, "demo-2024.json", out[annualreport.ExportJSON])
		golden(t, "demo-2024.html", out[annualreport.ExportHTML])
		golden(t, "demo-2024.md", out[annualreport.ExportMD])
		golden(t, "demo-2024.docx.txt", docxDump(t, out[annualreport.ExportDOCX]))
		golden(t, "demo-2024.xlsx.txt", xlsxDump(t, out[annualreport.ExportXLSX]))
		// The same report, read back format by format (export_*_test.go).
		t.Run("json", func(t *testing.T) { checkJSON(t, b, out[annualreport.ExportJSON]) })
		t.Run("html", func(t *testing.T) { checkHTML(t, b.Report, out[annualreport.ExportHTML]) })
		t.Run("md", func(t *testing.T) { checkMarkdown(t, b.Report, out[annualreport.ExportMD]) })
		t.Run("docx", func(t *testing.T) { checkDOCX(t, b.Report, out[annualreport.ExportDOCX]) })
		t.Run("xlsx", func(t *testing.T) { checkXLSX(t, b.Report, out[annualreport.ExportXLSX]) })
		t.Run("lint", func(t *testing.T) { checkLintRoundTrip(t, b.Report, out) })
	})
}

// docxDump unzips a DOCX, checks every XML part is well-formed and
// summarises word/document.xml: each paragraph's text, and each table row
// by row with every cell's gridSpan, vMerge and text.
func docxDump(t *testing.T, data []byte) []byte {
	t.Helper()
	body := parseDOCX(t, data)
	var out bytes.Buffer
	for _, blk := range body.Body.Blocks {
		if blk.Para != nil {
			fmt.Fprintf(&out, "p %s\n", blk.Para.Text())
			continue
		}
		fmt.Fprintf(&out, "table grid=%d\n", len(blk.Table.Grid))
		for i, row := range blk.Table.Rows {
			fmt.Fprintf(&out, " row %d header=%v:", i, row.Header != nil)
			for _, c := range row.Cells {
				fmt.Fprintf(&out, " [%s]%q", c.Props(), c.Text())
			}
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

func zipPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatalf("%s missing from the package", name)
	return nil
}

// xlsxDump lists every sheet: its merged ranges, then each non-empty cell
// with its raw value and its number format.
func xlsxDump(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&out, "== %s\n", sheet)
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range merges {
			fmt.Fprintf(&out, "merge %s:%s %q\n", m.GetStartAxis(), m.GetEndAxis(), m.GetCellValue())
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				typ, _ := f.GetCellType(sheet, cell)
				fmt.Fprintf(&out, "%s %s %q\n", cell, cellType(typ), v)
			}
		}
	}
	return out.Bytes()
}

func cellType(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "n"
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return "s"
	}
	return fmt.Sprint(t)
}
