package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"gongkai/internal/search"
	"gongkai/internal/search/searchtest"
	"gongkai/internal/store"
)

// query is one query of the mix with what it must find, if anything.
type query struct {
	req    search.Request
	target int64 // a document the query was taken from (title class)
}

type class struct {
	name, desc string
	queries    []query
}

// buildMix makes the query classes. Common-word queries are the hard case
// of tech-notes §3: their words occur in most documents.
func buildMix(ctx context.Context, st *store.Store, v *searchtest.Vocab, s siteIDs, n int) []class {
	r := rand.New(rand.NewPCG(7, 7))
	seg, err := search.Default()
	check(err)
	common := func() string { return searchtest.Common[r.IntN(len(searchtest.Common))] }
	two := func() string {
		a, b := common(), common()
		for b == a {
			b = common()
		}
		return a + " " + b
	}
	mk := func(name, desc string, f func(i int) query) class {
		c := class{name: name, desc: desc}
		for i := range n {
			q := f(i)
			q.req.SiteID, q.req.NoLog, q.req.PerPage = s.site, true, 20
			c.queries = append(c.queries, q)
		}
		return c
	}
	size, err := st.SearchIndexSize(ctx)
	check(err)
	titles := sampleTitles(ctx, st, r, n, size)
	return []class{
		mk("common-date", "两个常见词，按时间", func(int) query { return query{req: search.Request{Query: two()}} }),
		mk("common-rel", "两个常见词，按相关度", func(int) query {
			return query{req: search.Request{Query: two(), Order: store.ByRelevance}}
		}),
		mk("title-rel", "取自某篇标题的 2–3 个词，按相关度", func(i int) query {
			t := titles[i%len(titles)]
			words := slices.DeleteFunc(seg.Words(t.title), func(w string) bool { return len([]rune(w)) < 2 })
			if len(words) > 3 {
				start := r.IntN(len(words) - 2)
				words = words[start : start+3]
			}
			return query{req: search.Request{Query: strings.Join(words, " "), Order: store.ByRelevance}, target: t.id}
		}),
		mk("mid-rel", "中频主题词 + 常见词，按相关度", func(int) query {
			return query{req: search.Request{Query: v.Topic() + " " + common(), Order: store.ByRelevance}}
		}),
		mk("filtered", "常见词 + 栏目 + 年份，按相关度", func(int) query {
			return query{req: search.Request{Query: common(), ColumnIDs: []int64{s.columns[r.IntN(len(s.columns))]},
				Year: 2017 + r.IntN(9), Order: store.ByRelevance}}
		}),
		mk("rare", "长尾词，按时间", func(int) query { return query{req: search.Request{Query: v.Rare()}} }),
		mk("miss", "两个长尾词（多为无结果，走纠错）", func(int) query { return query{req: search.Request{Query: v.Rare() + v.Rare()}} }),
	}
}

type sampled struct {
	id    int64
	title string
}

func sampleTitles(ctx context.Context, st *store.Store, r *rand.Rand, n, size int) []sampled {
	var out []sampled
	for len(out) < n {
		docs, err := st.PublishedAfter(ctx, int64(r.IntN(max(size, 1))), 1)
		check(err)
		if len(docs) == 1 {
			out = append(out, sampled{docs[0].ID, docs[0].Title})
		}
	}
	return out
}

// runQueries warms up with one pass and reports the second.
func runQueries(ctx context.Context, st *store.Store, v *searchtest.Vocab, s siteIDs, n int, only string, exact bool) {
	mix := slices.DeleteFunc(buildMix(ctx, st, v, s, n), func(c class) bool { return !strings.Contains(c.name, only) })
	eng := search.New(st, time.Now)
	clock := newCPUClock(ctx, st)
	for _, c := range mix {
		for _, q := range c.queries {
			_, err := eng.Search(ctx, q.req)
			check(err)
		}
	}
	fmt.Println("| 查询类别 | 说明 | 次数 | p50 | p95 | p99 | 最大 | CPU p50 | CPU p95 | CPU p99 | 平均结果数 | 备注 |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|")
	var all, allCPU []time.Duration
	var agree []string
	for _, c := range mix {
		var lat, cpu []time.Duration
		hits, found := 0, 0
		for _, q := range c.queries {
			t, c0 := time.Now(), clock.now()
			res, err := eng.Search(ctx, q.req)
			lat = append(lat, time.Since(t))
			cpu = append(cpu, clock.now()-c0)
			check(err)
			hits += res.Total
			if q.target != 0 && slices.ContainsFunc(res.Hits[:min(10, len(res.Hits))], func(h search.Hit) bool { return h.Doc.ID == q.target }) {
				found++
			}
		}
		note := ""
		if c.name == "title-rel" {
			note = fmt.Sprintf("来源文件在前 10 条：%d%%", found*100/len(c.queries))
		}
		if exact && (strings.HasSuffix(c.name, "-rel") || c.name == "filtered") {
			same, engine := exactAgreement(ctx, st, eng, c, c.name == "common-rel")
			agree = append(agree, fmt.Sprintf("| %s | %s | %s |", c.name, same, engine))
		}
		all, allCPU = append(all, lat...), append(allCPU, cpu...)
		p, pc := percentiles(lat), percentiles(cpu)
		fmt.Printf("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %d | %s |\n", c.name, c.desc, len(lat), p[0], p[1], p[2], p[3],
			pc[0], pc[1], pc[2], hits/len(lat), note)
	}
	p, pc := percentiles(all), percentiles(allCPU)
	fmt.Printf("| **全部** | 以上合计 | %d | %s | %s | %s | %s | %s | %s | %s | | |\n", len(all), p[0], p[1], p[2], p[3], pc[0], pc[1], pc[2])
	fmt.Println("\n（p50–最大为墙钟时间；CPU 列为每次查询消耗的处理器时间：本进程，PostgreSQL 另加服务端进程。机器被其他任务占用时，墙钟时间含等待处理器的时间。）")
	if len(agree) > 0 {
		fmt.Println("\n相关度排序与穷举排序的一致性（每类取前 20 个查询的第 1 页）：")
		fmt.Println()
		fmt.Println("| 查询类别 | 与同一评分函数逐一打分全部匹配相比 | 与引擎自带全量排序（bm25 / ts_rank）相比 |")
		fmt.Println("|---|---|---|")
		for _, l := range agree {
			fmt.Println(l)
		}
	}
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "VmRSS") {
				fmt.Printf("\n查询阶段 %s\n", strings.Join(strings.Fields(line), " "))
			}
		}
	}
}

func percentiles(d []time.Duration) [4]string {
	s := slices.Clone(d)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	at := func(p float64) string { return fmtDur(s[min(int(p*float64(len(s))), len(s)-1)]) }
	return [4]string{at(0.50), at(0.95), at(0.99), fmtDur(s[len(s)-1])}
}

func fmtDur(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%d µs", d.Microseconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}
