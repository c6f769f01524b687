package annualreport_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"gongkai/internal/annualreport"
)

// mdTables splits Markdown into its tables: rows of trimmed cells, the
// separator line dropped.
func mdTables(md string) [][][]string {
	var out [][][]string
	var cur [][]string
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			if cur != nil {
				out, cur = append(out, cur), nil
			}
			continue
		}
		if strings.Trim(line, "|-: ") == "" {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		cur = append(cur, cells)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// checkMarkdown: table 二 as one table per block, table 三 and 四 whole;
// every label cell is the canonical label, in the format's order, and the
// values are the report's.
func checkMarkdown(t *testing.T, r *annualreport.Report, md []byte) {
	tables := mdTables(string(md))
	blocks := annualreport.TwoBlocks(annualreport.Format2021)
	if len(tables) != len(blocks)+2 {
		t.Fatalf("%d Markdown tables, want %d", len(tables), len(blocks)+2)
	}
	value := func(cell string, k annualreport.Key) {
		v, err := annualreport.ParseAmount(cell)
		if err != nil || v != r.Value(k.Table, k.Row, k.Col) {
			t.Errorf("md %s/%s/%s = %q, report has %s", k.Table, k.Row, k.Col, cell, r.Value(k.Table, k.Row, k.Col))
		}
	}
	for i, b := range blocks {
		tb := tables[i]
		if !bytes.Contains(md, []byte(b.Title+"\n")) {
			t.Errorf("md lacks the block title %s", b.Title)
		}
		if want := append([]string{annualreport.LabelInfoContent}, b.Cols...); strings.Join(tb[0], "|") != strings.Join(want, "|") {
			t.Errorf("block %s header %q, want %q", b.Title, tb[0], want)
		}
		for j, row := range b.Rows {
			if tb[j+1][0] != row {
				t.Errorf("block %s row %d label %q, want %q", b.Title, j, tb[j+1][0], row)
			}
			for c, col := range b.Cols {
				value(tb[j+1][c+1], annualreport.Key{Table: annualreport.TableTwo, Row: row, Col: col})
			}
		}
	}
	three := tables[len(blocks)]
	if want := append([]string{annualreport.ThreeNote}, annualreport.ThreeCols...); strings.Join(three[0], "|") != strings.Join(want, "|") {
		t.Errorf("table 三 header %q, want %q", three[0], want)
	}
	labels := []string{annualreport.ThreeReceived, annualreport.ThreeCarriedIn, annualreport.ThreeResults}
	for _, g := range annualreport.ThreeGroups(annualreport.Format2021) {
		labels = append(append(labels, g.Label), g.Rows...)
	}
	labels = append(labels, annualreport.ThreeTotal, annualreport.ThreeCarriedOut)
	if len(three)-1 != len(labels) {
		t.Fatalf("table 三 has %d rows, want %d", len(three)-1, len(labels))
	}
	leaf := map[string]bool{}
	for _, row := range annualreport.ThreeRows(annualreport.Format2021) {
		leaf[row] = true
	}
	for i, l := range labels {
		row := three[i+1]
		if row[0] != l {
			t.Errorf("table 三 row %d label %q, want %q", i, row[0], l)
			continue
		}
		for c, col := range annualreport.ThreeCols {
			if !leaf[l] {
				if row[c+1] != "" {
					t.Errorf("group row %q has a value %q", l, row[c+1])
				}
				continue
			}
			value(row[c+1], annualreport.Key{Table: annualreport.TableThree, Row: l, Col: col})
		}
	}
	four := tables[len(blocks)+1]
	if len(four) != 2 || len(four[1]) != 15 {
		t.Fatalf("table 四 is %d rows of %d cells, want 2 rows, 15 values", len(four), len(four[len(four)-1]))
	}
	i := 0
	for _, b := range annualreport.FourBlocks {
		for _, c := range annualreport.FourCols {
			if !strings.Contains(four[0][i], b) || !strings.HasSuffix(four[0][i], c) {
				t.Errorf("table 四 column %d header %q, want %s … %s", i, four[0][i], b, c)
			}
			value(four[1][i], annualreport.Key{Table: annualreport.TableFour, Row: b, Col: c})
			i++
		}
	}
}

// checkJSON: every cell with its canonical row and column label and the
// report's value; the check results as built.
func checkJSON(t *testing.T, b *annualreport.Built, data []byte) {
	var doc struct {
		Year     int                     `json:"year"`
		Cells    []annualreport.CellJSON `json:"cells"`
		Findings []annualreport.Finding  `json:"findings"`
		Sections []struct {
			Title, Text string
		} `json:"sections"`
		HasErrors bool `json:"has_errors"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	keys := b.Report.Keys()
	if doc.Year != b.Report.Year || len(doc.Cells) != len(keys) || len(doc.Sections) != 6 {
		t.Fatalf("year %d, %d cells, %d sections; want %d, %d, 6", doc.Year, len(doc.Cells), len(doc.Sections), b.Report.Year, len(keys))
	}
	for i, c := range doc.Cells {
		if k := keys[i]; c.Table != k.Table || c.Row != k.Row || c.Col != k.Col {
			t.Errorf("cell %d is %s/%s/%s, want %s/%s/%s", i, c.Table, c.Row, c.Col, k.Table, k.Row, k.Col)
		}
		if v, err := annualreport.ParseAmount(c.Value); err != nil || v != b.Report.Value(c.Table, c.Row, c.Col) {
			t.Errorf("cell %s/%s/%s = %q", c.Table, c.Row, c.Col, c.Value)
		}
	}
	if len(doc.Findings) != len(b.Findings) || doc.HasErrors != annualreport.HasErrors(b.Findings) {
		t.Errorf("%d findings (errors %v), built %d", len(doc.Findings), doc.HasErrors, len(b.Findings))
	}
}

// checkLintRoundTrip: the linter (`gongkai lint`, which reads published
// reports as HTML, DOCX or text) reads the exports back to the same cells and
// finds no error in them.
func checkLintRoundTrip(t *testing.T, r *annualreport.Report, out map[annualreport.ExportFormat][]byte) {
	for f, kind := range map[annualreport.ExportFormat]annualreport.InputKind{
		annualreport.ExportHTML: annualreport.KindHTML, annualreport.ExportDOCX: annualreport.KindDOCX,
		// The Markdown export flattens the spanning headers (export_md.go);
		// linted as copied text it must read the same cells, and find
		// nothing at all to warn about.
		annualreport.ExportMD: annualreport.KindText} {
		res, err := annualreport.LintReport(bytes.NewReader(out[f]), kind)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, fd := range res.Findings {
			if fd.Severity == annualreport.SevError || f == annualreport.ExportMD {
				t.Errorf("%s: lint error %s: %s", f, fd.Code, fd.Message)
			}
		}
		if res.Year != r.Year || res.Format != annualreport.Format2021 {
			t.Errorf("%s: lint read year %d format %d", f, res.Year, res.Format)
		}
		for _, k := range r.Keys() {
			if got, want := res.Report.Value(k.Table, k.Row, k.Col), r.Value(k.Table, k.Row, k.Col); got != want {
				t.Errorf("%s: lint read %s/%s/%s as %s, want %s", f, k.Table, k.Row, k.Col, got, want)
			}
		}
	}
}
