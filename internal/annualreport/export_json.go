package annualreport

import (
	"encoding/json"
	"io"
)

// reportJSON is the JSON export: the report's identity, its sections, every
// table cell with its canonical row and column label, and the check results.
type reportJSON struct {
	Title     string        `json:"title"`
	Year      int           `json:"year"`
	Unit      UnitKind      `json:"unit"`
	UnitName  string        `json:"unit_name"`
	Format    Format        `json:"format"`
	Sections  []sectionJSON `json:"sections"`
	Cells     []CellJSON    `json:"cells"`
	Findings  []Finding     `json:"findings"`
	HasErrors bool          `json:"has_errors"`
}

type sectionJSON struct {
	Section Section `json:"section"`
	Title   string  `json:"title"`
	Text    string  `json:"text"`
}

// WriteJSON writes the JSON export (indented, stable order).
func WriteJSON(w io.Writer, r *Report, findings []Finding) error {
	doc := reportJSON{Title: r.Title(), Year: r.Year, Unit: r.Unit, UnitName: r.UnitName, Format: r.Format,
		Cells: r.CellList(), Findings: findings, HasErrors: HasErrors(findings)}
	if doc.Findings == nil {
		doc.Findings = []Finding{}
	}
	for _, s := range Sections {
		doc.Sections = append(doc.Sections, sectionJSON{Section: s, Title: s.Title(), Text: r.Sections[s]})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
