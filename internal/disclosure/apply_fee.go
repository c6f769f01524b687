package disclosure

import (
	"strings"

	"gongkai/internal/workday"
)

// noticeFee records the served 收费通知 (国办函〔2020〕109号, spec §3.5): within
// the reply period, one method, the amount matching the tiers.
func (c *Case) noticeFee(ev Event, cal *workday.Calendar, s Settings) error {
	switch {
	case c.State == StateAwaitingAmendment:
		return refuse(CodeState, "等待补正期间不能发出收费通知")
	case c.Fee.State != FeeStateNone:
		return refuse(CodeFee, "本申请已发出过收费通知")
	case ev.FeeMethod != FeePerApplication && ev.FeeMethod != FeePerPage:
		return refuse(CodeFee, "请选择按件计收或按量计收（只能选择一种）")
	case ev.Quantity < 1:
		return refuse(CodeFee, "请填写件数或页数")
	case strings.TrimSpace(ev.PayMethod) == "":
		return refuse(CodeFee, "请填写缴纳方式")
	}
	want := PerPageFee(ev.Quantity)
	if ev.FeeMethod == FeePerApplication {
		want = PerApplicationFee(ev.Quantity, s.Fee)
	}
	if want == 0 {
		return refuse(CodeFee, "按%s，%d在免费范围内，不应收费", ev.FeeMethod.Label(), ev.Quantity)
	}
	if ev.Amount != want {
		return refuse(CodeFee, "收费金额%d元与收费标准不符，应为%d元", ev.Amount, want)
	}
	due, err := DueAsOf(*c, ev.On, cal)
	if err != nil {
		return err
	}
	if ev.On.After(due) {
		return refuse(CodeFee, "收费通知应在答复期限（%s）内发出", due)
	}
	payBy, err := cal.AddWorkdays(ev.On, FeePayDays)
	if err != nil {
		return err
	}
	c.Fee = Fee{
		State:     FeeStateNoticed,
		Method:    ev.FeeMethod,
		Quantity:  ev.Quantity,
		Amount:    ev.Amount,
		PayMethod: strings.TrimSpace(ev.PayMethod),
		NoticedOn: ev.On,
		PayBy:     payBy,
	}
	return nil
}

// settleFee records payment (by PayBy) or a waiver (with its reason; 109号
// lets the organ not charge, spec §3.6).
func (c *Case) settleFee(ev Event) error {
	if c.Fee.State != FeeStateNoticed {
		return refuse(CodeFee, "没有待缴的信息处理费")
	}
	if ev.Kind == EventFeeWaived {
		if strings.TrimSpace(ev.Note) == "" {
			return refuse(CodeMissing, "请填写免收的理由")
		}
		c.Fee.State = FeeStateWaived
		c.Fee.Note = strings.TrimSpace(ev.Note)
	} else {
		if ev.On.After(c.Fee.PayBy) {
			return refuse(CodeFee, "缴费期限（%s）已过，申请视为放弃", c.Fee.PayBy)
		}
		c.Fee.State = FeeStatePaid
	}
	c.Fee.SettledOn = ev.On
	return nil
}

// expireFee closes the case as （六）2 once the 20 working days have passed.
func (c *Case) expireFee(ev Event) error {
	if c.Fee.State != FeeStateNoticed {
		return refuse(CodeFee, "没有待缴的信息处理费")
	}
	if !ev.On.After(c.Fee.PayBy) {
		return refuse(CodeFee, "缴费期限到%s才届满", c.Fee.PayBy)
	}
	c.Fee.State = FeeStateExpired
	c.Fee.SettledOn = ev.On
	c.close(ev, BasisFeeUnpaid)
	return nil
}
