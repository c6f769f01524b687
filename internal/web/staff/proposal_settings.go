package staff

import (
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type interactionSettingsPage struct {
	web.Page
	form
	Typed map[string]string
}

// interactionSettings shows the deadlines of 建议提案 and 解读 (website-
// rules §5.3: they vary by locality).
func (h handlers) interactionSettings(w http.ResponseWriter, r *http.Request) {
	set, err := h.app.Store.InteractSettings(r.Context())
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	typed := map[string]string{"opinion_period": set.Proposal.OpinionPeriod.Label(),
		"reply_months": strconv.Itoa(set.Proposal.ReplyMonths), "extended_months": strconv.Itoa(set.Proposal.ExtendedMonths),
		"interpret_grace": strconv.Itoa(set.InterpretGrace), "mailbox": set.Mailbox,
		"remind_before": strconv.Itoa(set.Proposal.RemindBefore)}
	h.app.Render(w, r, http.StatusOK, "staff/interaction_settings.html", interactionSettingsPage{Page: h.base(r, "政民互动设置"), Typed: typed})
}

func (h handlers) interactionSettingsSave(w http.ResponseWriter, r *http.Request) {
	typed := map[string]string{}
	for _, k := range []string{"opinion_period", "reply_months", "extended_months", "remind_before", "interpret_grace", "mailbox"} {
		typed[k] = strings.TrimSpace(r.FormValue(k))
	}
	fe := catalog.FieldErrors{}
	var set store.InteractSettings
	var err error
	if set.Proposal.OpinionPeriod, err = interact.ParsePeriod(typed["opinion_period"]); err != nil {
		fe.Add("opinion_period", "会办意见期限应写作“1个月”或“30个工作日”（1至6个月，或1至120个工作日）")
	}
	num := func(key string, lo, hi int, msg string) int {
		n, err := strconv.Atoi(typed[key])
		if err != nil || n < lo || n > hi {
			fe.Add(key, msg)
		}
		return n
	}
	set.Proposal.ReplyMonths = num("reply_months", 1, 6, "答复期限应为1至6个月")
	set.Proposal.ExtendedMonths = num("extended_months", 1, 12, "延期后的答复期限应为1至12个月")
	if set.Proposal.ExtendedMonths < set.Proposal.ReplyMonths {
		fe.Add("extended_months", "延期后的答复期限不能短于一般答复期限")
	}
	set.Proposal.RemindBefore = interact.DefaultRemindBefore // left blank: the default
	if typed["remind_before"] != "" {
		set.Proposal.RemindBefore = num("remind_before", 0, interact.MaxRemindBefore,
			"到期前提醒应为0至"+strconv.Itoa(interact.MaxRemindBefore)+"个工作日（0为不在到期前提醒）")
	}
	set.InterpretGrace = num("interpret_grace", 1, 60, "解读期限应为1至60个工作日")
	set.Mailbox = typed["mailbox"]
	if set.Mailbox != "" && !strings.Contains(set.Mailbox, "@") || len(set.Mailbox) > 120 || strings.ContainsAny(set.Mailbox, " <>\"'") {
		fe.Add("mailbox", "请填写有效的电子邮箱，例如 gkb@example.gov.cn")
	}
	if len(fe) > 0 {
		h.app.Render(w, r, http.StatusBadRequest, "staff/interaction_settings.html",
			interactionSettingsPage{Page: h.base(r, "政民互动设置"), form: form{Errs: fe}, Typed: typed})
		return
	}
	err = h.app.Store.SetInteractSettings(r.Context(), set)
	if err == nil {
		err = h.app.Audit(r, "interaction.settings", "settings", set.Proposal.OpinionPeriod.String())
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/interaction/settings", "saved")
}
