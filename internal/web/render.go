package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/web/prefs"
)

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// StaticFS is the embedded static assets (CSS, scripts, the vendored editor).
func StaticFS() fs.FS { sub, _ := fs.Sub(staticFS, "static"); return sub }

// Page is what every layout needs; each page struct embeds it.
type Page struct {
	Title     string
	Site      catalog.Site
	HasSite   bool
	Base      string           // link prefix of the site: "" or "/s/{code}"
	Nav       []catalog.Column // first-level columns of the site
	User      *auth.User       // signed-in staff member (back office)
	RequestID string
	Meta      Meta
	Flash     string
	A11y      prefs.View // the visitor's 适老化/无障碍 settings and the toolbar (a11y.go)
}

// Meta fills the <meta> tags compliant government sites carry
// (网页设计规范, website-rules §2.3); monitors read PubDate.
type Meta struct {
	ColumnName    string
	ColumnType    string
	ArticleTitle  string
	PubDate       string // YYYY-MM-DD HH:MM
	ContentSource string
	Description   string
}

// Base fills the common part of a page for request r.
func (a *App) Base(r *http.Request, title string) Page {
	p := Page{Title: title, RequestID: RequestID(r)}
	if s, base, ok := SiteOf(r); ok {
		p.Site, p.Base, p.HasSite = s, base, true
		if cols, err := a.navColumns(r, s.ID); err == nil {
			p.Nav = cols
		}
	}
	p.A11y = a.a11yView(r, p.Base)
	if u, ok := UserOf(r); ok {
		p.User = &u
	}
	return p
}

func (a *App) navColumns(r *http.Request, siteID int64) ([]catalog.Column, error) {
	cols, err := a.Store.Columns(r.Context(), siteID)
	if err != nil {
		return nil, err
	}
	var top []catalog.Column
	for _, c := range cols {
		if c.ParentID == 0 && !c.Archived {
			top = append(top, c)
		}
	}
	return top, nil
}

type templates struct{ pages map[string]*template.Template }

var china = time.FixedZone("CST", 8*3600)

var funcs = template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(china).Format("2006-01-02")
	},
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(china).Format("2006-01-02 15:04")
	},
	"add": func(a, b int) int { return a + b },
	"sub": func(a, b int) int { return a - b },
	// body marks a document body as safe HTML: bodies are sanitised with
	// bluemonday when saved or imported (catalog.SanitizeBody), never here.
	"body":     func(s string) template.HTML { return template.HTML(s) },
	"hasErr":   func(fe catalog.FieldErrors, k string) bool { _, ok := fe[k]; return ok },
	"staffNav": StaffNav,
}

// parseTemplates builds one template set per page: its directory's
// layout.html, the shared partials and the page itself.
func parseTemplates() (*templates, error) {
	t := &templates{pages: map[string]*template.Template{}}
	for _, dir := range []string{"public", "staff"} {
		files, err := fs.Glob(templateFS, "templates/"+dir+"/*.html")
		if err != nil {
			return nil, err
		}
		base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/"+dir+"/layout.html", "templates/partials/*.html")
		if err != nil {
			return nil, fmt.Errorf("templates %s: %w", dir, err)
		}
		for _, f := range files {
			if path.Base(f) == "layout.html" {
				continue
			}
			c, err := base.Clone()
			if err == nil {
				_, err = c.ParseFS(templateFS, f)
			}
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", f, err)
			}
			t.pages[strings.TrimPrefix(f, "templates/")] = c
		}
	}
	return t, nil
}

// Render writes page with the named template ("public/home.html") and
// status. It renders into a buffer first so a template error becomes a 500
// page, not half a page.
func (a *App) Render(w http.ResponseWriter, r *http.Request, status int, name string, page any) {
	t, ok := a.tmpl.pages[name]
	if !ok {
		a.Log.Error("unknown template", "name", name, "request_id", RequestID(r))
		a.Fail(w, r, ErrInternal)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", page); err != nil {
		a.Log.Error("render", "name", name, "err", err, "request_id", RequestID(r))
		if name != errorTemplate {
			a.Fail(w, r, ErrInternal)
		} else {
			http.Error(w, ErrInternal.Message, http.StatusInternalServerError)
		}
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

const errorTemplate = "public/error.html"

// ErrorPage is the page of any error.
type ErrorPage struct {
	Page
	Status  int
	Message string
}

// Fail answers the request with the error's status and its Chinese message.
// Unexpected errors are logged once here, with the request ID; their text
// never reaches the user.
func (a *App) Fail(w http.ResponseWriter, r *http.Request, err error) {
	e, unexpected := classify(err)
	if unexpected {
		a.Log.Error("request failed", "request_id", RequestID(r), "path", r.URL.Path, "err", err)
	}
	p := ErrorPage{Page: a.Base(r, e.Message), Status: e.Status, Message: e.Message}
	if e.Status == http.StatusNotFound {
		p.Title = "页面不存在"
	}
	a.Render(w, r, e.Status, errorTemplate, p)
}
