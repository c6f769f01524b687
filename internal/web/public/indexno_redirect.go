package public

import (
	"net/http"

	"gongkai/internal/web"
)

// indexNoRedirect resolves the permanent address of a document,
// /xxgk/{索引号}, to its page. The 索引号 never changes once published, so
// this is the address feeds and other sites can keep (website-rules §4.6).
func (h handlers) indexNoRedirect(w http.ResponseWriter, r *http.Request) {
	site, base, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	no := r.PathValue("indexNo")
	if no == "" || len(no) > 100 {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	d, err := h.app.Store.DocumentByIndexNo(r.Context(), no)
	if err == nil && !published(d, site) {
		err = web.ErrNotFound
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, docURL(base, d.ID), http.StatusMovedPermanently)
}
