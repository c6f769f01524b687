package annualreport_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"gongkai/internal/annualreport"
)

// A minimal reading of WordprocessingML: the body's paragraphs and tables
// in order, each table's grid, rows (with tblHeader) and cells (with
// gridSpan, vMerge and text).
type wDocument struct {
	Body wBody `xml:"body"`
}

type wBody struct{ Blocks []wBlock }

type wBlock struct {
	Para  *wPara
	Table *wTable
}

func (b *wBody) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "p":
				var p wPara
				if err := d.DecodeElement(&p, &el); err != nil {
					return err
				}
				b.Blocks = append(b.Blocks, wBlock{Para: &p})
			case "tbl":
				var tb wTable
				if err := d.DecodeElement(&tb, &el); err != nil {
					return err
				}
				b.Blocks = append(b.Blocks, wBlock{Table: &tb})
			default:
				if err := d.Skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			return nil
		}
	}
}

type wPara struct {
	Runs []struct {
		T []string `xml:"t"`
	} `xml:"r"`
}

func (p wPara) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		for _, t := range r.T {
			b.WriteString(t)
		}
	}
	return b.String()
}

type wVal struct {
	Val string `xml:"val,attr"`
}

type wTable struct {
	Grid []struct {
		W string `xml:"w,attr"`
	} `xml:"tblGrid>gridCol"`
	Rows []struct {
		Header *wVal   `xml:"trPr>tblHeader"`
		Cells  []wCell `xml:"tc"`
	} `xml:"tr"`
}

type wCell struct {
	Span   *wVal   `xml:"tcPr>gridSpan"`
	VMerge *wVal   `xml:"tcPr>vMerge"`
	Paras  []wPara `xml:"p"`
}

func (c wCell) Text() string {
	var parts []string
	for _, p := range c.Paras {
		parts = append(parts, p.Text())
	}
	return strings.Join(parts, "")
}

func (c wCell) span() int {
	if c.Span == nil {
		return 1
	}
	n, _ := strconv.Atoi(c.Span.Val)
	return n
}

func (c wCell) Props() string {
	var p []string
	if c.Span != nil {
		p = append(p, "span="+c.Span.Val)
	}
	if c.VMerge != nil {
		v := c.VMerge.Val
		if v == "" {
			v = "continue"
		}
		p = append(p, "vmerge="+v)
	}
	return strings.Join(p, ",")
}

// parseDOCX checks the package (content types, every XML part
// well-formed) and decodes word/document.xml.
func parseDOCX(t *testing.T, data []byte) wDocument {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	parts := map[string]bool{}
	for _, f := range zr.File {
		parts[f.Name] = true
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		rc.Close()
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if !parts[p] {
			t.Errorf("the package lacks %s", p)
		}
	}
	var doc wDocument
	if err := xml.Unmarshal(zipPart(t, data, "word/document.xml"), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// checkDOCX reads the tables back: gridSpan and vMerge give the same
// spans as the format, and every number sits under its labels.
func checkDOCX(t *testing.T, r *annualreport.Report, data []byte) {
	doc := parseDOCX(t, data)
	var tables []ltable
	var texts []string
	for _, blk := range doc.Body.Blocks {
		if blk.Para != nil {
			texts = append(texts, blk.Para.Text())
			continue
		}
		tables = append(tables, docxTable(t, blk.Table))
	}
	checkLayout(t, "docx", tables, r)
	all := strings.Join(texts, "\n")
	for _, s := range annualreport.Sections {
		if !strings.Contains(all, s.Title()) {
			t.Errorf("the document lacks the heading %q", s.Title())
		}
	}
	if !strings.Contains(all, r.Title()) {
		t.Errorf("the document lacks its title %q", r.Title())
	}
}

// docxTable turns WordprocessingML cells into spans: a cell's columns come
// from the gridSpans before it; a vMerge="restart" cell's rowspan counts
// the vMerge continue cells below it in the same column.
func docxTable(t *testing.T, tb *wTable) ltable {
	type pos struct{ row, col int }
	origin := map[pos]*spanCell{}
	var rows [][]spanCell
	for i, row := range tb.Rows {
		col := 0
		var out []spanCell
		for _, c := range row.Cells {
			span := c.span()
			if c.VMerge != nil && c.VMerge.Val != "restart" {
				above := origin[pos{i - 1, col}]
				if above == nil {
					t.Errorf("row %d col %d: vMerge continue without a cell above", i, col)
				} else {
					above.rowspan++
					origin[pos{i, col}] = above
				}
				col += span
				continue
			}
			out = append(out, spanCell{text: c.Text(), rowspan: 1, colspan: span})
			col += span
		}
		rows = append(rows, out)
		// Point origins at the stored cells (after the slice stops growing).
		col = 0
		k := 0
		for _, c := range row.Cells {
			if c.VMerge != nil && c.VMerge.Val != "restart" {
				col += c.span()
				continue
			}
			origin[pos{i, col}] = &rows[i][k]
			k++
			col += c.span()
		}
	}
	if len(tb.Grid) == 0 {
		t.Error("a table without tblGrid")
	}
	return layoutHTML(rows)
}
