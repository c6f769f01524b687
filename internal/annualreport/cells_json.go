package annualreport

import (
	"encoding/json"
	"fmt"
)

// CellJSON is one cell as stored (annual_reports.cells) and exported: its
// canonical labels and its value as an exact decimal string.
type CellJSON struct {
	Table   Table  `json:"table"`
	Row     string `json:"row"`
	Col     string `json:"col"`
	Value   string `json:"value"`
	Blank   bool   `json:"blank,omitempty"`
	Invalid bool   `json:"invalid,omitempty"`
	Raw     string `json:"raw,omitempty"`
}

type cellsDoc struct {
	Format Format     `json:"format"`
	Cells  []CellJSON `json:"cells"`
}

// CellList lists every cell of r in reading order.
func (r *Report) CellList() []CellJSON {
	var out []CellJSON
	for _, k := range r.Keys() {
		c := r.cells[k]
		out = append(out, CellJSON{Table: k.Table, Row: k.Row, Col: k.Col, Value: c.Value.String(),
			Blank: c.Blank, Invalid: c.Invalid, Raw: c.Raw})
	}
	return out
}

// MarshalCells freezes the tables as JSON (approval, import).
func MarshalCells(r *Report) (string, error) {
	b, err := json.Marshal(cellsDoc{Format: r.Format, Cells: r.CellList()})
	return string(b), err
}

// UnmarshalCells restores frozen tables into r, whose format it sets. A
// cell outside the format or a value that is not a number is an error;
// cells the JSON does not name stay 0.
func UnmarshalCells(r *Report, s string) error {
	var doc cellsDoc
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		return fmt.Errorf("annualreport: frozen cells: %w", err)
	}
	if doc.Format != Format2019 && doc.Format != Format2021 {
		return fmt.Errorf("annualreport: frozen cells: unknown format %d", doc.Format)
	}
	fresh := New(r.Year, r.Unit, doc.Format)
	for _, c := range doc.Cells {
		v, err := ParseAmount(c.Value)
		if err != nil && !c.Invalid {
			return fmt.Errorf("annualreport: frozen cell %s/%s/%s: %q is not a number", c.Table, c.Row, c.Col, c.Value)
		}
		if err := fresh.SetCell(Key{c.Table, c.Row, c.Col}, Cell{Value: v, Blank: c.Blank, Invalid: c.Invalid, Raw: c.Raw}); err != nil {
			return err
		}
	}
	r.Format, r.cells = fresh.Format, fresh.cells
	return nil
}
