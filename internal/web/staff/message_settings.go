package staff

import (
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/web"
)

type messageSettingsPage struct {
	web.Page
	form
	Values map[string]string
}

// V is a field's value as typed (or stored).
func (p messageSettingsPage) V(name string) string { return p.Values[name] }

// messageSettings shows the board's time limits: the reply period in
// working days (default 10; the national text fixes none), when to remind
// the 科室 and when to escalate to the 公开办负责人 before the 3-month veto
// line, which is fixed (国办秘函〔2019〕19号) and not a setting.
func (h handlers) messageSettings(w http.ResponseWriter, r *http.Request) {
	set, err := h.app.Store.MessageSettings(r.Context())
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := messageSettingsPage{Page: h.base(r, "留言办理期限"), form: form{Errs: catalog.FieldErrors{}}, Values: map[string]string{
		"reply_days": strconv.Itoa(set.ReplyDays), "remind_days": strconv.Itoa(set.RemindDays), "escalate_days": strconv.Itoa(set.EscalateDays)}}
	if msg, ok := messageFlashes[r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	h.app.Render(w, r, http.StatusOK, "staff/message_settings.html", p)
}

func (h handlers) messageSettingsSave(w http.ResponseWriter, r *http.Request) {
	p := messageSettingsPage{Page: h.base(r, "留言办理期限"), form: form{Errs: catalog.FieldErrors{}}, Values: map[string]string{}}
	num := func(name string) int {
		v := strings.TrimSpace(r.FormValue(name))
		p.Values[name] = v
		n, err := strconv.Atoi(v)
		if err != nil {
			p.Errs.Add(name, "请填写整数")
			return -1
		}
		return n
	}
	set := interact.MessageSettings{ReplyDays: num("reply_days"), RemindDays: num("remind_days"), EscalateDays: num("escalate_days")}
	for k, v := range set.Validate() {
		p.Errs.Add(k, v)
	}
	if p.HasErrors() {
		h.app.Render(w, r, http.StatusUnprocessableEntity, "staff/message_settings.html", p)
		return
	}
	if err := h.app.Store.SaveMessageSettings(r.Context(), set); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "message.settings", "", "reply="+strconv.Itoa(set.ReplyDays)+" remind="+
		strconv.Itoa(set.RemindDays)+" escalate="+strconv.Itoa(set.EscalateDays)); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/messages/settings", "settings")
}
