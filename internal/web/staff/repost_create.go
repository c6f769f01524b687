package staff

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// repostCreate makes our repost of an item: a document in the chosen
// column with the source, original link and date kept in its body and the
// original's sender as 发布机构, created through the store and submitted to
// 初审 at once — a repost is reviewed like anything else we publish
// (先审后发, website-rules §2.5). Its proof is kept when it goes online.
func (h handlers) repostCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, _ := web.UserOf(r)
	it, err := loadByPath(r, h.app.Store.UpstreamItem)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	typed := map[string]string{"title": r.PostFormValue("title"), "body_html": r.PostFormValue("body_html"),
		"column": r.PostFormValue("column"), "due_on": it.DueOn}
	fe := catalog.FieldErrors{}
	col, err := h.app.Store.Column(ctx, formID(r, "column"))
	switch {
	case errors.Is(err, store.ErrNotFound) || (err == nil && col.SiteID != it.SiteID):
		fe.Add("column", "请选择本站点的转载栏目")
	case err != nil:
		h.app.Fail(w, r, err)
		return
	}
	body := catalog.SanitizeBody(typed["body_html"])
	if strings.TrimSpace(body) == "" {
		fe.Add("body_html", "请填写正文")
	} else if !strings.Contains(body, it.Link) && !strings.Contains(body, strings.ReplaceAll(it.Link, "&", "&amp;")) {
		fe.Add("body_html", "正文须保留原文链接（来源、原文链接和原文日期）")
	}
	issuer := it.Sender
	if issuer == "" {
		issuer = it.SubscriptionName
	}
	written := it.PublishedOn
	if written == "" {
		written = h.today()
	}
	d := catalog.Document{SiteID: it.SiteID, ColumnID: col.ID, OrgID: col.OrgID, AuthorID: u.ID,
		Title: strings.TrimSpace(typed["title"]), Summary: clipRunes(it.Summary, 200), BodyHTML: body,
		Issuer: issuer, Genre: catalog.GenreOther, WrittenOn: written, Validity: catalog.Valid, State: catalog.StateDraft}
	for k, v := range d.Validate() {
		if k == "title" || k == "column" {
			fe.Add(k, v)
		}
	}
	if len(fe) > 0 {
		h.renderRepostItem(w, r, http.StatusUnprocessableEntity, fe, typed)
		return
	}
	now := h.app.Now()
	docID, err := h.app.Store.RepostUpstreamItem(ctx, it.ID, d, u.ID, now)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	audit := h.app.AuditEntry(r, "repost.create", fmt.Sprintf("document:%d", docID),
		fmt.Sprintf("转载“%s”（%s）", it.Title, it.Link))
	dec := catalog.Decision{Action: catalog.ActSubmit, Now: now, ActorID: u.ID}
	if _, err := h.app.Store.Transition(ctx, docID, catalog.StateDraft, catalog.StateSubmitted, dec, 0, audit); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/documents/%d", docID), "submitted")
}

// clipRunes shortens s to at most n characters.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
