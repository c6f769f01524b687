package public

import (
	"net/http"
	"slices"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// Numbers of items per home-page section.
const (
	homeFeaturedItems = 8
	homeOtherItems    = 6
)

// featuredKinds are the columns the home page puts first: news, notices and
// policy documents are what visitors and inspections look for (政府网站发展指引:
// 政务动态, 文件资料).
var featuredKinds = []catalog.ColumnKind{catalog.KindNews, catalog.KindNotice, catalog.KindPolicy}

type homeSection struct {
	Column catalog.Column
	Base   string // the site's link prefix, for the document links
	URL    string
	Docs   []catalog.Document
}

type homePage struct {
	web.Page
	Featured  []homeSection
	Others    []homeSection
	ReportURL string // the 信息公开年报 column, when the site has one
}

// home shows the newest documents of the featured columns and of every other
// first-level column. It costs a fixed number of queries: the column tree and
// one statement for the newest documents of all sections together.
func (h handlers) home(w http.ResponseWriter, r *http.Request) {
	p := homePage{Page: h.app.Base(r, "首页")}
	site, base, err := siteOf(r)
	if err != nil {
		// An empty platform still answers its front door.
		h.app.Render(w, r, http.StatusOK, "public/home.html", p)
		return
	}
	tree, err := loadColumns(r.Context(), h.app.Store, site.ID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	featured := map[int64]bool{}
	for _, k := range featuredKinds {
		if c, ok := tree.firstOfKind(k); ok {
			featured[c.ID] = true
			p.Featured = append(p.Featured, homeSection{Column: c, Base: base, URL: columnURL(base, c)})
		}
	}
	for _, c := range tree.children(0) {
		switch {
		case featured[c.ID]:
		case c.Kind == catalog.KindGuide || c.Kind == catalog.KindCatalogue:
			// Linked in the 政府信息公开 block instead.
		default:
			p.Others = append(p.Others, homeSection{Column: c, Base: base, URL: columnURL(base, c)})
		}
	}
	if c, ok := tree.firstOfKind(catalog.KindAnnualReport); ok {
		p.ReportURL = columnURL(base, c)
	}
	var ids []int64
	for _, s := range slices.Concat(p.Featured, p.Others) {
		ids = append(ids, tree.subtree(s.Column.ID)...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids) // a featured column may sit below a first-level one
	latest, err := h.app.Store.LatestPublished(r.Context(), ids, homeFeaturedItems)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	fill := func(secs []homeSection, n int) {
		for i := range secs {
			var docs []catalog.Document
			for _, id := range tree.subtree(secs[i].Column.ID) {
				docs = append(docs, latest[id]...)
			}
			slices.SortFunc(docs, store.NewestFirst)
			secs[i].Docs = docs[:min(n, len(docs))]
		}
	}
	fill(p.Featured, homeFeaturedItems)
	fill(p.Others, homeOtherItems)
	h.app.Render(w, r, http.StatusOK, "public/home.html", p)
}
