package annualreport_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/internal/annualreport"
)

// checkHTML parses the HTML export and checks its tables cell for cell, its
// headings and its print rules.
func checkHTML(t *testing.T, r *annualreport.Report, page []byte) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var tables []ltable
	var headings []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.DataAtom {
		case atom.Table:
			tables = append(tables, htmlTable(t, n))
			return
		case atom.H2:
			headings = append(headings, textOf(n))
		case atom.Nav, atom.Script:
			t.Errorf("the printable page has a <%s>", n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	checkLayout(t, "html", tables, r)
	var want []string
	for _, s := range annualreport.Sections {
		want = append(want, s.Title())
	}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", headings, want)
	}
	for _, rule := range []string{"@page", "size: A4", "break-inside: avoid", "table-header-group"} {
		if !bytes.Contains(page, []byte(rule)) {
			t.Errorf("the print CSS lacks %q", rule)
		}
	}
}

// htmlTable reads a <table>'s rows (thead and tbody alike) with their
// spans; th cells must carry a scope.
func htmlTable(t *testing.T, n *html.Node) ltable {
	var rows [][]spanCell
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.DataAtom == atom.Tr {
			var row []spanCell
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
					continue
				}
				sc := spanCell{text: textOf(c), rowspan: attrInt(c, "rowspan"), colspan: attrInt(c, "colspan")}
				if c.DataAtom == atom.Th && attr(c, "scope") == "" {
					t.Errorf("header cell %q has no scope", sc.text)
				}
				row = append(row, sc)
			}
			rows = append(rows, row)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return layoutHTML(rows)
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func attrInt(n *html.Node, name string) int {
	v, err := strconv.Atoi(attr(n, name))
	if err != nil {
		return 1
	}
	return v
}
