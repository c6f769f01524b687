package search

import (
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"
)

// snippetRunes is the length of a result's excerpt.
const snippetRunes = 110

// Highlight escapes text and wraps every occurrence of words in <mark>.
// Longer words win where they overlap (信息公开 over 信息).
func Highlight(text string, words []string) template.HTML {
	spans := findSpans(lowerSameLen(text), words)
	var b strings.Builder
	at := 0
	for _, s := range spans {
		b.WriteString(template.HTMLEscapeString(text[at:s[0]]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[s[0]:s[1]]))
		b.WriteString("</mark>")
		at = s[1]
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

// Snippet is an excerpt of text around the first place where the most
// query words meet, highlighted; text from the start when none occurs.
func Snippet(text string, words []string) template.HTML {
	spans := findSpans(lowerSameLen(text), words)
	start := 0
	if len(spans) > 0 {
		start = bestWindow(text, spans)
	}
	// Step back a little so the word is seen in its sentence.
	back := 0
	for start > 0 && back < 12 {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
		back++
	}
	end := start
	for n := 0; end < len(text) && n < snippetRunes; n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	excerpt := text[start:end]
	out := Highlight(excerpt, words)
	if start > 0 {
		out = "…" + out
	}
	if end < len(text) {
		out += "…"
	}
	return out
}

// bestWindow is the start of the span whose following window holds the
// most distinct words.
func bestWindow(text string, spans [][2]int) int {
	best, bestN := spans[0][0], 0
	for i, s := range spans {
		seen := map[string]bool{}
		for _, t := range spans[i:] {
			if utf8.RuneCountInString(text[s[0]:t[0]]) > snippetRunes-20 {
				break
			}
			seen[strings.ToLower(text[t[0]:t[1]])] = true
		}
		if len(seen) > bestN {
			best, bestN = s[0], len(seen)
		}
	}
	return best
}

// findSpans lists non-overlapping byte spans of words in lower, leftmost
// first, longest word first at the same place. lower is the lower-cased
// text; ToLower keeps byte offsets for the CJK and ASCII text searched here.
func findSpans(lower string, words []string) [][2]int {
	ws := make([]string, 0, len(words))
	for _, w := range words {
		if w != "" {
			ws = append(ws, strings.ToLower(w))
		}
	}
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	var spans [][2]int
	for i := 0; i < len(lower); {
		matched := false
		for _, w := range ws {
			if strings.HasPrefix(lower[i:], w) {
				spans = append(spans, [2]int{i, i + len(w)})
				i += len(w)
				matched = true
				break
			}
		}
		if !matched {
			_, size := utf8.DecodeRuneInString(lower[i:])
			i += size
		}
	}
	return spans
}

// lowerSameLen lower-cases text when that keeps every byte offset (it
// does for Chinese and ASCII), else returns text as it is.
func lowerSameLen(text string) string {
	if l := strings.ToLower(text); len(l) == len(text) {
		return l
	}
	return text
}
