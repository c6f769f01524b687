package disclosure

import (
	"fmt"
	"slices"
	"strings"

	"gongkai/internal/workday"
)

// Replay folds events, in order, into a Case. The first event must be
// EventReceived. A refused event stops the fold with an error naming it.
// Replaying again after a calendar change recomputes every date.
func Replay(events []Event, cal *workday.Calendar, s Settings) (Case, error) {
	var c Case
	for i, ev := range events {
		next, err := Apply(c, ev, cal, s)
		if err != nil {
			return c, fmt.Errorf("第%d步（%s）：%w", i+1, ev.Kind.Label(), err)
		}
		c = next
	}
	if c.Events == 0 {
		return c, refuse(CodeFirstEvent, "没有收到申请的记录")
	}
	return c, nil
}

// Apply returns the case after ev, or the unchanged case and a RuleError
// (or a calendar error) when ev is not allowed. c is never modified.
func Apply(c Case, ev Event, cal *workday.Calendar, s Settings) (Case, error) {
	if !ev.Kind.Valid() {
		return c, refuse(CodeUnknownEvent, "未知的办理步骤：%q", string(ev.Kind))
	}
	if ev.On == (workday.Date{}) {
		return c, refuse(CodeDate, "请填写%s的日期", ev.Kind.Label())
	}
	if c.Events == 0 {
		if ev.Kind != EventReceived {
			return c, refuse(CodeFirstEvent, "第一步必须是收到申请")
		}
		return received(ev, cal, s)
	}
	if ev.Kind == EventReceived {
		return c, refuse(CodeState, "该申请已登记收到，不能重复登记")
	}
	if c.State == StateClosed {
		return c, refuse(CodeClosed, "该申请已于%s办结，不能再%s", c.ClosedOn, ev.Kind.Label())
	}
	if ev.On.Before(c.LastOn) {
		return c, refuse(CodeDate, "%s的日期（%s）不能早于上一步的日期（%s）", ev.Kind.Label(), ev.On, c.LastOn)
	}
	// Work on a copy whose slices do not alias c's.
	n := c
	n.Amendments = slices.Clone(c.Amendments)
	n.Consultations = slices.Clone(c.Consultations)
	var err error
	switch ev.Kind {
	case EventAmendmentRequested:
		err = n.requestAmendment(ev, cal, s)
	case EventAmended:
		err = n.amend(ev, cal)
	case EventAmendmentExpired:
		err = n.expireAmendment(ev)
	case EventAssigned, EventTransferred:
		err = n.assign(ev)
	case EventExtensionRequested:
		err = n.requestExtension(ev, cal)
	case EventExtensionApproved:
		err = n.approveExtension(ev, cal)
	case EventExtensionRefused:
		err = n.refuseExtension(ev)
	case EventConsultationSent:
		err = n.sendConsultation(ev, cal)
	case EventConsultationAnswered:
		err = n.answerConsultation(ev)
	case EventConsultationLapsed:
		err = n.lapseConsultation(ev)
	case EventFeeNoticed:
		err = n.noticeFee(ev, cal, s)
	case EventFeePaid, EventFeeWaived:
		err = n.settleFee(ev)
	case EventFeeExpired:
		err = n.expireFee(ev)
	case EventReplied:
		err = n.reply(ev, cal)
	case EventWithdrawn:
		n.close(ev, BasisWithdrawn)
	}
	if err != nil {
		return c, err
	}
	if n.State != StateClosed {
		if err := n.recompute(cal); err != nil {
			return c, err
		}
	}
	n.LastOn = ev.On
	n.Events++
	n.derive()
	return n, nil
}

// received opens the case (条例第三十一条).
func received(ev Event, cal *workday.Calendar, s Settings) (Case, error) {
	if !ev.ReceiptBasis.Valid() {
		return Case{}, refuse(CodeMissing, "请选择确定收到申请之日的方式（条例第三十一条）")
	}
	c := Case{
		ReceivedOn: ev.On,
		Receipt:    ev.ReceiptBasis,
		ClockStart: ev.On,
		FeePauses:  !s.Fee.KeepClockRunning,
		LastOn:     ev.On,
		Events:     1,
	}
	var err error
	if c.AmendmentNoticeDue, err = cal.AddWorkdays(ev.On, AmendmentNoticeDays); err != nil {
		return Case{}, err
	}
	if err := c.recompute(cal); err != nil {
		return Case{}, err
	}
	c.derive()
	return c, nil
}

// derive sets State from the facts; the most pressing open condition wins.
func (c *Case) derive() {
	a, hasA := c.Amendment()
	switch {
	case c.Basis != "":
		c.State = StateClosed
	case hasA && a.AmendedOn == (workday.Date{}) && !a.Expired:
		c.State = StateAwaitingAmendment
	case c.Fee.State == FeeStateNoticed:
		c.State = StateAwaitingFee
	case c.OpenConsultations() > 0:
		c.State = StateConsulting
	case c.OrgID != 0:
		c.State = StateProcessing
	default:
		c.State = StateReceived
	}
}

func (c *Case) close(ev Event, b LegalBasis) {
	c.Basis = b
	c.ClosedOn = ev.On
	c.Reasons = strings.TrimSpace(ev.Reasons)
	if b == BasisWithdrawn {
		c.Reasons = strings.TrimSpace(ev.Note)
	}
}

// assign records the 承办科室 (EventAssigned first, EventTransferred after).
func (c *Case) assign(ev Event) error {
	if ev.OrgID <= 0 {
		return refuse(CodeAssign, "请选择承办科室")
	}
	if ev.Kind == EventAssigned && c.OrgID != 0 {
		return refuse(CodeAssign, "该申请已分办，如需调整请转办")
	}
	if ev.Kind == EventTransferred {
		if c.OrgID == 0 {
			return refuse(CodeAssign, "该申请尚未分办，不能转办")
		}
		if ev.OrgID == c.OrgID && ev.AssigneeID == c.AssigneeID {
			return refuse(CodeAssign, "转办的承办科室和承办人与当前相同")
		}
	}
	c.OrgID, c.AssigneeID = ev.OrgID, ev.AssigneeID
	return nil
}

// reply closes the case with the basis staff chose (条例第三十六条至第三十九条).
func (c *Case) reply(ev Event, cal *workday.Calendar) error {
	b := ev.Basis
	if !b.Valid() {
		return refuse(CodeBasis, "请选择答复的法律依据")
	}
	if !b.ChosenInReply() {
		return refuse(CodeBasis, "“%s”由相应的办理步骤记录，不能作为答复依据选择", b.Ground())
	}
	if b.ReasonsRequired() && strings.TrimSpace(ev.Reasons) == "" {
		return refuse(CodeReasons, "选择“%s”时必须写明理由", b.Label())
	}
	switch {
	case c.State == StateAwaitingAmendment:
		return refuse(CodeState, "正在等待申请人补正，补正期限届满前不能作出答复")
	case c.Fee.State == FeeStateNoticed:
		return refuse(CodeState, "收费通知尚未缴费或免收，不能作出答复")
	case c.OpenConsultations() > 0:
		return refuse(CodeState, "征求意见尚未答复或期满，不能作出答复")
	}
	if b == BasisUnclearAfterFix {
		if a, ok := c.Amendment(); !ok || a.AmendedOn == (workday.Date{}) {
			return refuse(CodeBasis, "只有收到补正后内容仍不明确的申请才能以此答复")
		}
	}
	due, err := DueAsOf(*c, ev.On, cal)
	if err != nil {
		return err
	}
	c.Late = ev.On.After(due)
	c.close(ev, b)
	return nil
}
