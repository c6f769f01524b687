package public

import (
	"fmt"
	"net/http"
	"path"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type serviceShowPage struct {
	web.Page
	Item store.ServiceItem
}

// serviceShow is one item's 办事指南, shown as a table of its elements.
func (h handlers) serviceShow(w http.ResponseWriter, r *http.Request) {
	site, _, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	it, err := h.app.Store.ServiceItemByCode(r.Context(), site.ID, r.PathValue("code"))
	if err == nil && !it.Published {
		err = web.ErrNotFound
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := serviceShowPage{Page: h.app.Base(r, it.Name), Item: it}
	p.Meta.ColumnName, p.Meta.ColumnType, p.Meta.ArticleTitle = "办事服务", string(catalog.KindService), it.Name
	p.Meta.PubDate = it.UpdatedAt.In(china).Format("2006-01-02 15:04")
	h.app.Render(w, r, http.StatusOK, "public/service_show.html", p)
}

// serviceFormDownload serves a form of a published item; the item code and
// the file name in the address must be the form's own.
func (h handlers) serviceFormDownload(w http.ResponseWriter, r *http.Request) {
	site, _, id, err := siteAndID(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	f, err := h.app.Store.ServiceForm(ctx, id)
	if err == nil && f.Name != r.PathValue("name") {
		err = web.ErrNotFound
	}
	if err == nil {
		it, ierr := h.app.Store.ServiceItem(ctx, f.ItemID)
		if err = ierr; err == nil && (it.SiteID != site.ID || !it.Published || it.Code != r.PathValue("code")) {
			err = web.ErrNotFound
		}
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.ServeFile(w, r, web.StoredFile{Kind: "form", ID: f.ID, StoredAs: f.StoredAs, MIME: f.MIME, Name: f.Name,
		Fallback: fmt.Sprintf("form-%d%s", f.ID, path.Ext(f.Name)), Cache: "public, max-age=300"})
}
