package staff

import (
	"slices"
	"strconv"

	"gongkai/internal/auth"
	"gongkai/internal/disclosure"
)

// Rule codes whose message belongs beside the date field.
var dateCodes = map[string]string{disclosure.CodeDate: "on"}

func withDate(m map[string]string) map[string]string {
	out := map[string]string{disclosure.CodeDate: "on"}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// steps lists every action on a case, with the permission its route needs.
var steps = []step{
	{name: "assign", perm: auth.PermApplications, office: true, fields: withDate(map[string]string{disclosure.CodeAssign: "org"}), read: readAssign},
	{name: "amendment", perm: auth.PermApplications, fields: withDate(map[string]string{
		disclosure.CodeAmendmentWindow: "on", disclosure.CodeMissing: "items"}), read: readAmendment},
	{name: "amended", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeAmendmentDeadline: "note"}), read: readAmended},
	{name: "amendment-expired", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeAmendmentDeadline: "on"}),
		read: simple(disclosure.EventAmendmentExpired)},
	{name: "extension", perm: auth.PermApplications, fields: withDate(map[string]string{
		disclosure.CodeExtensionDays: "days", disclosure.CodeExtensionLate: "on", disclosure.CodeMissing: "reason"}), read: readExtension},
	{name: "extension-approve", perm: auth.PermExtensionApprove, fields: withDate(map[string]string{
		disclosure.CodeExtensionDays: "days", disclosure.CodeExtensionLate: "on"}), read: readExtensionDecision(disclosure.EventExtensionApproved)},
	{name: "extension-refuse", perm: auth.PermExtensionApprove, fields: dateCodes, read: readExtensionDecision(disclosure.EventExtensionRefused)},
	{name: "consultation", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeMissing: "party_name"}), read: readConsultation},
	{name: "consultation-answer", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeConsultation: "consultation"}),
		read: readConsultationEnd(disclosure.EventConsultationAnswered)},
	{name: "consultation-lapse", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeConsultation: "consultation"}),
		read: readConsultationEnd(disclosure.EventConsultationLapsed)},
	{name: "fee", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeFee: "method"}), read: readFee},
	{name: "fee-paid", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeFee: "on"}), read: simple(disclosure.EventFeePaid)},
	{name: "fee-waive", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeMissing: "note"}), read: readNote(disclosure.EventFeeWaived)},
	{name: "fee-expired", perm: auth.PermApplications, fields: withDate(map[string]string{disclosure.CodeFee: "on"}), read: simple(disclosure.EventFeeExpired)},
	{name: "reply", perm: auth.PermApplications, fields: withDate(map[string]string{
		disclosure.CodeReasons: "reasons", disclosure.CodeBasis: "basis"}), read: readReply},
	{name: "withdraw", perm: auth.PermApplications, fields: dateCodes, read: readNote(disclosure.EventWithdrawn)},
}

// stepFlashes confirm each step after the redirect.
var stepFlashes = map[string]string{
	"assign":              "已分办。",
	"amendment":           "补正告知书已生成，请打印或发送并登记送达情况。",
	"amended":             "已登记收到补正，答复期限自收到补正之日起重新计算。",
	"amendment-expired":   "已按逾期未补正办结（（六）1），终止处理告知书已生成。",
	"extension":           "延期申请已提交，待政府信息公开工作机构负责人审批。",
	"extension-approve":   "已批准延期答复，延期答复告知书已生成。",
	"extension-refuse":    "已不批准延期。",
	"consultation":        "征求意见书和给申请人的告知书已生成，征求意见期间答复期限暂停计算。",
	"consultation-answer": "已登记收到意见。",
	"consultation-lapse":  "已登记征求意见期满未答复。",
	"fee":                 "收费通知书已生成。",
	"fee-paid":            "已登记缴费。",
	"fee-waive":           "已登记免收信息处理费。",
	"fee-expired":         "已按逾期未缴费办结（（六）2），终止处理告知书已生成。",
	"reply":               "已办结，答复书已生成。",
	"withdraw":            "已按申请人撤回办结（（六）3）。",
	"registered":          "申请已登记。",
	"review-created":      "已登记。",
	"review-updated":      "已保存。",
}

func simple(k disclosure.EventKind) func(*stepInput) disclosure.Event {
	return func(in *stepInput) disclosure.Event { return disclosure.Event{Kind: k, On: in.on()} }
}

func readNote(k disclosure.EventKind) func(*stepInput) disclosure.Event {
	return func(in *stepInput) disclosure.Event {
		return disclosure.Event{Kind: k, On: in.on(), Note: in.text("note")}
	}
}

// readAssign: 分办 to a 承办科室, or 转办 once assigned.
func readAssign(in *stepInput) disclosure.Event {
	ev := disclosure.Event{Kind: disclosure.EventAssigned, On: in.on(), OrgID: formID(in.r, "org"), AssigneeID: formID(in.r, "assignee")}
	if in.c.OrgID != 0 {
		ev.Kind = disclosure.EventTransferred
	}
	ctx := in.r.Context()
	org, err := in.h.app.Store.Org(ctx, ev.OrgID)
	if err != nil || org.SiteID != in.rec.SiteID {
		in.fe.Add(in.field("org"), "请选择本机关的承办科室")
		return ev
	}
	if ev.AssigneeID != 0 {
		a, err := in.h.app.Store.User(ctx, ev.AssigneeID)
		switch {
		case err != nil || a.Disabled || !a.Role.Can(auth.PermApplications):
			in.fe.Add(in.field("assignee"), "请选择能办理申请的工作人员")
		case a.Role.OrgScoped() && a.OrgID != ev.OrgID:
			in.fe.Add(in.field("assignee"), "承办人不属于所选科室")
		}
	}
	return ev
}

