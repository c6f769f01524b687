package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxQueryRunes caps what is searched: a pasted paragraph would otherwise
// become dozens of AND-ed words, each a posting list to intersect
// (tech-notes §3: cap query length).
const MaxQueryRunes = 38

// maxWords caps the words of one query for the same reason.
const maxWords = 8

// stopWords are function words dropped from a query when other words
// remain: requiring 的 or 关于 adds cost and nothing to the answer.
var stopWords = map[string]bool{
	"的": true, "了": true, "和": true, "与": true, "及": true, "或": true, "在": true, "是": true,
	"对": true, "把": true, "被": true, "之": true, "其": true, "于": true, "以": true, "也": true,
	"都": true, "而": true, "吗": true, "呢": true, "吧": true, "啊": true, "呀": true, "关于": true,
	"有关": true, "等": true, "中": true, "上": true, "个": true, "这": true, "那": true, "并": true,
}

// Group is one required part of a query: it matches when any of its
// alternatives (the word and its synonyms) has all its words.
type Group struct {
	Text         string     // as it appeared in the query
	Alternatives [][]string // words of each alternative
}

// Parsed is a query cut into groups.
type Parsed struct {
	Text   string  // the normalised query text
	Groups []Group // empty: nothing searchable
}

// Words lists every word of every alternative, for highlighting.
func (p Parsed) Words() []string {
	var out []string
	for _, g := range p.Groups {
		for _, alt := range g.Alternatives {
			for _, w := range alt {
				if !slices.Contains(out, w) {
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// terms renders the groups as the store wants them.
func (p Parsed) terms() [][][]string {
	out := make([][][]string, len(p.Groups))
	for i, g := range p.Groups {
		out[i] = g.Alternatives
	}
	return out
}

// CleanQuery trims, folds full-width forms and caps the length of what a
// visitor typed.
func CleanQuery(q string) string {
	q = strings.Join(strings.Fields(normalize(q)), " ")
	if utf8.RuneCountInString(q) > MaxQueryRunes {
		q = string([]rune(q)[:MaxQueryRunes])
	}
	return strings.ToLower(q)
}

// Parse cuts a query into groups. Synonym phrases are found in the raw
// text first (so a synonym the dictionary does not know as one word, such
// as a newly added department name, still matches), the rest is cut into
// words; function words are dropped unless nothing else is left.
func (s *Segmenter) Parse(q string, syn Synonyms) Parsed {
	p := Parsed{Text: CleanQuery(q)}
	var groups []Group
	for _, part := range syn.split(p.Text) {
		if part.set != nil {
			groups = append(groups, s.synonymGroup(part.text, part.set))
			continue
		}
		for _, w := range s.Words(part.text) {
			g := Group{Text: w, Alternatives: [][]string{{w}}}
			// A long word of the query may be cut shorter in a document
			// (业务培训 in the query, 业务/专题/培训 in the text): its
			// parts, AND-ed, are an alternative.
			if parts := s.split(w); len(parts) > 1 {
				g.Alternatives = append(g.Alternatives, parts)
			}
			groups = append(groups, g)
		}
	}
	kept := groups[:0:0]
	for _, g := range groups {
		if !(len(g.Alternatives) == 1 && len(g.Alternatives[0]) == 1 && stopWords[g.Alternatives[0][0]]) {
			kept = append(kept, g)
		}
	}
	if len(kept) == 0 {
		kept = groups
	}
	// The same word twice asks nothing more.
	var out []Group
	for _, g := range kept {
		if !slices.ContainsFunc(out, func(o Group) bool { return o.Text == g.Text }) {
			out = append(out, g)
		}
	}
	if len(out) > maxWords {
		out = out[:maxWords]
	}
	p.Groups = out
	return p
}

// synonymGroup is the group of a synonym phrase: each member of the set,
// cut into words, is one alternative.
func (s *Segmenter) synonymGroup(text string, set []string) Group {
	g := Group{Text: text}
	for _, member := range set {
		words := s.Words(member)
		if len(words) > 1 {
			// A long name cut into common words (经济/和/信息化/局)
			// needs only its meaningful ones.
			words = slices.DeleteFunc(words, func(w string) bool { return stopWords[w] })
		}
		if len(words) > 0 && !slices.ContainsFunc(g.Alternatives, func(a []string) bool { return slices.Equal(a, words) }) {
			g.Alternatives = append(g.Alternatives, words)
		}
	}
	return g
}
