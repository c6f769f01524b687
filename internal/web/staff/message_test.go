package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
)

// citizenMessage leaves a message through the public form and returns it.
func citizenMessage(t *testing.T, e *env, title, body string) store.Message {
	t.Helper()
	res := e.client().post("/message", url.Values{"kind": {"consult"}, "title": {title}, "body": {body},
		"name": {"张三丰"}, "phone": {"13800138000"}, "email": {"zsf@example.com"}, "public": {"yes"}, "consent": {"yes"}})
	if res.status != http.StatusOK || !strings.Contains(res.body, "留言已提交") {
		t.Fatalf("public form: %d\n%s", res.status, res.body)
	}
	list, _, err := e.st.Messages(context.Background(), store.MessageFilter{Query: title, Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatalf("message %q not stored: %v", title, err)
	}
	return list[0]
}

func wantStatus(t *testing.T, what string, res response, status int, parts ...string) {
	t.Helper()
	if res.status != status {
		t.Fatalf("%s: status %d, want %d\n%.2000s", what, res.status, status, res.body)
	}
	for _, p := range parts {
		if !strings.Contains(res.body, p) {
			t.Fatalf("%s: %q missing\n%.3000s", what, p, res.body)
		}
	}
}

// TestMessageBackOffice is the board's back office over HTTP on both
// engines: inbox with masked data and escaped text, routing, the 科室's
// answer (and what it may not do), publication without personal data,
// invalid marking with an audited reason, merging, and the time limits.
func TestMessageBackOffice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		e.user("gkb", auth.RoleOffice, 0)
		e.user("keB", auth.RoleOfficer, e.orgB)
		e.user("keA", auth.RoleOfficer, e.orgA)
		m := citizenMessage(t, e, "技改补贴<script>alert(1)</script>何时申报", "请问技改补贴何时申报？<img src=x onerror=alert(2)>")
		office, keB, keA := e.login("gkb"), e.login("keB"), e.login("keA")
		path := "/admin/messages/" + itoa(m.ID)

		inbox := office.get("/admin/messages")
		wantStatus(t, "inbox", inbox, http.StatusOK, m.Code, "张＊＊", "待分办", "2025-03-24", "否决线 2025-06-10",
			"技改补贴&lt;script&gt;alert(1)&lt;/script&gt;何时申报")
		if strings.Contains(inbox.body, "张三丰") || strings.Contains(inbox.body, "<script>alert") {
			t.Fatal("the inbox shows personal data or runs the citizen's script")
		}
		page := office.get(path)
		wantStatus(t, "message page", page, http.StatusOK, "138****8000", "&lt;img src=x onerror=alert(2)&gt;")
		if strings.Contains(page.body, "<img src=x") || strings.Contains(page.body, "13800138000") {
			t.Fatal("the message page shows unmasked data or raw markup")
		}
		wantStatus(t, "reveal", office.post(path+"/reveal", nil), http.StatusOK, "13800138000", "张三丰")
		if n := auditCount(t, st, "message.reveal"); n != 1 {
			t.Fatalf("reveal audited %d times", n)
		}
		// Before routing, the 科室's 信息员 cannot open it; nor route it.
		wantStatus(t, "officer before routing", keB.get(path), http.StatusForbidden)
		wantStatus(t, "officer routes", keB.post(path+"/route", url.Values{"org": {itoa(e.orgB)}}), http.StatusForbidden)
		wantStatus(t, "route without 科室", office.post(path+"/route", url.Values{}), http.StatusUnprocessableEntity, `id="org-error"`, "请选择承办科室")
		wantStatus(t, "route", office.post(path+"/route", url.Values{"org": {itoa(e.orgB)}}), http.StatusSeeOther)

		wantStatus(t, "officer inbox", keB.get("/admin/messages"), http.StatusOK, m.Code)
		wantStatus(t, "other 科室", keA.get(path), http.StatusForbidden)
		wantStatus(t, "empty answer", keB.post(path+"/answer", url.Values{"answer": {"  "}}), http.StatusUnprocessableEntity,
			`id="answer-error"`, "请填写答复内容")
		wantStatus(t, "answer", keB.post(path+"/answer", url.Values{"answer": {"请关注二季度发布的申报通知。"}}), http.StatusSeeOther)
		wantStatus(t, "officer publishes", keB.post(path+"/publish", url.Values{}), http.StatusForbidden)

		// The publish form starts with personal data masked; a phone number
		// left in is refused and what was typed is kept.
		page = office.get(path)
		wantStatus(t, "publish form", page, http.StatusOK, `name="pub_question"`, "选登公开")
		leak := url.Values{"pub_title": {"关于技改补贴申报时间的咨询"}, "pub_question": {"请问何时申报？电话13800138000"},
			"pub_answer": {"请关注二季度发布的申报通知。"}, "secrecy": {"yes"}}
		wantStatus(t, "phone in published text", office.post(path+"/publish", leak), http.StatusUnprocessableEntity,
			"公开内容中似乎含有手机号码", "请问何时申报？电话13800138000")
		leak.Set("pub_question", "请问技改补贴何时申报？")
		leak.Del("secrecy")
		wantStatus(t, "no 保密审查", office.post(path+"/publish", leak), http.StatusUnprocessableEntity, `id="secrecy-error"`)
		leak.Set("secrecy", "yes")
		wantStatus(t, "publish", office.post(path+"/publish", leak), http.StatusSeeOther)
		m, _ = st.Message(ctx, m.ID)
		doc, err := st.Document(ctx, m.DocumentID)
		if err != nil || doc.State != "published" || doc.IndexNo == "" || strings.Contains(doc.BodyHTML, "13800138000") ||
			!strings.Contains(doc.BodyHTML, "规划科") {
			t.Fatalf("published document %+v %v", doc, err)
		}
		wantStatus(t, "public page", e.client().get("/messages/"+itoa(m.ID)), http.StatusOK, "关于技改补贴申报时间的咨询", "规划科")

		// A duplicate merged into the answered message is closed with its answer.
		dup := citizenMessage(t, e, "再问技改补贴申报时间", "上次问过的技改补贴，想再确认一下。")
		dpath := "/admin/messages/" + itoa(dup.ID)
		wantStatus(t, "same phone listed", office.get(dpath), http.StatusOK, "同一电话的其他留言", m.Code)
		wantStatus(t, "merge into unknown", office.post(dpath+"/merge", url.Values{"target": {"LY-2222-2222-2222"}}),
			http.StatusUnprocessableEntity, "没有找到查询码为")
		wantStatus(t, "merge", office.post(dpath+"/merge", url.Values{"target": {m.Code}}), http.StatusSeeOther)
		if dup, _ = st.Message(ctx, dup.ID); dup.Status != interact.StatusMerged || dup.Answer != "请关注二季度发布的申报通知。" {
			t.Fatalf("merged duplicate %+v", dup)
		}

		// Invalid: only with a reason, which the audit log keeps.
		spam := citizenMessage(t, e, "代办资质低价快速", "专业代办各类资质，请加微信。")
		spath := "/admin/messages/" + itoa(spam.ID)
		wantStatus(t, "invalid without reason", office.post(spath+"/invalidate", url.Values{"reason": {"spam"}}),
			http.StatusUnprocessableEntity, "请写明认定为无效留言的具体理由")
		wantStatus(t, "invalid", office.post(spath+"/invalidate", url.Values{"reason": {"spam"}, "note": {"商业广告"}}), http.StatusSeeOther)
		entries, _, err := st.Audit(ctx, store.AuditFilter{Action: "message.invalidate", Limit: 5})
		if err != nil || len(entries) != 1 || !strings.Contains(entries[0].Detail, "商业广告") {
			t.Fatalf("audit of the invalid marking: %+v %v", entries, err)
		}
		if c, _ := st.MessageCounts(ctx, e.site.ID, 2025, e.clock.Now()); c.Received != 3 || c.Valid != 1 || c.Invalid != 1 || c.Merged != 1 || c.Published != 1 {
			t.Fatalf("counts %+v", c)
		}

		// Time limits: refused out of range, saved within.
		wantStatus(t, "bad settings", office.post("/admin/messages/settings", url.Values{"reply_days": {"0"}, "remind_days": {"2"}, "escalate_days": {"10"}}),
			http.StatusUnprocessableEntity, "答复期限应为1至60个工作日", `value="0"`)
		wantStatus(t, "settings", office.post("/admin/messages/settings", url.Values{"reply_days": {"5"}, "remind_days": {"1"}, "escalate_days": {"10"}}), http.StatusSeeOther)
		if set, _ := st.MessageSettings(ctx); set.ReplyDays != 5 {
			t.Fatalf("settings %+v", set)
		}
		wantStatus(t, "officer settings", keB.get("/admin/messages/settings"), http.StatusForbidden)
	})
}

