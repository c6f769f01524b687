package search_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// A document published while a reindex runs is indexed by its own write;
// the reindex batch that holds it again must not fail (on PostgreSQL the
// batch's COPY meets the document's row and the batch is written row by
// row instead) nor index it twice.
func TestReindexBatchMeetsADocumentIndexedMeanwhile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		f.imported(t, f.doc("关于拨付中小企业发展专项资金的公告", "专项资金拨付。"), f.doc("专精特新中小企业认定办事指南", "办理流程。"))
		seg, err := search.Default()
		if err != nil {
			t.Fatal(err)
		}
		if err := st.ClearSearchIndex(ctx); err != nil {
			t.Fatal(err)
		}
		f.imported(t, f.doc("中小企业服务月活动通知", "活动安排。"))
		docs, err := st.PublishedAfter(ctx, 0, 100)
		if err != nil || len(docs) != 3 {
			t.Fatalf("published: %d %v", len(docs), err)
		}
		if err := st.IndexSearchEntries(ctx, search.CutAll(seg, docs)); err != nil {
			t.Fatalf("batch with a document indexed meanwhile: %v", err)
		}
		if err := st.OptimizeSearchIndex(ctx); err != nil {
			t.Fatal(err)
		}
		got := f.titles(t, search.Request{Query: "中小企业"})
		slices.Sort(got)
		if len(got) != 3 || len(slices.Compact(got)) != 3 {
			t.Fatalf("after the reindex: %v", got)
		}
		if n, err := st.SearchIndexSize(ctx); n != 3 || err != nil {
			t.Fatalf("index size %d %v", n, err)
		}
	})
}

// A reindex leaves word counts behind: on PostgreSQL the lexicon holds
// the words of at least 200 documents, so their idf is read, not counted;
// rarer words are counted. Both engines give the same counts.
func TestReindexCountsWordsForTheLexicon(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		var docs = f.docs(230, func(i int) (string, string) {
			if i < 210 {
				return fmt.Sprintf("关于拨付专项资金的第%d号公告", i+1), "资金拨付安排。"
			}
			return fmt.Sprintf("文物保护巡查第%d期通报", i+1), "巡查情况。"
		})
		f.imported(t, docs...)
		if _, err := search.Reindex(ctx, st, nil); err != nil {
			t.Fatal(err)
		}
		for word, want := range map[string]int{"专项资金": 210, "文物保护": 20} {
			if n, err := st.SearchDocFreq(ctx, word, 20000); n != want || err != nil {
				t.Errorf("documents of %s: %d %v, want %d", word, n, err, want)
			}
		}
		if st.Dialect() != store.Postgres {
			return
		}
		var df int
		if err := st.DB().QueryRowContext(ctx, `SELECT df FROM search_terms WHERE term = $1`, "专项资金").Scan(&df); err != nil || df != 210 {
			t.Fatalf("lexicon: %d %v", df, err)
		}
		var rare bool
		if err := st.DB().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_terms WHERE term = $1)`, "文物保护").Scan(&rare); err != nil || rare {
			t.Fatalf("a word of 20 documents is in the lexicon: %v %v", rare, err)
		}
		// Published since the reindex, the word is in 210 documents: the
		// first count adds it to the lexicon.
		f.imported(t, f.docs(190, func(i int) (string, string) {
			return fmt.Sprintf("文物保护巡查第%d期通报", i+21), "巡查情况。"
		})...)
		if n, err := st.SearchDocFreq(ctx, "文物保护", 20000); n != 210 || err != nil {
			t.Fatalf("documents of 文物保护 after publishing more: %d %v", n, err)
		}
		if err := st.DB().QueryRowContext(ctx, `SELECT df FROM search_terms WHERE term = $1`, "文物保护").Scan(&df); err != nil || df != 210 {
			t.Fatalf("the lexicon after a count: %d %v", df, err)
		}
	})
}
