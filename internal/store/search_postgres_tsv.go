package store

import (
	"sort"
	"strconv"
	"strings"
)

// titleTSVector is r's entry in the title tier: its title tokens and
// filter tokens, without positions.
func titleTSVector(r searchRow) string {
	var b strings.Builder
	seen := make(map[string]bool, len(r.Title))
	for _, w := range r.Title {
		if len(w) > pgMaxLexemeSize || seen[w] {
			continue
		}
		seen[w] = true
		b.WriteString(pgQuote(w))
		b.WriteByte(' ')
	}
	for _, m := range r.Meta {
		b.WriteString(pgQuote(m))
		b.WriteByte(' ')
	}
	return b.String()
}

// tsvectorLiteral writes r as a tsvector: title words weighted A, body
// words unweighted, positions in reading order, filter tokens without
// position.
func tsvectorLiteral(r searchRow) string {
	type lexeme struct {
		pos   []string
		title bool
	}
	lex := map[string]*lexeme{}
	add := func(w string, pos int, title bool) {
		if len(w) > pgMaxLexemeSize {
			return
		}
		l := lex[w]
		if l == nil {
			l = &lexeme{}
			lex[w] = l
		}
		if len(l.pos) >= pgMaxPositions {
			return
		}
		p := strconv.Itoa(min(pos, pgMaxPos))
		if title {
			p += pgTitleWeight
		}
		l.pos = append(l.pos, p)
	}
	pos := 1
	for _, w := range r.Title {
		add(w, pos, true)
		pos++
	}
	for _, w := range r.Body {
		add(w, pos, false)
		pos++
	}
	words := make([]string, 0, len(lex)+len(r.Meta))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	var b strings.Builder
	for _, w := range words {
		b.WriteString(pgQuote(w))
		b.WriteByte(':')
		b.WriteString(strings.Join(lex[w].pos, ","))
		b.WriteByte(' ')
	}
	for _, m := range r.Meta {
		b.WriteString(pgQuote(m))
		b.WriteByte(' ')
	}
	return b.String()
}

// tsqueryLiteral renders m as a tsquery.
func tsqueryLiteral(m matchExpr) string {
	parts := []string{pgSyntax.positive(m)}
	for _, t := range m.notMeta {
		parts = append(parts, "!"+pgQuote(t))
	}
	return strings.Join(parts, " & ")
}

// pgQuote quotes a lexeme for tsvector/tsquery input.
func pgQuote(w string) string {
	w = strings.ReplaceAll(w, `\`, `\\`)
	return "'" + strings.ReplaceAll(w, "'", "''") + "'"
}
