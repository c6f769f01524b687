package public

import (
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type guideColumn struct {
	catalog.Column
	Children []catalog.Column
}

type guidePage struct {
	web.Page
	Doc       *catalog.Document // the agency's own 指南, when its 指南 column has one
	Columns   []guideColumn     // the classification: first-level columns and their children
	Channels  []catalog.Channel // other channels the agency really publishes on
	ReportURL string
}

// guideShow is the 政府信息公开指南. 条例第十二条 requires it to give the
// classification and arrangement of the information, how to obtain it, and
// the name, address, office hours and telephone of the disclosure office.
// Those parts are generated from the site record and the column tree, so
// they never go stale; a 指南 the agency published in its 指南 column is shown
// first.
func (h handlers) guideShow(w http.ResponseWriter, r *http.Request) {
	site, base, tree, err := h.siteColumns(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	p := guidePage{Page: h.app.Base(r, "政府信息公开指南")}
	p.Meta.ColumnName, p.Meta.ColumnType = "政府信息公开指南", string(catalog.KindGuide)
	for _, c := range tree.children(0) {
		p.Columns = append(p.Columns, guideColumn{Column: c, Children: tree.children(c.ID)})
	}
	if c, ok := tree.firstOfKind(catalog.KindAnnualReport); ok {
		p.ReportURL = columnURL(base, c)
	}
	if ids := tree.ofKind(catalog.KindGuide); len(ids) > 0 {
		docs, _, err := h.app.Store.DocumentList(ctx, store.DocumentFilter{SiteID: site.ID, ColumnIDs: ids,
			States: []catalog.State{catalog.StatePublished}, Limit: 1})
		if err == nil && len(docs) > 0 {
			var d catalog.Document
			if d, err = h.app.Store.Document(ctx, docs[0].ID); err == nil {
				p.Doc = &d
				p.Meta.PubDate = pubDate(d.PublishedAt)
			}
		}
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
	}
	if p.Channels, err = h.app.Store.ChannelsUsed(ctx, site.ID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "public/guide.html", p)
}
