package store

import (
	"context"
	"math"
	"slices"
	"time"

	"gongkai/internal/catalog"
)

// SearchOrder is how results are sorted.
type SearchOrder int

const (
	ByDate      SearchOrder = iota // newest first, the default listing
	ByRelevance                    // best match first, repealed/expired demoted
)

// SearchQuery is a segmented query with its filters. internal/search builds
// it from what a visitor typed.
type SearchQuery struct {
	// Groups must all match (or, with Any, at least one). A group matches
	// when one of its alternatives (synonyms) has all its words.
	Groups     [][][]string
	Any        bool
	SiteID     int64
	ColumnIDs  []int64
	OrgID      int64
	Year       int
	Genre      catalog.Genre
	Validities []catalog.Validity // any of these; none = all
	Topic      string
	Order      SearchOrder
	Limit      int
	Offset     int
}

// SearchHit is one result.
type SearchHit struct {
	Doc     catalog.Document
	Score   float64 // relevance order only
	InTitle bool    // every query word is in the title
}

// SearchPage is one page of results. Total stops counting at
// SearchCountCap; Capped says it did.
type SearchPage struct {
	Hits   []SearchHit
	Total  int
	Capped bool
}

const (
	// SearchCountCap bounds the count shown as "N+ 条": counting every
	// match of 政府 in a million documents would cost what ranking does,
	// and paging stops at maxSearchOffset anyway.
	SearchCountCap = maxSearchOffset
	// rankCandidates bounds the matches scored one by one (search_rank.go):
	// an AND query is scored only when it has at most SearchCountCap
	// matches; a loose (OR) query of the assistant is scored on its newest
	// rankCandidates matches.
	rankCandidates = 2000
	// maxSearchOffset bounds paging.
	maxSearchOffset = 1000
)

// matchExpr is a query in engine-neutral form; each backend renders it.
type matchExpr struct {
	groups  [][][]string
	any     bool
	meta    [][]string // every entry must match one of its tokens
	notMeta []string   // none may match
	// dense: the query matches more than SearchCountCap documents, so
	// walking the index in key order finds the first matches at once.
	dense bool
	// keyLo..keyHi bound the keys of a year filter's documents: keys are
	// in publication order, so a year is one stretch of the index, where
	// a walk in key order starts instead of passing every newer document.
	keyLo, keyHi int64
}

// keyRange is m's key bounds for SQL.
func (m matchExpr) keyRange() (int64, int64) {
	if m.keyHi == 0 {
		return 0, math.MaxInt64
	}
	return m.keyLo, m.keyHi
}

// yearKeys bounds the keys of documents published in year (China time).
func yearKeys(year int) (lo, hi int64) {
	day := func(y int) int64 {
		return min(max(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix()/86400, 0), searchMaxDay)
	}
	first, last := day(year), day(year+1)-1
	lo = (searchMaxDay - last) << searchKeyShift << 1
	hi = ((searchMaxDay-first)<<searchKeyShift|searchMaxID)<<1 | 1
	return lo, hi
}

func (q SearchQuery) expr() matchExpr {
	m := matchExpr{groups: q.Groups, any: q.Any}
	if q.SiteID != 0 {
		m.meta = append(m.meta, []string{metaSite(q.SiteID)})
	}
	if len(q.ColumnIDs) > 0 {
		var cs []string
		for _, id := range q.ColumnIDs {
			cs = append(cs, metaColumn(id))
		}
		m.meta = append(m.meta, cs)
	}
	if q.OrgID != 0 {
		m.meta = append(m.meta, []string{metaOrg(q.OrgID)})
	}
	if q.Year != 0 {
		m.meta = append(m.meta, []string{metaYear(q.Year)})
		m.keyLo, m.keyHi = yearKeys(q.Year)
	}
	if q.Genre != "" {
		m.meta = append(m.meta, []string{metaGenre(q.Genre)})
	}
	if q.Topic != "" {
		m.meta = append(m.meta, []string{metaTopic(q.Topic)})
	}
	if len(q.Validities) > 0 && len(q.Validities) < len(catalog.Validities) {
		// Excluding is cheaper than a union when most are allowed.
		for _, v := range catalog.Validities {
			if !slices.Contains(q.Validities, v) {
				m.notMeta = append(m.notMeta, metaValidity(v))
			}
		}
	}
	return m
}

func (m matchExpr) empty() bool {
	for _, g := range m.groups {
		for _, alt := range g {
			if len(alt) > 0 {
				return false
			}
		}
	}
	return true
}

