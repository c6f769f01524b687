package annualreport

import (
	"bytes"
	"embed"
	"html/template"
	"io"
)

//go:embed templates/report_page.html templates/report_body.html
var htmlFiles embed.FS

var htmlTmpl = template.Must(template.ParseFS(htmlFiles, "templates/report_body.html", "templates/report_page.html"))

// htmlSection is one section as rendered: heading, paragraphs and, for 二
// 三 四, the table.
type htmlSection struct {
	Numeral, Title string
	Paras          []string
	Grid           *htmlGrid
}

// htmlGrid splits a grid into a thead (header rows before the first data
// row: tables 三 and 四) and the body. Table 二 repeats a header row per
// block, so it is all tbody.
type htmlGrid struct {
	Table      Table
	HeadFirst  bool
	Head, Body []GridRow
}

func newHTMLGrid(g Grid) *htmlGrid {
	h := &htmlGrid{Table: g.Table}
	n := 0
	for n < len(g.Rows) && g.Rows[n].Head {
		n++
	}
	for _, row := range g.Rows[n:] {
		if row.Head { // header rows inside the body: no thead
			h.Body = g.Rows
			return h
		}
	}
	h.HeadFirst, h.Head, h.Body = true, g.Rows[:n], g.Rows[n:]
	return h
}

func htmlSections(r *Report) []htmlSection {
	grids := map[Table]Grid{}
	for _, g := range Grids(r) {
		grids[g.Table] = g
	}
	var out []htmlSection
	for _, s := range Sections {
		hs := htmlSection{Numeral: s.Numeral(), Title: s.Title(), Paras: paragraphs(r.Sections[s])}
		if t, ok := tableOf(s); ok {
			hs.Grid = newHTMLGrid(grids[t])
		}
		out = append(out, hs)
	}
	return out
}

// BodyHTML is the report's six sections with the three tables in the
// official layout (rowspans and colspans as in the format), as the body
// of the document published in the 年报 column. It uses only markup the
// document sanitiser keeps (headings, paragraphs, tables with their spans
// and header scopes); the portal's stylesheet draws the grid.
func BodyHTML(r *Report) (string, error) {
	var b bytes.Buffer
	err := htmlTmpl.ExecuteTemplate(&b, "body", htmlSections(r))
	return b.String(), err
}

// TableHTML renders one table in the official layout (the back office
// shows each table beside its checks).
func TableHTML(r *Report, t Table) (template.HTML, error) {
	for _, g := range Grids(r) {
		if g.Table == t {
			var b bytes.Buffer
			err := htmlTmpl.ExecuteTemplate(&b, "grid", newHTMLGrid(g))
			return template.HTML(b.String()), err
		}
	}
	return "", nil
}

// WriteHTML writes the report as a standalone, printable page: A4 page
// rules, 仿宋 text and 宋体 tables, the header of table 三 repeated on each
// printed page, table 三 on a new page; no navigation.
func WriteHTML(w io.Writer, r *Report) error {
	body, err := BodyHTML(r)
	if err != nil {
		return err
	}
	return htmlTmpl.ExecuteTemplate(w, "report_page.html", struct {
		Title string
		Body  template.HTML
	}{r.Title(), template.HTML(body)})
}
