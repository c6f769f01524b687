package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// 条例第三十条 with the real calendar: received on 2025-04-30, the Labour
// Day holiday (05-01 to 05-05) does not count, so the 7th working day is
// 05-14 and a 补正告知 on 05-15 (working day 8) is refused.
func TestAmendmentWindowRealCalendar(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	if got := e.workdays("2025-04-30", 7).String(); got != "2025-05-14" {
		t.Fatalf("calendar: 7 working days after 2025-04-30 = %s", got)
	}
	e.at("2025-04-30")
	office := e.login("office")
	id := office.register(applicationForm("2025-04-30"))
	e.at("2025-05-13")
	page := office.get("/admin/applications/" + itoa(id))
	if !strings.Contains(page.body, "距发出补正告知书的期限（2025-05-14）还有1个工作日") {
		t.Fatalf("no warning as day 7 nears: %s", errorText(page.body))
	}
	e.at("2025-05-15")
	form := url.Values{"on": {"2025-05-15"}, "items": {"请写明所需名单的年度。"}, "deadline": {"2025-05-30"}}
	res := office.step(id, "amendment", form)
	if res.status != http.StatusConflict || !strings.Contains(res.body, "7个工作日内（2025-05-14前）") {
		t.Fatalf("working day 8: %d %s", res.status, errorText(res.body))
	}
	if !strings.Contains(res.body, "请写明所需名单的年度。") {
		t.Fatal("the typed 补正 items were lost")
	}
	// On working day 7 it goes out, with its notice.
	form.Set("on", "2025-05-14")
	office.mustStep(id, "amendment", form)
	rec := e.record(id)
	if rec.State != disclosure.StateAwaitingAmendment {
		t.Fatalf("state %s", rec.State)
	}
	ns := e.notices(id)
	if last := ns[len(ns)-1]; last.Kind != disclosure.NoticeAmendment || !strings.Contains(last.BodyHTML, "请写明所需名单的年度。") || !strings.Contains(last.BodyHTML, "2025年5月30日") {
		t.Fatalf("补正告知书: %+v", last)
	}
	// The 补正 arrives: the reply clock restarts from that day.
	office.mustStep(id, "amended", url.Values{"on": {"2025-05-15"}})
	if rec := e.record(id); rec.DueOn != e.workdays("2025-05-15", 20) {
		t.Fatalf("due after 补正: %s", rec.DueOn)
	}
}

