package staff

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type repostRuleListPage struct {
	web.Page
	Sites  []catalog.Site
	SiteID int64
	Rules  []store.RepostRule
	Subs   map[int64]string
	Cols   map[int64]string
}

// repostRuleList shows a site's rules in the order they are tried.
func (h handlers) repostRuleList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := repostRuleListPage{Page: h.linkageBase(r, "转载规则"), Sites: h.app.Sites(), Subs: map[int64]string{}, Cols: map[int64]string{}}
	p.SiteID = chosenSite(r, p.Sites)
	var err error
	if p.Rules, err = h.app.Store.RepostRules(ctx, p.SiteID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	subs, err := h.app.Store.FeedSubscriptions(ctx, p.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, s := range subs {
		p.Subs[s.ID] = s.Name
	}
	cols, err := h.allColumns(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, c := range cols {
		p.Cols[c.ID] = c.Name
	}
	h.app.Render(w, r, http.StatusOK, "staff/repost_rule_list.html", p)
}

type repostRuleFormPage struct {
	web.Page
	form
	Rule    store.RepostRule
	Sites   []catalog.Site
	Subs    []store.FeedSubscription
	Columns []siteColumn
}

func (h handlers) repostRuleNew(w http.ResponseWriter, r *http.Request) {
	ls, err := loadLinkageSettings(r.Context(), h.app.Store)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	rule := store.RepostRule{SiteID: chosenSite(r, h.app.Sites()), Enabled: true}
	rule.DueWorkdays = ls.DueWorkdays
	h.renderRepostRuleForm(w, r, http.StatusOK, rule, nil)
}

func (h handlers) repostRuleEdit(w http.ResponseWriter, r *http.Request) {
	showEditForm(h.app, w, r, h.app.Store.RepostRule, h.renderRepostRuleForm)
}

func (h handlers) renderRepostRuleForm(w http.ResponseWriter, r *http.Request, status int, rule store.RepostRule, fe catalog.FieldErrors) {
	ctx := r.Context()
	subs, err := h.app.Store.FeedSubscriptions(ctx, 0)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	cols, err := h.allColumns(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	title := "新建转载规则"
	if rule.ID != 0 {
		title = "修改转载规则：" + rule.Name
	}
	h.app.Render(w, r, status, "staff/repost_rule_form.html", repostRuleFormPage{Page: h.base(r, title), form: form{Errs: fe},
		Rule: rule, Sites: h.app.Sites(), Subs: subs, Columns: cols})
}

// repostRuleSave validates and stores a rule. A rule needs at least one
// condition: an empty one would mark everything.
func (h handlers) repostRuleSave(w http.ResponseWriter, r *http.Request) {
	rule, err := loadByPath(r, h.app.Store.RepostRule)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	if rule.ID == 0 {
		rule.SiteID = formID(r, "site")
	}
	rule.Name = strings.TrimSpace(r.PostFormValue("name"))
	rule.SubscriptionID = formID(r, "subscription")
	rule.Category = strings.TrimSpace(r.PostFormValue("category"))
	rule.Keyword = strings.TrimSpace(r.PostFormValue("keyword"))
	rule.Sender = strings.TrimSpace(r.PostFormValue("sender"))
	rule.ColumnID = formID(r, "column")
	rule.Enabled = r.PostFormValue("enabled") == "1"
	fe := catalog.FieldErrors{}
	if rule.Name == "" || utf8.RuneCountInString(rule.Name) > 60 {
		fe.Add("name", "请填写规则名称（60字以内）")
	}
	if rule.Empty() {
		fe.Add("keyword", "分类、标题关键词、发文单位至少填写一项，否则规则不会标记任何信息")
	}
	n, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("due_workdays")))
	if err != nil || n < 0 || n > 60 {
		fe.Add("due_workdays", "请填写0到60之间的工作日数")
	} else {
		rule.DueWorkdays = n
	}
	if rule.SubscriptionID != 0 {
		if sub, err := h.app.Store.FeedSubscription(ctx, rule.SubscriptionID); err != nil || sub.SiteID != rule.SiteID {
			fe.Add("subscription", "请选择该站点的订阅")
		}
	}
	if err := h.checkSiteColumn(ctx, rule.SiteID, rule.ColumnID, fe); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(fe) > 0 {
		h.renderRepostRuleForm(w, r, http.StatusUnprocessableEntity, rule, fe)
		return
	}
	if rule.ID, err = h.app.Store.SaveRepostRule(ctx, rule); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	detail := fmt.Sprintf("%s：分类“%s”关键词“%s”发文单位“%s”，%d个工作日", rule.Name, rule.Category, rule.Keyword, rule.Sender, rule.DueWorkdays)
	if err := h.app.Audit(r, "repost_rule.save", fmt.Sprintf("repost_rule:%d", rule.ID), detail); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/repost-rules?site=%d", rule.SiteID), "saved")
}
