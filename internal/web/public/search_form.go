package public

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
)

// searchForm is a search as the visitor typed it.
type searchForm struct {
	Q, Column, Org, Year, Type, Validity, Order string
}

func readSearchForm(r *http.Request) searchForm {
	q := r.URL.Query()
	get := func(k string) string { return strings.TrimSpace(q.Get(k)) }
	return searchForm{Q: get("q"), Column: get("column"), Org: get("org"), Year: get("year"), Type: get("type"),
		Validity: get("validity"), Order: get("order")}
}

func (f searchForm) values() url.Values {
	return url.Values{"q": {f.Q}, "column": {f.Column}, "org": {f.Org}, "year": {f.Year}, "type": {f.Type},
		"validity": {f.Validity}, "order": {f.Order}}
}

// Filtered reports whether any filter besides the words is set.
func (f searchForm) Filtered() bool {
	f.Q, f.Order = "", ""
	return f != searchForm{}
}

// searchChoices are what the filter selects offer.
type searchChoices struct {
	Columns    []catalog.Column
	Orgs       []catalog.Org
	Years      []int
	Validities []catalog.Validity
	Types      []catalog.Genre
}

var searchTypes = []catalog.Genre{catalog.GenreNormative, catalog.GenreRule, catalog.GenreOther}

// check validates f and turns it into a search request. Values that are
// not on offer come from edited or stale links and get a message beside
// their field.
func (f searchForm) check(c searchChoices, siteID int64) (search.Request, catalog.FieldErrors) {
	fe := catalog.FieldErrors{}
	req := search.Request{Query: f.Q, SiteID: siteID}
	if n := utf8.RuneCountInString(f.Q); n > search.MaxQueryRunes {
		fe.Add("q", "检索词不能超过 "+strconv.Itoa(search.MaxQueryRunes)+" 个字，请精简后再试")
	}
	if f.Column != "" {
		found := false
		for _, col := range c.Columns {
			if col.Slug == f.Column {
				req.ColumnIDs, found = []int64{col.ID}, true
			}
		}
		if !found {
			fe.Add("column", "没有这个栏目，请从列表中选择")
		}
	}
	if f.Org != "" {
		id, _ := strconv.ParseInt(f.Org, 10, 64)
		for _, o := range c.Orgs {
			if o.ID == id {
				req.OrgID = id
			}
		}
		if req.OrgID == 0 {
			fe.Add("org", "没有这个科室，请从列表中选择")
		}
	}
	if f.Year != "" {
		y, err := strconv.Atoi(f.Year)
		if err != nil || len(f.Year) != 4 || y < 1949 {
			fe.Add("year", "年份应为四位数字，例如 2025")
		}
		req.Year = y
	}
	if f.Type != "" {
		g := catalog.Genre(f.Type)
		if !g.Known() {
			fe.Add("type", "文件类型只能是：行政规范性文件、规章、其他文件")
		}
		req.Genre = g
	}
	if f.Validity != "" {
		v := catalog.Validity(f.Validity)
		if !v.Known() {
			fe.Add("validity", "有效性只能是：有效、已修改、已废止、已失效")
		}
		req.Validity = v
	}
	switch f.Order {
	case "", "date":
	case "rel":
		req.Order = store.ByRelevance
	default:
		fe.Add("order", "排序只能是按时间或按相关度")
	}
	return req, fe
}
