package staff

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// validitySet records that a published document was amended, repealed or
// has expired (or is valid again), linking the document that replaced it:
// the public page then carries the banner 政府网站发展指引 requires.
func (h handlers) validitySet(w http.ResponseWriter, r *http.Request) {
	_, d, _, err := h.loadDocument(r)
	if err == nil && d.State != catalog.StatePublished {
		err = errWrongState
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	typed := map[string]string{
		"validity":    strings.TrimSpace(r.PostFormValue("validity")),
		"validity_on": strings.TrimSpace(r.PostFormValue("validity_on")),
		"replaced_by": strings.TrimSpace(r.PostFormValue("replaced_by")),
	}
	fe := catalog.FieldErrors{}
	v := catalog.Validity(typed["validity"])
	if !v.Known() {
		fe.Add("validity", "请选择有效性")
	}
	if !catalog.ValidDate(typed["validity_on"]) {
		fe.Add("validity_on", "请按“2024-01-29”的格式填写日期")
	}
	var replacedBy int64
	if ref := typed["replaced_by"]; ref != "" && v != catalog.Valid {
		var rd catalog.Document
		if id, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
			rd, err = h.app.Store.Document(ctx, id)
		} else {
			rd, err = h.app.Store.DocumentByIndexNo(ctx, ref)
		}
		switch {
		case errors.Is(err, store.ErrNotFound):
			fe.Add("replaced_by", "找不到该索引号或编号对应的信息")
		case err != nil:
			h.app.Fail(w, r, err)
			return
		case rd.ID == d.ID:
			fe.Add("replaced_by", "不能指向本文件自身")
		default:
			replacedBy = rd.ID
		}
	}
	if len(fe) > 0 {
		h.renderDocument(w, r, http.StatusUnprocessableEntity, fe, "", typed)
		return
	}
	detail := fmt.Sprintf("%s：%s → %s（%s）", d.Title, d.Validity, v, typed["validity_on"])
	if replacedBy != 0 {
		detail += fmt.Sprintf("，替代文件 document:%d", replacedBy)
	}
	audit := h.app.AuditEntry(r, "document.validity", fmt.Sprintf("document:%d", d.ID), detail)
	if err := h.app.Store.SetValidity(ctx, d.ID, v, typed["validity_on"], replacedBy, audit); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/documents/%d", d.ID), "validity")
}
