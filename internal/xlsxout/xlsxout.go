// Package xlsxout writes the platform's XLSX exports (the inspection
// report and 通报, the 政民互动 statistics, the monthly repost report) in one
// house layout: named sheets in order, set column widths, rows from A1 and
// a bold shaded header row, so every workbook a 公开办 hands on looks alike.
package xlsxout

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet is one worksheet: its name, column widths (from column A) and rows
// (from row 1). Titles counts the rows above the header row (a report's
// title lines); the header row after them is shown bold and shaded.
type Sheet struct {
	Name   string
	Widths []float64
	Rows   [][]any
	Titles int
}

// Write writes the sheets, in order, as a workbook to w; the first sheet
// is the one the workbook opens on.
func Write(w io.Writer, sheets ...Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if err := add(f, i == 0, s); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// add writes s to f; the first sheet takes the place of excelize's default
// "Sheet1", so no empty sheet is left behind.
func add(f *excelize.File, first bool, s Sheet) error {
	if first {
		if err := f.SetSheetName("Sheet1", s.Name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(s.Name); err != nil {
		return err
	}
	for i, w := range s.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.Name, col, col, w); err != nil {
			return err
		}
	}
	for r, row := range s.Rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(s.Name, cell, &row); err != nil {
			return err
		}
	}
	if len(s.Rows) <= s.Titles {
		return nil // no header row
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "宋体"},
		Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	if err != nil {
		return err
	}
	from, _ := excelize.CoordinatesToCellName(1, s.Titles+1)
	to, _ := excelize.CoordinatesToCellName(max(len(s.Widths), 1), s.Titles+1)
	return f.SetCellStyle(s.Name, from, to, header)
}
