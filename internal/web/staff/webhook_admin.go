package staff

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type webhookPage struct {
	web.Page
	form
	URL         string
	SecretSet   bool // the secret itself is never rendered
	Scope       string
	PublicBase  string
	DueWorkdays string
	Status      string
	Deliveries  []store.WebhookDelivery
	Pager       pager
}

// StatusLabel is the Chinese name of a delivery state.
func (webhookPage) StatusLabel(s string) string {
	switch s {
	case store.DeliveryDelivered:
		return "已送达"
	case store.DeliveryFailed:
		return "推送失败（已停止重试）"
	case store.DeliverySuperseded:
		return "已撤稿，不再推送"
	}
	return "待推送"
}

const deliveriesPerPage = 50

// webhookShow is the push settings and the delivery log: every document
// pushed or waiting, with its last answer in Chinese.
func (h handlers) webhookShow(w http.ResponseWriter, r *http.Request) {
	h.renderWebhook(w, r, http.StatusOK, nil, nil)
}

func (h handlers) renderWebhook(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, typed map[string]string) {
	ctx := r.Context()
	ls, err := loadLinkageSettings(ctx, h.app.Store)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := webhookPage{Page: h.linkageBase(r, "归集推送"), form: form{Errs: fe}, URL: ls.WebhookURL, SecretSet: ls.Secret != "",
		Scope: ls.Scope, PublicBase: ls.PublicBase, DueWorkdays: strconv.Itoa(ls.DueWorkdays), Status: r.URL.Query().Get("status")}
	if typed != nil {
		p.URL, p.Scope, p.PublicBase, p.DueWorkdays = typed["url"], typed["scope"], typed["public_base"], typed["due_workdays"]
	}
	if p.Status != store.DeliveryPending && p.Status != store.DeliveryDelivered && p.Status != store.DeliveryFailed {
		p.Status = ""
	}
	page := pageParam(r)
	var total int
	p.Deliveries, total, err = h.app.Store.WebhookDeliveries(ctx, store.WebhookDeliveryFilter{Status: p.Status,
		Limit: deliveriesPerPage, Offset: (page - 1) * deliveriesPerPage})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Pager = newPager(r, total, deliveriesPerPage)
	h.app.Render(w, r, status, "staff/webhook.html", p)
}

// webhookSettingsSave stores the push address, scope and secret (sealed;
// left unchanged when the box is empty, removed on request), the site's
// public address and the default repost period. The audit line never
// carries the secret.
func (h handlers) webhookSettingsSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	typed := map[string]string{"url": strings.TrimSpace(r.PostFormValue("url")), "scope": r.PostFormValue("scope"),
		"public_base":  strings.TrimSuffix(strings.TrimSpace(r.PostFormValue("public_base")), "/"),
		"due_workdays": strings.TrimSpace(r.PostFormValue("due_workdays"))}
	newSecret := r.PostFormValue("secret")
	fe := catalog.FieldErrors{}
	if typed["url"] != "" && !absHTTP(typed["url"]) {
		fe.Add("url", "请填写以 http:// 或 https:// 开头的完整推送地址，或留空停用推送")
	}
	if typed["public_base"] != "" && !absHTTP(typed["public_base"]) {
		fe.Add("public_base", "请填写本站对外访问地址，例如 https://www.example.gov.cn")
	}
	if typed["scope"] != scopeAll && typed["scope"] != scopeNormative {
		fe.Add("scope", "请选择推送范围")
	}
	if n, err := strconv.Atoi(typed["due_workdays"]); err != nil || n < 0 || n > 60 {
		fe.Add("due_workdays", "请填写0到60之间的工作日数")
	}
	if newSecret != "" && len(newSecret) < 16 {
		fe.Add("secret", "签名密钥至少16个字符")
	}
	ls, err := loadLinkageSettings(ctx, h.app.Store)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if typed["url"] != "" && newSecret == "" && (ls.Secret == "" || r.PostFormValue("clear_secret") == "1") {
		fe.Add("secret", "推送须设置签名密钥（与对方平台约定）")
	}
	if len(fe) > 0 {
		h.renderWebhook(w, r, http.StatusUnprocessableEntity, fe, typed)
		return
	}
	sets := [][2]string{{settingWebhookURL, typed["url"]}, {settingWebhookScope, typed["scope"]},
		{settingPublicBase, typed["public_base"]}, {settingDueWorkdays, typed["due_workdays"]}}
	secretNote := "密钥未改"
	switch {
	case newSecret != "":
		kr, err := h.app.Store.Keyring()
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		sealed, err := kr.Seal(fieldWebhookSecret, newSecret)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		sets, secretNote = append(sets, [2]string{settingWebhookSecret, sealed}), "密钥已更换"
	case r.PostFormValue("clear_secret") == "1":
		sets, secretNote = append(sets, [2]string{settingWebhookSecret, ""}), "密钥已清除"
	}
	for _, kv := range sets {
		if err := h.app.Store.SetSetting(ctx, kv[0], kv[1]); err != nil {
			h.app.Fail(w, r, err)
			return
		}
	}
	detail := fmt.Sprintf("推送地址 %s，范围 %s，%s", targetForLog(typed["url"]), typed["scope"], secretNote)
	if err := h.app.Audit(r, "webhook.settings", "settings:linkage", detail); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/webhook", "saved")
}

func absHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(s) <= 1000
}

type webhookDeliveryPage struct {
	web.Page
	Delivery store.WebhookDelivery
	Attempts []store.WebhookAttempt
}

// StatusLabel is the Chinese name of a delivery state.
func (webhookDeliveryPage) StatusLabel(s string) string { return webhookPage{}.StatusLabel(s) }

// webhookDeliveryShow is one delivery's log: every attempt, its answer and
// its error in Chinese.
func (h handlers) webhookDeliveryShow(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := webhookDeliveryPage{Page: h.linkageBase(r, "推送记录")}
	if p.Delivery, err = h.app.Store.WebhookDelivery(r.Context(), id); err == nil {
		p.Attempts, err = h.app.Store.WebhookAttempts(r.Context(), id)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Title = "推送记录：" + p.Delivery.DocumentTitle
	h.app.Render(w, r, http.StatusOK, "staff/webhook_delivery.html", p)
}

// webhookRetry puts a delivery back in the queue for the next pass.
func (h handlers) webhookRetry(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err == nil {
		err = h.app.Store.RetryWebhookDelivery(r.Context(), id, h.app.Now())
	}
	if err == nil {
		err = h.app.Audit(r, "webhook.retry", fmt.Sprintf("webhook_delivery:%d", id), "")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/webhook/deliveries/%d", id), "retry")
}
