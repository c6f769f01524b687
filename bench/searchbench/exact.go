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

const exactSample = 30

// exactAgreement ranks every match of each query of c (what the bounded
// ranking avoids) and reports how often the exact best document is on the
// bounded ranking's first page, the mean overlap of the two top-10s, and
// what the exact ranking costs.
func exactAgreement(ctx context.Context, st *store.Store, eng *search.Engine, c class) string {
	sets, err := st.SynonymSets(ctx)
	check(err)
	var words [][]string
	for _, s := range sets {
		words = append(words, s.Words)
	}
	syn := search.NewSynonyms(words)
	seg, _ := search.Default()
	top1, overlap, n := 0, 0, 0
	var lat []time.Duration
	// Exact ranking of a million matches takes seconds: a sample is enough.
	for _, q := range c.queries[:min(len(c.queries), exactSample)] {
		p := seg.Parse(q.req.Query, syn)
		if len(p.Groups) == 0 {
			continue
		}
		t := time.Now()
		exact := exactTop10(ctx, st, p, q.req.SiteID)
		lat = append(lat, time.Since(t))
		if len(exact) == 0 {
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
		n++
		if slices.Contains(ours, exact[0]) {
			top1++
		}
		for _, id := range exact {
			if slices.Contains(ours, id) {
				overlap++
			}
		}
	}
	if n == 0 {
		return ""
	}
	pc := percentiles(lat)
	return fmt.Sprintf("；精确排序第 1 名在前 10 条：%d%%，前 10 重合 %.1f/10（精确排序全部匹配 p50 %s、p99 %s）",
		top1*100/n, float64(overlap)/float64(n), pc[0], pc[2])
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
