package staff

import (
	"fmt"
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

func (h handlers) documentNew(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	d := catalog.Document{Genre: catalog.GenreOther, Validity: catalog.Valid, WrittenOn: h.today()}
	choices, err := h.columnChoices(r.Context(), u, 0)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(choices) > 0 {
		d.Issuer = choices[0].Site.Name // 发布机构 defaults to the agency
	}
	if c := formID(r, "column"); c != 0 {
		d.ColumnID = c
	}
	h.renderDocumentForm(w, r, http.StatusOK, d, nil, nil)
}

func (h handlers) documentCreate(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if err := h.parseUploadForm(r); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	d := catalog.Document{AuthorID: u.ID, Validity: catalog.Valid, State: catalog.StateDraft}
	rows := readDocumentForm(r, &d)
	fe, ups, err := h.checkDocument(r, &d)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(fe) > 0 {
		h.renderDocumentForm(w, r, http.StatusUnprocessableEntity, d, rows, fe)
		return
	}
	d.BodyHTML = catalog.SanitizeBody(d.BodyHTML)
	id, err := h.app.Store.CreateDocument(r.Context(), d)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	target := fmt.Sprintf("document:%d", id)
	if err := h.app.Audit(r, "document.create", target, d.Title); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.storeAttachments(r, id, ups); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/documents/%d", id), "created")
}

func (h handlers) documentEdit(w http.ResponseWriter, r *http.Request) {
	_, d, _, err := h.loadDocument(r)
	if err == nil && !d.State.Editable() {
		err = errNotEditable
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderDocumentForm(w, r, http.StatusOK, d, nil, nil)
}

func (h handlers) documentUpdate(w http.ResponseWriter, r *http.Request) {
	_, d, _, err := h.loadDocument(r)
	if err == nil && !d.State.Editable() {
		err = errNotEditable
	}
	if err == nil {
		err = h.parseUploadForm(r)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	rows := readDocumentForm(r, &d)
	fe, ups, err := h.checkDocument(r, &d)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(fe) > 0 {
		h.renderDocumentForm(w, r, http.StatusUnprocessableEntity, d, rows, fe)
		return
	}
	d.BodyHTML = catalog.SanitizeBody(d.BodyHTML)
	if err := h.app.Store.UpdateDocument(r.Context(), d); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "document.update", fmt.Sprintf("document:%d", d.ID), d.Title); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.storeAttachments(r, d.ID, ups); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/documents/%d", d.ID), "saved")
}

// checkDocument validates the typed document and its attachments. The
// returned error is for refusals (403, 413); field messages are in fe.
func (h handlers) checkDocument(r *http.Request, d *catalog.Document) (catalog.FieldErrors, []upload, error) {
	u, _ := web.UserOf(r)
	fe := d.Validate()
	if err := h.checkColumn(r, u, d, fe); err != nil {
		return nil, nil, err
	}
	ups, err := h.checkUploads(r, fe)
	if err != nil {
		return nil, nil, err
	}
	if len(fe) > 0 && len(ups) > 0 {
		// The browser cannot refill a file field; say so beside it.
		fe.Add("attachments", "表单有误，所选附件尚未保存，请改正后重新选择附件")
	}
	return fe, ups, nil
}

// storeAttachments saves the checked uploads and audits each one.
func (h handlers) storeAttachments(r *http.Request, docID int64, ups []upload) error {
	saved, err := h.saveUploads(r.Context(), docID, ups)
	for _, a := range saved {
		if aerr := h.app.Audit(r, "attachment.upload", fmt.Sprintf("document:%d", docID),
			fmt.Sprintf("%s（%d字节，SHA-256 %s）", a.Name, a.Size, a.SHA256)); aerr != nil {
			return aerr
		}
	}
	return err
}
