package xlsxout

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteSheetsInOrderWithHeader(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf,
		Sheet{Name: "总体情况", Widths: []float64{30, 12}, Rows: [][]any{{"项目", "结果"}, {"得分", 92}}},
		Sheet{Name: "月报", Widths: []float64{6, 40, 12}, Titles: 2,
			Rows: [][]any{{"某站 2024-05 转载情况月报"}, {"应转载3条"}, {"序号", "标题", "情况"}, {1, "通知", "按时"}}},
		Sheet{Name: "空表", Widths: []float64{10}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"总体情况", "月报", "空表"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v (no default Sheet1 left)", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("the workbook opens on sheet %d, want the first", f.GetActiveSheetIndex())
	}
	rows, err := f.GetRows("总体情况")
	if err != nil || len(rows) != 2 || rows[1][0] != "得分" || rows[1][1] != "92" {
		t.Fatalf("rows = %v, %v", rows, err)
	}
	if w, _ := f.GetColWidth("月报", "B"); w != 40 {
		t.Errorf("column B width = %v, want 40", w)
	}
	bold := func(sheet, cell string) bool {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Font != nil && st.Font.Bold
	}
	for _, c := range []struct {
		sheet, cell string
		want        bool
	}{
		{"总体情况", "A1", true}, {"总体情况", "B1", true}, {"总体情况", "A2", false},
		{"月报", "A1", false}, {"月报", "A3", true}, {"月报", "C3", true}, {"月报", "A4", false},
	} {
		if got := bold(c.sheet, c.cell); got != c.want {
			t.Errorf("%s!%s bold = %v, want %v", c.sheet, c.cell, got, c.want)
		}
	}
}
