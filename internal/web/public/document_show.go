package public

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type attachmentLink struct {
	Name, URL, Size, Type string
}

type documentPage struct {
	web.Page
	Doc         catalog.Document
	Column      catalog.Column
	Trail       []catalog.Column // first level down to the document's column
	Issuer      string
	Attachments []attachmentLink
	Banner      string            // set when the document is no longer in force
	Replacement *catalog.Document // the amending or repealing document, when published
	IndexURL    string
	Related     []relatedLink // 解读 of a policy, or the policy of a 解读 (proposal_interpretation.go)
}

// documentShow is the page of one published document: its 公开目录 metadata,
// the body, attachments, the other channels it went out on, and — when it
// was amended, repealed or has expired — a banner that says so and links the
// replacement (政府网站发展指引: mark the original document clearly).
func (h handlers) documentShow(w http.ResponseWriter, r *http.Request) {
	site, base, id, err := siteAndID(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	d, err := h.app.Store.Document(ctx, id)
	if err == nil && !published(d, site) {
		err = web.ErrNotFound
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	tree, err := loadColumns(ctx, h.app.Store, site.ID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := documentPage{Page: h.app.Base(r, d.Title), Doc: d, Trail: tree.trail(d.ColumnID), Issuer: d.Issuer}
	if p.Issuer == "" {
		p.Issuer = site.Name
	}
	if n := len(p.Trail); n > 0 {
		p.Column = p.Trail[n-1]
	}
	if d.IndexNo != "" {
		p.IndexURL = indexNoURL(base, d.IndexNo)
	}
	for _, a := range d.Attachments {
		p.Attachments = append(p.Attachments, attachmentLink{Name: a.Name, URL: fileURL(base, a),
			Size: humanSize(a.Size), Type: fileType(a.Name)})
	}
	p.Related = h.relatedLinks(ctx, base, d)
	if d.Validity.Superseded() {
		p.Banner = bannerText(d)
		if d.ReplacedBy != 0 {
			rep, err := h.app.Store.DocumentHead(ctx, d.ReplacedBy)
			switch {
			case err == nil && published(rep, site):
				p.Replacement = &rep
			case err != nil && !errors.Is(err, store.ErrNotFound):
				h.app.Fail(w, r, err)
				return
			}
		}
	}
	p.Meta = web.Meta{ColumnName: p.Column.Name, ColumnType: string(p.Column.Kind), ArticleTitle: d.Title,
		PubDate: pubDate(d.PublishedAt), ContentSource: p.Issuer, Description: d.Summary}
	h.app.Render(w, r, http.StatusOK, "public/document.html", p)
}

// pubDate formats the PubDate <meta> tag, YYYY-MM-DD HH:MM in Beijing time
// (网页设计规范, website-rules §2.3).
func pubDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(china).Format("2006-01-02 15:04")
}

// bannerText says since when a document is no longer in force, e.g.
// "本文件已于2025-06-01废止".
func bannerText(d catalog.Document) string {
	verb := strings.TrimPrefix(string(d.Validity), "已")
	if d.ValidityOn == "" {
		return "本文件已" + verb
	}
	return "本文件已于" + d.ValidityOn + verb
}

func fileURL(base string, a catalog.Attachment) string {
	return base + "/files/" + itoa(a.ID) + "/" + url.PathEscape(a.Name)
}

// fileType is the upper-case extension shown beside a download link, so a
// reader knows what opens before clicking.
func fileType(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || i == len(name)-1 {
		return ""
	}
	return strings.ToUpper(name[i+1:])
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
