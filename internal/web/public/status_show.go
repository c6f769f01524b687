package public

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/notice"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// statusPage is what an applicant sees of their case: its state, the
// deadline in force, every notice addressed to them as it was issued, what
// they uploaded, and the forms the state calls for.
type statusPage struct {
	web.Page
	applyForm // the 补正 and payment forms' values and messages
	Rec       store.ApplicationRecord
	Agency    string
	Received  string
	Due       string
	Paused    bool // a consultation or fee period is running: the deadline moves on
	Closed    string
	Result    string

	AwaitingAmendment bool
	Amendment         disclosure.Amendment
	AmendBy           string
	AmendLate         bool

	AwaitingFee bool
	Fee         disclosure.Fee
	PayBy       string
	PaymentSent bool

	Notices    []noticeView
	Files      []fileView
	Amendments []amendView
	Sent       string // "amend" or "payment" after a successful post
	Problem    string
	MaxFile    string
	Types      string
}

// Ref names a field for the "err" template.
func (p statusPage) Ref(name string) fieldRef { return fieldRef{Form: p.applyForm, Name: name} }

type noticeView struct {
	Title     string
	Issued    string
	Delivered string
	Doc       *notice.Notice // the stored notice read back, if it can be
	Body      template.HTML  // else its stored markup
	DocxURL   string
}

type fileView struct{ Kind, Name, On string }

type amendView struct{ On, Text string }

// caseMessages carry a failed post's messages to the case page.
type caseMessages struct {
	sent    string
	values  url.Values
	errs    catalog.FieldErrors
	problem string
	status  int
}

// showCase renders the case page of application id.
func (d *desk) showCase(w http.ResponseWriter, r *http.Request, id int64, m caseMessages) {
	ctx := r.Context()
	rec, err := d.app.Store.Application(ctx, id)
	if err != nil {
		d.app.Fail(w, r, err)
		return
	}
	c, err := d.app.Store.ApplicationCase(ctx, id)
	if err != nil {
		d.app.Fail(w, r, err)
		return
	}
	today := workday.FromTime(d.app.Now().In(china))
	p := statusPage{Page: d.app.Base(r, "办理进度查询"), Rec: rec, Received: cnDate(rec.ReceivedOn),
		Sent: m.sent, Problem: m.problem, MaxFile: sizeWords(d.maxFileSize()), Types: citizenTypeNames}
	p.applyForm = applyForm{Values: m.values, Errs: m.errs}
	if p.Values == nil {
		p.Values = url.Values{}
	}
	if p.Errs == nil {
		p.Errs = catalog.FieldErrors{}
	}
	p.Agency = "本机关"
	if p.HasSite {
		p.Agency = p.Site.Name
	}
	switch {
	case !rec.State.Open():
		p.Closed, p.Result = cnDate(rec.ClosedOn), rec.Basis.Label()
	case c.State == disclosure.StateAwaitingAmendment:
		a, _ := c.Amendment()
		p.AwaitingAmendment, p.Amendment, p.AmendBy = true, a, cnDate(a.Deadline)
		p.AmendLate = today.After(a.Deadline)
	default:
		// The deadline in force today: an open consultation or fee period
		// pauses the clock (条例第三十三条第三款), which the stored due date
		// only counts once the pause ends.
		p.Due = cnDate(rec.DueOn)
		if cal, err := d.app.Store.Calendar(ctx); err == nil {
			if due, err := disclosure.DueAsOf(c, today, cal); err == nil {
				p.Due = cnDate(due)
			}
		}
		p.Paused = c.State == disclosure.StateConsulting || (c.State == disclosure.StateAwaitingFee && c.FeePauses)
	}
	if c.Fee.State == disclosure.FeeStateNoticed {
		p.AwaitingFee, p.Fee, p.PayBy = true, c.Fee, cnDate(c.Fee.PayBy)
	}
	if err := d.fillHistory(r, &p, c); err != nil {
		d.app.Fail(w, r, err)
		return
	}
	status := m.status
	if status == 0 {
		status = http.StatusOK
	}
	d.render(w, r, status, "public/status_case.html", p)
}

// fillHistory adds the notices, the applicant's files and their 补正.
func (d *desk) fillHistory(r *http.Request, p *statusPage, c disclosure.Case) error {
	ctx := r.Context()
	notices, err := d.app.Store.Notices(ctx, p.Rec.ID)
	if err != nil {
		return err
	}
	for _, n := range notices {
		if spec, ok := n.Kind.Spec(); ok && spec.To != disclosure.ToApplicant {
			continue // 征求意见书 to a third party are not the applicant's to read
		}
		v := noticeView{Title: n.Title, Issued: cnDate(n.IssuedOn)}
		if n.Delivered() {
			v.Delivered = cnDate(n.DeliveredOn) + "，" + n.DeliveredVia
		}
		if doc, err := notice.ParseHTML(n.BodyHTML); err == nil {
			// Shown as text under the page's own headings; the Word copy is
			// made from the same stored notice.
			v.Doc = &doc
			v.DocxURL = p.Base + "/status/notices/" + strconv.FormatInt(n.ID, 10) + ".docx"
		} else {
			// Notice bodies are sanitised when rendered from their template
			// and stored as issued (store.Notice.BodyHTML).
			v.Body = template.HTML(n.BodyHTML)
		}
		p.Notices = append(p.Notices, v)
	}
	atts, err := d.app.Store.ApplicationAttachments(ctx, p.Rec.ID)
	if err != nil {
		return err
	}
	for _, a := range atts {
		if a.UploadedBy != 0 {
			continue // staff's working files are not the applicant's uploads
		}
		on := workday.FromTime(a.CreatedAt.In(china))
		p.Files = append(p.Files, fileView{Kind: a.Kind.Label(), Name: a.Name, On: cnDate(on)})
		if a.Kind == store.AttachPaymentRef && p.AwaitingFee && !on.Before(c.Fee.NoticedOn) {
			p.PaymentSent = true
		}
	}
	events, err := d.app.Store.Events(ctx, p.Rec.ID)
	if err != nil {
		return err
	}
	for _, ev := range events {
		if ev.Kind == disclosure.EventAmended && ev.ActorID == 0 {
			p.Amendments = append(p.Amendments, amendView{On: cnDate(ev.On), Text: ev.Note})
		}
	}
	return nil
}
