package store

import "strings"

// matchSyntax is how an index's query language writes a quoted word and
// its AND and OR: FTS5 match expressions and PostgreSQL tsquery differ only
// in these, so both render a matchExpr through the same code.
type matchSyntax struct {
	quote   func(string) string
	and, or string
}

var (
	ftsSyntax = matchSyntax{quote: ftsQuote, and: " AND ", or: " OR "}
	pgSyntax  = matchSyntax{quote: pgQuote, and: " & ", or: " | "}
)

// positive renders what m requires: every word of an alternative, one
// alternative of each group, every group (one group when m.any), and one
// token of each metadata entry. Exclusions (notMeta) are the caller's, as
// the two languages negate differently.
func (x matchSyntax) positive(m matchExpr) string {
	var groups []string
	for _, g := range m.groups {
		var alts []string
		for _, alt := range g {
			if len(alt) == 0 {
				continue
			}
			words := make([]string, len(alt))
			for i, w := range alt {
				words[i] = x.quote(w)
			}
			alts = append(alts, "("+strings.Join(words, x.and)+")")
		}
		if len(alts) > 0 {
			groups = append(groups, "("+strings.Join(alts, x.or)+")")
		}
	}
	op := x.and
	if m.any {
		op = x.or
	}
	parts := []string{"(" + strings.Join(groups, op) + ")"}
	for _, any := range m.meta {
		alts := make([]string, len(any))
		for i, t := range any {
			alts[i] = x.quote(t)
		}
		parts = append(parts, "("+strings.Join(alts, x.or)+")")
	}
	return strings.Join(parts, x.and)
}
