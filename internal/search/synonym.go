package search

import (
	"context"
	"sort"
	"strings"
	"sync"

	"gongkai/internal/store"
)

// Synonyms are the staff-edited sets of words that mean the same, applied
// when a query is parsed (经信局 finds 经济和信息化局 and back).
type Synonyms struct {
	members []synonymMember // longest first
}

type synonymMember struct {
	word string
	set  []string
}

// NewSynonyms indexes sets of equivalent words.
func NewSynonyms(sets [][]string) Synonyms {
	var s Synonyms
	for _, set := range sets {
		clean := make([]string, 0, len(set))
		for _, w := range set {
			if w = CleanQuery(w); w != "" {
				clean = append(clean, w)
			}
		}
		if len(clean) < 2 {
			continue
		}
		for _, w := range clean {
			s.members = append(s.members, synonymMember{word: w, set: clean})
		}
	}
	sort.SliceStable(s.members, func(i, j int) bool { return len(s.members[i].word) > len(s.members[j].word) })
	return s
}

type queryPart struct {
	text string
	set  []string // the synonym set text belongs to, or nil
}

// split finds synonym words in text, longest match first, left to right.
func (s Synonyms) split(text string) []queryPart {
	var parts []queryPart
	plain := 0
	for i := 0; i < len(text); {
		m := s.matchAt(text[i:])
		if m == nil {
			i++
			continue
		}
		if plain < i {
			parts = append(parts, queryPart{text: text[plain:i]})
		}
		parts = append(parts, queryPart{text: m.word, set: m.set})
		i += len(m.word)
		plain = i
	}
	if plain < len(text) {
		parts = append(parts, queryPart{text: text[plain:]})
	}
	return parts
}

func (s Synonyms) matchAt(rest string) *synonymMember {
	for i := range s.members {
		if strings.HasPrefix(rest, s.members[i].word) {
			return &s.members[i]
		}
	}
	return nil
}

// Words lists every word of every set (did-you-mean candidates).
func (s Synonyms) Words() []string {
	out := make([]string, len(s.members))
	for i, m := range s.members {
		out[i] = m.word
	}
	return out
}

// synonymCache reloads the sets when the store's content changes.
type synonymCache struct {
	mu  sync.Mutex
	gen uint64
	ok  bool
	syn Synonyms
}

func (c *synonymCache) get(ctx context.Context, st *store.Store) (Synonyms, error) {
	gen := st.Generation()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok && c.gen == gen {
		return c.syn, nil
	}
	sets, err := st.SynonymSets(ctx)
	if err != nil {
		return Synonyms{}, err
	}
	words := make([][]string, len(sets))
	for i, s := range sets {
		words[i] = s.Words
	}
	c.syn, c.gen, c.ok = NewSynonyms(words), gen, true
	return c.syn, nil
}
