package public

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"time"

	"gongkai/internal/web"
)

// maxSitemapURLs is the sitemaps.org limit of URLs in one file.
const maxSitemapURLs = 50000

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemapShow lists the site's pages, live columns and published documents
// with absolute URLs for search engines (条例第二十四条: information must be
// easy to find).
func (h handlers) sitemapShow(w http.ResponseWriter, r *http.Request) {
	site, base, tree, err := h.siteColumns(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	abs := absBase(r, base)
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	add := func(loc string, t time.Time) {
		u := sitemapURL{Loc: loc}
		if !t.IsZero() {
			u.LastMod = t.In(china).Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	add(abs+"/", time.Time{})
	add(abs+"/xxgk/", time.Time{})
	add(abs+"/guide", time.Time{})
	for _, c := range tree.all {
		if !c.Archived {
			add(columnURL(abs, c), time.Time{})
		}
	}
	refs, err := h.app.Store.PublishedRefs(ctx, site.ID, maxSitemapURLs-len(set.URLs))
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, d := range refs {
		add(docURL(abs, d.ID), later(d.PublishedAt, d.UpdatedAt))
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(set); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// robotsShow lets every crawler in except into the back office, and points
// to the sitemaps: this site's, and on the bare host also those of the
// sub-sites served under /s/{code}/ on any host.
func (h handlers) robotsShow(w http.ResponseWriter, r *http.Request) {
	_, base, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	var buf bytes.Buffer
	buf.WriteString("User-agent: *\nAllow: /\nDisallow: /admin/\n\n")
	abs := absBase(r, base)
	buf.WriteString("Sitemap: " + abs + "/sitemap.xml\n")
	if base == "" {
		root := absBase(r, "")
		for _, s := range h.app.Sites() {
			if s.ParentID != 0 && s.Host == "" {
				buf.WriteString("Sitemap: " + root + "/s/" + s.Code + "/sitemap.xml\n")
			}
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
