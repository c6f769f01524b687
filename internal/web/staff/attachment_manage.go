package staff

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"gongkai/internal/web"
)

// attachmentDelete removes an attachment while the document is editable.
func (h handlers) attachmentDelete(w http.ResponseWriter, r *http.Request) {
	_, d, _, err := h.loadDocument(r)
	if err == nil && !d.State.Editable() {
		err = errNotEditable
	}
	var aid int64
	if err == nil {
		aid, err = pathID(r, "aid")
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
	if p, ok := h.attachmentPath(a.StoredAs); ok {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			h.app.Log.Warn("remove attachment file", "attachment", a.ID, "err", err)
		}
	}
	redirect(w, r, fmt.Sprintf("/admin/documents/%d/edit", d.ID), "deleted")
}

// attachmentDownload lets staff who may see the document open its
// attachment, e.g. a reviewer before approving it.
func (h handlers) attachmentDownload(w http.ResponseWriter, r *http.Request) {
	aid, err := pathID(r, "aid")
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
	p, ok := h.attachmentPath(a.StoredAs)
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	f, err := os.Open(p)
	if err != nil {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", a.MIME)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	w.Header().Set("Cache-Control", "private, no-store")
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// attachmentPath is the file of a stored attachment, refusing any stored
// path that would leave the files directory.
func (h handlers) attachmentPath(storedAs string) (string, bool) {
	rel := filepath.FromSlash(storedAs)
	if !filepath.IsLocal(rel) || strings.Contains(storedAs, "\\") {
		return "", false
	}
	return filepath.Join(h.app.Cfg.FilesDir(), rel), true
}