// Search runs q: newest first, or by relevance within the bounds described
// at rankCandidates.
func (s *Store) Search(ctx context.Context, q SearchQuery) (SearchPage, error) {
	var page SearchPage
	q, err := s.withoutSoleSite(ctx, q)
	if err != nil {
		return page, err
	}
	m := q.expr()
	if m.empty() {
		return page, nil
	}
	limit := pageLimit(q.Limit, 10)
	offset := min(max(q.Offset, 0), maxSearchOffset)
	b := s.search()
	total, first, err := b.probe(ctx, s.conn, m, SearchCountCap+1)
	if err != nil {
		return page, err
	}
	page.Total, page.Capped = min(total, SearchCountCap), total > SearchCountCap
	m.dense = page.Capped
	if total == 0 || offset >= total {
		return page, nil
	}
	var keys []int64
	ranks := map[int64]rankedKey{}
	switch {
	case q.Order == ByRelevance:
		ranked, err := s.rank(ctx, b, m, page.Capped, first, offset+limit)
		if err != nil {
			return page, err
		}
		for i, r := range ranked {
			if i >= offset && i < offset+limit {
				keys = append(keys, r.Key)
			}
			ranks[r.Key] = r
		}
	case first != nil:
		keys = first[offset:min(offset+limit, len(first))]
	default:
		if keys, err = b.newest(ctx, s.conn, m, limit, offset); err != nil {
			return page, err
		}
	}
	docs, err := s.documentsByID(ctx, keys)
	if err != nil {
		return page, err
	}
	for _, k := range keys {
		if d, ok := docs[docIDOfKey(k)]; ok {
			page.Hits = append(page.Hits, SearchHit{Doc: d, Score: ranks[k].Score, InTitle: ranks[k].InTitle})
		}
	}
	return page, nil
}

// withoutSoleSite drops q's site filter when that site is the only one:
// its token is in every entry, and intersecting a posting list of every
// document cost a GIN index scan on PostgreSQL 5–12 ms a query at a
// million documents (0.5 ms without it). Asked each time, not cached, so
// a site added by another process counts at once.
func (s *Store) withoutSoleSite(ctx context.Context, q SearchQuery) (SearchQuery, error) {
	if q.SiteID == 0 {
		return q, nil
	}
	var other bool
	err := s.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sites WHERE id <> ?)`, q.SiteID).Scan(&other)
	if err != nil {
		return q, mapErr(err)
	}
	if !other {
		q.SiteID = 0
	}
	return q, nil
}

// documentsByID reads the documents behind index keys.
func (s *Store) documentsByID(ctx context.Context, keys []int64) (map[int64]catalog.Document, error) {
	out := make(map[int64]catalog.Document, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	ids := make([]int64, len(keys))
	for i, k := range keys {
		ids[i] = docIDOfKey(k)
	}
	rows, err := s.query(ctx, `SELECT `+documentCols+` FROM documents WHERE id IN (`+placeholders(len(ids))+`)`, anySlice(ids)...)
	docs, err := collect(rows, err, scanDocument)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		out[d.ID] = d
	}
	return out, nil
}

// SearchDocFreq is how many indexed documents hold token, counted up to
// limit (counting every match of a common word is what costs), for the
// search package's choice of which words matter in a question.
func (s *Store) SearchDocFreq(ctx context.Context, token string, limit int) (int, error) {
	n, err := s.search().docFreq(ctx, s.conn, token, limit)
	return min(n, limit), err
}

// PublishedYearSpan lists the years from a site's newest publication back
// to its oldest, for the search page's year filter. It reads two index
// entries; listing the years that do hold documents would read every
// document's date, seconds at a million documents. (Not MIN/MAX: SQLite
// returns an aggregate of a DATETIME column as text.)
func (s *Store) PublishedYearSpan(ctx context.Context, siteID int64) ([]int, error) {
	edge := func(order string) (nullableTime, error) {
		var t nullableTime
		err := mapErr(s.queryRow(ctx, `SELECT published_at FROM documents WHERE site_id = ? AND state = ?
			AND published_at IS NOT NULL ORDER BY published_at `+order+` LIMIT 1`, siteID, string(catalog.StatePublished)).Scan(&t))
		return t, err
	}
	lo, err := edge("ASC")
	if err == ErrNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	hi, err := edge("DESC")
	if err != nil {
		return nil, err
	}
	var years []int
	for y := hi.t.In(china).Year(); y >= lo.t.In(china).Year(); y-- {
		years = append(years, y)
	}
	return years, nil
}
