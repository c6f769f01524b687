package staff

import (
	"context"
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
	h.submitDocument(w, r, d, "document.create", "created", func(ctx context.Context, d catalog.Document) (int64, error) {
		return h.app.Store.CreateDocument(ctx, d)
	})
}

func (h handlers) documentEdit(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadEditable(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderDocumentForm(w, r, http.StatusOK, d, nil, nil)
}

func (h handlers) documentUpdate(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadEditable(r)
	if err == nil {
		err = h.parseUploadForm(r)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.submitDocument(w, r, d, "document.update", "saved", func(ctx context.Context, d catalog.Document) (int64, error) {
		return d.ID, h.app.Store.UpdateDocument(ctx, d)
	})
}

// submitDocument takes the posted form into d and, when it passes, saves
// it with save (which returns the document's ID), audits action, stores the
// attachments and shows the document with the confirmation done. When it
// does not pass, the form is shown again with what the user typed and the
// messages beside the fields.
func (h handlers) submitDocument(w http.ResponseWriter, r *http.Request, d catalog.Document, action, done string,
	save func(context.Context, catalog.Document) (int64, error)) {
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
	id, err := save(r.Context(), d)
	if err == nil {
		err = h.app.Audit(r, action, fmt.Sprintf("document:%d", id), d.Title)
	}
	if err == nil {
		err = h.storeAttachments(r, id, ups)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/documents/%d", id), done)
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
