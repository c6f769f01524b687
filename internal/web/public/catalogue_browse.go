package public

import (
	"net/http"
	"slices"
	"strconv"

	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

type cataloguePage struct {
	web.Page
	F      catalogueFilter
	Errors catalog.FieldErrors
	catalogueChoices
	Docs  []catalog.Document
	Pager pager
}

// catalogueBrowse is the 政府信息公开目录 (条例第十二条: 索引、名称、内容概述、
// 生成日期): every published document of the site, filtered by 主题分类,
// 发布机构, year of publication, 有效性 and a title keyword. The site's search
// box submits here too.
func (h handlers) catalogueBrowse(w http.ResponseWriter, r *http.Request) {
	site, base, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	p := cataloguePage{Page: h.app.Base(r, "政府信息公开目录"), F: readCatalogueFilter(r)}
	p.Meta.ColumnName, p.Meta.ColumnType = "政府信息公开目录", string(catalog.KindCatalogue)
	p.Validities = catalog.Validities
	if p.Topics, err = h.app.Store.Topics(ctx, site.ID); err == nil {
		if p.Issuers, err = h.app.Store.Issuers(ctx, site.ID); err == nil {
			p.Years, err = h.app.Store.PublishedYears(ctx, site.ID)
		}
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	sf, fe := p.F.check(p.catalogueChoices, site.ID)
	if y, err := strconv.Atoi(p.F.Year); err == nil && fe["year"] == "" && !slices.Contains(p.Years, y) {
		// A valid year without documents stays selected: the list below
		// then says nothing was found, which is the truth.
		p.Years = append(p.Years, y)
		slices.Sort(p.Years)
		slices.Reverse(p.Years)
	}
	if len(fe) > 0 {
		p.Errors = fe
		h.app.Render(w, r, http.StatusBadRequest, "public/catalogue.html", p)
		return
	}
	n := pageParam(r)
	sf.Limit, sf.Offset = perPage, offset(n)
	docs, total, err := h.app.Store.DocumentList(ctx, sf)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	pg, ok := newPager(base+"/xxgk/", p.F.values(), n, total)
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	p.Docs, p.Pager = docs, pg
	if p.F.Q != "" {
		p.Title = "“" + clip(p.F.Q) + "”的检索结果 - 政府信息公开目录"
	}
	h.app.Render(w, r, http.StatusOK, "public/catalogue.html", p)
}
