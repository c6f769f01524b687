package staff

import (
	"html/template"
	"net/http"
	"strconv"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// caseActions says which step forms the case page shows; the domain still
// judges every POST.
type caseActions struct {
	Assign, Transfer, Amend, Amended, AmendExpire, Extend, ExtDecide bool
	Consult, Fee, FeeSettle, Reply, Withdraw, Register               bool
}

type applicationShowPage struct {
	web.Page
	form
	App         store.ApplicationRecord
	Site        catalog.Site
	Applicant   disclosure.Applicant
	Revealed    bool
	Case        disclosure.Case
	Row         disclosure.Row
	OrgName     string
	Assignee    string
	Today       workday.Date
	DueAsOf     workday.Date
	Left        int
	Running     bool
	Overdue     bool
	Deadlines   []disclosure.Deadline
	Warnings    []string
	Events      []eventRow
	Notices     []store.Notice
	Repeats     []disclosure.RepeatMatch
	Frequent    bool
	FreqCount   int
	FreqWindow  int
	Quote       disclosure.FeeQuote
	Bases       []disclosure.LegalBasis
	Orgs        []catalog.Org
	Users       []auth.User
	Reviews     []store.ReviewCaseRecord
	Can         caseActions
	Message     string
	Typed       map[string]string
	Parties     []disclosure.Party
	FeeMethods  []disclosure.FeeMethod
	DeliveryVia []string
	// SuggestedDeadline is the 补正期限 the form proposes:
	// Settings.AmendmentPeriodDays working days from today (PRACTICE).
	SuggestedDeadline string
}

// eventRow is one line of the case history.
type eventRow struct {
	disclosure.Event
	Seq   int
	Actor string
}

func (h handlers) applicationShow(w http.ResponseWriter, r *http.Request) {
	h.renderCase(w, r, http.StatusOK, nil, "", nil, nil)
}

// applicationReveal shows the applicant's personal data in full. It is a
// POST, recorded in the audit log in the same transaction as the read
// (issue 3 §5: shown in full only on an explicit action that is audited).
func (h handlers) applicationReveal(w http.ResponseWriter, r *http.Request) {
	_, rec, err := h.loadApplication(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	a, err := h.app.Store.RevealApplicant(r.Context(), rec.ID, h.app.AuditEntry(r, "application.reveal", rec.Code, "查看申请人完整信息"))
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderCase(w, r, http.StatusOK, nil, "", nil, &a)
}

// renderCase shows the case page; after a refused step fe, msg and typed
// carry the messages and what was typed; clear is the applicant in full
// after an audited reveal.
func (h handlers) renderCase(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, msg string,
	typed map[string]string, clear *disclosure.Applicant) {
	u, rec, err := h.loadApplication(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := applicationShowPage{Page: h.base(r, "申请 "+rec.Code), form: form{Errs: fe}, App: rec, Applicant: rec.Applicant,
		Message: msg, Typed: typed, Today: h.todayDate(), Bases: disclosure.ReplyBases(),
		Parties:    []disclosure.Party{disclosure.PartyThird, disclosure.PartyCoOrgan},
		FeeMethods: []disclosure.FeeMethod{disclosure.FeePerApplication, disclosure.FeePerPage}, DeliveryVia: deliveryVias}
	if clear != nil {
		p.Applicant, p.Revealed = *clear, true
	}
	if p.Typed == nil {
		p.Typed = map[string]string{}
	}
	if msg, ok := stepFlashes[r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	if err := h.fillCase(r, u, &p); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	noStore(w)
	h.app.Render(w, r, status, "staff/application_show.html", p)
}

// fillCase reads everything the case page shows.
func (h handlers) fillCase(r *http.Request, u auth.User, p *applicationShowPage) error {
	ctx := r.Context()
	rec := p.App
	var err error
	if p.Site, err = h.app.Store.Site(ctx, rec.SiteID); err != nil {
		return err
	}
	if p.Case, err = h.app.Store.ApplicationCase(ctx, rec.ID); err != nil {
		return err
	}
	p.Row, _ = p.Case.Row()
	cal, set, err := h.rules(ctx)
	if err != nil {
		return err
	}
	if err := p.clocks(cal, set); err != nil {
		return err
	}
	p.Can = actionsOn(u, p.Case, set)
	if d, err := cal.AddWorkdays(p.Today, set.AmendmentPeriodDays); err == nil {
		p.SuggestedDeadline = d.String()
	}
	orgs, names, err := h.orgChoices(r)
	if err != nil {
		return err
	}
	p.Orgs, p.OrgName = orgs, names[p.Case.OrgID]
	users, err := h.app.Store.Users(ctx)
	if err != nil {
		return err
	}
	byID := map[int64]string{}
	for _, x := range users {
		byID[x.ID] = x.DisplayName
		if !x.Disabled && x.Role.Can(auth.PermApplications) {
			p.Users = append(p.Users, x)
		}
	}
	p.Assignee = byID[p.Case.AssigneeID]
	events, err := h.app.Store.Events(ctx, rec.ID)
	if err != nil {
		return err
	}
	for i, ev := range events {
		p.Events = append(p.Events, eventRow{Event: ev, Seq: i + 1, Actor: byID[ev.ActorID]})
	}
	if p.Notices, err = h.app.Store.Notices(ctx, rec.ID); err != nil {
		return err
	}
	if p.Case.Open() {
		if p.Repeats, err = h.app.Store.RepeatCandidates(ctx, rec.ID); err != nil {
			return err
		}
		if p.FreqCount, p.Frequent, err = h.app.Store.FrequentApplicant(ctx, rec.ID, p.Today); err != nil {
			return err
		}
		p.FreqWindow = set.Repeat.FrequentWindowDays
		nth, err := h.app.Store.NthInMonth(ctx, rec.ID)
		if err != nil {
			return err
		}
		pages, _ := strconv.Atoi(p.Typed["fee.pages"])
		p.Quote = disclosure.QuoteFee(nth, pages, rec.Delivery, set.Fee)
	}
	p.Reviews, err = h.app.Store.ReviewCases(ctx, store.ReviewCaseFilter{ApplicationID: rec.ID})
	return err
}

// clocks fills the deadlines and the warnings as of today.
func (p *applicationShowPage) clocks(cal *workday.Calendar, set disclosure.Settings) error {
	c, today := p.Case, p.Today
	if !c.Open() {
		return nil
	}
	var err error
	if p.DueAsOf, err = disclosure.DueAsOf(c, today, cal); err != nil {
		return err
	}
	if p.Left, p.Running, err = disclosure.WorkdaysLeft(c, today, cal); err != nil {
		return err
	}
	if p.Overdue, err = disclosure.Overdue(c, today, cal); err != nil {
		return err
	}
	p.Deadlines = disclosure.Deadlines(c, set)
	left, warn, applies, err := disclosure.AmendmentNoticeWarning(c, today, cal, set)
	if err != nil {
		return err
	}
	switch {
	case applies && warn && left == 0:
		p.Warnings = append(p.Warnings, "今天是发出补正告知书的最后一天（条例第三十条：收到申请之日起7个工作日内一次性告知）。")
	case applies && warn:
		p.Warnings = append(p.Warnings, "距发出补正告知书的期限（"+c.AmendmentNoticeDue.String()+"）还有"+strconv.Itoa(left)+"个工作日（条例第三十条）。")
	}
	switch {
	case p.Overdue:
		p.Warnings = append(p.Warnings, "已超过答复期限"+strconv.Itoa(-p.Left)+"个工作日（条例第三十三条）。")
	case p.Running:
		for _, d := range set.ReminderDays {
			if p.Left <= d {
				p.Warnings = append(p.Warnings, "距答复期限（"+p.DueAsOf.String()+"）还有"+strconv.Itoa(p.Left)+"个工作日。")
				break
			}
		}
	}
	if a, ok := c.Amendment(); ok && c.State == disclosure.StateAwaitingAmendment && today.After(a.Deadline) {
		p.Warnings = append(p.Warnings, "补正期限（"+a.Deadline.String()+"）已过，申请人无正当理由逾期不补正的，视为放弃申请。")
	}
	if c.Fee.State == disclosure.FeeStateNoticed && today.After(c.Fee.PayBy) {
		p.Warnings = append(p.Warnings, "缴费期限（"+c.Fee.PayBy.String()+"）已过。")
	}
	return nil
}

// actionsOn decides which step forms to show for u on case c.
func actionsOn(u auth.User, c disclosure.Case, set disclosure.Settings) caseActions {
	if !c.Open() {
		return caseActions{Register: officeWork(u)}
	}
	awaitingAmend := c.State == disclosure.StateAwaitingAmendment
	feeDue := c.Fee.State == disclosure.FeeStateNoticed
	return caseActions{
		Assign:      officeWork(u) && c.OrgID == 0,
		Transfer:    officeWork(u) && c.OrgID != 0,
		Amend:       disclosure.AmendmentPossible(c, set),
		Amended:     awaitingAmend,
		AmendExpire: awaitingAmend,
		Extend:      !awaitingAmend && !c.Extension.Used() && !c.Extension.Pending,
		ExtDecide:   c.Extension.Pending && u.Role.Can(auth.PermExtensionApprove),
		Consult:     !awaitingAmend,
		Fee:         !awaitingAmend && c.Fee.State == disclosure.FeeStateNone,
		FeeSettle:   feeDue,
		Reply:       !awaitingAmend && !feeDue && c.OpenConsultations() == 0,
		Withdraw:    true,
		Register:    officeWork(u),
	}
}

// deliveryVias are the ways a notice is served.
var deliveryVias = []string{"邮寄", "电子邮件", "当面送达", "网上查询", "传真"}

// dateField is what the step_date block needs.
type dateField struct {
	ID, Step, Value, Error string
	Invalid                template.HTMLAttr
}

// DateField is the date input of a step's form: what was typed, else today.
func (p applicationShowPage) DateField(stepName string) dateField {
	key := stepName + ".on"
	d := dateField{ID: stepName + "-on", Step: stepName, Value: p.Typed[key], Error: p.Errs[key], Invalid: p.Invalid(key)}
	if _, typed := p.Typed[key]; !typed {
		d.Value = p.Today.String()
	}
	return d
}

// DateFieldAt is DateField for the i-th of several forms of one step
// (one per open consultation), so element IDs stay unique.
func (p applicationShowPage) DateFieldAt(stepName string, i int) dateField {
	d := p.DateField(stepName)
	d.ID += "-" + strconv.Itoa(i)
	return d
}

// Percent shows a similarity score in [0, 1] as a whole percentage.
func (applicationShowPage) Percent(f float64) int { return int(f*100 + 0.5) }

// RowOf names the table-三 row a basis counts in (disclosure.RowOf).
func (applicationShowPage) RowOf(b disclosure.LegalBasis) string {
	return disclosure.RowOf(b).FullLabel()
}
