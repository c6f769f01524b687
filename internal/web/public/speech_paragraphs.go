package public

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/internal/catalog"
)

// readBlocks are the elements a document body is read by, one paragraph
// each. static/js/readaloud.js splits the page the same way (its BLOCKS
// list), so paragraph n of GET /api/v1/speech/tts?doc=…&p=n is the n-th
// highlighted block on the page; a test compares both sides.
var readBlocks = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Td: true, atom.Th: true, atom.Dt: true,
	atom.Dd: true, atom.Caption: true, atom.Figcaption: true, atom.Div: true,
}

// docParagraphs is what read-aloud speaks of a document: the title, then
// each innermost block of the body that has text.
func docParagraphs(d catalog.Document) []string {
	out := []string{speechSpace(d.Title)}
	nodes, err := html.ParseFragment(strings.NewReader(d.BodyHTML), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return out
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && readBlocks[n.DataAtom] && !hasReadBlock(n) {
			if t := speechSpace(speechTextOf(n)); t != "" {
				out = append(out, t)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

// hasReadBlock reports whether n contains a read block below it.
func hasReadBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (readBlocks[c.DataAtom] || hasReadBlock(c)) {
			return true
		}
	}
	return false
}

// speechTextOf is the text content of n, as the DOM's textContent gives it.
func speechTextOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// speechSpace collapses runs of white space to one space and trims, like
// the script's text.replace(/\s+/g, ' ').trim().
func speechSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
