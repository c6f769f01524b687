package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
)

func TestFeeNoticeAndExpiry(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	e.at("2025-03-03")
	office := e.login("office")
	id := office.register(applicationForm("2025-03-03")) // paper by post: 按量 allowed
	// The 1st application of the month is free 按件; 150 pages 按量 cost 1700元.
	res := office.step(id, "fee", url.Values{"on": {"2025-03-03"}, "method": {"per_application"}, "pay_method": {"非税缴款码"}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "在免费范围内") {
		t.Fatalf("free 按件: %d %s", res.status, errorText(res.body))
	}
	office.mustStep(id, "fee", url.Values{"on": {"2025-03-03"}, "method": {"per_page"}, "pages": {"150"}, "pay_method": {"非税缴款码"}})
	ns := e.notices(id)
	fee := ns[len(ns)-1]
	if fee.Kind != disclosure.NoticeFee || !strings.Contains(fee.BodyHTML, "1700元") || !strings.Contains(fee.BodyHTML, "150页") {
		t.Fatalf("收费通知书: %s", fee.BodyHTML)
	}
	payBy := e.workdays("2025-03-03", 20)
	// Expiry before the 20 working days have passed is refused; after, （六）2.
	e.at(payBy.String())
	if res := office.step(id, "fee-expired", url.Values{"on": {payBy.String()}}); res.status != http.StatusConflict {
		t.Fatalf("early expiry: %d", res.status)
	}
	after := payBy.AddDays(1).String()
	e.at(after)
	office.mustStep(id, "fee-expired", url.Values{"on": {after}})
	if rec := e.record(id); rec.Basis != disclosure.BasisFeeUnpaid {
		t.Fatalf("basis %s", rec.Basis)
	}
	ns = e.notices(id)
	if last := ns[len(ns)-1]; last.Kind != disclosure.NoticeFeeLapsed || !strings.Contains(last.BodyHTML, remedyOrgan) {
		t.Fatalf("终止处理告知书: %+v", last)
	}
}

func TestAmendmentExpiryAndWithdrawal(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	e.at("2025-03-03")
	office := e.login("office")
	lapsed := office.register(applicationForm("2025-03-03"))
	withdrawn := office.register(applicationForm("2025-03-03"))
	office.mustStep(lapsed, "amendment", url.Values{"on": {"2025-03-03"}, "items": {"写明年度"}, "deadline": {"2025-03-07"}})
	e.at("2025-03-10")
	office.mustStep(lapsed, "amendment-expired", url.Values{"on": {"2025-03-10"}})
	office.mustStep(withdrawn, "withdraw", url.Values{"on": {"2025-03-10"}, "note": {"申请人电话撤回"}})
	rows, err := e.st.Applications(context.Background(), store.ApplicationFilter{State: disclosure.StateClosed})
	if err != nil || len(rows) != 2 {
		t.Fatalf("closed: %+v %v", rows, err)
	}
	got := map[int64]disclosure.Row{}
	for _, r := range rows {
		got[r.ID] = r.Row
	}
	if got[lapsed] != disclosure.RowAmendmentLapsed || got[withdrawn] != disclosure.RowOther {
		t.Fatalf("rows: %v", got)
	}
	ns := e.notices(withdrawn)
	if last := ns[len(ns)-1]; last.Kind != disclosure.NoticeWithdrawal || !strings.Contains(last.BodyHTML, "申请人电话撤回") {
		t.Fatalf("撤回确认书: %+v", last)
	}
}

func TestRepeatOfferedAndCited(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	office := e.login("office")
	first := office.register(applicationForm("2025-03-10"))
	office.mustStep(first, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art36_2"}})
	second := office.register(applicationForm("2025-03-10"))
	page := office.get("/admin/applications/" + itoa(second))
	code := e.record(first).Code
	if !strings.Contains(page.body, "可能的重复申请") || !strings.Contains(page.body, code) {
		t.Fatalf("repeat not offered: %s", errorText(page.body))
	}
	// （五）2 needs the earlier case.
	res := office.step(second, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art36_6"}, "reasons": {"已答复"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "请选择此前已答复的相同申请") {
		t.Fatalf("repeat without the earlier case: %d %s", res.status, errorText(res.body))
	}
	office.mustStep(second, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art36_6"}, "reasons": {"内容相同"}, "earlier": {itoa(first)}})
	ns := e.notices(second)
	if last := ns[len(ns)-1]; last.Kind != disclosure.NoticeReplyRepeat || !strings.Contains(last.BodyHTML, code) || !strings.Contains(last.BodyHTML, "2025年3月10日") {
		t.Fatalf("不予重复处理: %s", last.BodyHTML)
	}
	if rec := e.record(second); rec.Basis != disclosure.BasisRepeat {
		t.Fatalf("basis %s", rec.Basis)
	}
}

func TestRemindDue(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	e.at("2025-03-03")
	office := e.login("office")
	id := office.register(applicationForm("2025-03-03"))
	office.mustStep(id, "assign", url.Values{"on": {"2025-03-03"}, "org": {itoa(e.orgA)}})
	if err := e.st.SetSetting(ctx, "disclosure.reminder_mailbox", "gkb@example.gov.cn"); err != nil {
		t.Fatal(err)
	}
	due := e.record(id).DueOn
	// 6 working days before: nothing; 5 before: one reminder, once.
	cal, _ := e.st.Calendar(ctx)
	for _, n := range []int{6, 5, 5, 1} {
		d := due
		for i := 0; i < n; {
			d = d.AddDays(-1)
			if ok, _ := cal.IsWorkday(d); ok {
				i++
			}
		}
		e.at(d.String())
		got, err := staff.RemindDue(ctx, e.app)
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if n == 6 {
			want = 0
		}
		if got != want {
			t.Fatalf("%d working days before: %d reminders", n, got)
		}
	}
	// The 信息员 of the 承办科室 got two notices (5 and 1), the mailbox two mails.
	var officerA int64
	users, _ := e.st.Users(ctx)
	for _, u := range users {
		if u.Username == "officer-a" {
			officerA = u.ID
		}
	}
	ns, _, err := e.st.MonitorNotices(ctx, officerA, 10)
	if err != nil || len(ns) != 2 || !strings.Contains(ns[0].Title, "还有1个工作日") || ns[0].Link != "/admin/applications/"+itoa(id) {
		t.Fatalf("in-app reminders: %+v %v", ns, err)
	}
	mails, err := e.st.PendingMail(ctx, time.Now().Add(time.Hour), 10)
	if err != nil || len(mails) != 2 || mails[0].To != "gkb@example.gov.cn" || strings.Contains(mails[0].Body, personName) {
		t.Fatalf("mails: %+v %v", mails, err)
	}
}
