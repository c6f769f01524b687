package notice

import (
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// Sample is a made-up case for the template page's preview: every
// placeholder of kind k has a value, and a reply carries a basis that
// closes with k.
func Sample(k disclosure.NoticeKind, organ string, issuedOn workday.Date, r disclosure.RemedySettings) Input {
	d := func(days int) workday.Date { return issuedOn.AddDays(days) }
	app := disclosure.Application{
		Code:        "YS" + issuedOn.Time().Format("2006") + "-000123",
		Applicant:   disclosure.Applicant{Kind: disclosure.Person, Name: "张某某"},
		Description: "本机关2024年度部门预算执行情况报告",
		DocNo:       "某财发〔2024〕12号",
		Delivery:    disclosure.Delivery{Form: disclosure.FormElectronic, Method: disclosure.MethodEmail},
	}
	c := disclosure.Case{
		State: disclosure.StateProcessing, ReceivedOn: d(-20), Receipt: disclosure.ReceiptOnlineConfirmed, ClockStart: d(-20),
		DueOn: d(15), OriginalDueOn: d(1),
		Amendments:    []disclosure.Amendment{{RequestedOn: d(-18), Deadline: d(-4), Items: "1. 请写明所需信息的年度；\n2. 请提供身份证明。", AmendedOn: d(-6)}},
		Extension:     disclosure.Extension{Requested: 10, Days: 10, Reason: "所需信息涉及多个科室，需要汇总核对", ApprovedOn: d(0)},
		Consultations: []disclosure.Consultation{{Party: disclosure.PartyThird, PartyName: "某某有限公司", SentOn: d(-3), WindowEnd: d(18), Objected: true}},
		Fee: disclosure.Fee{State: disclosure.FeeStateNoticed, Method: disclosure.FeePerPage, Quantity: 150, Amount: 1700,
			PayMethod: "通过非税收入缴款码缴纳", NoticedOn: d(0), PayBy: d(28)},
		Reasons: "（示例）理由和依据的具体说明。",
	}
	for _, b := range disclosure.LegalBases {
		if nk, ok := disclosure.ClosingNotice(b); ok && nk == k {
			c.Basis, c.State, c.ClosedOn = b, disclosure.StateClosed, issuedOn
			break
		}
	}
	if k == disclosure.NoticeThirdPartyDisclosure {
		c.Basis, c.State, c.ClosedOn = disclosure.BasisDisclosed, disclosure.StateClosed, issuedOn
	}
	return Input{
		Kind: k, Organ: organ, App: app, Case: c, IssuedOn: issuedOn, Remedy: r,
		Event:   disclosure.Event{On: issuedOn, At: time.Time{}},
		Earlier: &disclosure.RepeatMatch{Code: "YS" + issuedOn.Time().Format("2006") + "-000045", ClosedOn: d(-60)},
	}
}
