package staff

import (
	"net/http"

	"gongkai/internal/auth"
	"gongkai/internal/web"
)

// registerLinkage adds the back office of the linkage with the city and
// province government (issue 9): the subscriptions and repost rules, the
// repost queue with its item pages and the monthly report, and the push
// (归集推送) settings with the delivery log.
func (h handlers) registerLinkage() {
	s := h.staff
	s("GET /admin/subscriptions", auth.PermLinkage, h.subscriptionList)
	s("GET /admin/subscriptions/new", auth.PermLinkage, h.subscriptionNew)
	s("POST /admin/subscriptions/new", auth.PermLinkage, h.subscriptionSave)
	s("GET /admin/subscriptions/{id}/edit", auth.PermLinkage, h.subscriptionEdit)
	s("POST /admin/subscriptions/{id}/edit", auth.PermLinkage, h.subscriptionSave)
	s("POST /admin/subscriptions/{id}/poll", auth.PermLinkage, h.subscriptionPoll)
	s("GET /admin/repost-rules", auth.PermLinkage, h.repostRuleList)
	s("GET /admin/repost-rules/new", auth.PermLinkage, h.repostRuleNew)
	s("POST /admin/repost-rules/new", auth.PermLinkage, h.repostRuleSave)
	s("GET /admin/repost-rules/{id}/edit", auth.PermLinkage, h.repostRuleEdit)
	s("POST /admin/repost-rules/{id}/edit", auth.PermLinkage, h.repostRuleSave)

	s("GET /admin/reposts", auth.PermRepost, h.repostQueue)
	s("GET /admin/reposts/report", auth.PermRepost, h.repostReport)
	s("GET /admin/reposts/report.xlsx", auth.PermRepost, h.repostReportXLSX)
	s("GET /admin/reposts/{id}", auth.PermRepost, h.repostShow)
	s("POST /admin/reposts/{id}/require", auth.PermRepost, h.repostRequire)
	s("POST /admin/reposts/{id}/dismiss", auth.PermRepost, h.repostDismiss(true))
	s("POST /admin/reposts/{id}/restore", auth.PermRepost, h.repostDismiss(false))
	s("POST /admin/reposts/{id}/repost", auth.PermRepost, h.repostCreate)

	s("GET /admin/webhook", auth.PermLinkage, h.webhookShow)
	s("POST /admin/webhook/settings", auth.PermLinkage, h.webhookSettingsSave)
	s("GET /admin/webhook/deliveries/{id}", auth.PermLinkage, h.webhookDeliveryShow)
	s("POST /admin/webhook/deliveries/{id}/retry", auth.PermLinkage, h.webhookRetry)
}

// linkageFlashes are the confirmations of the linkage pages, beside the
// shared ones of page.go; only these fixed texts can appear.
var linkageFlashes = map[string]string{
	"polling":   "已安排立即读取，后台将在一分钟内读取该订阅。",
	"required":  "已标记为必须转载。",
	"dismissed": "已标记为无需转载。",
	"restored":  "已放回待处理。",
	"reposted":  "已生成转载稿并提交审核，审核发布后自动留存转载凭证。",
	"retry":     "已重新加入推送队列。",
}

// linkageBase is base with the linkage pages' own confirmations.
func (h handlers) linkageBase(r *http.Request, title string) web.Page {
	p := h.base(r, title)
	if msg, ok := linkageFlashes[r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	return p
}
