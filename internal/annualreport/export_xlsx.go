package annualreport

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// XLSXSheets are the sheet names, one per table (spec legal-rules §2.1
// headings; Excel allows 31 characters and no : \ / ? * [ ]).
var XLSXSheets = map[Table]string{
	TableTwo:   Section(2).Title(),
	TableThree: Section(3).Title(),
	TableFour:  Section(4).Title(),
}

// XLSXFirstRow is the sheet row of a grid's first row: row 1 holds the
// title (report and table), merged across the table.
const XLSXFirstRow = 2

// xlsxWidths are column widths in characters per table.
var xlsxWidths = map[Table][]float64{
	TableTwo:   {22, 16, 16, 16},
	TableThree: {8, 14, 44, 9, 9, 9, 11, 11, 9, 9},
	TableFour:  {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9},
}

// WriteXLSX writes one sheet per table in 宋体 with the merged header and
// label cells of the format; counts are integer numbers, 行政事业性收费 a
// number in 万元 shown with two decimals.
func WriteXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	for i, g := range Grids(r) {
		name := XLSXSheets[g.Table]
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err == nil {
			err = xlsxGrid(f, name, r, g, st)
		}
		if err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

type xlsxStyles struct{ title, head, label, count, amount int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	two := "0.00"
	var s xlsxStyles
	var err error
	for _, d := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(true, 14), Alignment: center}},
		{&s.head, excelize.Style{Font: font(true, 11), Alignment: center, Border: border}},
		{&s.label, excelize.Style{Font: font(false, 11), Alignment: left, Border: border}},
		{&s.count, excelize.Style{Font: font(false, 11), Alignment: center, Border: border, NumFmt: 1}},
		{&s.amount, excelize.Style{Font: font(false, 11), Alignment: center, Border: border, CustomNumFmt: &two}},
	} {
		if *d.dst, err = f.NewStyle(&d.style); err != nil {
			return s, err
		}
	}
	return s, nil
}

func xlsxGrid(f *excelize.File, sheet string, r *Report, g Grid, st xlsxStyles) error {
	for i, wd := range xlsxWidths[g.Table] {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, wd); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(g.Cols, 1)
	if err := f.MergeCell(sheet, "A1", last); err != nil {
		return err
	}
	if err := f.SetCellStr(sheet, "A1", r.Title()+" "+g.Table.Section().Title()); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last, st.title); err != nil {
		return err
	}
	_ = f.SetRowHeight(sheet, 1, 28)
	for i, row := range g.Matrix() {
		for j, slot := range row {
			if slot.Cell == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+XLSXFirstRow)
			style := st.label
			switch c := slot.Cell; {
			case c.Head || (!c.Label && c.Key == nil):
				style = st.head
			case c.Key != nil:
				style = st.count
				if kind, _ := KindOf(r.Format, *c.Key); kind == KindAmount {
					style = st.amount
				}
			}
			// Every covered cell gets the style so merged areas keep their borders.
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return err
			}
			if !slot.Top || !slot.Left {
				continue
			}
			if err := xlsxValue(f, sheet, cell, r, slot.Cell); err != nil {
				return err
			}
			if slot.Cell.RowSpan > 1 || slot.Cell.ColSpan > 1 {
				end, _ := excelize.CoordinatesToCellName(j+slot.Cell.ColSpan, i+XLSXFirstRow+slot.Cell.RowSpan-1)
				if err := f.MergeCell(sheet, cell, end); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// xlsxValue writes a label as text and a data cell as a number (a cell the
// source held as text that is not a number stays text).
func xlsxValue(f *excelize.File, sheet, cell string, r *Report, c *GridCell) error {
	if c.Key == nil {
		return f.SetCellStr(sheet, cell, c.Text)
	}
	v, _ := r.Cell(*c.Key)
	switch kind, _ := KindOf(r.Format, *c.Key); {
	case v.Invalid:
		return f.SetCellStr(sheet, cell, v.Raw)
	case kind == KindAmount || !v.Value.IsInt():
		n, err := strconv.ParseFloat(v.Value.String(), 64)
		if err != nil {
			return err
		}
		return f.SetCellFloat(sheet, cell, n, -1, 64)
	}
	return f.SetCellInt(sheet, cell, v.Value.Int64())
}
