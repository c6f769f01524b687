package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
)

// TestProposalRemindersBeforeDeadlines: 5 working days (the default,
// set on the settings page) before each 会办 opinion and the reply is due,
// one reminder each, on the 2024 working-day calendar: 清明 (04-04 to
// 04-06) and its make-up working Sunday 04-07 move the windows.
func TestProposalRemindersBeforeDeadlines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newAppEnv(t, st)
		e.at("2024-03-11")
		office := e.login("office")

		// The setting: bad input kept beside the field; blank is the default.
		set := url.Values{"opinion_period": {"1个月"}, "reply_months": {"3"}, "extended_months": {"6"}, "interpret_grace": {"3"},
			"mailbox": {"gkb@example.gov.cn"}, "remind_before": {"-1"}}
		res := office.post("/admin/interaction/settings", set)
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "到期前提醒应为0至30个工作日") || !strings.Contains(res.body, `value="-1"`) {
			t.Fatalf("bad remind_before: %d %s", res.status, errorText(res.body))
		}
		set.Set("remind_before", "")
		if res := office.post("/admin/interaction/settings", set); res.status != http.StatusSeeOther {
			t.Fatalf("settings: %d %s", res.status, errorText(res.body))
		}
		if got, _ := st.InteractSettings(ctx); got.Proposal.RemindBefore != 5 {
			t.Fatalf("default RemindBefore stored as %d", got.Proposal.RemindBefore)
		}
		if page := office.get("/admin/interaction/settings"); !strings.Contains(page.body, `id="remind_before"`) || !strings.Contains(page.body, `value="5"`) {
			t.Fatalf("settings page: %s", page.body)
		}

		// 市财政局's opinion is due 04-11, 市发改委's (received 03-12) 04-12,
		// the reply 06-11.
		res = office.post("/admin/proposals/new", proposalForm(e))
		if res.status != http.StatusSeeOther {
			t.Fatalf("register: %d %s", res.status, errorText(res.body))
		}
		remind := func(day string, want int) {
			t.Helper()
			e.at(day)
			if n, err := staff.RemindProposalsDueSoon(ctx, e.app); err != nil || n != want {
				t.Fatalf("%s: %d reminders (%v), want %d", day, n, err, want)
			}
		}
		remind("2024-04-02", 0) // 6 working days before 04-11
		remind("2024-04-03", 1) // 04-07, 08, 09, 10, 11 left: 市财政局
		remind("2024-04-03", 0) // the loop's next run
		remind("2024-04-05", 0) // 清明: still the same reminder
		remind("2024-04-07", 1) // the make-up Sunday: 5 left before 04-12, 市发改委
		remind("2024-04-11", 0)
		e.at("2024-04-12")
		if n, err := staff.RemindProposals(ctx, e.app); err != nil || n != 1 { // 市财政局 is late now
			t.Fatalf("late reminders: %d, %v", n, err)
		}

		// The reply window (06-11; 端午 06-10 is a rest day): with the
		// setting at 0 nothing goes early, at 2 on 06-06.
		set.Set("remind_before", "0")
		if res := office.post("/admin/interaction/settings", set); res.status != http.StatusSeeOther {
			t.Fatalf("settings 0: %d %s", res.status, errorText(res.body))
		}
		remind("2024-06-07", 0)
		set.Set("remind_before", "2")
		e.login("office").post("/admin/interaction/settings", set)
		remind("2024-06-05", 0) // 06-06, 06-07, 06-11 left
		remind("2024-06-06", 1)

		mails, err := st.PendingMail(ctx, time.Now().Add(time.Hour), 50)
		if err != nil || len(mails) != 4 {
			t.Fatalf("mails %+v, %v", mails, err)
		}
		want := []struct{ to, subject, body string }{
			{"czj@example.gov.cn", "会办意见将于2024-04-11到期", "市财政局：市十五届人大三次会议第8号人大代表建议“关于建设零碳示范产业园区的建议”的会办意见应于2024-04-11前（会办期限1个月）书面反馈主办单位，还有5个工作日"},
			{"gkb@example.gov.cn", "会办意见将于2024-04-12到期", "市发展和改革委员会："},
			{"czj@example.gov.cn", "会办意见已逾期", "2024-04-11"},
			{"gkb@example.gov.cn", "答复将于2024-06-11到期", "还有2个工作日"},
		}
		for i, m := range mails {
			w := want[i]
			if m.To != w.to || !strings.Contains(m.Subject, w.subject) || !strings.Contains(m.Body, w.body) || strings.Contains(m.Body, "13912345678") {
				t.Errorf("mail %d: %s %q %q, want %s %q %q", i, m.To, m.Subject, m.Body, w.to, w.subject, w.body)
			}
		}
	})
}
