package store

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
)

// candidate is a match to rank: its key and its title's index tokens.
type candidate struct {
	Key   int64
	Title string
}

type rankedKey struct {
	Key     int64
	Score   float64
	InTitle bool // every group of the query is in the title
}

// demotedFactor lowers repealed and expired documents: still found and
// labelled, below documents in force of similar relevance.
const demotedFactor = 0.3

// rank orders the matches of m best first, at least the first need of
// them. A query with at most SearchCountCap matches has each scored here,
// the same on both engines, from what is cheap to read for a bounded set:
// which query words the title holds, each weighted by its rarity (idf).
// Every match of an AND query holds every word somewhere, so the title is
// what tells them apart; FTS5's bm25 was not usable because it counts the
// documents of every word of the query (and every filter token) on each
// call, which is as slow as ranking every match. A query with more matches
// is ranked from the title tier (search_tier.go), with the same scores.
func (s *Store) rank(ctx context.Context, b searchBackend, m matchExpr, capped bool, first []int64, need int) ([]rankedKey, error) {
	switch {
	case capped && !m.any:
		// Counting stops at SearchCountCap: a count that reached it is a
		// query of common words only (a rare one would bound the matches).
		return s.rankCommon(ctx, b, m, need)
	case !capped && first != nil:
		// Every match is known already: read their titles.
		cs, err := b.titlesOf(ctx, s.conn, first)
		if err != nil {
			return nil, err
		}
		return s.scoreAll(ctx, b, m, cs)
	}
	return s.rankNewest(ctx, b, m, rankCandidates)
}

// rankNewest scores the newest limit matches of m one by one: every match
// when there are fewer.
func (s *Store) rankNewest(ctx context.Context, b searchBackend, m matchExpr, limit int) ([]rankedKey, error) {
	cs, err := b.candidates(ctx, s.conn, m, limit)
	if err != nil {
		return nil, err
	}
	return s.scoreAll(ctx, b, m, cs)
}

// scoreAll scores candidates one by one, best first.
func (s *Store) scoreAll(ctx context.Context, b searchBackend, m matchExpr, cs []candidate) ([]rankedKey, error) {
	cands := make(map[int64]string, len(cs))
	for _, c := range cs {
		cands[c.Key] = c.Title
	}
	weights, err := s.groupWeights(ctx, b, m)
	if err != nil {
		return nil, err
	}
	var inBody map[int64][]bool
	if m.any && len(m.groups) > 1 {
		if inBody, err = s.groupsPresent(ctx, b, m, cands); err != nil {
			return nil, err
		}
	}
	out := make([]rankedKey, 0, len(cands))
	for k, title := range cands {
		out = append(out, scoreCandidate(m, weights, k, title, inBody[k]))
	}
	sortRanked(out)
	return out, nil
}

// sortRanked puts the best first; equal scores newest first.
func sortRanked(out []rankedKey) {
	slices.SortFunc(out, func(a, b rankedKey) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return cmp.Compare(a.Key, b.Key)
	})
}

// scoreCandidate scores one candidate: each group found counts its weight,
// four times over when the title holds it; the share of the title's tokens
// that the groups found there stand for adds up to one point (a short
// title about the query beats a long one mentioning it); demoted documents
// are lowered. present says which groups an OR query's candidate holds
// (nil: all). The title tier (search_tier.go) relies on this shape: with
// every group in the title the score falls with the title's length only.
func scoreCandidate(m matchExpr, weights []float64, key int64, title string, present []bool) rankedKey {
	words := strings.Fields(title)
	var score float64
	all := true
	hit := 0
	for i, g := range m.groups {
		inTitle := slices.ContainsFunc(g, func(alt []string) bool {
			return len(alt) > 0 && !slices.ContainsFunc(alt, func(w string) bool { return !slices.Contains(words, w) })
		})
		switch {
		case inTitle:
			score += 4 * weights[i]
			hit++
		case present == nil || present[i]:
			score += weights[i]
			all = false
		default:
			all = false
		}
	}
	score += titleShare(hit, len(words))
	if demotedKey(key) {
		score *= demotedFactor
	}
	return rankedKey{Key: key, Score: score, InTitle: all && hit > 0}
}

// titleShare is the length bonus of a title of n tokens holding hit of the
// query's groups. Title tokens are counted up to titleTokensCap, as the
// title rank stores them.
func titleShare(hit, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(min(n, titleTokensCap))
}

