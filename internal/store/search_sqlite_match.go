package store

import "strings"

// ftsMatch renders m in FTS5 query syntax. Every word is quoted, so no
// word can act as an operator; words are letters and digits only anyway.
// Words are not restricted to a column (checking a column means reading
// positions); the title tier has a table of its own.
func ftsMatch(m matchExpr) string {
	q := ftsSyntax.positive(m)
	for _, t := range m.notMeta {
		q = "(" + q + ") NOT " + ftsQuote(t)
	}
	return q
}

func ftsQuote(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }
