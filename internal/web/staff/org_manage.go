package staff

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// siteOrgs is one site's 科室.
type siteOrgs struct {
	Site catalog.Site
	Orgs []catalog.Org
}

type orgListPage struct {
	web.Page
	Groups []siteOrgs
}

func (h handlers) orgList(w http.ResponseWriter, r *http.Request) {
	p := orgListPage{Page: h.base(r, "科室管理")}
	for _, s := range h.app.Sites() {
		orgs, err := h.app.Store.Orgs(r.Context(), s.ID)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.Groups = append(p.Groups, siteOrgs{Site: s, Orgs: orgs})
	}
	h.app.Render(w, r, http.StatusOK, "staff/org_list.html", p)
}

type orgFormPage struct {
	web.Page
	form
	Org   catalog.Org
	Sites []catalog.Site
}

func (h handlers) orgNew(w http.ResponseWriter, r *http.Request) {
	h.renderOrgForm(w, r, http.StatusOK, catalog.Org{SiteID: formIDq(r.URL.Query().Get("site"))}, nil)
}

func (h handlers) orgEdit(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	var o catalog.Org
	if err == nil {
		o, err = h.app.Store.Org(r.Context(), id)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderOrgForm(w, r, http.StatusOK, o, nil)
}

func (h handlers) renderOrgForm(w http.ResponseWriter, r *http.Request, status int, o catalog.Org, fe catalog.FieldErrors) {
	title := "新建科室"
	if o.ID != 0 {
		title = "修改科室：" + o.Name
	}
	h.app.Render(w, r, status, "staff/org_form.html", orgFormPage{Page: h.base(r, title), form: form{Errs: fe}, Org: o, Sites: h.app.Sites()})
}

// orgSave creates (no {id}) or updates a 科室.
func (h handlers) orgSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, err := loadByPath(r, h.app.Store.Org)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if o.ID == 0 {
		o.SiteID = formID(r, "site")
	}
	o.Name = strings.TrimSpace(r.PostFormValue("name"))
	o.Duties = strings.TrimSpace(r.PostFormValue("duties"))
	o.Phone = strings.TrimSpace(r.PostFormValue("phone"))
	fe := catalog.FieldErrors{}
	if _, err := h.app.Store.Site(ctx, o.SiteID); err != nil {
		fe.Add("site", "请选择站点")
	}
	if o.Name == "" || utf8.RuneCountInString(o.Name) > 50 {
		fe.Add("name", "请填写科室名称（不超过50字）")
	}
	if utf8.RuneCountInString(o.Duties) > 2000 {
		fe.Add("duties", "职责不能超过2000字")
	}
	if len(fe) > 0 {
		h.renderOrgForm(w, r, http.StatusUnprocessableEntity, o, fe)
		return
	}
	action, done := "org.update", "saved"
	if o.ID == 0 {
		action, done = "org.create", "created"
		o.ID, err = h.app.Store.CreateOrg(ctx, o)
	} else {
		err = h.app.Store.UpdateOrg(ctx, o)
	}
	if errors.Is(err, store.ErrConflict) {
		fe.Add("name", "该站点已有同名科室")
		h.renderOrgForm(w, r, http.StatusUnprocessableEntity, o, fe)
		return
	}
	if err == nil {
		err = h.app.Audit(r, action, fmt.Sprintf("org:%d", o.ID), o.Name)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/orgs", done)
}
