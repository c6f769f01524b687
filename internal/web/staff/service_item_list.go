package staff

import (
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type serviceListPage struct {
	web.Page
	Sites  []catalog.Site
	SiteID int64
	Query  string
	Items  []store.ServiceItem
	Pager  pager
	// Incomplete counts items missing 4 or more of the ten elements: 5 such
	// items are the 服务不实用 veto line (website-rules §1.8, [R]).
	Incomplete int
}

const servicesPerPage = 50

// serviceItemList lists a site's service items with their missing elements.
func (h handlers) serviceItemList(w http.ResponseWriter, r *http.Request) {
	p := serviceListPage{Page: h.base(r, "办事服务事项"), Sites: h.app.Sites(), Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	p.SiteID = chosenSite(r, p.Sites)
	ctx := r.Context()
	var total int
	var err error
	p.Items, total, err = h.app.Store.ServiceItems(ctx, store.ServiceItemFilter{SiteID: p.SiteID, Query: p.Query,
		Limit: servicesPerPage, Offset: (pageParam(r) - 1) * servicesPerPage})
	if err == nil {
		var all []store.ServiceItem
		all, _, err = h.app.Store.ServiceItems(ctx, store.ServiceItemFilter{SiteID: p.SiteID, Limit: 500})
		for _, it := range all {
			if len(it.Missing()) >= 4 {
				p.Incomplete++
			}
		}
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Pager = newPager(r, total, servicesPerPage)
	h.app.Render(w, r, http.StatusOK, "staff/service_item_list.html", p)
}
