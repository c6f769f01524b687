package staff

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type serviceFormPage struct {
	web.Page
	form
	Item      store.ServiceItem
	Sites     []catalog.Site
	Orgs      []catalog.Org
	MaxUpload string
}

func (h handlers) serviceItemNew(w http.ResponseWriter, r *http.Request) {
	it := store.ServiceItem{Published: true, SiteID: chosenSite(r, h.app.Sites())}
	h.renderServiceForm(w, r, http.StatusOK, it, nil)
}

func (h handlers) serviceItemEdit(w http.ResponseWriter, r *http.Request) {
	showEditForm(h.app, w, r, h.app.Store.ServiceItem, h.renderServiceForm)
}

func (h handlers) renderServiceForm(w http.ResponseWriter, r *http.Request, status int, it store.ServiceItem, fe catalog.FieldErrors) {
	title := "新建办事事项"
	if it.ID != 0 {
		title = "修改办事事项"
	}
	p := serviceFormPage{Page: h.base(r, title), form: form{Errs: fe}, Item: it, Sites: h.app.Sites(),
		MaxUpload: megabytes(h.app.Cfg.MaxUpload)}
	if it.SiteID != 0 {
		orgs, err := h.app.Store.Orgs(r.Context(), it.SiteID)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.Orgs = orgs
	}
	h.app.Render(w, r, status, "staff/service_item_form.html", p)
}

// serviceItemSave creates (no {id}) or updates an item, with any forms
// uploaded in the same submission.
func (h handlers) serviceItemSave(w http.ResponseWriter, r *http.Request) {
	if err := h.parseUploadForm(r); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	it, err := loadByPath(r, h.app.Store.ServiceItem)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(strings.ReplaceAll(r.FormValue(k), "\r\n", "\n")) }
	if it.ID == 0 {
		it.SiteID = formID(r, "site")
	}
	it.Code, it.Name, it.OrgID, it.Agency, it.Category = get("code"), get("name"), formID(r, "org"), get("agency"), get("category")
	it.Conditions, it.Steps, it.Materials = get("conditions"), multiline(get("steps")), multiline(get("materials"))
	it.PromisedLimit, it.LegalLimit, it.Basis, it.Fee = get("promised"), get("legal"), get("basis"), get("fee")
	it.Phone, it.Place, it.Hours, it.OnlineURL = get("phone"), get("place"), get("hours"), get("online")
	it.Published = r.FormValue("published") == "1"
	it.Sort, _ = strconv.Atoi(get("sort"))
	fe := catalog.FieldErrors{}
	if !h.siteExists(it.SiteID) {
		fe.Add("site", "请从列表中选择站点")
	}
	for _, msg := range checkServiceItem(it) {
		switch {
		case strings.Contains(msg, "编码"):
			fe.Add("code", msg)
		case strings.Contains(msg, "名称"):
			fe.Add("name", msg)
		case strings.Contains(msg, "网上办理"):
			fe.Add("online", msg)
		default:
			fe.Add("form", msg)
		}
	}
	if it.OrgID != 0 {
		if o, err := h.app.Store.Org(r.Context(), it.OrgID); err != nil || o.SiteID != it.SiteID {
			fe.Add("org", "请从列表中选择本站点的科室")
		}
	}
	ups, err := h.checkUploads(r, fe)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(fe) > 0 {
		h.renderServiceForm(w, r, http.StatusBadRequest, it, fe)
		return
	}
	id, err := h.app.Store.SaveServiceItem(r.Context(), it)
	if errors.Is(err, store.ErrConflict) {
		fe.Add("code", "本站点已有这个事项编码的事项")
		h.renderServiceForm(w, r, http.StatusConflict, it, fe)
		return
	}
	if err == nil {
		err = h.saveServiceForms(r.Context(), id, ups)
	}
	if err == nil {
		err = h.app.Audit(r, "service.save", "service:"+itoa(id), it.Code+" "+it.Name)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/services/"+itoa(id)+"/edit", "saved")
}

// saveServiceForms stores uploaded forms under the files dir and records
// them on the item; a file whose record fails is removed again.
func (h handlers) saveServiceForms(ctx context.Context, itemID int64, ups []upload) error {
	dir := h.app.Cfg.FilesDir()
	for _, up := range ups {
		src, err := up.hdr.Open()
		if err != nil {
			return err
		}
		st, err := files.Save(dir, up.typ.Ext, src, h.app.Now())
		src.Close()
		if err != nil {
			return err
		}
		if _, err := h.app.Store.CreateServiceForm(ctx, store.ServiceForm{ItemID: itemID, Name: up.name, StoredAs: st.Rel,
			MIME: up.typ.MIME, Size: st.Size, SHA256: st.SHA256}); err != nil {
			_ = files.Remove(dir, st.Rel)
			return err
		}
	}
	return nil
}

// serviceItemDelete removes an item and its form files.
func (h handlers) serviceItemDelete(w http.ResponseWriter, r *http.Request) {
	it, err := loadByPath(r, h.app.Store.ServiceItem)
	if err == nil {
		err = h.app.Store.DeleteServiceItem(r.Context(), it.ID)
	}
	if err == nil {
		for _, f := range it.Forms {
			if rerr := files.Remove(h.app.Cfg.FilesDir(), f.StoredAs); rerr != nil {
				h.app.Log.Warn("service form file not removed", "form", f.ID, "request_id", web.RequestID(r))
			}
		}
		err = h.app.Audit(r, "service.delete", "service:"+itoa(it.ID), it.Code+" "+it.Name)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/services?site="+itoa(it.SiteID), "deleted")
}

// serviceFormDelete removes one form of an item.
func (h handlers) serviceFormDelete(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	fid, err := web.PathID(r, "fid")
	var f store.ServiceForm
	if err == nil {
		f, err = h.app.Store.ServiceForm(r.Context(), fid)
	}
	if err == nil && f.ItemID != id {
		err = web.ErrNotFound
	}
	if err == nil {
		err = h.app.Store.DeleteServiceForm(r.Context(), fid)
	}
	if err == nil {
		_ = files.Remove(h.app.Cfg.FilesDir(), f.StoredAs)
		err = h.app.Audit(r, "service.form.delete", "service:"+itoa(id), f.Name)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/services/"+itoa(id)+"/edit", "deleted")
}
