package disclosure

import (
	"strings"

	"gongkai/internal/workday"
)

// requestExtension asks for the one extension of 条例第三十三条第二款.
func (c *Case) requestExtension(ev Event, cal *workday.Calendar) error {
	switch {
	case c.Extension.Used():
		return refuse(CodeExtensionUsed, "已延期答复一次，不能再次延期")
	case c.Extension.Pending:
		return refuse(CodeExtensionUsed, "已有待审批的延期申请")
	case c.State == StateAwaitingAmendment:
		return refuse(CodeState, "等待补正期间答复期限已停止计算，不需要延期")
	case ev.Days < 1 || ev.Days > MaxExtensionDays:
		return refuse(CodeExtensionDays, "延长的期限应为1至%d个工作日", MaxExtensionDays)
	case strings.TrimSpace(ev.Note) == "":
		return refuse(CodeMissing, "请填写延期答复的理由")
	}
	if err := c.beforeDue(ev, cal); err != nil {
		return err
	}
	c.Extension = Extension{
		Pending:     true,
		Requested:   ev.Days,
		RequestedOn: ev.On,
		Reason:      strings.TrimSpace(ev.Note),
	}
	return nil
}

// approveExtension grants it: only the 政府信息公开工作机构负责人 may
// (条例第三十三条第二款), before the original deadline ends (PRACTICE,
// spec §1.6.4: the 延期答复告知书 goes out before it).
func (c *Case) approveExtension(ev Event, cal *workday.Calendar) error {
	if !c.Extension.Pending {
		return refuse(CodeState, "没有待审批的延期申请")
	}
	if !ev.ApproverIsHead {
		return refuse(CodeExtensionApprover, "延期答复须经政府信息公开工作机构负责人同意")
	}
	days := ev.Days
	if days == 0 {
		days = c.Extension.Requested
	}
	if days < 1 || days > MaxExtensionDays {
		return refuse(CodeExtensionDays, "延长的期限应为1至%d个工作日", MaxExtensionDays)
	}
	if err := c.beforeDue(ev, cal); err != nil {
		return err
	}
	c.Extension.Pending = false
	c.Extension.Days = days
	c.Extension.ApprovedOn = ev.On
	c.Extension.ApproverID = ev.ActorID
	return nil
}

// refuseExtension turns the request down; another request may follow.
func (c *Case) refuseExtension(ev Event) error {
	if !c.Extension.Pending {
		return refuse(CodeState, "没有待审批的延期申请")
	}
	if !ev.ApproverIsHead {
		return refuse(CodeExtensionApprover, "延期申请须由政府信息公开工作机构负责人审批")
	}
	c.Extension = Extension{}
	return nil
}

// beforeDue refuses a step dated after the deadline in force that day.
func (c *Case) beforeDue(ev Event, cal *workday.Calendar) error {
	due, err := DueAsOf(*c, ev.On, cal)
	if err != nil {
		return err
	}
	if ev.On.After(due) {
		return refuse(CodeExtensionLate, "答复期限已于%s届满，不能再延期答复", due)
	}
	return nil
}