// groupsPresent tells, for an OR query, which groups each candidate holds:
// one match per group, bounded to the candidates' key range.
func (s *Store) groupsPresent(ctx context.Context, b searchBackend, m matchExpr, cands map[int64]string) (map[int64][]bool, error) {
	lo, hi := int64(math.MaxInt64), int64(0)
	for k := range cands {
		lo, hi = min(lo, k), max(hi, k)
	}
	out := make(map[int64][]bool, len(cands))
	for k := range cands {
		out[k] = make([]bool, len(m.groups))
	}
	for i, g := range m.groups {
		one := m
		one.groups, one.any = [][][]string{g}, false
		keys, err := b.inRange(ctx, s.conn, one, lo, hi)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if p, ok := out[k]; ok {
				p[i] = true
			}
		}
	}
	return out, nil
}

// groupWeights is the idf of each group: ln(1 + N/df), df the fewest
// documents of any of its words, counted up to dfCap.
func (s *Store) groupWeights(ctx context.Context, b searchBackend, m matchExpr) ([]float64, error) {
	n, err := s.srch.cachedSize(ctx, s, b)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(m.groups))
	for i, g := range m.groups {
		df := dfCap
		for _, alt := range g {
			for _, w := range alt {
				d, err := s.srch.cachedDF(ctx, s, b, w)
				if err != nil {
					return nil, err
				}
				df = min(df, max(d, 1))
			}
		}
		out[i] = math.Log(1 + float64(max(n, df))/float64(df))
	}
	return out, nil
}

// dfCap bounds the counting of a word's documents: beyond it a word is
// common and its exact count changes its weight little.
const dfCap = 20000

// statsTTL is how long a count stays valid; weights need not follow every
// publication.
const statsTTL = 10 * time.Minute

// searchStats caches the index size and words' document counts.
type searchStats struct {
	mu       sync.Mutex
	size     int
	sizeAt   time.Time
	df       map[string]dfEntry
	tsvFreqs map[string]*titleFreqs // PostgreSQL's statistics by table
	// lexicon: PostgreSQL's search_terms is written (search_postgres_copy.go).
	lexicon   bool
	lexiconAt time.Time
}

// reset forgets every cached figure (after a reindex).
func (st *searchStats) reset() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.size, st.sizeAt, st.df, st.tsvFreqs, st.lexiconAt = 0, time.Time{}, nil, nil, time.Time{}
}

// cachedLexicon reports whether PostgreSQL's lexicon has been written
// (by a reindex), asked at most every statsTTL.
func (h *searchHook) cachedLexicon(ctx context.Context, c conn) (bool, error) {
	st := &h.stats
	st.mu.Lock()
	if time.Since(st.lexiconAt) < statsTTL {
		v := st.lexicon
		st.mu.Unlock()
		return v, nil
	}
	st.mu.Unlock()
	var v bool
	if err := c.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM search_terms)`).Scan(&v); err != nil {
		return false, mapErr(err)
	}
	st.mu.Lock()
	st.lexicon, st.lexiconAt = v, time.Now()
	st.mu.Unlock()
	return v, nil
}

type dfEntry struct {
	n  int
	at time.Time
}

func (h *searchHook) cachedSize(ctx context.Context, s *Store, b searchBackend) (int, error) {
	st := &h.stats
	st.mu.Lock()
	if time.Since(st.sizeAt) < statsTTL {
		n := st.size
		st.mu.Unlock()
		return n, nil
	}
	st.mu.Unlock()
	n, err := b.estimatedSize(ctx, s.conn)
	if err != nil {
		return 0, err
	}
	st.mu.Lock()
	st.size, st.sizeAt = n, time.Now()
	st.mu.Unlock()
	return n, nil
}

func (h *searchHook) cachedDF(ctx context.Context, s *Store, b searchBackend, w string) (int, error) {
	st := &h.stats
	st.mu.Lock()
	if e, ok := st.df[w]; ok && time.Since(e.at) < statsTTL {
		st.mu.Unlock()
		return e.n, nil
	}
	st.mu.Unlock()
	n, err := b.docFreq(ctx, s.conn, w, dfCap)
	if err != nil {
		return 0, err
	}
	st.mu.Lock()
	if st.df == nil || len(st.df) > 50000 {
		st.df = map[string]dfEntry{}
	}
	st.df[w] = dfEntry{n, time.Now()}
	st.mu.Unlock()
	return n, nil
}

// SearchWeights is the idf of each word over the index (ln(1 + N/df), df
// counted up to a cap and cached), for the assistant's judgement of which
// words of a question matter.
func (s *Store) SearchWeights(ctx context.Context, words []string) ([]float64, error) {
	m := matchExpr{}
	for _, w := range words {
		m.groups = append(m.groups, [][]string{{w}})
	}
	return s.groupWeights(ctx, s.search(), m)
}
