package annualreport

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads a report page: every table row becomes a row of cells
// (rowspan and colspan need no expansion: the parser goes by labels), the
// rest becomes paragraphs at block elements and line breaks. Scripts,
// styles and navigation text outside paragraphs are dropped with them.
func readHTML(data []byte) (source, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return source{}, err
	}
	h := &htmlReader{}
	h.walk(doc)
	h.flush()
	return source{items: h.items}, nil
}

type htmlReader struct {
	items []item
	buf   strings.Builder
	n     int // ordinal used as the "line" of rows and paragraphs
	row   int
}

// flush ends the current paragraph.
func (h *htmlReader) flush() {
	for _, line := range strings.Split(h.buf.String(), "\n") {
		if t := strings.TrimSpace(line); t != "" {
			h.n++
			h.items = append(h.items, item{text: t, line: h.n, para: true})
		}
	}
	h.buf.Reset()
}

func (h *htmlReader) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		h.buf.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
			return
		case atom.Table:
			h.flush()
			h.table(n)
			return
		case atom.Br:
			h.buf.WriteString("\n")
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		h.buf.WriteString("\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c)
	}
	if block {
		h.buf.WriteString("\n")
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Section,
		atom.Article, atom.Header, atom.Footer, atom.Blockquote, atom.Pre, atom.Title, atom.Caption, atom.Dd, atom.Dt:
		return true
	}
	return false
}

// table adds one row of cells per <tr>, in document order; nested tables
// are read as their own rows after the row holding them.
func (h *htmlReader) table(t *html.Node) {
	var rows []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && c.DataAtom == atom.Tr:
				rows = append(rows, c)
			case c.Type == html.ElementNode && c.DataAtom == atom.Table:
			default:
				find(c)
			}
		}
	}
	find(t)
	for _, tr := range rows {
		var cells []string
		var nested []*html.Node
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				cells = append(cells, strings.TrimSpace(cellText(c, &nested)))
			}
		}
		h.addRow(cells)
		for _, nt := range nested {
			h.table(nt)
		}
	}
}

// addRow adds a row's cells, trimming empty cells at both ends as a
// pipe line is trimmed (rowspan spacers, padding).
func (h *htmlReader) addRow(cells []string) {
	for len(cells) > 0 && cells[0] == "" {
		cells = cells[1:]
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return
	}
	h.n++
	row := 0
	if len(cells) > 1 {
		h.row++
		row = h.row
	}
	for _, c := range cells {
		h.items = append(h.items, item{text: c, line: h.n, row: row})
	}
}

// cellText is a cell's text: lines broken inside a header cell ("商业<br>企业")
// are joined with a space, which labelKey ignores.
func cellText(n *html.Node, nested *[]*html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && c.DataAtom == atom.Table:
				*nested = append(*nested, c)
			case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			case c.Type == html.ElementNode && (c.DataAtom == atom.Br || isBlock(c.DataAtom)):
				b.WriteString(" ")
				walk(c)
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
