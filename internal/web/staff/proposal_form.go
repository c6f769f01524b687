package staff

import (
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type proposalFormPage struct {
	web.Page
	form
	P      interact.Proposal
	Orgs   []catalog.Org
	Kinds  []interact.ProposalKind
	Roles  []interact.Role
	CoRows []int // indexes of the co-handler rows shown (the stored ones and two blank)
}

func (h handlers) proposalNew(w http.ResponseWriter, r *http.Request) {
	site := h.interactSite(r)
	h.renderProposalForm(w, r, http.StatusOK, interact.Proposal{SiteID: site.ID, Kind: interact.KindNPC, Role: interact.RoleLead}, nil)
}

func (h handlers) proposalEdit(w http.ResponseWriter, r *http.Request) {
	p, err := loadByPath(r, h.app.Store.Proposal)
	if err == nil && p.ProposerPhone != "" {
		// The form shows the proposer's phone in full: who opened it is recorded.
		err = h.app.Audit(r, "proposal.reveal", "proposal:"+itoa(p.ID), "")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderProposalForm(w, r, http.StatusOK, p, nil)
}

func (h handlers) renderProposalForm(w http.ResponseWriter, r *http.Request, status int, p interact.Proposal, fe catalog.FieldErrors) {
	orgs, err := h.app.Store.Orgs(r.Context(), p.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	title := "登记建议提案"
	if p.ID != 0 {
		title = "修改建议提案"
	}
	pg := proposalFormPage{Page: h.base(r, title), form: form{Errs: fe}, P: p, Orgs: orgs,
		Kinds: interact.ProposalKinds, Roles: interact.Roles}
	for i := range len(p.CoHandlers) + 2 {
		pg.CoRows = append(pg.CoRows, i)
	}
	h.app.Render(w, r, status, "staff/proposal_form.html", pg)
}

// CoHandler returns row i of the co-handlers (blank past the end), for the form.
func (p proposalFormPage) CoHandler(i int) interact.CoHandler {
	if i < len(p.P.CoHandlers) {
		return p.P.CoHandlers[i]
	}
	return interact.CoHandler{}
}

// proposalSave registers (no {id}) or changes a proposal. Co-handler rows
// left blank are dropped; opinions already recorded are kept.
func (h handlers) proposalSave(w http.ResponseWriter, r *http.Request) {
	old, err := loadByPath(r, h.app.Store.Proposal)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	p := old
	if p.ID == 0 {
		p.SiteID = h.interactSite(r).ID
	}
	p.Kind, p.Role = interact.ProposalKind(get("kind")), interact.Role(get("role"))
	p.Session, p.Recess, p.Number, p.Title = get("session"), r.FormValue("recess") == "1", get("number"), get("title")
	p.Proposer, p.CoProposers, p.ProposerPhone = get("proposer"), get("co_proposers"), get("proposer_phone")
	p.AssignedOn, p.AssignedBy, p.OrgID, p.LeadUnit = get("assigned_on"), get("assigned_by"), formID(r, "org"), get("lead_unit")
	p.Supervised, p.SupervisedBy = r.FormValue("supervised") == "1", get("supervised_by")
	p.Extended, p.ExtendReason = r.FormValue("extended") == "1", get("extend_reason")
	if p.Recess && p.Session == "" {
		p.Session = "闭会期间"
	}
	p.CoHandlers = nil
	if p.Role == interact.RoleLead {
		p.CoHandlers = coHandlersFromForm(r, old.CoHandlers)
	}
	orgs, err := h.app.Store.Orgs(r.Context(), p.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	fe := p.Validate()
	if p.OrgID != 0 && !orgIn(orgs, p.OrgID) {
		fe.Add("org", "请从列表中选择承办科室")
	}
	if len(fe) > 0 {
		h.renderProposalForm(w, r, http.StatusBadRequest, p, fe)
		return
	}
	id, err := h.app.Store.SaveProposal(r.Context(), p)
	if errors.Is(err, store.ErrConflict) {
		fe.Add("number", "同一届次会次中已有此编号的"+p.Kind.Label())
		h.renderProposalForm(w, r, http.StatusConflict, p, fe)
		return
	}
	if err == nil {
		err = h.app.Audit(r, "proposal.save", "proposal:"+itoa(id), p.Kind.Label()+" "+p.Number)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/proposals/"+itoa(id), "saved")
}

// coHandlersFromForm reads the rows co_unit/co_email/co_received (with
// co_id for stored rows, whose opinions are kept).
func coHandlersFromForm(r *http.Request, stored []interact.CoHandler) []interact.CoHandler {
	_ = r.ParseForm()
	units, emails, received, ids := r.PostForm["co_unit"], r.PostForm["co_email"], r.PostForm["co_received"], r.PostForm["co_id"]
	at := func(xs []string, i int) string {
		if i < len(xs) {
			return strings.TrimSpace(xs[i])
		}
		return ""
	}
	var out []interact.CoHandler
	for i := range units {
		c := interact.CoHandler{Unit: at(units, i), Email: at(emails, i), ReceivedOn: at(received, i)}
		if c.Unit == "" && c.Email == "" && c.ReceivedOn == "" {
			continue
		}
		id := formIDq(at(ids, i))
		for _, s := range stored {
			if id != 0 && s.ID == id {
				c.ID, c.OpinionOn, c.Opinion = s.ID, s.OpinionOn, s.Opinion
			}
		}
		out = append(out, c)
	}
	return out
}

// N is row i's number as people count (from 1).
func (p proposalFormPage) N(i int) int { return i + 1 }
