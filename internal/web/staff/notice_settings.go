package staff

import (
	"net/http"
	"net/mail"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// reminderMailboxKey is the setting holding the mailbox due-date reminders
// are e-mailed to (the 公开办's shared address; staff accounts carry no
// e-mail address). Empty: in-app reminders only.
const reminderMailboxKey = "disclosure.reminder_mailbox"

// noticeSettingsSave stores the remedy clause's 行政复议机关 and court
// (disclosure.RemedySettings, spec legal-rules §4.4) and the reminder
// mailbox.
func (h handlers) noticeSettingsSave(w http.ResponseWriter, r *http.Request) {
	typed := map[string]string{"organ": strings.TrimSpace(r.FormValue("organ")), "court": strings.TrimSpace(r.FormValue("court")),
		"mailbox": strings.TrimSpace(r.FormValue("mailbox"))}
	fe := catalog.FieldErrors{}
	switch {
	case typed["organ"] == "":
		fe.Add("organ", "请填写行政复议机关（如本级人民政府）；没有它，答复书的救济告知不完整（行政复议法第二十条）")
	case utf8.RuneCountInString(typed["organ"]) > 100:
		fe.Add("organ", "不能超过100个字")
	}
	if utf8.RuneCountInString(typed["court"]) > 100 {
		fe.Add("court", "不能超过100个字")
	}
	if m := typed["mailbox"]; m != "" {
		if a, err := mail.ParseAddress(m); err != nil || a.Address != m {
			fe.Add("mailbox", "请填写有效的电子邮箱地址，如 gkb@example.gov.cn")
		}
	}
	if len(fe) > 0 {
		h.renderTemplateList(w, r, http.StatusUnprocessableEntity, fe, typed)
		return
	}
	ctx := r.Context()
	set, err := h.app.Store.DisclosureSettings(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	set.Remedy.Organ, set.Remedy.Court = typed["organ"], typed["court"]
	if err := h.app.Store.SaveDisclosureSettings(ctx, set); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Store.SetSetting(ctx, reminderMailboxKey, typed["mailbox"]); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "disclosure.settings", "救济告知", set.Remedy.Organ); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/notice-templates", "settings")
}