func auditCount(t *testing.T, st *store.Store, action string) int {
	t.Helper()
	_, n, err := st.Audit(context.Background(), store.AuditFilter{Action: action, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// RemindMessages reminds the 科室 before the deadline, escalates an
// overdue message to the 公开办负责人, and again before the 3-month line;
// every notice once, however often the job runs.
func TestRemindMessages(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	officer := e.user("keB", auth.RoleOfficer, e.orgB)
	head := e.user("head", auth.RoleOfficeHead, 0)
	if err := e.st.SetSetting(ctx, "disclosure.reminder_mailbox", "gkb@example.gov.cn"); err != nil {
		t.Fatal(err)
	}
	m := citizenMessage(t, e, "园区闲置厂房信息", "建议公布园区闲置厂房信息，方便企业选址。") // 2025-03-10, due 03-24
	office := e.login
	e.user("gkb", auth.RoleOffice, 0)
	wantStatus(t, "route", office("gkb").post("/admin/messages/"+itoa(m.ID)+"/route", url.Values{"org": {itoa(e.orgB)}}), http.StatusSeeOther)
	run := func(day time.Time) int {
		t.Helper()
		e.clock.Set(day)
		n, err := staff.RemindMessages(ctx, e.app)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := run(time.Date(2025, 3, 12, 9, 0, 0, 0, china)); n != 0 {
		t.Fatalf("on time: %d reminders", n)
	}
	if n := run(time.Date(2025, 3, 20, 9, 0, 0, 0, china)); n != 1 { // 2 working days left
		t.Fatalf("due soon: %d reminders, want 1", n)
	}
	if n := run(time.Date(2025, 3, 20, 9, 1, 0, 0, china)); n != 0 {
		t.Fatalf("second run: %d reminders, want none", n)
	}
	if n := run(time.Date(2025, 3, 25, 9, 0, 0, 0, china)); n != 2 { // overdue: the 科室 again, and the head
		t.Fatalf("overdue: %d, want a reminder and an escalation", n)
	}
	// The inbox's "overdue only" filter lists it, marked.
	wantStatus(t, "overdue filter", office("gkb").get("/admin/messages?late=1"), http.StatusOK, m.Code, "已超期1个工作日")
	if n := run(time.Date(2025, 5, 28, 9, 0, 0, 0, china)); n != 1 { // within 10 working days of 2025-06-10
		t.Fatalf("near the veto line: %d, want one escalation", n)
	}
	notes, _, err := e.st.MonitorNotices(ctx, head, 10)
	if err != nil || len(notes) != 2 || !strings.Contains(notes[0].Title+notes[1].Title, "否决线") {
		t.Fatalf("head's notices %+v %v", notes, err)
	}
	notes, _, _ = e.st.MonitorNotices(ctx, officer, 10)
	if len(notes) != 3 {
		t.Fatalf("officer's notices: %d, want 3", len(notes))
	}
	for _, n := range notes {
		if strings.Contains(n.Body, "张三丰") || strings.Contains(n.Body, "13800138000") {
			t.Fatal("personal data in a reminder")
		}
	}
	if pending, _ := e.st.CountPendingMail(ctx); pending != 4 {
		t.Fatalf("%d mails queued, want 4", pending)
	}
	evs, _ := e.st.MessageEvents(ctx, m.ID)
	escalations := 0
	for _, ev := range evs {
		if ev.Action == interact.ActEscalate {
			escalations++
		}
	}
	if escalations != 2 {
		t.Fatalf("history has %d escalations, want 2", escalations)
	}
}

// A message received while the calendar did not cover its deadline gets
// the deadline from the background job once the calendar does.
func TestRemindMessagesFillsMissingDeadline(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	at := time.Date(2025, 3, 10, 10, 0, 0, 0, china)
	m, err := e.st.CreateMessage(ctx, store.NewMessageRecord{SiteID: e.site.ID, ReceivedAt: at,
		Message: interact.NewMessage{Kind: interact.KindSuggest, Title: "日历未覆盖时的留言", Body: "留言内容留言内容留言内容", Name: "李四", Phone: "13600000000"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := staff.RemindMessages(ctx, e.app); err != nil {
		t.Fatal(err)
	}
	if m, _ = e.st.Message(ctx, m.ID); m.DueOn.String() != "2025-03-24" {
		t.Fatalf("deadline %s, want 2025-03-24", m.DueOn)
	}
}
