package staff

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

type repostItemPage struct {
	web.Page
	form
	Item    store.UpstreamItem
	Columns []siteColumn
	Today   string
	// The forms' values: what was typed after an error, else the defaults.
	DueOn    string
	ColumnID int64
	DocTitle string
	Body     string
}

// Verdict is the item's verdict today.
func (p repostItemPage) Verdict() linkage.Verdict { return p.Item.Verdict(p.Today) }

// repostShow is an item's page: the original, the decision (required with
// a due date, or not needed), the repost form and, once online, the proof.
func (h handlers) repostShow(w http.ResponseWriter, r *http.Request) {
	h.renderRepostItem(w, r, http.StatusOK, nil, nil)
}

func (h handlers) renderRepostItem(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, typed map[string]string) {
	ctx := r.Context()
	it, err := loadByPath(r, h.app.Store.UpstreamItem)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	all, err := h.allColumns(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := repostItemPage{Page: h.linkageBase(r, "转载："+it.Title), form: form{Errs: fe}, Item: it, Today: h.today(),
		DueOn: it.DueOn, ColumnID: it.ColumnID, DocTitle: it.Title, Body: repostBody(it)}
	for _, c := range all {
		if c.SiteID == it.SiteID {
			p.Columns = append(p.Columns, c)
		}
	}
	if p.DueOn == "" {
		ls, err := loadLinkageSettings(ctx, h.app.Store)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		cal, err := h.app.Store.Calendar(ctx)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.DueOn = dueFrom(cal, it.PublishedOn, h.app.Now(), ls.DueWorkdays)
	}
	if typed != nil {
		p.DueOn, p.DocTitle, p.Body = typed["due_on"], typed["title"], typed["body_html"]
		p.ColumnID = formIDq(typed["column"])
	}
	h.app.Render(w, r, status, "staff/repost_show.html", p)
}

// repostBody is the proposed body of the repost: the original's content
// (sanitised when it was read) and a line keeping the source, the original
// link and its date, as 转载 requires.
func repostBody(it store.UpstreamItem) string {
	content := it.ContentHTML
	if strings.TrimSpace(content) == "" && it.Summary != "" {
		content = "<p>" + html.EscapeString(it.Summary) + "</p>"
	}
	source := it.SubscriptionName
	if it.Sender != "" {
		source = it.Sender
	}
	line := fmt.Sprintf(`<p>来源：%s　原文链接：<a href="%s">%s</a>`, html.EscapeString(source),
		html.EscapeString(it.Link), html.EscapeString(it.Link))
	if it.PublishedOn != "" {
		line += "　原文发布日期：" + it.PublishedOn
	}
	return content + line + "</p>"
}

// repostRequire marks the item as a required repost with its due date.
func (h handlers) repostRequire(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	id, err := web.PathID(r, "id")
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	due := strings.TrimSpace(r.PostFormValue("due_on"))
	typed := map[string]string{"due_on": due, "column": r.PostFormValue("column")}
	fe := catalog.FieldErrors{}
	if _, err := workday.ParseDate(due); err != nil || !catalog.ValidDate(due) {
		fe.Add("due_on", "请按“2025-03-01”的格式填写应转载日期")
	}
	if len(fe) > 0 {
		h.renderRepostItem(w, r, http.StatusUnprocessableEntity, fe, typed)
		return
	}
	err = h.app.Store.MarkRepostRequired(r.Context(), id, due, formID(r, "column"), u.ID, h.app.Now())
	if err == nil {
		err = h.app.Audit(r, "repost.require", fmt.Sprintf("upstream_item:%d", id), "应转载日期 "+due)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/reposts/%d", id), "required")
}

// repostDismiss records that the item need not be reposted, or puts it back.
func (h handlers) repostDismiss(dismissed bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, _ := web.UserOf(r)
		id, err := web.PathID(r, "id")
		if err == nil {
			err = h.app.Store.DismissUpstreamItem(r.Context(), id, dismissed, u.ID, h.app.Now())
		}
		action, done := "repost.dismiss", "dismissed"
		if !dismissed {
			action, done = "repost.restore", "restored"
		}
		if err == nil {
			err = h.app.Audit(r, action, fmt.Sprintf("upstream_item:%d", id), "")
		}
		if errors.Is(err, store.ErrNotFound) {
			err = web.ErrConflict // already reposted: the decision cannot change any more
		}
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		redirect(w, r, fmt.Sprintf("/admin/reposts/%d", id), done)
	}
}
