package staff

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// form gives a page's template the field errors: {{.Invalid "title"}}
// inside the input tag and {{template "fielderr" (.Field "title")}} beside it.
type form struct {
	Errs catalog.FieldErrors
}

// fieldRef is what the fielderr partial expects.
type fieldRef struct {
	Errs  catalog.FieldErrors
	Field string
}

// Field names a field for the fielderr partial.
func (f form) Field(name string) fieldRef { return fieldRef{Errs: f.Errs, Field: name} }

// Invalid marks a field with an error for assistive technology and points
// to its message and to the field's hints (their element IDs). name and
// hints are always constants from a template.
func (f form) Invalid(name string, hints ...string) template.HTMLAttr {
	ids := hints
	_, bad := f.Errs[name]
	if bad {
		ids = append(ids[:len(ids):len(ids)], name+"-error")
	}
	var b strings.Builder
	if len(ids) > 0 {
		b.WriteString(`aria-describedby="` + template.HTMLEscapeString(strings.Join(ids, " ")) + `"`)
	}
	if bad {
		b.WriteString(` aria-invalid="true"`)
	}
	return template.HTMLAttr(b.String())
}

// HasErrors reports whether the form has any message, for the summary at
// the top of a form.
func (f form) HasErrors() bool { return len(f.Errs) > 0 }

// flashes are the confirmations shown after a redirect (?done=…). Only
// these fixed texts can appear, so the query cannot inject a message.
var flashes = map[string]string{
	"saved":     "已保存。",
	"created":   "已创建。",
	"submitted": "已提交审核。",
	"approved":  "已审核通过。",
	"published": "已发布。",
	"scheduled": "已审核通过，将按设定时间发布。",
	"rejected":  "已退回，退回理由已告知作者。",
	"withdrawn": "已撤稿。",
	"validity":  "有效性已更新。",
	"deleted":   "已删除。",
	"calendar":  "工作日历已更新。",
	"password":  "密码已重置，该用户的所有登录会话已失效。",
	"disabled":  "账号已停用。",
	"enabled":   "账号已启用。",
	"late":      "已发布。注意：工作日历未覆盖相关年度，无法核算是否超过20个工作日的公开时限，已标记待补录日历后核算。",
}

// base fills the common page parts and the confirmation of the last action.
func (h handlers) base(r *http.Request, title string) web.Page {
	p := h.app.Base(r, title)
	if msg, ok := flashes[r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	return p
}

// redirect answers a successful POST with a redirect to a page that shows
// the confirmation done (post/redirect/get).
func redirect(w http.ResponseWriter, r *http.Request, path, done string) {
	if done != "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "done=" + url.QueryEscape(done)
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

// loadByPath reads the record an optional {id} path value names, with read.
// The save handlers of sites, 科室 and 栏目 serve both /new (no {id}: the
// zero record, to create) and /{id}/edit (the stored one, to update).
func loadByPath[T any](r *http.Request, read func(context.Context, int64) (T, error)) (T, error) {
	var zero T
	if r.PathValue("id") == "" {
		return zero, nil
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return zero, err
	}
	return read(r.Context(), id)
}

// formID reads an optional numeric form value (0 when empty or invalid).
func formID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(r.FormValue(name)), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// pager is what the pager partial needs.
type pager struct {
	Total, Page, Pages int
	path               string
	query              url.Values
}

func newPager(r *http.Request, total, perPage int) pager {
	p := pager{Total: total, Page: pageParam(r), Pages: (total + perPage - 1) / perPage, path: r.URL.Path, query: r.URL.Query()}
	p.Pages = max(p.Pages, 1)
	return p
}

// pageParam is the requested page number (1 when absent or invalid).
func pageParam(r *http.Request) int {
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 1 && n < 1_000_000 {
		return n
	}
	return 1
}

// URL is the link to page n with the current filters.
func (p pager) URL(n int) string {
	q := url.Values{}
	for k, v := range p.query {
		if k != "page" && k != "done" {
			q[k] = v
		}
	}
	q.Set("page", strconv.Itoa(n))
	return p.path + "?" + q.Encode()
}

// china is the zone dates are shown and entered in.
var china = time.FixedZone("CST", 8*3600)

// today is the current date in China as YYYY-MM-DD.
func (h handlers) today() string { return h.app.Now().In(china).Format("2006-01-02") }

// megabytes formats a byte limit for messages ("50MB").
func megabytes(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%.1fMB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%dKB", max(n>>10, 1))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// formIDq reads an optional numeric query value (0 when empty or invalid).
func formIDq(s string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}
