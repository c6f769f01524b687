package demo

import (
	"context"
	"strings"

	"gongkai/internal/disclosure"
)

// handlingOrgs are the 承办科室 of applications, weighted by how often the
// requests concern them.
var handlingOrgs = []struct {
	org, officer string // officer: the demo 科室信息员's username, if any
	w            int
}{
	{"中小企业科", "", 25}, {"投资与规划科", "", 20}, {"产业发展科", "chanye", 15}, {"运行监测协调科", "", 15},
	{"政策法规科", "zhengce", 10}, {"信息化推进科", "", 8}, {"办公室", "gkb", 7},
}

var (
	coOrgans         = []string{"示例市财政局", "示例市发展和改革委员会", "示例市科学技术局"}
	extensionReasons = []string{
		"所申请信息涉及多个科室和多个年度，需检索、核对的档案数量较多，无法在20个工作日内答复",
		"所申请信息需与共同制作机关协商确认，无法在20个工作日内答复",
		"所申请信息数量较大，需逐页审查是否涉及商业秘密和个人隐私",
	}
	withdrawNotes = []string{
		"申请人来电表示已在本机关门户网站查到所需信息，并书面申请撤回",
		"申请人书面申请撤回本次政府信息公开申请",
	}
	payMethod = "银行转账至示例市财政局非税收入汇缴账户（户名、账号见本通知），或到本机关政务服务窗口扫码缴纳"
)

// assignment draws the 承办科室 and its 信息员.
func (g *appGen) assignment() (org, assignee int64) {
	n := g.rng.IntN(100)
	for _, h := range handlingOrgs {
		if n < h.w {
			return g.orgs[h.org], g.users[h.officer]
		}
		n -= h.w
	}
	return g.orgs["办公室"], g.users["gkb"]
}

