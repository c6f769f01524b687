package annualreport_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/annualreport"
)

func TestAmountText(t *testing.T) {
	for in, want := range map[string]string{"0": "0.00", "12.5": "12.50", "3": "3.00", "0.012345": "0.012345", "7.25": "7.25"} {
		a, err := annualreport.ParseAmount(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := annualreport.AmountText(a); got != want {
			t.Errorf("AmountText(%s) = %s, want %s", in, got, want)
		}
	}
}

// A fee in 万元 that is not a whole number of 百元 is printed exactly (never
// rounded to two decimals, so the table and the narrative agree) and kept
// exact in the XLSX number; an imported cell holding text stays text.
func TestExportFeeAndInvalidCells(t *testing.T) {
	r := annualreport.New(2024, annualreport.UnitDepartment, annualreport.Format2021)
	r.UnitName = "某局"
	fee, _ := annualreport.ParseAmount("0.12345")
	if err := r.Set(annualreport.TableTwo, annualreport.RowAdminFees, annualreport.ColFeeAmount, fee); err != nil {
		t.Fatal(err)
	}
	bad := annualreport.Key{Table: annualreport.TableFour, Row: annualreport.FourDirect, Col: annualreport.ColPending}
	if err := r.SetCell(bad, annualreport.Cell{Invalid: true, Raw: "/"}); err != nil {
		t.Fatal(err)
	}
	var md, page, xl bytes.Buffer
	if err := annualreport.WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| 行政事业性收费 | 0.12345 |") {
		t.Errorf("md fee: %s", md.String())
	}
	if err := annualreport.WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), `<td colspan="3">0.12345</td>`) || !strings.Contains(page.String(), "<td>/</td>") {
		t.Errorf("html fee or invalid cell missing")
	}
	if err := annualreport.WriteXLSX(&xl, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, _ := f.GetCellValue(annualreport.XLSXSheets[annualreport.TableTwo], "B15", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue(annualreport.XLSXSheets[annualreport.TableTwo], "B15")
	if raw != "0.12345" || shown != "0.12" {
		t.Errorf("xlsx fee raw %q shown %q, want 0.12345 shown 0.12", raw, shown)
	}
	if v, _ := f.GetCellValue(annualreport.XLSXSheets[annualreport.TableFour], "I5"); v != "/" {
		t.Errorf("xlsx invalid cell %q", v)
	}
}

// The 2019 trial format (imported reports) lays out too: every row of
// every table covers the grid, including table 二's two-column blocks.
func TestGrids2019(t *testing.T) {
	r := annualreport.New(2020, annualreport.UnitDepartment, annualreport.Format2019)
	for _, g := range annualreport.Grids(r) {
		for i, row := range g.Matrix() {
			for j, s := range row {
				if s.Cell == nil {
					t.Errorf("table %s: (%d,%d) uncovered", g.Table, i, j)
				}
			}
		}
	}
	var b bytes.Buffer
	if err := annualreport.WriteDOCX(&b, r); err != nil {
		t.Fatal(err)
	}
	checkDOCXWellFormed(t, b.Bytes())
}

func checkDOCXWellFormed(t *testing.T, data []byte) {
	t.Helper()
	doc := parseDOCX(t, data)
	n := 0
	for _, blk := range doc.Body.Blocks {
		if blk.Table != nil {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d tables, want 3", n)
	}
}
