package staff

import (
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// orgScope is a case list's 科室 filter (依申请公开, 留言): the choices, the
// 科室 filtered by and whether the filter is locked to the user's own.
type orgScope struct {
	Orgs      []catalog.Org
	OrgID     int64
	OrgLocked bool // a 科室信息员 sees their own Org's cases only
}

// scopeByOrg fills a case list's 科室 filter from the query's "org". The
// 公开办 may pick any 科室; a 科室信息员 (an Org-scoped role) is locked to
// their own Org's cases and nothing else. It returns the 科室 names by ID
// for the rows. ok is false when the page is answered already: on a
// failure, or with the empty list for an Org-scoped user with no Org
// (page, the list's page as a pointer so it carries sc, in tmpl).
func (h handlers) scopeByOrg(w http.ResponseWriter, r *http.Request, sc *orgScope, tmpl string, page any) (names map[int64]string, ok bool) {
	sc.OrgID = formIDq(r.URL.Query().Get("org"))
	orgs, names, err := h.orgChoices(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return nil, false
	}
	sc.Orgs = orgs
	if u, _ := web.UserOf(r); u.Role.OrgScoped() {
		sc.OrgID, sc.OrgLocked = u.OrgID, true
		if u.OrgID == 0 {
			h.app.Render(w, r, http.StatusOK, tmpl, page)
			return nil, false
		}
	}
	return names, true
}
