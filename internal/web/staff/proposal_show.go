package staff

import (
	"net/http"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// proposalRow is a proposal with its computed deadlines: due dates are
// never stored (architecture.md), so a calendar change moves them.
type proposalRow struct {
	interact.Proposal
	Due      string // the agency's reply (or, as co-handler, opinion) due date
	Late     bool
	Opinions []opinionRow
	OrgName  string
}

type opinionRow struct {
	interact.CoHandler
	Due  string
	Late bool
}

// proposalRowOf computes p's deadlines on today. A year the calendar does
// not cover shows as such instead of a wrong date.
func proposalRowOf(p interact.Proposal, set interact.ProposalSettings, cal *workday.Calendar, today workday.Date) proposalRow {
	row := proposalRow{Proposal: p, Due: "日历未覆盖"}
	if due, err := interact.ReplyDue(p, set, cal); err == nil {
		row.Due = due.String()
		row.Late = !p.Replied() && today.After(due)
	}
	for _, c := range p.CoHandlers {
		o := opinionRow{CoHandler: c, Due: "日历未覆盖"}
		if due, err := interact.OpinionDue(p, c, set, cal); err == nil {
			o.Due = due.String()
			o.Late = c.OpinionOn == "" && !p.Replied() && today.After(due)
		}
		row.Opinions = append(row.Opinions, o)
	}
	return row
}

type proposalListPage struct {
	web.Page
	Year  int
	Rows  []proposalRow
	Stats interact.ProposalStats
	Text  string
}

// proposalList lists the year's proposals with their deadlines and the
// counts the annual report quotes.
func (h handlers) proposalList(w http.ResponseWriter, r *http.Request) {
	iy, err := h.loadInteractYear(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ps, err := h.app.Store.Proposals(r.Context(), store.ProposalFilter{SiteID: iy.site.ID, Year: iy.year})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	today := h.todayDate()
	p := proposalListPage{Page: h.base(r, "建议提案办理"), Year: iy.year}
	for _, x := range ps {
		p.Rows = append(p.Rows, proposalRowOf(x, iy.set.Proposal, iy.cal, today))
	}
	p.Stats = interact.CountProposals(ps, iy.year, onTimeFunc(iy.set.Proposal, iy.cal))
	p.Text = p.Stats.Narrative(iy.year)
	h.app.Render(w, r, http.StatusOK, "staff/proposal_list.html", p)
}

func (h handlers) proposalClock(r *http.Request) (store.InteractSettings, *workday.Calendar, error) {
	set, err := h.app.Store.InteractSettings(r.Context())
	if err != nil {
		return set, nil, err
	}
	cal, err := h.app.Store.Calendar(r.Context())
	return set, cal, err
}

func onTimeFunc(set interact.ProposalSettings, cal *workday.Calendar) func(interact.Proposal) bool {
	return func(p interact.Proposal) bool {
		ok, err := interact.RepliedOnTime(p, set, cal)
		return err == nil && ok
	}
}

type proposalShowPage struct {
	web.Page
	form
	Row          proposalRow
	Reply        interact.Proposal // the reply form's values (typed ones after an error)
	Results      []interact.ResultClass
	Satisfaction []interact.Satisfaction
	Disclosures  []interact.Disclosure
	Columns      []catalog.Column
	ColumnID     int64
	PublicText   string
	DocURL       string
	CanPublish   bool
	Settings     store.InteractSettings
}

func (h handlers) proposalShow(w http.ResponseWriter, r *http.Request) {
	p, err := loadByPath(r, h.app.Store.Proposal)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderProposal(w, r, http.StatusOK, p, p, nil)
}

// renderProposal shows proposal p; reply holds the reply form's values.
func (h handlers) renderProposal(w http.ResponseWriter, r *http.Request, status int, p, reply interact.Proposal, fe catalog.FieldErrors) {
	ctx := r.Context()
	set, cal, err := h.proposalClock(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	cols, err := h.app.Store.Columns(ctx, p.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	pg := proposalShowPage{Page: h.base(r, p.Kind.Label()+" "+p.Number), form: form{Errs: fe}, Reply: reply,
		Results: interact.ResultClasses, Satisfaction: interact.Satisfactions, Disclosures: interact.Disclosures,
		Settings: set, Row: proposalRowOf(p, set.Proposal, cal, h.todayDate())}
	if org, err := h.app.Store.Org(ctx, p.OrgID); err == nil {
		pg.Row.OrgName = org.Name
	}
	for _, c := range cols {
		if !c.Archived {
			pg.Columns = append(pg.Columns, c)
		}
		if pg.ColumnID == 0 && strings.Contains(c.Name, "建议提案") {
			pg.ColumnID = c.ID
		}
	}
	pg.ColumnID = max(formID(r, "column"), pg.ColumnID)
	pg.PublicText = strings.TrimSpace(r.FormValue("public_text"))
	if pg.PublicText == "" {
		pg.PublicText = interact.RedactReply(p.ReplyText, p)
	}
	if p.DocumentID != 0 {
		pg.DocURL = "/admin/documents/" + itoa(p.DocumentID)
	}
	if u, ok := web.UserOf(r); ok {
		pg.CanPublish = u.Role.Can(auth.PermInteractionPublish)
	}
	h.app.Render(w, r, status, "staff/proposal_show.html", pg)
}

// proposalOpinion records a co-handler's written opinion.
func (h handlers) proposalOpinion(w http.ResponseWriter, r *http.Request) {
	p, err := loadByPath(r, h.app.Store.Proposal)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	cid, on, text := formID(r, "cohandler"), strings.TrimSpace(r.FormValue("opinion_on")), strings.TrimSpace(r.FormValue("opinion"))
	idx := -1
	for i, c := range p.CoHandlers {
		if c.ID == cid {
			idx = i
		}
	}
	fe := catalog.FieldErrors{}
	if idx < 0 {
		fe.Add("cohandler", "请选择会办单位")
	} else {
		key := "opinion_on_" + itoa(cid)
		switch {
		case !catalog.ValidDate(on):
			fe.Add(key, "请填写收到会办意见的日期，格式如 2023-04-01")
		case on < p.AssignedOn:
			fe.Add(key, "收到意见的日期不能早于交办日期")
		case len([]rune(text)) > 5000:
			fe.Add(key, "会办意见不能超过5000个字")
		}
		if len(fe) > 0 {
			p.CoHandlers[idx].OpinionOn, p.CoHandlers[idx].Opinion = on, text
		}
	}
	if len(fe) > 0 {
		h.renderProposal(w, r, http.StatusBadRequest, p, p, fe)
		return
	}
	err = h.app.Store.RecordOpinion(r.Context(), cid, on, text)
	if err == nil {
		err = h.app.Audit(r, "proposal.opinion", "proposal:"+itoa(p.ID), p.CoHandlers[idx].Unit)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/proposals/"+itoa(p.ID), "saved")
}

// proposalReply records the reply, the proposer's feedback and the
// disclosure decision.
func (h handlers) proposalReply(w http.ResponseWriter, r *http.Request) {
	p, err := loadByPath(r, h.app.Store.Proposal)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	reply := p
	reply.RepliedOn, reply.ReplyNo, reply.ReplyText = get("replied_on"), get("reply_no"), strings.TrimSpace(r.FormValue("reply_text"))
	reply.Result, reply.Satisfaction = interact.ResultClass(get("result")), interact.Satisfaction(get("satisfaction"))
	reply.Disclosure, reply.DisclosureWhy = interact.Disclosure(get("disclosure")), get("disclosure_why")
	if fe := reply.ValidateReply(); len(fe) > 0 {
		h.renderProposal(w, r, http.StatusBadRequest, p, reply, fe)
		return
	}
	err = h.app.Store.ReplyProposal(r.Context(), reply)
	if err == nil {
		err = h.app.Audit(r, "proposal.reply", "proposal:"+itoa(p.ID), reply.RepliedOn)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/proposals/"+itoa(p.ID), "saved")
}
