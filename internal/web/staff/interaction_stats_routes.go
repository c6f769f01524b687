package staff

import (
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
)

// registerInteraction adds the 政民互动 records of issue 8 (items 2–5): the
// hotline and letters log with the 12345 import, 建议提案, 解读 links and
// responses to public concerns, their settings and the yearly statistics.
// The message board (留言) registers itself elsewhere.
func (h handlers) registerInteraction() {
	s := h.staff
	s("GET /admin/hotline", auth.PermInteraction, h.hotlineList)
	s("GET /admin/hotline/new", auth.PermInteraction, h.hotlineNew)
	s("POST /admin/hotline/new", auth.PermInteraction, h.hotlineSave)
	s("GET /admin/hotline/{id}/edit", auth.PermInteraction, h.hotlineEdit)
	s("POST /admin/hotline/{id}/edit", auth.PermInteraction, h.hotlineSave)
	s("GET /admin/hotline/import", auth.PermInteraction, h.hotlineImportForm)
	s("POST /admin/hotline/import", auth.PermInteraction, h.hotlineImport)

	s("GET /admin/proposals", auth.PermInteraction, h.proposalList)
	s("GET /admin/proposals/new", auth.PermInteraction, h.proposalNew)
	s("POST /admin/proposals/new", auth.PermInteraction, h.proposalSave)
	s("GET /admin/proposals/{id}", auth.PermInteraction, h.proposalShow)
	s("GET /admin/proposals/{id}/edit", auth.PermInteraction, h.proposalEdit)
	s("POST /admin/proposals/{id}/edit", auth.PermInteraction, h.proposalSave)
	s("POST /admin/proposals/{id}/opinion", auth.PermInteraction, h.proposalOpinion)
	s("POST /admin/proposals/{id}/reply", auth.PermInteraction, h.proposalReply)
	s("POST /admin/proposals/{id}/publish", auth.PermInteractionPublish, h.proposalPublish)
	s("GET /admin/interaction/settings", auth.PermInteraction, h.interactionSettings)
	s("POST /admin/interaction/settings", auth.PermInteraction, h.interactionSettingsSave)

	s("GET /admin/interpretations", auth.PermInteraction, h.interpretationList)
	s("POST /admin/interpretations", auth.PermInteraction, h.interpretationCreate)
	s("POST /admin/interpretations/{id}/delete", auth.PermInteraction, h.interpretationDelete)
	s("GET /admin/concerns", auth.PermInteraction, h.concernList)
	s("POST /admin/concerns", auth.PermInteraction, h.concernSave)
	s("GET /admin/concerns/{id}/edit", auth.PermInteraction, h.concernEdit)
	s("POST /admin/concerns/{id}/edit", auth.PermInteraction, h.concernSave)
	s("POST /admin/concerns/{id}/delete", auth.PermInteraction, h.concernDelete)

	s("GET /admin/interaction/stats", auth.PermInteraction, h.interactionStats)
	s("GET /admin/interaction/stats.xlsx", auth.PermInteraction, h.interactionStatsXLSX)
}

// interactSite is the site a page or form works on: the "site" value when
// it names a site, else the first (main) site.
func (h handlers) interactSite(r *http.Request) catalog.Site {
	sites := h.app.Sites()
	want := formID(r, "site")
	for _, s := range sites {
		if s.ID == want {
			return s
		}
	}
	if len(sites) > 0 {
		return sites[0]
	}
	return catalog.Site{}
}

// yearParam is the ?year= asked for, else the current year.
func (h handlers) yearParam(r *http.Request) int {
	if y, err := strconv.Atoi(strings.TrimSpace(r.URL.Query().Get("year"))); err == nil && y >= 2008 && y <= 2100 {
		return y
	}
	return h.app.Now().In(china).Year()
}

// orgIn reports whether id is one of orgs.
func orgIn(orgs []catalog.Org, id int64) bool {
	for _, o := range orgs {
		if o.ID == id {
			return true
		}
	}
	return false
}
