package public

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"

	"gongkai/internal/files"
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
	// files.Open keeps the stored path inside the files directory whatever
	// the database says.
	f, err := files.Open(h.app.Cfg.FilesDir(), a.StoredAs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, files.ErrOutside) {
			h.app.Log.Warn("attachment file missing", "attachment", a.ID, "request_id", web.RequestID(r))
			err = web.ErrNotFound
		}
		h.app.Fail(w, r, err)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ct := a.MIME
	if ct == "" {
		ct = "application/octet-stream"
	}
	hd := w.Header()
	hd.Set("Content-Type", ct)
	hd.Set("Content-Disposition", web.Attachment(fmt.Sprintf("attachment-%d%s", a.ID, path.Ext(a.Name)), a.Name))
	hd.Set("Cache-Control", "public, max-age=300")
	http.ServeContent(w, r, "", fi.ModTime(), f)
}
