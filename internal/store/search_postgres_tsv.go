package store

import (
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

// titleTSVector is r's entry in the title tier: its title tokens and
// filter tokens, without positions.
func titleTSVector(r searchRow) pgtype.TSVector {
	v := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, 0, len(r.Title)+len(r.Meta))}
	seen := make(map[string]bool, len(r.Title))
	for _, w := range r.Title {
		if !pgLexeme(w) || seen[w] {
			continue
		}
		seen[w] = true
		v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: w})
	}
	return withMeta(v, r.Meta)
}

// docTSVector is r's entry in search_docs: title words weighted A, body
// words unweighted, positions in reading order (at most pgMaxPositions a
// word, the last at pgMaxPos), filter tokens without position. Lexemes
// come sorted, as PostgreSQL stores them, so it has nothing to reorder.
func docTSVector(r searchRow) pgtype.TSVector {
	pos := make(map[string][]pgtype.TSVectorPosition, len(r.Title)+len(r.Body)/2)
	add := func(w string, p int, weight pgtype.TSVectorWeight) {
		if !pgLexeme(w) {
			return
		}
		ps := pos[w]
		if len(ps) >= pgMaxPositions {
			return
		}
		pos[w] = append(ps, pgtype.TSVectorPosition{Position: uint16(min(p, pgMaxPos)), Weight: weight})
	}
	p := 1
	for _, w := range r.Title {
		add(w, p, pgtype.TSVectorWeightA)
		p++
	}
	for _, w := range r.Body {
		add(w, p, 0)
		p++
	}
	v := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, 0, len(pos)+len(r.Meta))}
	for w, ps := range pos {
		v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: w, Positions: ps})
	}
	return withMeta(v, r.Meta)
}

// withMeta adds the filter tokens (which start with an underscore, so
// they never equal a word) and sorts the lexemes.
func withMeta(v pgtype.TSVector, meta []string) pgtype.TSVector {
	for _, m := range meta {
		v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: m})
	}
	slices.SortFunc(v.Lexemes, func(a, b pgtype.TSVectorLexeme) int { return strings.Compare(a.Word, b.Word) })
	return v
}

// pgLexeme reports whether w can be a lexeme: at most pgMaxLexemeSize
// bytes, and no NUL, which ends a lexeme in the binary format.
func pgLexeme(w string) bool {
	return w != "" && len(w) <= pgMaxLexemeSize && !strings.ContainsRune(w, 0)
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