// follow takes the steps of f's plan, each on a working day after the
// previous one, as far as the run's day allows.
func (r *caseRun) follow(ctx context.Context, f filing) error {
	g, p := r.g, f.plan
	org, assignee := g.assignment()
	actor := assignee
	if actor == 0 {
		actor = g.users["gkb"]
	}
	// 分办 on the day of receipt, or the next working day.
	on := r.after(1)
	if ok, _ := g.cal.IsWorkday(r.c.LastOn); ok && g.rng.IntN(2) == 0 {
		on = r.c.LastOn
	}
	steps := []func() error{func() error {
		return r.step(ctx, disclosure.Event{Kind: disclosure.EventAssigned, On: on, ActorID: g.users["gkb"], OrgID: org, AssigneeID: assignee}, nil)
	}}
	if p.amend || p.ending == endAmendLapsed {
		steps = append(steps, func() error { return r.amendment(ctx, p, actor) })
	}
	if p.ending == endWithdrawn {
		steps = append(steps, func() error {
			return r.step(ctx, disclosure.Event{Kind: disclosure.EventWithdrawn, On: r.after(2 + g.rng.IntN(6)), ActorID: actor,
				Note: choose(g.rng, withdrawNotes)}, nil)
		})
	}
	if p.consult != "" {
		steps = append(steps, func() error { return r.consultation(ctx, p, actor) })
	}
	if p.fee.method != disclosure.FeeNone {
		steps = append(steps, func() error { return r.processingFee(ctx, p.fee, actor) })
	}
	if p.extend {
		steps = append(steps, func() error { return r.extension(ctx, actor) })
	}
	if p.ending == endReply {
		steps = append(steps, func() error { return r.reply(ctx, f, actor) })
	}
	for _, s := range steps {
		if r.c.State == disclosure.StateClosed {
			break
		}
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}

// amendment sends the one consolidated 补正告知书 within the 7 working
// days of 条例第三十条 and receives the 补正, or lets the period lapse.
func (r *caseRun) amendment(ctx context.Context, p plan, actor int64) error {
	g := r.g
	items := choose(g.rng, amendmentItems)
	if p.ending == endAmendLapsed || p.basis == disclosure.BasisUnclearAfterFix {
		items = vagueItems
	}
	on := r.after(1 + g.rng.IntN(4))
	deadline, err := g.cal.AddWorkdays(on, g.set.AmendmentPeriodDays)
	if err != nil {
		return err
	}
	if err := r.step(ctx, disclosure.Event{Kind: disclosure.EventAmendmentRequested, On: on, ActorID: actor, Note: items, Deadline: deadline}, nil); err != nil {
		return err
	}
	if p.ending == endAmendLapsed {
		on, err := g.cal.AddWorkdays(deadline, 1+g.rng.IntN(2))
		if err != nil {
			return err
		}
		return r.step(ctx, disclosure.Event{Kind: disclosure.EventAmendmentExpired, On: on, ActorID: actor}, nil)
	}
	return r.step(ctx, disclosure.Event{Kind: disclosure.EventAmended, On: r.after(3 + g.rng.IntN(8))}, nil)
}

// consultation asks a third party (条例第三十二条) or the co-producing organ
// (第三十四条) and records the answer or the end of the 15 working days.
func (r *caseRun) consultation(ctx context.Context, p plan, actor int64) error {
	g := r.g
	// The third party is the company the request names, if it names one.
	name := choose(g.rng, orgNames[disclosure.Business].names)
	for _, n := range orgNames[disclosure.Business].names {
		if strings.Contains(r.rec.Description, n) {
			name = n
		}
	}
	if p.consult == disclosure.PartyCoOrgan {
		name = choose(g.rng, coOrgans)
	}
	if err := r.step(ctx, disclosure.Event{Kind: disclosure.EventConsultationSent, On: r.after(2 + g.rng.IntN(4)), ActorID: actor,
		Party: p.consult, PartyName: name}, nil); err != nil || r.stopped {
		return err
	}
	n := len(r.c.Consultations)
	if p.lapse {
		on, err := g.cal.AddWorkdays(r.c.Consultations[n-1].WindowEnd, 1)
		if err != nil {
			return err
		}
		return r.step(ctx, disclosure.Event{Kind: disclosure.EventConsultationLapsed, On: on, ActorID: actor, Consultation: n}, nil)
	}
	note := "同意公开"
	if p.objected {
		note = "不同意公开，认为所涉内容属于商业秘密"
	}
	return r.step(ctx, disclosure.Event{Kind: disclosure.EventConsultationAnswered, On: r.after(4 + g.rng.IntN(9)), ActorID: actor,
		Consultation: n, Objected: p.objected, Note: note}, nil)
}

// processingFee serves the 收费通知 (国办函〔2020〕109号) and records the
// payment, the waiver or the 20 working days passing unpaid.
func (r *caseRun) processingFee(ctx context.Context, f feePlan, actor int64) error {
	g := r.g
	amount := disclosure.PerPageFee(f.quantity)
	if f.method == disclosure.FeePerApplication {
		amount = disclosure.PerApplicationFee(f.quantity, g.set.Fee)
	}
	if err := r.step(ctx, disclosure.Event{Kind: disclosure.EventFeeNoticed, On: r.after(1 + g.rng.IntN(3)), ActorID: actor,
		FeeMethod: f.method, Quantity: f.quantity, Amount: amount, PayMethod: payMethod}, nil); err != nil || r.stopped {
		return err
	}
	switch f.settle {
	case disclosure.EventFeeExpired:
		on, err := g.cal.AddWorkdays(r.c.Fee.PayBy, 1)
		if err != nil {
			return err
		}
		return r.step(ctx, disclosure.Event{Kind: disclosure.EventFeeExpired, On: on, ActorID: actor}, nil)
	case disclosure.EventFeeWaived:
		return r.step(ctx, disclosure.Event{Kind: disclosure.EventFeeWaived, On: r.after(1 + g.rng.IntN(3)), ActorID: actor, Note: f.note}, nil)
	}
	return r.step(ctx, disclosure.Event{Kind: disclosure.EventFeePaid, On: r.after(3 + g.rng.IntN(10))}, nil)
}

// extension is requested a few days before the deadline and approved the
// same day by the 政府信息公开工作机构负责人 (条例第三十三条第二款).
func (r *caseRun) extension(ctx context.Context, actor int64) error {
	g := r.g
	left := r.daysLeft()
	on := r.after(max(0, left-1-g.rng.IntN(3)))
	days := choose(g.rng, []int{10, 15, 20})
	if err := r.step(ctx, disclosure.Event{Kind: disclosure.EventExtensionRequested, On: on, ActorID: actor, Days: days,
		Note: choose(g.rng, extensionReasons)}, nil); err != nil {
		return err
	}
	return r.step(ctx, disclosure.Event{Kind: disclosure.EventExtensionApproved, On: on, ActorID: g.users["gkbfzr"], ApproverIsHead: true}, nil)
}

// reply closes the case on the plan's basis with its reasons, mostly well
// within the period, within the extension when one was granted.
func (r *caseRun) reply(ctx context.Context, f filing, actor int64) error {
	g, p := r.g, f.plan
	left := r.daysLeft()
	k := 1 + g.rng.IntN(max(1, left*3/4))
	if r.c.Extension.Used() {
		k = left - g.rng.IntN(max(1, r.c.Extension.Days/2))
	}
	ev := disclosure.Event{Kind: disclosure.EventReplied, On: r.after(max(0, min(k, left))), ActorID: actor, Basis: p.basis,
		Reasons: replyReasons(p.basis, p.topic)}
	var earlier *disclosure.RepeatMatch
	if p.repeat {
		e := f.earlier
		earlier = &disclosure.RepeatMatch{ID: e.rec.ID, Code: e.rec.Code, ReceivedOn: e.rec.ReceivedOn, ClosedOn: e.closedOn,
			Basis: e.basis, Score: 1}
	}
	if err := r.step(ctx, ev, earlier); err != nil || r.c.State != disclosure.StateClosed {
		return err
	}
	g.answered = append(g.answered, answered{rec: r.rec, applicant: f.applicant, basis: p.basis, closedOn: r.c.ClosedOn})
	return nil
}
