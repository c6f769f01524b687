package disclosure

import (
	"strings"

	"gongkai/internal/workday"
)

// requestAmendment records the one consolidated 补正告知书 (条例第三十条).
func (c *Case) requestAmendment(ev Event, cal *workday.Calendar, s Settings) error {
	switch {
	case c.State == StateAwaitingAmendment:
		return refuse(CodeState, "已告知补正，正在等待申请人补正")
	case len(c.Amendments) > 0 && !s.AllowSecondAmendment:
		return refuse(CodeAmendmentOnce, "条例第三十条要求一次性告知补正，本申请已告知过补正")
	case c.Extension.Used() || c.Extension.Pending:
		return refuse(CodeState, "已申请或批准延期答复，不能再告知补正")
	case c.OpenConsultations() > 0:
		return refuse(CodeState, "征求意见期间不能告知补正")
	case c.Fee.State == FeeStateNoticed:
		return refuse(CodeState, "待缴费期间不能告知补正")
	case ev.On.After(c.AmendmentNoticeDue) && !s.AllowLateAmendmentNotice:
		return refuse(CodeAmendmentWindow, "补正告知应在收到申请之日起7个工作日内（%s前）发出，已超过期限", c.AmendmentNoticeDue)
	case strings.TrimSpace(ev.Note) == "":
		return refuse(CodeMissing, "请一次性列明需要补正的全部事项")
	case !ev.Deadline.After(ev.On):
		return refuse(CodeMissing, "请填写晚于告知日期的补正期限")
	}
	// The deadline must lie in a covered year so its expiry can be checked.
	if _, err := cal.IsWorkday(ev.Deadline); err != nil {
		return err
	}
	c.Amendments = append(c.Amendments, Amendment{
		RequestedOn: ev.On,
		Deadline:    ev.Deadline,
		Items:       strings.TrimSpace(ev.Note),
	})
	return nil
}

// amend restarts the reply clock on the day the 补正 is received
// (条例第三十条: 答复期限自行政机关收到补正的申请之日起计算).
func (c *Case) amend(ev Event, cal *workday.Calendar) error {
	if c.State != StateAwaitingAmendment {
		return refuse(CodeState, "当前没有待补正的事项")
	}
	a := &c.Amendments[len(c.Amendments)-1]
	if ev.On.After(a.Deadline) {
		if !ev.Justified || strings.TrimSpace(ev.Note) == "" {
			return refuse(CodeAmendmentDeadline, "补正期限（%s）已过；只有申请人有正当理由时才能接收，并须写明理由", a.Deadline)
		}
	}
	a.AmendedOn = ev.On
	a.Justified = ev.Justified
	c.ClockStart = ev.On
	next, err := cal.AddWorkdays(ev.On, AmendmentNoticeDays)
	if err != nil {
		return err
	}
	c.AmendmentNoticeDue = next
	return nil
}

// expireAmendment closes the case as （六）1: 视为放弃申请 (条例第三十条).
func (c *Case) expireAmendment(ev Event) error {
	if c.State != StateAwaitingAmendment {
		return refuse(CodeState, "当前没有待补正的事项")
	}
	a := &c.Amendments[len(c.Amendments)-1]
	if !ev.On.After(a.Deadline) {
		return refuse(CodeAmendmentDeadline, "补正期限（%s）尚未届满", a.Deadline)
	}
	a.Expired = true
	c.close(ev, BasisAmendmentLapsed)
	return nil
}
