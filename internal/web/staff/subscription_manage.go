package staff

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// siteColumn is a column with its site's name, for the choosers of the
// linkage forms (a repost goes to a column of the subscription's site).
type siteColumn struct {
	catalog.Column
	SiteName string
}

func (h handlers) allColumns(ctx context.Context) ([]siteColumn, error) {
	var out []siteColumn
	for _, s := range h.app.Sites() {
		cols, err := h.app.Store.Columns(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			out = append(out, siteColumn{Column: c, SiteName: s.Name})
		}
	}
	return out, nil
}

type subscriptionListPage struct {
	web.Page
	Subs  []store.FeedSubscription
	Sites map[int64]string
}

func (p subscriptionListPage) KindLabel(k linkage.Kind) string { return k.Label() }

// subscriptionList shows every subscription with its state: when it was
// last read, the error in Chinese when the last read failed, and when it
// will be read next (later after failures: back-off).
func (h handlers) subscriptionList(w http.ResponseWriter, r *http.Request) {
	subs, err := h.app.Store.FeedSubscriptions(r.Context(), 0)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := subscriptionListPage{Page: h.linkageBase(r, "上级信息订阅"), Subs: subs, Sites: map[int64]string{}}
	for _, s := range h.app.Sites() {
		p.Sites[s.ID] = s.Name
	}
	h.app.Render(w, r, http.StatusOK, "staff/subscription_list.html", p)
}

type subscriptionFormPage struct {
	web.Page
	form
	Sub     store.FeedSubscription
	Sites   []catalog.Site
	Columns []siteColumn
	Kinds   []linkage.Kind
}

func (h handlers) subscriptionNew(w http.ResponseWriter, r *http.Request) {
	sub := store.FeedSubscription{Kind: linkage.KindFeed, IntervalMinutes: 60, Enabled: true, SiteID: chosenSite(r, h.app.Sites())}
	h.renderSubscriptionForm(w, r, http.StatusOK, sub, nil)
}

func (h handlers) subscriptionEdit(w http.ResponseWriter, r *http.Request) {
	showEditForm(h.app, w, r, h.app.Store.FeedSubscription, h.renderSubscriptionForm)
}

func (h handlers) renderSubscriptionForm(w http.ResponseWriter, r *http.Request, status int, sub store.FeedSubscription, fe catalog.FieldErrors) {
	cols, err := h.allColumns(r.Context())
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	title := "新建订阅"
	if sub.ID != 0 {
		title = "修改订阅：" + sub.Name
	}
	h.app.Render(w, r, status, "staff/subscription_form.html", subscriptionFormPage{Page: h.base(r, title), form: form{Errs: fe},
		Sub: sub, Sites: h.app.Sites(), Columns: cols, Kinds: []linkage.Kind{linkage.KindFeed, linkage.KindPage}})
}

// subscriptionSave validates and stores the form; what was typed is kept
// when it has errors.
func (h handlers) subscriptionSave(w http.ResponseWriter, r *http.Request) {
	sub, err := loadByPath(r, h.app.Store.FeedSubscription)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	sub.SiteID = formID(r, "site")
	sub.Name = strings.TrimSpace(r.PostFormValue("name"))
	sub.Kind = linkage.Kind(r.PostFormValue("kind"))
	sub.URL = strings.TrimSpace(r.PostFormValue("url"))
	sub.ItemSelector = strings.TrimSpace(r.PostFormValue("item_selector"))
	sub.DateSelector = strings.TrimSpace(r.PostFormValue("date_selector"))
	sub.ColumnID = formID(r, "column")
	sub.Enabled = r.PostFormValue("enabled") == "1"
	fe := catalog.FieldErrors{}
	interval, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("interval")))
	if err != nil || interval < 5 || interval > 1440 {
		fe.Add("interval", "请填写5到1440之间的分钟数")
	} else {
		sub.IntervalMinutes = interval
	}
	if sub.Name == "" || utf8.RuneCountInString(sub.Name) > 60 {
		fe.Add("name", "请填写来源名称（60字以内），例如：黄石市人民政府")
	}
	if !sub.Kind.Known() {
		fe.Add("kind", "请选择读取方式")
	}
	if u, err := url.Parse(sub.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(sub.URL) > 1000 {
		fe.Add("url", "请填写以 http:// 或 https:// 开头的完整地址")
	}
	if sub.Kind == linkage.KindPage {
		if sub.ItemSelector == "" {
			fe.Add("item_selector", "列表页抓取须填写列表项选择器，例如：ul.list li")
		} else if err := linkage.ValidSelector(sub.ItemSelector); err != nil {
			fe.Add("item_selector", linkage.Message(err))
		}
	}
	if sub.DateSelector != "" {
		if err := linkage.ValidSelector(sub.DateSelector); err != nil {
			fe.Add("date_selector", linkage.Message(err))
		}
	}
	if err := h.checkSiteColumn(ctx, sub.SiteID, sub.ColumnID, fe); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(fe) > 0 {
		h.renderSubscriptionForm(w, r, http.StatusUnprocessableEntity, sub, fe)
		return
	}
	sub.NextPollAt = h.app.Now() // read on the next pass
	action := "subscription.update"
	if sub.ID == 0 {
		action = "subscription.create"
		sub.ID, err = h.app.Store.CreateFeedSubscription(ctx, sub)
	} else {
		err = h.app.Store.UpdateFeedSubscription(ctx, sub)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, action, fmt.Sprintf("subscription:%d", sub.ID), sub.Name+" "+sub.URL); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/subscriptions", "saved")
}

// subscriptionPoll makes a subscription due now; the background job reads
// it within a minute ("立即读取"), with the same timeouts as always.
func (h handlers) subscriptionPoll(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err == nil {
		err = h.app.Store.PollFeedSubscriptionSoon(r.Context(), id, h.app.Now())
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/subscriptions", "polling")
}
