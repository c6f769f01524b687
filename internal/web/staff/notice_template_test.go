package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/notice"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestNoticeTemplateEditing(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	office := e.login("office")
	path := "/admin/notice-templates/reply_not_exist"
	page := office.get(path)
	if page.status != 200 || !strings.Contains(page.body, "{{.救济告知}}") || !strings.Contains(page.body, "notice-sheet") {
		t.Fatalf("editor: %d %s", page.status, errorText(page.body))
	}
	def, _ := notice.Default(disclosure.NoticeReplyNotExist)

	// An unknown placeholder and a dropped remedy clause are refused; the text is kept.
	bad := strings.ReplaceAll(def, "{{.救济告知}}", "{{.身份证号码}}")
	res := office.post(path, url.Values{"site": {itoa(e.site.ID)}, "action": {"save"}, "text": {bad}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "未知的占位符") || !strings.Contains(res.body, "{{.身份证号码}}") {
		t.Fatalf("bad template: %d %s", res.status, errorText(res.body))
	}
	res = office.post(path, url.Values{"site": {itoa(e.site.ID)}, "action": {"save"}, "text": {strings.ReplaceAll(def, "{{.救济告知}}", "")}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "模板缺少必须载明的内容") {
		t.Fatalf("template without remedy: %d %s", res.status, errorText(res.body))
	}
	// Preview does not save.
	edited := strings.Replace(def, "经检索", "经本机关全面检索", 1)
	res = office.post(path, url.Values{"site": {itoa(e.site.ID)}, "action": {"preview"}, "text": {edited}})
	if res.status != 200 || !strings.Contains(res.body, "经本机关全面检索") {
		t.Fatalf("preview: %d", res.status)
	}
	if _, custom, _ := notice.Template(context.Background(), e.st, e.site.ID, disclosure.NoticeReplyNotExist); custom {
		t.Fatal("preview saved the template")
	}
	// Save: the next notice uses it; the audit log says who changed it.
	res = office.post(path, url.Values{"site": {itoa(e.site.ID)}, "action": {"save"}, "text": {edited}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", res.status, errorText(res.body))
	}
	if len(e.audits("notice.template")) != 1 {
		t.Fatal("template change not audited")
	}
	id := office.register(applicationForm("2025-03-10"))
	office.mustStep(id, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art36_4"}})
	ns := e.notices(id)
	if last := ns[len(ns)-1]; !strings.Contains(last.BodyHTML, "经本机关全面检索") || !strings.Contains(last.BodyHTML, remedyOrgan) {
		t.Fatalf("notice from the edited template: %s", last.BodyHTML)
	}
	// Reset restores the default; the issued notice stays as issued.
	if res := office.post(path+"/reset", url.Values{"site": {itoa(e.site.ID)}}); res.status != http.StatusSeeOther {
		t.Fatalf("reset: %d", res.status)
	}
	if _, custom, _ := notice.Template(context.Background(), e.st, e.site.ID, disclosure.NoticeReplyNotExist); custom {
		t.Fatal("reset kept the edited template")
	}
	if n, _ := e.st.Notice(context.Background(), ns[len(ns)-1].ID); !strings.Contains(n.BodyHTML, "经本机关全面检索") {
		t.Fatal("an issued notice changed with the template")
	}
}

func TestRemedySettingsRequiredForReplies(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office", "office", 0)
	office := e.login("office")
	id := office.register(applicationForm("2025-03-10"))
	// Without the 复议机关 the reply would lack a complete remedy clause.
	res := office.step(id, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art36_4"}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "行政复议机关") {
		t.Fatalf("reply without the organ: %d %s", res.status, errorText(res.body))
	}
	if rec := e.record(id); rec.State == disclosure.StateClosed {
		t.Fatal("closed without a notice")
	}
	if res := office.post("/admin/notice-templates/settings", url.Values{"organ": {""}, "mailbox": {"not-a-mail"}}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "请填写行政复议机关") || !strings.Contains(res.body, "有效的电子邮箱") {
		t.Fatalf("bad settings: %d %s", res.status, errorText(res.body))
	}
	if res := office.post("/admin/notice-templates/settings", url.Values{"organ": {remedyOrgan}, "court": {"黄石市中级人民法院"}}); res.status != http.StatusSeeOther {
		t.Fatalf("settings: %d %s", res.status, errorText(res.body))
	}
	office.mustStep(id, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art36_4"}})
	ns := e.notices(id)
	if last := ns[len(ns)-1]; !strings.Contains(last.BodyHTML, "6个月内向黄石市中级人民法院提起行政诉讼") {
		t.Fatalf("remedy clause: %s", last.BodyHTML)
	}
}

// TestNoticeTemplatesShowOutbox: without an SMTP server the page says the
// reminder mail waits in the outbox, and how much.
func TestNoticeTemplatesShowOutbox(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	if _, err := e.st.EnqueueMail(context.Background(), store.Mail{DedupKey: "k", To: "gkb@example.gov.cn", Subject: "提醒", Body: "提醒"}); err != nil {
		t.Fatal(err)
	}
	office := e.login("office")
	e.app.Cfg.SMTPAddr = ""
	if page := office.get("/admin/notice-templates"); !strings.Contains(page.body, "尚未配置邮件服务器") || !strings.Contains(page.body, "现有1封待发送") {
		t.Fatalf("no SMTP: %d %s", page.status, errorText(page.body))
	}
	e.app.Cfg.SMTPAddr, e.app.Cfg.SMTPFrom = "mail.example.gov.cn:587", "gk@example.gov.cn"
	if page := office.get("/admin/notice-templates"); strings.Contains(page.body, "尚未配置邮件服务器") || !strings.Contains(page.body, "待发送的邮件：1封") {
		t.Fatalf("with SMTP: %d %s", page.status, errorText(page.body))
	}
}
