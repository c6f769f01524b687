package staff

import (
	"net/http"
	"slices"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// documentActions says which workflow forms the user sees on the page.
type documentActions struct {
	Edit, Submit, FirstReview, FinalReview, Withdraw, Validity bool
}

type documentShowPage struct {
	web.Page
	form
	Doc            catalog.Document
	Column         catalog.Column
	Site           catalog.Site
	Author         string
	Reviews        []store.Review
	RejectReason   string
	ReplacedBy     *catalog.Document
	Can            documentActions
	IFirstReviewed bool // the user did the 初审, so cannot do the 终审
	LateUnknown    bool
	Validities     []catalog.Validity
	Message        string            // an error about the whole action, e.g. same reviewer
	Typed          map[string]string // what was typed into the action forms
	Media          documentChannels  // 公众号 publishing and the document's posts
}

func (h handlers) documentShow(w http.ResponseWriter, r *http.Request) {
	h.renderDocument(w, r, http.StatusOK, nil, "", nil)
}

// renderDocument shows the document page; after a refused action, fe,
// msg and typed carry the messages and what was typed.
func (h handlers) renderDocument(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, msg string, typed map[string]string) {
	u, d, col, err := h.loadDocument(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	p := documentShowPage{Page: h.base(r, d.Title), form: form{Errs: fe}, Doc: d, Column: col, Message: msg,
		Typed: typed, Validities: catalog.Validities, Can: actionsFor(u, d)}
	if p.Typed == nil {
		p.Typed = map[string]string{"validity": string(d.Validity), "validity_on": d.ValidityOn}
		if p.Typed["validity_on"] == "" {
			p.Typed["validity_on"] = h.today()
		}
	}
	if p.Site, err = h.app.Store.Site(ctx, d.SiteID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if a, err := h.app.Store.User(ctx, d.AuthorID); err == nil {
		p.Author = a.DisplayName
	}
	if p.Reviews, err = h.app.Store.Reviews(ctx, d.ID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if d.State == catalog.StateRejected {
		reasons, err := h.app.Store.LastReasons(ctx, []int64{d.ID}, catalog.ActReject)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.RejectReason = reasons[d.ID]
	}
	if d.State == catalog.StateFirstApproved {
		first, err := h.app.Store.FirstReviewer(ctx, d.ID)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.IFirstReviewed = first == u.ID
	}
	if d.ReplacedBy != 0 {
		if rd, err := h.app.Store.Document(ctx, d.ReplacedBy); err == nil {
			p.ReplacedBy = &rd
		}
	}
	flags, err := h.app.Store.OpenFlags(ctx, store.FlagLateUnknown)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.LateUnknown = slices.ContainsFunc(flags, func(f store.DocumentFlag) bool { return f.DocumentID == d.ID })
	if p.Media, err = h.channelsFor(ctx, u, d); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, status, "staff/document_show.html", p)
}

func actionsFor(u auth.User, d catalog.Document) documentActions {
	return documentActions{
		Edit:        u.Role.Can(auth.PermEditDocument) && d.State.Editable(),
		Submit:      u.Role.Can(auth.PermEditDocument) && d.State.Editable(),
		FirstReview: u.Role.Can(auth.PermFirstReview) && d.State == catalog.StateSubmitted,
		FinalReview: u.Role.Can(auth.PermFinalReview) && d.State == catalog.StateFirstApproved,
		Withdraw:    u.Role.Can(auth.PermWithdraw) && (d.State == catalog.StatePublished || d.State == catalog.StateScheduled),
		Validity:    u.Role.Can(auth.PermValidity) && d.State == catalog.StatePublished,
	}
}
