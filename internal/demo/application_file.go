package demo

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/notice"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// caseRun records the steps of one demo case through the store, as staff
// would: each event checked by the domain, with the 告知书 it issues.
type caseRun struct {
	g       *appGen
	rec     store.ApplicationRecord
	c       disclosure.Case
	stopped bool // a step fell after the run's day: the case stays as it is
}

// receiptVia is how the 接收回执 of each receipt basis is served.
var receiptVia = map[disclosure.ReceiptBasis]string{
	disclosure.ReceiptOnlineConfirmed:       "网上提交后即时确认",
	disclosure.ReceiptInPerson:              "当面送达",
	disclosure.ReceiptPostSigned:            "邮寄",
	disclosure.ReceiptPostUnsignedConfirmed: "邮寄",
	disclosure.ReceiptFaxConfirmed:          "传真",
}

// file creates the application of f and takes the steps of its plan.
func (g *appGen) file(ctx context.Context, f filing) error {
	if f.plan.repeat {
		g.repeatOf(&f)
	}
	app := disclosure.Application{Applicant: f.applicant, Description: f.desc, Delivery: g.delivery(f.applicant)}
	if fe := app.Validate(); len(fe) > 0 {
		return fmt.Errorf("演示申请不符合条例第二十九条: %v", fe)
	}
	actor := int64(0)
	if f.channel == store.ChannelStaff {
		actor = g.users["gkb"]
	}
	rec, _, err := g.st.CreateApplication(ctx, store.NewApplication{SiteID: g.site.ID, Channel: f.channel, Applicant: app.Applicant,
		Description: app.Description, Delivery: app.Delivery, ReceivedOn: f.on, ReceiptBasis: f.receipt, ActorID: actor})
	if err != nil {
		return err
	}
	via := receiptVia[f.receipt]
	if f.channel == store.ChannelAPI {
		via = "接口提交后即时确认" // the 12345 hotline passes the 201 answer on
	}
	if _, err := notice.IssueReceipt(ctx, g.st, rec, notice.Receipt{SiteID: g.site.ID, Organ: g.site.Name, CreatedBy: actor,
		DeliveredVia: via}); err != nil {
		return err
	}
	g.sum.Applications++
	g.sum.Notices++
	c, err := g.st.ApplicationCase(ctx, rec.ID)
	if err != nil {
		return err
	}
	run := &caseRun{g: g, rec: rec, c: c}
	if err := run.follow(ctx, f); err != nil {
		return fmt.Errorf("演示申请 %s: %w", rec.Code, err)
	}
	if run.c.Open() {
		g.sum.Open++
	}
	return run.serve(ctx)
}

// repeatOf makes f a 重复申请 (条例第三十六条第（六）项): the applicant of an
// earlier answered case, closed at least a month before, asks again for
// the same information. Without such a case yet, f is answered normally.
func (g *appGen) repeatOf(f *filing) {
	var cands []*answered
	for i := range g.answered {
		a := &g.answered[i]
		if a.closedOn.AddDays(30).Before(f.on) && a.basis.Outcome() == disclosure.OutcomeGranted {
			cands = append(cands, a)
		}
	}
	if len(cands) == 0 {
		f.plan.repeat, f.plan.basis, f.plan.topic = false, disclosure.BasisDisclosed, choose(g.rng, topics[disclosure.BasisDisclosed])
		f.desc = expand(f.plan.topic.desc, f.on.Year())
		return
	}
	e := choose(g.rng, cands)
	f.earlier, f.applicant, f.desc = e, e.applicant, e.rec.Description
}

// delivery draws the form and method the applicant asks for.
func (g *appGen) delivery(a disclosure.Applicant) disclosure.Delivery {
	switch n := g.rng.IntN(100); {
	case n < 40 && a.Email != "":
		return disclosure.Delivery{Form: disclosure.FormElectronic, Method: disclosure.MethodEmail}
	case n < 55:
		return disclosure.Delivery{Form: disclosure.FormElectronic, Method: disclosure.MethodOnline}
	case n < 85:
		return disclosure.Delivery{Form: disclosure.FormPaper, Method: disclosure.MethodPost}
	}
	return disclosure.Delivery{Form: disclosure.FormPaper, Method: disclosure.MethodCollect}
}

// step records ev unless it falls after the run's day; then this and
// every later step are left out and the case stays open as of today.
func (r *caseRun) step(ctx context.Context, ev disclosure.Event, earlier *disclosure.RepeatMatch) error {
	if r.stopped || ev.On.After(r.g.today) {
		r.stopped = true
		return nil
	}
	if ev.At.IsZero() {
		ev.At = time.Date(ev.On.Year(), ev.On.Month(), ev.On.Day(), 9+r.g.rng.IntN(8), r.g.rng.IntN(60), 0, 0, china)
	}
	// The case after the step, which the notices state; the store applies
	// the step again inside its transaction.
	next, err := disclosure.Apply(r.c, ev, r.g.cal, r.g.set)
	if err != nil {
		return err
	}
	ns, err := notice.ForStep(ctx, r.g.st, notice.Step{SiteID: r.g.site.ID, Organ: r.g.site.Name, App: r.rec.Application,
		Case: next, Event: ev, Earlier: earlier, CreatedBy: ev.ActorID})
	if err != nil {
		return err
	}
	if r.c, err = r.g.st.AppendEventNotices(ctx, store.EventAppend{ApplicationID: r.rec.ID, Version: r.c.Events, Event: ev}, ns); err != nil {
		return err
	}
	r.g.sum.Notices += len(ns)
	return nil
}

// after returns the n-th working day after the last step. A year the
// calendar does not cover (never within the demo years) yields a day after
// the run, so the step is left out.
func (r *caseRun) after(n int) workday.Date {
	d, err := r.g.cal.AddWorkdays(r.c.LastOn, n)
	if err != nil {
		return r.g.today.AddDays(1)
	}
	return d
}

// daysLeft counts the working days from the last step to the deadline in
// force then.
func (r *caseRun) daysLeft() int {
	due, err := disclosure.DueAsOf(r.c, r.c.LastOn, r.g.cal)
	if err != nil {
		return 0
	}
	n, _ := r.g.cal.WorkdaysBetween(r.c.LastOn, due)
	return n
}

// serve records how each notice was served: to the applicant by the way
// they asked for the information, to third parties and organs by post,
// within three days of issue and never after the run's day.
func (r *caseRun) serve(ctx context.Context) error {
	ns, err := r.g.st.Notices(ctx, r.rec.ID)
	if err != nil {
		return err
	}
	for i, n := range ns {
		if n.Delivered() {
			continue
		}
		via := map[disclosure.DeliveryMethod]string{disclosure.MethodEmail: "电子邮件", disclosure.MethodOnline: "网上查询",
			disclosure.MethodPost: "邮寄", disclosure.MethodCollect: "当面送达", disclosure.MethodFax: "传真"}[r.rec.Delivery.Method]
		if spec, ok := n.Kind.Spec(); ok && spec.To != disclosure.ToApplicant {
			via = "邮寄"
		}
		on := n.IssuedOn
		ref := ""
		if via == "邮寄" {
			on = on.AddDays(2)
			ref = fmt.Sprintf("EMS示例%09d", r.rec.ID*100+int64(i))
		}
		if on.After(r.g.today) {
			continue
		}
		if err := r.g.st.RecordNoticeDelivery(ctx, n.ID, via, on, ref); err != nil {
			return err
		}
	}
	return nil
}
