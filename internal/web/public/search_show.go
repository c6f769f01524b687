package public

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/web"
)

type searchPage struct {
	web.Page
	F      searchForm
	Errors catalog.FieldErrors
	searchChoices
	Result   search.Result
	Searched bool
	Hot      []string
	Pager    pager
	// SuggestURL searches the did-you-mean words with the same filters.
	SuggestURL string
	// OrderURLs switch between date and relevance order.
	DateURL, RelURL string
	ColumnNames     map[int64]string // column names by id, for the results
}

// searchShow is the site search: the words are cut by the dictionary,
// synonyms widen them, filters narrow them; newest first unless relevance
// is asked for, repealed and expired documents labelled and ranked lower.
func (h searchHandlers) searchShow(w http.ResponseWriter, r *http.Request) {
	site, base, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	p := searchPage{Page: h.app.Base(r, "站内搜索"), F: readSearchForm(r)}
	p.Meta.ColumnName, p.Meta.ColumnType = "站内搜索", "search"
	if p.searchChoices, err = h.choices(ctx, site.ID, true); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.ColumnNames = map[int64]string{}
	for _, c := range p.searchChoices.Columns {
		p.ColumnNames[c.ID] = c.Name
	}
	req, fe := p.F.check(p.searchChoices, site.ID)
	if len(fe) > 0 {
		p.Errors = fe
		h.app.Render(w, r, http.StatusBadRequest, "public/search.html", p)
		return
	}
	if p.Hot, err = h.eng.HotQueries(ctx, site.ID, 8); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if p.F.Q == "" {
		h.app.Render(w, r, http.StatusOK, "public/search.html", p)
		return
	}
	n := pageParam(r)
	if n > search.MaxPage {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	req.Page, req.PerPage = n, perPage
	if p.Result, err = h.eng.Search(ctx, req); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Searched = true
	p.Title = "“" + clip(p.F.Q) + "”的搜索结果 - 站内搜索"
	keep := p.F.values()
	p.Pager = pager{Page: n, Pages: max(p.Result.Pages(), 1), Total: p.Result.Total, url: pageURL(base+"/search", keep)}
	if n > p.Pager.Pages {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	if p.Result.Suggestion != "" {
		v := p.F.values()
		v.Set("q", p.Result.Suggestion)
		p.SuggestURL = pageURL(base+"/search", v)(1)
	}
	v := p.F.values()
	v.Set("order", "")
	p.DateURL = pageURL(base+"/search", v)(1)
	v.Set("order", "rel")
	p.RelURL = pageURL(base+"/search", v)(1)
	h.app.Render(w, r, http.StatusOK, "public/search.html", p)
}

// choices reads what the filters offer; the years only for the page (the
// API takes any four-digit year).
func (h searchHandlers) choices(ctx context.Context, siteID int64, withYears bool) (searchChoices, error) {
	c := searchChoices{Validities: catalog.Validities, Types: searchTypes}
	var err error
	if c.Columns, err = h.app.Store.Columns(ctx, siteID); err != nil {
		return c, err
	}
	if c.Orgs, err = h.app.Store.Orgs(ctx, siteID); err != nil {
		return c, err
	}
	if withYears {
		c.Years, err = h.app.Store.PublishedYearSpan(ctx, siteID)
	}
	return c, err
}

// pageURL returns the address of page n of a list under path with the
// non-empty values of keep.
func pageURL(path string, keep url.Values) func(int) string {
	return func(page int) string {
		q := url.Values{}
		for k, v := range keep {
			if len(v) > 0 && v[0] != "" {
				q.Set(k, v[0])
			}
		}
		if page > 1 {
			q.Set("page", strconv.Itoa(page))
		}
		if len(q) == 0 {
			return path
		}
		return path + "?" + q.Encode()
	}
}
