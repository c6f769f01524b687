// Package notice renders the 告知书 of the 依申请公开 cases (spec
// legal-rules §4) from templates an agency can edit: each template is text
// with placeholders such as {{.申请人}}; the rendered notice is a title, the
// 受理编号, paragraphs, the issuing organ and the date, written as printable
// HTML (kept as issued in the store) and as DOCX.
//
// Placeholder values are inserted as text: a description typed by an
// applicant can never become markup in the HTML or the DOCX.
package notice

import (
	"fmt"
	"strings"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// Field is a placeholder a template may use.
type Field struct {
	Name string // as written in a template: {{.Name}}
	Help string // shown on the template page
}

// Fields lists every placeholder in the order of the template page.
var Fields = []Field{
	{"机关名称", "作出告知的行政机关（站点名称）"},
	{"申请人", "申请人姓名或者名称"},
	{"联系人", "法人或者其他组织的联系人"},
	{"受理编号", "申请的查询码"},
	{"收到申请日期", "收到申请之日（条例第三十一条）"},
	{"收到申请方式", "确定收到申请之日的方式"},
	{"申请内容", "申请公开的政府信息的描述"},
	{"文号", "申请人填写的文号"},
	{"获取方式", "申请人要求的形式和获取方式"},
	{"办理日期", "本步骤的日期"},
	{"发文日期", "告知书的落款日期"},
	{"答复期限", "现行答复期限"},
	{"原答复期限", "延期前的答复期限"},
	{"补正事项", "需要补正的全部事项"},
	{"补正期限", "补正期限"},
	{"补正告知日期", "发出补正告知书的日期"},
	{"延期天数", "延长的工作日数"},
	{"延期理由", "延期答复的理由"},
	{"征求意见对象", "被征求意见的第三方或机关"},
	{"征求意见期限", "征求意见的答复截止日（15个工作日）"},
	{"收费方式", "按件计收或按量计收"},
	{"收费标准", "适用的收费标准"},
	{"收费数量", "件数或页数"},
	{"收费金额", "收费金额（元）"},
	{"缴纳方式", "缴纳方式和账户"},
	{"缴费期限", "缴费截止日"},
	{"收费通知日期", "收费通知送达之日"},
	{"法律依据", "答复所依据的法律条款"},
	{"答复情形", "答复依据对应的情形"},
	{"理由", "答复或处理的理由"},
	{"此前申请编号", "重复申请所对应的此前申请编号"},
	{"此前答复日期", "此前申请的答复日期"},
	{"救济告知", "行政复议和行政诉讼的救济途径和期限"},
}

// fieldNames is the set of known placeholders.
var fieldNames = func() map[string]bool {
	m := make(map[string]bool, len(Fields))
	for _, f := range Fields {
		m[f.Name] = true
	}
	return m
}()

// Input is what one notice is rendered from.
type Input struct {
	Kind     disclosure.NoticeKind
	Organ    string                 // the issuing organ: the site's name
	App      disclosure.Application // the applicant's name is the only personal data used
	Case     disclosure.Case        // the case after the step (disclosure.Apply's result)
	Event    disclosure.Event       // the step the notice belongs to
	IssuedOn workday.Date
	Remedy   disclosure.RemedySettings
	// Earlier is the answered application a （五）2 reply refers to
	// (条例第三十六条第（六）项); nil otherwise.
	Earlier *disclosure.RepeatMatch
}

// DateCN writes a date as 2025年3月10日; "" for the zero date.
func DateCN(d workday.Date) string {
	if d == (workday.Date{}) {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// values fills every placeholder for in; the remedy clause comes from
// disclosure.RemedyFor, which refuses when the 复议机关 is not set.
func values(in Input) (map[string]string, error) {
	c, app := in.Case, in.App
	v := map[string]string{
		"机关名称":   in.Organ,
		"申请人":    app.Applicant.Name,
		"联系人":    app.Applicant.ContactName,
		"受理编号":   app.Code,
		"收到申请日期": DateCN(c.ReceivedOn),
		"收到申请方式": c.Receipt.Label(),
		"申请内容":   app.Description,
		"文号":     app.DocNo,
		"获取方式":   app.Delivery.Form.Label() + "，" + app.Delivery.Method.Label(),
		"办理日期":   DateCN(in.Event.On),
		"发文日期":   DateCN(in.IssuedOn),
		"答复期限":   DateCN(c.DueOn),
		"原答复期限":  DateCN(c.OriginalDueOn),
	}
	if a, ok := c.Amendment(); ok {
		v["补正事项"], v["补正期限"], v["补正告知日期"] = a.Items, DateCN(a.Deadline), DateCN(a.RequestedOn)
	}
	if e := c.Extension; e.Used() || e.Pending {
		v["延期天数"] = fmt.Sprint(max(e.Days, e.Requested))
		v["延期理由"] = e.Reason
	}
	if k, ok := consultation(in); ok {
		v["征求意见对象"], v["征求意见期限"] = k.PartyName, DateCN(k.WindowEnd)
	}
	if f := c.Fee; f.State != disclosure.FeeStateNone {
		v["收费方式"], v["收费标准"] = f.Method.Label(), feeStandard(f.Method)
		v["收费数量"] = fmt.Sprintf("%d页", f.Quantity)
		if f.Method == disclosure.FeePerApplication {
			v["收费数量"] = fmt.Sprintf("本月第%d件", f.Quantity)
		}
		v["收费金额"] = fmt.Sprintf("%d元", f.Amount)
		v["缴纳方式"], v["缴费期限"], v["收费通知日期"] = f.PayMethod, DateCN(f.PayBy), DateCN(f.NoticedOn)
	}
	if c.Basis != "" {
		v["法律依据"], v["答复情形"], v["理由"] = c.Basis.Citation(), c.Basis.Ground(), c.Reasons
	} else if strings.TrimSpace(in.Event.Reasons) != "" {
		v["理由"] = strings.TrimSpace(in.Event.Reasons)
	}
	if e := in.Earlier; e != nil {
		v["此前申请编号"], v["此前答复日期"] = e.Code, DateCN(e.ClosedOn)
	}
	r, err := disclosure.RemedyFor(in.Kind, c.Basis, in.IssuedOn, in.Remedy)
	if err != nil {
		return nil, err
	}
	v["救济告知"] = r.Clause
	for _, f := range Fields {
		v[f.Name] = clean(v[f.Name])
	}
	return v, nil
}

// clean drops control characters other than line breaks and tabs (and the
// non-characters XML refuses), so a value typed by anyone always makes a
// well-formed HTML and DOCX notice.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return -1
		case r < 0x20, r == 0x7f, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}

// consultation is the consultation a notice is about: the objecting third
// party for a 公开决定告知书, else the latest one sent.
func consultation(in Input) (disclosure.Consultation, bool) {
	ks := in.Case.Consultations
	if in.Kind == disclosure.NoticeThirdPartyDisclosure {
		for i := len(ks) - 1; i >= 0; i-- {
			if ks[i].Party == disclosure.PartyThird && ks[i].Objected {
				return ks[i], true
			}
		}
	}
	if len(ks) == 0 {
		return disclosure.Consultation{}, false
	}
	return ks[len(ks)-1], true
}

// feeStandard states the tiers of 国办函〔2020〕109号 for the method.
func feeStandard(m disclosure.FeeMethod) string {
	switch m {
	case disclosure.FeePerApplication:
		return "按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，按100元/件收取；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件"
	case disclosure.FeePerPage:
		return "按量计收：同一政府信息公开申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，按10元/页收取；101—200页（含200页）的部分，按20元/页收取；201页以上的部分，按40元/页收取"
	}
	return ""
}