// readAmendment: the one consolidated 补正告知书 (条例第三十条).
func readAmendment(in *stepInput) disclosure.Event {
	ev := disclosure.Event{Kind: disclosure.EventAmendmentRequested, On: in.on(), Note: in.text("items")}
	ev.Deadline = optionalDate(in.r, "deadline", in.field("deadline"), in.fe)
	if !ev.Deadline.After(ev.On) {
		in.fe.Add(in.field("deadline"), "请填写晚于告知日期的补正期限")
	}
	return ev
}

func readAmended(in *stepInput) disclosure.Event {
	return disclosure.Event{Kind: disclosure.EventAmended, On: in.on(), Justified: in.r.FormValue("justified") == "1", Note: in.text("note")}
}

func readExtension(in *stepInput) disclosure.Event {
	return disclosure.Event{Kind: disclosure.EventExtensionRequested, On: in.on(), Days: in.number("days", true), Note: in.text("reason")}
}

// readExtensionDecision: the route already requires PermExtensionApprove,
// the 政府信息公开工作机构负责人's permission (条例第三十三条第二款).
func readExtensionDecision(k disclosure.EventKind) func(*stepInput) disclosure.Event {
	return func(in *stepInput) disclosure.Event {
		return disclosure.Event{Kind: k, On: in.on(), Days: in.number("days", false), Note: in.text("note"),
			ApproverIsHead: in.u.Role.Can(auth.PermExtensionApprove)}
	}
}

func readConsultation(in *stepInput) disclosure.Event {
	return disclosure.Event{Kind: disclosure.EventConsultationSent, On: in.on(),
		Party: disclosure.Party(in.text("party")), PartyName: in.text("party_name")}
}

func readConsultationEnd(k disclosure.EventKind) func(*stepInput) disclosure.Event {
	return func(in *stepInput) disclosure.Event {
		return disclosure.Event{Kind: k, On: in.on(), Consultation: in.number("consultation", true),
			Objected: in.r.FormValue("objected") == "1", Note: in.text("note")}
	}
}

// number reads a positive whole number; required or 0 when empty.
func (in *stepInput) number(name string, required bool) int {
	s := in.text(name)
	if s == "" && !required {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100000 {
		in.fe.Add(in.field(name), "请填写正整数")
		return 0
	}
	return n
}

// readFee computes the amount from 109号's tiers (disclosure.QuoteFee): staff
// choose the method and, for 按量, the pages; they never type the amount.
func readFee(in *stepInput) disclosure.Event {
	ev := disclosure.Event{Kind: disclosure.EventFeeNoticed, On: in.on(), FeeMethod: disclosure.FeeMethod(in.text("method")),
		PayMethod: in.text("pay_method")}
	pages := 0
	if ev.FeeMethod == disclosure.FeePerPage {
		pages = in.number("pages", true)
	}
	nth, err := in.h.app.Store.NthInMonth(in.r.Context(), in.rec.ID)
	if err != nil {
		in.fe.Add(in.field("method"), "无法统计申请人本月的申请件数，请稍后再试")
		return ev
	}
	q := disclosure.QuoteFee(nth, pages, in.rec.Delivery, in.set.Fee)
	switch ev.FeeMethod {
	case disclosure.FeePerApplication:
		ev.Quantity = nth
	case disclosure.FeePerPage:
		if !q.PerPageAllowed {
			in.fe.Add(in.field("method"), "按量计收只适用于提供纸质件、发送电子邮件或复制电子数据（109号第五条）")
		}
		ev.Quantity = pages
	default:
		in.fe.Add(in.field("method"), "请选择按件计收或按量计收（只能选择一种）")
	}
	ev.Amount = q.Amount(ev.FeeMethod)
	if ev.PayMethod == "" {
		in.fe.Add(in.field("pay_method"), "请填写缴纳方式和账户")
	}
	return ev
}

// readReply closes the case by the legal basis chosen; the row of table 三
// follows from it (disclosure.RowOf), never chosen.
func readReply(in *stepInput) disclosure.Event {
	ev := disclosure.Event{Kind: disclosure.EventReplied, On: in.on(), Basis: disclosure.LegalBasis(in.text("basis")),
		Reasons: in.text("reasons")}
	if !slices.Contains(disclosure.ReplyBases(), ev.Basis) {
		in.fe.Add(in.field("basis"), "请选择答复的法律依据")
		return ev
	}
	// 条例第三十二条: disclosing against a third party's objection needs a
	// written decision with the reasons, sent to the third party.
	o := ev.Basis.Outcome()
	if in.c.Objected && (o == disclosure.OutcomeGranted || o == disclosure.OutcomePartial) && ev.Reasons == "" {
		in.fe.Add(in.field("reasons"), "第三方不同意公开，决定公开的须写明不公开可能对公共利益造成重大影响的理由（条例第三十二条）")
	}
	if ev.Basis == disclosure.BasisRepeat {
		// 条例第三十六条第（六）项: the reply refers to the earlier answer.
		id := formID(in.r, "earlier")
		ms, err := in.h.app.Store.RepeatCandidates(in.r.Context(), in.rec.ID)
		if err == nil {
			for i := range ms {
				if ms[i].ID == id {
					in.earlier = &ms[i]
				}
			}
		}
		if in.earlier == nil {
			in.fe.Add(in.field("earlier"), "请选择此前已答复的相同申请")
			return ev
		}
		ev.Note = "此前申请：" + in.earlier.Code
	}
	return ev
}
