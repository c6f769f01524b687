package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// suggest proposes a correction of q from vocab (government words,
// synonyms and past queries that found something): a word of the
// vocabulary one character off a part of the query (依申情公开 →
// 依申请公开), or a past query close to the whole of it. It returns "" when
// nothing is close enough.
func suggest(q string, vocab []string) string {
	if q == "" {
		return ""
	}
	qr := []rune(q)
	// A part lying inside a word of the vocabulary spelled right is not
	// corrected (依申请公开 must not become 依申请表开).
	covered := make([]bool, len(qr))
	for _, v := range vocab {
		vr := []rune(v)
		for i := 0; i+len(vr) <= len(qr); i++ {
			if len(vr) >= 2 && string(qr[i:i+len(vr)]) == v {
				for j := i; j < i+len(vr); j++ {
					covered[j] = true
				}
			}
		}
	}
	best, bestDist := "", 3
	for _, v := range vocab {
		if v == q {
			continue
		}
		vr := []rune(v)
		// The whole query against a past query or a word.
		if abs(len(vr)-len(qr)) <= 1 {
			limit := 1
			if len(qr) >= 6 {
				limit = 2
			}
			if d := editDistance(qr, vr, limit); d <= limit && d < bestDist {
				best, bestDist = v, d
			}
		}
		// A part of the query against a word of three or more characters.
		if len(vr) < 3 || len(vr) >= len(qr) {
			continue
		}
		for i := 0; i+len(vr) <= len(qr); i++ {
			part := qr[i : i+len(vr)]
			if !slices.Contains(covered[i:i+len(vr)], false) {
				continue
			}
			if d := editDistance(part, vr, 1); d == 1 && d < bestDist {
				best, bestDist = string(qr[:i])+v+string(qr[i+len(vr):]), d
			}
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit+1 as soon
// as it must exceed limit.
func editDistance(a, b []rune, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// vocabulary is the user dictionary's words.
func vocabulary() []string {
	var out []string
	for _, line := range strings.Split(userEntries(), "\n") {
		if w, _, _ := strings.Cut(line, " "); utf8.RuneCountInString(w) >= 2 {
			out = append(out, w)
		}
	}
	return out
}
