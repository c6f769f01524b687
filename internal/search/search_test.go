package search_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestSearchFiltersSynonymsAndHighlighting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		norm := f.doc("示例市经济和信息化局关于印发《中小企业发展专项资金管理办法》的通知", "专项资金用于支持中小企业发展。")
		norm.ColumnID, norm.Genre, norm.Topic, norm.OrgID = f.policy, catalog.GenreNormative, "工业、交通/工业", f.industry
		norm.PublishedAt = time.Date(2024, 5, 6, 9, 0, 0, 0, time.UTC)
		news := f.doc("市经信局召开中小企业座谈会", "会议听取了中小企业对<b>专项资金</b>政策的意见。")
		news.PublishedAt = time.Date(2025, 4, 7, 9, 0, 0, 0, time.UTC)
		f.imported(t, norm, news)
		for _, c := range []struct {
			name string
			req  search.Request
			want []string
		}{
			{"newest first", search.Request{Query: "中小企业"}, []string{news.Title, norm.Title}},
			{"column", search.Request{Query: "中小企业", ColumnIDs: []int64{f.policy}}, []string{norm.Title}},
			{"org", search.Request{Query: "中小企业", OrgID: f.office}, []string{news.Title}},
			{"year", search.Request{Query: "中小企业", Year: 2024}, []string{norm.Title}},
			{"genre", search.Request{Query: "中小企业", Genre: catalog.GenreNormative}, []string{norm.Title}},
			{"topic", search.Request{Query: "中小企业", Topic: "工业、交通/工业"}, []string{norm.Title}},
			{"words AND-ed", search.Request{Query: "中小企业 座谈会"}, []string{news.Title}},
			// 经信局 finds 经济和信息化局 and the other way round.
			{"synonym short→long", search.Request{Query: "经信局 管理办法"}, []string{norm.Title}},
			{"synonym long→short", search.Request{Query: "经济和信息化局 座谈会"}, []string{news.Title}},
			{"文号 in the title field", search.Request{Query: "专项资金", Order: store.ByRelevance}, []string{norm.Title, news.Title}},
			{"no match", search.Request{Query: "天气预报"}, nil},
		} {
			if got := f.titles(t, c.req); !slices.Equal(got, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
		res, err := f.eng.Search(context.Background(), search.Request{Query: "专项资金", SiteID: f.site.ID, NoLog: true})
		if err != nil || len(res.Hits) != 2 {
			t.Fatalf("%+v %v", res, err)
		}
		h := res.Hits[0] // the news item, newest
		if !strings.Contains(string(h.Snippet), "<mark>专项资金</mark>") || strings.Contains(string(h.Snippet), "<b>") {
			t.Errorf("snippet %s", h.Snippet)
		}
		if !strings.Contains(string(res.Hits[1].Title), "<mark>专项资金</mark>") {
			t.Errorf("title %s", res.Hits[1].Title)
		}
	})
}

func TestDidYouMeanAndQueryLog(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		f.imported(t, f.doc("示例市经济和信息化局政府信息公开指南", "依申请公开的受理机构为办公室。"),
			f.doc("关于征集制造业数字化转型典型案例的通知", "征集典型案例。"))
		res, err := f.eng.Search(ctx, search.Request{Query: "依申情公开", SiteID: f.site.ID})
		if err != nil || res.Total != 0 || res.Suggestion != "依申请公开" {
			t.Fatalf("typo: total %d suggestion %q %v", res.Total, res.Suggestion, err)
		}
		for range 3 {
			if _, err := f.eng.Search(ctx, search.Request{Query: "数字化转型 案例", SiteID: f.site.ID}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := f.eng.Search(ctx, search.Request{Query: "电话13812345678 低保", SiteID: f.site.ID}); err != nil {
			t.Fatal(err)
		}
		if err := f.eng.Log.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		hot, err := f.eng.HotQueries(ctx, f.site.ID, 5)
		if err != nil || !slices.Equal(hot, []string{"数字化转型 案例"}) {
			t.Errorf("hot %v %v", hot, err)
		}
		zero, err := st.Queries(ctx, store.QueryFilter{SiteID: f.site.ID, ZeroOnly: true})
		if err != nil || len(zero) != 2 {
			t.Fatalf("zero-result log %+v %v", zero, err)
		}
		for _, z := range zero {
			if strings.Contains(z.Query, "13812345678") {
				t.Errorf("phone number stored: %s", z.Query)
			}
		}
		// A past query that found something is offered for a near miss.
		res, err = f.eng.Search(ctx, search.Request{Query: "数字化转形 案例", SiteID: f.site.ID, NoLog: true})
		if err != nil || res.Suggestion != "数字化转型 案例" {
			t.Errorf("past query suggestion %q %v", res.Suggestion, err)
		}
	})
}

// A query of common words only matches more documents than are counted
// and scored one by one (store.SearchCountCap); the document with every
// word in its title must still come first, even when it is the oldest.
func TestRelevanceBeyondTheRankedCandidates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		var docs []catalog.Document
		target := f.doc("政府信息公开工作年度报告", "年度报告全文。")
		target.PublishedAt = time.Date(2015, 1, 5, 0, 0, 0, 0, time.UTC)
		docs = append(docs, target)
		for i := range 1500 {
			d := f.doc(fmt.Sprintf("第%d次工作会议", i), "会议强调做好政府信息公开工作，编制年度报告。")
			d.PublishedAt = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
			docs = append(docs, d)
		}
		if _, err := st.ImportDocuments(ctx, published(docs)); err != nil {
			t.Fatal(err)
		}
		res, err := f.eng.Search(ctx, search.Request{Query: "政府信息公开 年度报告", SiteID: f.site.ID, Order: store.ByRelevance, NoLog: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != store.SearchCountCap || !res.Capped || len(res.Hits) == 0 || res.Hits[0].Doc.Title != target.Title || !res.Hits[0].InTitle {
			t.Fatalf("total %d, first %+v", res.Total, res.Hits)
		}
		res, err = f.eng.Search(ctx, search.Request{Query: "政府信息公开 年度报告", SiteID: f.site.ID, NoLog: true})
		if err != nil || res.Hits[0].Doc.Title != "第1499次工作会议" {
			t.Fatalf("newest first: %+v %v", res.Hits, err)
		}
	})
}

func published(docs []catalog.Document) []catalog.Document {
	for i := range docs {
		docs[i].State = catalog.StatePublished
	}
	return docs
}
