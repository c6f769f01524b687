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
// call, which is as slow as ranking every match.
func (s *Store) rank(ctx context.Context, b searchBackend, m matchExpr, total, need int) ([]rankedKey, error) {
	// Counting stops at SearchCountCap: a count that reached it is a query
	// of common words only (a rare one would bound the matches).
	if total > SearchCountCap && !m.any {
		return s.rankCommon(ctx, b, m, need)
	}
	cands := map[int64]string{}
	cs, err := b.candidates(ctx, s.conn, m, rankCandidates)
	if err != nil {
		return nil, err
	}
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
		r := scoreCandidate(m, weights, k, title, inBody[k])
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b rankedKey) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		case a.Key < b.Key: // newer first
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return out, nil
}

// rankCommon ranks a query of common words only (政府 信息: matched by
// most of a million documents): the documents with every word in the
// title come first, then the others, each tier newest first with repealed
// and expired documents after those in force. Scoring such matches one by
// one is what cost half a second (tech-notes §3); this reads the first
// need matches of each tier from the index in key order, which costs what
// a newest-first listing does, and no title has to be read.
func (s *Store) rankCommon(ctx context.Context, b searchBackend, m matchExpr, need int) ([]rankedKey, error) {
	// Room to move demoted documents below the ones in force.
	room := need + commonRoom
	tm := m
	tm.titleOnly = true
	// The title tier is sought among the newest commonWindow documents:
	// when few titles hold every word, the search for them would
	// otherwise walk the whole posting list of each common word.
	var err error
	if tm.maxKey, err = s.srch.cachedWindow(ctx, s, b); err != nil {
		return nil, err
	}
	title, err := b.newest(ctx, s.conn, tm, room, 0)
	if err != nil {
		return nil, err
	}
	out := tier(title, 2, true)
	if len(title) < room {
		rest, err := b.newest(ctx, s.conn, m, room+len(title), 0)
		if err != nil {
			return nil, err
		}
		seen := make(map[int64]bool, len(title))
		for _, k := range title {
			seen[k] = true
		}
		rest = slices.DeleteFunc(rest, func(k int64) bool { return seen[k] })
		out = append(out, tier(rest, 1, false)...)
	}
	return out, nil
}

// commonRoom is how many matches beyond the page rankCommon reads;
// commonWindow how many of the newest documents its title tier looks at.
const (
	commonRoom   = 50
	commonWindow = 10000
)

// tier ranks keys (newest first) with score, demoted ones last.
func tier(keys []int64, score float64, inTitle bool) []rankedKey {
	out := make([]rankedKey, len(keys))
	for i, k := range keys {
		out[i] = rankedKey{Key: k, Score: score, InTitle: inTitle}
		if demotedKey(k) {
			out[i].Score *= demotedFactor
		}
	}
	slices.SortStableFunc(out, func(a, b rankedKey) int { return cmp.Compare(demotedKeyInt(a.Key), demotedKeyInt(b.Key)) })
	return out
}

func demotedKeyInt(k int64) int { return int(k & 1) }

// scoreCandidate scores one candidate: each group found counts its weight,
// four times over when the title holds it; a title made mostly of the
// query's words gets up to one more point; demoted documents are lowered.
// present says which groups an OR query's candidate holds (nil: all).
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
	if len(words) > 0 {
		var own int
		for _, w := range words {
			if slices.ContainsFunc(m.groups, func(g [][]string) bool {
				return slices.ContainsFunc(g, func(alt []string) bool { return slices.Contains(alt, w) })
			}) {
				own++
			}
		}
		score += float64(own) / float64(len(words))
	}
	if demotedKey(key) {
		score *= demotedFactor
	}
	return rankedKey{Key: key, Score: score, InTitle: all && hit > 0}
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

// searchStats caches the index size, words' document counts and the key
// bounding the newest commonWindow documents.
type searchStats struct {
	mu       sync.Mutex
	size     int
	sizeAt   time.Time
	df       map[string]dfEntry
	window   int64
	windowAt time.Time
}

// cachedWindow is the key of the commonWindow-th newest document (0: the
// index is smaller). New documents have lower keys, so a stale bound only
// widens the window slightly.
func (h *searchHook) cachedWindow(ctx context.Context, s *Store, b searchBackend) (int64, error) {
	st := &h.stats
	st.mu.Lock()
	if time.Since(st.windowAt) < statsTTL {
		k := st.window
		st.mu.Unlock()
		return k, nil
	}
	st.mu.Unlock()
	k, err := b.nthKey(ctx, s.conn, commonWindow)
	if err != nil {
		return 0, err
	}
	st.mu.Lock()
	st.window, st.windowAt = k, time.Now()
	st.mu.Unlock()
	return k, nil
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
	n, err := b.size(ctx, s.conn)
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
