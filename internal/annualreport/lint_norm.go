package annualreport

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelKey normalises a label as published so that rendering variants
// compare equal (spec legal-rules §2.8 item 2): full- and half-width
// brackets, colons and commas, straight and curly quotes, "1、" or "1．" for
// "1.", whitespace inside header cells broken over lines ("商业 企业"),
// full-width digits.
func labelKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b':
			continue
		case r == '“' || r == '”' || r == '"' || r == '‘' || r == '’' || r == '\'' || r == '「' || r == '」':
			continue
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		case r == '：':
			r = ':'
		case r == '，':
			r = ','
		case r == '．' || r == '、' && b.Len() > 0 && isDigitByte(b.String()[b.Len()-1]):
			r = '.'
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == '／':
			r = '/'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	// Labels are short: the buffers stay on the stack (the parser compares
	// every cell with every candidate label).
	var bufA, bufB [64]rune
	var bufP, bufC [65]int
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	prev, cur := bufP[:0], bufC[:0]
	if len(rb) >= len(bufP) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// appendRunes appends the runes of s to dst.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// sameRunes reports whether a and b hold the same characters in another
// order ("本年决定处理数量" for "本年处理决定数量").
func sameRunes(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	var bufA, bufB [64]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	slices.Sort(ra)
	slices.Sort(rb)
	return slices.Equal(ra, rb)
}

// near reports whether the key k is a misspelling of the canonical key c:
// a few characters changed, or the same characters transposed. Short
// labels allow one edit, longer ones about one in five characters.
func near(k, c string) bool {
	if k == c {
		return true
	}
	n, m := utf8.RuneCountInString(c), utf8.RuneCountInString(k)
	if n < 3 || m < 2 {
		return false
	}
	limit := 1
	if n >= 8 {
		limit = n / 5
	}
	if m-n > limit || n-m > limit { // the distance is at least the difference in length
		return false
	}
	return sameRunes(k, c) || editDistance(k, c) <= limit
}

// match is a published label resolved against a list of canonical ones.
type match struct {
	label string // the canonical label
	exact bool   // false: a misspelt or non-canonical variant
}

// resolveLabel finds the canonical label a published cell stands for
// among candidates. Exact matches (after labelKey) win over near ones.
func resolveLabel(text string, candidates []string) (match, bool) {
	return resolveKey(labelKey(text), candidates)
}

// resolveKey is resolveLabel for a label already normalised.
func resolveKey(k string, candidates []string) (match, bool) {
	if k == "" {
		return match{}, false
	}
	for _, c := range candidates {
		if canonKey(c) == k {
			return match{label: c, exact: true}, true
		}
	}
	for _, c := range candidates {
		if near(k, canonKey(c)) {
			return match{label: c}, true
		}
	}
	return match{}, false
}

// stripNumbering removes a leading "1." or "（三）" so that a row label can
// be compared without its number.
func stripNumbering(k string) string {
	if i := strings.IndexByte(k, '.'); i > 0 && i <= 2 && isDigitByte(k[0]) {
		return k[i+1:]
	}
	if strings.HasPrefix(k, "(") {
		if i := strings.IndexByte(k, ')'); i > 0 && i <= 8 {
			return k[i+1:]
		}
	}
	return k
}

// canonKeys caches labelKey of the format's labels: the parser compares
// every cell with them.
var canonKeys = map[string]string{}

func init() {
	var all []string
	for _, f := range []Format{Format2021, Format2019} {
		for _, b := range TwoBlocks(f) {
			all = append(append(append(all, b.Title), b.Cols...), b.Rows...)
		}
	}
	for _, g := range threeGroups2021 {
		all = append(append(all, g.Label), g.Rows...)
	}
	all = append(append(append(all, threeTop...), threeHeaderCols...), fourHeaders...)
	all = append(all, LabelInfoContent, ThreeNote, ThreeApplicants)
	for _, l := range all {
		canonKeys[l] = labelKey(l)
	}
}

// canonKey is labelKey of a canonical label, cached.
func canonKey(c string) string {
	if k, ok := canonKeys[c]; ok {
		return k
	}
	return labelKey(c)
}
