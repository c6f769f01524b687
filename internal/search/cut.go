package search

import (
	"math"
)

// cut splits text into the most probable sequence of dictionary words
// (jieba's route without the HMM, on gse's dictionary). It is gse's
// cutDAGNoHMM done with slices instead of maps and without converting every
// fragment to a string, which made gse's version the slowest part of
// indexing (tech-notes §3 target: index 5,000 documents a second). Runs of
// single ASCII letters and digits (2024, abc) stay one word, as in gse.
func (s *Segmenter) cut(text string) []string {
	b := []byte(text)
	offs := make([]int, 0, len(text)/2+1)
	for i := range text {
		offs = append(offs, i)
	}
	n := len(offs)
	offs = append(offs, len(text))
	dict := s.seg.Dict
	logTotal := math.Log(dict.TotalFreq())
	// best[k] is the log probability of the best split of runes k..n-1,
	// end[k] the last rune of its first word.
	best := make([]float64, n+1)
	end := make([]int, n)
	for k := n - 1; k >= 0; k-- {
		best[k], end[k] = math.Inf(-1), k
		for i := k; i < n && i-k < maxWordRunes; i++ {
			freq, _, ok := dict.Find(b[offs[k]:offs[i+1]])
			if !ok {
				break // no dictionary word starts with this
			}
			if freq <= 0 {
				if i > k {
					continue // only a prefix of longer words
				}
				freq = 1 // a character the dictionary does not know
			}
			if p := math.Log(freq) - logTotal + best[i+1]; p > best[k] {
				best[k], end[k] = p, i
			}
		}
		if math.IsInf(best[k], -1) { // a character not even a prefix
			best[k], end[k] = -logTotal+best[k+1], k
		}
	}
	out := make([]string, 0, n/2+1)
	run := -1 // start of a run of single ASCII letters or digits
	for k := 0; k < n; {
		e := end[k]
		if e == k && offs[k+1]-offs[k] == 1 && isASCIIAlnum(b[offs[k]]) {
			if run < 0 {
				run = offs[k]
			}
			k++
			continue
		}
		if run >= 0 {
			out = append(out, text[run:offs[k]])
			run = -1
		}
		out = append(out, text[offs[k]:offs[e+1]])
		k = e + 1
	}
	if run >= 0 {
		out = append(out, text[run:])
	}
	return out
}

// split cuts the word w into shorter dictionary words (the best route that
// does not take w whole), or returns nil when w has no such split into
// words of two or more characters.
func (s *Segmenter) split(w string) []string {
	var starts [64]int
	offs := runeOffsets(w, starts[:0])
	n := len(offs) - 1
	if n < 3 || n > 12 {
		return nil
	}
	b := []byte(w)
	dict := s.seg.Dict
	logTotal := math.Log(dict.TotalFreq())
	best := make([]float64, n+1)
	end := make([]int, n)
	for k := n - 1; k >= 0; k-- {
		best[k] = math.Inf(-1)
		for i := k + 1; i < n && i-k+1 < n; i++ { // two or more runes, never all of w
			if f, _, ok := dict.Find(b[offs[k]:offs[i+1]]); ok && f > 0 && !math.IsInf(best[i+1], -1) {
				if p := math.Log(f) - logTotal + best[i+1]; p > best[k] {
					best[k], end[k] = p, i
				}
			}
		}
	}
	if math.IsInf(best[0], -1) {
		return nil
	}
	var out []string
	for k := 0; k < n; k = end[k] + 1 {
		out = append(out, w[offs[k]:offs[end[k]+1]])
	}
	return out
}

// maxWordRunes bounds the dictionary lookups from one position; the
// longest useful entries are about a dozen characters.
const maxWordRunes = 16

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// runeOffsets lists the byte offset of every rune of w and len(w).
func runeOffsets(w string, buf []int) []int {
	buf = buf[:0]
	for i := range w {
		buf = append(buf, i)
	}
	return append(buf, len(w))
}
