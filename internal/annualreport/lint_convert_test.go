package annualreport

import (
	"archive/zip"
	"bytes"
	"html"
	"strings"
	"testing"
)

// The text fixtures are turned into the two other inputs the linter
// reads, so every variant and code is checked in text, HTML and DOCX:
// consecutive pipe lines become one table, each line a row, other lines
// paragraphs.

// fixtureBlock is a paragraph (cells nil) or a table (rows of cells).
type fixtureBlock struct {
	text string
	rows [][]string
}

func fixtureBlocks(text string) []fixtureBlock {
	var out []fixtureBlock
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !strings.Contains(line, "|") {
			out = append(out, fixtureBlock{text: line})
			continue
		}
		cells := strings.Split(line, "|")
		if strings.HasPrefix(line, "|") {
			cells = cells[1:]
		}
		if strings.HasSuffix(line, "|") {
			cells = cells[:len(cells)-1]
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if n := len(out); n > 0 && out[n-1].rows != nil {
			out[n-1].rows = append(out[n-1].rows, cells)
			continue
		}
		out = append(out, fixtureBlock{rows: [][]string{cells}})
	}
	return out
}

func toHTML(text string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>年度报告</title><style>td{border:1px solid}</style></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>\n")
	for _, bl := range fixtureBlocks(text) {
		if bl.rows == nil {
			b.WriteString("<p>" + html.EscapeString(bl.text) + "</p>\n")
			continue
		}
		b.WriteString("<table>\n")
		for _, r := range bl.rows {
			b.WriteString("<tr>")
			for _, c := range r {
				b.WriteString("<td>" + html.EscapeString(c) + "</td>")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("<script>var x = '1 | 2 | 3';</script></body></html>")
	return []byte(b.String())
}

func docxPara(s string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
}

func toDOCX(t *testing.T, text string) []byte {
	t.Helper()
	var body strings.Builder
	for _, bl := range fixtureBlocks(text) {
		if bl.rows == nil {
			body.WriteString(docxPara(bl.text))
			continue
		}
		body.WriteString("<w:tbl><w:tblPr/>")
		for _, r := range bl.rows {
			body.WriteString("<w:tr>")
			for _, c := range r {
				body.WriteString("<w:tc><w:tcPr/>" + docxPara(c) + "</w:tc>")
			}
			body.WriteString("</w:tr>")
		}
		body.WriteString("</w:tbl>")
	}
	return buildDOCX(t, body.String())
}

// buildDOCX zips a minimal Word document around a body.
func buildDOCX(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body + `<w:sectPr/></w:body></w:document>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
