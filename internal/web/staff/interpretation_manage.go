package staff

import (
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// uninterpreted is a policy document still without 解读, with how far past
// the grace period it is (website-rules §1.5: 解读比例 is deducted).
type uninterpreted struct {
	Doc      catalog.Document
	Late     bool
	LateDays int
	Unknown  bool // the calendar does not cover the year
}

type interpretationPage struct {
	web.Page
	form
	Year    int
	Links   []store.InterpretationLink
	Missing []uninterpreted
	Grace   int
	Forms   []interact.InterpretationForm
	New     interact.Interpretation // the form's values (typed ones after an error)
	// PolicyRef and DocRef are the document fields as typed (a number or a
	// 索引号); ?policy= on a GET fills in the policy from a list link.
	PolicyRef, DocRef string
}

// interpretationList shows the year's 解读 links, the policy documents
// without one (late ones first flagged), and the form to add a link.
func (h handlers) interpretationList(w http.ResponseWriter, r *http.Request) {
	h.renderInterpretations(w, r, http.StatusOK, interact.Interpretation{Form: interact.FormText, PublishedOn: h.today()}, nil)
}

func (h handlers) renderInterpretations(w http.ResponseWriter, r *http.Request, status int, in interact.Interpretation, fe catalog.FieldErrors) {
	ctx := r.Context()
	iy, err := h.loadInteractYear(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	links, err := h.app.Store.Interpretations(ctx, iy.site.ID, iy.year)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	docs, err := h.app.Store.UninterpretedPolicies(ctx, iy.site.ID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := interpretationPage{Page: h.base(r, "政策解读与回应"), form: form{Errs: fe}, Year: iy.year, Links: links,
		Grace: iy.set.InterpretGrace, Forms: interact.InterpretationForms, New: in,
		PolicyRef: strings.TrimSpace(r.FormValue("policy")), DocRef: strings.TrimSpace(r.FormValue("document"))}
	today := h.todayDate()
	for _, d := range docs {
		u := uninterpreted{Doc: d}
		late, n, err := interact.UninterpretedLate(iy.cal, workday.FromTime(d.PublishedAt.In(china)), today, iy.set.InterpretGrace)
		u.Late, u.LateDays, u.Unknown = late, n, err != nil
		p.Missing = append(p.Missing, u)
	}
	h.app.Render(w, r, status, "staff/interpretation_list.html", p)
}

// interpretationCreate links a policy document to an interpretation, by
// the IDs (or 索引号) of published documents of the site, or to a link.
func (h handlers) interpretationCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := h.interactSite(r)
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	in := interact.Interpretation{SiteID: site.ID, Form: interact.InterpretationForm(get("form")), Title: get("title"),
		URL: get("url"), PublishedOn: get("published_on")}
	fe := catalog.FieldErrors{}
	var err error
	if in.PolicyID, err = h.publishedDocRef(r, site, get("policy")); err != nil {
		fe.Add("policy", "请填写本站已发布政策文件的编号或索引号")
	}
	if ref := get("document"); ref != "" {
		if in.DocumentID, err = h.publishedDocRef(r, site, ref); err != nil {
			fe.Add("document", "请填写本站已发布解读文件的编号或索引号")
		}
	}
	for k, v := range in.Validate() {
		fe.Add(k, v)
	}
	if len(fe) > 0 {
		h.renderInterpretations(w, r, http.StatusBadRequest, in, fe)
		return
	}
	id, err := h.app.Store.CreateInterpretation(ctx, in)
	if errors.Is(err, store.ErrConflict) {
		fe.Add("document", "该解读文件已与此政策文件关联")
		h.renderInterpretations(w, r, http.StatusConflict, in, fe)
		return
	}
	if err == nil {
		err = h.app.Audit(r, "interpretation.create", "interpretation:"+itoa(id), in.Form.Label())
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/interpretations", "saved")
}

// publishedDocRef resolves a document number or 索引号 to a published
// document of site.
func (h handlers) publishedDocRef(r *http.Request, site catalog.Site, ref string) (int64, error) {
	var d catalog.Document
	var err error
	if id := formIDq(ref); id != 0 {
		d, err = h.app.Store.DocumentHead(r.Context(), id)
	} else if ref != "" {
		d, err = h.app.Store.DocumentByIndexNo(r.Context(), ref)
	} else {
		err = store.ErrNotFound
	}
	if err == nil && (d.SiteID != site.ID || d.State != catalog.StatePublished) {
		err = store.ErrNotFound
	}
	return d.ID, err
}

func (h handlers) interpretationDelete(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err == nil {
		err = h.app.Store.DeleteInterpretation(r.Context(), id)
	}
	if err == nil {
		err = h.app.Audit(r, "interpretation.delete", "interpretation:"+itoa(id), "")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/interpretations", "deleted")
}
