package public

import (
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type columnPage struct {
	web.Page
	Column   catalog.Column
	Trail    []catalog.Column // first level down to the parent
	Children []catalog.Column
	Docs     []catalog.Document
	Pager    pager
	FeedRSS  string
	FeedAtom string
}

// columnShow lists a 栏目's published documents, its own and those of the
// columns below it, newest first, 20 a page.
func (h handlers) columnShow(w http.ResponseWriter, r *http.Request) {
	site, base, tree, err := h.siteColumns(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	col, ok := tree.bySlug(r.PathValue("slug"))
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	// The 指南 and the 目录 have their own pages (条例第十二条); their columns
	// in the navigation lead there.
	switch col.Kind {
	case catalog.KindGuide:
		http.Redirect(w, r, base+"/guide", http.StatusFound)
		return
	case catalog.KindCatalogue:
		http.Redirect(w, r, base+"/xxgk/", http.StatusFound)
		return
	}
	n := pageParam(r)
	docs, total, err := h.app.Store.DocumentList(r.Context(), store.DocumentFilter{SiteID: site.ID,
		ColumnIDs: tree.subtree(col.ID), States: []catalog.State{catalog.StatePublished},
		Limit: perPage, Offset: offset(n)})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	url := columnURL(base, col)
	pg, ok := newPager(url, nil, n, total)
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	trail := tree.trail(col.ID)
	p := columnPage{Page: h.app.Base(r, col.Name), Column: col, Trail: trail[:len(trail)-1],
		Children: tree.children(col.ID), Docs: docs, Pager: pg, FeedRSS: url + "feed.xml", FeedAtom: url + "atom.xml"}
	p.Meta.ColumnName, p.Meta.ColumnType, p.Meta.Description = col.Name, string(col.Kind), col.Description
	h.app.Render(w, r, http.StatusOK, "public/column.html", p)
}