func TestExtensionRules(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	e.at("2025-03-03")
	office, head := e.login("office"), e.login("office-head")
	id := office.register(applicationForm("2025-03-03"))
	due := e.record(id).DueOn // 20 working days after 03-03
	e.at("2025-03-20")

	// More than 20 working days is refused beside the field.
	res := office.step(id, "extension", url.Values{"on": {"2025-03-20"}, "days": {"21"}, "reason": {"涉及档案调取"}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "延长的期限应为1至20个工作日") || !strings.Contains(res.body, "extension.days-error") {
		t.Fatalf("21 days: %d %s", res.status, errorText(res.body))
	}
	office.mustStep(id, "extension", url.Values{"on": {"2025-03-20"}, "days": {"15"}, "reason": {"涉及档案调取"}})
	// Only the head of the 工作机构 approves (条例第三十三条第二款).
	if res := office.step(id, "extension-approve", url.Values{"on": {"2025-03-20"}}); res.status != http.StatusForbidden {
		t.Fatalf("office approves: %d", res.status)
	}
	// After the original due date it is too late.
	late := due.AddDays(1).String()
	e.at(late)
	res = head.step(id, "extension-approve", url.Values{"on": {late}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "不能再延期答复") {
		t.Fatalf("approval after the due date: %d %s", res.status, errorText(res.body))
	}
	// In time, the head's approval moves the due date and issues the 延期答复告知书.
	head.mustStep(id, "extension-approve", url.Values{"on": {due.String()}})
	rec := e.record(id)
	if want := e.workdays("2025-03-03", 35); rec.DueOn != want {
		t.Fatalf("due after extension %s, want %s", rec.DueOn, want)
	}
	ns := e.notices(id)
	last := ns[len(ns)-1]
	if last.Kind != disclosure.NoticeExtension || !strings.Contains(last.BodyHTML, "延长15个工作日") || !strings.Contains(last.BodyHTML, "政府信息公开工作机构负责人同意") {
		t.Fatalf("延期答复告知书: %+v", last)
	}
	if len(e.audits("application.extension_approved")) != 1 {
		t.Fatal("approval not audited")
	}
}

// 条例第三十三条第三款: the consultation time does not count, so the due
// date moves by the working days it took.
func TestConsultationPauseMovesDueDate(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	e.at("2025-03-03")
	office := e.login("office")
	id := office.register(applicationForm("2025-03-03"))
	before := e.record(id).DueOn
	e.at("2025-03-05")
	office.mustStep(id, "consultation", url.Values{"on": {"2025-03-05"}, "party": {"third_party"}, "party_name": {"黄石某某机械有限公司"}})
	ns := e.notices(id)
	if len(ns) != 3 || ns[1].Kind != disclosure.NoticeConsultThirdParty || ns[2].Kind != disclosure.NoticeConsultApplicant {
		t.Fatalf("consultation notices: %+v", ns)
	}
	if !strings.Contains(ns[1].BodyHTML, "黄石某某机械有限公司") || !strings.Contains(ns[1].BodyHTML, "15个工作日") {
		t.Fatalf("征求意见书: %s", ns[1].BodyHTML)
	}
	// Answered 5 working days later (03-06 … 03-12): the due date moves by 5.
	e.at("2025-03-12")
	page := office.get("/admin/applications/" + itoa(id))
	if !strings.Contains(page.body, "征求意见中") {
		t.Fatalf("state: %s", errorText(page.body))
	}
	office.mustStep(id, "consultation-answer", url.Values{"on": {"2025-03-12"}, "consultation": {"1"}, "objected": {"1"}})
	after := e.record(id).DueOn
	if want := e.workdays(before.String(), 5); after != want {
		t.Fatalf("due %s → %s, want %s", before, after, want)
	}
	// The third party objected: granting needs reasons, and a 公开决定告知书 goes to it.
	res := office.step(id, "reply", url.Values{"on": {"2025-03-12"}, "basis": {"art36_2"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "公共利益") {
		t.Fatalf("grant without reasons: %d %s", res.status, errorText(res.body))
	}
	office.mustStep(id, "reply", url.Values{"on": {"2025-03-12"}, "basis": {"art36_2"}, "reasons": {"涉及公共资金使用，公开利大于弊。"}})
	ns = e.notices(id)
	if len(ns) != 5 || ns[3].Kind != disclosure.NoticeReplyGranted || ns[4].Kind != disclosure.NoticeThirdPartyDisclosure {
		t.Fatalf("closing notices: %+v", ns)
	}
}

func TestReplyByLegalBasis(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	office := e.login("office")
	id := office.register(applicationForm("2025-03-10"))

	// 不予公开 needs the reasons; the message stands beside the box.
	res := office.step(id, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art15"}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "必须写明理由") || !strings.Contains(res.body, "reply.reasons-error") {
		t.Fatalf("no reasons: %d %s", res.status, errorText(res.body))
	}
	// A basis staff cannot choose (set by its own step) is refused.
	if res := office.step(id, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"fee_unpaid"}, "reasons": {"x"}}); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("fee_unpaid chosen: %d", res.status)
	}
	office.mustStep(id, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art15"}, "reasons": {"所申请名单含企业银行账户等商业秘密。"}})

	// The row of table 三 follows from the basis.
	rows, err := e.st.Applications(t.Context(), store.ApplicationFilter{State: disclosure.StateClosed})
	if err != nil || len(rows) != 1 || rows[0].Row != disclosure.RowThirdParty {
		t.Fatalf("closed rows: %+v %v", rows, err)
	}
	page := office.get("/admin/applications/" + itoa(id))
	if !strings.Contains(page.body, "（三）不予公开 4.保护第三方合法权益") {
		t.Fatalf("case page lacks the row: %s", errorText(page.body))
	}
	// Closed: no more steps.
	if res := office.step(id, "withdraw", url.Values{"on": {"2025-03-10"}}); res.status != http.StatusConflict {
		t.Fatalf("step on a closed case: %d", res.status)
	}

	// The 答复书 as DOCX: the legal basis, the reasons and the remedy clause
	// (复议前置 since 2024-01-01) are in word/document.xml.
	ns := e.notices(id)
	reply := ns[len(ns)-1]
	if reply.Kind != disclosure.NoticeReplyWithheld {
		t.Fatalf("reply notice: %+v", reply)
	}
	docx := office.get("/admin/application-notices/" + itoa(reply.ID) + "/docx")
	if docx.status != 200 || !strings.Contains(docx.header.Get("Content-Type"), "wordprocessingml") {
		t.Fatalf("docx: %d %s", docx.status, docx.header.Get("Content-Type"))
	}
	text := docxText(t, []byte(docx.body))
	for _, want := range []string{"政府信息公开申请答复书（不予公开）", "《中华人民共和国政府信息公开条例》第十五条",
		"所申请名单含企业银行账户等商业秘密。", "应当先自收到本答复之日起60日内向" + remedyOrgan + "申请行政复议", personName + "："} {
		if !strings.Contains(text, want) {
			t.Errorf("DOCX lacks %q:\n%s", want, text)
		}
	}

	// Service record: once, with the tracking number for post.
	np := "/admin/application-notices/" + itoa(reply.ID) + "/delivery"
	if res := office.post(np, url.Values{"via": {"邮寄"}, "on": {"2025-03-10"}}); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "邮件单号") {
		t.Fatalf("post without tracking number: %d", res.status)
	}
	if res := office.post(np, url.Values{"via": {"邮寄"}, "on": {"2025-03-10"}, "ref": {"EMS1234567890"}}); res.status != http.StatusSeeOther {
		t.Fatalf("delivery: %d %s", res.status, errorText(res.body))
	}
	if res := office.post(np, url.Values{"via": {"当面送达"}, "on": {"2025-03-10"}}); res.status != http.StatusConflict {
		t.Fatalf("second delivery record: %d", res.status)
	}
	if n := e.notices(id)[len(ns)-1]; n.DeliveredVia != "邮寄" || n.DeliveryRef != "EMS1234567890" {
		t.Fatalf("delivery stored: %+v", n)
	}
}
