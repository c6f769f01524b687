package public

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/disclosure"
	"gongkai/internal/notice"
	"gongkai/internal/web"
)

// docxMIME is the content type of a Word document.
const docxMIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// statusNoticeDOCX sends one of the applicant's notices as a Word document,
// made from the notice as it was issued (store.Notice.BodyHTML), so the
// download says exactly what the page shows.
func (d *desk) statusNoticeDOCX(w http.ResponseWriter, r *http.Request) {
	appID, ok := d.sessions.current(r, d.app.Now())
	if !ok {
		http.Redirect(w, r, baseOf(r)+"/status", http.StatusSeeOther)
		return
	}
	name, ok := strings.CutSuffix(r.PathValue("file"), ".docx")
	id, err := strconv.ParseInt(name, 10, 64)
	if !ok || err != nil {
		d.app.Fail(w, r, web.ErrNotFound)
		return
	}
	n, err := d.app.Store.Notice(r.Context(), id)
	if err != nil {
		d.app.Fail(w, r, err)
		return
	}
	// Another application's notice, or one addressed to a third party, is
	// answered like a notice that does not exist.
	if spec, known := n.Kind.Spec(); n.ApplicationID != appID || (known && spec.To != disclosure.ToApplicant) {
		d.app.Fail(w, r, web.ErrNotFound)
		return
	}
	doc, err := notice.ParseHTML(n.BodyHTML)
	if err != nil {
		d.app.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := doc.WriteDOCX(&buf); err != nil {
		d.app.Fail(w, r, err)
		return
	}
	file := n.Title + ".docx"
	h := w.Header()
	h.Set("Content-Type", docxMIME)
	h.Set("Content-Disposition", web.Attachment("notice-"+name+".docx", file))
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
