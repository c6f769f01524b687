package staff

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type siteListPage struct {
	web.Page
	Sites []catalog.Site
}

func (h handlers) siteList(w http.ResponseWriter, r *http.Request) {
	sites, err := h.app.Store.Sites(r.Context())
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/site_list.html", siteListPage{Page: h.base(r, "站点设置"), Sites: sites})
}

type siteFormPage struct {
	web.Page
	form
	Site  catalog.Site
	Roots []catalog.Site // possible parents of a new sub-site
}

func (h handlers) siteNew(w http.ResponseWriter, r *http.Request) {
	h.renderSiteForm(w, r, http.StatusOK, catalog.Site{}, nil)
}

func (h handlers) siteEdit(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	var s catalog.Site
	if err == nil {
		s, err = h.app.Store.Site(r.Context(), id)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderSiteForm(w, r, http.StatusOK, s, nil)
}

func (h handlers) renderSiteForm(w http.ResponseWriter, r *http.Request, status int, s catalog.Site, fe catalog.FieldErrors) {
	title := "新建站点"
	if s.ID != 0 {
		title = "站点设置：" + s.Name
	}
	p := siteFormPage{Page: h.base(r, title), form: form{Errs: fe}, Site: s}
	for _, x := range h.app.Sites() {
		if x.ParentID == 0 && x.ID != s.ID {
			p.Roots = append(p.Roots, x)
		}
	}
	h.app.Render(w, r, status, "staff/site_form.html", p)
}

var (
	codeRE       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)
	siteIDCodeRE = regexp.MustCompile(`^[A-Za-z0-9]{10}$`) // 政府网站标识码, e.g. 4202000001 or bm07000001
)

// siteSave creates (no {id}) or updates a site, then reloads the site
// routing table.
func (h handlers) siteSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	s, err := loadByPath(r, h.app.Store.Site)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if s.ID == 0 {
		s.Code = strings.TrimSpace(r.PostFormValue("code"))
		s.ParentID = formID(r, "parent")
	}
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	s.Name, s.Host, s.USCC, s.SiteIDCode = f("name"), strings.ToLower(f("host")), f("uscc"), f("site_id_code")
	s.ICP, s.Address, s.Phone, s.OfficeHours = f("icp"), f("address"), f("phone"), f("office_hours")

	fe := catalog.FieldErrors{}
	if s.ID == 0 && !codeRE.MatchString(s.Code) {
		fe.Add("code", "站点代码只能使用小写字母、数字和连字符（-），不超过32位")
	}
	if s.Name == "" || utf8.RuneCountInString(s.Name) > 100 {
		fe.Add("name", "请填写站点名称（不超过100字）")
	}
	if up := strings.ToUpper(s.USCC); catalog.ValidUSCC(up) {
		s.USCC = up
	} else {
		fe.Add("uscc", "请填写18位统一社会信用代码（索引号以它开头）")
	}
	if s.SiteIDCode != "" && !siteIDCodeRE.MatchString(s.SiteIDCode) {
		fe.Add("site_id_code", "政府网站标识码为10位字母或数字")
	}
	if s.ParentID != 0 {
		if _, err := h.app.Store.Site(ctx, s.ParentID); err != nil {
			fe.Add("parent", "请选择上级站点")
		}
	}
	if len(fe) > 0 {
		h.renderSiteForm(w, r, http.StatusUnprocessableEntity, s, fe)
		return
	}
	action, done := "site.update", "saved"
	if s.ID == 0 {
		action, done = "site.create", "created"
		s.ID, err = h.app.Store.CreateSite(ctx, s)
	} else {
		err = h.app.Store.UpdateSite(ctx, s)
	}
	if errors.Is(err, store.ErrConflict) {
		fe.Add("code", "该站点代码已被使用")
		h.renderSiteForm(w, r, http.StatusUnprocessableEntity, s, fe)
		return
	}
	if err == nil {
		err = h.app.Audit(r, action, fmt.Sprintf("site:%d", s.ID), s.Name)
	}
	if err == nil {
		err = h.app.ReloadSites(ctx)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/sites", done)
}
