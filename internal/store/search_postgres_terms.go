package store

import (
	"context"
	"strings"
)

// search_title_terms is the title tier's postings on PostgreSQL: one row
// per title word of a document, (term, trank) in a btree, so the titles
// holding a word are read best rank first and a walk stops after a page.
// The GIN index cannot give its matches in an order, and walking trank
// over every title tested each row's words: 政府 sits in the long titles
// (市人民政府办公室召开…), the end of the order, and a walk read nearly all
// million rows (2 s). Filter tokens are not posted; they are checked on
// the search_titles row of each posting read.

// pgPutTerms replaces the postings of rows' documents. It runs before
// search_titles is written: the old postings are found from the old row
// (its trank and title tokens), so a reindex, which starts empty, deletes
// nothing and needs no index to do so.
func pgPutTerms(ctx context.Context, c conn, ids []int64, part []searchRow) error {
	rows, err := c.query(ctx, `SELECT trank, title FROM search_titles WHERE doc_id = ANY(?::bigint[])`, ids)
	old, err := collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
	if err != nil {
		return err
	}
	if len(old) > 0 {
		var terms []string
		var ranks []int64
		for _, o := range old {
			for _, w := range distinct(strings.Fields(o.Title)) {
				terms, ranks = append(terms, w), append(ranks, o.Key)
			}
		}
		if err := pgDeleteTerms(ctx, c, terms, ranks); err != nil {
			return err
		}
	}
	terms, ranks := pgTitlePostings(part)
	_, err = c.exec(ctx, `INSERT INTO search_title_terms (term, trank) SELECT * FROM unnest(?::text[], ?::bigint[])`, terms, ranks)
	return err
}

// pgTitlePostings are rows' title postings: each distinct title word
// that can be a lexeme, with the row's title rank.
func pgTitlePostings(rows []searchRow) (terms []string, ranks []int64) {
	for _, r := range rows {
		for _, w := range distinct(r.Title) {
			if pgLexeme(w) {
				terms, ranks = append(terms, w), append(ranks, r.TRank)
			}
		}
	}
	return terms, ranks
}

func pgDeleteTerms(ctx context.Context, c conn, terms []string, ranks []int64) error {
	_, err := c.exec(ctx, `DELETE FROM search_title_terms t USING unnest(?::text[], ?::bigint[]) AS d(term, trank)
		WHERE t.term = d.term AND t.trank = d.trank`, terms, ranks)
	return err
}

// pgRemoveTerms deletes a document's postings, before its search_titles
// row goes.
func pgRemoveTerms(ctx context.Context, c conn, docID int64) error {
	var trank int64
	var title string
	err := mapErr(c.queryRow(ctx, `SELECT trank, title FROM search_titles WHERE doc_id = ?`, docID).Scan(&trank, &title))
	if err == ErrNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	terms := distinct(strings.Fields(title))
	ranks := make([]int64, len(terms))
	for i := range ranks {
		ranks[i] = trank
	}
	return pgDeleteTerms(ctx, c, terms, ranks)
}

func distinct(ws []string) []string {
	seen := make(map[string]bool, len(ws))
	out := ws[:0:0]
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// pgDriver is the word every match of m holds in its title that the
// fewest titles hold (from f, nil: the first found), "" when no group is a
// single word.
func pgDriver(m matchExpr, f *titleFreqs) string {
	best, bestF := "", 2.0
	for _, g := range m.groups {
		if len(g) != 1 {
			continue
		}
		for _, w := range g[0] {
			fw := 1.0
			if f != nil && f.freq != nil {
				fw = f.of(w)
			}
			if fw < bestF {
				best, bestF = w, fw
			}
		}
	}
	return best
}

// pgTitledByTerm reads the title tier along the driver word's first
// pgWalkPostings postings, looking each posting's row up by trank (OFFSET
// 0 keeps the lateral subquery a lookup: joined plainly, the planner
// merged the postings with a walk of all of search_titles, 557 ms where
// the lookups take 1 ms). complete: these are the first limit matches, or
// every match.
func pgTitledByTerm(ctx context.Context, c conn, m matchExpr, driver string, limit int) ([]candidate, bool, error) {
	rows, err := c.query(ctx, `SELECT t.key, t.title FROM
		(SELECT trank FROM search_title_terms WHERE term = ? ORDER BY trank LIMIT ?) p CROSS JOIN LATERAL
		(SELECT key, title FROM search_titles t WHERE t.trank = p.trank AND t.tsv @@ ?::tsquery OFFSET 0) t
		ORDER BY p.trank LIMIT ?`,
		pgCustomPlan, driver, pgWalkPostings, tsqueryLiteral(m), limit)
	cs, err := collect(rows, err, func(sc scanner) (candidate, error) {
		var r candidate
		return r, sc.Scan(&r.Key, &r.Title)
	})
	if err != nil || len(cs) >= limit {
		return cs, err == nil, err
	}
	var n int
	err = mapErr(c.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_title_terms WHERE term = ? LIMIT ?) p`,
		driver, pgWalkPostings+1).Scan(&n))
	return cs, err == nil && n <= pgWalkPostings, err
}

// pgWalkFinds reports whether walking driver's postings is expected to
// find limit matches of m within pgWalkPostings, or all of them, from the
// title tier's statistics f: a filtered query (a common word in one column
// and year) found a few dozen in 5,000 postings and sorted the GIN
// index's matches after all, 7 ms late. A wrong guess costs time only;
// either way gives the same rows.
func pgWalkFinds(ctx context.Context, c conn, m matchExpr, f *titleFreqs, driver string, limit int) bool {
	if f == nil || f.freq == nil {
		return true
	}
	n, err := c.srch.cachedSize(ctx, &Store{conn: c}, pgSearch{})
	if err != nil || n == 0 {
		return true
	}
	fd := f.of(driver)
	if fd*float64(n) <= pgWalkPostings {
		return true
	}
	return pgWalkPostings*pgDensity(m, f)/fd >= float64(limit)
}

// pgWalkPostings bounds the postings a title walk reads (a millisecond a
// few hundred).
const pgWalkPostings = 5000
