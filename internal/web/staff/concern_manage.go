package staff

import (
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/web"
)

type concernPage struct {
	web.Page
	form
	Year     int
	Rows     []interact.ConcernResponse
	C        interact.ConcernResponse // the form's values
	Kinds    []interact.ConcernKind
	Channels []string
}

// concernList lists the year's responses to public concerns (热点回应,
// 舆情回应) with the form to record one.
func (h handlers) concernList(w http.ResponseWriter, r *http.Request) {
	h.renderConcerns(w, r, http.StatusOK, interact.ConcernResponse{Kind: interact.ConcernHot, Channel: "门户网站", RespondedOn: h.today()}, nil)
}

func (h handlers) concernEdit(w http.ResponseWriter, r *http.Request) {
	showEditForm(h.app, w, r, h.app.Store.Concern, h.renderConcerns)
}

func (h handlers) renderConcerns(w http.ResponseWriter, r *http.Request, status int, c interact.ConcernResponse, fe catalog.FieldErrors) {
	site, year := h.interactSite(r), h.yearParam(r)
	rows, err := h.app.Store.Concerns(r.Context(), site.ID, year)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, status, "staff/concern_list.html", concernPage{Page: h.base(r, "回应关切"), form: form{Errs: fe},
		Year: year, Rows: rows, C: c, Kinds: interact.ConcernKinds, Channels: interact.ConcernChannels})
}

// concernSave records (no {id}) or changes a response.
func (h handlers) concernSave(w http.ResponseWriter, r *http.Request) {
	// A new one is on the 互动 site chosen on the page.
	c, err := loadOrNew(r, h.app.Store.Concern, func(c *interact.ConcernResponse) { c.SiteID = h.interactSite(r).ID })
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	c.Kind, c.Topic, c.Channel = interact.ConcernKind(get("kind")), get("topic"), get("channel")
	c.RespondedOn, c.Summary, c.URL = get("responded_on"), get("summary"), get("url")
	if fe := c.Validate(); len(fe) > 0 {
		h.renderConcerns(w, r, http.StatusBadRequest, c, fe)
		return
	}
	id, err := h.app.Store.SaveConcern(r.Context(), c)
	if err == nil {
		err = h.app.Audit(r, "concern.save", "concern:"+itoa(id), c.Kind.Label())
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/concerns", "saved")
}

func (h handlers) concernDelete(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err == nil {
		err = h.app.Store.DeleteConcern(r.Context(), id)
	}
	if err == nil {
		err = h.app.Audit(r, "concern.delete", "concern:"+itoa(id), "")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/concerns", "deleted")
}
