package staff

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// siteColumnTree is one site's columns with their Orgs, for the list.
type siteColumnTree struct {
	Site    catalog.Site
	Columns []catalog.Column
	Orgs    map[int64]string
	Names   map[int64]string
}

type columnListPage struct {
	web.Page
	Groups []siteColumnTree
}

func (h handlers) columnList(w http.ResponseWriter, r *http.Request) {
	p := columnListPage{Page: h.base(r, "栏目管理")}
	for _, s := range h.app.Sites() {
		g := siteColumnTree{Site: s, Orgs: map[int64]string{}, Names: map[int64]string{}}
		var err error
		if g.Columns, err = h.app.Store.Columns(r.Context(), s.ID); err != nil {
			h.app.Fail(w, r, err)
			return
		}
		orgs, err := h.app.Store.Orgs(r.Context(), s.ID)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		for _, o := range orgs {
			g.Orgs[o.ID] = o.Name
		}
		for _, c := range g.Columns {
			g.Names[c.ID] = c.Name
		}
		p.Groups = append(p.Groups, g)
	}
	h.app.Render(w, r, http.StatusOK, "staff/column_list.html", p)
}

type columnFormPage struct {
	web.Page
	form
	Column  catalog.Column
	Site    catalog.Site
	Parents []catalog.Column
	Orgs    []catalog.Org
	Kinds   []catalog.ColumnKind
	Sort    string // as typed
}

func (h handlers) columnNew(w http.ResponseWriter, r *http.Request) {
	c := catalog.Column{SiteID: formIDq(r.URL.Query().Get("site")), Kind: catalog.KindNews}
	if c.SiteID == 0 {
		if sites := h.app.Sites(); len(sites) > 0 {
			c.SiteID = sites[0].ID
		}
	}
	h.renderColumnForm(w, r, http.StatusOK, c, "0", nil)
}

func (h handlers) columnEdit(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	var c catalog.Column
	if err == nil {
		c, err = h.app.Store.Column(r.Context(), id)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderColumnForm(w, r, http.StatusOK, c, strconv.Itoa(c.Sort), nil)
}

func (h handlers) renderColumnForm(w http.ResponseWriter, r *http.Request, status int, c catalog.Column, sort string, fe catalog.FieldErrors) {
	ctx := r.Context()
	site, err := h.app.Store.Site(ctx, c.SiteID)
	if err != nil {
		h.app.Fail(w, r, err) // no such site: 404; no site at all yet: create one first
		return
	}
	title := "新建栏目"
	if c.ID != 0 {
		title = "修改栏目：" + c.Name
	}
	p := columnFormPage{Page: h.base(r, title), form: form{Errs: fe}, Column: c, Site: site, Kinds: catalog.ColumnKinds, Sort: sort}
	cols, err := h.app.Store.Columns(ctx, site.ID)
	if err == nil {
		p.Orgs, err = h.app.Store.Orgs(ctx, site.ID)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, x := range cols {
		if c.ID == 0 || !descendsFrom(cols, x.ID, c.ID) {
			p.Parents = append(p.Parents, x)
		}
	}
	h.app.Render(w, r, status, "staff/column_form.html", p)
}

// descendsFrom reports whether column id is root or lies below it.
func descendsFrom(cols []catalog.Column, id, root int64) bool {
	parent := map[int64]int64{}
	for _, c := range cols {
		parent[c.ID] = c.ParentID
	}
	for seen := 0; id != 0 && seen <= len(cols); seen++ {
		if id == root {
			return true
		}
		id = parent[id]
	}
	return false
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// columnSave creates (no {id}) or updates a 栏目.
func (h handlers) columnSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := loadByPath(r, h.app.Store.Column)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if c.ID == 0 {
		c.SiteID = formID(r, "site")
		c.Slug = strings.TrimSpace(r.PostFormValue("slug"))
		if _, err := h.app.Store.Site(ctx, c.SiteID); err != nil {
			h.app.Fail(w, r, web.ErrBadRequest)
			return
		}
	}
	c.Name = strings.TrimSpace(r.PostFormValue("name"))
	c.Kind = catalog.ColumnKind(r.PostFormValue("kind"))
	c.ParentID = formID(r, "parent")
	c.OrgID = formID(r, "org")
	c.Description = strings.TrimSpace(r.PostFormValue("description"))
	c.Archived = r.PostFormValue("archived") == "yes"
	sort := strings.TrimSpace(r.PostFormValue("sort"))
	fe := h.validateColumn(ctx, &c, sort)
	if len(fe) > 0 {
		h.renderColumnForm(w, r, http.StatusUnprocessableEntity, c, sort, fe)
		return
	}
	action, done := "column.update", "saved"
	if c.ID == 0 {
		action, done = "column.create", "created"
		c.ID, err = h.app.Store.CreateColumn(ctx, c)
	} else {
		err = h.app.Store.UpdateColumn(ctx, c)
	}
	if errors.Is(err, store.ErrConflict) {
		fe.Add("slug", "该站点已有使用此路径的栏目")
		h.renderColumnForm(w, r, http.StatusUnprocessableEntity, c, sort, fe)
		return
	}
	if err == nil {
		err = h.app.Audit(r, action, fmt.Sprintf("column:%d", c.ID), c.Name)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/columns", done)
}

func (h handlers) validateColumn(ctx context.Context, c *catalog.Column, sort string) catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if c.ID == 0 && !slugRE.MatchString(c.Slug) {
		fe.Add("slug", "路径只能使用小写字母、数字和连字符（-），如“tzgg”")
	}
	if c.Name == "" || utf8.RuneCountInString(c.Name) > 50 {
		fe.Add("name", "请填写栏目名称（不超过50字）")
	}
	if !c.Kind.Valid() {
		fe.Add("kind", "请选择栏目类型")
	}
	n, err := strconv.Atoi(sort)
	if sort != "" && (err != nil || n < 0 || n > 9999) {
		fe.Add("sort", "排序请填写0到9999之间的整数")
	}
	c.Sort = n
	if c.ParentID != 0 {
		cols, err := h.app.Store.Columns(ctx, c.SiteID)
		p, perr := h.app.Store.Column(ctx, c.ParentID)
		switch {
		case err != nil || perr != nil || p.SiteID != c.SiteID:
			fe.Add("parent", "请选择本站点的栏目作为上级栏目")
		case c.ID != 0 && descendsFrom(cols, c.ParentID, c.ID):
			fe.Add("parent", "不能选择本栏目或其下级栏目作为上级栏目")
		}
	}
	if c.OrgID != 0 {
		if o, err := h.app.Store.Org(ctx, c.OrgID); err != nil || o.SiteID != c.SiteID {
			fe.Add("org", "请选择本站点的科室")
		}
	}
	return fe
}
