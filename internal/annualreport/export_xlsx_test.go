package annualreport_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/annualreport"
)

// checkXLSX reopens the workbook: one sheet per table, merged cells as in
// the format, numbers stored as numbers, 宋体, the fee shown with two
// decimals, and column widths set.
func checkXLSX(t *testing.T, r *annualreport.Report, data []byte) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	want := []string{"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"}
	if strings.Join(sheets, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", sheets, want)
	}
	var tables []ltable
	for i, sheet := range sheets {
		tb := []annualreport.Table{annualreport.TableTwo, annualreport.TableThree, annualreport.TableFour}[i]
		tables = append(tables, xlsxTable(t, f, sheet, gridCols[tb]))
		if w, err := f.GetColWidth(sheet, "B"); err != nil || w < 8 {
			t.Errorf("%s: column B width %v, %v", sheet, w, err)
		}
	}
	checkLayout(t, "xlsx", tables, r)

	// The fee: a number with the two-decimal format; counts: integers.
	fee := findCell(t, f, sheets[0], annualreport.RowAdminFees, 1)
	if typ, _ := f.GetCellType(sheets[0], fee); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("the fee cell %s has type %v, want a number", fee, typ)
	}
	if shown, _ := f.GetCellValue(sheets[0], fee); !strings.Contains(shown, ".") || len(shown)-strings.Index(shown, ".") != 3 {
		t.Errorf("the fee is shown as %q, want two decimals", shown)
	}
	received := findCell(t, f, sheets[1], annualreport.ThreeReceived, 7) // 总计
	if typ, _ := f.GetCellType(sheets[1], received); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("the count cell %s has type %v, want a number", received, typ)
	}
	style, err := f.GetCellStyle(sheets[1], received)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil || st.Font == nil || st.Font.Family != "宋体" {
		t.Errorf("the count cell's font is %+v (%v), want 宋体", st, err)
	}
}

// xlsxTable reads a sheet's table (from row annualreport.XLSXFirstRow) with
// its merged ranges as spans.
func xlsxTable(t *testing.T, f *excelize.File, sheet string, cols int) ltable {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	type span struct{ rows, cols int }
	spans := map[[2]int]span{}
	covered := map[[2]int]bool{}
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		spans[[2]int{r1, c1}] = span{r2 - r1 + 1, c2 - c1 + 1}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					covered[[2]int{r, c}] = true
				}
			}
		}
	}
	var out [][]spanCell
	for r := annualreport.XLSXFirstRow; r <= len(rows); r++ {
		var row []spanCell
		for c := 1; c <= cols; c++ {
			if covered[[2]int{r, c}] {
				continue
			}
			v := ""
			if c-1 < len(rows[r-1]) {
				v = rows[r-1][c-1]
			}
			sp, ok := spans[[2]int{r, c}]
			if !ok {
				sp = span{1, 1}
			}
			row = append(row, spanCell{text: v, rowspan: sp.rows, colspan: sp.cols})
		}
		out = append(out, row)
	}
	return layoutHTML(out)
}

// findCell is the cell holding the value offset columns right of the label.
func findCell(t *testing.T, f *excelize.File, sheet, label string, offset int) string {
	t.Helper()
	got, err := f.SearchSheet(sheet, label)
	if err != nil || len(got) == 0 {
		t.Fatalf("%s: no cell %q (%v)", sheet, label, err)
	}
	c, r, _ := excelize.CellNameToCoordinates(got[0])
	// Table 三's row labels span three columns: the values start after them.
	if sheet != "二、主动公开政府信息情况" {
		c = 3
	}
	name, _ := excelize.CoordinatesToCellName(c+offset, r)
	return name
}
