package staff

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/notice"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// offlineBases are the receipt bases of applications staff register
// (条例第三十一条): handed in, signed post, ordinary post confirmed with the
// applicant, fax confirmed by both sides. Online channels confirm
// themselves.
var offlineBases = []disclosure.ReceiptBasis{
	disclosure.ReceiptInPerson, disclosure.ReceiptPostSigned,
	disclosure.ReceiptPostUnsignedConfirmed, disclosure.ReceiptFaxConfirmed,
}

type applicationFormPage struct {
	web.Page
	form
	Typed    map[string]string
	Kinds    []disclosure.ApplicantKind
	IDTypes  []disclosure.IDType
	Forms    []disclosure.DeliveryForm
	Methods  []disclosure.DeliveryMethod
	Bases    []disclosure.ReceiptBasis
	Sites    []catalog.Site
	OneSite  bool
	Password string // shown once after registering
	Code     string
	ID       int64
	// EarlierYear is the year of a received date before this year: the
	// case is registered late, e.g. one carried over from a report
	// imported from before the platform (annualreport.CarryOverGaps).
	EarlierYear int
}

func (h handlers) applicationNew(w http.ResponseWriter, r *http.Request) {
	typed := map[string]string{"received_on": h.today(), "receipt_basis": string(disclosure.ReceiptInPerson)}
	// The annual report's carry-over-gap warning links here with the
	// original year's date and the applicant column to register.
	if d, err := workday.ParseDate(r.URL.Query().Get("received_on")); err == nil && !d.After(h.todayDate()) {
		typed["received_on"] = d.String()
	}
	if k := disclosure.ApplicantKind(r.URL.Query().Get("applicant.kind")); k.Valid() {
		typed["applicant.kind"] = string(k)
	}
	h.renderApplicationForm(w, r, http.StatusOK, nil, typed)
}

func (h handlers) renderApplicationForm(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, typed map[string]string) {
	u, _ := web.UserOf(r)
	if !officeWork(u) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	p := applicationFormPage{Page: h.base(r, "登记政府信息公开申请"), form: form{Errs: fe}, Typed: typed,
		Kinds: disclosure.ApplicantKinds, IDTypes: disclosure.IDTypes, Forms: disclosure.DeliveryForms,
		Methods: disclosure.DeliveryMethods, Bases: offlineBases, Sites: h.app.Sites()}
	p.OneSite = len(p.Sites) == 1
	if d, err := workday.ParseDate(typed["received_on"]); err == nil && d.Year() < h.todayDate().Year() {
		p.EarlierYear = d.Year()
	}
	noStore(w)
	h.app.Render(w, r, status, "staff/application_form.html", p)
}

// applicationFields are the form's inputs, named as the open API's JSON.
var applicationFields = []string{"applicant.kind", "applicant.name", "applicant.id_type", "applicant.id_number",
	"applicant.contact_name", "applicant.phone", "applicant.email", "applicant.address", "applicant.post_code",
	"applicant.agent.name", "applicant.agent.phone", "description", "doc_no", "delivery.form", "delivery.method",
	"received_on", "receipt_basis", "site"}

func (h handlers) applicationCreate(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if !officeWork(u) {
		h.app.Fail(w, r, web.ErrForbidden)
		return
	}
	typed := map[string]string{}
	for _, f := range applicationFields {
		typed[f] = strings.TrimSpace(r.FormValue(f))
	}
	t := func(k string) string { return typed[k] }
	app := disclosure.Application{
		Applicant: disclosure.Applicant{
			Kind: disclosure.ApplicantKind(t("applicant.kind")), Name: t("applicant.name"),
			IDType: disclosure.IDType(t("applicant.id_type")), IDNumber: t("applicant.id_number"),
			ContactName: t("applicant.contact_name"), Phone: t("applicant.phone"), Email: t("applicant.email"),
			Address: t("applicant.address"), PostCode: t("applicant.post_code"),
			Agent: disclosure.Agent{Name: t("applicant.agent.name"), Phone: t("applicant.agent.phone")},
		},
		Description: t("description"), DocNo: t("doc_no"),
		Delivery: disclosure.Delivery{Form: disclosure.DeliveryForm(t("delivery.form")), Method: disclosure.DeliveryMethod(t("delivery.method"))},
	}
	// The same checks as the online form and the open API (条例第二十九条).
	fe := app.Validate()
	basis := disclosure.ReceiptBasis(t("receipt_basis"))
	if !slices.Contains(offlineBases, basis) {
		fe.Add("receipt_basis", "请选择确定收到申请之日的方式（条例第三十一条）")
	}
	today := h.todayDate()
	received := stepDate(r, "received_on", "received_on", today, fe)
	sites := h.app.Sites()
	site := catalog.Site{}
	for _, s := range sites {
		if s.ID == formID(r, "site") || len(sites) == 1 {
			site = s
		}
	}
	if site.ID == 0 {
		fe.Add("site", "请选择受理机关")
	}
	if len(fe) > 0 {
		h.renderApplicationForm(w, r, http.StatusUnprocessableEntity, fe, typed)
		return
	}
	ctx := r.Context()
	rec, password, err := h.app.Store.CreateApplication(ctx, store.NewApplication{
		SiteID: site.ID, Channel: store.ChannelStaff, Applicant: app.Applicant, Description: app.Description,
		DocNo: app.DocNo, Delivery: app.Delivery, ReceivedOn: received, ReceiptBasis: basis, ActorID: u.ID,
		Audit: h.app.AuditEntry(r, "application.register", "", basis.Label()),
	})
	if errors.Is(err, workday.ErrYearNotCovered) { // a late registration in a year without holiday data
		fe.Add("received_on", err.Error())
		h.renderApplicationForm(w, r, http.StatusUnprocessableEntity, fe, typed)
		return
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	// The 接收回执 (条例第三十一条) is issued with the registration; staff
	// record how it was served.
	if _, err := notice.IssueReceipt(ctx, h.app.Store, rec, notice.Receipt{SiteID: site.ID, Organ: site.Name, CreatedBy: u.ID}); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := applicationFormPage{Page: h.base(r, "申请已登记"), Password: password, Code: rec.Code, ID: rec.ID}
	noStore(w)
	h.app.Render(w, r, http.StatusCreated, "staff/application_registered.html", p)
}

// renderNotices renders the 告知书 the step ev produces on case c (the
// case after it) with the site's templates, ready to store.
func (h handlers) renderNotices(r *http.Request, site catalog.Site, rec store.ApplicationRecord, c disclosure.Case,
	ev disclosure.Event, earlier *disclosure.RepeatMatch) ([]store.Notice, error) {
	u, _ := web.UserOf(r)
	return notice.ForStep(r.Context(), h.app.Store, notice.Step{SiteID: site.ID, Organ: site.Name, App: rec.Application,
		Case: c, Event: ev, Earlier: earlier, CreatedBy: u.ID})
}
