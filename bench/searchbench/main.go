// Command searchbench measures Gongkai's search at scale (issue 7): it
// generates a realistic corpus (internal/search/searchtest), loads it into a
// fresh SQLite or PostgreSQL store, times `search reindex`, then runs a
// query mix by class and prints p50/p95/p99, the indexing rate, index size,
// memory, and how often the bounded relevance ranking keeps the exact
// ranking's best document on the first page. Run it through bench/search.sh;
// it is not part of CI.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/search/searchtest"
	"gongkai/internal/store"
)

func main() {
	var (
		docs    = flag.Int("docs", 100000, "number of documents")
		dsn     = flag.String("db", "", "PostgreSQL DSN (empty: SQLite)")
		dir     = flag.String("dir", "/tmp/gk-searchbench", "directory of the SQLite file")
		dict    = flag.String("dict", "internal/search/dict/zh_s.txt.gz", "dictionary the corpus words come from")
		perKind = flag.Int("queries", 200, "queries per class")
		reuse   = flag.Bool("reuse", false, "keep an existing database (skip loading and indexing)")
		again   = flag.Bool("reindex", false, "with -reuse: index again")
		only    = flag.String("class", "", "run only the query classes whose name contains this")
		prof    = flag.String("cpuprofile", "", "write a CPU profile of indexing and queries here")
		exact   = flag.Bool("exact", true, "compare the relevance order with exhaustive rankings (slow at a million)")
	)
	flag.Parse()
	ctx := context.Background()
	if *dsn == "" && !*reuse {
		_ = os.RemoveAll(*dir)
	}
	st, err := store.Open(ctx, *dsn, filepath.Join(*dir, "gongkai.db"))
	check(err)
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	vocab, err := searchtest.LoadVocab(*dict, 2026)
	check(err)
	fmt.Printf("# 搜索基准（%s，%d 篇）\n\n词表：%s\n\n", st.Dialect(), *docs, vocab.Sizes())
	var site siteIDs
	if *prof != "" {
		f, err := os.Create(*prof)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	if *reuse {
		site, err = existingSite(ctx, st)
		check(err)
		if *again {
			reindex(ctx, st)
		}
	} else {
		site, err = load(ctx, st, vocab, *docs)
		check(err)
		reindex(ctx, st)
	}
	report(ctx, st, *dsn, *dir)
	runQueries(ctx, st, vocab, site, *perKind, *only, *exact)
	memory()
}

// siteIDs are the site's ids the queries filter by.
type siteIDs struct {
	site    int64
	columns []int64
	orgs    []int64
}

// load writes the corpus without the index hook (the documents of an
// existing site), in batches, and reports the rate.
func load(ctx context.Context, st *store.Store, v *searchtest.Vocab, n int) (siteIDs, error) {
	var s siteIDs
	var err error
	if s.site, err = st.CreateSite(ctx, catalog.Site{Code: "bench", Name: "示例市人民政府", USCC: "11429900MB1C378452"}); err != nil {
		return s, err
	}
	for i := range 6 {
		id, err := st.CreateOrg(ctx, catalog.Org{SiteID: s.site, Name: fmt.Sprintf("第%d科", i+1)})
		if err != nil {
			return s, err
		}
		s.orgs = append(s.orgs, id)
	}
	for i := range 8 {
		id, err := st.CreateColumn(ctx, catalog.Column{SiteID: s.site, Slug: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("栏目%d", i), Kind: catalog.KindNotice})
		if err != nil {
			return s, err
		}
		s.columns = append(s.columns, id)
	}
	start := time.Now()
	end := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	const batch = 5000
	for i := 0; i < n; i += batch {
		var ds []catalog.Document
		for j := i; j < min(i+batch, n); j++ {
			g := v.Generate(j, n, end)
			ds = append(ds, catalog.Document{SiteID: s.site, ColumnID: s.columns[g.Column], OrgID: s.orgs[g.Org], Title: g.Title,
				BodyHTML: g.Body, DocNo: g.DocNo, Genre: catalog.Genre(g.Genre), Validity: catalog.Validities[g.Validity],
				WrittenOn: g.Published.Format("2006-01-02"), PublishedAt: g.Published, State: catalog.StatePublished,
				IndexNo: fmt.Sprintf("11429900MB1C378452/%d-%07d", g.Published.Year(), j+1)})
		}
		if _, err := st.ImportDocuments(ctx, ds); err != nil {
			return s, err
		}
		if (i/batch)%20 == 19 {
			fmt.Fprintf(os.Stderr, "loaded %d\n", i+batch)
		}
	}
	fmt.Printf("文件写入（不含索引）：%d 篇，%.1f 秒\n\n", n, time.Since(start).Seconds())
	return s, nil
}

func existingSite(ctx context.Context, st *store.Store) (siteIDs, error) {
	var s siteIDs
	sites, err := st.Sites(ctx)
	if err != nil || len(sites) == 0 {
		return s, fmt.Errorf("no site: %v", err)
	}
	s.site = sites[0].ID
	cols, err := st.Columns(ctx, s.site)
	if err != nil {
		return s, err
	}
	for _, c := range cols {
		s.columns = append(s.columns, c.ID)
	}
	orgs, err := st.Orgs(ctx, s.site)
	for _, o := range orgs {
		s.orgs = append(s.orgs, o.ID)
	}
	return s, err
}

// reindex times `gongkai search reindex` over the loaded documents.
func reindex(ctx context.Context, st *store.Store) {
	start := time.Now()
	search.Warm()
	load := time.Since(start)
	start = time.Now()
	cpu0 := cpuSeconds()
	var written time.Time
	n, err := search.Reindex(ctx, st, func(done, total int) {
		if done == total {
			written = time.Now()
		}
	})
	check(err)
	secs := time.Since(start).Seconds()
	cpu := cpuSeconds() - cpu0
	fmt.Printf("词典加载 %.2f 秒；索引 %d 篇 %.1f 秒，**%.0f 篇/秒**（其中分词与写入 %.1f 秒、优化 %.1f 秒）；"+
		"进程 CPU 时间 %.1f 秒，即每个 CPU 核心每秒 %.0f 篇（本机 %d 核，测时负载 %s）\n\n",
		load.Seconds(), n, secs, float64(n)/secs, written.Sub(start).Seconds(), time.Since(written).Seconds(),
		cpu, float64(n)/cpu, runtime.NumCPU(), loadAvg())
}

// report prints the index size.
func report(ctx context.Context, st *store.Store, dsn, dir string) {
	if dsn == "" {
		var pages, size int64
		_ = st.DB().QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(pgsize),0) FROM dbstat WHERE name LIKE 'search_fts%'`).Scan(&pages, &size)
		fi, _ := os.Stat(filepath.Join(dir, "gongkai.db"))
		var total int64
		if fi != nil {
			total = fi.Size()
		}
		fmt.Printf("FTS5 索引 %.1f MB；数据库文件 %.1f MB\n\n", float64(size)/1e6, float64(total)/1e6)
		return
	}
	var idx, tbl int64
	_ = st.DB().QueryRowContext(ctx, `SELECT pg_relation_size('search_docs_tsv'), pg_total_relation_size('search_docs')`).Scan(&idx, &tbl)
	fmt.Printf("GIN 索引 %.1f MB；search_docs（含 TOAST 与索引）%.1f MB\n\n", float64(idx)/1e6, float64(tbl)/1e6)
	// The figures depend on the server's memory settings: say them.
	var version, buffers, work, cache string
	_ = st.DB().QueryRowContext(ctx, `SELECT current_setting('server_version'), current_setting('shared_buffers'),
		current_setting('work_mem'), current_setting('effective_cache_size')`).Scan(&version, &buffers, &work, &cache)
	fmt.Printf("PostgreSQL %s：shared_buffers = %s，work_mem = %s，effective_cache_size = %s\n\n", version, buffers, work, cache)
}

func memory() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("\n内存：Go 堆 %.0f MiB（含词典），进程峰值 RSS %.0f MiB\n", float64(ms.HeapInuse)/(1<<20), float64(ru.Maxrss)/1024)
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// cpuSeconds is the process's user and system CPU time so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// loadAvg is the machine's one-minute load average: other work on the
// machine slows every figure here.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}
