package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gongkai/internal/search"
	"gongkai/internal/store"
)

const exactSample = 20

// agreement compares the first page of the bounded ranking with a
// reference ranking of every match.
type agreement struct {
	n, same1, top1In10 int
	overlap            float64 // share of the reference page found, summed
	lat                []time.Duration
}

func (a *agreement) add(ours, ref []int64, took time.Duration) {
	a.lat = append(a.lat, took)
	if len(ref) == 0 {
		return
	}
	a.n++
	if len(ours) > 0 && ours[0] == ref[0] {
		a.same1++
	}
	if slices.Contains(ours, ref[0]) {
		a.top1In10++
	}
	found := 0
	for _, id := range ref {
		if slices.Contains(ours, id) {
			found++
		}
	}
	a.overlap += float64(found) / float64(len(ref))
}

func (a agreement) String() string {
	if a.n == 0 {
		return "无可比查询"
	}
	pc := percentiles(a.lat)
	return fmt.Sprintf("第 1 名相同 %d%%、其第 1 名在前 10 条 %d%%、前 10 条重合 %.0f%%（%d 个查询；逐一打分全部匹配 p50 %s）",
		a.same1*100/a.n, a.top1In10*100/a.n, a.overlap*100/float64(a.n), a.n, pc[0])
}

// exactAgreement ranks every match of a sample of c's queries and compares
// the first page: (1) with the same scores Search uses
// (store.SearchExhaustive), which the bounded ranking must reproduce, and
// (2) with the engine's own full ranking (FTS5 bm25, PostgreSQL ts_rank),
// an outside view of relevance that Search does not try to copy.
func exactAgreement(ctx context.Context, st *store.Store, eng *search.Engine, c class, withEngine bool) (string, string) {
	sets, err := st.SynonymSets(ctx)
	check(err)
	var words [][]string
	for _, s := range sets {
		words = append(words, s.Words)
	}
	syn := search.NewSynonyms(words)
	seg, _ := search.Default()
	var same, engine agreement
	for _, q := range c.queries[:min(len(c.queries), exactSample)] {
		p := seg.Parse(q.req.Query, syn)
		if len(p.Groups) == 0 {
			continue
		}
		req := q.req
		req.Page, req.PerPage = 1, 10
		res, err := eng.Search(ctx, req)
		check(err)
		var ours []int64
		for _, h := range res.Hits {
			ours = append(ours, h.Doc.ID)
		}
		sq := store.SearchQuery{SiteID: req.SiteID, ColumnIDs: req.ColumnIDs, Year: req.Year, Order: store.ByRelevance, Limit: 10}
		for _, g := range p.Groups {
			sq.Groups = append(sq.Groups, g.Alternatives)
		}
		t := time.Now()
		ref, err := st.SearchExhaustive(ctx, sq)
		check(err)
		same.add(ours, ref, time.Since(t))
		if withEngine && len(req.ColumnIDs) == 0 && req.Year == 0 {
			t = time.Now()
			ref = exactTop10(ctx, st, p, q.req.SiteID)
			engine.add(ours, ref, time.Since(t))
		}
	}
	eng2 := ""
	if withEngine {
		eng2 = engine.String()
	}
	return same.String(), eng2
}

func exactTop10(ctx context.Context, st *store.Store, p search.Parsed, site int64) []int64 {
	var q string
	var args []any
	if st.Dialect() == store.SQLite {
		var groups []string
		for _, g := range p.Groups {
			var alts []string
			for _, alt := range g.Alternatives {
				var ws []string
				for _, w := range alt {
					ws = append(ws, `"`+w+`"`)
				}
				alts = append(alts, "("+strings.Join(ws, " AND ")+")")
			}
			groups = append(groups, "("+strings.Join(alts, " OR ")+")")
		}
		q = `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 10.0, 1.0, 0.0) LIMIT 10`
		args = []any{strings.Join(groups, " AND ") + fmt.Sprintf(` AND "_s%d"`, site)}
	} else {
		var groups []string
		for _, g := range p.Groups {
			var alts []string
			for _, alt := range g.Alternatives {
				var ws []string
				for _, w := range alt {
					ws = append(ws, "'"+w+"'")
				}
				alts = append(alts, "("+strings.Join(ws, " & ")+")")
			}
			groups = append(groups, "("+strings.Join(alts, " | ")+")")
		}
		tq := strings.Join(groups, " & ") + fmt.Sprintf(" & '_s%d'", site)
		q = `SELECT key FROM search_docs WHERE tsv @@ $1::tsquery ORDER BY ts_rank('{0.1, 0, 0, 1.0}', tsv, $1::tsquery) DESC LIMIT 10`
		args = []any{tq}
	}
	rows, err := st.DB().QueryContext(ctx, q, args...)
	check(err)
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var k int64
		check(rows.Scan(&k))
		out = append(out, (1<<40-1)-k>>1&(1<<40-1))
	}
	return out
}
