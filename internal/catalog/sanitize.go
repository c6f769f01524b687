package catalog

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// bodyPolicy is what a document body may contain. Staff paste from Word and
// WPS through the rich-text editor, and imports bring HTML from old CMSs, so
// the body is sanitised on the server whatever the client did: scripts,
// iframes, forms, event handlers, javascript: links and any style other than
// alignment and first-line indent are dropped. The policy is built once;
// bluemonday policies are safe for concurrent use.
var bodyPolicy = newBodyPolicy()

// indentRE accepts the 首行缩进 of official documents ("2em", "32pt").
var indentRE = regexp.MustCompile(`^\d{1,2}(\.\d{1,2})?(em|pt|px)$`)

func newBodyPolicy() *bluemonday.Policy {
	// UGCPolicy keeps paragraphs, headings, lists, emphasis, links (with
	// rel="nofollow"), images with alt and tables, and drops everything
	// executable.
	p := bluemonday.UGCPolicy()
	blocks := []string{"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote"}
	p.AllowStyles("text-align").MatchingEnum("left", "center", "right", "justify").OnElements(blocks...)
	p.AllowStyles("text-indent").Matching(indentRE).OnElements("p", "div")
	// Underline and strike-through as the editor produces them.
	p.AllowElements("u", "s", "strike", "b", "i")
	// Tables pasted from Word keep their spans; border and widths do not
	// matter, the site stylesheet draws the grid.
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	// Images pasted from Word arrive as data: URIs; bluemonday checks they
	// are base64 images. They never execute in an <img>.
	p.AllowDataURIImages()
	p.AllowAttrs("alt", "title").OnElements("img")
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	return p
}

// SanitizeBody returns the document body with only safe markup left. Every
// path that stores a body (the editor, the import) calls it; templates then
// print the stored body as it is.
func SanitizeBody(html string) string {
	return bodyPolicy.Sanitize(html)
}
