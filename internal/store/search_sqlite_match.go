package store

import "strings"

// ftsMatch renders m in FTS5 query syntax. Every word is quoted, so no
// word can act as an operator; words are letters and digits only anyway.
// Words are not restricted to a column (checking a column means reading
// positions); the title tier has a table of its own.
func ftsMatch(m matchExpr) string {
	var parts []string
	var groups []string
	for _, g := range m.groups {
		var alts []string
		for _, alt := range g {
			if len(alt) == 0 {
				continue
			}
			words := make([]string, len(alt))
			for i, w := range alt {
				words[i] = ftsQuote(w)
			}
			alts = append(alts, "("+strings.Join(words, " AND ")+")")
		}
		if len(alts) > 0 {
			groups = append(groups, "("+strings.Join(alts, " OR ")+")")
		}
	}
	op := " AND "
	if m.any {
		op = " OR "
	}
	parts = append(parts, "("+strings.Join(groups, op)+")")
	for _, any := range m.meta {
		var alts []string
		for _, t := range any {
			alts = append(alts, ftsQuote(t))
		}
		parts = append(parts, "("+strings.Join(alts, " OR ")+")")
	}
	q := strings.Join(parts, " AND ")
	for _, t := range m.notMeta {
		q = "(" + q + ") NOT " + ftsQuote(t)
	}
	return q
}

func ftsQuote(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }
