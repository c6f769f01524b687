package annualreport

import (
	"fmt"

	"gongkai/internal/workday"
)

// UnitKind is the kind of organ publishing the report. It decides the
// deadline (条例第四十九条) and which figures are plausible (规章 power).
type UnitKind string

const (
	// UnitDepartment is a 县级以上人民政府部门 (e.g. a municipal bureau):
	// report by 1月31日; departments of local governments issue no 规章.
	UnitDepartment UnitKind = "department"
	// UnitGovernment is a 县级以上地方人民政府: report by 3月31日.
	UnitGovernment UnitKind = "government"
	// UnitTownship is a 乡镇人民政府 or 街道办事处: not covered by 条例第四十九条
	// (local rules decide); never has 规章 power.
	UnitTownship UnitKind = "township"
)

// UnitKinds lists the kinds for forms.
var UnitKinds = []UnitKind{UnitDepartment, UnitGovernment, UnitTownship}

// Label is the Chinese name shown to staff.
func (u UnitKind) Label() string {
	switch u {
	case UnitDepartment:
		return "政府部门"
	case UnitGovernment:
		return "人民政府"
	case UnitTownship:
		return "乡镇（街道）"
	}
	return string(u)
}

// Valid reports whether u is known.
func (u UnitKind) Valid() bool { return u.Label() != string(u) }

// Deadline is the last day to publish the report of year: 条例第四十九条,
// departments before 1月31日 and governments before 3月31日 of the next
// year. Townships follow local rules; the government date is the default.
func (u UnitKind) Deadline(year int) workday.Date {
	if u == UnitDepartment {
		return workday.NewDate(year+1, 1, 31)
	}
	return workday.NewDate(year+1, 3, 31)
}

// MayIssueRules reports whether the unit can plausibly issue 规章
// (立法法: only 国务院部门 and the governments of provinces and 设区的市;
// never a local department, a 乡镇 or a 街道). A county government has no
// 规章 power either, but the unit kind cannot tell it from a city one,
// so governments are given the benefit of the doubt.
func (u UnitKind) MayIssueRules() bool { return u == UnitGovernment }

// Cell is the content of one table cell.
type Cell struct {
	Value Amount
	// Blank: the source left the cell empty; it reads as 0 and is flagged
	// (spec §2.5 "Data blanks"). Generated reports never have blanks.
	Blank bool
	// Invalid: the source held text that is not a number ("/", "—", "无");
	// Raw keeps it for the message.
	Invalid bool
	Raw     string
}

// Report is one year's annual report: the tables as cells addressed by
// canonical labels, and the six sections' text. For sections 二, 三 and 四
// the text is the narrative shown before the table.
type Report struct {
	Year     int
	Unit     UnitKind
	UnitName string // 发布机构, e.g. "黄石市经信局"
	Format   Format
	// Imported: read from a report published before the platform (the
	// baseline of carry-over and 现行有效), not built from its records.
	Imported bool
	Sections map[Section]string
	cells    map[Key]Cell
}

// New makes an empty report of a format with every cell at an explicit 0.
func New(year int, unit UnitKind, f Format) *Report {
	if f != Format2019 {
		f = Format2021
	}
	keys := Keys(f)
	r := &Report{Year: year, Unit: unit, Format: f, Sections: map[Section]string{}, cells: make(map[Key]Cell, len(keys))}
	for _, k := range keys {
		r.cells[k] = Cell{}
	}
	return r
}

// Keys lists the report's cells in reading order.
func (r *Report) Keys() []Key { return Keys(r.Format) }

// Cell reads a cell; ok is false for a key outside the format.
func (r *Report) Cell(k Key) (Cell, bool) {
	c, ok := r.cells[k]
	return c, ok
}

// Value is a cell's value (0 for an unknown key).
func (r *Report) Value(t Table, row, col string) Amount { return r.cells[Key{t, row, col}].Value }

// Count is a cell's value as an integer count.
func (r *Report) Count(t Table, row, col string) int64 { return r.Value(t, row, col).Int64() }

// Set stores a value in a cell addressed by canonical labels.
func (r *Report) Set(t Table, row, col string, v Amount) error {
	return r.SetCell(Key{t, row, col}, Cell{Value: v})
}

// SetCount stores an integer count.
func (r *Report) SetCount(t Table, row, col string, n int64) error {
	return r.Set(t, row, col, Int(n))
}

// SetCell stores a cell with its blank/invalid flags.
func (r *Report) SetCell(k Key, c Cell) error {
	if !validKey(r.Format, k) {
		return fmt.Errorf("annualreport: no cell %s/%s/%s in the %d format", k.Table, k.Row, k.Col, r.Format)
	}
	r.cells[k] = c
	return nil
}

// Cells returns a copy of every cell, for JSON exports and storage.
func (r *Report) Cells() map[Key]Cell {
	out := make(map[Key]Cell, len(r.cells))
	for k, c := range r.cells {
		out[k] = c
	}
	return out
}

// Clone copies the report (cells and sections).
func (r *Report) Clone() *Report {
	c := *r
	c.cells = r.Cells()
	c.Sections = make(map[Section]string, len(r.Sections))
	for s, t := range r.Sections {
		c.Sections[s] = t
	}
	return &c
}
