package public

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type serviceListPage struct {
	web.Page
	Query string
	Items []store.ServiceItem
	Pager pager
}

// serviceList is the catalogue of a site's service items, searchable by
// name, code, 实施主体, type, materials and basis.
func (h handlers) serviceList(w http.ResponseWriter, r *http.Request) {
	site, base, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if utf8.RuneCountInString(q) > 50 {
		q = string([]rune(q)[:50])
	}
	p := serviceListPage{Page: h.app.Base(r, "办事服务"), Query: q}
	p.Meta.ColumnName, p.Meta.ColumnType = "办事服务", string(catalog.KindService)
	n := pageParam(r)
	items, total, err := h.app.Store.ServiceItems(r.Context(), store.ServiceItemFilter{SiteID: site.ID, PublishedOnly: true,
		Query: q, Limit: perPage, Offset: (n - 1) * perPage})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	var ok bool
	if p.Pager, ok = newPager(base+"/service/", url.Values{"q": {q}}, n, total); !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	p.Items = items
	h.app.Render(w, r, http.StatusOK, "public/service_list.html", p)
}

// serviceURL is an item's page.
func serviceURL(base, code string) string { return base + "/service/" + url.PathEscape(code) }
