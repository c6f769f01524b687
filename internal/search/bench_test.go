package search_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/search/searchtest"
	"gongkai/internal/store"
)

// The Go benchmarks use 20,000 generated documents on SQLite; the scale
// benchmark (a million documents, both engines) is bench/search.sh.
const benchDocs = 20000

var (
	benchOnce  sync.Once
	benchStore *store.Store
	benchSite  int64
	benchErr   error
)

// benchCorpus loads the corpus once per test binary, without the index.
func benchCorpus(b *testing.B) (*store.Store, int64) {
	b.Helper()
	benchOnce.Do(func() {
		ctx := context.Background()
		dir := b.TempDir()
		st, err := store.Open(ctx, "", filepath.Join(dir, "bench.db"))
		if err == nil {
			_, err = st.Migrate(ctx)
		}
		if err != nil {
			benchErr = err
			return
		}
		benchStore = st
		v, err := searchtest.LoadVocab("dict/zh_s.txt.gz", 1)
		if err != nil {
			benchErr = err
			return
		}
		benchSite, benchErr = st.CreateSite(ctx, catalog.Site{Code: "b", Name: "示例市人民政府", USCC: "11429900MB1C378452"})
		col, err := st.CreateColumn(ctx, catalog.Column{SiteID: benchSite, Slug: "c", Name: "栏目", Kind: catalog.KindNotice})
		if err != nil {
			benchErr = err
			return
		}
		end := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
		var docs []catalog.Document
		for i := range benchDocs {
			g := v.Generate(i, benchDocs, end)
			docs = append(docs, catalog.Document{SiteID: benchSite, ColumnID: col, Title: g.Title, BodyHTML: g.Body,
				Genre: catalog.Genre(g.Genre), Validity: catalog.Validities[g.Validity], State: catalog.StatePublished,
				PublishedAt: g.Published, IndexNo: fmt.Sprintf("B/%d", i)})
		}
		_, benchErr = st.ImportDocuments(ctx, docs)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore, benchSite
}

// BenchmarkReindex reports documents indexed per second (cut + write).
func BenchmarkReindex(b *testing.B) {
	st, _ := benchCorpus(b)
	search.Warm()
	ctx := context.Background()
	for b.Loop() {
		if _, err := search.Reindex(ctx, st, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchDocs*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func benchSearch(b *testing.B, queries []string, order store.SearchOrder) {
	st, site := benchCorpus(b)
	ctx := context.Background()
	if n, _ := st.SearchIndexSize(ctx); n == 0 {
		if _, err := search.Reindex(ctx, st, nil); err != nil {
			b.Fatal(err)
		}
	}
	eng := search.New(st, time.Now)
	i := 0
	for b.Loop() {
		if _, err := eng.Search(ctx, search.Request{Query: queries[i%len(queries)], SiteID: site, Order: order, PerPage: 20, NoLog: true}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

var commonQueries = []string{"政府 信息", "公开 工作", "管理 服务", "发展 企业", "建设 单位", "信息 公开"}

func BenchmarkSearchCommonNewest(b *testing.B)    { benchSearch(b, commonQueries, store.ByDate) }
func BenchmarkSearchCommonRelevance(b *testing.B) { benchSearch(b, commonQueries, store.ByRelevance) }
func BenchmarkSearchRare(b *testing.B) {
	benchSearch(b, []string{"循环化改造", "标识解析", "单项冠军", "亩均效益"}, store.ByRelevance)
}
