package store

import (
	"context"
	"slices"
	"time"

	"gongkai/internal/catalog"
)

// The title tier: an index of titles only (search_title_fts on SQLite,
// search_titles on PostgreSQL) ordered by a static title rank, so the
// documents that score best for a query of common words are the first
// postings read, not the last of a million (an impact-ordered index).
//
// Every match of an AND query holds every group, so scoreCandidate gives
// each match Σw plus 3w for each group in its title plus hit/len for the
// share of the title those groups take. Among documents in force with
// every group in the title the score therefore only falls with the title's
// length, and ties go to the newest: exactly the rank order below. Such a
// document beats any other as long as 3·min(w) > groups-1 (checked, not
// assumed: tierDecides).

// Title rank bits: demoted | title tokens | days before 2149 | ids.
const (
	titleTokensCap  = 1<<6 - 1
	titleDayBits    = 16
	titleMaxDay     = 1<<titleDayBits - 1
	titleTokenShift = searchKeyShift + titleDayBits
	titleDemotedBit = titleTokenShift + 6
)

// titleRank orders a document in the title tier: in force before demoted,
// then fewer title tokens, then newer, then the higher id (as searchKey).
func titleRank(d catalog.Document, titleTokens int) int64 {
	var day int64
	if !d.PublishedAt.IsZero() {
		y, m, dd := d.PublishedAt.In(china).Date()
		day = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400
		day = min(max(day, 0), titleMaxDay)
	}
	r := int64(min(titleTokens, titleTokensCap))<<titleTokenShift | (titleMaxDay-day)<<searchKeyShift | (searchMaxID - d.ID)
	if demoted(d.Validity) {
		r |= 1 << titleDemotedBit
	}
	return r
}

// docIDOfTitleRank is the document id inside a title rank.
func docIDOfTitleRank(r int64) int64 { return searchMaxID - r&searchMaxID }

// commonRoom is how many matches beyond the page each step of rankCommon
// reads, room for demoted documents to fall below those in force.
const commonRoom = 50

// rankCommon ranks a query whose matches are too many to score one by one
// (政府 信息 at a million documents), with the scores rankNewest would give:
//  1. the title tier with every group, best rank first: when it holds need
//     documents in force and tierDecides, that is the page;
//  2. otherwise, for each group, the title tier with that group (kept when
//     the document matches the whole query) — partly-in-title documents;
//  3. and the newest matches, which are the best of those whose title
//     holds no group (equal scores, newest first).
//
// Each step reads need+commonRoom rows in index order.
func (s *Store) rankCommon(ctx context.Context, b searchBackend, m matchExpr, need int) ([]rankedKey, error) {
	weights, err := s.groupWeights(ctx, b, m)
	if err != nil {
		return nil, err
	}
	room := need + commonRoom
	top, err := b.titled(ctx, s.conn, m, room)
	if err != nil {
		return nil, err
	}
	scored := make(map[int64]rankedKey, 3*room)
	add := func(cs []candidate) {
		for _, c := range cs {
			if _, ok := scored[c.Key]; !ok {
				scored[c.Key] = scoreCandidate(m, weights, c.Key, c.Title, nil)
			}
		}
	}
	add(top)
	inForce := 0
	for _, c := range top {
		if !demotedKey(c.Key) {
			inForce++
		}
	}
	if inForce < need || !tierDecides(weights) {
		if len(m.groups) > 1 {
			for i, g := range m.groups {
				one := m
				one.groups = [][][]string{g}
				cs, err := b.titled(ctx, s.conn, one, room)
				if err != nil {
					return nil, err
				}
				cs = slices.DeleteFunc(cs, func(c candidate) bool { _, ok := scored[c.Key]; return ok })
				// The walk applied the filters and group i: the other
				// groups are what is left to check.
				rest := matchExpr{groups: slices.Delete(slices.Clone(m.groups), i, i+1)}
				if cs, err = s.matching(ctx, b, rest, cs); err != nil {
					return nil, err
				}
				add(cs)
			}
		}
		rest, err := b.candidates(ctx, s.conn, m, room)
		if err != nil {
			return nil, err
		}
		add(rest)
	}
	out := make([]rankedKey, 0, len(scored))
	for _, r := range scored {
		out = append(out, r)
	}
	sortRanked(out)
	return out, nil
}

// tierDecides reports whether a document in force with every group in its
// title outscores every document without: at least 4Σw against at most
// Σw + 3(Σw - min w) + (groups-1), the title share being at most one per
// group.
func tierDecides(weights []float64) bool {
	if len(weights) == 0 {
		return true
	}
	return 3*slices.Min(weights) > float64(len(weights)-1)
}

// matching keeps the candidates that match m.
func (s *Store) matching(ctx context.Context, b searchBackend, m matchExpr, cs []candidate) ([]candidate, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	keys := make([]int64, len(cs))
	for i, c := range cs {
		keys[i] = c.Key
	}
	ok, err := b.within(ctx, s.conn, m, keys)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(cs, func(c candidate) bool { return !slices.Contains(ok, c.Key) }), nil
}

// SearchExhaustive ranks q by scoring every match, with no bound: what
// Search's relevance order must agree with. It is as slow as that sounds
// for common words (seconds at a million documents) and exists for tests
// and the benchmark to measure that agreement. It returns document ids,
// best first, q.Limit of them from q.Offset.
func (s *Store) SearchExhaustive(ctx context.Context, q SearchQuery) ([]int64, error) {
	q, err := s.withoutSoleSite(ctx, q)
	if err != nil {
		return nil, err
	}
	m := q.expr()
	if m.empty() {
		return nil, nil
	}
	m.dense = true
	ranked, err := s.rankNewest(ctx, s.search(), m, 1<<31-1)
	if err != nil {
		return nil, err
	}
	var out []int64
	for i, r := range ranked {
		if i >= q.Offset && len(out) < pageLimit(q.Limit, 10) {
			out = append(out, docIDOfKey(r.Key))
		}
	}
	return out, nil
}
