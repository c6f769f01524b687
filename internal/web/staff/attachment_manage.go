package staff

import (
	"fmt"
	"net/http"
	"path"

	"gongkai/internal/files"
	"gongkai/internal/web"
)

// attachmentDelete removes an attachment while the document is editable.
func (h handlers) attachmentDelete(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadEditable(r)
	var aid int64
	if err == nil {
		aid, err = web.PathID(r, "aid")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	a, err := h.app.Store.Attachment(r.Context(), aid)
	if err == nil && a.DocumentID != d.ID {
		err = web.ErrNotFound
	}
	if err == nil {
		err = h.app.Store.DeleteAttachment(r.Context(), a.ID)
	}
	if err == nil {
		err = h.app.Audit(r, "attachment.delete", fmt.Sprintf("document:%d", d.ID), a.Name)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	// The record is gone: a file left behind is only logged.
	if err := files.Remove(h.app.Cfg.FilesDir(), a.StoredAs); err != nil {
		h.app.Log.Warn("remove attachment file", "attachment", a.ID, "err", err)
	}
	redirect(w, r, fmt.Sprintf("/admin/documents/%d/edit", d.ID), "deleted")
}

// attachmentDownload lets staff who may see the document open its
// attachment, e.g. a reviewer before approving it.
func (h handlers) attachmentDownload(w http.ResponseWriter, r *http.Request) {
	aid, err := web.PathID(r, "aid")
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	a, err := h.app.Store.Attachment(r.Context(), aid)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	r.SetPathValue("id", fmt.Sprint(a.DocumentID))
	if _, _, _, err := h.loadDocument(r); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.ServeFile(w, r, web.StoredFile{Kind: "attachment", ID: a.ID, StoredAs: a.StoredAs, MIME: a.MIME, Name: a.Name,
		Fallback: fmt.Sprintf("attachment-%d%s", a.ID, path.Ext(a.Name)), Cache: "private, no-store"})
}
