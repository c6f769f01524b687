package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// An import through the command line is searchable at once (openStore
// attaches the index); `search reindex` rebuilds a lost index; `search
// queries --zero` lists what visitors found nothing for.
func TestSearchCommands(t *testing.T) {
	for _, d := range storetest.Engines {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			dir, dsn := t.TempDir(), ""
			if d == store.Postgres {
				dsn = storetest.PostgresDSN(t)
			}
			st := openData(t, dir, dsn)
			site := seedSite(t, st)
			args := []string{"--data", dir}
			if dsn != "" {
				args = append(args, "--db", dsn)
			}
			// The file has rejected lines on purpose; its two good lines are stored.
			if r := gk(t, append([]string{"import", "documents", writeImportFile(t)}, args...)...); !strings.Contains(r.out, "新导入 2 条") {
				t.Fatalf("import: %+v", r)
			}
			eng := search.New(st, time.Now)
			find := func(q string) int {
				t.Helper()
				res, err := eng.Search(ctx, search.Request{Query: q, SiteID: site.ID, NoLog: true})
				if err != nil {
					t.Fatal(err)
				}
				return res.Total
			}
			if n := find("示例办法"); n != 2 {
				t.Fatalf("imported documents found: %d", n)
			}
			if err := st.ClearSearchIndex(ctx); err != nil {
				t.Fatal(err)
			}
			r := gk(t, append([]string{"search", "reindex"}, args...)...)
			if r.code != 0 || !strings.Contains(r.out, "已重建全文检索索引: 2 篇信息") || !strings.Contains(r.out, "已索引 2/2 篇") {
				t.Fatalf("reindex: %+v", r)
			}
			if n := find("示例办法"); n != 2 {
				t.Fatalf("after reindex: %d", n)
			}
			if _, err := eng.Search(ctx, search.Request{Query: "没有的东西", SiteID: site.ID}); err != nil {
				t.Fatal(err)
			}
			if err := eng.Log.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			r = gk(t, append([]string{"search", "queries", "--zero"}, args...)...)
			if r.code != 0 || !strings.Contains(r.out, "没有的东西") {
				t.Fatalf("queries: %+v", r)
			}
		})
	}
}
