package staff

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/newmedia"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type wechatPublishPage struct {
	web.Page
	form
	Account store.MediaAccount
	Doc     catalog.Document
	Draft   newmedia.Draft
	Recent  []catalog.Document
	Query   string
	Problem string // the platform's or the limit's refusal, in Chinese
}

// wechatPublishForm offers the site's published documents, then the draft
// of the chosen one for staff to confirm (title, author, digest).
func (m mediaHandlers) wechatPublishForm(w http.ResponseWriter, r *http.Request) {
	a, err := m.wechatAccountOf(r)
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	p := wechatPublishPage{Page: m.base(r, "发布到公众号"), Account: a, Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if id := formIDq(r.URL.Query().Get("doc")); id != 0 {
		doc, err := m.publishable(r, a, id)
		if err != nil {
			m.app.Fail(w, r, err)
			return
		}
		p.Doc, p.Draft = doc, m.draftOf(r, a, doc)
	} else {
		p.Recent, _, err = m.app.Store.DocumentList(r.Context(), store.DocumentFilter{SiteID: a.SiteID, Title: p.Query,
			States: []catalog.State{catalog.StatePublished}, Limit: 30})
		if err != nil {
			m.app.Fail(w, r, err)
			return
		}
	}
	m.app.Render(w, r, http.StatusOK, "staff/wechat_publish.html", p)
}

// publishable reads a published document of the account's site.
func (m mediaHandlers) publishable(r *http.Request, a store.MediaAccount, id int64) (catalog.Document, error) {
	doc, err := m.app.Store.Document(r.Context(), id)
	if err == nil && (doc.SiteID != a.SiteID || doc.State != catalog.StatePublished) {
		err = &web.Error{Status: http.StatusConflict, Message: "只有本站点已发布的信息才能发布到公众号"}
	}
	return doc, err
}

func (m mediaHandlers) draftOf(r *http.Request, a store.MediaAccount, doc catalog.Document) newmedia.Draft {
	site, _ := siteByID(m.app, a.SiteID)
	d := newmedia.Draft{Title: cut(doc.Title, 64), Digest: cut(doc.Summary, 120), SourceURL: m.siteURL(r, site) + "/doc/" + itoa(doc.ID)}
	if doc.Issuer != "" {
		d.Author = cut(doc.Issuer, 8)
	}
	return d
}

func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// wechatPublish publishes the confirmed draft: cover, draft, submission and
// a first status query. The platform's refusals are shown on the form.
func (m mediaHandlers) wechatPublish(w http.ResponseWriter, r *http.Request) {
	a, err := m.wechatAccountOf(r)
	var doc catalog.Document
	if err == nil {
		doc, err = m.publishable(r, a, formID(r, "doc"))
	}
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	d := m.draftOf(r, a, doc)
	d.Title, d.Author, d.Digest = strings.TrimSpace(r.FormValue("title")), strings.TrimSpace(r.FormValue("author")), strings.TrimSpace(r.FormValue("digest"))
	p := wechatPublishPage{Page: m.base(r, "发布到公众号"), Account: a, Doc: doc, Draft: d}
	if fe := d.Check(); len(fe) > 0 {
		p.form = form{Errs: fe}
		m.app.Render(w, r, http.StatusBadRequest, "staff/wechat_publish.html", p)
		return
	}
	u, _ := web.UserOf(r)
	post, err := m.svc.Publish(r.Context(), a, doc, d, u.ID)
	if post.ID != 0 {
		_ = m.app.Audit(r, "wechat.publish", "document:"+itoa(doc.ID), a.Name+" "+post.StatusLabel())
	}
	if err != nil {
		if msg, ok := platformMessage(err); ok {
			p.Problem = msg
			m.app.Render(w, r, http.StatusBadGateway, "staff/wechat_publish.html", p)
			return
		}
		m.app.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/wechat/"+itoa(a.ID)+"?msg="+postOutcome(post), http.StatusSeeOther)
}

// platformMessage is the Chinese text of the adapter's own errors (the
// platform's codes, the daily limit, no connection); others are internal.
func platformMessage(err error) (string, bool) {
	var ae *newmedia.APIError
	var le *newmedia.ErrLimit
	var ne *newmedia.NetError
	var me newmedia.MenuError
	switch {
	case errors.As(err, &ae), errors.As(err, &le), errors.As(err, &ne), errors.As(err, &me), errors.Is(err, newmedia.ErrNotConnected):
		return err.Error(), true
	}
	return "", false
}

// wechatPostRefresh asks the platform how a submitted post stands.
func (m mediaHandlers) wechatPostRefresh(w http.ResponseWriter, r *http.Request) {
	m.postAction(w, r, m.svc.Refresh)
}

// wechatPostRetry submits a failed post's draft again (the same draft:
// no second draft is created).
func (m mediaHandlers) wechatPostRetry(w http.ResponseWriter, r *http.Request) {
	m.postAction(w, r, m.svc.Submit)
}

func (m mediaHandlers) postAction(w http.ResponseWriter, r *http.Request,
	act func(ctx context.Context, a store.MediaAccount, p store.MediaPost) (store.MediaPost, error)) {
	pid, err := web.PathID(r, "pid")
	var post store.MediaPost
	var a store.MediaAccount
	if err == nil {
		post, err = m.app.Store.MediaPost(r.Context(), pid)
	}
	if err == nil {
		a, err = m.app.Store.MediaAccount(r.Context(), post.AccountID)
	}
	if err != nil {
		m.app.Fail(w, r, err)
		return
	}
	post, err = act(r.Context(), a, post)
	if err != nil {
		if msg, ok := platformMessage(err); ok {
			api := store.MediaAPI{Base: a.APIBase, AppID: a.AppID, PublishLimit: a.PublishLimit, MenuLimit: a.MenuLimit}
			m.renderWeChatAccount(w, r, http.StatusBadGateway, a, api, nil, msg)
			return
		}
		m.app.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/wechat/"+itoa(a.ID)+"?msg="+postOutcome(post)+"#post-"+itoa(post.ID), http.StatusSeeOther)
}

// postOutcome is the account page's message after a post was sent: the
// platform publishes at once or later (its publish job), which the
// account page then shows as it goes.
func postOutcome(post store.MediaPost) string {
	if post.Status == store.PostPublished {
		return "published"
	}
	return "publishing"
}
