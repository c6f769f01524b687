package store

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// A newest-first query on PostgreSQL has two ways to find its first
// rows: walk the key btree and test each row's words, which stops after a
// page's worth when the words are in many documents, or intersect the GIN
// index and sort what it finds, which is cheap when they are in few. The
// planner's choice from its statistics went wrong both ways (a rare word
// walked a million rows; a filter by 2017 walked every newer document);
// pgWalk decides from the same statistics (pg_stats of tsv), and a year
// filter's key range (matchExpr.keyLo) makes the walk start at the year.
// The title tier decides the same way between sorting and its postings
// (search_postgres_terms.go).

// titleFreqs are the element frequencies ANALYZE keeps for a table's tsv
// (its most common thousand tokens, filter tokens included); a token not
// among them is taken as half as frequent as the least frequent kept.
type titleFreqs struct {
	freq  map[string]float64
	floor float64
	at    time.Time
}

func (f *titleFreqs) of(w string) float64 {
	if v, ok := f.freq[w]; ok {
		return v
	}
	return f.floor
}

// pgWalkMargin is how many times more rows than an even spread a walk is
// assumed to read: documents' words do not follow their keys (a year's
// filter token does, and is taken out below).
const pgWalkMargin = 1

// pgWalk reports whether query m on search_docs, limit rows, should walk
// the key btree rather than sort the GIN index's matches; known is false
// when the table has no statistics yet.
func pgWalk(ctx context.Context, c conn, m matchExpr, limit int) (walk, known bool, err error) {
	f, n, err := pgDocFreqs(ctx, c, m)
	if err != nil || f == nil {
		return false, false, err
	}
	rows := float64(n)
	if m.keyHi != 0 {
		// The walk stays within the year's keys, all of which hold it.
		for _, any := range m.meta {
			if len(any) == 1 && strings.HasPrefix(any[0], "_y") {
				rows *= min(f.of(any[0]), 1)
			}
		}
	}
	d := pgDensity(m, f)
	if m.keyHi != 0 {
		d /= max(rows/float64(n), 1e-9)
	}
	// Rows a walk reads against rows the GIN index yields.
	return d > 0 && pgWalkMargin*float64(limit)/d < d*rows, true, nil
}

// pgDocFreqs is the share of search_docs holding each word and filter
// token of m, and the index size: words from the lexicon when a reindex
// wrote one (exact then, where the planner's statistics know a thousand
// tokens and guess the rest: 鳝鱼, in two thirds of the benchmark's
// documents, was taken for a rare word and its queries sorted 57,000 GIN
// matches), filter tokens (not in the lexicon) from the statistics. nil
// without statistics.
func pgDocFreqs(ctx context.Context, c conn, m matchExpr) (*titleFreqs, int, error) {
	f, err := cachedTitleFreqs(ctx, c, "search_docs")
	if err != nil || f.freq == nil {
		return nil, 0, err
	}
	s := &Store{conn: c}
	n, err := c.srch.cachedSize(ctx, s, pgSearch{})
	if err != nil || n == 0 {
		return nil, 0, err
	}
	lex, err := c.srch.cachedLexicon(ctx, c)
	if err != nil || !lex {
		return f, n, err
	}
	out := &titleFreqs{freq: make(map[string]float64), floor: f.floor, at: f.at}
	for _, any := range m.meta {
		for _, t := range any {
			out.freq[t] = f.of(t)
		}
	}
	for _, t := range m.notMeta {
		out.freq[t] = f.of(t)
	}
	for _, g := range m.groups {
		for _, alt := range g {
			for _, w := range alt {
				df, err := c.srch.cachedDF(ctx, s, pgSearch{}, w)
				if err != nil {
					return nil, 0, err
				}
				out.freq[w] = float64(df) / float64(n)
			}
		}
	}
	return out, n, nil
}

// pgSurelyCapped reports whether m, an AND query without filters, is
// expected to match at least pgSkipCount times limit of n documents, by
// the token frequencies f (nil: unknown, so no).
func pgSurelyCapped(m matchExpr, f *titleFreqs, n, limit int) bool {
	if f == nil || m.any || len(m.meta) > 0 {
		return false
	}
	return pgDensity(m, f)*pgKept(m, f)*float64(n) >= pgSkipCount*float64(limit)
}

// pgKept is the least share of matches m's exclusions can leave (a
// validity filter drops the repealed and expired documents).
func pgKept(m matchExpr, f *titleFreqs) float64 {
	k := 1.0
	for _, t := range m.notMeta {
		k -= f.of(t)
	}
	return max(k, 0)
}

// pgSkipCount is how many times SearchCountCap the matches of a query
// must be expected to number, words and filters taken as independent, for
// the count to be skipped as surely capped. Counting intersects the GIN
// index's posting lists in full: 10–30 ms for two or three words in
// tens of thousands of documents each at a million, for a count that stops
// at a thousand anyway. Words of a real query go together more often than
// apart; a query twenty times rarer than its words' counts predict would
// show "1000+" and rank by the title tier. Filters are not so: a column
// may hold no document of a year, so a query with a filter is counted.
const pgSkipCount = 20

// pgDensity is the share of rows expected to match m, words and filters
// taken as independent.
func pgDensity(m matchExpr, f *titleFreqs) float64 {
	d := 1.0
	for _, g := range m.groups {
		var p float64
		for _, alt := range g {
			q := 1.0
			for _, w := range alt {
				q *= f.of(w)
			}
			p += q
		}
		d *= min(p, 1)
	}
	for _, any := range m.meta {
		var p float64
		for _, t := range any {
			p += f.of(t)
		}
		d *= min(p, 1)
	}
	return d
}

// cachedTitleFreqs reads a table's statistics at most every statsTTL;
// freq is nil before the table was analysed.
func cachedTitleFreqs(ctx context.Context, c conn, table string) (*titleFreqs, error) {
	st := &c.srch.stats
	st.mu.Lock()
	f := st.tsvFreqs[table]
	st.mu.Unlock()
	if f != nil && time.Since(f.at) < statsTTL {
		return f, nil
	}
	var elems, freqs string
	err := mapErr(c.queryRow(ctx, `SELECT COALESCE(array_to_string(most_common_elems::text::text[], ' '), ''),
		COALESCE(array_to_string(most_common_elem_freqs, ' '), '') FROM pg_stats
		WHERE schemaname = current_schema() AND tablename = ? AND attname = 'tsv'`, table).Scan(&elems, &freqs))
	if err != nil && err != ErrNotFound {
		return nil, err
	}
	f = &titleFreqs{at: time.Now()}
	words, fs := strings.Fields(elems), strings.Fields(freqs)
	// most_common_elem_freqs ends with the least and greatest frequency
	// and the null share, after one frequency per element.
	if len(words) > 0 && len(fs) >= len(words)+2 {
		f.freq = make(map[string]float64, len(words))
		for i, w := range words {
			v, _ := strconv.ParseFloat(fs[i], 64)
			f.freq[w] = v
		}
		low, _ := strconv.ParseFloat(fs[len(words)], 64)
		f.floor = low / 2
	}
	st.mu.Lock()
	if st.tsvFreqs == nil {
		st.tsvFreqs = map[string]*titleFreqs{}
	}
	st.tsvFreqs[table] = f
	st.mu.Unlock()
	return f, nil
}
