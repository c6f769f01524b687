package public

import (
	"fmt"
	"net/http"
	"path"

	"gongkai/internal/web"
)

// fileDownload serves an attachment of a published document from the files
// directory. The name in the URL must be the attachment's: one address per
// file.
func (h handlers) fileDownload(w http.ResponseWriter, r *http.Request) {
	site, _, id, err := siteAndID(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	a, err := h.app.Store.Attachment(ctx, id)
	if err == nil && a.Name != r.PathValue("name") {
		err = web.ErrNotFound
	}
	if err == nil {
		d, derr := h.app.Store.DocumentHead(ctx, a.DocumentID)
		if err = derr; err == nil && !published(d, site) {
			err = web.ErrNotFound
		}
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.ServeFile(w, r, web.StoredFile{Kind: "attachment", ID: a.ID, StoredAs: a.StoredAs, MIME: a.MIME, Name: a.Name,
		Fallback: fmt.Sprintf("attachment-%d%s", a.ID, path.Ext(a.Name)), Cache: "public, max-age=300"})
}
